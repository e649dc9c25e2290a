/** Checklist items: Annex 2 parts V and VI (countermeasures, social-engineering drill). */
import { a2, fsc } from '../citation';
import type { ChecklistItem } from '../schema';
import { bi } from './helpers';

const PLAN = bi('資訊系統可靠性對策文件', 'Documented reliability countermeasures');
const SECURITY_PLAN = bi('資訊安全性侵害對策文件', 'Documented security countermeasures');

export const A2_COUNTERMEASURE_ITEMS: readonly ChecklistItem[] = [
  {
    id: 'A2-V-1.1',
    citation: a2(5, 1),
    section: 'A2-V',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    register: 'policy-reviews',
    requirement: bi(
      '會員公司應就提升資訊系統可靠性研擬相關對策，其內容包括硬體設備可靠性、軟體系統可靠性、營運可靠性、故障之早期發現與早期復原及災變對策。',
      'The company shall draw up countermeasures to improve the reliability of its information systems, covering hardware reliability, software reliability, operational reliability, early detection of and early recovery from failures, and disaster countermeasures.',
    ),
    procedure: bi(
      '取得記載資訊系統可靠性對策之文件（如資訊系統可靠性管理辦法、營運持續計畫），確認經權責主管核定並定期檢討，逐項比對是否涵蓋伍、一之(一)至(五)。',
      'Obtain the documents that set out the reliability countermeasures (e.g. an IT reliability standard, the business-continuity plan); confirm they were approved by the responsible manager and are reviewed periodically, and check item by item that they cover V.1(1) to (5).',
    ),
    evidence: [PLAN, bi('核定及檢討紀錄', 'Approval and review records')],
  },
  {
    id: 'A2-V-1-1.1',
    citation: a2(5, 1, 1),
    section: 'A2-V',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '提升硬體設備之可靠性：包含預防硬體設備故障與備用硬體設備設置之對策。',
      'Improve hardware reliability: countermeasures to prevent hardware failures and to provide standby hardware.',
    ),
    procedure: bi(
      '取得重要硬體之維護合約、預防保養紀錄及備援設計（叢集、RAID、雙電源、備品）。自最近一年硬體故障紀錄抽查 3 件，確認備援設備正常接手或依合約時限修復。',
      'Obtain the maintenance contracts, preventive maintenance records and redundancy design (clusters, RAID, dual power supplies, spares) of key hardware. Sample 3 hardware failures of the last 12 months and confirm the standby equipment took over or the repair met the contract’s time limit.',
    ),
    evidence: [
      PLAN,
      bi('硬體維護合約及保養紀錄', 'Hardware maintenance contracts and records'),
      bi('硬體故障紀錄', 'Hardware failure log'),
    ],
  },
  {
    id: 'A2-V-1-2.1',
    citation: a2(5, 1, 2),
    section: 'A2-V',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '提昇軟體系統之可靠性：包含提升軟體開發品質與提升軟體維護品質對策。',
      'Improve software reliability: countermeasures to raise the quality of software development and maintenance.',
    ),
    procedure: bi(
      '取得系統開發及變更管理程序。自最近一年上線之變更抽查 5 件，確認有需求核准、程式審查、測試及使用者驗收紀錄，開發與正式環境分離，且由開發以外之人員部署並備有回復計畫。',
      'Obtain the system development and change management procedures. Sample 5 changes deployed in the last 12 months and confirm each has an approved request, code review, test and user acceptance records, that development and production are separate, and that someone other than the developer deployed it with a rollback plan.',
    ),
    evidence: [
      PLAN,
      bi('開發及變更管理程序', 'Development and change management procedures'),
      bi('變更單及測試驗收紀錄', 'Change tickets and test and acceptance records'),
    ],
  },
  {
    id: 'A2-V-1-3.1',
    citation: a2(5, 1, 3),
    section: 'A2-V',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '資訊系統可靠性對策應包含：提升營運可靠性之對策。',
      'The reliability countermeasures shall include measures to improve operational reliability.',
    ),
    procedure: bi(
      '取得資訊作業操作程序、批次作業監控及容量管理報告。抽查 5 個營業日之機房或維運作業日誌，確認批次異常已記錄並處理；檢視容量報告是否預警並已採取擴充措施。',
      'Obtain the IT operating procedures, batch-job monitoring and capacity management reports. Inspect the operations logs of 5 business days and confirm batch failures were recorded and handled; check that the capacity reports give early warning and that expansion was acted on.',
    ),
    evidence: [
      PLAN,
      bi('資訊作業操作程序', 'IT operating procedures'),
      bi('維運作業日誌', 'Operations logs'),
      bi('容量管理報告', 'Capacity management reports'),
    ],
  },
  {
    id: 'A2-V-1-4.1',
    citation: a2(5, 1, 4),
    section: 'A2-V',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '資訊系統可靠性對策應包含：故障之早期發現與早期復原對策。',
      'The reliability countermeasures shall include early detection of and early recovery from failures.',
    ),
    procedure: bi(
      '確認重要系統設有可用性監控及自動警示，並訂有故障升級及復原程序。自最近一年系統中斷紀錄抽查 3 件，計算自發生至發現、自發現至復原之時間，與公司訂定之目標比較。',
      'Confirm key systems have availability monitoring with automatic alerts and a procedure for escalation and recovery. Sample 3 outages of the last 12 months, measure the time from failure to detection and from detection to recovery, and compare them with the company’s targets.',
    ),
    evidence: [
      PLAN,
      bi('可用性監控設定', 'Availability monitoring settings'),
      bi('系統中斷紀錄', 'Outage records'),
    ],
  },
  {
    id: 'A2-V-1-5.1',
    citation: a2(5, 1, 5),
    related: [fsc(1, 3, 4)],
    section: 'A2-V',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '資訊系統可靠性對策應包含：災變對策。',
      'The reliability countermeasures shall include disaster countermeasures.',
    ),
    procedure: bi(
      '取得災變復原計畫、異地備援架構及備份異地存放紀錄。檢視最近一次異地備援演練報告，確認涵蓋第一類系統、達成復原時間目標，且演練發現事項已改善；抽查 1 次備份還原測試紀錄。',
      'Obtain the disaster recovery plan, the DR site architecture and the records of off-site backup storage. Inspect the latest DR drill report and confirm it covered class 1 systems, met the recovery time objectives and its findings were remediated; inspect 1 backup restore test.',
    ),
    evidence: [
      PLAN,
      bi('災變復原計畫', 'Disaster recovery plan'),
      bi('異地備援演練報告', 'DR drill report'),
      bi('備份還原測試紀錄', 'Backup restore test record'),
    ],
  },
  {
    id: 'A2-V-2.1',
    citation: a2(5, 2),
    section: 'A2-V',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    register: 'policy-reviews',
    requirement: bi(
      '會員公司應就資訊安全性侵害研擬相關對策，其內容包括資料保護、防止非法使用及防止非法程式。',
      'The company shall draw up countermeasures against information-security breaches, covering data protection, prevention of unauthorised use and prevention of malicious programs.',
    ),
    procedure: bi(
      '取得記載資訊安全性侵害對策之文件（如資訊安全政策及各項管理程序），確認經權責主管核定並定期檢討，逐項比對是否涵蓋伍、二之(一)至(三)。',
      'Obtain the documents that set out the countermeasures against security breaches (e.g. the information-security policy and procedures); confirm they were approved by the responsible manager and are reviewed periodically, and check item by item that they cover V.2(1) to (3).',
    ),
    evidence: [SECURITY_PLAN, bi('核定及檢討紀錄', 'Approval and review records')],
  },
  {
    id: 'A2-V-2-1.1',
    citation: a2(5, 2, 1),
    section: 'A2-V',
    category: 'personal-data',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '資料保護：包含防止洩漏、防止破壞篡改與相對應檢測之對策。',
      'Data protection: countermeasures against leakage, destruction and tampering, with corresponding detection.',
    ),
    procedure: bi(
      '確認機敏資料之防洩漏措施（資料分級、資料外洩防護、儲存及傳輸加密、可攜式媒體管控）及防篡改與檢測措施（權限控管、完整性檢查、資料庫稽核）。就 1 個存放個人資料之資料庫，取得加密設定及稽核設定畫面，並抽查 3 筆資料外洩防護警示之處理紀錄。',
      'Confirm the measures against leakage of sensitive data (classification, data-loss prevention, encryption at rest and in transit, control of removable media) and against tampering, with detection (access control, integrity checks, database audit). For 1 database holding personal data obtain its encryption and audit settings, and inspect the handling of 3 data-loss-prevention alerts.',
    ),
    evidence: [
      SECURITY_PLAN,
      bi('資料庫加密及稽核設定', 'Database encryption and audit settings'),
      bi('資料外洩防護警示處理紀錄', 'DLP alert handling records'),
    ],
  },
  {
    id: 'A2-V-2-2.1',
    citation: a2(5, 2, 2),
    section: 'A2-V',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '防止非法使用：包含存取權限確認、應用範圍限制、防止非法偽造、限制外部網路存取及偵測與因應之對策。',
      'Preventing unauthorised use: countermeasures covering confirmation of access rights, limits on the scope of use, prevention of forgery, restriction of access from external networks, and detection and response.',
    ),
    procedure: bi(
      '確認遠端及對外存取限制（VPN 需多因素驗證、管理介面不對外開放、上網經代理伺服器過濾）、交易或文件防偽措施（如電子簽章、交易驗證碼）及異常使用之偵測規則。實測自外部網路連線 1 個管理介面，確認無法存取；抽查 3 筆異常使用偵測警示之處理紀錄。',
      'Confirm the restrictions on remote and external access (multi-factor VPN, management interfaces not exposed, web access filtered through a proxy), anti-forgery measures for transactions or documents (e.g. electronic signatures, transaction verification codes) and the rules that detect misuse. Try to reach 1 management interface from an external network and confirm it is refused; inspect the handling of 3 misuse alerts.',
    ),
    evidence: [
      SECURITY_PLAN,
      bi('遠端存取及代理伺服器設定', 'Remote access and proxy settings'),
      bi('異常使用偵測警示處理紀錄', 'Misuse alert handling records'),
    ],
  },
  {
    id: 'A2-V-2-3.1',
    citation: a2(5, 2, 3),
    section: 'A2-V',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '防止非法程式：包含防禦、偵測與復原對策。',
      'Preventing malicious programs: defence, detection and recovery countermeasures.',
    ),
    procedure: bi(
      '確認防禦措施（郵件沙箱、應用程式白名單、禁止使用者安裝軟體）、偵測措施（防毒或 EDR、SOC 監控）及復原措施（勒索軟體復原程序、離線或不可變更之備份）。取得最近一次自離線備份還原之測試紀錄，確認可於目標時間內復原。',
      'Confirm the defences (mail sandbox, application allow-listing, no software installation by users), detection (anti-virus or EDR, SOC monitoring) and recovery (ransomware recovery procedure, offline or immutable backups). Obtain the latest test of a restore from offline backup and confirm recovery within the target time.',
    ),
    evidence: [
      SECURITY_PLAN,
      bi('惡意程式防護設定', 'Malware protection settings'),
      bi('離線備份還原測試紀錄', 'Offline backup restore test record'),
    ],
  },
  {
    id: 'A2-VI.1',
    citation: a2(6),
    related: [fsc(3, undefined, 7)],
    section: 'A2-VI',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '每年應至少一次針對使用電腦系統人員，於安全監控範圍內，寄發演練郵件，加強資通安全教育，以期防範惡意程式透過社交方式入侵。',
      'At least once a year, drill e-mails shall be sent, within the scope of security monitoring, to the people who use computer systems, to strengthen security education and prevent malware from entering through social engineering.',
    ),
    procedure: bi(
      '取得最近兩年社交工程演練計畫及結果報告，確認每年至少辦理一次。將演練收件人數與在職員工名冊及有效電子郵件帳號數比對，確認涵蓋所有使用電腦系統之人員（含派駐之委外人員）；確認演練於安全監控範圍內執行（演練平台受公司控管，連結及附件不含真實惡意程式）。記錄開啟率及點擊率。',
      'Obtain the social-engineering drill plans and result reports of the last 2 years and confirm at least one drill a year. Compare the number of recipients with the staff roster and the number of active mailboxes, and confirm everyone who uses computer systems (including on-site contractors) was included; confirm the drill ran within security monitoring (a platform under the company’s control, links and attachments without real malware). Record the open and click rates.',
    ),
    evidence: [
      bi('社交工程演練計畫及結果報告', 'Drill plans and result reports'),
      bi('收件人清單與員工名冊比對', 'Recipient list reconciled to the staff roster'),
    ],
  },
  {
    id: 'A2-VI.2',
    citation: a2(6),
    section: 'A2-VI',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '社交工程演練之結果應用於加強資通安全教育，以防範惡意程式透過社交方式入侵。',
      'The results of the social-engineering drill shall be used to strengthen security education, so that malware cannot enter through social engineering.',
    ),
    procedure: bi(
      '取得開啟或點擊演練郵件之人員名單，抽查 10 名，確認已完成加強教育訓練；確認多次點擊者有額外措施，演練結果已提報管理階層並列入評估報告（捌、社交演練結果）。比較歷年點擊率之趨勢。',
      'Obtain the list of people who opened or clicked the drill e-mails; sample 10 and confirm they completed the follow-up training. Confirm repeat clickers received additional measures and that the results were reported to management and included in the assessment report (VIII, drill results). Compare the click rate with earlier years.',
    ),
    evidence: [
      bi('開啟或點擊人員名單', 'List of people who opened or clicked'),
      bi('加強教育訓練紀錄', 'Follow-up training records'),
      bi('演練結果陳報紀錄', 'Report of the results to management'),
    ],
  },
];
