/**
 * What the round trip says to the user, in zh-TW and English: why a file is refused, why a
 * cell is ignored, and what is wrong with an edited value. Codes let the UI branch and tests
 * assert without reading the wording.
 */
import type { ImportErrorCode } from '../../import/errors';
import type { Bilingual } from '../../domain/inspection/text';
import { bi } from '../../domain/inspection/text';

// ——— Refusals: the whole file ———

/** Codes `readXlsxCells` never raises (CSV decoding, choosing one sheet); shown as damaged. */
type NotFromWorkbookReads =
  | 'not-text'
  | 'unsupported-encoding'
  | 'invalid-bytes'
  | 'mixed-encodings'
  | 'unterminated-quote'
  | 'sheet-not-found'
  | 'empty-sheet'
  | 'empty-workbook';

/**
 * The reader's refusals (`shared/import/xlsx-read.ts`: size, format, damage, hostile ZIPs, the
 * limits of `limits.ts`), passed through with its text and code.
 */
export type ReaderRefusalKind = Exclude<ImportErrorCode, NotFromWorkbookReads>;

export type RefusalKind =
  | ReaderRefusalKind
  /** No `_aw_meta` sheet, or one that is not ours. */
  | 'not-a-workpaper'
  | 'unsupported-version'
  /** The meta sheet is incomplete or does not fit its schema. */
  | 'malformed'
  /** The meta sheet's content hash does not match: it was edited. */
  | 'altered'
  | 'other-inspection'
  /** A sheet the workbench exported is no longer there (renamed or deleted). */
  | 'sheet-missing'
  /** A sheet's header row differs: columns inserted, deleted, moved or renamed. */
  | 'columns-changed'
  /** Exported rows were deleted or duplicated, or a checklist row no longer has its item ID. */
  | 'rows-changed';

export interface WorkpaperRefusal {
  ok: false;
  kind: RefusalKind;
  message: Bilingual;
  /** A technical detail for logs (which entry, which sheet), English. */
  detail?: string;
  /** For `other-inspection`: the inspection the file belongs to, as the file names it. */
  belongsTo?: { inspectionId: string; title: string | null };
}

export function refusal(
  kind: RefusalKind,
  message: Bilingual,
  extra: Pick<WorkpaperRefusal, 'detail' | 'belongsTo'> = {},
): WorkpaperRefusal {
  return { ok: false, kind, message, ...extra };
}

/** The reader's error codes as refusal kinds (codes it cannot raise for `readXlsxCells` fall back). */
export function refusalKindOf(code: ImportErrorCode): RefusalKind {
  switch (code) {
    case 'empty-workbook':
      return 'not-a-workpaper';
    case 'not-text':
    case 'unsupported-encoding':
    case 'invalid-bytes':
    case 'mixed-encodings':
    case 'unterminated-quote':
    case 'sheet-not-found':
    case 'empty-sheet':
      return 'damaged';
    default:
      return code;
  }
}

export const REFUSALS = {
  notAWorkpaper: bi(
    '此檔案不是稽核工作台匯出的工作底稿（找不到隱藏的驗證資料），無法匯入。',
    'This file is not a workpaper exported by the workbench (it has no hidden check data), so it cannot be imported.',
  ),
  otherInspection: (title: string | null, id: string) =>
    title === null
      ? bi(
          `此工作底稿屬於另一個自評查核（編號 ${id}），不能匯入目前的自評查核。`,
          `This workpaper belongs to another self-inspection (id ${id}); it cannot be imported into this one.`,
        )
      : bi(
          `此工作底稿屬於另一個自評查核「${title}」（編號 ${id}），不能匯入目前的自評查核。`,
          `This workpaper belongs to another self-inspection, "${title}" (id ${id}); it cannot be imported into this one.`,
        ),
  sheetMissing: (name: string) =>
    bi(
      `找不到工作表「${name}」：可能已被改名或刪除。請恢復匯出時的工作表名稱後再匯入。`,
      `The worksheet "${name}" is missing: it was probably renamed or deleted. Restore the name it had when exported and import again.`,
    ),
  columnsChanged: (name: string, column: string, expected: string) =>
    bi(
      `工作表「${name}」的欄位與匯出時不同（${column} 欄應為「${expected}」）：欄位可能被插入、刪除、搬移或改名，無法安全對應。請勿變更欄位後再匯入。`,
      `The columns of the worksheet "${name}" differ from the export (column ${column} should be "${expected}"): columns were inserted, deleted, moved or renamed, so cells cannot be matched safely. Undo the change and import again.`,
    ),
  rowRemoved: (name: string, no: number) =>
    bi(
      `工作表「${name}」中項次 ${no} 的列已被刪除。匯入不會刪除紀錄；請還原該列（或重新匯出）後再匯入。`,
      `In the worksheet "${name}", row No. ${no} was deleted. An import never deletes records; restore the row (or export again) and import again.`,
    ),
  rowDuplicated: (name: string, no: number) =>
    bi(
      `工作表「${name}」中項次 ${no} 出現不只一次，且都不在原來的位置，無法判斷哪一列才是匯出的資料。`,
      `In the worksheet "${name}", No. ${no} appears more than once and none of the rows is where it was exported, so the exported row cannot be told apart.`,
    ),
  rowItemChanged: (name: string, no: number, expected: string) =>
    bi(
      `工作表「${name}」中項次 ${no} 的列，其項目編號不再是「${expected}」（列可能被搬移後重新編號，或項目編號被修改），無法確認對應的查核項目。`,
      `In the worksheet "${name}", row No. ${no} no longer has the item ID "${expected}" (rows were moved and renumbered, or the item ID was edited), so it cannot be matched to its checklist item.`,
    ),
} as const;

// ——— Ignored cells ———

export type IgnoredReason =
  /** A change outside the editable (yellow) columns of a record row. */
  | 'locked-column'
  /** A row that was not exported (added, or pasted below the data). */
  | 'added-row'
  /** A cell right of the exported columns. */
  | 'extra-column'
  /** A sheet the workbench did not export. */
  | 'extra-sheet'
  | 'cover-sheet'
  | 'activity-sheet'
  /** The agreements, coverage gaps, disposal log and policy reviews: for reference only. */
  | 'register-sheet'
  | 'signoff-sheet';

export const IGNORED: Readonly<Record<IgnoredReason, Bilingual>> = {
  'locked-column': bi(
    '此欄位不開放於 Excel 修改（非黃色欄位），修改不予匯入。',
    'This column cannot be edited in Excel (it is not yellow); the change is not imported.',
  ),
  'added-row': bi(
    '此列不是匯出時的資料列（新增或貼上的列），不予匯入；新增紀錄請在稽核工作台內操作。',
    'This row was not exported (it was added or pasted), so it is not imported; add records in the workbench.',
  ),
  'extra-column': bi(
    '此儲存格位於匯出欄位之外，不予匯入。',
    'This cell lies outside the exported columns and is not imported.',
  ),
  'extra-sheet': bi(
    '此工作表不是稽核工作台匯出的，不予匯入。',
    'This worksheet was not exported by the workbench and is not imported.',
  ),
  'cover-sheet': bi(
    '封面的內容由稽核工作台產生，修改不予匯入。',
    'The cover is produced by the workbench; changes to it are not imported.',
  ),
  'activity-sheet': bi(
    '活動軌跡只能由稽核工作台記錄，修改不予匯入。',
    'The activity trail is recorded by the workbench only; changes to it are not imported.',
  ),
  'register-sheet': bi(
    '登記簿工作表（保密協議、覆蓋缺口、設備報廢、政策審閱）僅供參考，修改不予匯入；請於稽核工作台之登記簿中修改。',
    'The register sheets (agreements, coverage gaps, disposal log, policy reviews) are for reference; changes to them are not imported. Edit the registers in the workbench.',
  ),
  'signoff-sheet': bi(
    '簽核紀錄由簽章產生，修改不予匯入；簽核請於稽核工作台中以簽章身分為之。',
    'The sign-offs sheet is produced from the signatures; changes to it are not imported. Sign in the workbench with a signing identity.',
  ),
};

// ——— Problems with an edited value ———

export type IssueCode =
  | 'unknown-label'
  | 'required'
  | 'invalid-date'
  | 'formula'
  | 'error-value'
  | 'not-text'
  /** The record as it would be saved fails the domain's rules (zod schema). */
  | 'schema'
  /** Warnings: the edit is imported, but the user should look at it. */
  | 'masked-text'
  | 'cut-text';

export interface Issue {
  code: IssueCode;
  message: Bilingual;
}

export const ISSUES = {
  unknownLabel: (text: string, allowed: Bilingual) =>
    bi(
      `無法辨識「${text}」，請從下拉選單選擇：${allowed['zh-TW']}。`,
      `"${text}" is not recognised; choose from the drop-down list: ${allowed.en}.`,
    ),
  required: (field: Bilingual) =>
    bi(`「${field['zh-TW']}」不可空白。`, `"${field.en}" must not be empty.`),
  invalidDate: (text: string) =>
    bi(
      `無法辨識的日期「${text}」：請填寫 2025-06-30 或民國 114/06/30。`,
      `"${text}" is not a date: write 2025-06-30, or 114/06/30 in the ROC calendar.`,
    ),
  formula: (formula: string) =>
    bi(
      `儲存格是公式（=${formula}），不予匯入：請輸入文字或數值本身（以 ' 開頭可避免被當成公式）。`,
      `The cell holds a formula (=${formula}) and is not imported: type the text or value itself (start it with ' so it is not taken for a formula).`,
    ),
  errorValue: (text: string) =>
    bi(
      `儲存格是錯誤值（${text}），不予匯入。`,
      `The cell holds an error value (${text}) and is not imported.`,
    ),
  notText: bi('此欄位應為文字。', 'This field takes text.'),
  maskedText: bi(
    '匯出時此欄位的個人資料已遮蔽，且部分遮蔽內容無法還原；匯入後將以遮蔽後的文字取代原本的內容。',
    'Personal data in this field was masked in the export and some of it cannot be restored; importing replaces the stored text with the masked text.',
  ),
  cutText: bi(
    '匯出時此欄位超過 Excel 的字數上限而被截斷；匯入後將以截斷後的文字取代原本的內容。',
    "This field was cut to Excel's limit when exported; importing replaces the stored text with the shortened text.",
  ),
  tooLong: (max: number) => bi(`超過 ${max} 字的上限。`, `Longer than ${max} characters.`),
  schema: (where: string, message: string) =>
    bi(`資料不符規定（${where}）：${message}`, `Invalid value (${where}): ${message}`),
} as const;

// ——— Conflicts and skipped records ———

export const CONFLICT = bi(
  '匯出後，此欄位已在稽核工作台中被修改，與檔案中的修改不同；預設保留稽核工作台中的內容。',
  'This field was changed in the workbench after the export, differently from the file; by default the workbench keeps its value.',
);

export type SkipReason = 'deleted' | 'invalid';

export const SKIPPED: Readonly<Record<SkipReason, Bilingual>> = {
  deleted: bi(
    '此紀錄在匯出後已被刪除，檔案中的修改不予匯入。',
    'This record was deleted after the export; its changes in the file are not imported.',
  ),
  invalid: bi(
    '此紀錄的修改有錯誤，整筆不予匯入；請修正檔案後重新匯入。',
    'The changes to this record have errors, so none of them is imported; correct the file and import it again.',
  ),
};
