/**
 * Reproducible random samples for tests of controls. A reviewer given the seed and the same
 * population re-draws exactly the same items, whatever order the population was exported in.
 *
 * Algorithm `sfc32-fisher-yates/v1` (changing any step needs a new version name, or recorded
 * samples would no longer re-draw):
 * 1. Sort the population by key, comparing UTF-16 code units (`<`), not locale rules, so the
 *    order is the same on every machine. Keys must be unique.
 * 2. SHA-256 of the seed's UTF-8 bytes (after NFC normalisation, so the same seed typed on
 *    different systems matches); its first four 32-bit big-endian words are sfc32's a, b, c
 *    and counter. Discard 12 outputs, as PractRand's sfc32 seeding does.
 * 3. Partial Fisher–Yates: for i = 0 … k−1, swap position i with i + r, r uniform in
 *    [0, size − i) by rejection sampling on 32-bit outputs (no modulo bias). `picked` is
 *    positions 0 … k−1, in draw order.
 */
import { z } from 'zod';
import { randomBytes, utf8 } from '../../crypto/bytes';

export const SAMPLE_ALGORITHM = 'sfc32-fisher-yates/v1';

export interface Sample<T> {
  seed: string;
  populationSize: number;
  /** The sample size asked for. */
  n: number;
  /** The items drawn, in draw order; the whole population when n ≥ its size. */
  picked: T[];
  pickedKeys: string[];
  /** True when n covered the whole population, so nothing was left out. */
  wholePopulation: boolean;
  algorithm: typeof SAMPLE_ALGORITHM;
}

export interface SeededRandom {
  /** The next raw 32-bit output (0 … 2³² − 1). */
  nextUint32(): number;
  /** A uniform whole number in [0, bound), for 1 ≤ bound ≤ 2³². */
  below(bound: number): number;
}

const TWO_32 = 2 ** 32;

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 32-bit), as in PractRand. */
function sfc32(a: number, b: number, c: number, counter: number): () => number {
  return () => {
    const t = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = ((c << 21) | (c >>> 11)) + t;
    c |= 0;
    return t >>> 0;
  };
}

/** The generator behind `drawSample`, exposed so tests and reviewers can check it on its own. */
export async function createSeededRandom(seed: string): Promise<SeededRandom> {
  const digest = new DataView(await crypto.subtle.digest('SHA-256', utf8(seed.normalize('NFC'))));
  const next = sfc32(
    digest.getUint32(0),
    digest.getUint32(4),
    digest.getUint32(8),
    digest.getUint32(12),
  );
  for (let i = 0; i < 12; i++) next();
  return {
    nextUint32: next,
    below(bound) {
      if (!Number.isInteger(bound) || bound < 1 || bound > TWO_32) {
        throw new RangeError(`below: bound must be a whole number in 1 … 2^32, got ${bound}`);
      }
      // Outputs at or above the largest multiple of bound would favour small values: redraw.
      const limit = TWO_32 - (TWO_32 % bound);
      for (;;) {
        const x = next();
        if (x < limit) return x % bound;
      }
    },
  };
}

function checkSeed(seed: string): void {
  if (seed.trim() === '') throw new RangeError('The sample seed must not be empty');
}

/**
 * Draws `n` items from `population`, reproducibly from `seed` (see the algorithm above).
 * Throws a RangeError when n is not a positive whole number, the seed is empty or two items
 * share a key (their order, and so the sample, would depend on the input order).
 */
export async function drawSample<T>(
  population: readonly T[],
  n: number,
  seed: string,
  keyOf: (item: T) => string,
): Promise<Sample<T>> {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`The sample size must be a positive whole number, got ${n}`);
  }
  checkSeed(seed);
  const entries = population.map((item) => ({ key: keyOf(item), item }));
  entries.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  for (let i = 1; i < entries.length; i++) {
    const key = entries[i]?.key;
    if (key === entries[i - 1]?.key) {
      throw new RangeError(`Two population items share the key ${JSON.stringify(key)}`);
    }
  }

  const random = await createSeededRandom(seed);
  const size = entries.length;
  const count = Math.min(n, size);
  for (let i = 0; i < count; i++) {
    const j = i + random.below(size - i);
    const chosen = entries[j];
    const current = entries[i];
    if (chosen === undefined || current === undefined) throw new Error('unreachable');
    entries[i] = chosen;
    entries[j] = current;
  }
  const drawn = entries.slice(0, count);
  return {
    seed,
    populationSize: size,
    n,
    picked: drawn.map((entry) => entry.item),
    pickedKeys: drawn.map((entry) => entry.key),
    wholePopulation: n >= size,
    algorithm: SAMPLE_ALGORITHM,
  };
}

/** Crockford's base32: no I, L, O or U, so a seed read aloud or retyped is not misread. */
const SEED_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SEED_LENGTH = 12;

/** A fresh random seed of 12 base32 characters (60 bits), e.g. `7KQ2M9XTB4HD`. */
export function newSampleSeed(): string {
  let seed = '';
  // 256 is a multiple of 32, so the low five bits of a random byte are uniform.
  for (const byte of randomBytes(SEED_LENGTH)) seed += SEED_ALPHABET.charAt(byte & 31);
  return seed;
}

/** What the working papers keep of a sample: enough to re-draw it and compare. */
export const sampleRecordSchema = z
  .object({
    seed: z.string().min(1).max(200),
    algorithm: z.literal(SAMPLE_ALGORITHM),
    populationSize: z.number().int().nonnegative(),
    n: z.number().int().positive(),
    pickedKeys: z.array(z.string()),
    wholePopulation: z.boolean(),
  })
  .refine((s) => s.pickedKeys.length === Math.min(s.n, s.populationSize), {
    error: 'the number of picked keys does not match the sample size',
    path: ['pickedKeys'],
  })
  .refine((s) => s.wholePopulation === s.n >= s.populationSize, {
    error: 'wholePopulation does not match the sample and population sizes',
    path: ['wholePopulation'],
  });
export type SampleRecord = z.infer<typeof sampleRecordSchema>;

export function toSampleRecord(sample: Sample<unknown>): SampleRecord {
  const { seed, algorithm, populationSize, n, pickedKeys, wholePopulation } = sample;
  return { seed, algorithm, populationSize, n, pickedKeys: [...pickedKeys], wholePopulation };
}

/**
 * Re-performs a recorded sample on `population`: true when the population has the recorded
 * size and the same seed draws the same keys in the same order.
 */
export async function verifySample<T>(
  population: readonly T[],
  record: SampleRecord,
  keyOf: (item: T) => string,
): Promise<boolean> {
  if (population.length !== record.populationSize) return false;
  const redrawn = await drawSample(population, record.n, record.seed, keyOf);
  return (
    redrawn.pickedKeys.length === record.pickedKeys.length &&
    redrawn.pickedKeys.every((key, i) => key === record.pickedKeys[i])
  );
}
