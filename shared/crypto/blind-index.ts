/**
 * Keyed blind indexes: an HMAC of a normalised value, so a record can be found by an exact
 * value (a national ID, an asset tag) without that value being stored in clear. Without the
 * vault's index key the tokens reveal nothing but equality.
 */
import { toBase64, utf8 } from './bytes';

export async function blindIndex(
  indexKey: CryptoKey,
  field: string,
  value: string,
): Promise<string> {
  const normalised = value.normalize('NFKC').trim().toUpperCase();
  const mac = await crypto.subtle.sign('HMAC', indexKey, utf8(`${field}\u0000${normalised}`));
  // 128 bits is ample to keep collisions away at our volumes, and halves the index size.
  return toBase64(new Uint8Array(mac, 0, 16));
}
