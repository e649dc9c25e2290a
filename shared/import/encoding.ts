/**
 * Text encodings of CSV files: UTF-8 (with or without BOM) and Big5, which Taiwanese HR systems
 * still export. Detection, and decoding that refuses to guess: a byte that does not decode is
 * reported with its offset and line instead of turning into U+FFFD.
 *
 * Lines are counted as the CSV parser and text editors count them: LF, CRLF and a lone CR each
 * end a line. Neither encoding uses the bytes 0x0A or 0x0D inside a character, so lines can be
 * found in the bytes before decoding.
 *
 * Runtimes differ on Big5: browsers follow the WHATWG Encoding Standard (Big5-HKSCS), Node's
 * ICU maps more byte pairs, some to the Private Use Area. The structure (lead byte 0x81–0xFE,
 * trail 0x40–0x7E or 0xA1–0xFE) is therefore checked here, the same everywhere; what decodes
 * to U+FFFD or a C1 control on top of that is refused as well. Private Use characters (造字,
 * user-defined characters some HR systems use for rare names) are let through.
 */
import { bi, ImportError } from './errors';
import { sniffFormat } from './format';

export type TextEncodingName = 'utf-8' | 'big5';

export interface EncodingDetection {
  encoding: TextEncodingName;
  /** The file starts with the UTF-8 byte-order mark EF BB BF. */
  bom: boolean;
  /** `certain`: a BOM, or ASCII only (the same in both). `likely`: inferred from the bytes. */
  confidence: 'certain' | 'likely';
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

interface Position {
  offset: number;
  line: number;
}

interface Utf8Scan {
  nonAscii: boolean;
  /** The first byte that is not part of a well-formed UTF-8 sequence. */
  firstInvalid: Position | null;
  /**
   * The first multi-byte sequence of 3 or 4 bytes (CJK and beyond) on a line that is valid
   * UTF-8 throughout: strong evidence of UTF-8. Two-byte sequences are not counted, since a
   * few Big5 characters happen to form them.
   */
  firstWideUtf8: Position | null;
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/** Length of the well-formed UTF-8 sequence at `i` (2–4), or 0 (RFC 3629 table 3-7). */
function utf8SequenceLength(bytes: Uint8Array, i: number, lead: number): number {
  const b1 = bytes[i + 1] ?? -1;
  if (lead >= 0xc2 && lead <= 0xdf) return b1 >= 0x80 && b1 <= 0xbf ? 2 : 0;
  let lo = 0x80;
  let hi = 0xbf;
  let length: number;
  if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) lo = 0xa0;
    else if (lead === 0xed) hi = 0x9f; // no surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) lo = 0x90;
    else if (lead === 0xf4) hi = 0x8f; // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (b1 < lo || b1 > hi) return 0;
  for (let k = 2; k < length; k++) {
    const b = bytes[i + k] ?? -1;
    if (b < 0x80 || b > 0xbf) return 0;
  }
  return length;
}

/** One pass over the bytes: is it UTF-8, and is any line clearly UTF-8 while another is not. */
function scanUtf8(bytes: Uint8Array, start: number): Utf8Scan {
  const scan: Utf8Scan = { nonAscii: false, firstInvalid: null, firstWideUtf8: null };
  let line = 1;
  let lineInvalid = false;
  let lineWide: Position | null = null;
  const length = bytes.length;
  let i = start;
  for (;;) {
    const b = i < length ? (bytes[i] ?? 0) : -1;
    if (b < 0x80) {
      if (b === 0x0a || b === 0x0d || b < 0) {
        // End of a line: it counts as UTF-8 evidence only if nothing on it was invalid.
        if (lineWide !== null && !lineInvalid) scan.firstWideUtf8 ??= lineWide;
        lineInvalid = false;
        lineWide = null;
        // At the end, or both kinds of evidence found: the answer cannot change any more.
        if (b < 0 || (scan.firstInvalid !== null && scan.firstWideUtf8 !== null)) break;
        if (b === 0x0d && bytes[i + 1] === 0x0a) i++;
        line++;
      }
      i++;
      continue;
    }
    scan.nonAscii = true;
    const sequence = utf8SequenceLength(bytes, i, b);
    if (sequence === 0) {
      scan.firstInvalid ??= { offset: i, line };
      lineInvalid = true;
      i++;
    } else {
      if (sequence >= 3) lineWide ??= { offset: i, line };
      i += sequence;
    }
  }
  return scan;
}

/** The first byte that breaks Big5's structure (lead 0x81–0xFE + trail 0x40–0x7E / 0xA1–0xFE). */
function scanBig5(bytes: Uint8Array, start: number): Position | null {
  let line = 1;
  const length = bytes.length;
  let i = start;
  while (i < length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
      i++;
      continue;
    }
    if (b === 0x80 || b === 0xff) return { offset: i, line };
    const trail = bytes[i + 1] ?? -1;
    if (!((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe))) {
      return { offset: i, line };
    }
    i += 2;
  }
  return null;
}

function hex(byte: number | undefined): string {
  return `0x${(byte ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
}

function refuseNonText(bytes: Uint8Array): void {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    throw new ImportError(
      'unsupported-encoding',
      bi(
        '檔案是 UTF-16（Excel 的「Unicode 文字」）格式，不支援；請另存為「CSV UTF-8（逗號分隔）」。',
        'The file is UTF-16 (Excel\'s "Unicode Text"), which is not supported; save it as "CSV UTF-8 (Comma delimited)".',
      ),
      { offset: 0, line: 1 },
    );
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    throw new ImportError(
      'unsupported-encoding',
      bi(
        '檔案是 UTF-16（big-endian）格式，不支援；請另存為 UTF-8 的 CSV。',
        'The file is UTF-16 (big-endian), which is not supported; save it as a UTF-8 CSV.',
      ),
      { offset: 0, line: 1 },
    );
  }
  switch (sniffFormat(bytes)) {
    case 'zip':
      throw new ImportError(
        'not-text',
        bi(
          '這是 Excel 活頁簿（.xlsx）或其他壓縮檔，不是 CSV 文字檔；請以 Excel 檔匯入。',
          'This is an Excel workbook (.xlsx) or another ZIP archive, not a CSV text file; import it as an Excel file.',
        ),
      );
    case 'ole':
      throw new ImportError(
        'not-text',
        bi(
          '這是 Office 檔（加密的活頁簿或舊版 .xls），不是 CSV 文字檔。',
          'This is an Office file (an encrypted workbook or a legacy .xls), not a CSV text file.',
        ),
      );
    case 'binary':
      throw new ImportError(
        'not-text',
        bi(
          '檔案含有 NUL 位元組，不是 UTF-8 或 Big5 的文字檔（可能是其他格式，或 UTF-16 文字）。',
          'The file contains NUL bytes: it is not UTF-8 or Big5 text (another format, or UTF-16 text).',
        ),
      );
    case 'text':
      return;
  }
}

function mixedEncodings(scan: Utf8Scan): ImportError | null {
  const invalid = scan.firstInvalid;
  const wide = scan.firstWideUtf8;
  if (invalid === null || wide === null) return null;
  // Report the first line that disagrees with the encoding the file started in.
  const at = invalid.offset > wide.offset ? invalid : wide;
  const [utf8Line, otherLine] = [wide.line, invalid.line];
  return new ImportError(
    'mixed-encodings',
    bi(
      `檔案混用了不同編碼：第 ${utf8Line} 行是 UTF-8，第 ${otherLine} 行不是（可能是 Big5），或檔案已損壞。請以單一編碼重新匯出。`,
      `The file mixes encodings: line ${utf8Line} is UTF-8 and line ${otherLine} is not (probably Big5), or the file is damaged. Export it again in one encoding.`,
    ),
    at,
  );
}

function invalidBytes(
  bytes: Uint8Array,
  at: Position,
  encoding: TextEncodingName,
  cause?: { zh: string; en: string },
): ImportError {
  const name = encoding === 'utf-8' ? 'UTF-8' : 'Big5';
  const what = cause?.en ?? `byte ${hex(bytes[at.offset])}`;
  const whatZh = cause?.zh ?? `位元組 ${hex(bytes[at.offset])}`;
  return new ImportError(
    'invalid-bytes',
    bi(
      `第 ${at.line} 行（位移 ${at.offset}）的${whatZh}不是有效的 ${name}；請確認檔案編碼或重新匯出。`,
      `Line ${at.line}: ${what} at offset ${at.offset} is not valid ${name}; check the encoding or export the file again.`,
    ),
    at,
  );
}

/**
 * Which encoding a CSV file is in. Throws an `ImportError` when it is neither UTF-8 nor Big5:
 * UTF-16, a binary or Office file, a mix of UTF-8 and Big5 lines (with the line where the
 * encoding changes), or bytes that decode in neither.
 */
export function detectEncoding(bytes: Uint8Array): EncodingDetection {
  if (bytes.length === 0) return { encoding: 'utf-8', bom: false, confidence: 'certain' };
  if (hasBom(bytes)) return { encoding: 'utf-8', bom: true, confidence: 'certain' };
  refuseNonText(bytes);

  const scan = scanUtf8(bytes, 0);
  if (scan.firstInvalid === null) {
    return { encoding: 'utf-8', bom: false, confidence: scan.nonAscii ? 'likely' : 'certain' };
  }
  const mixed = mixedEncodings(scan);
  if (mixed !== null) throw mixed;

  const big5Error = scanBig5(bytes, 0) ?? findUndecodable(bytes, decodeWith('big5', bytes));
  if (big5Error !== null) {
    throw new ImportError(
      'invalid-bytes',
      bi(
        `無法判斷編碼：檔案不是 UTF-8（第 ${scan.firstInvalid.line} 行）也不是 Big5（第 ${big5Error.line} 行，位移 ${big5Error.offset} 的位元組 ${hex(bytes[big5Error.offset])}）。請另存為 UTF-8 的 CSV。`,
        `Unknown encoding: the file is neither UTF-8 (line ${scan.firstInvalid.line}) nor Big5 (byte ${hex(bytes[big5Error.offset])} at offset ${big5Error.offset}, line ${big5Error.line}). Save it as a UTF-8 CSV.`,
      ),
      big5Error,
    );
  }
  return { encoding: 'big5', bom: false, confidence: 'likely' };
}

const BAD_CHAR = /[\uFFFD\u0080-\u009F]/;

function decodeWith(encoding: TextEncodingName, bytes: Uint8Array): string {
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

/** Byte offset where (1-based) `line` starts. */
function lineStart(bytes: Uint8Array, line: number): number {
  let current = 1;
  let i = 0;
  while (current < line && i < bytes.length) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) current++;
    i++;
  }
  return i;
}

/**
 * Where the first U+FFFD or C1 control of a decoded text came from: the line from the text,
 * the offset by decoding that line's characters one at a time (error path only).
 */
function findUndecodable(bytes: Uint8Array, text: string): Position | null {
  const match = BAD_CHAR.exec(text);
  if (match === null) return null;
  let line = 1;
  for (let k = 0; k < match.index; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(k + 1) !== 0x0a)) line++;
  }
  let i = lineStart(bytes, line);
  while (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) {
    const b = bytes[i] ?? 0;
    const width = b >= 0x81 && b <= 0xfe && i + 1 < bytes.length ? 2 : 1;
    if (BAD_CHAR.test(decodeWith('big5', bytes.subarray(i, i + width)))) return { offset: i, line };
    i += width;
  }
  return { offset: lineStart(bytes, line), line };
}

/**
 * Decodes a CSV file, dropping the BOM (and a DOS end-of-file mark, Ctrl-Z, at the very end).
 * Throws an `ImportError` naming the first bad byte's offset and line when the bytes are not
 * valid in `encoding` or the text would contain U+FFFD, and the line where the encoding
 * changes in a file that mixes UTF-8 and Big5 lines.
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
  const bom = hasBom(bytes);
  if (!bom) refuseNonText(bytes);
  const scan = scanUtf8(bytes, bom ? UTF8_BOM.length : 0);
  const mixed = mixedEncodings(scan);
  if (mixed !== null) throw mixed;

  let text: string;
  if (encoding === 'utf-8') {
    if (scan.firstInvalid !== null) throw invalidBytes(bytes, scan.firstInvalid, encoding);
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      bytes.subarray(bom ? UTF8_BOM.length : 0),
    );
    const replacement = text.indexOf('\uFFFD');
    if (replacement >= 0) {
      const before = text.slice(0, replacement);
      const line = 1 + (before.match(/\r\n|\r|\n/g)?.length ?? 0);
      const offset = (bom ? UTF8_BOM.length : 0) + new TextEncoder().encode(before).length;
      throw invalidBytes(bytes, { offset, line }, encoding, {
        zh: '替代字元 U+FFFD（來源資料已損壞）',
        en: 'U+FFFD (a replacement character: the data was damaged before export)',
      });
    }
  } else {
    if (bom) {
      throw new ImportError(
        'invalid-bytes',
        bi(
          '檔案開頭有 UTF-8 的 BOM 標記，不可能是 Big5；請改選 UTF-8。',
          'The file starts with a UTF-8 byte-order mark, so it cannot be Big5; choose UTF-8.',
        ),
        { offset: 0, line: 1 },
      );
    }
    const structural = scanBig5(bytes, 0);
    if (structural !== null) throw invalidBytes(bytes, structural, encoding);
    text = decodeWith('big5', bytes);
    const undecodable = findUndecodable(bytes, text);
    if (undecodable !== null) throw invalidBytes(bytes, undecodable, encoding);
  }
  return text.endsWith('\u001a') ? text.slice(0, -1) : text;
}
