/**
 * A row's natural key, so that importing the same file twice does not duplicate records: the
 * values of the key fields (e.g. the national ID of a roster, the asset tag of an asset list),
 * normalised so that width, case and stray spaces do not make two keys differ. The vault keeps
 * it inside the sealed record and matches re-imports after decryption; it is never stored or
 * indexed in clear (an index would have to go through `blindIndex`).
 */

/** A normalised natural key: personal data, kept sealed, never stored or indexed in clear. */
export type RowKey = string & { readonly __brand: 'RowKey' };

/** NFKC (full-width → half-width), trimmed, inner runs of space as one, upper case. */
export function normaliseKeyPart(value: string): string {
  return value.normalize('NFKC').trim().replace(/\s+/g, ' ').toUpperCase();
}

/**
 * The key of a row, or `null` when a key field is empty (such a row cannot be matched and is
 * imported as new). The field names are part of the key and the encoding is unambiguous (JSON),
 * so `["A", "BC"]` and `["AB", "C"]` differ.
 */
export function rowKey(
  values: Readonly<Record<string, string | null | undefined>>,
  keyFields: readonly string[],
): RowKey | null {
  if (keyFields.length === 0) throw new RangeError('rowKey: at least one key field is needed');
  const parts: [string, string][] = [];
  for (const field of keyFields) {
    const value = values[field];
    if (value === null || value === undefined) return null;
    const part = normaliseKeyPart(value);
    if (part === '') return null;
    parts.push([field, part]);
  }
  return JSON.stringify(parts) as RowKey;
}
