/**
 * Recovery keys: 160 random bits shown once at vault creation, written as 32 Crockford
 * base32 characters in groups of four so they can be printed and typed back. Crockford's
 * alphabet leaves out I, L, O and U, and decoding forgives the usual misreadings.
 */
import { type Bytes, randomBytes } from './bytes';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_BYTES = 20;
const RECOVERY_CHARS = 32;

/** Crockford base32 of `bytes`, most significant bit first; trailing bits are dropped. */
export function crockfordBase32(bytes: Bytes): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
  }
  return out;
}

export function newRecoveryKey(): string {
  return formatRecoveryKey(crockfordBase32(randomBytes(RECOVERY_BYTES)));
}

function formatRecoveryKey(chars: string): string {
  return chars.match(/.{1,4}/g)?.join('-') ?? chars;
}

/**
 * Normalises what a user typed (case, spaces, dashes, I/L→1, O→0) into the canonical
 * grouped form, or returns null when it cannot be a recovery key.
 */
export function normalizeRecoveryKey(input: string): string | null {
  const chars = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (chars.length !== RECOVERY_CHARS) return null;
  for (const ch of chars) if (!ALPHABET.includes(ch)) return null;
  return formatRecoveryKey(chars);
}
