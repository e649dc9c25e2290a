/**
 * What kind of file the bytes are, from their first bytes, whatever the file name says: users
 * rename files, and HR systems save Excel files with a `.csv` name and the reverse.
 */

export type SniffedFormat =
  /** A ZIP archive: an .xlsx (or another OOXML / OpenDocument file). */
  | 'zip'
  /** A Compound File (OLE2) container: a password-protected .xlsx or a legacy .xls / .doc. */
  | 'ole'
  /** Contains NUL bytes: not text in UTF-8 or Big5 (a binary file, or UTF-16 text). */
  | 'binary'
  | 'text';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;
/** An empty archive begins with its end-of-central-directory record. */
const ZIP_EMPTY_MAGIC = [0x50, 0x4b, 0x05, 0x06] as const;
export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** How far the NUL search looks; text exports have none anywhere, binaries many early on. */
const BINARY_PROBE_BYTES = 64 * 1024;

export function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((byte, i) => bytes[i] === byte);
}

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, ZIP_EMPTY_MAGIC)) return 'zip';
  // The first four bytes suffice: a truncated container is still not text.
  if (startsWith(bytes, OLE_MAGIC.slice(0, 4))) return 'ole';
  const probe = bytes.subarray(0, BINARY_PROBE_BYTES);
  return probe.includes(0) ? 'binary' : 'text';
}
