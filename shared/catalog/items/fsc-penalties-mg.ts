/**
 * Checklist items: the briefing's section 五, penalty patterns in security management
 * (資安管理面). Each pattern names a deficiency the regulator fined; the requirement states the
 * control whose absence was fined, and the procedure tests for it.
 */
import { a2, fsc } from '../citation';
import type { ChecklistItem } from '../schema';
import { bi } from './helpers';

export const FSC_PENALTY_MG_ITEMS: readonly ChecklistItem[] = [
  {
    id: 'FSC-5-MG-01.1',
    citation: fsc(5, 1, 1),
    section: 'FSC-5-MG',
    category: 'management',
    nature: 'penalty-pattern',
    applicability: { all: ['outsourcing'] },
    requirement: bi(
      '委託外部資安廠商之網路監控服務，應對服務延宕情形加以控管（裁罰態樣：對於控管服務延宕情形）。',
      'Where network monitoring is outsourced to an external security vendor, delays in the service shall be controlled (penalty pattern: failure to control service delays).',
    ),
    procedure: bi(
      '詢問資訊安全主管網路監控（SOC）是否委外；如否，記錄不適用。取得委外監控契約及服務水準協議（警示通知時限、事件分析時限、月報交付期限）與最近一年之 SLA 報表。自廠商平台抽查 10 筆高嚴重度警示，比對事件發生、廠商通知及公司收悉之時間，確認符合 SLA；對延宕情形，確認公司已追蹤、要求改善並依約罰扣，且於定期服務檢討會議討論。',
      'Ask the head of information security whether network monitoring (SOC) is outsourced; if not, record that the item does not apply. Obtain the monitoring contract and service-level agreement (alert notification time, analysis time, monthly report deadline) and the SLA reports of the last 12 months. From the vendor’s platform sample 10 high-severity alerts and compare the time of the event, of the vendor’s notification and of the company’s acknowledgement against the SLA; for any delay confirm the company followed it up, demanded improvement, applied the contractual penalties and discussed it at the periodic service review.',
    ),
    evidence: [
      bi('委外監控契約及服務水準協議', 'Monitoring contract and SLA'),
      bi('SLA 報表', 'SLA reports'),
      bi('警示通知時間比對表', 'Alert notification timing comparison'),
      bi('服務檢討會議紀錄', 'Service review minutes'),
    ],
  },
  {
    id: 'FSC-5-MG-02.1',
    citation: fsc(5, 1, 2),
    section: 'FSC-5-MG',
    category: 'management',
    nature: 'penalty-pattern',
    applicability: 'always',
    requirement: bi(
      '資料庫存取授權管理應落實最小授權原則。',
      'Database access shall be granted on the principle of least privilege.',
    ),
    procedure: bi(
      '選取 3 個存放個人資料之資料庫（如保單、理賠、網路投保），請 DBA 匯出帳號、角色及權限清單。逐一確認每個帳號有負責人及核准用途；無共用之個人管理帳號；應用程式帳號未供人員登入使用；開發人員無正式環境寫入權限；DBA 權限僅授予指定人員。抽查 5 個帳號之權限申請單，並確認最近一次定期權限覆核已完成且發現事項已處理。',
      'Pick 3 databases holding personal data (e.g. policies, claims, online sales) and have the DBA export their accounts, roles and privileges. Confirm every account has an owner and an approved purpose; no shared personal admin accounts; application accounts are not used for interactive logins; developers have no write access to production; DBA rights are limited to named people. Inspect the access requests of 5 accounts and confirm the latest periodic access review was done and its findings resolved.',
    ),
    evidence: [
      bi('資料庫帳號、角色及權限清單', 'Database account, role and privilege lists'),
      bi('權限申請單', 'Access requests'),
      bi('資料庫權限定期覆核紀錄', 'Database access review records'),
    ],
  },
  {
    id: 'FSC-5-MG-03.1',
    citation: fsc(5, 1, 3),
    related: [a2(4, 1, 3, 1)],
    section: 'FSC-5-MG',
    category: 'management',
    nature: 'penalty-pattern',
    applicability: 'always',
    requirement: bi(
      '弱點掃描發現之弱點應依規定時限完成修補。',
      'Vulnerabilities found by scanning shall be fixed within the set deadlines.',
    ),
    procedure: bi(
      '取得公司規定之各風險等級修補時限。取得最近一年弱點掃描結果及修補追蹤表，計算各等級逾期未修補之數量及比例。抽查 10 項高或重大風險弱點，比對發現日、修補日及複掃日，確認於時限內修補，或有經核准之展延或風險接受及補償措施。',
      'Obtain the company’s remediation deadlines for each risk level. Obtain the scan results and remediation tracking list of the last 12 months and compute the number and share of overdue vulnerabilities at each level. Sample 10 high or critical vulnerabilities and compare the dates found, fixed and rescanned; confirm each was fixed in time or has an approved extension or risk acceptance with compensating controls.',
    ),
    evidence: [
      bi('弱點修補時限規定', 'Remediation deadline rules'),
      bi('弱點掃描結果及修補追蹤表', 'Scan results and remediation tracking list'),
      bi('複掃報告', 'Rescan reports'),
      bi('展延或風險接受核准紀錄', 'Extension or risk-acceptance approvals'),
    ],
  },
  {
    id: 'FSC-5-MG-04.1',
    citation: fsc(5, 1, 4),
    section: 'FSC-5-MG',
    category: 'management',
    nature: 'penalty-pattern',
    applicability: 'always',
    requirement: bi(
      '弱點掃描結果應建立後續風險評估及處理情形之追蹤管理機制。',
      'Vulnerability scan results shall be followed by risk assessment and a mechanism that tracks their handling.',
    ),
    procedure: bi(
      '確認已建立弱點追蹤管理機制（追蹤表或系統），每項弱點記錄受影響資產、風險評估結果（考量資產重要性、暴露程度及補償控制）、處理方式、負責人及狀態。抽查 5 項未修補之弱點，確認有風險評估及核准之處理決定；確認追蹤情形定期向管理階層報告，並定期重新評估已接受之風險。',
      'Confirm there is a tracking mechanism (list or system) recording, for each vulnerability, the affected asset, the risk assessment (asset importance, exposure, compensating controls), the treatment, the owner and the status. Sample 5 unfixed vulnerabilities and confirm each has a risk assessment and an approved decision; confirm progress is reported to management periodically and accepted risks are reassessed periodically.',
    ),
    evidence: [
      bi('弱點追蹤管理表或系統紀錄', 'Vulnerability tracking list or system records'),
      bi('風險評估及處理決定', 'Risk assessments and treatment decisions'),
      bi('管理階層報告', 'Reports to management'),
    ],
  },
  {
    id: 'FSC-5-MG-05.1',
    citation: fsc(5, 1, 5),
    section: 'FSC-5-MG',
    category: 'management',
    nature: 'penalty-pattern',
    applicability: 'always',
    requirement: bi(
      '原始碼檢測作業應規範依檢測級別進行風險評估及採取後續處理措施。',
      'Source-code scanning rules shall require risk assessment according to the severity of each finding and set the follow-up action.',
    ),
    procedure: bi(
      '取得原始碼檢測作業規範，確認已就各檢測級別（如高、中、低）訂定風險評估方式、處理措施及時限（如高風險須修正後始得上線），以及例外核准程序。抽查最近一年 3 次上線之原始碼檢測報告，確認發現事項已依級別評估並修正或經核准接受，且修正後已重新檢測。',
      'Obtain the source-code scanning rules; confirm they set, for each severity level (high, medium, low), how the risk is assessed, what action is taken and by when (e.g. high findings fixed before go-live), and how exceptions are approved. For the scans of 3 releases in the last 12 months confirm findings were assessed by level and fixed or accepted with approval, and re-scanned after fixing.',
    ),
    evidence: [
      bi('原始碼檢測作業規範', 'Source-code scanning rules'),
      bi('原始碼檢測報告及複測結果', 'Source-code scan and re-scan reports'),
      bi('風險接受核准紀錄', 'Risk-acceptance approvals'),
    ],
  },
  {
    id: 'FSC-5-MG-06.1',
    citation: fsc(5, 1, 6),
    section: 'FSC-5-MG',
    category: 'management',
    nature: 'penalty-pattern',
    applicability: 'always',
    requirement: bi(
      '伺服器之異地備援區應以防火牆設備區隔控管。',
      'The server zone at the disaster-recovery site shall be segregated and controlled by firewalls.',
    ),
    procedure: bi(
      '取得主要機房及異地備援機房之網路架構圖，確認備援區伺服器與其他網段及網際網路間設有防火牆。取得備援區防火牆規則匯出，與主要機房對應之規則比較，確認控管程度相當且無任意放行之規則；如可行，實地檢視備援機房設備。',
      'Obtain the network diagrams of the primary and DR data centres and confirm firewalls separate the DR server zone from other segments and the internet. Obtain the DR firewall rule export and compare it with the corresponding primary rules; confirm equivalent control and no allow-all rules. Where possible, inspect the DR site equipment in person.',
    ),
    evidence: [
      bi('主備機房網路架構圖', 'Network diagrams of primary and DR sites'),
      bi('備援區防火牆規則匯出', 'DR firewall rule export'),
      bi('主備規則比較表', 'Primary versus DR rule comparison'),
    ],
  },
  {
    id: 'FSC-5-MG-07.1',
    citation: fsc(5, 1, 7),
    section: 'FSC-5-MG',
    category: 'management',
    nature: 'penalty-pattern',
    applicability: 'always',
    requirement: bi(
      '對外寄送電子郵件之資料外洩防護系統應嚴謹設置。',
      'The data-loss prevention system for outgoing e-mail shall be rigorously configured.',
    ),
    procedure: bi(
      '取得郵件 DLP 政策規則（身分證字號、保單號碼、信用卡號、大量個資附件、未加密附件之偵測及阻擋或隔離），確認適用所有對外郵件且無過寬之白名單。以虛構但格式有效之身分證字號 10 筆作為附件，寄送至外部測試信箱，確認被阻擋或隔離並產生警示。抽查最近三個月 10 筆 DLP 事件，確認已審核並妥適處理，例外放行經主管核准。',
      'Obtain the e-mail DLP policy rules (detection and blocking or quarantine of national ID numbers, policy numbers, card numbers, attachments with bulk personal data, unencrypted attachments); confirm they apply to all outgoing mail with no over-broad allow-lists. Send an attachment with 10 fictitious but validly formed national ID numbers to an external test mailbox and confirm it is blocked or quarantined and raises an alert. Sample 10 DLP events of the last 3 months and confirm each was reviewed and properly handled, with releases approved by a manager.',
    ),
    evidence: [
      bi('郵件 DLP 政策規則及白名單', 'E-mail DLP rules and allow-lists'),
      bi('測試郵件結果', 'Test e-mail result'),
      bi('DLP 事件處理紀錄', 'DLP event handling records'),
    ],
  },
];
