/**
 * The workpaper's own words in both languages: sheet names, column headers, cover labels and
 * the labels of values that have none in the domain. Wording follows the application's zh-TW
 * and English texts (renderer/i18n) so the file and the screen agree. Domain labels (results,
 * severities, categories, finding statuses, system classes) come from the domain modules.
 */
import type { InspectionStatus } from '../domain/inspections';
import type { AssessmentStatus } from '../domain/inspection/systems';
import type { Bilingual } from '../domain/inspection/text';

const t = (zh: string, en: string): Bilingual => ({ 'zh-TW': zh, en });

export const SHEET_NAMES = {
  cover: t('封面', 'Cover'),
  checklist: t('查核項目', 'Checklist'),
  findings: t('缺失', 'Findings'),
  systems: t('系統清冊', 'System inventory'),
  activity: t('活動軌跡', 'Activity trail'),
  agreements: t('保密協議', 'Agreements'),
  coverage: t('覆蓋缺口', 'Coverage gaps'),
  disposals: t('設備報廢', 'Disposal log'),
  policies: t('政策審閱', 'Policy reviews'),
} as const satisfies Record<string, Bilingual>;

export const WORKBOOK_TITLE = t(
  '資訊安全自評查核工作底稿',
  'Information security self-inspection workpaper',
);

export const COVER = {
  field: t('項目', 'Field'),
  value: t('內容', 'Value'),
  title: WORKBOOK_TITLE,
  engagementSection: t('查核概要', 'Engagement'),
  entity: t('受查單位', 'Entity inspected'),
  inspection: t('自評名稱', 'Self-inspection'),
  period: t('查核期間', 'Period'),
  scope: t('查核範圍', 'Scope'),
  team: t('查核團隊', 'Team'),
  libraryVersion: t('查核清單庫版本', 'Checklist library version'),
  status: t('查核狀態', 'Status'),
  summarySection: t('查核結果摘要', 'Summary'),
  items: t('查核項目數', 'Checklist items'),
  untested: t('未查核', 'Not tested'),
  findings: t('缺失數', 'Findings'),
  openFindings: t('未結案缺失', 'Unresolved findings'),
  exportSection: t('產製資訊', 'About this file'),
  generatedRoc: t('產製時間（民國）', 'Generated (ROC calendar)'),
  generatedIso: t('產製時間（ISO 8601）', 'Generated (ISO 8601)'),
  asOf: t('逾期判斷基準日', 'Overdue as of'),
  appVersion: t('應用程式版本', 'Application version'),
  personalData: t('個人資料', 'Personal data'),
  masked: t(
    '已遮蔽（身分證統一編號、居留證號、電話、電子郵件）',
    'Masked (national ID and resident certificate numbers, phone numbers, e-mail addresses)',
  ),
  included: t(
    '未遮蔽：匯出者選擇包含個人資料，請依個人資料保護法妥善保管本檔案',
    'Not masked: the person exporting chose to include personal data; keep this file as the Personal Data Protection Act requires',
  ),
  editing: t('填寫說明', 'Editing'),
  editingHelp: t(
    '黃色欄位可於 Excel 填寫後匯入稽核工作台；其他欄位之修改於匯入時不予採用，並逐一列示。',
    'Yellow columns may be filled in in Excel and imported back into the workbench; changes anywhere else are ignored on import and listed.',
  ),
  contentHash: t('內容雜湊值（SHA-256）', 'Content hash (SHA-256)'),
  registersSection: t('登記簿摘要', 'Registers'),
  employeesCovered: t('在職員工已完整簽署保密文件', 'Current employees fully signed'),
  vendorsCovered: t('契約有效之廠商已簽署保密協議', 'Vendors in force with agreements'),
  coverageGaps: t('保密協議覆蓋缺口', 'Agreement coverage gaps'),
  disposalRecords: t('設備報廢紀錄', 'Disposal records'),
  policyReviews: t('政策審閱', 'Policy reviews'),
  registersAsOf: t('登記簿判斷基準日', 'Registers judged as of'),
  signSection: t('簽核', 'Sign-off'),
  preparedBy: t('編製人員', 'Prepared by'),
  reviewedBy: t('複核人員', 'Reviewed by'),
  approvedBy: t('核准主管', 'Approved by'),
  signLine: t(
    '簽名：＿＿＿＿＿＿＿＿　日期：＿＿＿＿＿＿',
    'Signature: ____________   Date: __________',
  ),
} as const satisfies Record<string, Bilingual>;

export const CHECKLIST_HEADERS = {
  no: t('項次', 'No.'),
  itemId: t('項目編號', 'Item ID'),
  citation: t('法規依據', 'Citation'),
  requirement: t('規範要求', 'Requirement'),
  procedure: t('查核程序', 'Test procedure'),
  result: t('查核結果', 'Result'),
  reason: t('不適用理由', 'Why not applicable'),
  workPerformed: t('執行之查核工作', 'Work performed'),
  sampleDescription: t('抽樣說明', 'Sample'),
  evidence: t('佐證檔案', 'Evidence files'),
  notes: t('備註', 'Notes'),
  preparedBy: t('編製人員', 'Prepared by'),
} as const satisfies Record<string, Bilingual>;

export const EVIDENCE_EXPECTED = t('應取得之佐證：', 'Evidence expected: ');

export const FINDING_HEADERS = {
  no: t('編號', 'No.'),
  itemId: t('相關查核項目', 'Checklist item'),
  title: t('缺失標題', 'Title'),
  deficiency: t('缺失說明', 'Deficiency'),
  severity: t('嚴重程度', 'Severity'),
  category: t('缺失類別', 'Category'),
  risk: t('風險說明', 'Risk'),
  recommendation: t('具體改善建議', 'Recommendation'),
  owner: t('負責單位／人員', 'Owner (unit or person)'),
  raisedOn: t('提出日期', 'Raised on'),
  dueDate: t('預計改善日期', 'Due date'),
  managementResponse: t('受查單位回覆', 'Management response'),
  status: t('處理狀態', 'Status'),
  closedOn: t('結案日期', 'Closed on'),
  closingEvidence: t('改善佐證', 'Closing evidence'),
} as const satisfies Record<string, Bilingual>;

export const SYSTEM_HEADERS = {
  no: t('項次', 'No.'),
  name: t('系統名稱', 'System'),
  systemClass: t('系統類別', 'Class'),
  owner: t('負責單位', 'Owner'),
  description: t('系統說明', 'Description'),
  lastAssessedOn: t('上次資安評估日期', 'Last security assessment'),
  majorIncidentOn: t('最近重大資安事件日期', 'Latest major incident'),
  nextDue: t('下次評估期限', 'Next assessment due'),
  basis: t('期限依據', 'Basis'),
  status: t('狀態', 'Status'),
  notes: t('備註', 'Notes'),
} as const satisfies Record<string, Bilingual>;

export const ACTIVITY_HEADERS = {
  seq: t('序號', 'No.'),
  at: t('時間', 'When'),
  actor: t('人員', 'Who'),
  action: t('動作', 'Action'),
  target: t('對象', 'Target'),
  summary: t('說明', 'Summary'),
  hash: t('雜湊值（SHA-256）', 'Hash (SHA-256)'),
} as const satisfies Record<string, Bilingual>;

export const INSPECTION_STATUS_LABELS: Readonly<Record<InspectionStatus, Bilingual>> = {
  'in-progress': t('進行中', 'In progress'),
  submitted: t('已送核', 'Submitted'),
  'signed-off': t('已簽核', 'Signed off'),
};

export const ASSESSMENT_STATUS_LABELS: Readonly<Record<AssessmentStatus['status'], Bilingual>> = {
  ok: t('正常', 'OK'),
  'due-soon': t('即將到期', 'Due soon'),
  overdue: t('逾期', 'Overdue'),
  'never-assessed': t('未曾評估', 'Never assessed'),
};

export const ASSESSMENT_BASIS_LABELS: Readonly<Record<AssessmentStatus['basis'], Bilingual>> = {
  cycle: t('依系統類別之評估週期', 'Regular cycle of the class'),
  'major-incident': t('重大事件後三個月內', 'Within 3 months of a major incident'),
  'never-assessed': t('應立即評估', 'Due now'),
};

/** One place for the trail's action names: shared with the app's activity screen. */
export { ACTIVITY_ACTION_LABELS as ACTION_LABELS } from '../domain/activity';

export const ROLE_LABELS = {
  lead: t('主辦稽核', 'Lead auditor'),
  auditor: t('稽核人員', 'Auditor'),
  reviewer: t('複核人員', 'Reviewer'),
  manager: t('主管', 'Manager'),
} as const satisfies Record<string, Bilingual>;

export const FOOTER = {
  pages: t('第 {page} 頁，共 {pages} 頁', 'Page {page} of {pages}'),
  masked: t('個人資料已遮蔽', 'Personal data masked'),
  included: t('含未遮蔽之個人資料', 'Contains unmasked personal data'),
} as const satisfies Record<string, Bilingual>;

// ——— Register sheets (read-only in the round trip) ———

export const AGREEMENT_HEADERS = {
  no: t('項次', 'No.'),
  party: t('簽署對象', 'Signed by'),
  partyNo: t('員工編號／統一編號', 'Employee no. / tax ID'),
  partyKind: t('對象類別', 'Party kind'),
  department: t('部門', 'Department'),
  kind: t('文件類別', 'Document'),
  version: t('版本', 'Version'),
  versionStatus: t('版本狀態', 'Version status'),
  signedOn: t('簽署日', 'Signed on'),
  signer: t('簽署人', 'Signer'),
  counterSigner: t('公司代表／見證人', 'Company representative or witness'),
  expiresOn: t('到期日', 'Expires on'),
  scan: t('掃描檔', 'Scan'),
  onScreen: t('螢幕簽名', 'Signed on screen'),
} as const satisfies Record<string, Bilingual>;

export const COVERAGE_HEADERS = {
  no: t('項次', 'No.'),
  gapKind: t('缺口類型', 'Gap'),
  party: t('對象', 'Party'),
  department: t('部門', 'Department'),
  itemId: t('相關查核項目', 'Checklist item'),
  explanation: t('說明', 'Explanation'),
  severity: t('建議嚴重程度', 'Suggested severity'),
  severityReason: t('建議理由', 'Why this severity'),
  finding: t('已開立缺失', 'Finding raised'),
} as const satisfies Record<string, Bilingual>;

export const DISPOSAL_HEADERS = {
  no: t('項次', 'No.'),
  assetTag: t('財產編號', 'Asset tag'),
  deviceType: t('設備類型', 'Device type'),
  mediaType: t('媒體類型', 'Media type'),
  serialNo: t('序號', 'Serial number'),
  model: t('廠牌型號', 'Make and model'),
  classification: t('機密等級', 'Classification'),
  method: t('清除等級', 'Sanitisation method'),
  technique: t('清除技術', 'Technique'),
  softwareRemoved: t('授權軟體移除', 'Licensed software removed'),
  performedBy: t('執行人', 'Performed by'),
  performedOn: t('報廢日期', 'Disposal date'),
  verifiedBy: t('覆核人', 'Verified by'),
  verifiedOn: t('覆核日期', 'Verification date'),
  vendor: t('受託銷毀廠商', 'Disposal vendor'),
  vendorNda: t('廠商保密合約', 'Vendor confidentiality contract'),
  certificateNo: t('銷毀證明編號', 'Certificate number'),
  certificate: t('附銷毀證明', 'Certificate attached'),
  status: t('狀態', 'Status'),
  flags: t('異常標示', 'Flags'),
} as const satisfies Record<string, Bilingual>;

export const POLICY_HEADERS = {
  no: t('項次', 'No.'),
  policyKind: t('規範類別', 'Policy'),
  title: t('規範名稱', 'Document title'),
  version: t('版次', 'Version'),
  approvedOn: t('核定日期', 'Approved on'),
  approver: t('核定層級', 'Approved by'),
  reviewedOn: t('檢視日期', 'Reviewed on'),
  reviewer: t('檢視人員', 'Reviewer'),
  reviewStatus: t('檢視狀態', 'Review status'),
  citation: t('法規依據', 'Citation'),
  element: t('應訂項目', 'Element'),
  condition: t('適用條件', 'Condition'),
  applicable: t('是否適用', 'Applies'),
  present: t('是否訂定', 'In the policy'),
  sectionRef: t('條次／章節', 'Section'),
  adequacy: t('內容是否適當', 'Adequacy'),
  note: t('說明', 'Note'),
  gap: t('缺口', 'Gap'),
  itemId: t('查核項目', 'Checklist item'),
} as const satisfies Record<string, Bilingual>;

export const YES_NO = { yes: t('是', 'Yes'), no: t('否', 'No') } as const;

export const REGISTER_LABELS = {
  unknownParty: t('（登記簿中無此對象）', '(not in the register)'),
  unknownVendor: t('（登記簿中無此廠商）', '(not in the register)'),
  vendor: t('廠商', 'Vendor'),
  scanNone: t('無', 'None'),
  scanUnnamed: t('已附（檔名不明）', 'Attached (name unknown)'),
  onScreenAt: t('是（{at}）', 'Yes ({at})'),
  ndaInForce: t('有效', 'In force'),
  ndaNone: t('未簽訂', 'None'),
  ndaLapsed: t('已失效或尚未生效', 'Lapsed or not yet in force'),
  findingElsewhere: t(
    '已開立（缺失編號 {id}，不在本查核）',
    'Raised (finding {id}, not in this inspection)',
  ),
  noPolicy: t('（未訂定規範）', '(no policy)'),
  applies: t('適用', 'Applies'),
  notApplicable: t('不適用', 'Does not apply'),
  unanswered: t('未回答', 'Not answered'),
  present: t('已訂定', 'Present'),
  missing: t('未訂定', 'Missing'),
  draft: t('草稿', 'Draft'),
  complete: t('已完成', 'Complete'),
  percent: t('{percent}（{covered}／{total}）', '{percent} ({covered} of {total})'),
  notJudged: t('無可判斷對象', 'None to judge'),
  gapsRaised: t('{gaps} 項（已開立缺失 {raised} 項）', '{gaps} ({raised} with a finding)'),
  disposals: t('{records} 筆（有異常標示 {flagged} 筆）', '{records} ({flagged} flagged)'),
  reviews: t('{reviews} 份（缺口 {gaps} 項）', '{reviews} ({gaps} gaps)'),
} as const satisfies Record<string, Bilingual>;

/** `{name}` placeholders in a label filled in. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
