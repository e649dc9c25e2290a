/**
 * Reads one worksheet of an .xlsx into rows of cell text, as the user sees them in Excel
 * (`readXlsx`, for register imports), or every worksheet into raw cell values (`readXlsxCells`,
 * for the workpaper import and the CLI).
 *
 * The only module that imports exceljs (4.4.0, the last release): keep it that way, so the
 * library can be replaced in one place. In Node (tests) exceljs runs its Node build; a browser
 * or worker bundle gets its self-contained browser build (the package's `browser` field).
 *
 * Before exceljs sees the bytes, the file is checked here: size, an OLE container
 * (password-protected .xlsx, legacy .xls: `xlsx-refusals.ts`), the ZIP's structure
 * (`checked-zip.ts`: ZIP64, encrypted or overlapping parts, headers that disagree), then every
 * part is inflated once with the bytes counted as they come and the worksheets scanned for
 * rows, columns and cells (`xlsx-check.ts`), so a hostile file is refused with a specific
 * `ImportError` before exceljs, which holds every cell as an object, spends the memory.
 * exceljs cannot be interrupted: run this in a worker and terminate the worker to cancel.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import type { Bilingual } from '../catalog/schema';
import { openCheckedZip } from './checked-zip';
import { assertFileSize, bi, DEFAULT_MAX_BYTES, ImportError } from './errors';
import { sniffFormat } from './format';
import { columnLetter } from './columns';
import { LIMIT_ERRORS } from './limit-errors';
import { MAX_CELL_CHARS, MAX_CELLS, MAX_UNPACKED_BYTES } from './limits';
import { checkXlsxParts } from './xlsx-check';
import { damaged, notXlsx, refuseOle } from './xlsx-refusals';

export interface ReadXlsxOptions {
  /** A worksheet by name; default the first visible one. */
  sheet?: string;
  /** Default 50 MiB, checked before anything is parsed. */
  maxBytes?: number;
  /**
   * Limit on the bytes the parts inflate to, counted while inflating (default 200 MiB).
   * exceljs holds the whole workbook in memory, several times its XML; a small file can
   * unpack to gigabytes.
   */
  maxUnpackedBytes?: number;
  /** Limit on the cells of the workbook (default `MAX_CELLS`, 1,500,000). */
  maxCells?: number;
}

/** A cell exceljs read but whose text is not what Excel shows or holds no value. */
export interface XlsxCellIssue {
  rowNumber: number;
  column: string;
  code: 'formula-without-result' | 'error-value';
  message: Bilingual;
}

export interface XlsxTable {
  sheetName: string;
  /** All worksheet names, in workbook order, for a sheet picker. */
  sheetNames: string[];
  /** `rows[i]` is Excel row `i + 1`; empty rows are `[]`; no trailing empty cells. */
  rows: string[][];
  /** At most `MAX_CELL_ISSUES`. */
  issues: XlsxCellIssue[];
}

export const DEFAULT_MAX_UNPACKED_BYTES = MAX_UNPACKED_BYTES;
export const MAX_CELL_ISSUES = 100;

// ——— Cell text ———

function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  // Excel keeps 15 significant digits: 0.1 + 0.2 shows as 0.3, not 0.30000000000000004.
  const rounded = Number(value.toPrecision(15));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * exceljs turns date-formatted serials into Dates at UTC midnight (plus the time of day): a
 * date alone becomes `YYYY-MM-DD`, a date and time `YYYY-MM-DD HH:mm:ss`, a time alone
 * (day 0 of Excel's calendar) `HH:mm:ss`.
 */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  const day = iso.slice(0, 10);
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  if (day === '1899-12-30' || day === '1904-01-01') return time;
  return time === '00:00:00' ? day : `${day} ${time}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function richTextOf(value: unknown): string | null {
  if (!isRecord(value) || !Array.isArray(value.richText)) return null;
  let text = '';
  for (const run of value.richText as unknown[]) {
    if (isRecord(run) && typeof run.text === 'string') text += run.text;
  }
  return text;
}

type CellOutcome = { text: string; issue?: XlsxCellIssue['code'] };

function cellText(value: CellValue): CellOutcome {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: numberText(value) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: dateText(value) };
  if ('error' in value) return { text: value.error, issue: 'error-value' };
  if ('richText' in value) return { text: richTextOf(value) ?? '' };
  if ('hyperlink' in value) {
    // The link text may itself be rich text.
    const text: unknown = value.text;
    return { text: typeof text === 'string' ? text : (richTextOf(text) ?? value.hyperlink) };
  }
  // A formula (ordinary or shared): its cached result, never the formula.
  const result = value.result;
  if (result === undefined) return { text: '', issue: 'formula-without-result' };
  return cellText(result);
}

const ISSUE_TEXT = {
  'formula-without-result': bi(
    '公式沒有儲存計算結果（檔案可能不是由 Excel 存檔），視為空白；請在 Excel 開啟並存檔後再匯入。',
    'The formula has no saved result (the file was probably not saved by Excel) and is read as empty; open and save it in Excel, then import it again.',
  ),
  'error-value': bi('儲存格是錯誤值（如 #N/A）。', 'The cell holds an error value (such as #N/A).'),
} as const;

// ——— Reading ———

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer } = bytes;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0) {
    if (bytes.byteLength === buffer.byteLength) return buffer;
  }
  return bytes.slice().buffer;
}

function chooseSheet(workbook: Workbook, name: string | undefined): Worksheet {
  const sheets = workbook.worksheets;
  if (sheets.length === 0) {
    throw new ImportError(
      'empty-workbook',
      bi('活頁簿裡沒有工作表。', 'The workbook has no worksheets.'),
    );
  }
  if (name !== undefined) {
    const sheet = sheets.find((s) => s.name === name);
    if (sheet === undefined) {
      const list = sheets.map((s) => `「${s.name}」`).join('、');
      throw new ImportError(
        'sheet-not-found',
        bi(
          `找不到工作表「${name}」；活頁簿中有：${list}。`,
          `There is no worksheet "${name}"; the workbook has: ${sheets.map((s) => `"${s.name}"`).join(', ')}.`,
        ),
      );
    }
    return sheet;
  }
  const visible = sheets.find((s) => s.state === 'visible');
  return visible ?? (sheets[0] as Worksheet);
}

type LoadOptions = Pick<ReadXlsxOptions, 'maxBytes' | 'maxUnpackedBytes' | 'maxCells'>;

/**
 * Checks the bytes (size, OLE container, ZIP structure, every part inflated and counted, the
 * worksheets scanned) and loads them with exceljs. Throws an `ImportError` for a file that is
 * too large, password-protected, a legacy .xls, not an .xlsx, damaged or truncated, a hostile
 * ZIP, or past a limit of `limits.ts`.
 */
async function loadChecked(
  data: Uint8Array | ArrayBuffer,
  options: LoadOptions,
): Promise<Workbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  assertFileSize(bytes.length, options.maxBytes ?? DEFAULT_MAX_BYTES);

  const format = sniffFormat(bytes);
  if (format === 'ole') refuseOle(bytes);
  if (format !== 'zip') {
    // Less than the four bytes of a ZIP signature: what is left of a truncated .xlsx.
    if (bytes.length < 4 && bytes[0] === 0x50) throw damaged();
    throw notXlsx();
  }
  const zip = openCheckedZip(bytes, { maxUnpackedBytes: options.maxUnpackedBytes });
  if (
    zip.entry('[Content_Types].xml') === undefined ||
    zip.entry('xl/workbook.xml') === undefined
  ) {
    throw notXlsx();
  }
  checkXlsxParts(zip, options.maxCells ?? MAX_CELLS);

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(toArrayBuffer(bytes));
  } catch (error) {
    throw damaged(error);
  }
  return workbook;
}

/**
 * Excel's limit on one cell's text, checked as the cells are read: the scan before exceljs
 * bounds rows, columns and cells (so no loop below pads past them), not the length of text.
 */
function checkText(sheet: string, text: string, rowNumber: number, colNumber: number): void {
  if (text.length <= MAX_CELL_CHARS) return;
  const where = { sheet, row: rowNumber, column: columnLetter(colNumber - 1) };
  throw LIMIT_ERRORS.cellTooLong(text.length, where);
}

/**
 * The rows of one worksheet as text: dates as ISO dates, numbers without floating-point noise,
 * rich text as plain text, formulas as their cached result. Throws an `ImportError` for a file
 * that is too large, password-protected, a legacy .xls, not an .xlsx, damaged or truncated, a
 * workbook without worksheets, a missing sheet name, or an empty worksheet.
 */
export async function readXlsx(
  data: Uint8Array | ArrayBuffer,
  options: ReadXlsxOptions = {},
): Promise<XlsxTable> {
  const workbook = await loadChecked(data, options);
  const sheet = chooseSheet(workbook, options.sheet);
  const rows: string[][] = [];
  const issues: XlsxCellIssue[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const { text, issue } = cellText(cell.value);
      if (issue !== undefined && issues.length < MAX_CELL_ISSUES) {
        issues.push({
          rowNumber,
          column: columnLetter(colNumber - 1),
          code: issue,
          message: ISSUE_TEXT[issue],
        });
      }
      if (text === '') return;
      checkText(sheet.name, text, rowNumber, colNumber);
      while (cells.length < colNumber - 1) cells.push('');
      cells[colNumber - 1] = text;
    });
    if (cells.length === 0) return;
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  });
  if (rows.length === 0) {
    throw new ImportError(
      'empty-sheet',
      bi(`工作表「${sheet.name}」沒有資料。`, `The worksheet "${sheet.name}" is empty.`),
    );
  }
  return {
    sheetName: sheet.name,
    sheetNames: workbook.worksheets.map((s) => s.name),
    rows,
    issues,
  };
}

// ——— Every worksheet, cell by cell (the workpaper import, the CLI) ———

/** A plain value as exceljs reads it: dates are UTC midnight plus the time of day. */
export type XlsxRawValue = string | number | boolean | Date | null;

/**
 * One cell without interpretation beyond flattening: rich text and hyperlinks become their
 * text; a formula keeps its text (without `=`) beside its cached result (null when none was
 * saved); an error value (`#N/A`) is kept apart from text.
 */
export type XlsxRawCell =
  XlsxRawValue | { formula: string; result: XlsxRawValue } | { error: string };

export interface XlsxRawSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** `rows[i]` is Excel row `i + 1`, `rows[i][j]` column `j + 1`; missing cells are null. */
  rows: XlsxRawCell[][];
}

function rawValue(value: unknown): XlsxRawValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (value instanceof Date) return value;
  const rich = richTextOf(value);
  if (rich !== null) return rich;
  if (isRecord(value) && 'hyperlink' in value) {
    const text = value.text;
    return typeof text === 'string' ? text : (richTextOf(text) ?? String(value.hyperlink));
  }
  if (isRecord(value) && typeof value.error === 'string') return value.error;
  return null;
}

function textOfFormula(value: XlsxRawCell): string | null {
  if (value === null || typeof value !== 'object' || value instanceof Date) return null;
  return 'formula' in value && typeof value.result === 'string' ? value.result : null;
}

function rawCell(cell: ExcelJS.Cell): XlsxRawCell {
  // A cell hidden under a merged range is empty in the file; exceljs repeats the range's
  // value in it. (LibreOffice saves text centred across columns as a merged range.)
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  const value = cell.value;
  if (cell.type === ExcelJS.ValueType.Formula) {
    // `cell.formula` also translates a shared formula to this cell.
    const result = isRecord(value) ? value.result : undefined;
    const error = isRecord(result) && typeof result.error === 'string' ? result.error : null;
    return { formula: cell.formula, result: error ?? rawValue(result) };
  }
  if (isRecord(value) && !(value instanceof Date) && typeof value.error === 'string') {
    return { error: value.error };
  }
  return rawValue(value);
}

/**
 * Every worksheet of an .xlsx, hidden ones included, in workbook order, with each cell's
 * value as exceljs reads it (see `XlsxRawCell`). Same checks as `readXlsx` before exceljs sees
 * the bytes; throws an `ImportError` for a file that is too large, password-protected, a
 * legacy .xls, not an .xlsx, damaged or truncated.
 */
export async function readXlsxCells(
  data: Uint8Array | ArrayBuffer,
  options: LoadOptions = {},
): Promise<XlsxRawSheet[]> {
  const workbook = await loadChecked(data, options);
  return workbook.worksheets.map((sheet) => {
    const rows: XlsxRawCell[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: XlsxRawCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const value = rawCell(cell);
        if (value === null) return;
        const text = typeof value === 'string' ? value : textOfFormula(value);
        if (text !== null) checkText(sheet.name, text, rowNumber, colNumber);
        while (cells.length < colNumber - 1) cells.push(null);
        cells[colNumber - 1] = value;
      });
      if (cells.length === 0) return;
      while (rows.length < rowNumber - 1) rows.push([]);
      rows[rowNumber - 1] = cells;
    });
    return { name: sheet.name, state: sheet.state, rows };
  });
}

// ——— Writing (tests, the benchmark, and later import templates) ———

/** What `buildXlsx` can put in a cell: a subset of what exceljs accepts. */
export type XlsxCellInput =
  | string
  | number
  | boolean
  | Date
  | null
  | { formula: string; result?: string | number | boolean | Date }
  | { richText: { text: string }[] }
  | { text: string; hyperlink: string }
  | { error: '#N/A' | '#REF!' | '#NAME?' | '#DIV/0!' | '#NULL!' | '#VALUE!' | '#NUM!' };

export interface XlsxSheetInput {
  name: string;
  rows: readonly (readonly XlsxCellInput[])[];
  state?: 'visible' | 'hidden';
  /** Number format for Date cells; default `yyyy-mm-dd`. */
  dateFormat?: string;
}

/** An .xlsx with the given worksheets; kept here so exceljs stays behind this one module. */
export async function buildXlsx(sheets: readonly XlsxSheetInput[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const input of sheets) {
    const sheet = workbook.addWorksheet(input.name, { state: input.state ?? 'visible' });
    input.rows.forEach((cells, r) => {
      if (cells.length === 0) return;
      const row = sheet.getRow(r + 1);
      cells.forEach((value, c) => {
        if (value === null) return;
        const cell = row.getCell(c + 1);
        cell.value = value;
        if (value instanceof Date) cell.numFmt = input.dateFormat ?? 'yyyy-mm-dd';
      });
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
