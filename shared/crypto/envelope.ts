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

export async function openBytes(key: CryptoKey, sealed: Sealed, aad: Bytes): Promise<Bytes> {
  if (!isSealed(sealed)) throw new SealError('not a sealed envelope');
  try {
    const pt = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.iv, additionalData: aad, tagLength: 128 },
      key,
      sealed.ct,
    );
    return new Uint8Array(pt);
  } catch {
    // WebCrypto says only "OperationError"; what it means here is one of these.
    throw new SealError(
      'the ciphertext was altered, moved from another record, or the key is wrong',
    );
  }
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

export async function openJson(key: CryptoKey, sealed: Sealed, aad: Bytes): Promise<unknown> {
  return JSON.parse(fromUtf8(await openBytes(key, sealed, aad))) as unknown;
}

/** Additional data for a record: format tag, vault, table and id, each length-delimited by `|`. */
export function recordAad(vaultId: string, table: string, id: string | number): Bytes {
  return utf8(`aw-record/v1|${vaultId}|${table}|${String(id)}`);
}
