/**
 * Small pieces the register's modules share: bilingual text, and turning a checked import row
 * into a record with errors in the style of `shared/import`'s `RowError` (Excel row number,
 * column header and letter, field key, masked value, bilingual message).
 */
import { z } from 'zod';
import type { Bilingual } from '../../domain/inspection/text';
import { maskPersonalData, type Masked } from '../../domain/personal-data';
import { isRecordId } from '../../domain/records';
import { columnLetter } from '../../import/columns';
import type { ColumnMapping, RowError } from '../../import/mapping';
import type { RowKey } from '../../import/row-key';
import { normaliseLabel } from '../../import/values';
import { bi } from '../../domain/inspection/text';

/** Re-exported: callers of this module build their texts with it. */
export { bi };

/** Where the values of an import came from, to name the column of a row error. */
export interface ImportColumns {
  /** The header row as read from the file. */
  headers: readonly string[];
  /** Field key → header, as given to `validateRows`. */
  mapping: ColumnMapping;
}

/** The result of turning one checked row into a record (not yet stored). */
export type RowConversion<T> =
  | { ok: true; rowNumber: number; value: T; key: RowKey | null }
  | { ok: false; rowNumber: number; errors: RowError[] };

/** The column (header as in the file, and letter) a field was read from, or null. */
export function columnFor(
  field: string,
  columns: ImportColumns | undefined,
): { header: string; letter: string } | null {
  if (columns === undefined) return null;
  const header = columns.mapping[field];
  if (header === undefined) return null;
  let index = columns.headers.indexOf(header);
  if (index < 0) {
    const wanted = normaliseLabel(header);
    index = wanted === '' ? -1 : columns.headers.findIndex((h) => normaliseLabel(h) === wanted);
  }
  if (index < 0) return null;
  return { header: columns.headers[index] ?? header, letter: columnLetter(index) };
}

/** A row error on `field`'s column; the value is masked as free text (IDs, phones, e-mail). */
export function rowError(
  rowNumber: number,
  field: string | null,
  value: string | null,
  message: Bilingual,
  columns: ImportColumns | undefined,
): RowError {
  return {
    rowNumber,
    column: field === null ? null : columnFor(field, columns),
    field,
    value: (value === null ? '' : maskPersonalData(value).text) as Masked,
    message,
  };
}

/**
 * Schema refusals of a converted row as row errors. `fieldOf` maps an issue's path to the
 * import field it came from (null when no single column is to blame). A refinement that
 * carries `params.messageKey` found in `messages` gets that bilingual text; any other issue
 * names the record field with zod's (English) message in both languages.
 */
export function issuesToRowErrors(
  rowNumber: number,
  issues: readonly z.core.$ZodIssue[],
  fieldOf: (path: readonly PropertyKey[]) => string | null,
  valueOf: (field: string) => string | null,
  columns: ImportColumns | undefined,
  messages: Readonly<Record<string, Bilingual>> = {},
): RowError[] {
  return issues.map((issue) => {
    const field = fieldOf(issue.path);
    const where = issue.path.map(String).join('.');
    const key: unknown = issue.code === 'custom' ? issue.params?.['messageKey'] : undefined;
    const known = typeof key === 'string' ? messages[key] : undefined;
    return rowError(
      rowNumber,
      field,
      field === null ? null : valueOf(field),
      known ??
        bi(
          `資料不符規定（${where}）：${issue.message}`,
          `Invalid value (${where}): ${issue.message}`,
        ),
      columns,
    );
  });
}

/** Text bounded in length, trimmed; may be empty. */
export const MAX_NOTE = 2000;

/** The id of another record (a party, a vendor, an evidence file). */
export const recordIdSchema = z
  .string()
  .refine(isRecordId, { error: 'must be a record id (UUID)' });

/** Whether a register record came from an import or was entered by hand. */
export const recordSourceSchema = z.enum(['import', 'manual']);

/**
 * A record's natural key for re-import: sealed with the record and compared after
 * decryption, never indexed in clear.
 */
export const rowKeySchema = (max: number) =>
  z
    .string()
    .max(max)
    .nullable()
    .transform((key) => key as RowKey | null);
