/**
 * Checklist items: Annex 2 part IV, the five assessment areas. Each test first checks that the
 * latest assessment covered the sub-item, then re-performs part of it.
 */
import { a2, fsc } from '../citation';
import type { ChecklistItem } from '../schema';
import { bi } from './helpers';

const REPORT = bi(
  '評估報告及工作底稿（本項部分）',
  'Assessment report and working papers (this sub-item)',
);

export const A2_ASSESSMENT_ITEMS: readonly ChecklistItem[] = [
  {
    id: 'A2-IV-1-1-1.1',
    citation: a2(4, 1, 1, 1),
    section: 'A2-IV',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '資訊架構檢視：檢視網路架構之配置、資訊設備安全管理規則之妥適性等，以評估可能之風險，採取必要因應措施。',
      'Architecture review: review the layout of the network architecture and the adequacy of the security management rules for IT equipment, assess the possible risks and take the necessary measures.',
    ),
    procedure: bi(
      '取得評估報告中網路架構檢視之結果，確認所用網路架構圖為最新版本（註記日期，並與防火牆區域設定相符：網際網路、DMZ、內部網路、異地備援），且已檢視設備安全管理規則（設備強化基準）。抽查 3 項識別之風險，確認已採取因應措施或經核准接受。',
      'Obtain the network-architecture review in the assessment report; confirm the diagram used is current (dated, and consistent with the firewall zones: internet, DMZ, internal, DR site) and that the security rules for equipment (hardening baselines) were reviewed. Sample 3 risks identified and confirm measures were taken or the risk was accepted with approval.',
    ),
    evidence: [
      REPORT,
      bi('網路架構圖', 'Network architecture diagram'),
      bi('設備安全設定基準', 'Equipment hardening baselines'),
    ],
  },
  {
    id: 'A2-IV-1-1-2.1',
    citation: a2(4, 1, 1, 2),
    section: 'A2-IV',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '檢視單點故障最大衝擊與風險承擔能力。',
      'Review the maximum impact of single points of failure and the capacity to bear that risk.',
    ),
    procedure: bi(
      '檢視評估報告之單點故障分析，確認涵蓋第一類及第二類系統之關鍵元件（對外線路、防火牆、核心交換器、資料庫伺服器、儲存設備、電力）。對識別之單點故障，確認已建置備援或經權責主管核准承擔風險。詢問基礎架構主管最近一年之系統中斷事件，確認是否因未識別之單點故障所致。',
      'Inspect the single-point-of-failure analysis in the report; confirm it covers the critical components of class 1 and class 2 systems (external links, firewalls, core switches, database servers, storage, power). For each single point of failure found, confirm redundancy was built or the responsible manager accepted the risk. Ask the head of infrastructure about the outages of the last 12 months and whether any came from a single point of failure that had not been identified.',
    ),
    evidence: [
      REPORT,
      bi('單點故障分析及風險接受紀錄', 'Single-point-of-failure analysis and risk acceptances'),
    ],
  },
  {
    id: 'A2-IV-1-1-3.1',
    citation: a2(4, 1, 1, 3),
    section: 'A2-IV',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '檢視對於持續營運所採取相關措施之妥適性。',
      'Review the adequacy of the measures taken for business continuity.',
    ),
    procedure: bi(
      '檢視評估報告對營運持續措施之評估，並取得營運持續計畫、第一類系統之復原時間目標及最近一次異地備援演練報告，確認演練結果達成目標，演練發現事項已列管改善。',
      'Check the report’s assessment of continuity measures; obtain the business-continuity plan, the recovery time objectives of class 1 systems and the latest disaster-recovery drill report; confirm the drill met the objectives and its findings are being remediated.',
    ),
    evidence: [
      REPORT,
      bi('營運持續計畫', 'Business-continuity plan'),
      bi('異地備援演練報告', 'Disaster-recovery drill report'),
    ],
  },
  {
    id: 'A2-IV-1-2-1.1',
    citation: a2(4, 1, 2, 1),
    section: 'A2-IV',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '網路活動檢視：檢視網路設備、伺服器之存取紀錄及帳號權限，識別異常紀錄與確認警示機制。',
      'Network activity review: review the access logs and account privileges of network devices and servers, identify anomalies and confirm alerting works.',
    ),
    procedure: bi(
      '檢視評估報告本項結果。就第一類系統抽查 3 台伺服器及 2 台網路設備，取得帳號清單與員工名冊及權限申請單比對，確認無離職人員帳號、共用帳號或未經核准之權限；確認存取紀錄已集中保存並設有異常登入警示（如連續失敗、非上班時間之管理者登入），並抽查 1 筆警示之處理紀錄。',
      'Check the report’s results for this sub-item. For class 1 systems sample 3 servers and 2 network devices; compare their account lists with the staff roster and access requests and confirm there are no leavers’ accounts, shared accounts or unapproved privileges. Confirm the access logs are collected centrally with alerts for unusual logins (repeated failures, administrator logins out of hours), and inspect the handling of 1 alert.',
    ),
    evidence: [
      REPORT,
      bi('伺服器及網路設備帳號清單', 'Account lists of servers and network devices'),
      bi('存取紀錄及警示處理紀錄', 'Access logs and alert handling records'),
    ],
  },
  {
    id: 'A2-IV-1-2-2.1',
    citation: a2(4, 1, 2, 2),
    section: 'A2-IV',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '檢視資安設備（如防火牆、入侵偵測、防毒軟體、資料防護等）之監控紀錄，識別異常紀錄與確認警示機制。',
      'Review the monitoring records of security devices (firewalls, intrusion detection, anti-virus, data protection and the like), identify anomalies and confirm alerting works.',
    ),
    procedure: bi(
      '檢視評估報告本項結果。取得日誌管理或 SOC 平台之資安設備來源清單，與資安設備清冊比對，確認均已納入監控。自最近三個月之警示抽查 5 筆（含高嚴重度），追蹤其研判、處理及結案紀錄。',
      'Check the report’s results for this sub-item. Obtain the list of security devices feeding the log-management or SOC platform and compare it with the security-device inventory to confirm all are monitored. Sample 5 alerts of the last 3 months (including high-severity ones) and trace their triage, handling and closure.',
    ),
    evidence: [
      REPORT,
      bi('監控平台日誌來源清單', 'Log sources of the monitoring platform'),
      bi('警示處理紀錄', 'Alert handling records'),
    ],
  },
  {
    id: 'A2-IV-1-2-3.1',
    citation: a2(4, 1, 2, 3),
    section: 'A2-IV',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '檢視網路是否存在異常連線或異常網域名稱解析伺服器（DNS Server）查詢，並比對是否為已知惡意 IP、中繼站或有符合網路惡意行為的特徵。',
      'Check the network for unusual connections or unusual DNS queries and compare them with known malicious IP addresses, command-and-control servers or signatures of malicious network behaviour.',
    ),
    procedure: bi(
      '檢視評估報告本項結果，確認分析之日誌期間、比對之情資來源（如 F-ISAC 入侵指標）及發現事項。確認 DNS 查詢紀錄已啟用並保存；對比對命中之項目，確認已追查主機並處理。',
      'Check the report’s results for this sub-item and confirm the log period analysed, the intelligence compared (e.g. F-ISAC indicators of compromise) and the findings. Confirm DNS query logging is on and retained; for any match, confirm the host was investigated and cleaned.',
    ),
    evidence: [
      REPORT,
      bi('DNS 查詢紀錄保存設定', 'DNS query logging settings'),
      bi('命中項目追查紀錄', 'Investigation records of matches'),
    ],
  },
  {
    id: 'A2-IV-1-3-1.1',
    citation: a2(4, 1, 3, 1),
    related: [fsc(5, 1, 3)],
    section: 'A2-IV',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    register: 'system-inventory',
    requirement: bi(
      '辦理網路設備及伺服器的弱點掃描與修補作業。',
      'Run vulnerability scans of network devices and servers and remediate the findings.',
    ),
    procedure: bi(
      '取得受查期間之弱點掃描報告，與系統清冊比對掃描範圍，確認第一類系統之網路設備及伺服器均已掃描。抽查 10 項高風險弱點，確認於公司規定期限內修補並有複掃證據，或有經核准之例外及補償措施。',
      'Obtain the vulnerability scan reports of the period and compare their scope with the system inventory to confirm every network device and server of class 1 systems was scanned. Sample 10 high-risk vulnerabilities and confirm each was fixed within the company’s deadline with rescan evidence, or has an approved exception and compensating controls.',
    ),
    evidence: [
      REPORT,
      bi('弱點掃描報告', 'Vulnerability scan reports'),
      bi('修補及複掃紀錄', 'Remediation and rescan records'),
    ],
  },
  {
    id: 'A2-IV-1-3-2.1',
    citation: a2(4, 1, 3, 2),
    section: 'A2-IV',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '檢測終端設備及伺服器是否存在惡意程式。',
      'Check endpoints and servers for malware.',
    ),
    procedure: bi(
      '檢視評估報告本項所用工具、檢測範圍及結果。取得防毒或 EDR 管理主控台之代理程式清單與資產清冊比對，計算涵蓋率並瞭解未安裝之原因；抽查 5 台端點及伺服器，確認代理程式運作中且特徵碼為最新。',
      'Check the tool, scope and results of this sub-item in the report. Compare the agent list from the anti-virus or EDR console with the asset inventory, compute the coverage and find out why any device lacks an agent; on 5 endpoints and servers confirm the agent is running with current signatures.',
    ),
    evidence: [
      REPORT,
      bi('防毒或 EDR 代理程式清單及涵蓋率', 'Anti-virus or EDR agent list and coverage'),
    ],
  },
  {
    id: 'A2-IV-1-3-3.1',
    citation: a2(4, 1, 3, 3),
    section: 'A2-IV',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '檢測系統帳號登入密碼複雜度；檢視外部連接密碼（如 FTP 連線、資料庫連線等）之儲存保護機制與存取控制。',
      'Test the complexity of system account passwords; review how passwords for external connections (e.g. FTP and database connections) are stored, protected and access-controlled.',
    ),
    procedure: bi(
      '檢視評估報告之弱密碼檢測結果及處理情形。請資訊人員陪同檢視 3 個應用系統之設定檔或批次程式，確認 FTP 及資料庫連線密碼未以明文存放，而係加密或存放於密碼保管機制，且存取權限僅限必要之服務帳號。',
      'Check the weak-password test results in the report and how they were dealt with. With IT staff inspect the configuration files or batch scripts of 3 applications and confirm FTP and database passwords are not stored in clear but encrypted or kept in a secrets vault, with access limited to the service accounts that need them.',
    ),
    evidence: [
      REPORT,
      bi('弱密碼檢測結果', 'Weak-password test results'),
      bi('設定檔檢視紀錄', 'Notes of the configuration files inspected'),
    ],
  },
  {
    id: 'A2-IV-1-4-1.1',
    citation: a2(4, 1, 4, 1),
    section: 'A2-IV',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '外部網站安全檢測：針對網站進行滲透測試及弱點掃描。',
      'External website security testing: run penetration tests and vulnerability scans of the websites.',
    ),
    procedure: bi(
      '取得對外網站及網域清冊，與滲透測試及網站弱點掃描報告之範圍比對，確認所有對外網站均已檢測；確認檢測單位、日期及範圍。抽查 5 項中高風險缺失，確認已修補並複測。',
      'Obtain the register of external websites and domains and compare it with the scope of the penetration tests and web vulnerability scans to confirm every external site was tested; note who tested, when and what. Sample 5 medium- or high-risk findings and confirm they were fixed and retested.',
    ),
    evidence: [
      bi('對外網站及網域清冊', 'Register of external websites and domains'),
      bi('滲透測試及網站弱點掃描報告', 'Penetration test and web scan reports'),
      bi('複測紀錄', 'Retest records'),
    ],
  },
  {
    id: 'A2-IV-1-4-2.1',
    citation: a2(4, 1, 4, 2),
    section: 'A2-IV',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '檢視網站目錄及網頁之存取權限。',
      'Review the access permissions of website directories and pages.',
    ),
    procedure: bi(
      '檢視評估報告本項結果。就 2 個第一類網站，確認未開啟目錄瀏覽、管理後台無法自網際網路存取、網站根目錄之寫入權限僅限部署帳號，且無遺留之測試或備份檔案。',
      'Check the report’s results for this sub-item. For 2 class 1 websites confirm directory listing is off, the administration pages cannot be reached from the internet, write access to the web root is limited to the deployment account, and no test or backup files are left behind.',
    ),
    evidence: [REPORT, bi('網站目錄權限設定', 'Web directory permission settings')],
  },
  {
    id: 'A2-IV-1-4-3.1',
    citation: a2(4, 1, 4, 3),
    section: 'A2-IV',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '檢視網站是否有異常的授權連線、CPU 資源異常耗用及異常之資料庫存取行為等情況。',
      'Check websites for unusual authorised connections, abnormal CPU consumption and unusual database access.',
    ),
    procedure: bi(
      '檢視評估報告本項結果。確認網站伺服器之資源監控（CPU 使用率門檻）及資料庫存取監控（如資料庫稽核或 DAM）已設警示；抽查最近三個月 3 筆相關警示之研判與處理紀錄。',
      'Check the report’s results for this sub-item. Confirm alerts are set on web-server resource monitoring (CPU thresholds) and on database access monitoring (database audit or DAM); inspect the triage and handling of 3 such alerts of the last 3 months.',
    ),
    evidence: [
      REPORT,
      bi('資源及資料庫存取監控設定', 'Resource and database access monitoring settings'),
      bi('警示處理紀錄', 'Alert handling records'),
    ],
  },
  {
    id: 'A2-IV-1-5-1.1',
    citation: a2(4, 1, 5, 1),
    section: 'A2-IV',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '安全設定檢視：檢視伺服器（如網域服務 Active Directory）有關「密碼設定原則」與「帳號鎖定原則」設定。',
      'Security configuration review: review the password policy and account lockout policy settings of servers (e.g. Active Directory).',
    ),
    procedure: bi(
      '取得 AD 預設網域原則及細部密碼原則之匯出，確認最小長度、複雜度、歷程、最長使用期限、鎖定門檻及鎖定時間符合公司密碼規範；特權帳號是否適用較嚴格之原則。比對評估報告本項結果是否一致。',
      'Obtain an export of the AD default domain policy and the fine-grained password policies; confirm minimum length, complexity, history, maximum age, lockout threshold and lockout duration meet the company’s password standard, and whether privileged accounts have a stricter policy. Check that the report’s results agree.',
    ),
    evidence: [
      REPORT,
      bi('AD 密碼及帳號鎖定原則匯出', 'Export of AD password and lockout policies'),
      bi('公司密碼規範', 'Company password standard'),
    ],
  },
  {
    id: 'A2-IV-1-5-2.1',
    citation: a2(4, 1, 5, 2),
    section: 'A2-IV',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '檢視防火牆是否開啟具有安全性風險的通訊埠或非必要通訊埠，連線設定是否有安全性弱點。',
      'Check whether firewalls open risky or unnecessary ports and whether their connection rules have security weaknesses.',
    ),
    procedure: bi(
      '取得對外防火牆規則匯出，檢查是否有來源及目的皆為任意（any-any）之規則、自網際網路開放之高風險通訊埠（如 Telnet 23、FTP 21、SMB 445、RDP 3389）、無申請單或業務負責人之規則。取得最近一次防火牆規則定期覆核紀錄，確認已刪除不再需要之規則。',
      'Obtain an export of the external firewall rules and look for any-to-any rules, high-risk ports open from the internet (e.g. Telnet 23, FTP 21, SMB 445, RDP 3389) and rules with no request or business owner. Obtain the latest periodic rule review and confirm rules no longer needed were removed.',
    ),
    evidence: [
      REPORT,
      bi('防火牆規則匯出', 'Firewall rule export'),
      bi('防火牆規則定期覆核紀錄', 'Firewall rule review records'),
    ],
  },
  {
    id: 'A2-IV-1-5-3.1',
    citation: a2(4, 1, 5, 3),
    section: 'A2-IV',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '檢視系統存取限制（如存取控制清單 Access Control List）及特權帳號管理。',
      'Review system access restrictions (e.g. access control lists) and privileged account management.',
    ),
    procedure: bi(
      '取得特權帳號清單（網域管理者、root、DBA、網路設備管理者），與經核准之特權帳號名冊比對。抽查 5 個特權帳號，確認經核准、使用特權帳號管理機制（PAM）或密碼封存、使用過程留有紀錄，且已定期覆核；抽查 2 台伺服器之存取控制清單，確認限制來源符合申請。',
      'Obtain the list of privileged accounts (domain admins, root, DBAs, network administrators) and compare it with the approved register. Sample 5 privileged accounts and confirm each was approved, is used through privileged-access management (PAM) or sealed passwords, its use is logged and it is reviewed periodically; inspect the access control lists of 2 servers and confirm the allowed sources match the requests.',
    ),
    evidence: [
      REPORT,
      bi('特權帳號清單及核准名冊', 'Privileged account list and approved register'),
      bi('特權帳號使用及覆核紀錄', 'Privileged use and review records'),
    ],
  },
  {
    id: 'A2-IV-1-5-4.1',
    citation: a2(4, 1, 5, 4),
    section: 'A2-IV',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '檢視作業系統、防毒軟體、辦公軟體及應用軟體等之更新設定及更新狀態。',
      'Review the update settings and update status of operating systems, anti-virus, office software and application software.',
    ),
    procedure: bi(
      '取得修補管理系統（如 WSUS、SCCM）之更新狀態報表，抽查 10 台伺服器及端點，確認重大安全更新已於公司規定期限內安裝，防毒及辦公軟體為最新版本；列出已停止支援（EOL）之作業系統或軟體，確認有汰換計畫或補償措施。',
      'Obtain the update status report from patch management (e.g. WSUS, SCCM); for 10 servers and endpoints confirm critical security updates were installed within the company’s deadline and anti-virus and office software are current. List operating systems or software past end of support and confirm there is a replacement plan or compensating controls.',
    ),
    evidence: [
      REPORT,
      bi('修補狀態報表', 'Patch status report'),
      bi('停止支援軟體清單及汰換計畫', 'End-of-support list and replacement plan'),
    ],
  },
  {
    id: 'A2-IV-1-5-5.1',
    citation: a2(4, 1, 5, 5),
    section: 'A2-IV',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '檢視金鑰之儲存保護機制與存取控制。',
      'Review how cryptographic keys are stored, protected and access-controlled.',
    ),
    procedure: bi(
      '取得金鑰清冊（TLS 私鑰、資料庫加密金鑰、App 簽章金鑰、HSM 或 KMS 中之金鑰）。抽查 3 把金鑰，確認存放於 HSM、KMS 或加密之金鑰庫，存取限於指定保管人並有雙人控管或存取紀錄，且依規定期限更換。',
      'Obtain the key inventory (TLS private keys, database encryption keys, app signing keys, keys in an HSM or KMS). Sample 3 keys and confirm each is held in an HSM, a KMS or an encrypted keystore, access is limited to named custodians with dual control or logged access, and the key is rotated as required.',
    ),
    evidence: [
      REPORT,
      bi('金鑰清冊', 'Key inventory'),
      bi('金鑰保管及存取紀錄', 'Key custody and access records'),
    ],
  },
  {
    id: 'A2-IV-2.1',
    citation: a2(4, 2),
    section: 'A2-IV',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    register: 'system-inventory',
    requirement: bi(
      '第一類電腦系統應依前項辦理資訊安全評估作業，第二類及第三類電腦系統辦理資訊安全評估作業則依系統特性選擇前項必要之評估作業項目。',
      'Class 1 systems shall be assessed on every sub-item of the preceding paragraph; for class 2 and class 3 systems the necessary sub-items are chosen according to the system’s characteristics.',
    ),
    procedure: bi(
      '就每一第一類系統最近一次評估報告，逐項勾稽肆、一之五大項 17 個細項均已執行。抽查 3 份第二類或第三類系統之評估報告，確認已記錄選擇評估項目之理由，且理由與系統特性相符（如無對外網站者免做外部網站檢測）。',
      'For the latest assessment of each class 1 system, tick off that all 17 sub-items of the five areas of IV.1 were performed. Sample 3 assessments of class 2 or class 3 systems and confirm the reasons for the sub-items chosen are recorded and fit the system (e.g. no external website test for a system without one).',
    ),
    evidence: [
      bi('評估項目勾稽表', 'Sub-item coverage checklist'),
      bi(
        '第二、三類系統評估項目選擇理由',
        'Reasons for the sub-items chosen for class 2 and 3 systems',
      ),
    ],
  },
];
