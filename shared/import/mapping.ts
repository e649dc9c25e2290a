/**
 * From a table of cell text to checked values: which column holds which field (suggested from
 * the headers, or remembered from an earlier import), and per-row validation that says which
 * row, which column and what is wrong, in both languages, without showing personal data.
 *
 * Row numbers are Excel's: the header is row `firstRowNumber - 1` (row 1 by default) and data
 * starts on `firstRowNumber` (row 2). Nothing here writes anything; the caller commits `valid`
 * as one transaction only when `errors` is empty.
 */
import { z } from 'zod';
import type { Bilingual } from '../catalog/schema';
import {
  maskEmail,
  maskId,
  maskPersonalData,
  maskPhone,
  type Masked,
} from '../domain/personal-data';
import { columnLetter } from './columns';
import { bi } from './errors';
import { rowKey, type RowKey } from './row-key';
import {
  normaliseLabel,
  parseDateValue,
  parseEmailValue,
  parseEnumValue,
  parsePersonIdValue,
  parsePhoneValue,
  type EnumOption,
  type Parsed,
} from './values';

export type ImportFieldKind = 'text' | 'person-id' | 'date' | 'email' | 'phone' | 'enum';

interface ImportFieldBase {
  /** Stable key of the field in records and presets (`personId`, `hireDate`). */
  key: string;
  label: Bilingual;
  required: boolean;
  /** Header names seen in exports, zh and en (身分證字號, 身分證號, ID No.). */
  aliases: readonly string[];
}

export type ImportField =
  | (ImportFieldBase & { kind: Exclude<ImportFieldKind, 'enum'> })
  | (ImportFieldBase & { kind: 'enum'; allowed: readonly EnumOption[] });

/** Field key → the header (as written in the file) of the column that holds it. */
export type ColumnMapping = Readonly<Record<string, string>>;

/** A mapping the user saved to reuse with the next export from the same system. */
export interface MappingPreset {
  name: string;
  fields: Record<string, string>;
}

/** For presets read back from storage. */
export const mappingPresetSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  fields: z.record(z.string().min(1), z.string().min(1)),
});

// ——— Suggesting a mapping ———

export interface MappingSuggestion {
  fields: Record<string, string>;
  /** Field keys whose column came from the preset. */
  fromPreset: string[];
  /** Non-empty headers no field was given. */
  unmappedHeaders: string[];
  /** Keys of required fields without a column. */
  missingRequired: string[];
  /** Headers that occur more than once (after normalising); only the first can be mapped. */
  duplicateHeaders: string[];
}

function namesOf(field: ImportField): string[] {
  const names = [field.key, field.label['zh-TW'], field.label.en, ...field.aliases]
    .map(normaliseLabel)
    .filter((name) => name.length > 0);
  return [...new Set(names)];
}

const ASCII = /^[\x20-\x7e]*$/;

/** Whether one name inside the other is a meaningful match (not "id" inside "paid"). */
function containsScore(header: string, name: string): number {
  const [shorter, longer] = header.length <= name.length ? [header, name] : [name, header];
  if (!longer.includes(shorter)) return 0;
  const minimum = ASCII.test(shorter) ? 4 : 2;
  return shorter.length >= minimum ? 10 + Math.min(shorter.length, 30) : 0;
}

/**
 * Which column each field most likely is: the preset's choice when its header is present,
 * then exact matches of the key, labels and aliases (ignoring width, case, spaces and
 * punctuation: full-width `ＩＤ Ｎｏ．` matches `id no`), then the longest containment (`員工身分證字號`
 * contains `身分證字號`). Each column goes to one field at most.
 */
export function suggestMapping(
  headers: readonly string[],
  fields: readonly ImportField[],
  preset?: MappingPreset,
): MappingSuggestion {
  const normalised = headers.map(normaliseLabel);
  const candidates: { score: number; header: number; field: number }[] = [];
  fields.forEach((field, f) => {
    const names = namesOf(field);
    const remembered = preset?.fields[field.key];
    normalised.forEach((header, h) => {
      if (header === '') return;
      let score = 0;
      if (remembered !== undefined) {
        if (headers[h] === remembered) score = 100;
        else if (normaliseLabel(remembered) === header) score = 90;
      }
      if (score === 0 && names.includes(header)) score = 50;
      if (score === 0) {
        for (const name of names) score = Math.max(score, containsScore(header, name));
      }
      if (score > 0) candidates.push({ score, header: h, field: f });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.header - b.header || a.field - b.field);

  const seen = new Map<string, number>();
  const duplicateHeaders: string[] = [];
  normalised.forEach((header, h) => {
    if (header === '') return;
    if (seen.has(header)) duplicateHeaders.push(headers[h] ?? '');
    else seen.set(header, h);
  });

  const result: Record<string, string> = {};
  const fromPreset: string[] = [];
  const usedHeaders = new Set<number>();
  const usedFields = new Set<number>();
  for (const { score, header, field } of candidates) {
    if (usedHeaders.has(header) || usedFields.has(field)) continue;
    // A repeated header cannot be told apart by name: only its first occurrence is mapped.
    if (seen.get(normalised[header] ?? '') !== header) continue;
    const key = fields[field]?.key;
    const name = headers[header];
    if (key === undefined || name === undefined) continue;
    usedHeaders.add(header);
    usedFields.add(field);
    result[key] = name;
    if (score >= 90) fromPreset.push(key);
  }
  return {
    fields: result,
    fromPreset,
    unmappedHeaders: headers.filter((h, i) => !usedHeaders.has(i) && h.trim() !== ''),
    missingRequired: fields.filter((f) => f.required && !(f.key in result)).map((f) => f.key),
    duplicateHeaders,
  };
}

/**
 * The index of the header row among the first `maxScan` rows: the one where most fields find
 * a column by exact name (HR exports often put a title or a date above the table). 0 if none.
 */
export function findHeaderRow(
  rows: readonly (readonly string[])[],
  fields: readonly ImportField[],
  maxScan = 10,
): number {
  const fieldNames = fields.map((field) => new Set(namesOf(field)));
  let best = 0;
  let bestScore = 0;
  rows.slice(0, maxScan).forEach((row, index) => {
    const cells = new Set(row.map(normaliseLabel));
    const score = fieldNames.filter((names) => [...names].some((n) => cells.has(n))).length;
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

// ——— Validating rows ———

/** Checked values by field key; `null` for an empty optional field. */
export type ImportValues = Record<string, string | null>;

export interface ValidRow {
  /** Excel row number. */
  rowNumber: number;
  values: ImportValues;
  /** The natural key when `uniqueKey` was given (null if a key field is empty). */
  key: RowKey | null;
}

export interface RowError {
  /** Excel row number as the user sees it, header row included; the header row for column problems. */
  rowNumber: number;
  /** Null when the column itself is missing. */
  column: { header: string; letter: string } | null;
  /** Field key. */
  field: string | null;
  /** The cell's content, masked if it may be personal data. */
  value: Masked;
  message: Bilingual;
  /** For duplicates of the unique key: the row that had the key first. */
  duplicateOf?: number;
}

export interface ValidateOptions {
  /** Excel row number of `rows[0]`; default 2 (the header is row 1). */
  firstRowNumber?: number;
  /** Field keys that identify a row; a second row with the same key is an error. */
  uniqueKey?: readonly string[];
  /** Errors kept in the result (default 1,000); `errorCount` counts them all. */
  maxErrors?: number;
  /** Called every `PROGRESS_EVERY` rows with the number of rows read. */
  onProgress?: (rowsRead: number) => void;
}

export interface ValidationResult {
  /** Rows without any error; empty when a column is missing, since every row then lacks it. */
  valid: ValidRow[];
  errors: RowError[];
  errorCount: number;
  /** Data rows read, blank ones included. */
  rowsRead: number;
  /** Rows with nothing in any cell: skipped, neither valid nor errors. */
  blankRows: number;
}

export const PROGRESS_EVERY = 1000;
const MAX_SHOWN_VALUE = 200;

function maskValue(kind: ImportFieldKind | null, raw: string): Masked {
  const value = raw.trim();
  let masked: Masked;
  if (kind === 'person-id') masked = maskId(value);
  else if (kind === 'email') masked = maskEmail(value);
  else if (kind === 'phone') masked = maskPhone(value);
  else masked = maskPersonalData(value).text;
  return (
    masked.length > MAX_SHOWN_VALUE ? `${masked.slice(0, MAX_SHOWN_VALUE)}…` : masked
  ) as Masked;
}

function parseValue(field: ImportField, raw: string): Parsed<string> {
  switch (field.kind) {
    case 'text':
      return { ok: true, value: raw.trim() };
    case 'person-id':
      return parsePersonIdValue(raw);
    case 'date':
      return parseDateValue(raw);
    case 'email':
      return parseEmailValue(raw);
    case 'phone':
      return parsePhoneValue(raw);
    case 'enum':
      return parseEnumValue(raw, field.allowed);
  }
}

const labelOf = (field: ImportField) => `「${field.label['zh-TW']}」`;

interface BoundField {
  field: ImportField;
  index: number;
  column: { header: string; letter: string };
}

function findColumn(headers: readonly string[], header: string): number {
  const exact = headers.indexOf(header);
  if (exact >= 0) return exact;
  const wanted = normaliseLabel(header);
  return wanted === '' ? -1 : headers.findIndex((h) => normaliseLabel(h) === wanted);
}

/**
 * Checks every data row against the fields through the mapping. Column problems (a required
 * or key field without a column, a mapped header the file does not have, two fields on one
 * column) are reported once, on the header row. Each cell error names the row, the column
 * (header and letter) and the field, with the value masked. A repeated unique key is reported
 * on the later row, naming the first. `rows` may be any iterable (a CSV record generator), so
 * a large file need not be held twice.
 */
export function validateRows(
  rows: Iterable<readonly string[]>,
  headers: readonly string[],
  mapping: ColumnMapping,
  fields: readonly ImportField[],
  options: ValidateOptions = {},
): ValidationResult {
  const firstRowNumber = options.firstRowNumber ?? 2;
  const headerRow = firstRowNumber - 1;
  const maxErrors = options.maxErrors ?? 1000;
  const uniqueKey = options.uniqueKey ?? [];
  const unknown = uniqueKey.filter((key) => !fields.some((field) => field.key === key));
  if (unknown.length > 0) {
    throw new RangeError(`validateRows: uniqueKey names no field: ${unknown.join(', ')}`);
  }
  const errors: RowError[] = [];
  let errorCount = 0;
  const report = (error: RowError) => {
    errorCount++;
    if (errors.length < maxErrors) errors.push(error);
  };

  // Resolve the mapping to column indexes.
  const bound: BoundField[] = [];
  const owner = new Map<number, ImportField>();
  for (const field of fields) {
    const header = mapping[field.key];
    const needed = field.required || uniqueKey.includes(field.key);
    if (header === undefined) {
      if (needed) {
        report({
          rowNumber: headerRow,
          column: null,
          field: field.key,
          value: '' as Masked,
          message: bi(
            `缺少${field.required ? '必填' : '識別'}欄位${labelOf(field)}：沒有對應的欄。`,
            `The ${field.required ? 'required' : 'key'} column "${field.label.en}" is missing: no column is mapped to it.`,
          ),
        });
      }
      continue;
    }
    const index = findColumn(headers, header);
    if (index < 0) {
      report({
        rowNumber: headerRow,
        column: null,
        field: field.key,
        value: '' as Masked,
        message: bi(
          `欄位${labelOf(field)}對應的欄「${header}」不在檔案中。`,
          `The column "${header}" mapped to "${field.label.en}" is not in the file.`,
        ),
      });
      continue;
    }
    const column = { header: headers[index] ?? header, letter: columnLetter(index) };
    const other = owner.get(index);
    if (other !== undefined) {
      report({
        rowNumber: headerRow,
        column,
        field: field.key,
        value: '' as Masked,
        message: bi(
          `欄「${column.header}」同時對應到${labelOf(other)}與${labelOf(field)}。`,
          `The column "${column.header}" is mapped to both "${other.label.en}" and "${field.label.en}".`,
        ),
      });
      continue;
    }
    owner.set(index, field);
    bound.push({ field, index, column });
  }
  const blocked = errorCount > 0;
  const keyColumn = bound.find((b) => b.field.key === uniqueKey[0])?.column ?? null;
  const keyKind = bound.find((b) => b.field.key === uniqueKey[0])?.field.kind ?? null;

  const valid: ValidRow[] = [];
  const firstRowOfKey = new Map<RowKey, number>();
  let rowsRead = 0;
  let blankRows = 0;
  for (const row of rows) {
    const rowNumber = firstRowNumber + rowsRead;
    rowsRead++;
    if (options.onProgress !== undefined && rowsRead % PROGRESS_EVERY === 0) {
      options.onProgress(rowsRead);
    }
    if (row.every((cell) => cell.trim() === '')) {
      blankRows++;
      continue;
    }

    const values: ImportValues = {};
    let rowOk = true;
    for (const { field, index, column } of bound) {
      const raw = row[index] ?? '';
      if (raw.trim() === '') {
        values[field.key] = null;
        if (field.required) {
          rowOk = false;
          report({
            rowNumber,
            column,
            field: field.key,
            value: '' as Masked,
            message: bi(
              `必填欄位${labelOf(field)}空白。`,
              `The required field "${field.label.en}" is empty.`,
            ),
          });
        }
        continue;
      }
      const parsed = parseValue(field, raw);
      if (parsed.ok) {
        values[field.key] = parsed.value;
      } else {
        rowOk = false;
        report({
          rowNumber,
          column,
          field: field.key,
          value: maskValue(field.kind, raw),
          message: parsed.message,
        });
      }
    }
    // Keys are compared even on rows with other errors, so both problems show at once.
    let key: RowKey | null = null;
    if (uniqueKey.length > 0) {
      key = rowKey(values, uniqueKey);
      if (key !== null) {
        const first = firstRowOfKey.get(key);
        if (first === undefined) {
          firstRowOfKey.set(key, rowNumber);
        } else {
          rowOk = false;
          report({
            rowNumber,
            column: keyColumn,
            field: uniqueKey[0] ?? null,
            value: maskValue(keyKind, values[uniqueKey[0] ?? ''] ?? ''),
            message: bi(
              `與第 ${first} 列重複：第 ${first} 列與第 ${rowNumber} 列的${uniqueKey.length > 1 ? '識別欄位組合' : '識別欄位'}相同。`,
              `Duplicate: rows ${first} and ${rowNumber} have the same ${uniqueKey.length > 1 ? 'key fields' : 'key'}.`,
            ),
            duplicateOf: first,
          });
        }
      }
    }
    if (!rowOk) continue;
    if (!blocked) valid.push({ rowNumber, values, key });
  }
  return { valid, errors, errorCount, rowsRead, blankRows };
}
