/**
 * The inspection workpaper (issue 5): cover, checklist, findings, system inventory, the
 * register sheets when the registers are given (agreements, coverage gaps, disposal log,
 * policy reviews), activity trail and the hidden `_aw_meta` sheet, described as a
 * `WorkbookSpec`. Pure apart from WebCrypto's SHA-256 (hence async); `writeWorkbook` turns the
 * result into .xlsx bytes.
 *
 * Every user-typed text goes through `safeText` (always a text cell) and, unless the user
 * chose to include personal data, through `maskPersonalData` first; the cover and every
 * page footer say which. Deleted records and records of other inspections are left out.
 */
import type { ChecklistItem } from '../catalog';
import { maskPersonalData } from '../domain/personal-data';
import type { ActivityEntry } from '../domain/activity';
import {
  formatDate,
  formatDateTime,
  localDateOf,
  type DisplayCalendar,
  type DisplayLanguage,
  type IsoInstant,
} from '../domain/dates';
import type { Engagement } from '../domain/engagement';
import type { Evidence } from '../domain/evidence';
import { RESULTS, RESULT_LABELS, type InspectedSystem } from '../domain/inspection';
import type { Inspection, StoredFinding, StoredItemResult } from '../domain/inspections';
import type { Stored } from '../domain/records';
import {
  activitySheet,
  checklistSheet,
  findingsSheet,
  systemsSheet,
  type BuiltSheet,
  type SheetContext,
} from './inspection-sheets';
import {
  COVER,
  FOOTER,
  INSPECTION_STATUS_LABELS,
  ROLE_LABELS,
  REGISTER_LABELS,
  SHEET_NAMES,
  WORKBOOK_TITLE,
  fill,
} from './labels';
import {
  META_COLUMNS,
  META_FORMAT,
  META_FORMAT_VERSION,
  META_SHEET_NAME,
  contentHashOf,
  metaRows,
  rowHashes,
  sheetHash,
  type RowEntry,
  type SheetEntry,
  type WorkpaperHeader,
  type WorkpaperMeta,
} from './meta';
import {
  sheetRowNumber,
  type CellValue,
  type RowKind,
  type SheetSpec,
  type WorkbookSpec,
} from './model';
import {
  coveredText,
  registerSheets,
  type RegisterSummary,
  type RegistersInput,
} from './register-sheets';
import { safeText } from './sanitize';
import type { RecordMergeInfo } from '../merge/types';
import { inspectionRecordsOf } from '../signoff/digest';
import { buildSigning, type BuiltSigning, type WorkpaperSignoffs } from './signoff-sheets';

export interface InspectionWorkbookInput {
  engagement: Engagement;
  inspection: Stored<Inspection>;
  /** The checklist items in scope, in display order (e.g. `selectItems` of the library). */
  items: readonly ChecklistItem[];
  itemResults: readonly Stored<StoredItemResult>[];
  findings: readonly Stored<StoredFinding>[];
  systems: readonly Stored<InspectedSystem>[];
  activity: readonly ActivityEntry[];
  /**
   * Evidence records, to list file names; ids without a record are listed as ids. Include
   * the scans of agreements (their `attachmentId`) to name them on the agreements sheet.
   */
  evidence?: readonly Stored<Evidence>[];
  /**
   * The registers (people, vendors, agreements, disposal log, policy reviews). Without them
   * the register sheets are left out and the file is as before.
   */
  registers?: RegistersInput;
  /** The inspection's sign-offs (issue 12): shown on the cover and a sheet, and signed in meta. */
  signoff?: WorkpaperSignoffs;
  /**
   * What merges recorded on item results, by result id (issue 11): the checklist's 編製人員
   * column names the auditors whose work a merged result holds.
   */
  mergeInfo?: Readonly<Record<string, RecordMergeInfo>>;
  appVersion: string;
  generatedAt: IsoInstant;
}

export interface InspectionWorkbookOptions {
  lang: DisplayLanguage;
  calendar: DisplayCalendar;
  /** Off by default in the UI: national IDs, phone numbers and e-mail addresses are masked. */
  includePersonalData: boolean;
}

export interface InspectionWorkbook {
  spec: WorkbookSpec;
  meta: WorkpaperMeta;
  /** Also printed on the cover; the UI can show it and record it in the activity trail. */
  contentHash: string;
}

interface CoverRow {
  kind: RowKind;
  cells: CellValue[];
}

/** User-typed text as the workpaper writes it: masked unless chosen otherwise, always text. */
export function userText(includePersonalData: boolean) {
  return (text: string): CellValue => {
    const shown = includePersonalData ? text : maskPersonalData(text).text;
    const cell = safeText(shown);
    return cell.text === '' ? null : cell;
  };
}

function registerCoverRows(
  summary: RegisterSummary,
  lang: InspectionWorkbookOptions['lang'],
  asOf: string,
): CoverRow[] {
  const row = (field: keyof typeof COVER, value: CellValue): CoverRow => ({
    kind: 'data',
    cells: [COVER[field][lang], value],
  });
  return [
    { kind: 'section', cells: [COVER.registersSection[lang], null] },
    row('registersAsOf', asOf),
    row('employeesCovered', coveredText(lang, summary.employees, summary.employees.current)),
    row('vendorsCovered', coveredText(lang, summary.vendors, summary.vendors.inForce)),
    row(
      'coverageGaps',
      fill(REGISTER_LABELS.gapsRaised[lang], { gaps: summary.gaps, raised: summary.gapsRaised }),
    ),
    row(
      'disposalRecords',
      fill(REGISTER_LABELS.disposals[lang], {
        records: summary.disposals,
        flagged: summary.disposalsFlagged,
      }),
    ),
    row(
      'policyReviews',
      fill(REGISTER_LABELS.reviews[lang], { reviews: summary.reviews, gaps: summary.reviewGaps }),
    ),
  ];
}

function coverRows(
  input: InspectionWorkbookInput,
  options: InspectionWorkbookOptions,
  ctx: SheetContext,
  registers: RegisterSummary | null,
  signRows: BuiltSigning['coverRows'] | null,
): CoverRow[] {
  const { engagement, inspection, generatedAt } = input;
  const { lang, calendar } = options;
  const label = (text: (typeof COVER)[keyof typeof COVER]) => text[lang];
  const row = (field: keyof typeof COVER, value: CellValue, kind: RowKind = 'data'): CoverRow => ({
    kind,
    cells: [label(COVER[field]), value],
  });
  const section = (field: keyof typeof COVER): CoverRow => ({
    kind: 'section',
    cells: [label(COVER[field]), null],
  });
  const period = `${formatDate(inspection.periodStart, { calendar, lang })} – ${formatDate(inspection.periodEnd, { calendar, lang })}`;
  const team = engagement.team
    .map((member) =>
      lang === 'zh-TW'
        ? `${member.name}（${ROLE_LABELS[member.role][lang]}）`
        : `${member.name} (${ROLE_LABELS[member.role][lang]})`,
    )
    .join(lang === 'zh-TW' ? '、' : ', ');

  const results = input.itemResults;
  const tested = new Set(results.filter((r) => r.result !== null).map((r) => r.itemId));
  const count = (result: (typeof RESULTS)[number]) =>
    results.filter((r) => r.result === result).length;
  const localIso = formatDateTime(generatedAt, { calendar: 'iso', lang });

  return [
    { kind: 'title', cells: [WORKBOOK_TITLE[lang], null] },
    section('engagementSection'),
    row('entity', ctx.user(engagement.entity)),
    row('inspection', ctx.user(inspection.title)),
    row('period', period),
    row('scope', ctx.user(engagement.scope)),
    row('team', ctx.user(team)),
    row('libraryVersion', inspection.libraryVersion),
    row('status', INSPECTION_STATUS_LABELS[inspection.status][lang]),
    section('summarySection'),
    row('items', input.items.length),
    row('untested', input.items.filter((item) => !tested.has(item.id)).length),
    ...RESULTS.map((result) => ({
      kind: 'data' as const,
      cells: [RESULT_LABELS[result][lang], count(result)],
    })),
    row('findings', input.findings.length),
    row('openFindings', input.findings.filter((f) => f.status !== 'closed').length),
    ...(registers === null
      ? []
      : registerCoverRows(registers, lang, formatDate(ctx.asOf, { calendar, lang }))),
    section('signSection'),
    ...(signRows ?? [
      row('preparedBy', label(COVER.signLine), 'sign'),
      row('reviewedBy', label(COVER.signLine), 'sign'),
      row('approvedBy', label(COVER.signLine), 'sign'),
    ]),
    section('exportSection'),
    row('generatedRoc', formatDateTime(generatedAt, { calendar: 'roc', lang })),
    row('generatedIso', `${localIso} (Asia/Taipei) = ${generatedAt}`),
    row('asOf', formatDate(ctx.asOf, { calendar, lang })),
    row('appVersion', input.appVersion),
    row('personalData', label(options.includePersonalData ? COVER.included : COVER.masked)),
    row('editing', label(COVER.editingHelp)),
  ];
}

async function describeSheet(built: BuiltSheet, hashedRows: number): Promise<SheetEntry> {
  const { sheet } = built;
  const rows = sheet.rows.slice(0, hashedRows);
  return {
    name: sheet.name,
    role: built.role,
    columns: sheet.columns.map((c) => ({ key: c.key, editable: c.editable === true })),
    hashedRows,
    hash: await sheetHash(sheet.headerRow === false ? null : sheet.columns, rows),
  };
}

async function describeRows(built: BuiltSheet): Promise<RowEntry[]> {
  const { sheet } = built;
  const entries: RowEntry[] = [];
  for (const record of built.records) {
    const cells = sheet.rows[record.index] ?? [];
    entries.push({
      sheet: sheet.name,
      row: sheetRowNumber(sheet, record.index),
      table: record.table,
      id: record.id,
      rev: record.rev,
      key: record.key,
      ...(await rowHashes(sheet.columns, cells)),
    });
  }
  return entries;
}

/** The signing parts of a workpaper whose input carries the inspection's sign-offs. */
function signingOf(data: InspectionWorkbookInput, ctx: SheetContext): Promise<BuiltSigning | null> {
  if (data.signoff === undefined) return Promise.resolve(null);
  return buildSigning(inspectionRecordsOf(data), data.signoff, ctx);
}

/** Builds the workbook description of one inspection's workpaper. */
/** The newest trail entry the workpaper was made from (the trail is oldest first). */
function trailHeadOf(activity: readonly ActivityEntry[]): WorkpaperHeader['trailHead'] {
  const last = activity.reduce<ActivityEntry | null>(
    (newest, entry) => (newest === null || entry.seq > newest.seq ? entry : newest),
    null,
  );
  return last ? { seq: last.seq, hash: last.hash } : null;
}

export async function buildInspectionWorkbook(
  input: InspectionWorkbookInput,
  options: InspectionWorkbookOptions,
): Promise<InspectionWorkbook> {
  const { lang, calendar, includePersonalData } = options;
  const inspectionId = input.inspection.id;
  const own = <T extends { deleted: boolean; inspectionId: string }>(records: readonly T[]) =>
    records.filter((r) => !r.deleted && r.inspectionId === inspectionId);
  const data: InspectionWorkbookInput = {
    ...input,
    itemResults: own(input.itemResults),
    findings: own(input.findings),
    systems: input.systems.filter((s) => !s.deleted),
    evidence: (input.evidence ?? []).filter((e) => !e.deleted),
  };

  const ctx: SheetContext = {
    lang,
    calendar,
    user: userText(includePersonalData),
    asOf: localDateOf(input.generatedAt),
    print: {
      landscape: true,
      fitToWidth: 1,
      repeatHeaderRows: 1,
      footer: {
        left: WORKBOOK_TITLE[lang],
        center: FOOTER.pages[lang],
        right: (includePersonalData ? FOOTER.included : FOOTER.masked)[lang],
      },
    },
    evidenceById: new Map((data.evidence ?? []).map((e) => [e.id, e])),
  };

  const registers =
    input.registers === undefined
      ? null
      : registerSheets(
          { ...ctx, includePersonalData, findings: data.findings, items: data.items },
          input.registers,
        );
  const signing = await signingOf(data, ctx);
  const dataSheets = [
    checklistSheet(ctx, data.items, data.itemResults, input.mergeInfo ?? {}),
    findingsSheet(ctx, data.findings, data.items),
    systemsSheet(ctx, data.systems),
    ...(registers?.sheets ?? []),
    ...(signing === null ? [] : [signing.sheet]),
    activitySheet(ctx, data.activity),
  ];
  const cover = coverRows(
    data,
    options,
    ctx,
    registers?.summary ?? null,
    signing?.coverRows ?? null,
  );
  const coverSheet: SheetSpec = {
    name: SHEET_NAMES.cover[lang],
    state: 'visible',
    headerRow: false,
    columns: [
      { key: 'field', header: COVER.field[lang], width: 28, wrap: true },
      { key: 'value', header: COVER.value[lang], width: 96, wrap: true },
    ],
    rows: cover.map((r) => r.cells),
    rowKinds: cover.map((r) => r.kind),
    frozenRows: 0,
    print: { ...ctx.print, repeatHeaderRows: 0 },
  };
  const builtCover: BuiltSheet = { role: 'cover', sheet: coverSheet, records: [] };

  const header: WorkpaperHeader = {
    format: META_FORMAT,
    version: META_FORMAT_VERSION,
    kind: 'inspection',
    inspectionId,
    inspectionRev: input.inspection.rev,
    libraryVersion: input.inspection.libraryVersion,
    lang,
    calendar,
    includePersonalData,
    generatedAt: input.generatedAt,
    asOf: ctx.asOf,
    appVersion: input.appVersion,
    trailHead: trailHeadOf(data.activity),
  };
  const sheets = [
    await describeSheet(builtCover, coverSheet.rows.length),
    ...(await Promise.all(dataSheets.map((b) => describeSheet(b, b.sheet.rows.length)))),
  ];
  const rows = (await Promise.all(dataSheets.map(describeRows))).flat();
  const signed = signing === null ? {} : { signing: signing.meta };
  const contentHash = await contentHashOf({ header, sheets, rows, ...signed });
  const meta: WorkpaperMeta = { header, sheets, rows, ...signed, contentHash };

  // The hash is printed last on the cover, outside what the cover's own hash covers.
  const finalCover: SheetSpec = {
    ...coverSheet,
    rows: [...coverSheet.rows, [COVER.contentHash[lang], contentHash]],
    rowKinds: [...(coverSheet.rowKinds ?? []), 'data'],
  };
  const metaSheet: SheetSpec = {
    name: META_SHEET_NAME,
    state: 'veryHidden',
    columns: META_COLUMNS,
    rows: metaRows(meta),
    frozenRows: 0,
    protect: true,
  };
  const spec: WorkbookSpec = {
    properties: {
      title: WORKBOOK_TITLE[lang],
      creator: `Audit Workbench ${input.appVersion}`,
      created: input.generatedAt,
    },
    sheets: [finalCover, ...dataSheets.map((b) => b.sheet), metaSheet],
  };
  return { spec, meta, contentHash };
}
