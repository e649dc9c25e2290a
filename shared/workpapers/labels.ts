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
