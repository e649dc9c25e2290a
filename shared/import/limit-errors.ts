/**
 * The `ImportError`s of hostile or oversized files (the limits of `limits.ts`, the ZIP checks
 * of `checked-zip.ts`), in zh-TW and English, each naming where in the file it was found.
 */
import type { Bilingual } from '../catalog/schema';
import { bi, ImportError, type ImportErrorCode, type ImportErrorDetails } from './errors';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS } from './limits';

/** Thousands separated, as both languages write numbers here. */
export const count = (value: number): string => value.toLocaleString('en');

const MiB = 1024 * 1024;
const mib = (bytes: number): string =>
  bytes >= MiB
    ? `${count(Number((bytes / MiB).toFixed(bytes < 10 * MiB ? 1 : 0)))} MiB`
    : `${count(Math.ceil(bytes / 1024))} KiB`;

/** `（工作表「名冊」，第 5 列，B 欄，組件 xl/worksheets/sheet1.xml）` and ` (worksheet "名冊", row 5, …)`. */
export function wherePhrase(where: ImportErrorDetails): Bilingual {
  const zh: string[] = [];
  const en: string[] = [];
  const add = (z: string, e: string) => {
    zh.push(z);
    en.push(e);
  };
  if (where.sheet !== undefined) add(`工作表「${where.sheet}」`, `worksheet "${where.sheet}"`);
  if (where.row !== undefined) add(`第 ${count(where.row)} 列`, `row ${count(where.row)}`);
  if (where.column !== undefined) add(`${where.column} 欄`, `column ${where.column}`);
  if (where.range !== undefined) add(`範圍 ${where.range}`, `range ${where.range}`);
  if (where.line !== undefined) add(`第 ${count(where.line)} 行`, `line ${count(where.line)}`);
  if (where.part !== undefined) add(`組件 ${where.part}`, `part ${where.part}`);
  if (where.offset !== undefined) {
    add(`位元組位置 ${count(where.offset)}`, `byte offset ${count(where.offset)}`);
  }
  return zh.length === 0 ? bi('', '') : bi(`（${zh.join('，')}）`, ` (${en.join(', ')})`);
}

const HOSTILE = bi(
  '檔案可能已損壞，或是刻意構造來耗盡記憶體，未予讀取。',
  'the file is damaged or was built to exhaust memory, and is not read.',
);

function refuse(
  code: ImportErrorCode,
  where: ImportErrorDetails,
  zh: string,
  en: string,
  cause?: unknown,
): ImportError {
  const at = wherePhrase(where);
  return new ImportError(
    code,
    bi(`${zh}${at['zh-TW']}。`, `${en}${at.en}.`),
    where,
    cause === undefined ? undefined : { cause },
  );
}

function withSuffix(
  code: ImportErrorCode,
  where: ImportErrorDetails,
  text: Bilingual,
  suffix: Bilingual,
) {
  const at = wherePhrase(where);
  return new ImportError(
    code,
    bi(`${text['zh-TW']}${at['zh-TW']}：${suffix['zh-TW']}`, `${text.en}${at.en}: ${suffix.en}`),
    where,
  );
}

/** A file no honest tool writes. */
const hostile = (code: ImportErrorCode, where: ImportErrorDetails, zh: string, en: string) =>
  withSuffix(code, where, bi(zh, en), HOSTILE);

/** A table past Excel's or our size limits: it may be real data, too much of it at once. */
const TOO_BIG = bi(
  '檔案未予讀取；請分割後分批匯入。',
  'the file is not read; split it and import it in parts.',
);
const tooBig = (code: ImportErrorCode, where: ImportErrorDetails, zh: string, en: string) =>
  withSuffix(code, where, bi(zh, en), TOO_BIG);
/** Past Excel's own grid. */
const EXCEL_GRID = bi(
  'Excel 也無法開啟這樣的工作表，檔案未予讀取；請分割後分批匯入。',
  'Excel cannot open such a sheet either, so the file is not read; split it and import it in parts.',
);
const pastGrid = (code: ImportErrorCode, where: ImportErrorDetails, zh: string, en: string) =>
  withSuffix(code, where, bi(zh, en), EXCEL_GRID);

export const LIMIT_ERRORS = {
  /** The sizes the directory declares add up to more than the limit: refused unread. */
  declaredTooLarge: (declared: number, limit: number) =>
    refuse(
      'unpacked-too-large',
      {},
      `檔案宣告解壓縮後有 ${mib(declared)}，超過上限 ${mib(limit)}；請分批匯入`,
      `The file declares ${mib(declared)} unpacked, over the limit of ${mib(limit)}; import it in parts`,
    ),
  /** Counted while inflating: the parts so far exceed the limit. */
  unpackedTooLarge: (limit: number, where: ImportErrorDetails) =>
    hostile(
      'unpacked-too-large',
      where,
      `解壓縮後超過上限 ${mib(limit)}（解壓縮時實際計算）`,
      `The file unpacks to more than the limit of ${mib(limit)} (counted while unpacking)`,
    ),
  sizeMismatch: (declared: number, more: boolean, where: ImportErrorDetails) =>
    more
      ? hostile(
          'zip-size-mismatch',
          where,
          `組件宣告解壓縮後為 ${count(declared)} 位元組，實際解壓縮卻超過此大小（ZIP 炸彈的特徵）`,
          `A part declares ${count(declared)} bytes unpacked but unpacks to more (the mark of a ZIP bomb)`,
        )
      : refuse(
          'zip-size-mismatch',
          where,
          `檔案已損壞或不完整：組件宣告解壓縮後為 ${count(declared)} 位元組，實際不足此大小`,
          `The file is damaged or truncated: a part declares ${count(declared)} bytes unpacked but unpacks to fewer`,
        ),
  overlapping: (other: string, where: ImportErrorDetails) =>
    hostile(
      'zip-overlapping-entries',
      where,
      `組件與「${other}」共用同一段壓縮資料（重疊的 ZIP 項目，一種 ZIP 炸彈）`,
      `A part shares its compressed bytes with "${other}" (overlapping ZIP entries, a kind of ZIP bomb)`,
    ),
  tooManyEntries: (entries: number, limit: number) =>
    hostile(
      'zip-too-many-entries',
      {},
      `壓縮檔有 ${count(entries)} 個項目，超過上限 ${count(limit)} 個`,
      `The archive has ${count(entries)} entries, over the limit of ${count(limit)}`,
    ),
  zip64: (where: ImportErrorDetails) =>
    refuse(
      'zip64',
      where,
      '檔案使用 ZIP64 格式（供 4 GiB 以上的壓縮檔使用），不支援；Excel 儲存的活頁簿不會用到它',
      'The file uses ZIP64 (meant for archives over 4 GiB), which is not supported; workbooks saved by Excel never need it',
    ),
  encryptedEntry: (where: ImportErrorDetails) =>
    refuse(
      'zip-encrypted',
      where,
      '壓縮檔內的組件以 ZIP 密碼加密，無法讀取；Excel 不會以此方式加密活頁簿（請改用 Excel 的「以密碼加密」或移除密碼）',
      'A part inside the archive is encrypted with a ZIP password and cannot be read; Excel never encrypts workbooks that way (use Excel\'s "Encrypt with Password", or remove the password)',
    ),
  unsupportedMethod: (method: number, where: ImportErrorDetails) =>
    refuse(
      'zip-unsupported-method',
      where,
      `組件使用不支援的壓縮方式（代碼 ${method}）；只支援 Excel 使用的 Deflate 與不壓縮`,
      `A part uses an unsupported compression method (${method}); only Deflate and stored parts, as Excel writes them, are read`,
    ),
  headerMismatch: (field: string, where: ImportErrorDetails) =>
    hostile(
      'zip-header-mismatch',
      where,
      `組件的本地標頭與中央目錄不一致（${field}）`,
      `A part's local header disagrees with the central directory (${field})`,
    ),
  /** A damaged container, with the reason in English (for support) in both texts. */
  damaged: (reason: Bilingual, where: ImportErrorDetails, cause?: unknown) =>
    refuse(
      'damaged',
      where,
      `檔案已損壞或不完整（可能下載或複製時中斷）：${reason['zh-TW']}`,
      `The file is damaged or truncated (perhaps cut off while downloading or copying): ${reason.en}`,
      cause,
    ),
  tooManyRows: (row: number, where: ImportErrorDetails) =>
    pastGrid(
      'too-many-rows',
      where,
      `第 ${count(row)} 列超過 Excel 的上限 ${count(MAX_ROWS)} 列`,
      `Row ${count(row)} is beyond Excel's limit of ${count(MAX_ROWS)} rows`,
    ),
  tooManyColumns: (column: string, where: ImportErrorDetails) =>
    pastGrid(
      'too-many-columns',
      where,
      `${column} 欄超過 Excel 的上限 ${count(MAX_COLUMNS)} 欄（XFD）`,
      `Column ${column} is beyond Excel's limit of ${count(MAX_COLUMNS)} columns (XFD)`,
    ),
  /**
   * `what` says how the cells were counted: `cells`, `merged` (each merged cell becomes a
   * cell), `validation`, `name` (ranges exceljs expands cell by cell) or `padded` (rows padded
   * to their last cell).
   */
  tooManyCells: (limit: number, what: CellCount, where: ImportErrorDetails) =>
    tooBig(
      'too-many-cells',
      where,
      `儲存格超過上限 ${count(limit)} 個（${CELL_COUNT_TEXT[what]['zh-TW']}）`,
      `More than the limit of ${count(limit)} cells (${CELL_COUNT_TEXT[what].en})`,
    ),
  cellTooLong: (length: number, where: ImportErrorDetails) =>
    refuse(
      'cell-too-long',
      where,
      `儲存格有 ${count(length)} 個字元，超過 Excel 的上限 ${count(MAX_CELL_CHARS)} 個`,
      `A cell holds ${count(length)} characters, over Excel's limit of ${count(MAX_CELL_CHARS)}`,
    ),
} as const;

export type CellCount = 'cells' | 'merged' | 'validation' | 'name' | 'padded';

const CELL_COUNT_TEXT: Readonly<Record<CellCount, Bilingual>> = {
  cells: bi('計入每一個儲存格', 'counting every cell'),
  merged: bi('計入合併儲存格涵蓋的每一格', 'counting every cell a merged range covers'),
  validation: bi('計入資料驗證範圍涵蓋的每一格', 'counting every cell a data validation covers'),
  name: bi('計入已命名範圍涵蓋的每一格', 'counting every cell a defined name covers'),
  padded: bi(
    '計入每列最後一格前的空白儲存格及中間的空白列',
    'counting the empty cells before the last one of each row, and empty rows between',
  ),
};
