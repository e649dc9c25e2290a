/**
 * Workpapers: pure builders describe a workbook (`model.ts`), `writeWorkbook` turns the
 * description into .xlsx bytes (the only exceljs importer), `encryptOoxml` optionally protects
 * them with a password (ECMA-376 agile encryption), and the platform saves them.
 */
export * from './model';
export { cleanText, csvSafeText, isFormulaLike, safeText } from './sanitize';
export {
  META_FORMAT,
  META_FORMAT_VERSION,
  META_SHEET_NAME,
  RECORD_TABLES,
  REGISTER_ROLES,
  SHEET_ROLES,
  isRegisterRole,
  contentHashOf,
  readWorkpaperMeta,
  rowHashes,
  sheetHash,
  type ExportedTable,
  type MetaProblem,
  type MetaReading,
  type RegisterRole,
  type RowEntry,
  type SheetEntry,
  type SheetRole,
  type WorkpaperHeader,
  type WorkpaperMeta,
} from './meta';
export {
  buildInspectionWorkbook,
  type InspectionWorkbook,
  type InspectionWorkbookInput,
  type InspectionWorkbookOptions,
} from './build-inspection';
export { DATE_NUMFMT } from './inspection-sheets';
export { type RegistersInput } from './register-sheets';
export { CJK_FONT, TEXT_NUMFMT, writeWorkbook } from './xlsx-write';
export * from './encryption';
export {
  applyWorkpaperEdits,
  diffWorkpaper,
  readWorkbookCells,
  readWorkpaperEdits,
  type AppliedEdits,
  type FieldChange,
  type IgnoredCell,
  type RecordDiff,
  type WorkpaperDiff,
  type WorkpaperEdits,
  type WorkpaperReading,
  type WorkpaperRefusal,
  type WorkpaperVaultState,
} from './roundtrip';
