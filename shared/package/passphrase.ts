/**
 * Package passphrases the workbench generates: 128 random bits written as 25 Crockford base32
 * characters (125 bits kept) in groups of five, to be read out or sent separately from the
 * package. Like the recovery key, never stored in clear.
 */
import { randomBytes } from '../crypto/bytes';
import { crockfordBase32 } from '../crypto/recovery-key';

export function newPackagePassphrase(): string {
  const chars = crockfordBase32(randomBytes(16));
  return chars.match(/.{1,5}/g)?.join('-') ?? chars;
}
