/**
 * The round trip of an exported workpaper: read the returned file and check it
 * (`readWorkpaperEdits`), compare it with the vault (`diffWorkpaper`), and turn the accepted
 * changes into validated records to commit in one transaction (`applyWorkpaperEdits`).
 */
export {
  applyWorkpaperEdits,
  type AppliedEdits,
  type ApplyOptions,
  type BatchItemOf,
  type RecordWrite,
} from './apply';
export {
  diffWorkpaper,
  restoreMasked,
  type FieldChange,
  type RecordDiff,
  type SkippedRecord,
  type WorkpaperDiff,
  type WorkpaperVaultState,
} from './diff';
export {
  EDITABLE_FIELDS,
  parseDateText,
  parseField,
  type EditableTable,
  type FieldDef,
  type FieldValue,
} from './fields';
export {
  CONFLICT,
  IGNORED,
  ISSUES,
  REFUSALS,
  SKIPPED,
  type IgnoredReason,
  type Issue,
  type IssueCode,
  type RefusalKind,
  type SkipReason,
  type WorkpaperRefusal,
} from './messages';
export {
  readWorkpaperEdits,
  type EditedRow,
  type IgnoredCell,
  type ReadWorkpaperOptions,
  type WorkpaperEdits,
  type WorkpaperReading,
} from './read-edits';
export {
  cellAt,
  isErrorCell,
  isFormulaCell,
  plainCell,
  plainGrid,
  readWorkbookCells,
  type PlainCell,
  type ReadCell,
  type ReadSheet,
  type ReadWorkbookOptions,
} from './read-workbook';
