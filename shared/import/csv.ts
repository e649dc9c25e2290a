/**
 * CSV as RFC 4180 writes it and Excel reads it: fields in double quotes may hold the delimiter,
 * line breaks and doubled quotes (`""`); records end with CRLF, LF or a lone CR (old Mac
 * exports); a final line break does not start an empty record. Where RFC 4180 is silent, Excel
 * is followed: a quote inside an unquoted field is a plain character, text after a closing
 * quote is kept (`"ab"c` → `abc`), and an optional first line `sep=;` names the delimiter and is
 * not a row.
 *
 * Rows are numbered as Excel shows them: record n (1-based) is row n, however many text lines
 * its quoted fields span. Errors name text lines, as an editor shows them.
 */
import type { EncodingDetection, TextEncodingName } from './encoding';
import { decodeText, detectEncoding } from './encoding';
import { columnLetter } from './columns';
import { assertFileSize, bi, DEFAULT_MAX_BYTES, ImportError } from './errors';
import { LIMIT_ERRORS } from './limit-errors';
import { MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, MAX_ROWS } from './limits';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvOptions {
  /** Default: the `sep=` line if there is one, else `detectDelimiter`. */
  delimiter?: CsvDelimiter;
  /** Limit on the fields of the whole file (default `MAX_CELLS`, 1,500,000). */
  maxCells?: number;
}

export interface CsvRecord {
  cells: string[];
  /** 1-based text line where the record starts. */
  line: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/** Excel's cell limit; a quoted field longer than this is an unbalanced quote, not data. */
export const MAX_FIELD_LENGTH = MAX_CELL_CHARS;

/** How far into the text the header line is looked for. */
const HEADER_PROBE = 64 * 1024;

interface SepLine {
  delimiter: CsvDelimiter;
  /** Where the text after the `sep=` line starts. */
  next: number;
}

function bomLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** Excel's `sep=;` hint line, if the text starts with one naming a delimiter we support. */
function readSepLine(text: string, start: number): SepLine | null {
  const match = /^sep=(.)(\r\n|\r|\n|$)/i.exec(text.slice(start, start + 8));
  if (match === null) return null;
  const delimiter = DELIMITERS.find((d) => d === match[1]);
  return delimiter === undefined ? null : { delimiter, next: start + match[0].length };
}

/**
 * The delimiter of the header line (the first record, quotes respected): whichever of comma,
 * semicolon and tab occurs most often outside quotes; comma on a tie or when there is none.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const start = bomLength(text);
  const sep = readSepLine(text, start);
  if (sep !== null) return sep.delimiter;
  const counts = [0, 0, 0];
  let quoted = false;
  const end = Math.min(text.length, start + HEADER_PROBE);
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (c === LF || c === CR) break;
    else if (c === 0x2c) counts[0] = (counts[0] ?? 0) + 1;
    else if (c === 0x3b) counts[1] = (counts[1] ?? 0) + 1;
    else if (c === 0x09) counts[2] = (counts[2] ?? 0) + 1;
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) {
    if ((counts[k] ?? 0) > (counts[best] ?? 0)) best = k;
  }
  return DELIMITERS[best] ?? ',';
}

function unterminated(line: number, tooLong: boolean): ImportError {
  return tooLong
    ? new ImportError(
        'unterminated-quote',
        bi(
          `第 ${line} 行開始的引號欄位超過 ${MAX_FIELD_LENGTH} 個字元，應是少了結尾的雙引號。`,
          `The quoted field starting on line ${line} runs past ${MAX_FIELD_LENGTH} characters: its closing double quote is probably missing.`,
        ),
        { line },
      )
    : new ImportError(
        'unterminated-quote',
        bi(
          `第 ${line} 行開始的引號欄位沒有結束（缺少結尾的雙引號）。`,
          `The quoted field starting on line ${line} is never closed (a closing double quote is missing).`,
        ),
        { line },
      );
}

/**
 * The records of a CSV text, one at a time: a preview can stop after a few, and a large file is
 * validated without holding every row twice. Throws an `ImportError` naming the line: an
 * unclosed quoted field ('unterminated-quote'), more than Excel's 1,048,576 rows or 16,384
 * columns, more fields than `maxCells`, or a field longer than Excel's 32,767 characters, each
 * refused as soon as it is reached (10 MiB of line breaks or of commas costs nothing).
 */
export function* csvRecords(text: string, options: CsvOptions = {}): Generator<CsvRecord> {
  let pos = bomLength(text);
  let line = 1;
  const sep = readSepLine(text, pos);
  if (sep !== null) {
    pos = sep.next;
    line = 2;
  }
  const delimiter = (options.delimiter ?? sep?.delimiter ?? detectDelimiter(text)).charCodeAt(0);
  const maxCells = options.maxCells ?? MAX_CELLS;
  const n = text.length;
  let row = 0;
  let fields = 0;

  while (pos < n) {
    const recordLine = line;
    const cells: string[] = [];
    if (++row > MAX_ROWS) throw LIMIT_ERRORS.tooManyRows(row, { line });
    for (;;) {
      if (cells.length === MAX_COLUMNS) {
        throw LIMIT_ERRORS.tooManyColumns(columnLetter(MAX_COLUMNS), { line, row });
      }
      if (++fields > maxCells) {
        const column = columnLetter(cells.length);
        throw LIMIT_ERRORS.tooManyCells(maxCells, 'cells', { line, row, column });
      }
      let value: string;
      if (text.charCodeAt(pos) === QUOTE) {
        const openLine = line;
        const open = pos;
        value = '';
        let chunk = pos + 1;
        for (;;) {
          const q = text.indexOf('"', chunk);
          if (q < 0 || q - open > MAX_FIELD_LENGTH + 2) {
            throw unterminated(openLine, q >= 0 || n - open > MAX_FIELD_LENGTH + 2);
          }
          for (let k = chunk; k < q; k++) {
            const c = text.charCodeAt(k);
            if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) line++;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(chunk, q + 1);
            chunk = q + 2;
            continue;
          }
          value += text.slice(chunk, q);
          pos = q + 1;
          break;
        }
        // Excel keeps whatever follows the closing quote up to the delimiter.
        const rest = pos;
        while (pos < n) {
          const c = text.charCodeAt(pos);
          if (c === delimiter || c === LF || c === CR) break;
          pos++;
        }
        if (pos > rest) value += text.slice(rest, pos);
      } else {
        const start = pos;
        while (pos < n) {
          const c = text.charCodeAt(pos);
          if (c === delimiter || c === LF || c === CR) break;
          pos++;
        }
        value = text.slice(start, pos);
      }
      if (value.length > MAX_CELL_CHARS) {
        const column = columnLetter(cells.length);
        throw LIMIT_ERRORS.cellTooLong(value.length, { line, row, column });
      }
      cells.push(value);

      if (pos >= n) break;
      const c = text.charCodeAt(pos);
      pos++;
      if (c === delimiter) continue;
      if (c === CR && text.charCodeAt(pos) === LF) pos++;
      line++;
      break;
    }
    yield { cells, line: recordLine };
  }
}

export interface ParseCsvOptions extends CsvOptions {
  /**
   * Called for each record (0-based `index`; Excel row `index + 1`). Return `false` to stop,
   * e.g. once a preview has enough rows; the rows read so far are returned.
   */
  onRow?: (cells: string[], info: { index: number; line: number }) => boolean | undefined;
}

/** All records of a CSV text; `rows[i]` is what Excel shows as row `i + 1`. */
export function parseCsv(text: string, options: ParseCsvOptions = {}): string[][] {
  const rows: string[][] = [];
  const { onRow } = options;
  for (const record of csvRecords(text, options)) {
    rows.push(record.cells);
    if (onRow?.(record.cells, { index: rows.length - 1, line: record.line }) === false) break;
  }
  return rows;
}

export interface ReadCsvOptions extends CsvOptions {
  /** Overrides detection (the user's manual choice). */
  encoding?: TextEncodingName;
  /** Default 50 MiB, checked before anything is decoded. */
  maxBytes?: number;
}

export interface CsvTable {
  /** What was detected, or `null` when the caller chose the encoding. */
  detected: EncodingDetection | null;
  encoding: TextEncodingName;
  delimiter: CsvDelimiter;
  /** `rows[i]` is Excel row `i + 1`. */
  rows: string[][];
}

/**
 * A CSV file from its bytes: size check, encoding (detected unless given), delimiter, rows.
 * Throws an `ImportError` for anything that keeps the file from being read as a whole.
 */
export function readCsv(bytes: Uint8Array, options: ReadCsvOptions = {}): CsvTable {
  assertFileSize(bytes.length, options.maxBytes ?? DEFAULT_MAX_BYTES);
  const detected = options.encoding === undefined ? detectEncoding(bytes) : null;
  const encoding = options.encoding ?? detected?.encoding ?? 'utf-8';
  const text = decodeText(bytes, encoding);
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const { maxCells } = options;
  return { detected, encoding, delimiter, rows: parseCsv(text, { delimiter, maxCells }) };
}
