/**
 * The built-in sample engagement (示範案件) offered to new users: a fictional property insurer,
 * its yearly self-inspection instantiated from the library, twenty worked checklist items, five
 * findings with every 附件二 捌 field, four systems (one overdue for assessment), the registers
 * (ten people, two vendors, their confidentiality agreements, five disposal records and a BYOD
 * policy review, each with something for the auditor to find) and a short chained activity
 * trail. Everything is fictional; one note holds a (checksum-valid, made-up) national ID and a
 * phone number so that masking shows in the workpaper, and one contractor is known only by a
 * made-up resident ID, shown masked.
 *
 * The register records are dated in the weeks before `now`, after the inspected year: they
 * show what the registers find today (a new hire without the undertaking, a leaver who still
 * holds access, a new vendor without the clause, an SSD that was degaussed, a wipe nobody
 * verified), which the year's sample-based results could not have seen.
 *
 * Deterministic for a given `now`: ids come from a counter (UUID-shaped, version 7 nibble),
 * dates are counted back from `now`'s day in Taipei, and the inspection covers the calendar
 * year before it.
 */
import { CHECKLIST_LIBRARY, instantiateChecklist, type ScopingAnswers } from '../catalog';
import { chainEntry, type ActivityDraft, type ActivityEntry } from '../domain/activity';
import { asIsoDate, localDateOf, toIsoInstant, toRocYear, type IsoDate } from '../domain/dates';
import type { Engagement } from '../domain/engagement';
import type { Evidence } from '../domain/evidence';
import { addDays, addMonths, type InspectedSystem, type Result } from '../domain/inspection';
import type { Inspection, StoredFinding, StoredItemResult } from '../domain/inspections';
import type { RecordId, RecordMeta, Stored } from '../domain/records';
import {
  agreementRowKey,
  agreementSchema,
  type Agreement,
  type AgreementInput,
} from '../registers/agreements/agreements';
import { computeCoverage } from '../registers/agreements/coverage';
import {
  currentVersionsSchema,
  type CurrentVersions,
} from '../registers/agreements/current-versions';
import {
  personRowKey,
  personSchema,
  type Person,
  type PersonInput,
} from '../registers/agreements/people';
import {
  vendorRowKey,
  vendorSchema,
  type Vendor,
  type VendorInput,
} from '../registers/agreements/vendors';
import {
  disposalRecordSchema,
  newDisposalRecord,
  type DisposalRecord,
  type DisposalRecordInput,
} from '../registers/disposal/disposal';
import { disposalRowKey } from '../registers/disposal/import';
import { emptyReview, policyReviewSchema, type PolicyReview } from '../registers/policies/review';
import type { InspectionWorkbookInput } from '../workpapers';
import type { RegistersInput } from '../workpapers/register-sheets';

/** The sample's registers, with the current form versions and the gaps already raised. */
export interface DemoRegisters extends RegistersInput {
  people: Stored<Person>[];
  vendors: Stored<Vendor>[];
  agreements: Stored<Agreement>[];
  currentVersions: CurrentVersions;
  disposals: Stored<DisposalRecord>[];
  policyReviews: Stored<PolicyReview>[];
  /** Gap id → finding id: the vault's `agreements.raised-gaps` setting. */
  raisedGaps: Record<string, string>;
}

/** What the sample provides; the caller adds `appVersion` and `generatedAt`. */
export type DemoEngagement = Omit<InspectionWorkbookInput, 'appVersion' | 'generatedAt'> & {
  registers: DemoRegisters;
};

export const DEMO_ENTITY = '示範產物保險股份有限公司';
export const DEMO_ACTOR = '張雅婷';

/** The scope of the sample company: online sales, an app, cloud e-mail, outsourced upkeep. */
export const DEMO_SCOPING: ScopingAnswers = {
  hasMobileApp: true,
  hasAgentApp: false,
  usesCloud: true,
  ownSocialMedia: true,
  outsourcing: true,
  thirdPartyDisposal: true,
  byodAllowed: false,
  onlineSales: true,
  remoteWork: true,
  usesIot: false,
};

/** Stable UUID-shaped ids: `0de30000-0000-7000-8000-<counter>`. */
export function demoId(n: number): RecordId {
  return `0de30000-0000-7000-8000-${n.toString(16).padStart(12, '0')}` as RecordId;
}

interface WorkedItem {
  itemId: string;
  result: Result;
  reason?: string;
  workPerformed: string;
  sampleDescription?: string;
  notes?: string;
  evidence?: number[];
}

/** The twenty worked items: 12 符合, 3 部分符合, 2 不符合, 3 不適用. */
const WORKED: readonly WorkedItem[] = [
  {
    itemId: 'SR-04-01.1',
    result: 'compliant',
    workPerformed:
      '取得人力資源部員工名冊（在職 412 人）及保密切結書簽署清冊，隨機抽查 25 名員工之人事檔案，均已簽署資訊安全保密切結書，僱傭契約第 12 條亦載明保密義務。',
    sampleDescription: '母體：在職員工 412 人；隨機抽樣 25 人（亂數種子 20250107）。',
    evidence: [0],
  },
  {
    itemId: 'SR-04-02.1',
    result: 'compliant',
    workPerformed:
      '檢視資訊委外廠商合約 6 份（含核心系統維運、機房代管及雲端郵件），均訂有資訊安全保密條款及違約罰則。',
    sampleDescription: '資訊類委外合約全數檢視（6 份）。',
  },
  {
    itemId: 'SR-04-03.1',
    result: 'partial',
    workPerformed:
      '檢視年度資訊安全教育訓練計畫及辦理紀錄，全年辦理 8 場次，惟其中 2 場次（中區、南區分公司）未留存簽到紀錄，無法確認出席人員。',
  },
  {
    itemId: 'SR-04-05.1',
    result: 'partial',
    workPerformed:
      '取得年度離職人員名單 37 人，與 AD 及核心系統帳號停用紀錄比對，3 名離職人員帳號於離職日後 9 至 21 日始停用。',
    sampleDescription: '母體：離職人員 37 人，全數比對。',
    notes:
      '延遲停用案例之一，離職人員身分證字號 A123456789，人資窗口陳先生 0912-345-678 說明係離職單送達資訊部延誤。',
  },
  {
    itemId: 'SR-04-06.1',
    result: 'compliant',
    workPerformed:
      '檢視設備報廢作業程序及報廢紀錄，抽查 10 筆筆記型電腦與伺服器硬碟報廢單，均附資料抹除或實體破壞紀錄及主管簽核。',
    sampleDescription: '母體：報廢設備 58 筆；抽樣 10 筆。',
  },
  {
    itemId: 'SR-04-06.3',
    result: 'compliant',
    workPerformed: '委託之銷毀廠商已簽訂保密合約，並於每次銷毀後出具銷毀證明。',
  },
  {
    itemId: 'SR-06.1',
    result: 'compliant',
    workPerformed:
      '檢視「社群媒體使用管理辦法」，內容涵蓋管理與監督機制、資訊揭露及申訴處理，並經總經理核定。',
  },
  {
    itemId: 'SR-07.1',
    result: 'compliant',
    workPerformed:
      '檢視「雲端服務使用管理規範」，已包含安全管理、提供者遴選及持續營運管理三項要求。',
  },
  {
    itemId: 'SR-10-P2.1',
    result: 'compliant',
    workPerformed:
      '詢問資安專責單位並檢視事件通報紀錄，年度內發生 2 件資安事件（均為釣魚郵件），皆於規定時限內通報公會及主管機關。',
  },
  {
    itemId: 'SR-11.2',
    result: 'compliant',
    workPerformed: '檢視稽核室年度稽核計畫，已排定資訊安全自行查核，並經董事會通過。',
  },
  {
    itemId: 'A2-II-2.1',
    result: 'compliant',
    workPerformed: '評估計畫經董事會核定，最近一次重新審視日期距今未逾三年。',
  },
  {
    itemId: 'A2-III-1-1.1',
    result: 'non-compliant',
    workPerformed:
      '比對系統清冊與資安評估報告，第一類系統「行動投保 App 後台」最近一次資訊安全評估距今已逾一年，尚未辦理本年度評估。',
  },
  {
    itemId: 'A2-III-1-2.1',
    result: 'compliant',
    workPerformed: '核心保險系統（第二類）最近一次評估於三年週期內完成，報告經資訊長簽核。',
  },
  {
    itemId: 'A2-III-2.1',
    result: 'not-applicable',
    reason:
      '查核期間內未發生影響消費者權益之重大資訊安全事件（經資安專責單位確認並檢視事件紀錄）。',
    workPerformed: '檢視資安事件紀錄簿及對主管機關之通報紀錄。',
  },
  {
    itemId: 'A2-VI.1',
    result: 'compliant',
    workPerformed: '年度社交工程演練已於 9 月辦理，寄送對象涵蓋全體使用電腦系統人員 398 人。',
    evidence: [1],
  },
  {
    itemId: 'A2-VI.2',
    result: 'partial',
    workPerformed:
      '演練結果開啟率 14.3%、點擊率 6.8%，高於公司目標值 3%，惟未見針對點擊人員之加強教育或檢討紀錄。',
  },
  {
    itemId: 'FSC-1-3-01.1',
    result: 'not-applicable',
    reason:
      '本公司資本額及業務規模未達主管機關要求設置資安長之一定規模標準，已由資安專責主管統籌。',
    workPerformed: '檢視主管機關函令所定規模標準及公司最近年度財務報告。',
  },
  {
    itemId: 'FSC-4-PF-02.1',
    result: 'not-applicable',
    reason: '本公司未與異業合作辦理網路投保業務，網路投保僅經由公司官網及 App 辦理。',
    workPerformed: '詢問電子商務部並檢視網路投保合作契約清單（無）。',
  },
  {
    itemId: 'FSC-5-MG-03.1',
    result: 'non-compliant',
    workPerformed:
      '檢視第 3 季對外網站弱點掃描報告，高風險弱點 5 項中有 2 項逾內規 30 日修補期限仍未修補（網路投保網站 Web 伺服器元件版本過舊）。',
    sampleDescription: '全年 4 季弱點掃描報告全數檢視。',
    evidence: [2],
  },
  {
    itemId: 'FSC-5-EC-02.1',
    result: 'compliant',
    workPerformed:
      '以測試帳號登入網路投保系統及 App，檢視保單查詢、理賠進度頁面，身分證字號、電話及地址均已隱碼顯示。',
  },
];

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** What the sample engagement covers: the calendar year before `now`. */
export function demoPeriod(now: Date): { periodStart: IsoDate; periodEnd: IsoDate } {
  const year = yearOf(localDateOf(toIsoInstant(now))) - 1;
  return { periodStart: asIsoDate(`${year}-01-01`), periodEnd: asIsoDate(`${year}-12-31`) };
}

export const DEMO_SCOPE =
  '依「產險公會資訊安全防護自律規範」及其附件一、附件二，暨主管機關資安監理重點，查核資訊安全管理、個人資料保護、電子商務（網路投保）及電腦系統資訊安全評估作業之遵循情形。';

/** The sample engagement as of `now`. */
export async function demoEngagement(now: Date): Promise<DemoEngagement> {
  let counter = 0;
  const nextId = () => demoId(++counter);
  const today = localDateOf(toIsoInstant(now));
  const { periodStart, periodEnd } = demoPeriod(now);
  const year = yearOf(periodStart);
  const daysAgo = (days: number) => addDays(today, -days);
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
  const meta = (minutesAgo: number, rev = 1): RecordMeta => ({
    id: nextId(),
    rev,
    updatedAt: at(minutesAgo),
    updatedBy: DEMO_ACTOR,
    deleted: false,
  });

  const engagement: Engagement = {
    entity: DEMO_ENTITY,
    periodStart,
    periodEnd,
    scope: DEMO_SCOPE,
    team: [
      { name: DEMO_ACTOR, role: 'lead' },
      { name: '林志明', role: 'auditor' },
      { name: '陳怡君', role: 'auditor' },
      { name: '黃建國', role: 'reviewer' },
    ],
  };

  const checklist = instantiateChecklist(CHECKLIST_LIBRARY, DEMO_SCOPING);
  const inspection: Stored<Inspection> = {
    ...meta(600, 2),
    title: `${toRocYear(year)} 年度資訊安全自行查核（示範）`,
    periodStart,
    periodEnd,
    libraryVersion: checklist.libraryVersion,
    scoping: checklist.scoping,
    status: 'in-progress',
  };
  const parent = inspection.id;

  const evidence: Stored<Evidence>[] = [
    [
      '保密切結書簽署清冊.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    ['社交工程演練結果報告.pdf', 'application/pdf'],
    ['第3季弱點掃描報告.pdf', 'application/pdf'],
    ['補正簽到紀錄.pdf', 'application/pdf'],
  ].map(([name = '', mimeType = ''], i) => ({
    ...meta(500 - i),
    ownerId: parent,
    name,
    mimeType,
    size: 48_000 + i * 12_345,
    sha256: (i + 1).toString(16).repeat(64),
    description: '',
  }));
  const evidenceId = (i: number): RecordId => {
    const found = evidence[i];
    if (found === undefined) throw new Error(`no demo evidence ${i}`);
    return found.id;
  };

  const itemResults: Stored<StoredItemResult>[] = WORKED.map((worked, i) => {
    if (!checklist.itemIds.includes(worked.itemId)) {
      throw new Error(`demo item ${worked.itemId} is not in the demo checklist`);
    }
    return {
      ...meta(400 - i * 10),
      inspectionId: parent,
      itemId: worked.itemId,
      result: worked.result,
      reason: worked.reason ?? '',
      workPerformed: worked.workPerformed,
      sampleDescription: worked.sampleDescription ?? '',
      notes: worked.notes ?? '',
      evidenceIds: (worked.evidence ?? []).map(evidenceId),
    };
  });

  const finding = (
    minutesAgo: number,
    fields: Omit<StoredFinding, 'inspectionId' | 'closedOn' | 'closingEvidenceIds'> &
      Partial<Pick<StoredFinding, 'closedOn' | 'closingEvidenceIds'>>,
  ): Stored<StoredFinding> => ({
    ...meta(minutesAgo),
    inspectionId: parent,
    closedOn: null,
    closingEvidenceIds: [],
    ...fields,
  });
  const findings: Stored<StoredFinding>[] = [
    finding(200, {
      itemId: 'FSC-5-MG-03.1',
      title: '對外網站高風險弱點逾期未修補',
      deficiency:
        '第 3 季弱點掃描發現之高風險弱點 5 項中，網路投保網站 Web 伺服器元件 2 項逾內規 30 日修補期限仍未修補，亦未簽核風險接受。',
      severity: 'high',
      category: 'technical',
      risk: '網路投保網站可由外部直接存取，已公開之弱點可能遭利用，致客戶個人資料外洩或服務中斷；屬主管機關曾裁罰之態樣。',
      recommendation:
        '立即完成元件更新並複掃確認；建立弱點修補逾期之自動提醒及升級呈報機制，無法如期修補者應辦理風險評估並經權責主管核准。',
      owner: '資訊部 系統管理科',
      raisedOn: daysAgo(45),
      dueDate: daysAgo(15),
      managementResponse: '已排定維護時段更新元件，因相依套件測試延後，預計下月完成。',
      status: 'in-progress',
    }),
    finding(190, {
      itemId: 'A2-III-1-1.1',
      title: '第一類系統逾一年未辦理資訊安全評估',
      deficiency:
        '第一類系統「行動投保 App 後台」最近一次資訊安全評估距今已逾一年，未依附件二參、一每年至少辦理一次。',
      severity: 'high',
      category: 'e-commerce',
      risk: '直接提供客戶服務之系統未定期評估，新出現之弱點或組態錯誤可能未被發現，影響客戶權益。',
      recommendation: '儘速委請外部專業機構辦理評估，並將各系統評估期限納入年度資安工作計畫列管。',
      owner: '資訊部 應用系統科',
      raisedOn: daysAgo(30),
      dueDate: addDays(today, 60),
      managementResponse: '',
      status: 'open',
    }),
    finding(180, {
      itemId: 'SR-04-05.1',
      title: '離職人員系統帳號延遲停用',
      deficiency: '年度離職人員 37 人中，3 人之 AD 及核心系統帳號於離職日後 9 至 21 日始停用。',
      severity: 'medium',
      category: 'management',
      risk: '離職人員於帳號停用前仍可能存取系統及客戶資料；目前未發現不當登入紀錄。',
      recommendation:
        '離職流程改由人資系統自動通知資訊部，並於離職生效日當日停用帳號；每月比對離職名單與帳號清單。',
      owner: '人力資源部、資訊部',
      raisedOn: daysAgo(30),
      dueDate: addDays(today, 30),
      managementResponse: '同意辦理，人資系統介接需求已提出。',
      status: 'in-progress',
    }),
    finding(170, {
      itemId: 'A2-VI.2',
      title: '社交工程演練點擊率偏高未檢討',
      deficiency:
        '年度社交工程演練點擊率 6.8%，高於公司目標值 3%，未針對點擊人員加強教育訓練或檢討改善。',
      severity: 'medium',
      category: 'management',
      risk: '員工對釣魚郵件警覺不足，惡意程式可能經由社交工程入侵內部網路。',
      recommendation:
        '對點擊人員安排補充訓練，並於下次演練前辦理宣導；演練結果應提報資安委員會檢討。',
      owner: '資訊安全部',
      raisedOn: daysAgo(20),
      dueDate: addMonths(today, 3),
      managementResponse: '',
      status: 'open',
    }),
    finding(160, {
      itemId: 'SR-04-03.1',
      title: '教育訓練簽到紀錄缺漏',
      deficiency: '年度資訊安全教育訓練 8 場次中，中區、南區分公司 2 場次未留存簽到紀錄。',
      severity: 'low',
      category: 'management',
      risk: '無法證明相關人員已完成年度資安教育訓練；訓練已實際辦理，對客戶無影響。',
      recommendation: '補正簽到紀錄，並改以線上學習平台記錄出席。',
      owner: '資訊安全部',
      raisedOn: daysAgo(40),
      dueDate: daysAgo(10),
      managementResponse: '已由分公司補正簽到紀錄並經主管簽認。',
      status: 'closed',
      closedOn: daysAgo(12),
      closingEvidenceIds: [evidenceId(3)],
    }),
  ];

  const system = (minutesAgo: number, fields: InspectedSystem): Stored<InspectedSystem> => ({
    ...meta(minutesAgo),
    ...fields,
  });
  const systems: Stored<InspectedSystem>[] = [
    system(150, {
      name: '網路投保系統',
      owner: '資訊部 應用系統科',
      description: '客戶於官網線上投保汽機車險、旅平險及住宅火險。',
      systemClass: 1,
      lastAssessedOn: addMonths(today, -4),
      majorIncidentOn: null,
      notes: '',
    }),
    system(140, {
      name: '行動投保 App 後台',
      owner: '資訊部 應用系統科',
      description: '「示範產險 App」之會員、投保及理賠進度查詢服務後台。',
      systemClass: 1,
      lastAssessedOn: addMonths(today, -14),
      majorIncidentOn: null,
      notes: '本年度評估尚未辦理，見缺失「第一類系統逾一年未辦理資訊安全評估」。',
    }),
    system(130, {
      name: '核心保險系統',
      owner: '資訊部 核心系統科',
      description: '保單、批改、核保、理賠及再保作業之核心系統。',
      systemClass: 2,
      lastAssessedOn: addMonths(today, -20),
      majorIncidentOn: null,
      notes: '',
    }),
    system(120, {
      name: '人事薪資系統',
      owner: '人力資源部',
      description: '員工人事資料、出勤及薪資計算。',
      systemClass: 3,
      lastAssessedOn: addMonths(today, -30),
      majorIncidentOn: null,
      notes: '',
    }),
  ];

  const registers = demoRegisters({
    today,
    meta,
    evidence,
    leaverFindingId: findings[2]?.id ?? null,
  });

  const drafts: ActivityDraft[] = [
    { action: 'vault.created', target: null, summary: '建立示範案件' },
    {
      action: 'record.created',
      target: { table: 'inspections', id: parent },
      summary: inspection.title,
    },
    { action: 'record.updated', target: null, summary: '更新 20 項查核結果' },
    ...findings.map((f): ActivityDraft => ({
      action: 'record.created',
      target: { table: 'findings', id: f.id },
      summary: f.title,
    })),
    { action: 'records.imported', target: null, summary: '匯入系統清冊 4 筆' },
    {
      action: 'records.imported',
      target: null,
      summary: `匯入人員名冊 ${registers.people.length} 筆`,
    },
    {
      action: 'records.imported',
      target: null,
      summary: `匯入設備報廢紀錄 ${registers.disposals.length} 筆`,
    },
  ];
  const activity: ActivityEntry[] = [];
  for (const [i, draft] of drafts.entries()) {
    activity.push(await chainEntry(activity.at(-1) ?? null, draft, DEMO_ACTOR, at(700 - i * 30)));
  }

  return {
    engagement,
    inspection,
    items: checklist.items,
    itemResults,
    findings,
    systems,
    activity,
    evidence,
    registers,
  };
}

interface RegisterContext {
  today: IsoDate;
  meta: (minutesAgo: number, rev?: number) => RecordMeta;
  /** The sample's evidence list: the registers' scans are added to it. */
  evidence: Stored<Evidence>[];
  /** The finding on late access revocation, which the leaver's gap is linked to. */
  leaverFindingId: RecordId | null;
}

/** The confidentiality forms in use: one older undertaking (2019) is outdated. */
const DEMO_VERSIONS = {
  versions: {
    'employee-undertaking': { current: '2023', accepted: [] },
    'employment-clause': { current: '2022', accepted: ['2018'] },
    'handbook-acknowledgement': { current: '2024', accepted: [] },
    'outsourcing-clause': { current: 'V3', accepted: [] },
    'disposal-vendor-nda': { current: 'V2', accepted: [] },
  },
};

/** A short, made-up signature captured on the pad (two strokes). */
function demoSignature(capturedAt: string) {
  const stroke = (y: number, from: number) =>
    Array.from({ length: 12 }, (_, i) => ({
      x: 20 + i * 22,
      y: y + (i % 2 === 0 ? 0 : 18),
      t: from + i * 40,
      pressure: 0.5,
    }));
  return { capturedAt, width: 320, height: 120, strokes: [stroke(40, 0), stroke(70, 700)] };
}

function demoRegisters(ctx: RegisterContext): DemoRegisters {
  const { today, meta } = ctx;
  const daysAgo = (days: number) => addDays(today, -days);
  const yearsAgo = (years: number) => addMonths(today, -12 * years);
  let minutes = 100;
  const stored = <T extends object>(data: T): Stored<T> => ({ ...meta(minutes--), ...data });
  const scan = (ownerId: RecordId, name: string, mimeType = 'application/pdf'): RecordId => {
    const record: Stored<Evidence> = {
      ...meta(minutes--),
      ownerId,
      name,
      mimeType,
      size: 120_000 + ctx.evidence.length * 4_321,
      sha256: (ctx.evidence.length + 1).toString(16).repeat(64).slice(0, 64),
      description: '',
    };
    ctx.evidence.push(record);
    return record.id;
  };

  // ——— People: eight employees, two contractors ———
  const person = (fields: Partial<PersonInput> & Pick<PersonInput, 'name'>): Stored<Person> => {
    const parsed = personSchema.parse({
      kind: 'employee',
      employeeNo: '',
      personId: null,
      department: '',
      title: '',
      hireDate: null,
      leftOn: null,
      status: 'active',
      jobChanges: [],
      accessRevokedOn: null,
      holdsSystemAccess: true,
      vendorId: null,
      email: '',
      phone: '',
      note: '',
      source: 'import',
      rowKey: null,
      ...fields,
    } satisfies PersonInput);
    return stored({ ...parsed, rowKey: personRowKey(parsed) });
  };
  const vendor = (fields: VendorInput): Stored<Vendor> => {
    const parsed = vendorSchema.parse(fields);
    return stored({ ...parsed, rowKey: vendorRowKey(parsed) });
  };

  const vendors = [
    vendor({
      name: '示範資訊服務股份有限公司',
      taxId: '04595257',
      roles: ['outsourcing', 'disposal'],
      services: '核心系統維運、機房代管及報廢硬碟銷毀',
      handlesCustomerData: true,
      contractStart: yearsAgo(3),
      contractEnd: addMonths(today, 12),
      contactName: '許經理',
      note: '',
      source: 'manual',
      rowKey: null,
    }),
    vendor({
      name: '雲橋數位科技有限公司',
      taxId: '83712342',
      roles: ['outsourcing'],
      services: '理賠進度查詢 App 之雲端代管（本年新簽約）',
      handlesCustomerData: true,
      contractStart: daysAgo(30),
      contractEnd: addMonths(today, 23),
      contactName: '范專案經理',
      note: '合約用印中，保密條款另以附約簽訂（尚未簽回）。',
      source: 'manual',
      rowKey: null,
    }),
  ];
  const itVendor = vendors[0] as Stored<Vendor>;

  const people = [
    person({
      employeeNo: 'E1001',
      name: '王大明',
      department: '資訊部',
      title: '系統管理師',
      hireDate: yearsAgo(8),
      email: 'daming.wang@demo-insurance.com.tw',
      phone: '02-2345-6701',
    }),
    person({
      employeeNo: 'E1002',
      name: '林美玲',
      department: '人力資源部',
      title: '人資專員',
      hireDate: yearsAgo(6),
    }),
    person({
      employeeNo: 'E1003',
      name: '陳志豪',
      department: '資訊部',
      title: '程式設計師',
      hireDate: yearsAgo(7),
    }),
    person({
      employeeNo: 'E1004',
      name: '黃淑芬',
      department: '理賠部',
      title: '理賠專員',
      hireDate: yearsAgo(4),
    }),
    person({
      employeeNo: 'E1005',
      name: '張家豪',
      department: '業務部',
      title: '業務襄理',
      hireDate: yearsAgo(5),
      leftOn: daysAgo(20),
      status: 'left',
      note: '離職單已送資訊部，核心系統帳號尚未停用。',
    }),
    person({
      employeeNo: 'E1006',
      name: '李佳穎',
      department: '電子商務部',
      title: '數位行銷專員',
      hireDate: daysAgo(21),
      phone: '0912-345-601',
    }),
    person({
      employeeNo: 'E1007',
      name: '吳承恩',
      department: '稽核室',
      title: '稽核專員',
      hireDate: yearsAgo(3),
      jobChanges: [{ on: daysAgo(60), from: '會計部', to: '稽核室', accessUpdatedOn: daysAgo(57) }],
    }),
    person({
      employeeNo: 'E1008',
      name: '蔡宜庭',
      department: '客服部',
      title: '客服主任',
      hireDate: yearsAgo(2),
      email: 'yiting.tsai@demo-insurance.com.tw',
    }),
    person({
      kind: 'contractor',
      employeeNo: 'C2001',
      name: '周文傑',
      department: '資訊部（駐點）',
      title: '維運工程師',
      vendorId: itVendor.id,
    }),
    person({
      kind: 'contractor',
      name: '鄭雅文',
      personId: 'F223456786',
      department: '資訊部（駐點）',
      title: '資料庫管理師',
      vendorId: itVendor.id,
      source: 'manual',
    }),
  ];
  const byNo = (no: string) => {
    const found = people.find((p) => p.employeeNo === no);
    if (found === undefined) throw new Error(`no demo person ${no}`);
    return found;
  };

  // ——— Agreements ———
  const agreements: Stored<Agreement>[] = [];
  const sign = (
    party: Stored<Person> | Stored<Vendor>,
    fields: Omit<
      AgreementInput,
      | 'partyKind'
      | 'partyId'
      | 'signature'
      | 'attachmentId'
      | 'validFrom'
      | 'expiresOn'
      | 'note'
      | 'source'
      | 'rowKey'
      | 'counterSigner'
    > &
      Partial<AgreementInput> & { scanName?: string },
  ) => {
    const { scanName, ...rest } = fields;
    const meta0 = meta(minutes--);
    const attachmentId = scanName === undefined ? null : scan(meta0.id, scanName);
    const parsed = agreementSchema.parse({
      partyKind: 'employeeNo' in party ? 'person' : 'vendor',
      partyId: party.id,
      counterSigner: '人力資源部經理 郭文雄',
      attachmentId,
      signature: null,
      validFrom: null,
      expiresOn: null,
      note: '',
      source: 'import',
      rowKey: null,
      ...rest,
    } satisfies AgreementInput);
    const partyKey = 'employeeNo' in party ? personRowKey(party) : vendorRowKey(party);
    agreements.push({ ...meta0, ...parsed, rowKey: agreementRowKey(partyKey, parsed) });
  };
  const staffForms = (p: Stored<Person>, undertaking = '2023', skip: string[] = []) => {
    const on = p.hireDate ?? today;
    if (!skip.includes('employee-undertaking')) {
      sign(p, {
        kind: 'employee-undertaking',
        version: undertaking,
        signedOn: on,
        signer: p.name,
        ...(p.employeeNo === 'E1001' ? { scanName: `保密切結書_${p.employeeNo}.pdf` } : {}),
      });
    }
    if (!skip.includes('employment-clause')) {
      sign(p, { kind: 'employment-clause', version: '2022', signedOn: on, signer: p.name });
    }
    if (!skip.includes('handbook-acknowledgement')) {
      sign(p, { kind: 'handbook-acknowledgement', version: '2024', signedOn: on, signer: p.name });
    }
  };
  for (const no of ['E1001', 'E1002', 'E1004', 'E1005', 'E1007', 'E1008']) staffForms(byNo(no));
  staffForms(byNo('E1003'), '2019');
  staffForms(byNo('E1006'), '2023', ['employee-undertaking']);
  sign(byNo('C2001'), {
    kind: 'employee-undertaking',
    version: '2023',
    signedOn: daysAgo(400),
    signer: '周文傑',
  });
  const visitDay = daysAgo(3);
  const contractor = people[9] as Stored<Person>;
  sign(contractor, {
    kind: 'employee-undertaking',
    version: '2023',
    signedOn: visitDay,
    signer: contractor.name,
    counterSigner: '張雅婷',
    // 10:30 in Taipei on the visit day.
    signature: demoSignature(`${visitDay}T02:30:00.000Z`),
    note: '查核現場於螢幕簽署。',
  });
  sign(itVendor, {
    kind: 'outsourcing-clause',
    version: 'V3',
    signedOn: itVendor.contractStart ?? today,
    signer: '示範資訊服務股份有限公司 代表人 許志遠',
    counterSigner: '總經理 何建華',
    expiresOn: itVendor.contractEnd,
  });
  sign(itVendor, {
    kind: 'disposal-vendor-nda',
    version: 'V2',
    signedOn: itVendor.contractStart ?? today,
    signer: '示範資訊服務股份有限公司 代表人 許志遠',
    counterSigner: '總務部經理 高秀英',
    expiresOn: itVendor.contractEnd,
    scanName: '報廢銷毀保密協議_示範資訊.pdf',
  });

  // ——— Disposal log ———
  const disposal = (
    fields: Partial<DisposalRecordInput> & Pick<DisposalRecordInput, 'assetTag' | 'deviceType'>,
  ) => {
    const meta0 = meta(minutes--);
    const certificateId =
      fields.certificateNo === undefined || fields.certificateNo === ''
        ? null
        : scan(meta0.id, `銷毀證明_${fields.certificateNo}.pdf`);
    const parsed = disposalRecordSchema.parse({
      ...newDisposalRecord(fields.assetTag, fields.deviceType, 'import'),
      certificateId,
      ...fields,
    });
    return { ...meta0, ...parsed, rowKey: disposalRowKey(parsed) } satisfies Stored<DisposalRecord>;
  };
  const disposals = [
    disposal({
      assetTag: 'NB-2021-014',
      deviceType: 'laptop',
      mediaType: 'ssd',
      serialNo: 'PF2K9X31',
      model: 'Lenovo ThinkPad T14 Gen 2',
      classification: '限閱',
      method: 'purge',
      technique: 'block-erase',
      softwareRemoved: 'yes',
      performedBy: '王大明',
      performedOn: daysAgo(50),
      verifiedBy: '陳志豪',
      verifiedOn: daysAgo(49),
      leavesOrganisation: true,
      status: 'completed',
    }),
    disposal({
      assetTag: 'SV-2016-003',
      deviceType: 'server',
      mediaType: 'hdd',
      serialNo: 'J8Q2-77HD',
      model: 'HPE ProLiant DL380 Gen9（硬碟 8 顆）',
      classification: '密',
      method: 'destroy',
      technique: 'shred',
      softwareRemoved: 'yes',
      performedBy: '示範資訊服務 周文傑',
      performedOn: daysAgo(40),
      verifiedBy: '王大明',
      verifiedOn: daysAgo(40),
      vendorId: itVendor.id,
      certificateNo: 'DC-0113',
      status: 'completed',
    }),
    disposal({
      assetTag: 'NB-2020-031',
      deviceType: 'laptop',
      mediaType: 'ssd',
      serialNo: 'R90N7KTA',
      model: 'Dell Latitude 5410',
      classification: '限閱',
      method: 'purge',
      technique: 'degauss',
      softwareRemoved: 'yes',
      performedBy: '陳志豪',
      performedOn: daysAgo(30),
      verifiedBy: '王大明',
      verifiedOn: daysAgo(29),
      note: '與傳統硬碟一併送消磁機處理。',
      status: 'completed',
    }),
    disposal({
      assetTag: 'PC-2019-102',
      deviceType: 'desktop',
      mediaType: 'hdd',
      serialNo: 'CZC9301KQ2',
      model: 'HP ProDesk 600 G5',
      classification: '普通',
      method: 'clear',
      technique: 'overwrite',
      softwareRemoved: 'yes',
      performedBy: '陳志豪',
      performedOn: daysAgo(12),
      leavesOrganisation: true,
      status: 'completed',
    }),
    disposal({
      assetTag: 'MB-2022-007',
      deviceType: 'phone',
      model: 'Apple iPhone 13（公務機）',
      serialNo: 'F17GQ2XY0D',
      classification: '限閱',
      note: '待門市回收前以回復原廠設定清除。',
    }),
  ];

  // ——— Policy review: BYOD not allowed, one element missing ———
  const reviewMeta = meta(minutes--);
  const policyFile = scan(reviewMeta.id, '行動裝置使用管理辦法_第3版.pdf');
  const review: Stored<PolicyReview> = {
    ...reviewMeta,
    ...policyReviewSchema.parse({
      ...emptyReview('byod'),
      document: {
        title: '行動裝置使用管理辦法',
        version: '第 3 版',
        approvedOn: addMonths(today, -10),
        approver: '總經理',
        attachmentId: policyFile,
      },
      reviewedOn: daysAgo(5),
      reviewer: '林志明',
      conditions: { byodAllowed: false },
      elements: {
        'byod.policy': {
          present: 'yes',
          sectionRef: '第 1 條至第 3 條',
          adequacy: 'adequate',
          note: '',
        },
        'byod.device-management': {
          present: 'yes',
          sectionRef: '第 5 條',
          adequacy: 'adequate',
          note: '公務手機以 MDM 管理，遺失時可遠端抹除。',
        },
        'byod.user-management': {
          present: 'no',
          sectionRef: '',
          adequacy: null,
          note: '辦法未規定行動裝置使用人員之申請、核准及離職繳回程序。',
        },
        'byod.security-controls': {
          present: 'yes',
          sectionRef: '第 6 條',
          adequacy: 'adequate',
          note: '',
        },
      },
      note: '公司不允許員工以個人裝置存取公司資料（辦法第 2 條），故自攜裝置項目不適用。',
      status: 'complete',
    }),
  };

  const currentVersions = currentVersionsSchema.parse(DEMO_VERSIONS);
  // The leaver's gap was raised as part of the finding on late revocations.
  const coverage = computeCoverage({ people, vendors, agreements, currentVersions, asOf: today });
  const raisedGaps: Record<string, string> = {};
  if (ctx.leaverFindingId !== null) {
    for (const gap of coverage.gaps) {
      if (gap.kind === 'leaver-with-access') raisedGaps[gap.id] = ctx.leaverFindingId;
    }
  }
  return {
    people,
    vendors,
    agreements,
    currentVersions,
    disposals,
    policyReviews: [review],
    raisedGaps,
  };
}
