/**
 * Key-encryption keys derived from what the user holds: the passphrase (PBKDF2-HMAC-SHA256,
 * slow on purpose) or the recovery key (already 160 random bits, so HKDF is enough). The
 * parameters are stored beside each wrapped key so they can be raised later without breaking
 * existing vaults.
 */
import { z } from 'zod';
import { type Bytes, fromBase64, randomBytes, toBase64, utf8 } from './bytes';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. About 80 ms in Chromium on our laptops. */
export const PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;

export const kdfParamsSchema = z.discriminatedUnion('alg', [
  z.object({
    alg: z.literal('PBKDF2-SHA256'),
    iterations: z.number().int().min(PBKDF2_ITERATIONS),
    salt: z.string().min(1),
  }),
  z.object({ alg: z.literal('HKDF-SHA256'), salt: z.string().min(1) }),
]);
export type KdfParams = z.infer<typeof kdfParamsSchema>;

export function newPassphraseKdf(): KdfParams {
  return {
    alg: 'PBKDF2-SHA256',
    iterations: PBKDF2_ITERATIONS,
    salt: toBase64(randomBytes(SALT_BYTES)),
  };
}

export function newRecoveryKdf(): KdfParams {
  return { alg: 'HKDF-SHA256', salt: toBase64(randomBytes(SALT_BYTES)) };
}

/** Derives a non-extractable AES-256-GCM key that only encrypts and decrypts the wrapped data key. */
export async function deriveKek(secret: string | Bytes, params: KdfParams): Promise<CryptoKey> {
  const material = typeof secret === 'string' ? utf8(secret.normalize('NFC')) : secret;
  const salt = fromBase64(params.salt);
  const aesKey = { name: 'AES-GCM', length: 256 } as const;
  if (params.alg === 'PBKDF2-SHA256') {
    const base = await crypto.subtle.importKey('raw', material, 'PBKDF2', false, ['deriveKey']);
    return crypto.subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: params.iterations },
      base,
      aesKey,
      false,
      ['encrypt', 'decrypt'],
    );
  }
  const base = await crypto.subtle.importKey('raw', material, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: utf8('aw-recovery-kek/v1') },
    base,
    aesKey,
    false,
    ['encrypt', 'decrypt'],
  );
}
