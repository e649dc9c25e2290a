/**
 * Package passphrases the workbench generates: 128 random bits written as 25 Crockford base32
 * characters (125 bits kept) in groups of five, to be read out or sent separately from the
 * package. Like the recovery key, never stored in clear.
 */
import { randomBytes } from '../crypto/bytes';
import { crockfordBase32 } from '../crypto/recovery-key';
import { GENERATED_PASSPHRASE_LOG_N, SCRYPT_LOG_N } from './format';

export function newPackagePassphrase(): string {
  const chars = crockfordBase32(randomBytes(16));
  return chars.match(/.{1,5}/g)?.join('-') ?? chars;
}

/** The form `newPackagePassphrase` gives: five groups of five Crockford base32 characters. */
const GENERATED_FORM = /^[0-9A-HJKMNP-TV-Z]{5}(?:-[0-9A-HJKMNP-TV-Z]{5}){4}$/;

/**
 * scrypt's log2(N) for a package passphrase: `GENERATED_PASSPHRASE_LOG_N` only when the caller
 * says it is the one `newPackagePassphrase` gave, unedited, and it has that form (a flag set
 * by mistake on a typed passphrase does not lower its work factor); `SCRYPT_LOG_N` otherwise.
 */
export function workFactorFor(passphrase: string, generated: boolean): number {
  return generated && GENERATED_FORM.test(passphrase) ? GENERATED_PASSPHRASE_LOG_N : SCRYPT_LOG_N;
}
