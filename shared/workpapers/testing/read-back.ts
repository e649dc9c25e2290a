/**
 * Test-only: reads .xlsx bytes back with exceljs so tests can look at cells, styles and sheet
 * settings of what `writeWorkbook` produced. Production code imports exceljs only through
 * `xlsx-write.ts`.
 */
import ExcelJS from 'exceljs';
// exceljs's own zip library (a dependency of it), to read the file's parts as stored.
import JSZip from 'jszip';
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

/** A piece of text found in a read-back workbook, and where. */
export interface FoundText {
  /** `sheet!A1`, `sheet (header/footer)` or `(workbook properties)`. */
  where: string;
  text: string;
}

/** The text of a cell value of any kind: plain, rich text, hyperlink, formula and its result. */
function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'object') return '';
  const fields = value as Record<string, unknown>;
  if (Array.isArray(fields.richText)) {
    return (fields.richText as { text: string }[]).map((run) => run.text).join('');
  }
  // Hyperlinks (text, hyperlink), formulas (formula or sharedFormula, result), errors.
  return ['text', 'hyperlink', 'formula', 'sharedFormula', 'result', 'error']
    .filter((key) => key in fields)
    .map((key) => textOf(fields[key]))
    .join('\n');
}

/**
 * Every text a read-back workbook holds that a person or a program could read: each cell of
 * each sheet whatever its state (visible, hidden, veryHidden), with cell notes, each sheet's
 * header and footer, and the workbook's document properties.
 */
export function everyText(workbook: ExcelJS.Workbook): FoundText[] {
  const found: FoundText[] = [];
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const where = `${ws.name}!${cell.address}`;
        found.push({ where, text: textOf(cell.value) });
        const note = cell.note as string | { texts?: { text: string }[] } | undefined;
        if (note !== undefined) {
          const noteText =
            typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
          found.push({ where: `${where} (note)`, text: noteText });
        }
      });
    });
    // Undefined when the file sets none, whatever exceljs's declarations say.
    const settings = ws.headerFooter as Partial<ExcelJS.HeaderFooter> | undefined;
    const headerFooter = Object.values(settings ?? {}).filter((v) => typeof v === 'string');
    found.push({ where: `${ws.name} (header/footer)`, text: headerFooter.join('\n') });
  }
  const properties = [
    workbook.title,
    workbook.subject,
    workbook.creator,
    workbook.lastModifiedBy,
    workbook.keywords,
    workbook.category,
    workbook.description,
    workbook.company,
    workbook.manager,
  ];
  found.push({
    where: '(workbook properties)',
    text: properties.filter((p) => typeof p === 'string').join('\n'),
  });
  return found;
}

/**
 * The text of every part of an .xlsx as stored (sheets, shared strings, document properties,
 * anything a writer put in the zip), to find what no cell shows. Values are searched in the
 * XML as written: the personal data tests use no character XML escapes.
 */
export async function everyPart(bytes: Uint8Array): Promise<FoundText[]> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: FoundText[] = [];
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) parts.push({ where: name, text: await entry.async('string') });
  }
  return parts;
}
