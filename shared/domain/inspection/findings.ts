/**
 * Findings (缺失): what the report must state for each deficiency. 附件二 捌 lists the report's
 * contents: 缺失項目、缺失嚴重程度、缺失類別、風險說明、具體改善建議, and has the audit unit follow up
 * remediation (追蹤覆查) — hence owner, due date, management response, status and closing
 * evidence.
 */
import { z } from 'zod';
import { isoDateSchema, type IsoDate } from '../dates';
import { daysBetween } from './calendar';
import { evidenceIdsSchema } from './results';
import type { Bilingual } from './text';

export const FINDING_CATEGORIES = [
  'management',
  'personal-data',
  'e-commerce',
  'technical',
] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

/**
 * The first three are the groups the FSC uses for fined deficiencies (保險業資安監理重點說明 五:
 * 資安管理面、個資管理面、電子商務系統管理); 技術面 is the technical side that 附件二 壹 sets beside
 * 管理面 (network, servers, websites, configuration).
 */
export const CATEGORY_LABELS: Readonly<Record<FindingCategory, Bilingual>> = {
  management: { 'zh-TW': '資安管理面', en: 'Security management' },
  'personal-data': { 'zh-TW': '個資管理面', en: 'Personal data management' },
  'e-commerce': { 'zh-TW': '電子商務系統管理', en: 'E-commerce systems' },
  technical: { 'zh-TW': '技術面', en: 'Technical controls' },
};

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_LABELS: Readonly<Record<Severity, Bilingual>> = {
  high: { 'zh-TW': '高', en: 'High' },
  medium: { 'zh-TW': '中', en: 'Medium' },
  low: { 'zh-TW': '低', en: 'Low' },
};

export interface SeverityCriterion {
  label: Bilingual;
  /** One line for tooltips and the report's legend. */
  summary: Bilingual;
  /** Any one of these is enough for the level (after the general rules below). */
  criteria: readonly Bilingual[];
  examples: readonly Bilingual[];
}

/**
 * Written criteria for 缺失嚴重程度, so two auditors grade the same deficiency alike. They weigh
 * impact on customers and personal data, regulatory exposure (the FSC's fined patterns and the
 * association's 第十二條 fines) and likelihood. Examples are taken from the FSC's list of fined
 * deficiencies so the grading matches what the regulator has acted on.
 */
export const SEVERITY_CRITERIA: Readonly<Record<Severity, SeverityCriterion>> = {
  high: {
    label: SEVERITY_LABELS.high,
    summary: {
      'zh-TW': '客戶權益、個人資料或對客戶服務可能受實質損害，或屬主管機關曾裁罰之態樣，須優先改善',
      en: 'Customers, personal data or customer-facing services could suffer real harm, or the deficiency matches a pattern the regulator has fined; remediate first',
    },
    criteria: [
      {
        'zh-TW': '個人資料可能外洩、遭竄改或滅失，或已發生未經授權之存取',
        en: 'Personal data could be leaked, altered or lost, or has already been accessed without authorisation',
      },
      {
        'zh-TW':
          '屬主管機關曾裁罰之缺失態樣，或違反自律規範且無有效之補償性控制（自律規範第十二條得處新臺幣5萬元以上20萬元以下罰款）',
        en: 'Matches a deficiency pattern the FSC has fined, or breaches the self-regulatory rules with no effective compensating control (the association may fine NT$50,000–200,000 under Article 12)',
      },
      {
        'zh-TW': '直接提供客戶之服務（第一類系統，如網路投保、行動投保App）之安全或持續運作受威脅',
        en: 'The security or availability of a customer-facing service (a class 1 system such as online policy purchase or a policy app) is at risk',
      },
      {
        'zh-TW':
          '弱點可被利用且發生可能性高：可自外部存取、已知弱點逾修補期限，或控制措施完全未建立',
        en: 'The weakness is exploitable and likely to be: reachable from outside, a known vulnerability past its patch deadline, or the control does not exist at all',
      },
    ],
    examples: [
      {
        'zh-TW': '個資檔案及資料庫複製至開發測試主機，未去識別化',
        en: 'Personal data files and databases copied to development or test hosts without de-identification',
      },
      {
        'zh-TW': '網路投保之個資複製至個人電腦，無稽核軌跡及管控措施',
        en: 'Online-purchase personal data copied to personal computers with no audit trail or control',
      },
      {
        'zh-TW': '弱點掃描作業未依時限完成弱點修補（對外系統）',
        en: 'Vulnerabilities from scans not patched within the deadline (internet-facing systems)',
      },
      {
        'zh-TW': '第一類系統逾一年未辦理資訊安全評估，或重大資安事件後三個月內未重新評估',
        en: 'A class 1 system not assessed for over a year, or not re-assessed within three months of a major incident',
      },
    ],
  },
  medium: {
    label: SEVERITY_LABELS.medium,
    summary: {
      'zh-TW':
        '控制措施已建立但未落實或有明顯缺口，影響限於內部或有補償性控制，未改善可能升高為高風險',
      en: 'A control exists but is not operating consistently or has a clear gap; the impact is internal or mitigated, but it could become high if left alone',
    },
    criteria: [
      {
        'zh-TW':
          '控制措施已訂定但未確實執行、執行不完整或逾期（例如：追蹤紀錄不全、部分系統未涵蓋）',
        en: 'The control is defined but not carried out fully or on time (e.g. incomplete follow-up records, some systems not covered)',
      },
      {
        'zh-TW':
          '影響核心或內部系統之安全或可用性，但不直接影響客戶或個人資料，或已有部分有效之補償性控制',
        en: 'Affects the security or availability of core or internal systems without direct impact on customers or personal data, or partly effective compensating controls exist',
      },
      {
        'zh-TW': '發生須具備內部存取權限或多項條件同時成立，可能性中等',
        en: 'Exploitation needs insider access or several conditions at once; moderate likelihood',
      },
      {
        'zh-TW': '違反公司內部規範或自律規範之程序要求，尚未構成主管機關曾裁罰之態樣',
        en: 'Breaches a procedural requirement of internal or self-regulatory rules without matching a pattern the regulator has fined',
      },
    ],
    examples: [
      {
        'zh-TW': '弱點掃描結果已修補，但未建立後續風險評估及處理情形之追蹤紀錄（內部系統）',
        en: 'Scan findings were fixed but no risk assessment or follow-up record was kept (internal systems)',
      },
      {
        'zh-TW': '員工職務異動後，存取權限延遲數週始取消',
        en: 'Access rights removed several weeks after a staff member changed roles',
      },
      {
        'zh-TW': '社交工程演練已辦理，但點擊率偏高且未檢討改善',
        en: 'The social-engineering drill was held but a high click rate was not followed up',
      },
    ],
  },
  low: {
    label: SEVERITY_LABELS.low,
    summary: {
      'zh-TW': '文件、紀錄或形式上之缺漏，控制措施實質運作有效，對客戶及個人資料無合理可預見之影響',
      en: 'A gap in documents, records or form; the control works in substance and there is no foreseeable impact on customers or personal data',
    },
    criteria: [
      {
        'zh-TW': '控制措施實質有效，僅文件未更新、簽核或紀錄欠完備',
        en: 'The control is effective in substance; only documents are out of date or sign-offs and records are incomplete',
      },
      {
        'zh-TW': '單獨存在時不致影響客戶權益、個人資料或系統持續運作',
        en: 'On its own it would not affect customers, personal data or continuity of service',
      },
      {
        'zh-TW': '無主管機關裁罰或自律規範罰款之風險，屬改善建議性質',
        en: 'No exposure to regulatory or association fines; an improvement opportunity',
      },
    ],
    examples: [
      {
        'zh-TW': '資訊安全作業程序未配合組織調整更新單位名稱',
        en: 'Security procedures still name departments that were reorganised',
      },
      {
        'zh-TW': '教育訓練已辦理，但簽到紀錄缺少部分場次',
        en: 'Training was held but attendance sheets for some sessions are missing',
      },
    ],
  },
};

/** Rules that apply across the levels; shown with the criteria. */
export const SEVERITY_GENERAL_RULES: readonly Bilingual[] = [
  {
    'zh-TW': '符合兩個等級之標準時，取較高者，並於風險說明記載理由',
    en: 'When criteria of two levels apply, take the higher and give the reason in the risk description',
  },
  {
    'zh-TW': '前次查核已提出而未改善之缺失，嚴重程度提高一級（最高為高）',
    en: 'A deficiency raised before and still not remediated moves up one level (at most high)',
  },
  {
    'zh-TW': '補償性控制須經查核驗證有效，始得據以調降嚴重程度',
    en: 'A compensating control lowers the level only once the audit has verified that it works',
  },
];

export const FINDING_STATUSES = ['open', 'in-progress', 'closed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<FindingStatus, Bilingual>> = {
  open: { 'zh-TW': '待改善', en: 'Open' },
  'in-progress': { 'zh-TW': '改善中', en: 'In progress' },
  closed: { 'zh-TW': '已結案', en: 'Closed' },
};

export const FINDING_MESSAGES = {
  closedOnRequired: {
    'zh-TW': '結案須填寫結案日期',
    en: 'A closed finding needs the date it was closed',
  },
  closingEvidenceRequired: {
    'zh-TW': '結案須附至少一項改善佐證資料',
    en: 'A closed finding needs at least one piece of evidence that it was remediated',
  },
  closedOnOnlyWhenClosed: {
    'zh-TW': '尚未結案之缺失不應有結案日期',
    en: 'Only a closed finding has a closing date',
  },
  closedBeforeRaised: {
    'zh-TW': '結案日期不得早於提出日期',
    en: 'A finding cannot be closed before it was raised',
  },
  dueBeforeRaised: {
    'zh-TW': '改善期限不得早於提出日期',
    en: 'The due date cannot be before the finding was raised',
  },
} as const satisfies Record<string, Bilingual>;
export type FindingMessageKey = keyof typeof FINDING_MESSAGES;

const text = (max: number) => z.string().trim().max(max);

export const findingSchema = z
  .object({
    /** The checklist item it was raised on, or null for a finding outside the checklist. */
    itemId: z.string().trim().min(1).max(100).nullable(),
    title: z.string().trim().min(1).max(200),
    /** 缺失說明: the condition found, against the criterion it fails. */
    deficiency: z.string().trim().min(1).max(20_000),
    category: z.enum(FINDING_CATEGORIES),
    severity: z.enum(SEVERITIES),
    /** 風險說明: what could happen and to whom. */
    risk: text(20_000),
    /** 具體改善建議. */
    recommendation: text(20_000),
    /** The unit or person responsible for remediation. */
    owner: text(200),
    /** The day it was raised; the age counts from here. */
    raisedOn: isoDateSchema,
    dueDate: isoDateSchema.nullable(),
    /** 受查單位回覆. */
    managementResponse: text(20_000),
    status: z.enum(FINDING_STATUSES),
    closedOn: isoDateSchema.nullable(),
    closingEvidenceIds: evidenceIdsSchema,
  })
  .superRefine((finding, ctx) => {
    const fail = (path: string, messageKey: FindingMessageKey) => {
      // The English text reads well in logs; the key lets the UI show FINDING_MESSAGES.
      ctx.addIssue({
        code: 'custom',
        path: [path],
        message: FINDING_MESSAGES[messageKey].en,
        params: { messageKey },
      });
    };
    if (finding.status === 'closed') {
      if (finding.closedOn === null) fail('closedOn', 'closedOnRequired');
      if (finding.closingEvidenceIds.length === 0) {
        fail('closingEvidenceIds', 'closingEvidenceRequired');
      }
    } else if (finding.closedOn !== null) {
      // A reopened finding must drop its closing date, or reports would show it as closed.
      fail('closedOn', 'closedOnOnlyWhenClosed');
    }
    if (finding.closedOn !== null && finding.closedOn < finding.raisedOn) {
      fail('closedOn', 'closedBeforeRaised');
    }
    if (finding.dueDate !== null && finding.dueDate < finding.raisedOn) {
      fail('dueDate', 'dueBeforeRaised');
    }
  });
export type Finding = z.infer<typeof findingSchema>;

/**
 * Days the finding has been (or was) outstanding: from `raisedOn` to `closedOn` for a closed
 * finding, otherwise to `today`. Never negative: a finding raised after `today` is 0 days old.
 */
export function findingAgeDays(
  finding: Pick<Finding, 'raisedOn' | 'status' | 'closedOn'>,
  today: IsoDate,
): number {
  const end = finding.status === 'closed' && finding.closedOn !== null ? finding.closedOn : today;
  return Math.max(0, daysBetween(finding.raisedOn, end));
}

/** Still open or in progress after its due date (the due date itself is not yet overdue). */
export function isFindingOverdue(
  finding: Pick<Finding, 'status' | 'dueDate'>,
  today: IsoDate,
): boolean {
  return finding.status !== 'closed' && finding.dueDate !== null && today > finding.dueDate;
}

/** Days past the due date (positive when overdue), or null without a due date or once closed. */
export function daysOverdue(
  finding: Pick<Finding, 'status' | 'dueDate'>,
  today: IsoDate,
): number | null {
  if (finding.status === 'closed' || finding.dueDate === null) return null;
  return daysBetween(finding.dueDate, today);
}
