/**
 * A workbook's cells as the workpaper code reads them: every sheet (hidden ones included),
 * row 1 first, values normalised the way the meta sheet's hashes were computed
 * (`hashableCell`): dates as `{ date }`, rich text and hyperlinks as their text, and the cells
 * hidden under a merged range as empty, which is what the file holds (exceljs would repeat the
 * range's value in each; LibreOffice saves the cover's title, centred across its columns, as
 * a merged range, so a file resaved there unchanged would otherwise read as an edited cover).
 * LibreOffice's other rewrites (shared strings for inline ones, a rich-text run per script,
 * `customHeight`, its own styles) read back the same: `test/office/` resaves real workpapers.
 *
 * The bytes go through `readXlsxCells` in `shared/import/xlsx-read.ts`, the one exceljs reader,
 * so a workpaper gets the same checks as any import before exceljs sees it: size, a
 * password-protected or legacy file (an OLE container), a damaged, truncated or hostile ZIP
 * (bytes counted while inflating), and Excel's rows, columns and a cap on cells counted before
 * exceljs parses (`shared/import/limits.ts`). Those throw an `ImportError` with a message in
 * both languages and where in the file.
 *
 * Formulas and error values are kept apart from plain values (`ReadCell`): a workpaper import
 * must not take a formula's cached result for something the user typed. `plainCell` flattens
 * them (a formula to its cached result, an error to its text) for readers that only summarise,
 * like the command line's `inspect`.
 */
import { asIsoDate, type IsoDate } from '../../domain/dates';
import {
  readXlsxCells,
  type ReadXlsxOptions,
  type XlsxRawCell,
  type XlsxRawValue,
} from '../../import/xlsx-read';

/** A cell value as a reader gets it back from a file (user text reads back as a string). */
export type PlainCell = string | number | boolean | { date: IsoDate } | null;

/** A plain value, a formula (its text without `=`, and the cached result) or an error value. */
export type ReadCell = PlainCell | { formula: string; result: PlainCell } | { error: string };

export interface ReadSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** `rows[i]` is spreadsheet row `i + 1`; missing cells and empty rows are absent or null. */
  rows: ReadCell[][];
}

export type ReadWorkbookOptions = Pick<
  ReadXlsxOptions,
  'maxBytes' | 'maxUnpackedBytes' | 'maxCells'
>;

/**
 * A date cell (exceljs gives UTC midnight plus the time of day) as the calendar date it shows;
 * the time of day, if any, is dropped (workpaper dates have none).
 */
function plainValue(value: XlsxRawValue): PlainCell {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const year = value.getUTCFullYear();
    if (year < 1 || year > 9999) return null;
    return { date: asIsoDate(value.toISOString().slice(0, 10)) };
  }
  return value;
}

function readCell(cell: XlsxRawCell): ReadCell {
  if (cell === null || typeof cell !== 'object' || cell instanceof Date) return plainValue(cell);
  if ('formula' in cell) return { formula: cell.formula, result: plainValue(cell.result) };
  return { error: cell.error };
}

/** Reads every sheet's cells. Throws an `ImportError` for a file that is not a readable .xlsx. */
export async function readWorkbookCells(
  bytes: Uint8Array | ArrayBuffer,
  options: ReadWorkbookOptions = {},
): Promise<ReadSheet[]> {
  const sheets = await readXlsxCells(bytes, options);
  return sheets.map((sheet) => ({
    name: sheet.name,
    state: sheet.state,
    rows: sheet.rows.map((row) => row.map(readCell)),
  }));
}

export function isFormulaCell(cell: ReadCell): cell is { formula: string; result: PlainCell } {
  return cell !== null && typeof cell === 'object' && 'formula' in cell;
}

export function isErrorCell(cell: ReadCell): cell is { error: string } {
  return cell !== null && typeof cell === 'object' && 'error' in cell;
}

/** A formula as its cached result, an error value as its text (`#N/A`). */
export function plainCell(cell: ReadCell): PlainCell {
  if (isFormulaCell(cell)) return cell.result;
  if (isErrorCell(cell)) return cell.error;
  return cell;
}

/** The cell at a 1-based row and column, null when empty. */
export function cellAt(sheet: ReadSheet, row: number, column: number): ReadCell {
  return sheet.rows[row - 1]?.[column - 1] ?? null;
}

/**
 * A sheet as a grid of plain values: `rowCount` rows (default: up to the last non-empty one),
 * `columns` cells a row, missing cells as null.
 */
export function plainGrid(
  sheet: ReadSheet,
  columns: number,
  rowCount = sheet.rows.length,
): PlainCell[][] {
  const grid: PlainCell[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const line: PlainCell[] = [];
    for (let c = 1; c <= columns; c++) line.push(plainCell(cellAt(sheet, r, c)));
    grid.push(line);
  }
  return grid;
}

/** The number of columns up to the last non-empty cell of any row. */
export function columnCount(sheet: ReadSheet): number {
  return sheet.rows.reduce((max, row) => Math.max(max, row.length), 0);
}
