/**
 * The data sheets of an inspection workpaper: checklist, findings, system inventory and
 * activity trail. Each builder returns the sheet and, for rows that stand for a record, which
 * record (so the meta sheet can map rows back on import). Pure; `build-inspection.ts`
 * assembles them with the cover and the meta sheet.
 */
import type { RecordMergeInfo } from '../merge/types';
import { preparedByText } from './prepared-by';
import { formatCitation, type ChecklistItem } from '../catalog';
import type { ActivityEntry } from '../domain/activity';
import { asIsoInstant, formatDateTime, type IsoDate } from '../domain/dates';
import type { Evidence } from '../domain/evidence';
import {
  CATEGORY_LABELS,
  FINDING_CATEGORIES,
  FINDING_STATUSES,
  RESULTS,
  RESULT_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  STATUS_LABELS,
  SYSTEM_CLASS_DEFINITIONS,
  assessmentStatus,
  type InspectedSystem,
} from '../domain/inspection';
import type { Bilingual } from '../domain/inspection/text';
import type { StoredFinding, StoredItemResult } from '../domain/inspections';
import type { Stored } from '../domain/records';
import {
  ACTION_LABELS,
  ACTIVITY_HEADERS,
  ASSESSMENT_BASIS_LABELS,
  ASSESSMENT_STATUS_LABELS,
  CHECKLIST_HEADERS,
  EVIDENCE_EXPECTED,
  FINDING_HEADERS,
  SHEET_NAMES,
  SYSTEM_HEADERS,
} from './labels';
import type { CellValue, ColumnSpec, ConditionalSpec, PrintSpec, SheetSpec } from './model';
import type { ExportedTable, SheetRole } from './meta';

/** What every data sheet's rows need: the language, dates and the user-text rule. */
export interface SheetContext {
  lang: 'zh-TW' | 'en';
  calendar: 'roc' | 'iso';
  /** User-typed text as it goes into a cell: masked unless chosen otherwise, always text. */
  user: (text: string) => CellValue;
  /** The day "overdue" is judged on. */
  asOf: IsoDate;
  /** Print setup with footer, the same on every data sheet. */
  print: PrintSpec;
  /** Evidence records by id, for file names. */
  evidenceById: ReadonlyMap<string, Stored<Evidence>>;
}

export interface RecordRow {
  /** Index into the sheet's `rows`. */
  index: number;
  table: ExportedTable;
  id: string | null;
  rev: number | null;
  key: string;
}

export interface BuiltSheet {
  role: SheetRole;
  sheet: SheetSpec;
  records: RecordRow[];
}

/** Calendar dates are real date cells, shown as ISO so filters, sorting and formatting work. */
export const DATE_NUMFMT = 'yyyy-mm-dd';

/** A calendar date as a date cell, or an empty cell. */
export function date(value: IsoDate | null): CellValue {
  return value === null ? null : { date: value };
}

/** Column specs from a layout, with each header in the workbook's language. */
export function columns(
  headers: Readonly<Record<string, Bilingual>>,
  lang: SheetContext['lang'],
  layout: readonly (Omit<ColumnSpec, 'header'> & { key: string })[],
): ColumnSpec[] {
  return layout.map((column) => {
    const header = headers[column.key];
    if (header === undefined) throw new RangeError(`no header for ${column.key}`);
    return { ...column, header: header[lang] };
  });
}

function dataSheet(
  ctx: SheetContext,
  name: Bilingual,
  rest: Pick<SheetSpec, 'columns' | 'rows' | 'validations' | 'conditional'>,
): SheetSpec {
  return {
    name: name[ctx.lang],
    state: 'visible',
    frozenRows: 1,
    autoFilter: true,
    print: ctx.print,
    ...rest,
  };
}

function evidenceNames(ids: readonly string[], ctx: SheetContext): CellValue {
  if (ids.length === 0) return null;
  return ctx.user(ids.map((id) => ctx.evidenceById.get(id)?.name ?? id).join('\n'));
}

const labelsOf = <K extends string>(
  keys: readonly K[],
  labels: Readonly<Record<K, Bilingual>>,
  lang: SheetContext['lang'],
) => keys.map((key) => labels[key][lang]);

export function checklistSheet(
  ctx: SheetContext,
  items: readonly ChecklistItem[],
  results: readonly Stored<StoredItemResult>[],
  mergeInfo: Readonly<Record<string, RecordMergeInfo>> = {},
): BuiltSheet {
  const { lang } = ctx;
  const byItem = new Map<string, Stored<StoredItemResult>[]>();
  for (const result of results) {
    byItem.set(result.itemId, [...(byItem.get(result.itemId) ?? []), result]);
  }
  const rows: CellValue[][] = [];
  const records: RecordRow[] = [];
  const addRow = (
    itemId: string,
    item: ChecklistItem | null,
    result: Stored<StoredItemResult> | null,
  ) => {
    const procedure =
      item === null
        ? null
        : `${item.procedure[lang]}\n${EVIDENCE_EXPECTED[lang]}${item.evidence.map((e) => e[lang]).join(lang === 'zh-TW' ? '、' : '; ')}`;
    records.push({
      index: rows.length,
      table: 'itemResults',
      id: result?.id ?? null,
      rev: result?.rev ?? null,
      key: itemId,
    });
    rows.push([
      rows.length + 1,
      itemId,
      item === null ? null : formatCitation(item.citation, lang),
      item === null ? null : item.requirement[lang],
      procedure,
      result === null || result.result === null ? null : RESULT_LABELS[result.result][lang],
      result === null ? null : ctx.user(result.reason),
      result === null ? null : ctx.user(result.workPerformed),
      result === null ? null : ctx.user(result.sampleDescription),
      result === null ? null : evidenceNames(result.evidenceIds, ctx),
      result === null ? null : ctx.user(result.notes),
      result === null
        ? null
        : ctx.user(preparedByText(result.updatedBy, mergeInfo[result.id], lang)),
    ]);
  };
  const listed = new Set<string>();
  for (const item of items) {
    listed.add(item.id);
    const found = byItem.get(item.id) ?? [];
    if (found.length === 0) addRow(item.id, item, null);
    for (const result of found) addRow(item.id, item, result);
  }
  // Results for items outside this checklist (another library version): kept, not dropped.
  const orphans = results.filter((result) => !listed.has(result.itemId));
  orphans.sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  for (const result of orphans) addRow(result.itemId, null, result);

  const resultLabel = (result: (typeof RESULTS)[number]) => RESULT_LABELS[result][lang];
  const conditional: ConditionalSpec[] = [
    { column: 'result', kind: 'equals', value: resultLabel('non-compliant'), style: 'deficient' },
    { column: 'result', kind: 'equals', value: resultLabel('partial'), style: 'deficient' },
    { column: 'result', kind: 'equals', value: resultLabel('compliant'), style: 'ok' },
  ];
  const sheet = dataSheet(ctx, SHEET_NAMES.checklist, {
    columns: columns(CHECKLIST_HEADERS, lang, [
      { key: 'no', width: 6 },
      { key: 'itemId', width: 14 },
      { key: 'citation', width: 20, wrap: true },
      { key: 'requirement', width: 40, wrap: true },
      { key: 'procedure', width: 40, wrap: true },
      { key: 'result', width: 12, editable: true },
      { key: 'reason', width: 20, wrap: true, editable: true },
      { key: 'workPerformed', width: 40, wrap: true, editable: true },
      { key: 'sampleDescription', width: 24, wrap: true, editable: true },
      { key: 'evidence', width: 22, wrap: true },
      { key: 'notes', width: 28, wrap: true, editable: true },
      { key: 'preparedBy', width: 18, wrap: true },
    ]),
    rows,
    validations: [{ column: 'result', allowed: labelsOf(RESULTS, RESULT_LABELS, lang) }],
    conditional,
  });
  return { role: 'checklist', sheet, records };
}

export function findingsSheet(
  ctx: SheetContext,
  findings: readonly Stored<StoredFinding>[],
  items: readonly ChecklistItem[],
): BuiltSheet {
  const { lang } = ctx;
  const itemById = new Map(items.map((item) => [item.id, item]));
  const sorted = [...findings].sort((a, b) =>
    a.raisedOn !== b.raisedOn
      ? a.raisedOn < b.raisedOn
        ? -1
        : 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0,
  );
  const rows: CellValue[][] = [];
  const records: RecordRow[] = [];
  for (const finding of sorted) {
    const item = finding.itemId === null ? undefined : itemById.get(finding.itemId);
    const itemCell =
      finding.itemId === null
        ? null
        : item === undefined
          ? finding.itemId
          : `${finding.itemId}\n${formatCitation(item.citation, lang)}`;
    records.push({
      index: rows.length,
      table: 'findings',
      id: finding.id,
      rev: finding.rev,
      key: finding.id,
    });
    rows.push([
      rows.length + 1,
      itemCell,
      ctx.user(finding.title),
      ctx.user(finding.deficiency),
      SEVERITY_LABELS[finding.severity][lang],
      CATEGORY_LABELS[finding.category][lang],
      ctx.user(finding.risk),
      ctx.user(finding.recommendation),
      ctx.user(finding.owner),
      date(finding.raisedOn),
      date(finding.dueDate),
      ctx.user(finding.managementResponse),
      STATUS_LABELS[finding.status][lang],
      date(finding.closedOn),
      evidenceNames(finding.closingEvidenceIds, ctx),
    ]);
  }
  const sheet = dataSheet(ctx, SHEET_NAMES.findings, {
    columns: columns(FINDING_HEADERS, lang, [
      { key: 'no', width: 6 },
      { key: 'itemId', width: 18, wrap: true },
      { key: 'title', width: 22, wrap: true, editable: true },
      { key: 'deficiency', width: 36, wrap: true, editable: true },
      { key: 'severity', width: 10, editable: true },
      { key: 'category', width: 16, editable: true },
      { key: 'risk', width: 30, wrap: true, editable: true },
      { key: 'recommendation', width: 30, wrap: true, editable: true },
      { key: 'owner', width: 16, wrap: true, editable: true },
      { key: 'raisedOn', width: 12, numFmt: DATE_NUMFMT },
      { key: 'dueDate', width: 14, numFmt: DATE_NUMFMT, editable: true },
      { key: 'managementResponse', width: 30, wrap: true, editable: true },
      { key: 'status', width: 10, editable: true },
      { key: 'closedOn', width: 12, numFmt: DATE_NUMFMT, editable: true },
      { key: 'closingEvidence', width: 20, wrap: true },
    ]),
    rows,
    validations: [
      { column: 'severity', allowed: labelsOf(SEVERITIES, SEVERITY_LABELS, lang) },
      { column: 'category', allowed: labelsOf(FINDING_CATEGORIES, CATEGORY_LABELS, lang) },
      { column: 'status', allowed: labelsOf(FINDING_STATUSES, STATUS_LABELS, lang) },
    ],
    conditional: [
      { column: 'severity', kind: 'equals', value: SEVERITY_LABELS.high[lang], style: 'deficient' },
      {
        column: 'dueDate',
        kind: 'date-before',
        value: ctx.asOf,
        style: 'overdue',
        unless: { column: 'status', equals: STATUS_LABELS.closed[lang] },
      },
      { column: 'status', kind: 'equals', value: STATUS_LABELS.closed[lang], style: 'ok' },
    ],
  });
  return { role: 'findings', sheet, records };
}

export function systemsSheet(
  ctx: SheetContext,
  systems: readonly Stored<InspectedSystem>[],
): BuiltSheet {
  const { lang } = ctx;
  const sorted = [...systems].sort(
    (a, b) => a.systemClass - b.systemClass || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const rows: CellValue[][] = [];
  const records: RecordRow[] = [];
  for (const system of sorted) {
    const status = assessmentStatus(system, ctx.asOf);
    records.push({
      index: rows.length,
      table: 'systems',
      id: system.id,
      rev: system.rev,
      key: system.id,
    });
    rows.push([
      rows.length + 1,
      ctx.user(system.name),
      SYSTEM_CLASS_DEFINITIONS[system.systemClass].label[lang],
      ctx.user(system.owner),
      ctx.user(system.description),
      date(system.lastAssessedOn),
      date(system.majorIncidentOn),
      date(status.dueOn),
      ASSESSMENT_BASIS_LABELS[status.basis][lang],
      ASSESSMENT_STATUS_LABELS[status.status][lang],
      ctx.user(system.notes),
    ]);
  }
  const statusLabel = (key: keyof typeof ASSESSMENT_STATUS_LABELS) =>
    ASSESSMENT_STATUS_LABELS[key][lang];
  const sheet = dataSheet(ctx, SHEET_NAMES.systems, {
    columns: columns(SYSTEM_HEADERS, lang, [
      { key: 'no', width: 6 },
      { key: 'name', width: 24, wrap: true },
      { key: 'systemClass', width: 10 },
      { key: 'owner', width: 16, wrap: true },
      { key: 'description', width: 36, wrap: true },
      { key: 'lastAssessedOn', width: 18, numFmt: DATE_NUMFMT },
      { key: 'majorIncidentOn', width: 22, numFmt: DATE_NUMFMT },
      { key: 'nextDue', width: 14, numFmt: DATE_NUMFMT },
      { key: 'basis', width: 22, wrap: true },
      { key: 'status', width: 12 },
      { key: 'notes', width: 30, wrap: true },
    ]),
    rows,
    conditional: [
      { column: 'nextDue', kind: 'date-before', value: ctx.asOf, style: 'overdue' },
      { column: 'status', kind: 'equals', value: statusLabel('overdue'), style: 'overdue' },
      { column: 'status', kind: 'equals', value: statusLabel('never-assessed'), style: 'overdue' },
      { column: 'status', kind: 'equals', value: statusLabel('due-soon'), style: 'deficient' },
      { column: 'status', kind: 'equals', value: statusLabel('ok'), style: 'ok' },
    ],
  });
  return { role: 'systems', sheet, records };
}

export function activitySheet(ctx: SheetContext, entries: readonly ActivityEntry[]): BuiltSheet {
  const { lang, calendar } = ctx;
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  const rows: CellValue[][] = sorted.map((entry) => [
    entry.seq,
    formatDateTime(asIsoInstant(entry.at), { calendar, lang }),
    ctx.user(entry.actor),
    ACTION_LABELS[entry.action][lang],
    entry.target === null ? null : `${entry.target.table} ${entry.target.id}`,
    ctx.user(entry.summary),
    entry.hash,
  ]);
  const sheet = dataSheet(ctx, SHEET_NAMES.activity, {
    columns: columns(ACTIVITY_HEADERS, lang, [
      { key: 'seq', width: 8 },
      { key: 'at', width: 26 },
      { key: 'actor', width: 16, wrap: true },
      { key: 'action', width: 16 },
      { key: 'target', width: 28, wrap: true },
      { key: 'summary', width: 44, wrap: true },
      { key: 'hash', width: 34, wrap: true },
    ]),
    rows,
  });
  return { role: 'activity', sheet, records: [] };
}
