/**
 * Ed25519 (RFC 8032) through WebCrypto, which Node 20, Chromium (137+) and Electron have: no
 * home-made curve code. The private key leaves this module only as its 32-byte seed, for the
 * caller to seal at once; signing imports the seed as a non-extractable key, signs, and wipes
 * every copy of the seed it made, so the key exists in clear only for one signature.
 */
import { type Bytes, wipe } from '../crypto/bytes';

const ED25519 = { name: 'Ed25519' } as const;

/** RFC 8410 PKCS #8 wrapping of an Ed25519 seed: a fixed 16-byte prefix, then the 32 bytes. */
const PKCS8_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);

export const SEED_BYTES = 32;
export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

export class Ed25519UnavailableError extends Error {
  override name = 'Ed25519UnavailableError';
  constructor() {
    super('This runtime has no Ed25519 in WebCrypto (Node 20, Chromium 137 or Electron 37 needed)');
  }
}

async function unavailableIfNotSupported<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotSupportedError') {
      throw new Ed25519UnavailableError();
    }
    throw error;
  }
}

export interface GeneratedKeyPair {
  /** The private key's seed: seal it, then `wipe` it. */
  seed: Bytes;
  publicKey: Bytes;
}

export async function generateKeyPair(): Promise<GeneratedKeyPair> {
  return unavailableIfNotSupported(async () => {
    const pair = await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify']);
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
    const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    const seed = pkcs8.slice(PKCS8_PREFIX.length);
    wipe(pkcs8);
    if (seed.byteLength !== SEED_BYTES) throw new Error('unexpected Ed25519 PKCS #8 export');
    return { seed, publicKey };
  });
}

async function importSeed(seed: Bytes): Promise<CryptoKey> {
  if (seed.byteLength !== SEED_BYTES) throw new RangeError('an Ed25519 seed has 32 bytes');
  const pkcs8 = new Uint8Array(PKCS8_PREFIX.length + SEED_BYTES);
  pkcs8.set(PKCS8_PREFIX);
  pkcs8.set(seed, PKCS8_PREFIX.length);
  try {
    return await crypto.subtle.importKey('pkcs8', pkcs8, ED25519, false, ['sign']);
  } finally {
    wipe(pkcs8);
  }
}

/** Signs with the key of `seed`: `sign` is valid only inside `work`; the key is dropped after. */
export async function withSigningKey<T>(
  seed: Bytes,
  work: (sign: (message: Bytes) => Promise<Bytes>) => Promise<T>,
): Promise<T> {
  return unavailableIfNotSupported(async () => {
    let key: CryptoKey | null = await importSeed(seed);
    try {
      return await work(async (message) => {
        if (key === null) throw new Error('the signing key was already dropped');
        return new Uint8Array(await crypto.subtle.sign(ED25519, key, message));
      });
    } finally {
      key = null;
    }
  });
}

export async function verifySignature(
  publicKey: Bytes,
  signature: Bytes,
  message: Bytes,
): Promise<boolean> {
  if (publicKey.byteLength !== PUBLIC_KEY_BYTES || signature.byteLength !== SIGNATURE_BYTES) {
    return false;
  }
  return unavailableIfNotSupported(async () => {
    const key = await crypto.subtle.importKey('raw', publicKey, ED25519, false, ['verify']);
    return crypto.subtle.verify(ED25519, key, signature, message);
  });
}
