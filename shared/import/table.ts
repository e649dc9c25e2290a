/**
 * One entry point for a file the user picked, whatever its name says: the bytes decide
 * whether it is read as a workbook or as CSV. This is what the import worker calls.
 */
import { readCsv, type CsvDelimiter } from './csv';
import type { EncodingDetection, TextEncodingName } from './encoding';
import { assertFileSize, DEFAULT_MAX_BYTES } from './errors';
import { sniffFormat } from './format';
import { readXlsx, type XlsxCellIssue } from './xlsx-read';

export interface ReadTableOptions {
  /** CSV only: the user's choice instead of detection. */
  encoding?: TextEncodingName;
  /** CSV only. */
  delimiter?: CsvDelimiter;
  /** Workbooks only: a worksheet by name instead of the first visible one. */
  sheet?: string;
  /** Default 50 MiB, checked before anything is parsed. */
  maxBytes?: number;
  /** Workbooks only: see `ReadXlsxOptions.maxUnpackedBytes`. */
  maxUnpackedBytes?: number;
  /** Cells of the table or workbook; default `MAX_CELLS` (see `limits.ts`). */
  maxCells?: number;
}

export type ImportTable =
  | {
      format: 'csv';
      /** `rows[i]` is row `i + 1` as Excel shows it. */
      rows: string[][];
      encoding: TextEncodingName;
      detected: EncodingDetection | null;
      delimiter: CsvDelimiter;
    }
  | {
      format: 'xlsx';
      rows: string[][];
      sheetName: string;
      sheetNames: string[];
      issues: XlsxCellIssue[];
    };

/**
 * Reads an .xlsx (a ZIP, or an OLE container, which is refused as password-protected or
 * legacy) or a CSV (anything else), throwing an `ImportError` with a clear message when the
 * file cannot be read as a whole, is a hostile ZIP, or asks for more than `limits.ts` allows.
 */
export async function readTable(
  bytes: Uint8Array,
  options: ReadTableOptions = {},
): Promise<ImportTable> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  assertFileSize(bytes.length, maxBytes);
  const format = sniffFormat(bytes);
  if (format === 'zip' || format === 'ole') {
    const { sheet, maxUnpackedBytes, maxCells } = options;
    const table = await readXlsx(bytes, { maxBytes, sheet, maxUnpackedBytes, maxCells });
    return { format: 'xlsx', ...table };
  }
  const table = readCsv(bytes, { ...options, maxBytes });
  return { format: 'csv', ...table };
}
