/**
 * The sealed envelope: AES-256-GCM with a fresh 96-bit IV per seal and caller-supplied
 * additional data. The additional data binds a ciphertext to where it belongs (vault, table,
 * record id), so a ciphertext copied onto another record fails to open.
 */
import { type Bytes, fromUtf8, randomBytes, utf8 } from './bytes';

export const ENVELOPE_VERSION = 1;
const IV_BYTES = 12;

export interface Sealed {
  /** Envelope format version, so the algorithm can change later without guessing. */
  v: typeof ENVELOPE_VERSION;
  iv: Bytes;
  ct: Bytes;
}

export class SealError extends Error {
  override name = 'SealError';
}

export function isSealed(value: unknown): value is Sealed {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Sealed>;
  return (
    candidate.v === ENVELOPE_VERSION &&
    candidate.iv instanceof Uint8Array &&
    candidate.iv.byteLength === IV_BYTES &&
    candidate.ct instanceof Uint8Array &&
    candidate.ct.byteLength >= 16
  );
}

export async function sealBytes(key: CryptoKey, plaintext: Bytes, aad: Bytes): Promise<Sealed> {
  return sealWithIv(key, randomBytes(IV_BYTES), plaintext, aad);
}

async function sealWithIv(
  key: CryptoKey,
  iv: Bytes,
  plaintext: Bytes,
  aad: Bytes,
): Promise<Sealed> {
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 },
    key,
    plaintext,
  );
  return { v: ENVELOPE_VERSION, iv, ct: new Uint8Array(ct) };
}

const OPEN_FAILED =
  // WebCrypto says only "OperationError"; what it means here is one of these.
  'the ciphertext was altered, moved from another record, or the key is wrong';

/**
 * Opens a sealed value. A plain promise chain, not an async function: a list opens thousands of
 * rows at once, and every extra await level is a promise per row (see ARCHITECTURE.md, Speed).
 */
export function openBytes(key: CryptoKey, sealed: Sealed, aad: Bytes): Promise<Bytes> {
  return decrypt(key, sealed, aad).then((pt) => new Uint8Array(pt));
}

function decrypt(key: CryptoKey, sealed: Sealed, aad: Bytes): Promise<ArrayBuffer> {
  if (!isSealed(sealed)) return Promise.reject(new SealError('not a sealed envelope'));
  return crypto.subtle
    .decrypt(
      { name: 'AES-GCM', iv: sealed.iv, additionalData: aad, tagLength: 128 },
      key,
      sealed.ct,
    )
    .catch(() => {
      throw new SealError(OPEN_FAILED);
    });
}

/**
 * Seals many values at once (a batch of records): one call to the random source for all the
 * IVs, each then copied into a buffer of its own (a view of a shared buffer would be stored
 * whole by IndexedDB with every row), and the encryptions in flight together.
 */
export function sealMany(
  key: CryptoKey,
  items: readonly { plaintext: Bytes; aad: Bytes }[],
): Promise<Sealed[]> {
  const ivs = randomBytes(IV_BYTES * items.length);
  return Promise.all(
    items.map(({ plaintext, aad }, i) =>
      sealWithIv(key, ivs.slice(i * IV_BYTES, (i + 1) * IV_BYTES), plaintext, aad),
    ),
  );
}

export async function sealJson(key: CryptoKey, value: unknown, aad: Bytes): Promise<Sealed> {
  return sealBytes(key, utf8(JSON.stringify(value)), aad);
}

export function openJson(key: CryptoKey, sealed: Sealed, aad: Bytes): Promise<unknown> {
  return decrypt(key, sealed, aad).then(
    (pt) => JSON.parse(fromUtf8(new Uint8Array(pt))) as unknown,
  );
}

/** Additional data for a record: format tag, vault, table and id, each length-delimited by `|`. */
export function recordAad(vaultId: string, table: string, id: string | number): Bytes {
  return utf8(`aw-record/v1|${vaultId}|${table}|${String(id)}`);
}

const aadEncoder = new TextEncoder();

/**
 * `recordAad` for many ids of one table: the prefix is encoded once and each id written after
 * it, byte for byte the same additional data.
 */
export function recordAadFor(vaultId: string, table: string): (id: string | number) => Bytes {
  const prefix = utf8(`aw-record/v1|${vaultId}|${table}|`);
  return (id) => {
    const text = String(id);
    const out = new Uint8Array(prefix.length + text.length * 3);
    out.set(prefix);
    const { written } = aadEncoder.encodeInto(text, out.subarray(prefix.length));
    return out.subarray(0, prefix.length + written);
  };
}
