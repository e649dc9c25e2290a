/**
 * File-level import failures: the file as a whole cannot be read (too large, damaged, wrong
 * format, undecodable, unterminated quote). Row-level problems are not errors but entries of
 * `validateRows`' result.
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
  | 'empty-sheet';

export interface ImportErrorDetails {
  /** 1-based text line (CSV), where the problem was found. */
  line?: number;
  /** 0-based byte offset into the file. */
  offset?: number;
}

/**
 * Thrown by the readers. `message` is the English text (for logs); `text` carries both
 * languages for the UI; `code` lets callers branch without parsing messages.
 */
export class ImportError extends Error {
  override name = 'ImportError';
  readonly line: number | undefined;
  readonly offset: number | undefined;

  constructor(
    readonly code: ImportErrorCode,
    readonly text: Bilingual,
    details: ImportErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(text.en, options);
    this.line = details.line;
    this.offset = details.offset;
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
