/** The built-in checklist library (稽核檢查表庫): schema, data, coverage and scoping. */
export * from './schema';
export {
  A1_APPENDIX,
  FSC_SUBSECTIONS,
  a1,
  a2,
  citationKey,
  formatCitation,
  fsc,
  sameCitation,
  sr,
  zhNumber,
} from './citation';
export { CATALOG_SECTIONS, SECTION_IDS } from './sections';
export { SEED_STRUCTURE, resolveCitation, type SeedEntry } from './seed-structure';
export { coverageTable, uncoveredEntries, unresolvedCitations, type CoverageRow } from './coverage';
export {
  CHECKLIST_LIBRARY,
  LIBRARY_SOURCES,
  LIBRARY_VERSION,
  RETIRED_ITEM_IDS,
  getItem,
} from './library';
export {
  SCOPING_QUESTIONS,
  checklistInstanceRefSchema,
  formatApplicability,
  instantiateChecklist,
  isApplicable,
  scopingAnswersSchema,
  selectItems,
  type ChecklistInstance,
  type ChecklistInstanceRef,
  type ScopingAnswers,
  type ScopingQuestion,
} from './scoping';
