/**
 * The workbook description: what a workpaper contains and how it should look, as plain data.
 * Builders (`build-inspection.ts`) produce it from domain records without knowing about
 * spreadsheets; `xlsx-write.ts`, the only module that imports exceljs, turns it into bytes.
 * Keeping the description pure lets tests check a workpaper's content without a zip, and lets
 * the content hash be computed over exactly what goes into the file.
 *
 * Row numbers: with a header row (the default) the header is spreadsheet row 1 and `rows[0]`
 * is row 2; without one, `rows[0]` is row 1.
 */
import { isIsoDate, isIsoInstant, type IsoDate, type IsoInstant } from '../domain/dates';

/**
 * One cell: a plain value we produced ourselves (labels, ids, counts), a calendar date, or
 * `{ text }` for text a user typed, which the writer always stores as text (see `sanitize.ts`).
 */
export type CellValue = string | number | boolean | { date: IsoDate } | { text: string } | null;

export interface ColumnSpec {
  /** Stable key of the column (a record field), used by validations, formatting and import. */
  key: string;
  header: string;
  /** In Excel's character units (the width of a `0`); a CJK character takes about two. */
  width: number;
  wrap?: boolean;
  /** Excel number format for the column's data cells, e.g. `yyyy-mm-dd`. */
  numFmt?: string;
  /** The user may change this column in Excel and import the file back; shaded. */
  editable?: boolean;
}

export interface FooterSpec {
  /** Plain text; `{page}` and `{pages}` become the page number and the page count. */
  left?: string;
  center?: string;
  right?: string;
}

export interface PrintSpec {
  landscape: boolean;
  /** Pages across (1 = fit every column on one page width); 0 prints at 100 %. */
  fitToWidth: number;
  /** Rows at the top repeated on every printed page (usually the header row: 1). */
  repeatHeaderRows: number;
  footer?: FooterSpec;
}

/** A list of allowed values for a column's data cells (a drop-down in Excel). */
export interface ValidationSpec {
  column: string;
  allowed: readonly string[];
}

export type HighlightStyle = 'deficient' | 'overdue' | 'ok';

export interface ConditionalSpec {
  column: string;
  /**
   * `equals`: the cell's text is `value`; `date-before`: the cell is a date before `value`;
   * `not-empty`: the cell holds anything (`value` is not used, write '').
   */
  kind: 'equals' | 'date-before' | 'not-empty';
  value: string;
  style: HighlightStyle;
  /** Not when this other column of the same row holds this text (e.g. the finding is closed). */
  unless?: { column: string; equals: string };
  /** Highlight every column of the row, not only `column` (e.g. a flagged disposal record). */
  wholeRow?: boolean;
}

/**
 * How a row is drawn: `data` (default), `title` (large, bold, across all columns), `section`
 * (a bold band), `sign` (a tall row with a line to sign on).
 */
export type RowKind = 'data' | 'title' | 'section' | 'sign';

export interface SheetSpec {
  /** At most 31 characters, none of `[ ] : * ? / \`, no leading or trailing `'`. */
  name: string;
  /** Hidden sheets must come after every visible one; `veryHidden` cannot be unhidden in Excel. */
  state: 'visible' | 'veryHidden';
  columns: readonly ColumnSpec[];
  rows: readonly (readonly CellValue[])[];
  /** Same length as `rows` when given. */
  rowKinds?: readonly RowKind[];
  /** Write the column headers as the first row (default true). */
  headerRow?: boolean;
  frozenRows: number;
  autoFilter?: boolean;
  print?: PrintSpec;
  validations?: readonly ValidationSpec[];
  conditional?: readonly ConditionalSpec[];
  /** Lock the sheet in Excel's interface (not a security control: the file is plain XML). */
  protect?: boolean;
}

export interface WorkbookSpec {
  properties: { title: string; creator: string; created: IsoInstant };
  sheets: readonly SheetSpec[];
}

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32_767;
/** Excel's limit on a list validation's formula (the items joined with commas). */
export const MAX_LIST_CHARS = 255;
export const MAX_SHEET_NAME_CHARS = 31;

const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/;

/** Column 1 → `A`, 27 → `AA`. */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 1) throw new RangeError(`no column ${index}`);
  let out = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  }
  return out;
}

/** The spreadsheet row number of `rows[index]`. */
export function sheetRowNumber(sheet: Pick<SheetSpec, 'headerRow'>, index: number): number {
  return index + (sheet.headerRow === false ? 1 : 2);
}

/** 1-based column index of a key, or throws. */
export function columnIndex(sheet: Pick<SheetSpec, 'columns' | 'name'>, key: string): number {
  const index = sheet.columns.findIndex((column) => column.key === key);
  if (index < 0) throw new RangeError(`sheet ${sheet.name} has no column ${key}`);
  return index + 1;
}

/**
 * Display width in Excel character units: East Asian wide and full-width characters count 2,
 * everything else 1. Good enough to size columns for zh-TW text.
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWideCharacter(char.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

/** East Asian wide or full-width (Unicode's East Asian Width W and F, roughly). */
export function isWideCharacter(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** The text a cell shows (before number formats), for checks and widths. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'object') return 'date' in value ? value.date : value.text;
  return String(value);
}

/**
 * A cell as it is hashed: user text and plain text alike (a reader cannot tell them apart),
 * dates as `{ date }`. Readers of the file normalise what they read the same way.
 */
export function hashableCell(
  value: CellValue,
): string | number | boolean | { date: string } | null {
  if (value !== null && typeof value === 'object') {
    return 'date' in value ? { date: value.date } : value.text;
  }
  return value;
}

function checkSheetName(name: string): string | null {
  if (name.length === 0) return 'is empty';
  if (name.length > MAX_SHEET_NAME_CHARS) return `is longer than ${MAX_SHEET_NAME_CHARS}`;
  if (FORBIDDEN_IN_SHEET_NAME.test(name)) return 'contains one of [ ] : * ? / \\';
  if (name.startsWith("'") || name.endsWith("'")) return "starts or ends with '";
  if (name.toLowerCase() === 'history') return 'is reserved by Excel';
  return null;
}

function checkCell(value: CellValue): string | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return `is ${value}`;
  if (value !== null && typeof value === 'object' && 'date' in value && !isIsoDate(value.date)) {
    return `has an invalid date ${JSON.stringify(value.date)}`;
  }
  if (cellText(value).length > MAX_CELL_CHARS) return `is longer than ${MAX_CELL_CHARS}`;
  return null;
}

function checkSheet(sheet: SheetSpec): string[] {
  const problems: string[] = [];
  const at = `sheet ${JSON.stringify(sheet.name)}`;
  const nameProblem = checkSheetName(sheet.name);
  if (nameProblem !== null) problems.push(`${at}: the name ${nameProblem}`);
  if (sheet.columns.length === 0) problems.push(`${at}: no columns`);

  const keys = new Set<string>();
  for (const column of sheet.columns) {
    if (keys.has(column.key)) problems.push(`${at}: duplicate column ${column.key}`);
    keys.add(column.key);
    if (!(column.width > 0 && column.width <= 255)) {
      problems.push(`${at}: column ${column.key} has width ${column.width}`);
    }
  }
  const known = (key: string, what: string) => {
    if (!keys.has(key)) problems.push(`${at}: ${what} names unknown column ${key}`);
  };

  sheet.rows.forEach((row, r) => {
    if (row.length > sheet.columns.length) {
      problems.push(`${at}: row ${r} has ${row.length} cells for ${sheet.columns.length} columns`);
    }
    row.forEach((value, c) => {
      const problem = checkCell(value);
      if (problem !== null) problems.push(`${at}: row ${r} cell ${c} ${problem}`);
    });
  });
  if (sheet.rowKinds !== undefined && sheet.rowKinds.length !== sheet.rows.length) {
    problems.push(
      `${at}: rowKinds has ${sheet.rowKinds.length} entries for ${sheet.rows.length} rows`,
    );
  }
  if (!Number.isInteger(sheet.frozenRows) || sheet.frozenRows < 0) {
    problems.push(`${at}: frozenRows must be a whole number ≥ 0`);
  }
  for (const validation of sheet.validations ?? []) {
    known(validation.column, 'a validation');
    if (validation.allowed.length === 0) problems.push(`${at}: an empty validation list`);
    if (validation.allowed.some((item) => item.includes(',') || item.includes('"'))) {
      problems.push(`${at}: a validation item contains a comma or a double quote`);
    }
    if (validation.allowed.join(',').length > MAX_LIST_CHARS) {
      problems.push(`${at}: the validation list of ${validation.column} exceeds ${MAX_LIST_CHARS}`);
    }
  }
  for (const rule of sheet.conditional ?? []) {
    known(rule.column, 'a conditional format');
    if (rule.unless !== undefined) known(rule.unless.column, 'a conditional format');
    if (rule.kind === 'date-before' && !isIsoDate(rule.value)) {
      problems.push(`${at}: date-before needs an ISO date, got ${JSON.stringify(rule.value)}`);
    }
  }
  if (sheet.print !== undefined) {
    const { fitToWidth, repeatHeaderRows } = sheet.print;
    if (!Number.isInteger(fitToWidth) || fitToWidth < 0) problems.push(`${at}: bad fitToWidth`);
    if (!Number.isInteger(repeatHeaderRows) || repeatHeaderRows < 0) {
      problems.push(`${at}: bad repeatHeaderRows`);
    }
  }
  return problems;
}

/** Everything that would make the writer fail or Excel repair the file; empty when fine. */
export function workbookSpecProblems(spec: WorkbookSpec): string[] {
  const problems: string[] = [];
  if (!isIsoInstant(spec.properties.created)) problems.push('properties.created is not an instant');
  if (!spec.sheets.some((sheet) => sheet.state === 'visible')) problems.push('no visible sheet');
  const names = new Set<string>();
  let hiddenSeen = false;
  for (const sheet of spec.sheets) {
    const folded = sheet.name.toLowerCase();
    if (names.has(folded)) problems.push(`duplicate sheet name ${JSON.stringify(sheet.name)}`);
    names.add(folded);
    // exceljs writes no workbook view of its own: a hidden sheet first would open as active.
    if (sheet.state === 'visible' && hiddenSeen) {
      problems.push(`visible sheet ${JSON.stringify(sheet.name)} follows a hidden one`);
    }
    if (sheet.state !== 'visible') hiddenSeen = true;
    problems.push(...checkSheet(sheet));
  }
  return problems;
}

export class WorkbookSpecError extends RangeError {
  override name = 'WorkbookSpecError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid workbook description: ${problems.join('; ')}`);
  }
}

export function assertWorkbookSpec(spec: WorkbookSpec): void {
  const problems = workbookSpecProblems(spec);
  if (problems.length > 0) throw new WorkbookSpecError(problems);
}
