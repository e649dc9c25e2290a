/**
 * Key-encryption keys derived from what the user holds: the passphrase (Argon2id, slow and
 * memory-hard on purpose; PBKDF2-HMAC-SHA256 in vaults made before it, upgraded at the next
 * unlock) or the recovery key (already 160 random bits, so HKDF is enough). The parameters are
 * stored beside each wrapped key so they can be raised later without breaking existing vaults.
 *
 * Parameters are validated whenever a keyslot is read, with a floor and a ceiling: a tampered
 * slot can neither make the passphrase cheap to guess nor make unlocking hang.
 */
import { argon2id } from 'hash-wasm';
import { z } from 'zod';
import { type Bytes, fromBase64, randomBytes, toBase64, utf8, wipe } from './bytes';

/**
 * Argon2id for new passphrase slots: 64 MiB, 3 passes, one lane. Stronger than OWASP's
 * minimum (19 MiB, 2 passes); about 0.3–0.4 s on this project's two-core machines, in Node
 * and in Chromium (hash-wasm's WebAssembly build).
 */
export const ARGON2ID_PARAMS = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 } as const;

/** What a keyslot may ask for: OWASP's minimum as the floor, about 2 s of work as the ceiling. */
export const ARGON2ID_BOUNDS = {
  memoryKiB: { min: 19 * 1024, max: 256 * 1024 },
  iterations: { min: 2, max: 10 },
  parallelism: { min: 1, max: 4 },
  /** memory × passes, in KiB: 256 MiB × 4 passes at most. */
  maxWork: 1024 * 1024,
} as const;

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256: the floor for slots made before Argon2id. */
export const PBKDF2_ITERATIONS = 600_000;
/** About 1.5–2 s in Chromium: more is refused as a slot that would make unlocking hang. */
export const PBKDF2_MAX_ITERATIONS = 10_000_000;

const SALT_BYTES = 16;
const KEY_BYTES = 32;

const salt = z
  .string()
  .min(1)
  .max(256)
  .refine((value) => {
    try {
      return fromBase64(value).byteLength >= SALT_BYTES;
    } catch {
      return false;
    }
  }, 'must be base64 of at least 16 bytes');

const bounded = (range: { min: number; max: number }) =>
  z.number().int().min(range.min).max(range.max);

export const kdfParamsSchema = z.discriminatedUnion('alg', [
  z
    .object({
      alg: z.literal('Argon2id'),
      /** Argon2 version 0x13 (1.3), the only one hash-wasm implements. */
      version: z.literal(19),
      memoryKiB: bounded(ARGON2ID_BOUNDS.memoryKiB),
      iterations: bounded(ARGON2ID_BOUNDS.iterations),
      parallelism: bounded(ARGON2ID_BOUNDS.parallelism),
      salt,
    })
    .refine((p) => p.memoryKiB * p.iterations <= ARGON2ID_BOUNDS.maxWork, {
      message: `memory × iterations may not exceed ${ARGON2ID_BOUNDS.maxWork} KiB`,
    }),
  z.object({
    alg: z.literal('PBKDF2-SHA256'),
    iterations: z.number().int().min(PBKDF2_ITERATIONS).max(PBKDF2_MAX_ITERATIONS),
    salt,
  }),
  z.object({ alg: z.literal('HKDF-SHA256'), salt }),
]);
export type KdfParams = z.infer<typeof kdfParamsSchema>;

export function newPassphraseKdf(): KdfParams {
  return {
    alg: 'Argon2id',
    version: 19,
    ...ARGON2ID_PARAMS,
    salt: toBase64(randomBytes(SALT_BYTES)),
  };
}

export function newRecoveryKdf(): KdfParams {
  return { alg: 'HKDF-SHA256', salt: toBase64(randomBytes(SALT_BYTES)) };
}

/** True for a passphrase slot from before Argon2id: it is re-wrapped at the next unlock. */
export function isOutdatedPassphraseKdf(params: KdfParams): boolean {
  return params.alg === 'PBKDF2-SHA256';
}

const AES_KEY = { name: 'AES-GCM', length: 256 } as const;

/** Derives a non-extractable AES-256-GCM key that only encrypts and decrypts the wrapped data key. */
export async function deriveKek(secret: string | Bytes, params: KdfParams): Promise<CryptoKey> {
  // Checked here too, so no caller can derive with parameters a keyslot could not hold.
  const checked = kdfParamsSchema.parse(params);
  const material = typeof secret === 'string' ? utf8(secret.normalize('NFC')) : secret;
  const saltBytes = fromBase64(checked.salt);
  if (checked.alg === 'Argon2id') {
    const raw = await argon2id({
      password: material,
      salt: saltBytes,
      iterations: checked.iterations,
      memorySize: checked.memoryKiB,
      parallelism: checked.parallelism,
      hashLength: KEY_BYTES,
      outputType: 'binary',
    });
    const bytes = new Uint8Array(raw);
    try {
      return await crypto.subtle.importKey('raw', bytes, AES_KEY, false, ['encrypt', 'decrypt']);
    } finally {
      wipe(bytes);
      raw.fill(0);
    }
  }
  if (checked.alg === 'PBKDF2-SHA256') {
    const base = await crypto.subtle.importKey('raw', material, 'PBKDF2', false, ['deriveKey']);
    return crypto.subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt: saltBytes, iterations: checked.iterations },
      base,
      AES_KEY,
      false,
      ['encrypt', 'decrypt'],
    );
  }
  const base = await crypto.subtle.importKey('raw', material, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: saltBytes, info: utf8('aw-recovery-kek/v1') },
    base,
    AES_KEY,
    false,
    ['encrypt', 'decrypt'],
  );
}
