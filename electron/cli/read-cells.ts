/**
 * Reads an .xlsx with exceljs (Node) into plain cell values, the way `readWorkpaperMeta` and
 * the sheet hashes expect them: row 1 first, missing cells as null, dates (UTC midnight) as
 * `{ date }`. The production twin of `shared/workpapers/testing/read-back.ts`.
 */
import ExcelJS from 'exceljs';
import { asIsoDate } from '../../shared/domain/dates';
import type { CellValue } from '../../shared/workpapers';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

/** Why a file cannot be read as a workbook, in one line. */
export class UnreadableWorkbookError extends Error {
  override name = 'UnreadableWorkbookError';
}

/** Loads .xlsx bytes; refuses anything that is not a ZIP (an encrypted file is OLE). */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new UnreadableWorkbookError(
      'the file is password-protected or a legacy .xls (an OLE container), not a plain .xlsx',
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new UnreadableWorkbookError('the file is not an .xlsx workbook');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's declarations say ArrayBuffer; JSZip underneath takes any binary.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UnreadableWorkbookError(`the workbook cannot be read: ${reason}`);
  }
  return workbook;
}

/** A cell value as the workpaper description holds it. */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return { date: asIsoDate(value.toISOString().slice(0, 10)) };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'object') {
    // Rich text (a user who formatted part of a cell) reads back as runs of text.
    if ('richText' in value && Array.isArray(value.richText)) {
      return (value.richText as { text?: unknown }[])
        .map((run) => (typeof run.text === 'string' ? run.text : ''))
        .join('');
    }
    // A formula typed by the user: its cached result, if any.
    if ('result' in value) return toCellValue(value.result);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value && typeof value.error === 'string') return value.error;
  }
  return JSON.stringify(value);
}

/** A sheet's cells, row 1 first, `columns` cells a row (missing cells as null). */
export function sheetCells(ws: ExcelJS.Worksheet, columns = ws.columnCount): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const line: CellValue[] = [];
    for (let c = 1; c <= columns; c++) line.push(toCellValue(row.getCell(c).value));
    out.push(line);
  }
  return out;
}
