/**
 * File-level import failures: the file as a whole cannot be read (too large, damaged, wrong
 * format, undecodable, unterminated quote, past a limit of `limits.ts`, a hostile ZIP).
 * Row-level problems are not errors but entries of `validateRows`' result.
 */
import type { Bilingual } from '../catalog/schema';
import { bi } from '../domain/inspection/text';

export type ImportErrorCode =
  | 'too-large'
  | 'empty-file'
  | 'not-text'
  | 'unsupported-encoding'
  | 'invalid-bytes'
  | 'mixed-encodings'
  | 'unterminated-quote'
  | 'damaged'
  | 'not-xlsx'
  | 'legacy-xls'
  | 'password-protected'
  | 'empty-workbook'
  | 'sheet-not-found'
  | 'empty-sheet'
  // Past a limit of `limits.ts` (any reader).
  /** The parts inflate to more than the limit (counted while inflating, or as declared). */
  | 'unpacked-too-large'
  /** More than Excel's 1,048,576 rows. */
  | 'too-many-rows'
  /** A column beyond XFD (16,384). */
  | 'too-many-columns'
  /** More cells than `MAX_CELLS`, counted as the readers and exceljs would hold them. */
  | 'too-many-cells'
  /** One cell or field longer than Excel's 32,767 characters. */
  | 'cell-too-long'
  // ZIP containers refused by `checked-zip.ts`.
  /** A part inflates to more (or less) than the directory says: the mark of a ZIP bomb. */
  | 'zip-size-mismatch'
  /** Two parts share compressed bytes (a "non-recursive" ZIP bomb). */
  | 'zip-overlapping-entries'
  | 'zip-too-many-entries'
  | 'zip64'
  | 'zip-encrypted'
  | 'zip-unsupported-method'
  /** A part's local header disagrees with the central directory. */
  | 'zip-header-mismatch';

/** Where in the file; each reader sets what applies. */
export interface ImportErrorDetails {
  /** 1-based text line (CSV), where the problem was found. */
  line?: number;
  /** 0-based byte offset into the file (ZIP: where the part's local header starts). */
  offset?: number;
  /** A ZIP part's name, such as `xl/worksheets/sheet1.xml`. */
  part?: string;
  /** A worksheet's name, as Excel shows it on its tab. */
  sheet?: string;
  /** 1-based row, as Excel numbers it (CSV: the record number). */
  row?: number;
  /** A column letter, as Excel shows it (`A` … `XFD`). */
  column?: string;
  /** A range of cells, as the file writes it (`A1:XFD1048576`). */
  range?: string;
}

/**
 * Thrown by the readers. `message` is the English text (for logs); `text` carries both
 * languages for the UI; `code` lets callers branch without parsing messages.
 */
export class ImportError extends Error {
  override name = 'ImportError';
  readonly line: number | undefined;
  readonly offset: number | undefined;
  readonly part: string | undefined;
  readonly sheet: string | undefined;
  readonly row: number | undefined;
  readonly column: string | undefined;
  readonly range: string | undefined;

  constructor(
    readonly code: ImportErrorCode,
    readonly text: Bilingual,
    details: ImportErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(text.en, options);
    this.line = details.line;
    this.offset = details.offset;
    this.part = details.part;
    this.sheet = details.sheet;
    this.row = details.row;
    this.column = details.column;
    this.range = details.range;
  }

  /** Where in the file, the fields that are set (for logs and the CLI). */
  get details(): ImportErrorDetails {
    const { line, offset, part, sheet, row, column, range } = this;
    const all: ImportErrorDetails = { line, offset, part, sheet, row, column, range };
    return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
  }
}

/** Re-exported: callers of this module build their texts with it. */
export { bi };

/** The import size limit the issue asks for: 50 MiB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Refuses a file over `maxBytes` before anything reads it. */
export function assertFileSize(size: number, maxBytes: number = DEFAULT_MAX_BYTES): void {
  if (size > maxBytes) {
    throw new ImportError(
      'too-large',
      bi(
        `檔案太大（${formatMiB(size)}），上限為 ${formatMiB(maxBytes)}；請分批匯入。`,
        `The file is too large (${formatMiB(size)}); the limit is ${formatMiB(maxBytes)}. Import it in parts.`,
      ),
    );
  }
  if (size === 0) {
    throw new ImportError('empty-file', bi('檔案是空的。', 'The file is empty.'));
  }
}
