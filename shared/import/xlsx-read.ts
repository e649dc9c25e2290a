/**
 * Reads one worksheet of an .xlsx into rows of cell text, as the user sees them in Excel
 * (`readXlsx`, for register imports), or every worksheet into raw cell values (`readXlsxCells`,
 * for the workpaper import and the CLI).
 *
 * The only module that imports exceljs (4.4.0, the last release): keep it that way, so the
 * library can be replaced in one place. In Node (tests) exceljs runs its Node build; a browser
 * or worker bundle gets its self-contained browser build (the package's `browser` field).
 *
 * Before exceljs sees the bytes, the file is checked here, cheaply: size, an OLE container
 * (password-protected .xlsx, legacy .xls), and the ZIP's central directory (a truncated file
 * has none; a ZIP bomb declares its unpacked size there; a .docx is a ZIP without a workbook).
 * exceljs cannot be interrupted: run this in a worker and terminate the worker to cancel.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import type { Bilingual } from '../catalog/schema';
import { assertFileSize, bi, DEFAULT_MAX_BYTES, ImportError } from './errors';
import { sniffFormat } from './format';
import { columnLetter } from './columns';

export interface ReadXlsxOptions {
  /** A worksheet by name; default the first visible one. */
  sheet?: string;
  /** Default 50 MiB, checked before anything is parsed. */
  maxBytes?: number;
  /**
   * Limit on the unpacked size the ZIP declares (default 200 MiB). exceljs holds the whole
   * workbook in memory, several times its XML; a small file can unpack to gigabytes.
   */
  maxUnpackedBytes?: number;
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

export const DEFAULT_MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
export const MAX_CELL_ISSUES = 100;

const MiB = 1024 * 1024;

function damaged(cause?: unknown): ImportError {
  return new ImportError(
    'damaged',
    bi(
      '檔案已損壞或不完整（可能下載或複製時中斷），無法以 Excel 活頁簿讀取。',
      'The file is damaged or truncated (perhaps cut off while downloading or copying); it cannot be read as an Excel workbook.',
    ),
    {},
    { cause },
  );
}

function notXlsx(): ImportError {
  return new ImportError(
    'not-xlsx',
    bi(
      '這不是 Excel 活頁簿（.xlsx）：可能是其他格式（Word、OpenDocument 或一般壓縮檔）。請在 Excel 另存為 .xlsx。',
      'This is not an Excel workbook (.xlsx) but another format (Word, OpenDocument or a plain ZIP archive). Save it as .xlsx in Excel.',
    ),
  );
}

// ——— OLE (Compound File Binary) ———

const END_OF_CHAIN = 0xfffffffa; // and above: ENDOFCHAIN, FREESECT, FATSECT, DIFSECT

/**
 * The names in a Compound File's directory, or `null` if it cannot be followed. Only the FAT
 * sectors listed in the header are used (enough for files up to 7 MiB with 512-byte sectors,
 * and for the directory of any encrypted .xlsx, which comes first).
 */
function oleDirectoryNames(bytes: Uint8Array): string[] | null {
  if (bytes.length < 512) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(30, true);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  const perFatSector = sectorSize / 4;
  const fatEntry = (sector: number): number | null => {
    const fatIndex = Math.floor(sector / perFatSector);
    if (fatIndex >= 109) return null;
    const fatSector = view.getUint32(76 + fatIndex * 4, true);
    const at = sectorOffset(fatSector) + (sector % perFatSector) * 4;
    return fatSector < END_OF_CHAIN && at + 4 <= bytes.length ? view.getUint32(at, true) : null;
  };
  const names: string[] = [];
  const utf16 = new TextDecoder('utf-16le');
  let sector = view.getUint32(48, true);
  for (let hops = 0; sector < END_OF_CHAIN && hops < 1024; hops++) {
    const start = sectorOffset(sector);
    if (start + sectorSize > bytes.length) return names.length > 0 ? names : null;
    for (let entry = start; entry < start + sectorSize; entry += 128) {
      const nameLength = view.getUint16(entry + 64, true);
      if (nameLength >= 2 && nameLength <= 64) {
        names.push(utf16.decode(bytes.subarray(entry, entry + nameLength - 2)));
      }
    }
    const next = fatEntry(sector);
    if (next === null) break;
    sector = next;
  }
  return names.length > 0 ? names : null;
}

function refuseOle(bytes: Uint8Array): never {
  const names = oleDirectoryNames(bytes) ?? [];
  const has = (name: string) => names.includes(name);
  if (!has('EncryptedPackage') && !has('EncryptionInfo')) {
    if (has('Workbook') || has('Book')) {
      throw new ImportError(
        'legacy-xls',
        bi(
          '這是舊版 Excel 97–2003 活頁簿（.xls），不支援；請在 Excel 另存為 .xlsx。',
          'This is a legacy Excel 97–2003 workbook (.xls), which is not supported; save it as .xlsx in Excel.',
        ),
      );
    }
    if (names.length > 0) throw notXlsx();
  }
  throw new ImportError(
    'password-protected',
    bi(
      '活頁簿有密碼保護（已加密），無法讀取。請在 Excel 開啟後，於「檔案 → 資訊 → 保護活頁簿 → 以密碼加密」清除密碼，另存後再匯入。',
      'The workbook is password-protected (encrypted) and cannot be read. Open it in Excel, clear the password under File → Info → Protect Workbook → Encrypt with Password, save, and import it again.',
    ),
  );
}

// ——— ZIP central directory ———

interface ZipDirectory {
  names: Set<string>;
  unpackedBytes: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/**
 * The entries the archive declares, or `null` for ZIP64 (left to exceljs). Throws 'damaged'
 * when the end-of-central-directory record is missing (a truncated file) or inconsistent.
 */
function readZipDirectory(bytes: Uint8Array): ZipDirectory | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw damaged();
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) return null;
  if (offset + size > eocd) throw damaged();

  const names = new Set<string>();
  const decoder = new TextDecoder();
  let unpackedBytes = 0;
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL_SIGNATURE) throw damaged();
    const unpacked = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    if (unpacked === 0xffffffff || local === 0xffffffff) return null;
    if (local + 30 > offset || view.getUint32(local, true) !== LOCAL_SIGNATURE) throw damaged();
    names.add(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)).replace(/^\//, ''));
    unpackedBytes += unpacked;
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { names, unpackedBytes };
}

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

/**
 * Checks the bytes (size, OLE container, ZIP directory, unpacked size) and loads them with
 * exceljs. Throws an `ImportError` for a file that is too large, password-protected, a legacy
 * .xls, not an .xlsx, damaged or truncated.
 */
async function loadChecked(
  data: Uint8Array | ArrayBuffer,
  options: Pick<ReadXlsxOptions, 'maxBytes' | 'maxUnpackedBytes'>,
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
  const directory = readZipDirectory(bytes);
  if (directory !== null) {
    if (!directory.names.has('[Content_Types].xml') || !directory.names.has('xl/workbook.xml')) {
      throw notXlsx();
    }
    const limit = options.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED_BYTES;
    if (directory.unpackedBytes > limit) {
      const size = (directory.unpackedBytes / MiB).toFixed(0);
      throw new ImportError(
        'too-large',
        bi(
          `活頁簿解壓縮後有 ${size} MiB，超過上限 ${(limit / MiB).toFixed(0)} MiB；請分批匯入。`,
          `The workbook unpacks to ${size} MiB, over the limit of ${(limit / MiB).toFixed(0)} MiB; import it in parts.`,
        ),
      );
    }
  }

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(toArrayBuffer(bytes));
  } catch (error) {
    throw damaged(error);
  }
  return workbook;
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
  options: Pick<ReadXlsxOptions, 'maxBytes' | 'maxUnpackedBytes'> = {},
): Promise<XlsxRawSheet[]> {
  const workbook = await loadChecked(data, options);
  return workbook.worksheets.map((sheet) => {
    const rows: XlsxRawCell[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: XlsxRawCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const value = rawCell(cell);
        if (value === null) return;
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
