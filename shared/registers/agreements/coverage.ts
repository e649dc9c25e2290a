/**
 * Coverage of the register against itself and the roster on a given day (`asOf`): who has not
 * signed what art. 4 item 1 asks (or signed an outdated form, or only after starting), which
 * vendors lack the confidentiality clause of item 2 or the destruction NDA of item 6, and who
 * kept access after leaving or changing job (item 5). Each gap names the checklist item a
 * finding would be raised on (`finding-draft.ts`).
 *
 * Rules (see README.md for the reasons):
 * - Deleted (tombstoned) records are ignored; agreements whose party is missing, deleted or of
 *   the wrong kind are counted in the summary and otherwise ignored.
 * - An agreement counts from its signing date, and while in force: from `validFrom` (if any)
 *   up to and including `expiresOn` (if any). Agreements signed after `asOf` do not exist yet.
 * - Current employees (kind employee, hired by `asOf`, not left; 留職停薪 included) need every
 *   kind in `requiredForEmployees`. Contractors are not employees under item 1 (their vendor's
 *   contract covers them, item 2); what they have signed is still checked for version.
 * - A vendor whose contract is in force on `asOf` needs the outsourcing clause for the role
 *   `outsourcing` and the destruction NDA for the role `disposal`.
 * - Leaving and job changes apply to contractors as well as employees: access is what matters.
 */
import type { IsoDate } from '../../domain/dates';
import { addDays, daysBetween } from '../../domain/inspection/calendar';
import type { Bilingual } from '../../domain/inspection/text';
import { maskId, type Masked } from '../../domain/personal-data';
import type { RecordId, Stored } from '../../domain/records';
import { normaliseKeyPart } from '../../import/row-key';
import {
  AGREEMENT_KIND_INFO,
  AGREEMENT_KINDS,
  type Agreement,
  type AgreementKind,
  type PartyKind,
} from './agreements';
import { versionStatus, type CurrentVersions, type KindVersions } from './current-versions';
import { hasLeft, type Person, type PersonKind } from './people';
import { bi } from './support';
import { VENDOR_ROLES, type Vendor, type VendorRole } from './vendors';

export const GAP_KINDS = [
  'unsigned',
  'outdated-version',
  'signed-after-start',
  'vendor-unsigned',
  'vendor-agreement-expired',
  'leaver-with-access',
  'job-change-access-not-updated',
] as const;
export type GapKind = (typeof GAP_KINDS)[number];

export const GAP_KIND_LABELS: Readonly<Record<GapKind, Bilingual>> = {
  unsigned: bi('員工未簽署', 'Employee has not signed'),
  'outdated-version': bi('簽署舊版本', 'Signed an outdated version'),
  'signed-after-start': bi('到職（服務開始）後始簽署', 'Signed after starting'),
  'vendor-unsigned': bi('廠商未簽訂保密協定', 'Vendor without a confidentiality agreement'),
  'vendor-agreement-expired': bi('廠商保密協定已到期', 'Vendor agreement expired'),
  'leaver-with-access': bi('離職人員權限未及時取消', 'Leaver’s access not revoked in time'),
  'job-change-access-not-updated': bi(
    '職務異動權限未及時變更',
    'Access not changed in time after a job change',
  ),
};

/** The vendor role that requires each vendor agreement kind. */
export const ROLE_AGREEMENT: Readonly<Record<VendorRole, AgreementKind>> = {
  outsourcing: 'outsourcing-clause',
  disposal: 'disposal-vendor-nda',
};

/** Who a gap is about, with what lists and findings show (never the raw national ID). */
export interface GapParty {
  kind: PartyKind;
  id: RecordId;
  name: string;
  /** Employee number, or the vendor's 統一編號; '' if none. */
  number: string;
  /** For people. */
  personKind: PersonKind | null;
  department: string;
  /** For people without an employee number, to tell them apart; masked. */
  maskedPersonId: Masked | null;
}

interface Gap<K extends GapKind, F> {
  /** Stable for the same facts: use it to remember which gaps already have a finding. */
  id: string;
  kind: K;
  party: GapParty;
  /** The checklist item a finding on this gap is raised on. */
  itemId: string;
  explanation: Bilingual;
  facts: F;
}

export type UnsignedGap = Gap<
  'unsigned',
  { agreementKind: AgreementKind; hireDate: IsoDate | null; lastExpiredOn: IsoDate | null }
>;
export type OutdatedVersionGap = Gap<
  'outdated-version',
  {
    agreementKind: AgreementKind;
    agreementId: RecordId;
    version: string;
    signedOn: IsoDate;
    expected: string;
    accepted: readonly string[];
  }
>;
export type SignedAfterStartGap = Gap<
  'signed-after-start',
  {
    agreementKind: AgreementKind;
    agreementId: RecordId;
    /** Hire date, or a vendor's contract start. */
    startDate: IsoDate;
    signedOn: IsoDate;
    daysLate: number;
  }
>;
export type VendorUnsignedGap = Gap<
  'vendor-unsigned',
  {
    agreementKind: AgreementKind;
    role: VendorRole;
    handlesCustomerData: boolean;
    contractStart: IsoDate | null;
    contractEnd: IsoDate | null;
  }
>;
export type VendorAgreementExpiredGap = Gap<
  'vendor-agreement-expired',
  {
    agreementKind: AgreementKind;
    role: VendorRole;
    agreementId: RecordId;
    expiresOn: IsoDate;
    daysSinceExpiry: number;
    handlesCustomerData: boolean;
  }
>;
export type LeaverAccessReason = 'holds-access' | 'not-revoked' | 'revoked-late';
export type LeaverWithAccessGap = Gap<
  'leaver-with-access',
  {
    reason: LeaverAccessReason;
    leftOn: IsoDate | null;
    accessRevokedOn: IsoDate | null;
    holdsSystemAccess: boolean | null;
    graceDays: number;
    /** leftOn + graceDays; null when the leaving date is unknown. */
    deadline: IsoDate | null;
    /** Days from the deadline to the revocation (late) or to `asOf` (not done); null if unknown. */
    daysPastDeadline: number | null;
  }
>;
export type JobChangeAccessGap = Gap<
  'job-change-access-not-updated',
  {
    reason: 'not-updated' | 'updated-late';
    changedOn: IsoDate;
    from: string;
    to: string;
    accessUpdatedOn: IsoDate | null;
    holdsSystemAccess: boolean | null;
    graceDays: number;
    deadline: IsoDate;
    daysPastDeadline: number;
  }
>;

export type CoverageGap =
  | UnsignedGap
  | OutdatedVersionGap
  | SignedAfterStartGap
  | VendorUnsignedGap
  | VendorAgreementExpiredGap
  | LeaverWithAccessGap
  | JobChangeAccessGap;

/** The agreement kind a gap is about, or null for the access gaps. */
export function gapAgreementKind(gap: CoverageGap): AgreementKind | null {
  switch (gap.kind) {
    case 'leaver-with-access':
    case 'job-change-access-not-updated':
      return null;
    default:
      return gap.facts.agreementKind;
  }
}

export interface CoverageSummary {
  asOf: IsoDate;
  gapCounts: Record<GapKind, number>;
  /** Current employees (hired by asOf, not left) and those with every required kind in force on a current or accepted version. */
  employees: { current: number; covered: number; percent: number | null };
  /** Vendors with a contract in force and those with every required agreement in force on a current or accepted version. */
  vendors: { inForce: number; covered: number; percent: number | null };
  leavers: number;
  requiredForEmployees: readonly AgreementKind[];
  /** Kinds checked or held for which no current version is set: their versions were not judged. */
  kindsWithoutVersion: AgreementKind[];
  /** Agreements ignored because their party is missing, deleted or of the other kind. */
  unlinkedAgreements: number;
}

export interface CoverageInput {
  people: readonly Stored<Person>[];
  vendors: readonly Stored<Vendor>[];
  agreements: readonly Stored<Agreement>[];
  currentVersions: CurrentVersions;
  asOf: IsoDate;
  /**
   * Check "signed no later than the start date" only for people hired (and vendors whose
   * contract started) on or after this date, e.g. the start of the inspected period, so that
   * staff hired before the undertaking existed are not all reported. Default: everyone.
   */
  startCheckFrom?: IsoDate | null;
}

export interface CoverageResult {
  gaps: CoverageGap[];
  summary: CoverageSummary;
}

// ——— Helpers ———

function inForce(agreement: Agreement, asOf: IsoDate): boolean {
  return (
    agreement.signedOn <= asOf &&
    (agreement.validFrom === null || agreement.validFrom <= asOf) &&
    (agreement.expiresOn === null || agreement.expiresOn >= asOf)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const STATUS_RANK = { current: 0, accepted: 0, unknown: 1, outdated: 2 } as const;

/** The agreement that best evidences a kind: current form first, then latest signed. */
function best(
  agreements: readonly Stored<Agreement>[],
  settings: CurrentVersions,
): Stored<Agreement> | undefined {
  return [...agreements].sort(
    (a, b) =>
      STATUS_RANK[versionStatus(settings, a.kind, a.version)] -
        STATUS_RANK[versionStatus(settings, b.kind, b.version)] ||
      compareText(b.signedOn, a.signedOn) ||
      compareText(a.id, b.id),
  )[0];
}

function earliest(agreements: readonly Stored<Agreement>[]): Stored<Agreement> | undefined {
  return [...agreements].sort(
    (a, b) => compareText(a.signedOn, b.signedOn) || compareText(a.id, b.id),
  )[0];
}

function latestExpiry(agreements: readonly Stored<Agreement>[], asOf: IsoDate) {
  let latest: Stored<Agreement> | undefined;
  for (const agreement of agreements) {
    if (agreement.expiresOn === null || agreement.expiresOn >= asOf) continue;
    if (latest?.expiresOn == null || agreement.expiresOn > latest.expiresOn) latest = agreement;
  }
  return latest;
}

function personParty(person: Stored<Person>): GapParty {
  return {
    kind: 'person',
    id: person.id,
    name: person.name,
    number: person.employeeNo,
    personKind: person.kind,
    department: person.department,
    maskedPersonId:
      person.employeeNo === '' && person.personId !== null ? maskId(person.personId) : null,
  };
}

function vendorParty(vendor: Stored<Vendor>): GapParty {
  return {
    kind: 'vendor',
    id: vendor.id,
    name: vendor.name,
    number: vendor.taxId ?? '',
    personKind: null,
    department: '',
    maskedPersonId: null,
  };
}

/** `王小明（E001）`, `王小明（A12****789）`, `甲公司（統一編號 04595257）`. */
export function partyLabel(party: GapParty, lang: 'zh-TW' | 'en'): string {
  if (party.kind === 'vendor') {
    if (party.number === '') return party.name;
    return lang === 'zh-TW'
      ? `${party.name}（統一編號 ${party.number}）`
      : `${party.name} (tax ID ${party.number})`;
  }
  const tag = party.number !== '' ? party.number : party.maskedPersonId;
  if (tag === null) return party.name;
  return lang === 'zh-TW' ? `${party.name}（${tag}）` : `${party.name} (${tag})`;
}

function both(party: GapParty, zh: (who: string) => string, en: (who: string) => string) {
  return bi(zh(partyLabel(party, 'zh-TW')), en(partyLabel(party, 'en')));
}

function gapId(kind: GapKind, party: GapParty, ...parts: (string | null)[]): string {
  return [kind, party.kind, party.id, ...parts.map((part) => part ?? '')].join('|');
}

const label = (kind: AgreementKind) => AGREEMENT_KIND_INFO[kind].label;

// ——— Gap builders ———

function outdatedGap(
  party: GapParty,
  agreement: Stored<Agreement>,
  expected: KindVersions,
): OutdatedVersionGap {
  const kind = agreement.kind;
  return {
    id: gapId('outdated-version', party, kind),
    kind: 'outdated-version',
    party,
    itemId: AGREEMENT_KIND_INFO[kind].itemId,
    explanation: both(
      party,
      (who) =>
        `${who}之${label(kind)['zh-TW']}為 ${agreement.version} 版（${agreement.signedOn} 簽署），現行版本為 ${expected.current}。`,
      (who) =>
        `${who} signed version ${agreement.version} of the ${label(kind).en} on ${agreement.signedOn}; the current version is ${expected.current}.`,
    ),
    facts: {
      agreementKind: kind,
      agreementId: agreement.id,
      version: agreement.version,
      signedOn: agreement.signedOn,
      expected: expected.current,
      accepted: expected.accepted,
    },
  };
}

function signedAfterStartGap(
  party: GapParty,
  agreement: Stored<Agreement>,
  startDate: IsoDate,
): SignedAfterStartGap {
  const kind = agreement.kind;
  const daysLate = daysBetween(startDate, agreement.signedOn);
  const start =
    party.kind === 'person' ? bi('到職日', 'the start date') : bi('契約起日', 'the contract start');
  return {
    id: gapId('signed-after-start', party, kind),
    kind: 'signed-after-start',
    party,
    itemId: AGREEMENT_KIND_INFO[kind].itemId,
    explanation: both(
      party,
      (who) =>
        `${who}之${label(kind)['zh-TW']}於 ${agreement.signedOn} 始簽署，晚於${start['zh-TW']} ${startDate} 共 ${daysLate} 日。`,
      (who) =>
        `${who} signed the ${label(kind).en} on ${agreement.signedOn}, ${daysLate} day(s) after ${start.en} (${startDate}).`,
    ),
    facts: {
      agreementKind: kind,
      agreementId: agreement.id,
      startDate,
      signedOn: agreement.signedOn,
      daysLate,
    },
  };
}

// ——— The computation ———

/**
 * The gaps of the register on `asOf`, in a deterministic order (gap kind, then party by
 * number and name, then agreement kind, then date, then ids), and the summary.
 */
export function computeCoverage(input: CoverageInput): CoverageResult {
  const { asOf, currentVersions: settings } = input;
  const startCheckFrom = input.startCheckFrom ?? null;
  const people = input.people.filter((person) => !person.deleted);
  const vendors = input.vendors.filter((vendor) => !vendor.deleted);
  const personById = new Map(people.map((person) => [person.id, person]));
  const vendorById = new Map(vendors.map((vendor) => [vendor.id, vendor]));

  // Agreements by party and kind, signed by asOf.
  const held = new Map<string, Stored<Agreement>[]>();
  let unlinkedAgreements = 0;
  const usedKinds = new Set<AgreementKind>();
  for (const agreement of input.agreements) {
    if (agreement.deleted) continue;
    const party =
      agreement.partyKind === 'person'
        ? personById.get(agreement.partyId)
        : vendorById.get(agreement.partyId);
    if (party === undefined || AGREEMENT_KIND_INFO[agreement.kind].party !== agreement.partyKind) {
      unlinkedAgreements++;
      continue;
    }
    if (agreement.signedOn > asOf) continue;
    const key = `${agreement.partyId}|${agreement.kind}`;
    const list = held.get(key);
    if (list === undefined) held.set(key, [agreement]);
    else list.push(agreement);
  }
  const heldBy = (id: RecordId, kind: AgreementKind) => held.get(`${id}|${kind}`) ?? [];

  const gaps: CoverageGap[] = [];
  const required = AGREEMENT_KINDS.filter((kind) => settings.requiredForEmployees.includes(kind));
  for (const kind of required) usedKinds.add(kind);

  /** Version check of what a current party holds in force; true when it is not outdated. */
  const checkVersion = (party: GapParty, inForceNow: readonly Stored<Agreement>[]): boolean => {
    const chosen = best(inForceNow, settings);
    if (chosen === undefined) return false;
    usedKinds.add(chosen.kind);
    const expected = settings.versions[chosen.kind];
    if (
      expected !== undefined &&
      versionStatus(settings, chosen.kind, chosen.version) === 'outdated'
    ) {
      gaps.push(outdatedGap(party, chosen, expected));
      return false;
    }
    return true;
  };

  // ——— People: signing (item 1) ———
  let currentEmployees = 0;
  let coveredEmployees = 0;
  let leavers = 0;
  for (const person of people) {
    const party = personParty(person);
    if (hasLeft(person, asOf)) {
      leavers++;
      continue;
    }
    if (person.hireDate !== null && person.hireDate > asOf) continue;
    const isEmployee = person.kind === 'employee';
    if (isEmployee) currentEmployees++;
    let covered = true;
    const kinds = AGREEMENT_KINDS.filter(
      (kind) =>
        AGREEMENT_KIND_INFO[kind].party === 'person' &&
        ((isEmployee && required.includes(kind)) || heldBy(person.id, kind).length > 0),
    );
    for (const kind of kinds) {
      const all = heldBy(person.id, kind);
      const inForceNow = all.filter((agreement) => inForce(agreement, asOf));
      const mustHave = isEmployee && required.includes(kind);
      if (inForceNow.length === 0) {
        if (mustHave) {
          covered = false;
          const expired = latestExpiry(all, asOf);
          gaps.push({
            id: gapId('unsigned', party, kind),
            kind: 'unsigned',
            party,
            itemId: AGREEMENT_KIND_INFO[kind].itemId,
            explanation: both(
              party,
              (who) =>
                expired?.expiresOn != null
                  ? `${who}之${label(kind)['zh-TW']}已於 ${expired.expiresOn} 到期，無有效之${label(kind)['zh-TW']}。`
                  : `${who}（到職日 ${person.hireDate ?? '不詳'}）無已簽署之${label(kind)['zh-TW']}。`,
              (who) =>
                expired?.expiresOn != null
                  ? `${who}'s ${label(kind).en} expired on ${expired.expiresOn}; none is in force.`
                  : `${who} (hired ${person.hireDate ?? 'on an unknown date'}) has no signed ${label(kind).en}.`,
            ),
            facts: {
              agreementKind: kind,
              hireDate: person.hireDate,
              lastExpiredOn: expired?.expiresOn ?? null,
            },
          });
        }
      } else if (!checkVersion(party, inForceNow) && mustHave) {
        covered = false;
      }
      const first = earliest(all);
      if (
        mustHave &&
        first !== undefined &&
        person.hireDate !== null &&
        (startCheckFrom === null || person.hireDate >= startCheckFrom) &&
        first.signedOn > person.hireDate
      ) {
        gaps.push(signedAfterStartGap(party, first, person.hireDate));
      }
    }
    if (isEmployee && covered) coveredEmployees++;
  }

  // ——— People: access on leaving and on job change (item 5) ———
  for (const person of people) {
    const party = personParty(person);
    if (hasLeft(person, asOf)) {
      const grace = settings.leaverGraceDays;
      const deadline = person.leftOn === null ? null : addDays(person.leftOn, grace);
      const revokedBy =
        person.accessRevokedOn !== null && person.accessRevokedOn <= asOf
          ? person.accessRevokedOn
          : null;
      let reason: LeaverAccessReason | null = null;
      if (deadline === null || asOf > deadline) {
        if (person.holdsSystemAccess === true) reason = 'holds-access';
        else if (revokedBy === null) reason = 'not-revoked';
        else if (deadline !== null && revokedBy > deadline) reason = 'revoked-late';
      }
      if (reason !== null) {
        const daysPastDeadline =
          deadline === null
            ? null
            : reason === 'revoked-late' && revokedBy !== null
              ? daysBetween(deadline, revokedBy)
              : daysBetween(deadline, asOf);
        const left = person.leftOn ?? null;
        const zhLeft = left === null ? '已離職（離職日不詳）' : `於 ${left} 離職`;
        const enLeft = left === null ? 'left (date unknown)' : `left on ${left}`;
        const zhWhy =
          reason === 'holds-access'
            ? '仍持有系統存取權限'
            : reason === 'not-revoked'
              ? `截至 ${asOf} 無權限停用紀錄`
              : `權限遲至 ${revokedBy ?? ''} 始停用，逾期限 ${daysPastDeadline ?? 0} 日`;
        const enWhy =
          reason === 'holds-access'
            ? 'still holds system access'
            : reason === 'not-revoked'
              ? `has no record of access revoked as of ${asOf}`
              : `had access revoked only on ${revokedBy ?? ''}, ${daysPastDeadline ?? 0} day(s) past the deadline`;
        gaps.push({
          id: gapId('leaver-with-access', party),
          kind: 'leaver-with-access',
          party,
          itemId: 'SR-04-05.1',
          explanation: both(
            party,
            (who) => `${who}${zhLeft}，${zhWhy}（容許期間 ${grace} 日）。`,
            (who) => `${who} ${enLeft} and ${enWhy} (${grace} day(s) allowed).`,
          ),
          facts: {
            reason,
            leftOn: person.leftOn,
            accessRevokedOn: person.accessRevokedOn,
            holdsSystemAccess: person.holdsSystemAccess,
            graceDays: grace,
            deadline,
            daysPastDeadline,
          },
        });
      }
    }

    const grace = settings.jobChangeGraceDays;
    for (const change of person.jobChanges) {
      if (change.on > asOf) continue;
      const deadline = addDays(change.on, grace);
      const updatedBy =
        change.accessUpdatedOn !== null && change.accessUpdatedOn <= asOf
          ? change.accessUpdatedOn
          : null;
      let reason: 'not-updated' | 'updated-late' | null = null;
      if (updatedBy === null) {
        if (asOf > deadline) reason = 'not-updated';
      } else if (updatedBy > deadline) {
        reason = 'updated-late';
      }
      if (reason === null) continue;
      const daysPastDeadline = daysBetween(deadline, updatedBy ?? asOf);
      const move = bi(
        `自「${change.from || '原職務'}」調至「${change.to || '新職務'}」`,
        `moved from "${change.from || 'the previous job'}" to "${change.to || 'the new job'}"`,
      );
      gaps.push({
        id: gapId('job-change-access-not-updated', party, change.on),
        kind: 'job-change-access-not-updated',
        party,
        itemId: 'SR-04-05.2',
        explanation: both(
          party,
          (who) =>
            reason === 'not-updated'
              ? `${who}於 ${change.on} ${move['zh-TW']}，截至 ${asOf} 無權限變更紀錄，逾期限 ${daysPastDeadline} 日（容許期間 ${grace} 日）。`
              : `${who}於 ${change.on} ${move['zh-TW']}，權限遲至 ${updatedBy ?? ''} 始變更，逾期限 ${daysPastDeadline} 日（容許期間 ${grace} 日）。`,
          (who) =>
            reason === 'not-updated'
              ? `${who} ${move.en} on ${change.on}; no access change is recorded as of ${asOf}, ${daysPastDeadline} day(s) past the deadline (${grace} day(s) allowed).`
              : `${who} ${move.en} on ${change.on}; access was changed only on ${updatedBy ?? ''}, ${daysPastDeadline} day(s) past the deadline (${grace} day(s) allowed).`,
        ),
        facts: {
          reason,
          changedOn: change.on,
          from: change.from,
          to: change.to,
          accessUpdatedOn: change.accessUpdatedOn,
          holdsSystemAccess: person.holdsSystemAccess,
          graceDays: grace,
          deadline,
          daysPastDeadline,
        },
      });
    }
  }

  // ——— Vendors (items 2 and 6) ———
  let vendorsInForce = 0;
  let coveredVendors = 0;
  for (const vendor of vendors) {
    const contractInForce =
      (vendor.contractStart === null || vendor.contractStart <= asOf) &&
      (vendor.contractEnd === null || vendor.contractEnd >= asOf);
    if (!contractInForce) continue;
    vendorsInForce++;
    const party = vendorParty(vendor);
    let covered = true;
    const roles = VENDOR_ROLES.filter((role) => vendor.roles.includes(role));
    for (const role of roles) {
      const kind = ROLE_AGREEMENT[role];
      usedKinds.add(kind);
      const all = heldBy(vendor.id, kind);
      const inForceNow = all.filter((agreement) => inForce(agreement, asOf));
      const expired = latestExpiry(all, asOf);
      if (inForceNow.length === 0) {
        covered = false;
        if (expired?.expiresOn != null) {
          const expiresOn = expired.expiresOn;
          const daysSinceExpiry = daysBetween(expiresOn, asOf);
          gaps.push({
            id: gapId('vendor-agreement-expired', party, kind),
            kind: 'vendor-agreement-expired',
            party,
            itemId: AGREEMENT_KIND_INFO[kind].itemId,
            explanation: both(
              party,
              (who) =>
                `${who}之${label(kind)['zh-TW']}已於 ${expiresOn} 到期（${daysSinceExpiry} 日前），契約仍有效而未續簽。`,
              (who) =>
                `${who}'s ${label(kind).en} expired on ${expiresOn} (${daysSinceExpiry} day(s) ago) while the contract is still in force.`,
            ),
            facts: {
              agreementKind: kind,
              role,
              agreementId: expired.id,
              expiresOn,
              daysSinceExpiry,
              handlesCustomerData: vendor.handlesCustomerData,
            },
          });
        } else {
          gaps.push({
            id: gapId('vendor-unsigned', party, kind),
            kind: 'vendor-unsigned',
            party,
            itemId: AGREEMENT_KIND_INFO[kind].itemId,
            explanation: both(
              party,
              (who) =>
                `${who}（${role === 'disposal' ? '受託銷毀' : '委外業務'}${vendor.handlesCustomerData ? '，可接觸客戶資料' : ''}）無已簽訂之${label(kind)['zh-TW']}。`,
              (who) =>
                `${who} (${role === 'disposal' ? 'destroys equipment or media' : 'outsourced service'}${vendor.handlesCustomerData ? ', with access to customer data' : ''}) has no signed ${label(kind).en}.`,
            ),
            facts: {
              agreementKind: kind,
              role,
              handlesCustomerData: vendor.handlesCustomerData,
              contractStart: vendor.contractStart,
              contractEnd: vendor.contractEnd,
            },
          });
        }
      } else if (!checkVersion(party, inForceNow)) {
        covered = false;
      }
      const first = earliest(all);
      if (
        first !== undefined &&
        vendor.contractStart !== null &&
        (startCheckFrom === null || vendor.contractStart >= startCheckFrom) &&
        first.signedOn > vendor.contractStart
      ) {
        gaps.push(signedAfterStartGap(party, first, vendor.contractStart));
      }
    }
    if (covered) coveredVendors++;
  }

  gaps.sort(compareGaps);
  const gapCounts = Object.fromEntries(GAP_KINDS.map((kind) => [kind, 0])) as Record<
    GapKind,
    number
  >;
  for (const gap of gaps) gapCounts[gap.kind]++;
  const percent = (covered: number, total: number) =>
    total === 0 ? null : Math.round((covered / total) * 1000) / 10;

  return {
    gaps,
    summary: {
      asOf,
      gapCounts,
      employees: {
        current: currentEmployees,
        covered: coveredEmployees,
        percent: percent(coveredEmployees, currentEmployees),
      },
      vendors: {
        inForce: vendorsInForce,
        covered: coveredVendors,
        percent: percent(coveredVendors, vendorsInForce),
      },
      leavers,
      requiredForEmployees: required,
      kindsWithoutVersion: AGREEMENT_KINDS.filter(
        (kind) => usedKinds.has(kind) && settings.versions[kind] === undefined,
      ),
      unlinkedAgreements,
    },
  };
}

function gapDate(gap: CoverageGap): string {
  switch (gap.kind) {
    case 'job-change-access-not-updated':
      return gap.facts.changedOn;
    case 'leaver-with-access':
      return gap.facts.leftOn ?? '';
    default:
      return '';
  }
}

/** Orders gaps: kind, party (number, then name), agreement kind, date, party id, gap id. */
export function compareGaps(a: CoverageGap, b: CoverageGap): number {
  const kindOrder = (kind: AgreementKind | null) =>
    kind === null ? -1 : AGREEMENT_KINDS.indexOf(kind);
  return (
    GAP_KINDS.indexOf(a.kind) - GAP_KINDS.indexOf(b.kind) ||
    compareText(a.party.kind, b.party.kind) ||
    compareText(normaliseKeyPart(a.party.number), normaliseKeyPart(b.party.number)) ||
    compareText(a.party.name, b.party.name) ||
    kindOrder(gapAgreementKind(a)) - kindOrder(gapAgreementKind(b)) ||
    compareText(gapDate(a), gapDate(b)) ||
    compareText(a.party.id, b.party.id) ||
    compareText(a.id, b.id)
  );
}
