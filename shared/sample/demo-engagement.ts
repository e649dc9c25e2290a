/**
 * The built-in sample engagement (示範案件) offered to new users: a fictional property insurer,
 * its yearly self-inspection instantiated from the library, twenty worked checklist items, five
 * findings with every 附件二 捌 field, four systems (one overdue for assessment) and a short
 * chained activity trail. Everything is fictional; one note holds a (checksum-valid, made-up)
 * national ID and a phone number so that masking shows in the workpaper.
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
import type { InspectionWorkbookInput } from '../workpapers';

/** What the sample provides; the caller adds `appVersion` and `generatedAt`. */
export type DemoEngagement = Omit<InspectionWorkbookInput, 'appVersion' | 'generatedAt'>;

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

/** The sample engagement as of `now`. */
export async function demoEngagement(now: Date): Promise<DemoEngagement> {
  let counter = 0;
  const nextId = () => demoId(++counter);
  const today = localDateOf(toIsoInstant(now));
  const year = yearOf(today) - 1;
  const periodStart = asIsoDate(`${year}-01-01`);
  const periodEnd = asIsoDate(`${year}-12-31`);
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
    scope:
      '依「產險公會資訊安全防護自律規範」及其附件一、附件二，暨主管機關資安監理重點，查核資訊安全管理、個人資料保護、電子商務（網路投保）及電腦系統資訊安全評估作業之遵循情形。',
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
  };
}
