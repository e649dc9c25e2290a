/**
 * Checklist items: the briefing's sections 二 and 三 (the latest self-regulation points,
 * stronger protection). Section 二 summarises the rules as approved on 2020-05-26, whose text
 * is not among the sources: the auditor checks against the current text.
 */
import { fsc } from '../citation';
import type { ChecklistItem } from '../schema';
import { ANY_APP, bi } from './helpers';

export const FSC_PROTECTION_ITEMS: readonly ChecklistItem[] = [
  {
    id: 'FSC-2-1-02.1',
    citation: fsc(2, 1, 2),
    related: [fsc(3, undefined, 6)],
    section: 'FSC-2',
    category: 'technical',
    nature: 'obligation',
    applicability: { all: ['remoteWork'] },
    requirement: bi(
      '因應異地辦公及遠端作業，應有資料傳輸加密機制、機敏資料防護、視訊設備安控、異常行為監控等遠端作業安全措施。',
      'For split-site and remote work there shall be remote-work security measures: encrypted data transmission, protection of sensitive data, security of video-conferencing equipment and monitoring of unusual behaviour.',
    ),
    procedure: bi(
      '取得遠端作業管理規範（以最新版自律規範條文為準），確認：VPN 加密並採多因素驗證；遠端端點限用公司設備或虛擬桌面，禁止下載或列印機敏資料；視訊會議工具之安全設定（會議密碼、等候室、錄影權限）；異常遠端登入監控（異地、非上班時間、大量下載）。抽查 5 名遠端作業人員之 VPN 連線紀錄，並檢視 1 筆異常警示之處理。',
      'Obtain the remote-work rules (against the current text of the self-regulation rules) and confirm: encrypted VPN with multi-factor authentication; remote work only on company devices or virtual desktops, with no download or printing of sensitive data; secure video-conference settings (meeting passwords, waiting rooms, recording rights); monitoring of unusual remote logins (unusual locations, out of hours, bulk downloads). Inspect the VPN logs of 5 remote workers and the handling of 1 unusual-activity alert.',
    ),
    evidence: [
      bi('遠端作業管理規範', 'Remote-work rules'),
      bi('VPN 及視訊會議設定', 'VPN and video-conference settings'),
      bi('VPN 連線紀錄及異常警示處理紀錄', 'VPN logs and alert handling records'),
    ],
  },
  {
    id: 'FSC-2-1-04.1',
    citation: fsc(2, 1, 4),
    section: 'FSC-2',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    register: 'system-inventory',
    requirement: bi(
      '明定核心資訊系統範圍及訂定開發置換作業程序。',
      'The scope of core information systems shall be defined and a procedure set for developing or replacing them.',
    ),
    procedure: bi(
      '取得經核定之核心資訊系統範圍，與系統清冊之第二類系統比對是否一致。取得核心系統開發或置換作業程序，確認包含專案治理、風險評估、向董事會報告、平行作業及資料轉換驗證；如受查期間有核心系統置換，抽查其專案紀錄。',
      'Obtain the approved definition of core information systems and compare it with the class 2 systems in the inventory. Obtain the procedure for developing or replacing core systems; confirm it covers project governance, risk assessment, reporting to the board, parallel running and verification of data conversion. If a core system was replaced in the period, inspect its project records.',
    ),
    evidence: [
      bi('核心資訊系統範圍', 'Definition of core information systems'),
      bi('核心系統開發置換作業程序', 'Core-system development and replacement procedure'),
      bi('置換專案紀錄', 'Replacement project records'),
    ],
  },
  {
    id: 'FSC-2-1-05.1',
    citation: fsc(2, 1, 5),
    section: 'FSC-2',
    category: 'technical',
    nature: 'obligation',
    applicability: ANY_APP,
    register: 'system-inventory',
    requirement: bi(
      '依行動應用程式重要性進行檢測作業。',
      'Mobile apps shall be tested according to their importance.',
    ),
    procedure: bi(
      '取得 App 分級標準（以最新版自律規範條文為準）及 App 清冊（含消費者及業務員使用之 App），確認每一 App 已分級。抽查 3 個 App 最近一次檢測報告，確認檢測項目及頻率符合其等級之要求。',
      'Obtain the app grading standard (against the current text of the rules) and the app inventory (consumer and agent apps); confirm every app is graded. For 3 apps inspect the latest test report and confirm the tests and their frequency meet the requirements of the grade.',
    ),
    evidence: [
      bi('App 分級標準及清冊', 'App grading standard and inventory'),
      bi('App 檢測報告', 'App test reports'),
    ],
  },
  {
    id: 'FSC-2-1-06.1',
    citation: fsc(2, 1, 6),
    section: 'FSC-2',
    category: 'e-commerce',
    nature: 'obligation',
    applicability: { all: ['onlineSales'] },
    requirement: bi(
      '網路投保密碼應符合設計安全原則。',
      'Passwords for online insurance purchase shall follow secure design principles.',
    ),
    procedure: bi(
      '取得網路投保會員密碼規則（以最新版自律規範條文為準）。於測試環境註冊帳號，嘗試設定過短、與帳號或生日相同、常見之弱密碼，確認被拒絕；確認連續登入失敗鎖定、密碼以加鹽雜湊儲存（取得開發文件或資料庫欄位說明），以及忘記密碼之重設須經身分驗證。',
      'Obtain the password rules for online-purchase members (against the current text of the rules). Register a test account and try passwords that are too short, equal to the user ID or birth date, or common; confirm they are refused. Confirm lock-out after repeated failed logins, that passwords are stored as salted hashes (design documents or database field descriptions), and that password reset requires identity verification.',
    ),
    evidence: [
      bi('網路投保密碼規則', 'Online-purchase password rules'),
      bi('測試截圖', 'Test screenshots'),
      bi('密碼儲存設計文件', 'Password storage design'),
    ],
  },
  {
    id: 'FSC-2-1-06.2',
    citation: fsc(2, 1, 6),
    section: 'FSC-2',
    category: 'technical',
    nature: 'obligation',
    applicability: { all: ['usesIot'] },
    register: 'system-inventory',
    requirement: bi(
      '應訂定物聯網設備管理規範。',
      'Rules for managing IoT devices shall be established.',
    ),
    procedure: bi(
      '取得物聯網設備管理規範及設備清冊（網路攝影機、門禁、感測器等）。抽查 5 台設備，確認已變更預設密碼、韌體為最新、位於獨立網段且不得自網際網路直接存取。',
      'Obtain the IoT device rules and the device inventory (IP cameras, door access, sensors). Sample 5 devices and confirm default passwords were changed, firmware is current, and each sits in a separate network segment not directly reachable from the internet.',
    ),
    evidence: [
      bi('物聯網設備管理規範', 'IoT device rules'),
      bi('物聯網設備清冊', 'IoT device inventory'),
      bi('抽查設備設定紀錄', 'Settings of the sampled devices'),
    ],
  },
  {
    id: 'FSC-3-01.1',
    citation: fsc(3, undefined, 1),
    section: 'FSC-3',
    category: 'management',
    nature: 'supervisory',
    applicability: 'always',
    requirement: bi(
      '每半年填報保險業資安風險評估表（由公會彙整），以評估現行資安管理機制是否足以因應面臨之風險。',
      'Every six months the insurer fills in the security risk assessment form (collected by the association) to judge whether its security management is adequate to the risks it faces.',
    ),
    procedure: bi(
      '取得最近兩期填報之資安風險評估表及送件紀錄，確認如期填報並經權責主管核閱。抽查表中 5 項回答，取得佐證資料驗證其正確性；確認評估表所揭示之不足事項已列入改善計畫。',
      'Obtain the last two half-yearly risk assessment forms and proof of submission; confirm they were submitted on time and reviewed by the responsible manager. Sample 5 answers and verify them against supporting evidence; confirm the gaps the forms show are in an improvement plan.',
    ),
    evidence: [
      bi('資安風險評估表及送件紀錄', 'Risk assessment forms and submission records'),
      bi('回答佐證資料', 'Evidence supporting the answers'),
    ],
  },
  {
    id: 'FSC-3-02.1',
    citation: fsc(3, undefined, 2),
    section: 'FSC-3',
    category: 'technical',
    nature: 'supervisory',
    applicability: 'always',
    requirement: bi(
      '每年參與主管機關及 F-ISAC 辦理之金融業 DDoS 攻防演練，並依演練結果檢討改善資安防護措施。',
      'Take part every year in the financial-sector DDoS drill run by the regulator and F-ISAC, and improve protection based on the results.',
    ),
    procedure: bi(
      '取得最近兩年 DDoS 演練之參與紀錄及結果報告，確認每年均參與；確認演練發現之問題已訂定改善措施並完成。',
      'Obtain the records and result reports of the DDoS drills of the last 2 years and confirm the company took part every year; confirm the problems found have corrective actions that were completed.',
    ),
    evidence: [
      bi('DDoS 演練參與紀錄及結果報告', 'DDoS drill records and result reports'),
      bi('改善措施追蹤紀錄', 'Corrective-action tracking'),
    ],
  },
  {
    id: 'FSC-3-03.1',
    citation: fsc(3, undefined, 3),
    section: 'FSC-3',
    category: 'personal-data',
    nature: 'supervisory',
    applicability: 'always',
    requirement: bi(
      '防堵釣魚網站假冒公司名義，不當蒐集個人資料或涉有詐騙之情形。',
      'Phishing sites that impersonate the company to collect personal data improperly or to defraud shall be blocked.',
    ),
    procedure: bi(
      '詢問資訊安全主管如何偵測假冒公司之網站或 App（品牌監控服務、F-ISAC 通報、客戶反映），取得最近一年偵測與下架處理紀錄，抽查 3 件確認處理時效，並確認已對客戶發布警示。',
      'Ask the head of information security how sites or apps impersonating the company are detected (brand-monitoring service, F-ISAC alerts, customer reports). Obtain the detection and takedown records of the last 12 months; for 3 cases check how quickly they were handled and that customers were warned.',
    ),
    evidence: [
      bi('偽冒網站偵測及下架紀錄', 'Phishing-site detection and takedown records'),
      bi('客戶警示公告', 'Customer warnings'),
    ],
  },
  {
    id: 'FSC-3-05.1',
    citation: fsc(3, undefined, 5),
    related: [fsc(2, 1, 1)],
    section: 'FSC-3',
    category: 'management',
    nature: 'supervisory',
    applicability: 'always',
    requirement: bi(
      '加入 F-ISAC，藉由 F-ISAC 分享資安警示及獲取防護建議，並參考其資安情資防範駭客及社交工程攻擊。',
      'Join F-ISAC, share security alerts and obtain protection advice through it, and use its intelligence against hacking and social-engineering attacks.',
    ),
    procedure: bi(
      '取得 F-ISAC 會員證明及聯絡窗口名單。抽查最近一年 5 則 F-ISAC 警訊，確認已登錄、評估是否適用並於期限內完成處置（如封鎖入侵指標、修補），且公司有回饋分享情資。',
      'Obtain proof of F-ISAC membership and the list of contacts. Sample 5 F-ISAC alerts of the last 12 months and confirm each was logged, assessed for relevance and acted on in time (e.g. blocking indicators, patching), and that the company shares intelligence back.',
    ),
    evidence: [
      bi('F-ISAC 會員證明', 'Proof of F-ISAC membership'),
      bi('F-ISAC 警訊處理紀錄', 'F-ISAC alert handling records'),
    ],
  },
  {
    id: 'FSC-3-07.1',
    citation: fsc(3, undefined, 7),
    section: 'FSC-3',
    category: 'management',
    nature: 'supervisory',
    applicability: 'always',
    requirement: bi(
      '宣導防範社交工程手法（如駭客偽冒往來企業人員寄送電子郵件要求轉帳至特定帳戶），提醒人員確實遵循內部規範及標準作業流程。',
      'Staff shall be warned of social-engineering tricks (e.g. attackers posing as business partners e-mailing requests to transfer money to a particular account) and reminded to follow internal rules and standard procedures.',
    ),
    procedure: bi(
      '取得相關宣導資料及對象。檢視付款作業程序，確認變更受款帳戶或電子郵件要求轉帳時，須以既有登記之電話回撥確認。抽查最近一年 5 筆廠商受款帳戶變更，確認均有回撥確認紀錄。',
      'Obtain the awareness material and who received it. Inspect the payment procedure and confirm that a change of payee account or a transfer requested by e-mail must be confirmed by calling back a number already on file. Sample 5 changes of supplier bank accounts in the last 12 months and confirm each has a call-back record.',
    ),
    evidence: [
      bi('社交工程宣導資料', 'Social-engineering awareness material'),
      bi('付款作業程序', 'Payment procedure'),
      bi('受款帳戶變更及回撥確認紀錄', 'Payee account changes and call-back records'),
    ],
  },
];
