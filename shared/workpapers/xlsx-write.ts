/**
 * The one module that imports exceljs: a `WorkbookSpec` in, .xlsx bytes out. exceljs has had
 * no release since 4.4.0, so it stays behind this file; nothing else should need to change if
 * it is ever replaced. The Node-only streaming writer (`electron/node/xlsx-stream-write.ts`, for
 * large exports in Electron) imports exceljs's `WorkbookWriter` but takes every style, view,
 * print, validation and highlight from the exported helpers below, so both write one workbook.
 *
 * What it applies: a CJK-capable font on every cell and column; a styled header row; column
 * widths, wrapping and number formats; the Text format `@` on user text and editable columns
 * (see `sanitize.ts`); shaded editable columns; frozen rows; an auto filter; A4 landscape,
 * fit to width, repeated header rows and page numbers in the footer; list validations;
 * conditional formatting; the veryHidden state and sheet protection.
 *
 * exceljs behaviour worth knowing (each checked by the tests, which read the bytes back):
 * - A JS string is written as a shared string, never as a formula, whatever it starts with.
 * - exceljs writes no workbook view unless told to; without one, Excel opens the first sheet
 *   in the file even if it is hidden. We write one whose active tab is the first visible sheet.
 * - `protect()` without a password only sets the flag (a password would cost 100,000 SHA-512
 *   rounds through Node's `crypto` and add nothing: the file is plain XML either way).
 * - exceljs drops XML-illegal control characters itself; `cleanText` removes them first so the
 *   hashes match what the file holds.
 * - `writeBuffer()` resolves to a Node `Buffer` in Node (typed as `Buffer extends ArrayBuffer`
 *   in exceljs's declarations): it is copied into a plain `Uint8Array`.
 */
import ExcelJS from 'exceljs';
import type { Bytes } from '../crypto/bytes';
import {
  assertWorkbookSpec,
  cellText,
  columnIndex,
  columnLetter,
  sheetRowNumber,
  type CellValue,
  type ColumnSpec,
  type ConditionalSpec,
  type FooterSpec,
  type HighlightStyle,
  type RowKind,
  type SheetSpec,
  type ValidationSpec,
  type WorkbookSpec,
} from './model';
import { wrappedRowHeight } from './row-height';

/**
 * 微軟正黑體, on every Windows since Vista and in Office for Mac. Where it is missing, Excel
 * for Mac substitutes PingFang TC and LibreOffice its CJK fallback (Noto Sans CJK TC), so the
 * text still renders; only the metrics differ slightly.
 */
export const CJK_FONT = 'Microsoft JhengHei';
/** The font size of a row's cells, by row kind (the header row is `data`). */
const FONT_SIZES: Readonly<Record<RowKind, number>> = {
  data: 10,
  title: 16,
  section: 11,
  sign: 10,
};
/** GDI charset 136 (CHINESEBIG5_CHARSET) hints Traditional Chinese to font substitution. */
const FONT: Partial<ExcelJS.Font> = {
  name: CJK_FONT,
  size: FONT_SIZES.data,
  family: 2,
  charset: 136,
};
export const TEXT_NUMFMT = '@';
const DEFAULT_DATE_NUMFMT = 'yyyy-mm-dd';
/** Excel's limit on a header or footer string. */
const MAX_FOOTER_CHARS = 255;

const solid = (argb: string): ExcelJS.Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb },
  bgColor: { argb },
});
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = solid('FFD9E1F2');
const SECTION_FILL = solid('FFEDEDED');
/** Where the user may type: the pale yellow auditors know from input cells. */
export const EDITABLE_FILL_ARGB = 'FFFFF2CC';

/** Conditional-format looks, Excel's own presets so they read as usual. */
export const HIGHLIGHTS: Readonly<Record<HighlightStyle, Partial<ExcelJS.Style>>> = {
  deficient: { font: { color: { argb: 'FF9C0006' } }, fill: solid('FFFFC7CE') },
  overdue: { font: { bold: true, color: { argb: 'FF9C0006' } }, fill: solid('FFFFEB9C') },
  ok: { font: { color: { argb: 'FF006100' } }, fill: solid('FFC6EFCE') },
};

/** A cell's value as exceljs takes it (shared with the Node streaming writer). */
export function toExcelValue(value: CellValue): ExcelJS.CellValue {
  if (value === null || typeof value !== 'object') return value;
  if ('date' in value) {
    const [year = 0, month = 1, day = 1] = value.date.split('-').map(Number);
    return new Date(Date.UTC(year, month - 1, day));
  }
  // Always a plain string: exceljs reads `{ text, hyperlink }` as a link, never pass objects.
  return value.text;
}

function numFmtOf(column: ColumnSpec, value: CellValue): string | undefined {
  if (value !== null && typeof value === 'object') {
    return 'date' in value ? (column.numFmt ?? DEFAULT_DATE_NUMFMT) : TEXT_NUMFMT;
  }
  if (column.numFmt !== undefined) return column.numFmt;
  // An empty editable cell: whatever the user types there stays text.
  return column.editable === true && value === null ? TEXT_NUMFMT : undefined;
}

export function columnStyle(column: ColumnSpec): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: FONT,
    alignment: { vertical: 'top', wrapText: column.wrap === true },
  };
  if (column.editable === true) {
    style.fill = solid(EDITABLE_FILL_ARGB);
    style.numFmt = column.numFmt ?? TEXT_NUMFMT;
  } else if (column.numFmt !== undefined) {
    style.numFmt = column.numFmt;
  }
  return style;
}

function dataCellStyle(
  column: ColumnSpec,
  value: CellValue,
  kind: RowKind,
): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: FONT,
    alignment: { vertical: 'top', wrapText: column.wrap === true },
    border: BORDER,
  };
  const numFmt = numFmtOf(column, value);
  if (numFmt !== undefined) style.numFmt = numFmt;
  switch (kind) {
    case 'data':
      if (column.editable === true) style.fill = solid(EDITABLE_FILL_ARGB);
      break;
    case 'title':
      style.font = { ...FONT, size: FONT_SIZES.title, bold: true };
      // Centred across the row without merging: merged cells break sorting, filtering and
      // reading back (exceljs reports the title in every merged cell).
      style.alignment = { vertical: 'middle', horizontal: 'centerContinuous' };
      style.border = {};
      break;
    case 'section':
      style.font = { ...FONT, size: FONT_SIZES.section, bold: true };
      style.fill = SECTION_FILL;
      break;
    case 'sign':
      style.alignment = { vertical: 'bottom', wrapText: column.wrap === true };
      break;
  }
  return style;
}

export const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { ...FONT, bold: true },
  fill: HEADER_FILL,
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  border: BORDER,
};

/** `&` starts a code in Excel's header and footer strings; `{page}` and `{pages}` are ours. */
export function footerString(footer: FooterSpec): string {
  const part = (code: string, text: string | undefined) =>
    text === undefined
      ? ''
      : `&${code}&"${CJK_FONT},Regular"${text.replaceAll('&', '&&').replaceAll('{page}', '&P').replaceAll('{pages}', '&N')}`;
  const out = part('L', footer.left) + part('C', footer.center) + part('R', footer.right);
  if (out.length > MAX_FOOTER_CHARS) {
    throw new RangeError(`the footer is longer than Excel's ${MAX_FOOTER_CHARS} characters`);
  }
  return out;
}

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** The formula of a conditional format, relative to the first data cell of its column. */
export function conditionFormula(
  sheet: SheetSpec,
  rule: ConditionalSpec,
  firstRow: number,
): string {
  // A whole-row rule is applied to every column: its test cell must not move with them.
  const anchor = rule.wholeRow === true ? '$' : '';
  const cell = `${anchor}${columnLetter(columnIndex(sheet, rule.column))}${firstRow}`;
  let condition: string;
  if (rule.kind === 'equals') {
    condition = `${cell}=${quoted(rule.value)}`;
  } else if (rule.kind === 'not-empty') {
    condition = `${cell}<>""`;
  } else {
    const [year, month, day] = rule.value.split('-').map(Number);
    condition = `AND(ISNUMBER(${cell}),${cell}<DATE(${year},${month},${day}))`;
  }
  if (rule.unless === undefined) return condition;
  const other = `$${columnLetter(columnIndex(sheet, rule.unless.column))}${firstRow}`;
  return `AND(${condition},${other}<>${quoted(rule.unless.equals)})`;
}

/** The spreadsheet rows of a sheet's data (at least one row, for ranges of empty sheets). */
export function dataRows(sheet: SheetSpec): { firstRow: number; lastRow: number } {
  const firstRow = sheetRowNumber(sheet, 0);
  return { firstRow, lastRow: Math.max(firstRow, sheetRowNumber(sheet, sheet.rows.length - 1)) };
}

/** A column's drop-down list, as exceljs takes it. */
export function listValidation(validation: ValidationSpec): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [quoted(validation.allowed.join(','))],
    showErrorMessage: true,
    errorStyle: 'stop',
  };
}

/** The sheet's highlights as exceljs conditional formats, in priority order. */
export function conditionalFormattings(sheet: SheetSpec): ExcelJS.ConditionalFormattingOptions[] {
  const { firstRow, lastRow } = dataRows(sheet);
  const range = (rule: ConditionalSpec) => {
    if (rule.wholeRow === true) {
      return `A${firstRow}:${columnLetter(sheet.columns.length)}${lastRow}`;
    }
    const letter = columnLetter(columnIndex(sheet, rule.column));
    return `${letter}${firstRow}:${letter}${lastRow}`;
  };
  return (sheet.conditional ?? []).map((rule, index) => ({
    ref: range(rule),
    rules: [
      {
        type: 'expression',
        priority: index + 1,
        formulae: [conditionFormula(sheet, rule, firstRow)],
        style: HIGHLIGHTS[rule.style],
      },
    ],
  }));
}

function addValidationsAndFormats(ws: ExcelJS.Worksheet, sheet: SheetSpec): void {
  const { firstRow, lastRow } = dataRows(sheet);
  for (const validation of sheet.validations ?? []) {
    const rule = listValidation(validation);
    // Per cell, the only way exceljs's types allow; it merges equal neighbours into one range.
    const column = columnIndex(sheet, validation.column);
    for (let row = firstRow; row <= lastRow; row++) ws.getCell(row, column).dataValidation = rule;
  }
  for (const formatting of conditionalFormattings(sheet)) ws.addConditionalFormatting(formatting);
}

function pageSetup(sheet: SheetSpec): Partial<ExcelJS.PageSetup> {
  const print = sheet.print;
  if (print === undefined) return {};
  const setup: Partial<ExcelJS.PageSetup> = {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- exceljs declares PaperSize an ambient const enum, which isolatedModules cannot read; 9 is A4 in OOXML
    paperSize: 9,
    orientation: print.landscape ? 'landscape' : 'portrait',
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    horizontalCentered: true,
  };
  if (print.fitToWidth > 0) {
    // fitToHeight 0: as many pages down as the rows need.
    Object.assign(setup, { fitToPage: true, fitToWidth: print.fitToWidth, fitToHeight: 0 });
  }
  if (print.repeatHeaderRows > 0) setup.printTitlesRow = `1:${print.repeatHeaderRows}`;
  return setup;
}

/** Tab state, view (frozen rows, the selected tab), print setup and footer of a sheet. */
export function worksheetOptions(
  sheet: SheetSpec,
  selected: boolean,
): Partial<ExcelJS.AddWorksheetOptions> {
  const view: Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean } =
    sheet.frozenRows > 0
      ? { state: 'frozen', ySplit: sheet.frozenRows, activeCell: `A${sheet.frozenRows + 1}` }
      : { state: 'normal' };
  // exceljs writes `tabSelected`, though its types do not declare it.
  if (selected) view.tabSelected = true;
  return {
    state: sheet.state,
    views: [view],
    pageSetup: pageSetup(sheet),
    headerFooter:
      sheet.print?.footer === undefined ? {} : { oddFooter: footerString(sheet.print.footer) },
  };
}

/**
 * One style object per column, row kind and number format, shared by every cell that has it:
 * exceljs maps a style object it has seen to its style id through a WeakMap, so shared objects
 * are serialised once instead of once a cell (most of the write time on large sheets). Nothing
 * changes a cell's style after it is set, so sharing is safe. One cache per sheet.
 */
export function cellStyles(): (
  c: number,
  column: ColumnSpec,
  value: CellValue,
  kind: RowKind,
) => Partial<ExcelJS.Style> {
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  return (c, column, value, kind) => {
    const key = `${c}|${kind}|${numFmtOf(column, value) ?? ''}`;
    let style = styles.get(key);
    if (style === undefined) {
      style = dataCellStyle(column, value, kind);
      styles.set(key, style);
    }
    return style;
  };
}

/**
 * A data row's height: tall enough for every wrapping cell to show whole (`row-height.ts`),
 * at least 30 points for the title and 40 for a signature row; `undefined` keeps the default.
 */
export function rowHeight(
  sheet: Pick<SheetSpec, 'columns'>,
  values: readonly CellValue[],
  kind: RowKind,
): number | undefined {
  // The title is centred across the row on one line (see `dataCellStyle`): it never wraps.
  if (kind === 'title') return 30;
  const texts = sheet.columns.map((_column, c) => cellText(values[c] ?? null));
  const wrapped = wrappedRowHeight(sheet.columns, texts, FONT_SIZES[kind]);
  if (kind === 'sign') return Math.max(40, wrapped ?? 0);
  return wrapped;
}

/** The header row's height: header cells always wrap (`HEADER_STYLE`). */
export function headerRowHeight(sheet: Pick<SheetSpec, 'columns'>): number | undefined {
  const headers = sheet.columns.map((column) => column.header);
  return wrappedRowHeight(sheet.columns, headers, FONT_SIZES.data, true);
}

/** The auto filter's range (header row to the last data row), or null without one. */
export function autoFilterRef(sheet: SheetSpec): string | null {
  if (sheet.autoFilter !== true || sheet.headerRow === false) return null;
  const lastRow = Math.max(1, sheetRowNumber(sheet, sheet.rows.length - 1));
  return `A1:${columnLetter(sheet.columns.length)}${lastRow}`;
}

async function addSheet(workbook: ExcelJS.Workbook, sheet: SheetSpec, selected: boolean) {
  const ws = workbook.addWorksheet(sheet.name, worksheetOptions(sheet, selected));

  sheet.columns.forEach((column, i) => {
    const col = ws.getColumn(i + 1);
    col.width = column.width;
    col.style = columnStyle(column);
  });
  if (sheet.headerRow !== false) {
    const header = ws.getRow(1);
    sheet.columns.forEach((column, i) => {
      const cell = header.getCell(i + 1);
      cell.value = column.header;
      cell.style = HEADER_STYLE;
    });
    const height = headerRowHeight(sheet);
    if (height !== undefined) header.height = height;
  }
  const styleOf = cellStyles();
  sheet.rows.forEach((values, r) => {
    const rowNumber = sheetRowNumber(sheet, r);
    const kind = sheet.rowKinds?.[r] ?? 'data';
    const row = ws.getRow(rowNumber);
    sheet.columns.forEach((column, c) => {
      const value = values[c] ?? null;
      const cell = row.getCell(c + 1);
      cell.value = toExcelValue(value);
      cell.style = styleOf(c, column, value, kind);
    });
    const height = rowHeight(sheet, values, kind);
    if (height !== undefined) row.height = height;
  });

  const filter = autoFilterRef(sheet);
  if (filter !== null) ws.autoFilter = filter;
  addValidationsAndFormats(ws, sheet);
  if (sheet.protect === true) {
    await ws.protect('', {});
  }
}

/**
 * Sets the document properties and the workbook view, whose active tab is the first visible
 * sheet (see above); returns that sheet's index.
 */
export function setWorkbookProperties(
  workbook: Pick<
    ExcelJS.Workbook,
    'title' | 'creator' | 'lastModifiedBy' | 'created' | 'modified' | 'views'
  >,
  spec: WorkbookSpec,
): number {
  const created = new Date(spec.properties.created);
  workbook.title = spec.properties.title;
  workbook.creator = spec.properties.creator;
  workbook.lastModifiedBy = spec.properties.creator;
  workbook.created = created;
  workbook.modified = created;
  const firstVisible = spec.sheets.findIndex((sheet) => sheet.state === 'visible');
  workbook.views = [
    {
      x: 0,
      y: 0,
      width: 28_800,
      height: 17_600,
      firstSheet: firstVisible,
      activeTab: firstVisible,
      visibility: 'visible',
    },
  ];
  return firstVisible;
}

/** The workbook as .xlsx bytes. Throws a `WorkbookSpecError` for an invalid description. */
export async function writeWorkbook(spec: WorkbookSpec): Promise<Bytes> {
  assertWorkbookSpec(spec);
  const workbook = new ExcelJS.Workbook();
  const firstVisible = setWorkbookProperties(workbook, spec);
  for (const [index, sheet] of spec.sheets.entries()) {
    await addSheet(workbook, sheet, index === firstVisible);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  // Declared as an ArrayBuffer, a Node Buffer at run time (a view that may sit in a shared
  // pool): either way this gives a plain Uint8Array of exactly the file's bytes.
  return new Uint8Array(buffer);
}
