/**
 * From coverage gaps to a finding the auditor can raise in one step: the checklist item, a
 * title, the condition found (缺失說明) listing the people or vendors concerned, a suggested
 * severity with its reason (written into 風險說明, as SEVERITY_GENERAL_RULES asks), and a
 * recommendation. Several gaps of the same kind on the same item make one finding ("5
 * employees have not signed …"), not one each.
 *
 * Everything generated is passed through `maskPersonalData`: a national ID, phone number or
 * e-mail address that reached a name or unit field is masked, and people without an employee
 * number are named by their masked ID only.
 */
import { SR_04_ITEMS } from '../../catalog/items/sr-04';
import type { DisplayLanguage, IsoDate } from '../../domain/dates';
import {
  SEVERITIES,
  type FindingCategory,
  type Severity,
  type findingSchema,
} from '../../domain/inspection/findings';
import type { Bilingual } from '../../domain/inspection/text';
import { maskPersonalData } from '../../domain/personal-data';
import type { z } from 'zod';
import { AGREEMENT_KIND_INFO } from './agreements';
import { gapAgreementKind, partyLabel, type CoverageGap, type GapKind } from './coverage';
import { bi } from './support';

/** What `findingSchema` parses: a new, open finding. */
export type FindingFields = z.input<typeof findingSchema>;

export interface FindingDraft {
  finding: FindingFields;
  /** Why this severity was suggested (also the last paragraph of `finding.risk`). */
  severityReason: string;
  /** The gaps the finding covers, to mark them as raised. */
  gapIds: string[];
}

export interface SeveritySuggestion {
  severity: Severity;
  reason: Bilingual;
}

/** Lines listed in one finding; the rest are counted, so the text stays within its bounds. */
export const MAX_LISTED_GAPS = 100;

const MAX_TITLE = 200;

/**
 * The suggested severity of one gap against SEVERITY_CRITERIA: access a leaver still holds,
 * and data-handling or destruction vendors without a confidentiality agreement, can expose
 * personal data (high); a control defined but not carried out (missing undertakings, late
 * access changes) is medium; form and timing defects with the control in place are low.
 */
export function suggestSeverity(gap: CoverageGap): SeveritySuggestion {
  switch (gap.kind) {
    case 'unsigned':
      return gap.facts.agreementKind === 'handbook-acknowledgement'
        ? {
            severity: 'low',
            reason: bi(
              '員工手冊簽收紀錄欠缺屬紀錄不完備，保密義務仍得由切結書或僱傭契約約定（低：文件或紀錄欠完備）。',
              'A missing handbook acknowledgement is an incomplete record; the duty can still rest on the undertaking or the contract (low: records incomplete).',
            ),
          }
        : {
            severity: 'medium',
            reason: bi(
              '規範已要求簽署而未確實執行，員工之保密義務缺乏書面約定（中：控制措施已訂定但未確實執行）。',
              'The rule requires signing but it was not done, so the duty of confidentiality is not in writing (medium: a defined control not carried out fully).',
            ),
          };
    case 'outdated-version':
      return {
        severity: 'low',
        reason: bi(
          '已簽署保密文件，僅版本未更新（低：控制措施實質有效，僅文件未更新）。',
          'An agreement is signed, only on an older form (low: the control works; only the document is out of date).',
        ),
      };
    case 'signed-after-start':
      return gap.facts.daysLate > 30
        ? {
            severity: 'medium',
            reason: bi(
              `到職（服務開始）後逾 30 日（${gap.facts.daysLate} 日）始簽署，期間無書面保密約定（中：控制措施未依時執行）。`,
              `Signed more than 30 days (${gap.facts.daysLate}) after starting, with no written duty meanwhile (medium: the control was not carried out on time).`,
            ),
          }
        : {
            severity: 'low',
            reason: bi(
              `到職（服務開始）後 ${gap.facts.daysLate} 日始簽署，目前已簽署（低：時點瑕疵，控制措施實質有效）。`,
              `Signed ${gap.facts.daysLate} day(s) after starting and in place now (low: a timing defect; the control works).`,
            ),
          };
    case 'vendor-unsigned':
      return gap.facts.handlesCustomerData || gap.facts.role === 'disposal'
        ? {
            severity: 'high',
            reason: bi(
              '廠商可接觸客戶資料或受託銷毀儲存媒體而無保密約定，個人資料可能外洩（高：個人資料可能外洩）。',
              'The vendor can reach customer data or destroys storage media with no confidentiality agreement, so personal data could leak (high: personal data could be leaked).',
            ),
          }
        : {
            severity: 'medium',
            reason: bi(
              '委外契約未訂保密條款，惟廠商未接觸客戶資料（中：違反自律規範之程序要求，影響限於內部）。',
              'The outsourcing contract lacks the clause, but the vendor does not reach customer data (medium: a procedural breach with internal impact).',
            ),
          };
    case 'vendor-agreement-expired':
      return gap.facts.handlesCustomerData
        ? {
            severity: 'high',
            reason: bi(
              '可接觸客戶資料之廠商保密協定已到期未續簽，個人資料可能外洩（高：個人資料可能外洩）。',
              'The agreement of a vendor that reaches customer data expired and was not renewed, so personal data could leak (high: personal data could be leaked).',
            ),
          }
        : {
            severity: 'medium',
            reason: bi(
              '保密協定已到期未續簽（中：控制措施已訂定但逾期）。',
              'The agreement expired and was not renewed (medium: a defined control not kept up to date).',
            ),
          };
    case 'leaver-with-access':
      if (gap.facts.reason === 'holds-access') {
        return {
          severity: 'high',
          reason: bi(
            '離職人員仍持有系統存取權限，可能發生未經授權之存取（高：弱點可被利用且發生可能性高）。',
            'A leaver still holds system access, so unauthorised access is possible (high: exploitable and likely).',
          ),
        };
      }
      if (gap.facts.reason === 'revoked-late' || gap.facts.holdsSystemAccess === false) {
        return {
          severity: gap.facts.reason === 'revoked-late' ? 'medium' : 'low',
          reason:
            gap.facts.reason === 'revoked-late'
              ? bi(
                  '離職人員權限已取消但逾程序期限（中：控制措施未依時執行）。',
                  'The leaver’s access was revoked, but after the deadline (medium: the control was not carried out on time).',
                )
              : bi(
                  '離職人員已無系統權限，惟未留存停用日期（低：紀錄欠完備）。',
                  'The leaver holds no access, but the date it was revoked is not on record (low: records incomplete).',
                ),
        };
      }
      return {
        severity: 'medium',
        reason: bi(
          '無離職人員權限停用紀錄，無法確認權限已取消（中：控制措施執行不完整，須向資訊部門查證）。',
          'No record that the leaver’s access was revoked, so revocation cannot be confirmed (medium: the control is incomplete; confirm with IT).',
        ),
      };
    case 'job-change-access-not-updated':
      return gap.facts.holdsSystemAccess === false
        ? {
            severity: 'low',
            reason: bi(
              '人員目前已無系統權限，僅職務異動時之權限變更未依時記錄（低：紀錄欠完備）。',
              'The person holds no access now; only the access change at the job change was not recorded on time (low: records incomplete).',
            ),
          }
        : {
            severity: 'medium',
            reason: bi(
              '職務異動後原職務權限未於程序期限內變更（中：控制措施未依時執行）。',
              'Access was not changed within the deadline after a job change (medium: the control was not carried out on time).',
            ),
          };
  }
}

// ——— Texts per kind ———

interface KindTexts {
  /** Title for several gaps (count ≥ 2). */
  subject: (count: number, what: Bilingual) => Bilingual;
  /** Title for one gap. */
  one: (who: Bilingual, what: string, whatEn: string) => Bilingual;
  risk: Bilingual;
  recommendation: (what: Bilingual) => Bilingual;
}

const people = (n: number) => bi(`${n} 名人員`, n === 1 ? '1 person' : `${n} people`);
const vendors = (n: number) => bi(`${n} 家廠商`, n === 1 ? '1 vendor' : `${n} vendors`);

function textsFor(kind: GapKind): KindTexts {
  switch (kind) {
    case 'unsigned':
      return {
        subject: (n, what) =>
          bi(`${n} 名員工未簽署${what['zh-TW']}`, `${n} employees have not signed the ${what.en}`),
        one: (who, what, whatEn) =>
          bi(`員工${who['zh-TW']}未簽署${what}`, `Employee ${who.en} has not signed the ${whatEn}`),
        risk: bi(
          '員工之資訊安全保密義務未以書面約定，發生洩密時公司難以追究責任，亦不符自律規範第四條第一款。',
          'Without a written duty of confidentiality the company can hardly hold staff to account for a leak, and art. 4 item 1 of the self-regulation rules is not met.',
        ),
        recommendation: (what) =>
          bi(
            `請人資部門就名單所列員工補簽${what['zh-TW']}，並於新進人員報到程序中將簽署列為開通系統帳號之前提，定期將登記簿與在職名冊核對。`,
            `Have Human Resources obtain the ${what.en} from the staff listed, make signing a precondition of opening system accounts in the joiner process, and reconcile the register with the roster regularly.`,
          ),
      };
    case 'outdated-version':
      return {
        subject: (n, what) =>
          bi(
            `${n} 份${what['zh-TW']}為舊版本`,
            `${n} ${what.en} documents are on an outdated form`,
          ),
        one: (who, what, whatEn) =>
          bi(`${who['zh-TW']}之${what}為舊版本`, `${who.en}'s ${whatEn} is on an outdated form`),
        risk: bi(
          '舊版本之保密文件可能未涵蓋現行之保密範圍、個人資料保護或違約責任規定。',
          'An older form may not cover the current scope of confidentiality, personal-data protection or liability for breach.',
        ),
        recommendation: (what) =>
          bi(
            `請就名單所列對象改簽現行版本之${what['zh-TW']}，並於文件改版時訂定換簽期限及追蹤機制。`,
            `Have those listed sign the current ${what.en}, and set a deadline and tracking for re-signing whenever the form is revised.`,
          ),
      };
    case 'signed-after-start':
      return {
        subject: (n, what) =>
          bi(
            `${n} 份${what['zh-TW']}於到職或服務開始後始簽署`,
            `${n} ${what.en} documents were signed after the start date`,
          ),
        one: (who, what, whatEn) =>
          bi(
            `${who['zh-TW']}之${what}於到職或服務開始後始簽署`,
            `${who.en} signed the ${whatEn} after starting`,
          ),
        risk: bi(
          '到職或服務開始至簽署前，人員或廠商已可接觸公司資訊而無書面保密約定。',
          'Between the start and the signing, the person or vendor could reach company information with no written duty of confidentiality.',
        ),
        recommendation: (what) =>
          bi(
            `請將${what['zh-TW']}之簽署列為報到（或服務開始）及開通系統帳號之前提，並於報到檢核表中確認。`,
            `Make signing the ${what.en} a precondition of starting work and of opening system accounts, checked on the joiner checklist.`,
          ),
      };
    case 'vendor-unsigned':
      return {
        subject: (n, what) =>
          bi(`${n} 家廠商未簽訂${what['zh-TW']}`, `${n} vendors have no signed ${what.en}`),
        one: (who, what, whatEn) =>
          bi(`廠商${who['zh-TW']}未簽訂${what}`, `Vendor ${who.en} has no signed ${whatEn}`),
        risk: bi(
          '廠商可接觸之公司資訊或客戶資料無契約上之保密約束，發生外洩時難以究責或求償。',
          'Company information or customer data the vendor can reach is not bound by a contractual duty of confidentiality; a leak could not be pursued.',
        ),
        recommendation: (what) =>
          bi(
            `請委外管理單位與名單所列廠商補簽${what['zh-TW']}（含保密範圍、資料返還或銷毀、違約責任、稽核權及再委外限制），並於簽約程序中列為必要條款。`,
            `Have the outsourcing management unit obtain the ${what.en} from the vendors listed (scope, return or destruction of data, liability, right to audit, limits on sub-contracting) and make it a mandatory clause of every contract.`,
          ),
      };
    case 'vendor-agreement-expired':
      return {
        subject: (n, what) =>
          bi(`${n} 家廠商之${what['zh-TW']}已到期`, `The ${what.en} of ${n} vendors has expired`),
        one: (who, what, whatEn) =>
          bi(`廠商${who['zh-TW']}之${what}已到期`, `Vendor ${who.en}'s ${whatEn} has expired`),
        risk: bi(
          '保密約定到期後廠商仍提供服務，期間之資訊或客戶資料缺乏契約保障。',
          'The vendor still serves the company after the agreement expired, so information and customer data lack contractual protection meanwhile.',
        ),
        recommendation: (what) =>
          bi(
            `請儘速與名單所列廠商續簽${what['zh-TW']}，並建立契約到期追蹤表，於到期前提醒續約。`,
            `Renew the ${what.en} with the vendors listed without delay, and keep a contract-expiry tracking list with reminders before expiry.`,
          ),
      };
    case 'leaver-with-access':
      return {
        subject: (n) =>
          bi(
            `${n} 名離職人員之系統權限未及時取消`,
            `Access of ${n} leavers was not revoked in time`,
          ),
        one: (who) =>
          bi(
            `離職人員${who['zh-TW']}之系統權限未及時取消`,
            `Leaver ${who.en}'s access was not revoked in time`,
          ),
        risk: bi(
          '離職人員之帳號未及時停用，可能遭本人或他人冒用而存取公司系統或客戶資料。',
          'An account not disabled when its holder leaves can be used by them or others to reach company systems or customer data.',
        ),
        recommendation: () =>
          bi(
            '請資訊部門立即停用名單所列人員之帳號，並建立人資離職通知與帳號停用之連動程序（含網域、電子郵件、核心系統、VPN 及遠端存取），留存停用日期紀錄，定期比對帳號清單與在職名冊。',
            'Have IT disable the accounts of those listed now, link HR leaving notices to account deactivation (directory, e-mail, core systems, VPN, remote access) with the date recorded, and reconcile account lists with the roster regularly.',
          ),
      };
    case 'job-change-access-not-updated':
      return {
        subject: (n) =>
          bi(
            `${n} 筆職務異動之存取權限未及時變更`,
            `Access was not changed in time after ${n} job changes`,
          ),
        one: (who) =>
          bi(
            `${who['zh-TW']}職務異動後存取權限未及時變更`,
            `${who.en}'s access was not changed in time after a job change`,
          ),
        risk: bi(
          '調職人員保留原職務權限，可能存取非業務所需之資料，違反最小權限原則。',
          'People who change job keep their old rights and can reach data they no longer need, against least privilege.',
        ),
        recommendation: () =>
          bi(
            '請資訊部門依異動前後之職務檢視並調整名單所列人員之權限，將權限變更納入人事異動程序並留存變更日期，並於定期權限覆核中確認無殘留權限。',
            'Have IT review and adjust the rights of those listed against their old and new jobs, make access changes part of the staff-movement procedure with the date recorded, and confirm in the periodic access review that no residual rights remain.',
          ),
      };
  }
}

// ——— Grouping ———

export interface GapGroup {
  key: string;
  kind: GapKind;
  itemId: string;
  gaps: CoverageGap[];
}

function groupKey(gap: CoverageGap): string {
  return [gap.kind, gap.itemId, gapAgreementKind(gap) ?? ''].join('|');
}

/**
 * Gaps that one finding can cover together: the same gap kind on the same checklist item and
 * agreement kind, in the order the gaps came (computeCoverage's order).
 */
export function groupGaps(gaps: readonly CoverageGap[]): GapGroup[] {
  const groups = new Map<string, GapGroup>();
  for (const gap of gaps) {
    const key = groupKey(gap);
    const group = groups.get(key);
    if (group === undefined)
      groups.set(key, { key, kind: gap.kind, itemId: gap.itemId, gaps: [gap] });
    else group.gaps.push(gap);
  }
  return [...groups.values()];
}

// ——— Drafts ———

// Mask first, then clip: a cut must never leave part of an identifier where masking misses it.
const mask = (text: string) => maskPersonalData(text).text as string;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function categoryOf(itemId: string): FindingCategory {
  return SR_04_ITEMS.find((item) => item.id === itemId)?.category ?? 'management';
}

/**
 * One finding for several gaps of one group (see `groupGaps`): the most severe gap sets the
 * suggested severity. Throws a RangeError for no gaps or gaps of different groups.
 */
export function draftFindingFromGaps(
  gaps: readonly CoverageGap[],
  lang: DisplayLanguage,
  today: IsoDate,
): FindingDraft {
  const [first] = gaps;
  if (first === undefined) throw new RangeError('draftFindingFromGaps: no gaps');
  const key = groupKey(first);
  if (gaps.some((gap) => groupKey(gap) !== key)) {
    throw new RangeError(
      'draftFindingFromGaps: the gaps are of different kinds or items; group them with groupGaps',
    );
  }
  const texts = textsFor(first.kind);
  const agreementKind = gapAgreementKind(first);
  const what = agreementKind === null ? bi('', '') : AGREEMENT_KIND_INFO[agreementKind].label;
  const count = gaps.length;
  const isVendor = first.party.kind === 'vendor';

  const who = bi(partyLabel(first.party, 'zh-TW'), partyLabel(first.party, 'en'));
  const title =
    count === 1 ? texts.one(who, what['zh-TW'], what.en)[lang] : texts.subject(count, what)[lang];

  // Severity: the highest of the gaps, with its reason.
  const suggestions = gaps.map(suggestSeverity);
  const top =
    [...suggestions].sort(
      (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity),
    )[0] ?? suggestSeverity(first);

  const item = SR_04_ITEMS.find((candidate) => candidate.id === first.itemId);
  const criterion = item === undefined ? '' : item.requirement[lang];
  const listed = gaps
    .slice(0, MAX_LISTED_GAPS)
    .map((gap, i) => `${i + 1}. ${gap.explanation[lang]}`);
  const rest = count - listed.length;
  const parties = new Set(gaps.map((gap) => gap.party.id)).size;
  const group = isVendor ? vendors(parties) : people(parties);
  const intro =
    lang === 'zh-TW'
      ? `依據（${first.itemId}）：${criterion}\n經核對保密切結書登記簿，計有 ${count} 筆不符，涉及 ${group['zh-TW']}：`
      : `Criterion (${first.itemId}): ${criterion}\nReconciling the confidentiality-agreement register found ${count} exception(s) concerning ${group.en}:`;
  const more =
    rest > 0
      ? [
          lang === 'zh-TW'
            ? `…及其他 ${rest} 筆（詳見登記簿）。`
            : `… and ${rest} more (see the register).`,
        ]
      : [];
  const deficiency = [intro, ...listed, ...more].join('\n');
  const severityReason = top.reason[lang];
  const risk = `${texts.risk[lang]}\n${lang === 'zh-TW' ? '嚴重程度建議理由：' : 'Suggested severity: '}${severityReason}`;

  return {
    finding: {
      itemId: first.itemId,
      title: clip(mask(title), MAX_TITLE),
      deficiency: clip(mask(deficiency), 20_000),
      category: categoryOf(first.itemId),
      severity: top.severity,
      risk: clip(mask(risk), 20_000),
      recommendation: mask(texts.recommendation(what)[lang]),
      owner: '',
      raisedOn: today,
      dueDate: null,
      managementResponse: '',
      status: 'open',
      closedOn: null,
      closingEvidenceIds: [],
    },
    severityReason: mask(severityReason),
    gapIds: gaps.map((gap) => gap.id),
  };
}

/** One finding for one gap. */
export function draftFindingFromGap(
  gap: CoverageGap,
  lang: DisplayLanguage,
  today: IsoDate,
): FindingDraft {
  return draftFindingFromGaps([gap], lang, today);
}
