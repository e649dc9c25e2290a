/** Checklist items: the briefing's section 一 (information-security governance). */
import { fsc } from '../citation';
import type { ChecklistItem } from '../schema';
import { bi } from './helpers';

export const FSC_GOVERNANCE_ITEMS: readonly ChecklistItem[] = [
  {
    id: 'FSC-1-1-01.1',
    citation: fsc(1, 1, 1),
    section: 'FSC-1',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    register: 'policy-reviews',
    requirement: bi(
      '依修訂之保險業內部控制及稽核制度實施辦法，建立資訊系統各項內部控制作業。',
      'Under the amended rules on insurers’ internal control and audit systems, internal controls shall be established for every aspect of information systems.',
    ),
    procedure: bi(
      '取得內部控制制度之資訊作業章節，確認涵蓋系統開發與變更、電腦操作、存取控制、備份與復原、委外管理、資訊安全及個資保護等作業，且已依最新法令修訂。取得最近一次內部稽核之資訊作業查核報告，確認查核範圍涵蓋上述作業。',
      'Obtain the IT chapter of the internal control system; confirm it covers system development and change, operations, access control, backup and recovery, outsourcing, information security and personal-data protection, and was revised for the latest regulations. Obtain the latest internal audit report on IT and confirm its scope covered these activities.',
    ),
    evidence: [
      bi('內部控制制度（資訊作業章節）', 'Internal control system (IT chapter)'),
      bi('內部稽核資訊作業查核報告', 'Internal audit report on IT'),
    ],
  },
  {
    id: 'FSC-1-1-03.1',
    citation: fsc(1, 1, 3),
    section: 'FSC-1',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '設置資安專責單位及主管。',
      'A dedicated information-security unit and head shall be established.',
    ),
    procedure: bi(
      '取得組織圖、設置資安專責單位之董事會決議或核定文件及單位職掌，確認已設置專責單位及主管，並取得人員名冊確認專責人員數。詢問資安專責主管其是否兼任資訊系統開發或維運等可能產生利益衝突之職務，並確認其定期向董事會或高階管理階層報告。',
      'Obtain the organisation chart, the board resolution or approval establishing the information-security unit and its charter; confirm the unit and its head exist and obtain the staff list to count the dedicated staff. Ask the head of the unit whether they also hold conflicting duties such as system development or operations, and confirm they report periodically to the board or senior management.',
    ),
    evidence: [
      bi('組織圖及單位職掌', 'Organisation chart and unit charter'),
      bi('董事會決議或核定文件', 'Board resolution or approval'),
      bi('資安專責人員名冊', 'List of dedicated security staff'),
    ],
  },
  {
    id: 'FSC-1-1-04.1',
    citation: fsc(1, 1, 4),
    section: 'FSC-1',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '要求高階管理人員出具聯合聲明。',
      'Senior managers shall issue a joint statement (on information security).',
    ),
    procedure: bi(
      '取得最近一年度資訊安全整體執行情形之聯合聲明，確認由法令及公司規定之高階管理人員（例如董事長、總經理、總稽核及資訊安全專責主管）聯名簽署，並於期限內提報董事會。將聲明內容與已知之重大資安缺失（含主管機關裁罰及未改善之評估缺失）比對，確認已揭露。',
      'Obtain the latest joint statement on the overall state of information security; confirm it was signed by the senior managers the regulations and company rules name (e.g. chairman, president, chief auditor and head of information security) and presented to the board on time. Compare it with known significant security deficiencies (including regulatory penalties and unremediated assessment findings) and confirm they were disclosed.',
    ),
    evidence: [
      bi('資訊安全聯合聲明', 'Joint statement on information security'),
      bi('董事會議事錄', 'Board minutes'),
    ],
  },
  {
    id: 'FSC-1-3-01.1',
    citation: fsc(1, 3, 1),
    section: 'FSC-1',
    category: 'management',
    nature: 'supervisory',
    applicability: 'always',
    requirement: bi(
      '推動一定規模保險業增設資安長，統籌資安政策與協調資源。',
      'Insurers above a certain size are expected to appoint a chief information-security officer to direct security policy and coordinate resources.',
    ),
    procedure: bi(
      '詢問法令遵循主管公司是否屬主管機關要求設置資安長之規模，並取得判斷依據。如屬之，取得資安長之任命文件（董事會決議）、職級及職掌，確認其負責統籌資安政策與協調資源；如否，記錄判斷依據。',
      'Ask the head of compliance whether the company is of the size for which the regulator expects a chief information-security officer, and obtain the basis. If so, obtain the appointment (board resolution), rank and duties, and confirm the role directs security policy and coordinates resources; if not, record the basis.',
    ),
    evidence: [
      bi('資安長任命文件及職掌', 'CISO appointment and duties'),
      bi('規模判斷依據', 'Basis for the size assessment'),
    ],
  },
  {
    id: 'FSC-1-3-02.1',
    citation: fsc(1, 3, 2),
    section: 'FSC-1',
    category: 'management',
    nature: 'supervisory',
    applicability: 'always',
    requirement: bi(
      '鼓勵遴聘具資安背景之董事、顧問或設置資安諮詢小組，透過第三方外部專業人員協助董事會決策過程。',
      'Insurers are encouraged to appoint directors or advisers with a security background, or set up a security advisory group, so that outside experts assist the board’s decisions.',
    ),
    procedure: bi(
      '取得董事名單及學經歷、資安顧問或諮詢小組之聘任文件，確認是否具資安背景。抽查最近一年 2 次討論資安議題之董事會或委員會紀錄，確認外部專業意見之提供情形。',
      'Obtain the list of directors with their backgrounds and any appointments of security advisers or an advisory group, and note whether they have a security background. Inspect 2 board or committee minutes of the last 12 months that discussed security and note how outside expertise contributed.',
    ),
    evidence: [
      bi('董事名單及學經歷', 'Directors and their backgrounds'),
      bi('資安顧問或諮詢小組聘任文件', 'Appointments of security advisers or advisory group'),
      bi('董事會或委員會紀錄', 'Board or committee minutes'),
    ],
  },
  {
    id: 'FSC-1-3-03.1',
    citation: fsc(1, 3, 3),
    section: 'FSC-1',
    category: 'management',
    nature: 'supervisory',
    applicability: 'always',
    requirement: bi(
      '鼓勵導入國際資安管理標準及取得驗證，如資安管理 ISO 27001、個資管理 ISO 27701。',
      'Insurers are encouraged to adopt international security standards and be certified, e.g. ISO 27001 for security management and ISO 27701 for privacy management.',
    ),
    procedure: bi(
      '取得 ISO 27001 及 ISO 27701 驗證證書，確認有效期間及驗證範圍（應含核心系統及對客戶服務之系統）。取得最近一次驗證或追查稽核報告，確認不符合事項已矯正結案。',
      'Obtain the ISO 27001 and ISO 27701 certificates; confirm their validity and scope (which should include core and customer-facing systems). Obtain the latest certification or surveillance audit report and confirm the nonconformities were corrected and closed.',
    ),
    evidence: [
      bi('ISO 27001 及 ISO 27701 證書', 'ISO 27001 and ISO 27701 certificates'),
      bi('驗證或追查稽核報告及矯正紀錄', 'Audit reports and corrective actions'),
    ],
  },
  {
    id: 'FSC-1-3-04.1',
    citation: fsc(1, 3, 4),
    section: 'FSC-1',
    category: 'management',
    nature: 'supervisory',
    applicability: 'always',
    requirement: bi(
      '鼓勵導入國際營運持續管理標準（ISO 22301）及取得驗證；鼓勵一定規模保險業於異地備援演練時，納入實際業務運作驗證。',
      'Insurers are encouraged to adopt and be certified to the business-continuity standard ISO 22301; insurers above a certain size are encouraged to include real business operations in their disaster-recovery drills.',
    ),
    procedure: bi(
      '取得 ISO 22301 證書（如有），確認有效期間及範圍。檢視最近一次異地備援演練計畫及報告，確認是否由業務單位於備援環境實際執行交易（如出單、理賠）驗證，並記錄結果及改善事項。',
      'Obtain the ISO 22301 certificate, if any, and confirm its validity and scope. Inspect the latest disaster-recovery drill plan and report and note whether business users actually processed transactions (e.g. policy issuance, claims) on the DR environment, and record the results and follow-up.',
    ),
    evidence: [
      bi('ISO 22301 證書', 'ISO 22301 certificate'),
      bi('異地備援演練計畫及報告', 'Disaster-recovery drill plan and report'),
    ],
  },
  {
    id: 'FSC-1-3-05.1',
    citation: fsc(1, 3, 5),
    section: 'FSC-1',
    category: 'management',
    nature: 'supervisory',
    applicability: 'always',
    requirement: bi(
      '適時參考 F-ISAC 資安防護建議，並配合於 110 年度辦理資安治理成熟度評估。',
      'Insurers should draw on F-ISAC’s protection advice and carry out the security-governance maturity assessment in 2021.',
    ),
    procedure: bi(
      '取得資安治理成熟度評估結果及據以訂定之改善計畫，確認已提報管理階層，並抽查 3 項改善事項之執行情形。',
      'Obtain the security-governance maturity assessment and the improvement plan based on it; confirm they were reported to management and check progress on 3 improvement actions.',
    ),
    evidence: [
      bi('資安治理成熟度評估結果', 'Security-governance maturity assessment'),
      bi('改善計畫及執行紀錄', 'Improvement plan and progress'),
    ],
  },
  {
    id: 'FSC-1-3-06.1',
    citation: fsc(1, 3, 6),
    section: 'FSC-1',
    category: 'technical',
    nature: 'supervisory',
    applicability: 'always',
    requirement: bi(
      '鼓勵保險業建置資安監控機制（SOC）。',
      'Insurers are encouraged to set up a security operations centre (SOC).',
    ),
    procedure: bi(
      '確認 SOC（自建或委外）之監控範圍涵蓋第一類及第二類系統、監控時段（是否全天候）及偵測情境。取得最近三個月之 SOC 月報，抽查 5 筆事件之通知與處理紀錄。',
      'Confirm the scope of the SOC (in-house or outsourced) covers class 1 and class 2 systems, its hours (whether 24x7) and its detection use cases. Obtain the SOC monthly reports of the last 3 months and inspect the notification and handling of 5 events.',
    ),
    evidence: [
      bi('SOC 監控範圍及偵測情境清單', 'SOC scope and use-case list'),
      bi('SOC 月報', 'SOC monthly reports'),
      bi('事件通知及處理紀錄', 'Event notifications and handling records'),
    ],
  },
  {
    id: 'FSC-1-4-05.1',
    citation: fsc(1, 4, 5),
    related: [fsc(1, 4, 3), fsc(1, 4, 4)],
    section: 'FSC-1',
    category: 'management',
    nature: 'supervisory',
    applicability: 'always',
    requirement: bi(
      '董監事參加資安教育訓練，資安人員參加專業課程，並鼓勵資安人員取得國際資安證照。',
      'Directors and supervisors take security training, security staff take professional courses, and security staff are encouraged to obtain international security certifications.',
    ),
    procedure: bi(
      '取得董監事最近一年之資安教育訓練時數紀錄（如保發中心課程），及資安專責人員之訓練紀錄與國際資安證照清冊；確認證照有效，並與公司訂定之訓練時數或證照目標比較。',
      'Obtain the directors’ and supervisors’ security training hours of the last 12 months (e.g. courses of the Taiwan Insurance Institute), and the dedicated security staff’s training records and list of international certifications; confirm the certificates are valid and compare with the company’s targets for training hours or certifications.',
    ),
    evidence: [
      bi('董監事資安訓練紀錄', 'Directors’ security training records'),
      bi('資安人員訓練紀錄及證照清冊', 'Security staff training records and certifications'),
    ],
  },
];
