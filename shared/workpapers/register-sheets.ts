/**
 * The register sheets of an inspection workpaper (issue 5): the confidentiality agreements,
 * their coverage gaps, the device-disposal log and the policy reviews, as the registers stand
 * on the export day (`ctx.asOf`, Asia/Taipei). They are for reference: every column is locked
 * and the meta sheet lists no rows for them, so an import reports any change to them as
 * ignored (see `roundtrip/read-edits.ts`). Pure, like `inspection-sheets.ts`.
 *
 * Personal data follows the workpaper's rule: people's names are shown, national IDs, phone
 * numbers and e-mail addresses are masked unless the user chose to include them; every text a
 * user typed goes through `ctx.user` (masked, always a text cell, never a formula).
 */
import { vendorNdaChecker } from '../registers/vendor-nda';
import { formatCitation, getItem, type ChecklistItem } from '../catalog';
import { formatDateTime } from '../domain/dates';
import { SEVERITY_LABELS } from '../domain/inspection';
import type { Bilingual } from '../domain/inspection/text';
import type { StoredFinding } from '../domain/inspections';
import { maskId } from '../domain/personal-data';
import type { Stored } from '../domain/records';
import {
  AGREEMENT_KIND_INFO,
  AGREEMENT_KINDS,
  PARTY_KIND_LABELS,
  type Agreement,
} from '../registers/agreements/agreements';
import { computeCoverage, GAP_KIND_LABELS, partyLabel } from '../registers/agreements/coverage';
import {
  VERSION_STATUS_LABELS,
  versionStatus,
  type CurrentVersions,
} from '../registers/agreements/current-versions';
import { suggestSeverity } from '../registers/agreements/finding-draft';
import { PERSON_KIND_LABELS, type Person } from '../registers/agreements/people';
import type { Vendor } from '../registers/agreements/vendors';
import {
  CLASSIFICATION_LABELS,
  DEVICE_TYPE_LABELS,
  DISPOSAL_STATUS_LABELS,
  MEDIA_TYPE_LABELS,
  SANITISATION_METHOD_INFO,
  SOFTWARE_REMOVED_LABELS,
  type DisposalRecord,
} from '../registers/disposal/disposal';
import {
  DISPOSAL_FLAG_LABELS,
  disposalFlags,
  techniqueText,
  type DisposalFlagContext,
} from '../registers/disposal/flags';
import {
  ADEQUACY_LABELS,
  GAP_REASON_LABELS,
  answerOf,
  isElementApplicable,
  reviewGaps,
  type GapReason,
  type PolicyReview,
} from '../registers/policies/review';
import {
  POLICY_KINDS,
  POLICY_KIND_LABELS,
  POLICY_TEMPLATES,
  elementCitation,
} from '../registers/policies/templates';
import {
  AGREEMENT_HEADERS,
  COVERAGE_HEADERS,
  DISPOSAL_HEADERS,
  POLICY_HEADERS,
  REGISTER_LABELS,
  SHEET_NAMES,
  YES_NO,
  fill,
} from './labels';
import type { RegisterRole } from './meta';
import type { CellValue, SheetSpec } from './model';
import {
  columns,
  date,
  DATE_NUMFMT,
  type BuiltSheet,
  type SheetContext,
} from './inspection-sheets';

/** The registers as the data layer gives them (deleted records are left out here). */
export interface RegistersInput {
  people: readonly Stored<Person>[];
  vendors: readonly Stored<Vendor>[];
  agreements: readonly Stored<Agreement>[];
  /** The vault's `agreements.current-versions` setting (or `defaultCurrentVersions()`). */
  currentVersions: CurrentVersions;
  disposals: readonly Stored<DisposalRecord>[];
  policyReviews: readonly Stored<PolicyReview>[];
  /** Gap id → id of the finding raised on it (the vault's `agreements.raised-gaps` setting). */
  raisedGaps?: Readonly<Record<string, string>>;
}

export interface RegisterContext extends SheetContext {
  includePersonalData: boolean;
  /** The inspection's findings (not deleted), to name the finding raised on a gap. */
  findings: readonly Stored<StoredFinding>[];
  /** The checklist items in scope; items outside it are looked up in the library. */
  items: readonly ChecklistItem[];
}

/** What the cover says about the registers. */
export interface RegisterSummary {
  employees: { current: number; covered: number; percent: number | null };
  vendors: { inForce: number; covered: number; percent: number | null };
  gaps: number;
  gapsRaised: number;
  disposals: number;
  disposalsFlagged: number;
  reviews: number;
  reviewGaps: number;
}

export interface RegisterSheets {
  sheets: BuiltSheet[];
  summary: RegisterSummary;
}

type Lang = SheetContext['lang'];

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function registerSheet(
  ctx: SheetContext,
  role: RegisterRole,
  name: Bilingual,
  rest: Pick<SheetSpec, 'columns' | 'rows' | 'conditional'>,
): BuiltSheet {
  const sheet: SheetSpec = {
    name: name[ctx.lang],
    state: 'visible',
    frozenRows: 1,
    autoFilter: true,
    print: ctx.print,
    ...rest,
  };
  return { role, sheet, records: [] };
}

/** A national ID or resident certificate number as the workpaper shows it. */
function personIdCell(ctx: RegisterContext, personId: string): CellValue {
  return ctx.user(ctx.includePersonalData ? personId : maskId(personId));
}

// ——— Agreements ———

const KIND_ORDER = new Map(AGREEMENT_KINDS.map((kind, i) => [kind, i]));

function agreementsSheet(
  ctx: RegisterContext,
  registers: RegistersInput,
  people: ReadonlyMap<string, Stored<Person>>,
  vendors: ReadonlyMap<string, Stored<Vendor>>,
): BuiltSheet {
  const { lang, calendar } = ctx;
  const partyOf = (a: Agreement) =>
    a.partyKind === 'person' ? people.get(a.partyId) : vendors.get(a.partyId);
  const sortKey = (a: Stored<Agreement>) => {
    const party = partyOf(a);
    const number =
      party === undefined ? '' : 'employeeNo' in party ? party.employeeNo : (party.taxId ?? '');
    return { number, name: party?.name ?? '' };
  };
  const keyed = registers.agreements
    .filter((a) => !a.deleted)
    .map((agreement) => ({ agreement, key: sortKey(agreement) }));
  keyed.sort(
    (x, y) =>
      compareText(x.agreement.partyKind, y.agreement.partyKind) ||
      compareText(x.key.number, y.key.number) ||
      compareText(x.key.name, y.key.name) ||
      (KIND_ORDER.get(x.agreement.kind) ?? 0) - (KIND_ORDER.get(y.agreement.kind) ?? 0) ||
      compareText(x.agreement.signedOn, y.agreement.signedOn) ||
      compareText(x.agreement.id, y.agreement.id),
  );

  const rows: CellValue[][] = [];
  for (const { agreement } of keyed) {
    let party: CellValue;
    let partyNo: CellValue = null;
    let partyKind: string;
    let department: CellValue = null;
    if (agreement.partyKind === 'person') {
      const person = people.get(agreement.partyId);
      party = person === undefined ? REGISTER_LABELS.unknownParty[lang] : ctx.user(person.name);
      partyKind = (
        person === undefined ? PARTY_KIND_LABELS.person : PERSON_KIND_LABELS[person.kind]
      )[lang];
      if (person !== undefined) {
        partyNo =
          person.employeeNo !== ''
            ? ctx.user(person.employeeNo)
            : person.personId === null
              ? null
              : personIdCell(ctx, person.personId);
        department = ctx.user(person.department);
      }
    } else {
      const vendor = vendors.get(agreement.partyId);
      party = vendor === undefined ? REGISTER_LABELS.unknownVendor[lang] : ctx.user(vendor.name);
      partyKind = REGISTER_LABELS.vendor[lang];
      partyNo = vendor?.taxId ?? null;
    }
    const scan =
      agreement.attachmentId === null
        ? REGISTER_LABELS.scanNone[lang]
        : (() => {
            const file = ctx.evidenceById.get(agreement.attachmentId);
            return file === undefined ? REGISTER_LABELS.scanUnnamed[lang] : ctx.user(file.name);
          })();
    const onScreen =
      agreement.signature === null
        ? YES_NO.no[lang]
        : fill(REGISTER_LABELS.onScreenAt[lang], {
            at: formatDateTime(agreement.signature.capturedAt, { calendar, lang }),
          });
    const status = versionStatus(registers.currentVersions, agreement.kind, agreement.version);
    rows.push([
      rows.length + 1,
      party,
      partyNo,
      partyKind,
      department,
      AGREEMENT_KIND_INFO[agreement.kind].label[lang],
      ctx.user(agreement.version),
      VERSION_STATUS_LABELS[status][lang],
      date(agreement.signedOn),
      ctx.user(agreement.signer),
      ctx.user(agreement.counterSigner),
      date(agreement.expiresOn),
      scan,
      onScreen,
    ]);
  }
  return registerSheet(ctx, 'agreements', SHEET_NAMES.agreements, {
    columns: columns(AGREEMENT_HEADERS, lang, [
      { key: 'no', width: 7 },
      { key: 'party', width: 22, wrap: true },
      { key: 'partyNo', width: 20 },
      { key: 'partyKind', width: 16, wrap: true },
      { key: 'department', width: 16, wrap: true },
      { key: 'kind', width: 26, wrap: true },
      { key: 'version', width: 10 },
      { key: 'versionStatus', width: 16 },
      { key: 'signedOn', width: 12, numFmt: DATE_NUMFMT },
      { key: 'signer', width: 14, wrap: true },
      { key: 'counterSigner', width: 18, wrap: true },
      { key: 'expiresOn', width: 12, numFmt: DATE_NUMFMT },
      { key: 'scan', width: 24, wrap: true },
      { key: 'onScreen', width: 24, wrap: true },
    ]),
    rows,
    conditional: [
      {
        column: 'versionStatus',
        kind: 'equals',
        value: VERSION_STATUS_LABELS.outdated[lang],
        style: 'deficient',
      },
      {
        column: 'expiresOn',
        kind: 'date-before',
        value: ctx.asOf,
        style: 'overdue',
      },
    ],
  });
}

// ——— Coverage gaps ———

function coverageSheet(
  ctx: RegisterContext,
  coverage: ReturnType<typeof computeCoverage>,
  raised: Readonly<Record<string, string>>,
): { built: BuiltSheet; raisedCount: number } {
  const { lang } = ctx;
  const inScope = new Map(ctx.items.map((item) => [item.id, item]));
  const findingById = new Map<string, Stored<StoredFinding>>(ctx.findings.map((f) => [f.id, f]));
  const itemCell = (itemId: string): CellValue => {
    const item = inScope.get(itemId) ?? getItem(itemId);
    return item === undefined ? itemId : `${itemId}\n${formatCitation(item.citation, lang)}`;
  };
  let raisedCount = 0;
  const rows: CellValue[][] = coverage.gaps.map((gap, i) => {
    const suggestion = suggestSeverity(gap);
    const findingId = Object.hasOwn(raised, gap.id) ? raised[gap.id] : undefined;
    let finding: CellValue = null;
    if (findingId !== undefined) {
      raisedCount++;
      const found = findingById.get(findingId);
      finding =
        found === undefined
          ? fill(REGISTER_LABELS.findingElsewhere[lang], { id: findingId })
          : ctx.user(found.title);
    }
    return [
      i + 1,
      GAP_KIND_LABELS[gap.kind][lang],
      ctx.user(partyLabel(gap.party, lang)),
      ctx.user(gap.party.department),
      itemCell(gap.itemId),
      ctx.user(gap.explanation[lang]),
      SEVERITY_LABELS[suggestion.severity][lang],
      suggestion.reason[lang],
      finding,
    ];
  });
  const built = registerSheet(ctx, 'coverage', SHEET_NAMES.coverage, {
    columns: columns(COVERAGE_HEADERS, lang, [
      { key: 'no', width: 7 },
      { key: 'gapKind', width: 22, wrap: true },
      { key: 'party', width: 28, wrap: true },
      { key: 'department', width: 16, wrap: true },
      { key: 'itemId', width: 20, wrap: true },
      { key: 'explanation', width: 48, wrap: true },
      { key: 'severity', width: 14 },
      { key: 'severityReason', width: 40, wrap: true },
      { key: 'finding', width: 24, wrap: true },
    ]),
    rows,
    conditional: [
      {
        column: 'severity',
        kind: 'equals',
        value: SEVERITY_LABELS.high[lang],
        style: 'deficient',
      },
      { column: 'finding', kind: 'not-empty', value: '', style: 'ok' },
    ],
  });
  return { built, raisedCount };
}

// ——— Disposal log ———

function disposalsSheet(
  ctx: RegisterContext,
  registers: RegistersInput,
  vendors: ReadonlyMap<string, Stored<Vendor>>,
  vendorHasNda: DisposalFlagContext['vendorHasNda'],
): { built: BuiltSheet; flagged: number; count: number } {
  const { lang } = ctx;
  const records = registers.disposals.filter((r) => !r.deleted);
  // Chronological, as a log reads; undated (pending) records last.
  records.sort(
    (a, b) =>
      compareText(a.performedOn ?? '\uffff', b.performedOn ?? '\uffff') ||
      compareText(a.assetTag, b.assetTag) ||
      compareText(a.id, b.id),
  );
  const flagContext: DisposalFlagContext = { asOf: ctx.asOf, vendorHasNda };
  const ndaLabel = (nda: boolean | 'expired') =>
    (nda === true
      ? REGISTER_LABELS.ndaInForce
      : nda === false
        ? REGISTER_LABELS.ndaNone
        : REGISTER_LABELS.ndaLapsed)[lang];
  let flagged = 0;
  const rows: CellValue[][] = records.map((record, i) => {
    const flags = disposalFlags(record, flagContext);
    if (flags.length > 0) flagged++;
    const technique = techniqueText(record);
    let vendor: CellValue = null;
    let vendorNda: CellValue = null;
    if (record.vendorId !== null) {
      const found = vendors.get(record.vendorId);
      vendor = found === undefined ? REGISTER_LABELS.unknownVendor[lang] : ctx.user(found.name);
      vendorNda = ndaLabel(vendorHasNda(record.vendorId, record.performedOn ?? ctx.asOf));
    }
    return [
      i + 1,
      ctx.user(record.assetTag),
      DEVICE_TYPE_LABELS[record.deviceType][lang],
      record.mediaType === null ? null : MEDIA_TYPE_LABELS[record.mediaType][lang],
      ctx.user(record.serialNo),
      ctx.user(record.model),
      record.classification === null ? null : CLASSIFICATION_LABELS[record.classification][lang],
      record.method === null ? null : SANITISATION_METHOD_INFO[record.method].label[lang],
      technique === null
        ? null
        : record.technique === 'other'
          ? ctx.user(technique[lang])
          : technique[lang],
      record.softwareRemoved === null
        ? null
        : SOFTWARE_REMOVED_LABELS[record.softwareRemoved][lang],
      ctx.user(record.performedBy),
      date(record.performedOn),
      ctx.user(record.verifiedBy),
      date(record.verifiedOn),
      vendor,
      vendorNda,
      ctx.user(record.certificateNo),
      (record.certificateId === null ? YES_NO.no : YES_NO.yes)[lang],
      DISPOSAL_STATUS_LABELS[record.status][lang],
      flags.length === 0
        ? null
        : flags.map((flag) => DISPOSAL_FLAG_LABELS[flag.kind][lang]).join('\n'),
    ];
  });
  const built = registerSheet(ctx, 'disposals', SHEET_NAMES.disposals, {
    columns: columns(DISPOSAL_HEADERS, lang, [
      { key: 'no', width: 7 },
      { key: 'assetTag', width: 14 },
      { key: 'deviceType', width: 16, wrap: true },
      { key: 'mediaType', width: 18, wrap: true },
      { key: 'serialNo', width: 16 },
      { key: 'model', width: 20, wrap: true },
      { key: 'classification', width: 10 },
      { key: 'method', width: 14 },
      { key: 'technique', width: 18, wrap: true },
      { key: 'softwareRemoved', width: 14, wrap: true },
      { key: 'performedBy', width: 12 },
      { key: 'performedOn', width: 12, numFmt: DATE_NUMFMT },
      { key: 'verifiedBy', width: 12 },
      { key: 'verifiedOn', width: 12, numFmt: DATE_NUMFMT },
      { key: 'vendor', width: 20, wrap: true },
      { key: 'vendorNda', width: 16, wrap: true },
      { key: 'certificateNo', width: 14 },
      { key: 'certificate', width: 12 },
      { key: 'status', width: 10 },
      { key: 'flags', width: 26, wrap: true },
    ]),
    rows,
    // Like the findings' deficiency highlight, across the whole row of a flagged record.
    conditional: [
      { column: 'flags', kind: 'not-empty', value: '', style: 'deficient', wholeRow: true },
    ],
  });
  return { built, flagged, count: records.length };
}

// ——— Policy reviews ———

const POLICY_KIND_ORDER = new Map(POLICY_KINDS.map((kind, i) => [kind, i]));

function policiesSheet(
  ctx: RegisterContext,
  registers: RegistersInput,
): { built: BuiltSheet; count: number; gaps: number } {
  const { lang } = ctx;
  const reviews = registers.policyReviews.filter((r) => !r.deleted);
  reviews.sort(
    (a, b) =>
      (POLICY_KIND_ORDER.get(a.kind) ?? 0) - (POLICY_KIND_ORDER.get(b.kind) ?? 0) ||
      compareText(a.reviewedOn ?? '', b.reviewedOn ?? '') ||
      compareText(a.id, b.id),
  );
  const answerText = (answer: boolean | null) =>
    answer === null ? REGISTER_LABELS.unanswered[lang] : (answer ? YES_NO.yes : YES_NO.no)[lang];
  let gapCount = 0;
  const rows: CellValue[][] = [];
  for (const review of reviews) {
    const gaps = reviewGaps(review);
    gapCount += gaps.length;
    const reasons = new Map<string, GapReason[]>();
    for (const gap of gaps)
      reasons.set(gap.element.id, [...(reasons.get(gap.element.id) ?? []), gap.reason]);
    const document = review.document;
    for (const element of POLICY_TEMPLATES[review.kind].elements) {
      const answer = answerOf(review, element.id);
      const condition =
        element.condition === null
          ? null
          : `${element.condition.question[lang]}${lang === 'zh-TW' ? '：' : ': '}${answerText(review.conditions[element.condition.key] ?? null)}`;
      const gapReasons = reasons.get(element.id) ?? [];
      rows.push([
        rows.length + 1,
        POLICY_KIND_LABELS[review.kind][lang],
        document === null ? REGISTER_LABELS.noPolicy[lang] : ctx.user(document.title),
        document === null ? null : ctx.user(document.version),
        date(document?.approvedOn ?? null),
        document === null ? null : ctx.user(document.approver),
        date(review.reviewedOn),
        ctx.user(review.reviewer),
        (review.status === 'complete' ? REGISTER_LABELS.complete : REGISTER_LABELS.draft)[lang],
        elementCitation(element, lang),
        element.title[lang],
        condition,
        (isElementApplicable(review, element)
          ? REGISTER_LABELS.applies
          : REGISTER_LABELS.notApplicable)[lang],
        answer.present === null
          ? null
          : (answer.present === 'yes' ? REGISTER_LABELS.present : REGISTER_LABELS.missing)[lang],
        ctx.user(answer.sectionRef),
        answer.adequacy === null ? null : ADEQUACY_LABELS[answer.adequacy][lang],
        ctx.user(answer.note),
        gapReasons.length === 0
          ? null
          : gapReasons.map((reason) => GAP_REASON_LABELS[reason][lang]).join('\n'),
        element.itemId,
      ]);
    }
  }
  const built = registerSheet(ctx, 'policies', SHEET_NAMES.policies, {
    columns: columns(POLICY_HEADERS, lang, [
      { key: 'no', width: 7 },
      { key: 'policyKind', width: 22, wrap: true },
      { key: 'title', width: 24, wrap: true },
      { key: 'version', width: 8 },
      { key: 'approvedOn', width: 12, numFmt: DATE_NUMFMT },
      { key: 'approver', width: 12, wrap: true },
      { key: 'reviewedOn', width: 12, numFmt: DATE_NUMFMT },
      { key: 'reviewer', width: 12 },
      { key: 'reviewStatus', width: 14 },
      { key: 'citation', width: 22, wrap: true },
      { key: 'element', width: 28, wrap: true },
      { key: 'condition', width: 28, wrap: true },
      { key: 'applicable', width: 14 },
      { key: 'present', width: 14 },
      { key: 'sectionRef', width: 12, wrap: true },
      { key: 'adequacy', width: 14 },
      { key: 'note', width: 30, wrap: true },
      { key: 'gap', width: 14, wrap: true },
      { key: 'itemId', width: 14 },
    ]),
    rows,
    conditional: [
      { column: 'gap', kind: 'not-empty', value: '', style: 'deficient', wholeRow: true },
    ],
  });
  return { built, count: reviews.length, gaps: gapCount };
}

/**
 * The four register sheets, in workbook order (agreements, coverage gaps, disposal log, policy
 * reviews), and what the cover says about them. Coverage and flags are judged on `ctx.asOf`,
 * as the register screens judge them on the day they are opened.
 */
export function registerSheets(ctx: RegisterContext, registers: RegistersInput): RegisterSheets {
  const people = new Map<string, Stored<Person>>(
    registers.people.filter((p) => !p.deleted).map((p) => [p.id, p]),
  );
  const vendors = new Map<string, Stored<Vendor>>(
    registers.vendors.filter((v) => !v.deleted).map((v) => [v.id, v]),
  );
  const coverage = computeCoverage({
    people: registers.people,
    vendors: registers.vendors,
    agreements: registers.agreements,
    currentVersions: registers.currentVersions,
    asOf: ctx.asOf,
  });
  const vendorHasNda = vendorNdaChecker(registers.vendors, registers.agreements);
  const agreements = agreementsSheet(ctx, registers, people, vendors);
  const gaps = coverageSheet(ctx, coverage, registers.raisedGaps ?? {});
  const disposals = disposalsSheet(ctx, registers, vendors, vendorHasNda);
  const policies = policiesSheet(ctx, registers);
  return {
    sheets: [agreements, gaps.built, disposals.built, policies.built],
    summary: {
      employees: coverage.summary.employees,
      vendors: coverage.summary.vendors,
      gaps: coverage.gaps.length,
      gapsRaised: gaps.raisedCount,
      disposals: disposals.count,
      disposalsFlagged: disposals.flagged,
      reviews: policies.count,
      reviewGaps: policies.gaps,
    },
  };
}

/** `95.5%（21／22）`, or "none to judge". */
export function coveredText(
  lang: Lang,
  figures: { covered: number; percent: number | null },
  total: number,
): string {
  if (figures.percent === null) return REGISTER_LABELS.notJudged[lang];
  return fill(REGISTER_LABELS.percent[lang], {
    percent: `${figures.percent}%`,
    covered: figures.covered,
    total,
  });
}
