/**
 * Test-only: reads .xlsx bytes back with exceljs so tests can look at cells, styles and sheet
 * settings of what `writeWorkbook` produced. Production code imports exceljs only through
 * `xlsx-write.ts`.
 */
import ExcelJS from 'exceljs';
import { asIsoDate } from '../../domain/dates';
import type { CellValue } from '../model';

export type ReadWorkbook = ExcelJS.Workbook;
export type ReadWorksheet = ExcelJS.Worksheet;

export async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's declarations say ArrayBuffer; JSZip underneath takes any binary.
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

/** Sheets in file order (exceljs's `worksheets` array follows the workbook's sheet order). */
export function sheetNames(workbook: ExcelJS.Workbook): string[] {
  return workbook.worksheets.map((ws) => ws.name);
}

export function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Cell values, row 1 first, `columns` cells a row (missing cells as null). */
export function values(ws: ExcelJS.Worksheet, columns = ws.columnCount): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const line: unknown[] = [];
    for (let c = 1; c <= columns; c++) line.push(row.getCell(c).value ?? null);
    out.push(line);
  }
  return out;
}

/** The 1-based column of a header text in row 1. */
export function headerColumn(ws: ExcelJS.Worksheet, header: string): number {
  const row = ws.getRow(1);
  for (let c = 1; c <= ws.columnCount; c++) if (row.getCell(c).value === header) return c;
  throw new Error(`no column headed ${header} in ${ws.name}`);
}

export const ValueType = ExcelJS.ValueType;

/**
 * A cell read back as the description's `CellValue`, the way an import would normalise it
 * before hashing: dates (UTC midnight) as `{ date }`, everything else as it is.
 */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return { date: asIsoDate(value.toISOString().slice(0, 10)) };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  throw new Error(`unexpected cell value ${JSON.stringify(value)}`);
}

/**
 * Conditional formats of a read-back sheet. exceljs fills `conditionalFormattings` when it
 * reads a file but does not declare it on `Worksheet`.
 */
export function conditionalFormats(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
}

/** The first formula of a conditional-format rule (all of ours are expressions). */
export function ruleFormula(rule: ExcelJS.ConditionalFormattingRule): unknown {
  return 'formulae' in rule ? (rule.formulae?.[0] as unknown) : undefined;
}

/** Sheet protection as read back (undeclared in exceljs's types too); null when unprotected. */
export function sheetProtection(ws: ExcelJS.Worksheet): Record<string, unknown> | null {
  return (
    (ws as unknown as { sheetProtection?: Record<string, unknown> | null }).sheetProtection ?? null
  );
}

/** Writes a read-back workbook again, as a user saving it in a spreadsheet would. */
export async function rewrite(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A workbook made without the workbench, for refusal tests. */
export async function foreignWorkbook(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = workbook.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return rewrite(workbook);
}
