/** Checklist items: self-regulation rules art. 4 (staff, outsourcing, disposal). */
import { fsc, sr } from '../citation';
import type { ChecklistItem } from '../schema';
import { bi } from './helpers';

export const SR_04_ITEMS: readonly ChecklistItem[] = [
  {
    id: 'SR-04-01.1',
    citation: sr(4, { item: 1 }),
    section: 'SR-04',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    register: 'confidentiality-agreements',
    requirement: bi(
      '應要求所聘任之員工簽署資訊安全保密切結書、僱傭契約、工作手冊，明訂員工應遵守資訊安全保密協定。',
      'The company shall require the employees it hires to sign an information-security confidentiality undertaking, an employment contract and a work handbook that expressly require them to observe the information-security confidentiality agreement.',
    ),
    procedure: bi(
      '向人資部門取得受查期間新進員工名單及在職員工名冊。抽查最近一年新進員工 10 名（不足 10 名者全查）及其他在職員工 5 名，檢視其已簽署之資訊安全保密切結書，確認版本為現行版本、簽署日期不晚於到職日，且不晚於資訊部門提供之系統帳號開通日。將抽查結果與保密切結書登記簿核對，確認登記完整。',
      'Obtain from Human Resources the list of joiners in the period and the current staff roster. Sample 10 joiners of the last 12 months (all if fewer) and 5 other current employees; inspect their signed information-security confidentiality undertakings and confirm each is on the current form and was signed no later than the start date and no later than the date IT opened their system accounts. Reconcile the sample with the confidentiality-agreement register and confirm it is complete.',
    ),
    evidence: [
      bi('新進員工名單及在職員工名冊', 'List of joiners and current staff roster'),
      bi('已簽署之資訊安全保密切結書', 'Signed information-security confidentiality undertakings'),
      bi('系統帳號開通紀錄', 'System account creation records'),
      bi('保密切結書登記簿', 'Confidentiality-agreement register'),
    ],
  },
  {
    id: 'SR-04-01.2',
    citation: sr(4, { item: 1 }),
    section: 'SR-04',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '僱傭契約及工作手冊應明訂員工應遵守資訊安全保密協定。',
      'The employment contract and the work handbook shall expressly require employees to observe information-security confidentiality.',
    ),
    procedure: bi(
      '取得現行僱傭契約範本及工作手冊（員工手冊），檢視是否明訂資訊安全保密義務、違反之懲處及離職後之保密義務。詢問人資主管範本最近修訂日期及員工確認工作手冊之方式（如電子簽收）。就 SR-04-01.1 抽查之員工，檢視其已簽署之僱傭契約及工作手冊簽收紀錄。',
      'Obtain the current employment-contract template and the staff handbook; check that they state the information-security confidentiality duty, the sanctions for breach and the duty of confidentiality after leaving. Ask the head of Human Resources when the templates were last revised and how employees acknowledge the handbook (e.g. electronic sign-off). For the employees sampled in SR-04-01.1, inspect the signed employment contract and the handbook acknowledgement.',
    ),
    evidence: [
      bi('僱傭契約範本及已簽署契約', 'Employment-contract template and signed contracts'),
      bi('工作手冊（員工手冊）', 'Work handbook (staff handbook)'),
      bi('工作手冊簽收紀錄', 'Handbook acknowledgement records'),
    ],
  },
  {
    id: 'SR-04-02.1',
    citation: sr(4, { item: 2 }),
    section: 'SR-04',
    category: 'management',
    nature: 'obligation',
    applicability: { all: ['outsourcing'] },
    register: 'confidentiality-agreements',
    requirement: bi(
      '有委外業務者，應於委外契約中明訂資訊安全保密協定。',
      'Where work is outsourced, the outsourcing contract shall expressly include an information-security confidentiality agreement.',
    ),
    procedure: bi(
      '取得委外廠商清冊（含資訊系統開發維運、資安監控、客服、理賠查勘等涉及資訊或個人資料之委外）。抽查有效委外契約 5 件，以可存取客戶資料或系統者優先，檢視是否訂有資訊安全保密條款（保密範圍、資料返還或銷毀、違約責任、稽核權及再委外限制），並確認簽約日期早於服務開始日。詢問委外管理單位如何追蹤契約到期，及續約時如何更新保密條款。',
      'Obtain the register of outsourcing arrangements (system development and operation, security monitoring, call centre, claims survey and any other that touches information or personal data). Sample 5 contracts in force, giving priority to those with access to customer data or systems; check each contains an information-security confidentiality clause (scope of confidential information, return or destruction of data, liability for breach, right to audit, limits on sub-contracting) and was signed before the service began. Ask the outsourcing management unit how contract expiry is tracked and how the clause is updated on renewal.',
    ),
    evidence: [
      bi('委外廠商清冊', 'Register of outsourcing arrangements'),
      bi('委外契約及資訊安全保密協定', 'Outsourcing contracts and confidentiality agreements'),
      bi('契約到期追蹤表', 'Contract expiry tracking list'),
    ],
  },
  {
    id: 'SR-04-03.1',
    citation: sr(4, { item: 3 }),
    related: [fsc(1, 1, 5)],
    section: 'SR-04',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '應透過定期、適當之教育訓練或宣導，告知內部人員應遵循之資訊安全規範。',
      'Internal personnel shall be informed, through regular and appropriate training or awareness communications, of the information-security rules they must follow.',
    ),
    procedure: bi(
      '取得受查年度資訊安全教育訓練計畫、教材及宣導資料，確認內容涵蓋公司現行資訊安全規範（保密、密碼、社交工程、行動裝置、個資保護）。將完訓名單與在職員工名冊比對，計算完訓率；抽查 10 名未完訓或年度中到職之員工，檢視其補訓紀錄。詢問資訊安全專責單位主管訓練頻率及未完訓之追蹤方式。',
      'Obtain the year’s information-security training plan, course materials and awareness communications; confirm they cover the company’s current security rules (confidentiality, passwords, social engineering, mobile devices, personal-data protection). Compare the completion list with the staff roster and compute the completion rate; for 10 employees who did not complete or joined during the year, inspect make-up training records. Ask the head of the information-security unit how often training runs and how non-completion is followed up.',
    ),
    evidence: [
      bi('年度資訊安全教育訓練計畫', 'Annual information-security training plan'),
      bi('教材及宣導資料', 'Course materials and awareness communications'),
      bi('簽到或線上完訓紀錄及完訓率統計', 'Attendance or e-learning records and completion rate'),
    ],
  },
  {
    id: 'SR-04-04.1',
    citation: sr(4, { item: 4 }),
    section: 'SR-04',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '管理階層應督導員工遵循公司既定之資訊安全規範。',
      'Management shall supervise employees’ compliance with the company’s established information-security rules.',
    ),
    procedure: bi(
      '取得最近一年資訊安全委員會（或相當之管理會議）會議紀錄及向董事會或高階管理階層提報之資訊安全執行情形報告，檢視是否討論規範遵循情形、違規事件及改善措施。取得違反資訊安全規範之事件清單，抽查 3 件，確認已依獎懲規定處理並追蹤改善。訪談 2 名部門主管，詢問其如何督導所屬遵循規範（如權限覆核、部門宣導）。',
      'Obtain the minutes of the information-security committee (or equivalent management meeting) for the last 12 months and the security reports to the board or senior management; check that compliance, violations and remediation were discussed. Obtain the list of breaches of security rules, sample 3 and confirm they were handled under the disciplinary rules and remediation was tracked. Interview 2 department heads on how they supervise their staff’s compliance (e.g. access reviews, team briefings).',
    ),
    evidence: [
      bi('資訊安全委員會會議紀錄', 'Information-security committee minutes'),
      bi('資訊安全執行情形報告', 'Reports on information-security performance'),
      bi('違規事件清單及懲處紀錄', 'List of rule breaches and disciplinary records'),
    ],
  },
  {
    id: 'SR-04-05.1',
    citation: sr(4, { item: 5 }),
    section: 'SR-04',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '員工離職時，應依既定程序辦理資訊資產退回與存取權限之取消。',
      'When an employee leaves, information assets shall be returned and access rights revoked according to the established procedure.',
    ),
    procedure: bi(
      '取得人員異動作業程序。向人資取得最近一年離職員工名單，抽查 10 名，向資訊部門取得其網域（AD）、電子郵件、核心系統、VPN 及遠端存取帳號之停用日期，確認於離職生效日（或程序所定期限）內停用或刪除。檢視資訊資產（筆記型電腦、行動裝置、識別證、認證載具）退回清單之簽核。',
      'Obtain the procedure for staff movements. From Human Resources obtain the leavers of the last 12 months; sample 10 and obtain from IT the dates their directory (AD), e-mail, core-system, VPN and remote-access accounts were disabled; confirm they were disabled or deleted by the leaving date (or within the period the procedure sets). Inspect the signed checklist for the return of information assets (laptop, mobile devices, badge, authentication tokens).',
    ),
    evidence: [
      bi('人員異動作業程序', 'Staff movement procedure'),
      bi('離職員工名單', 'List of leavers'),
      bi('帳號停用紀錄或帳號清單', 'Account deactivation records or account lists'),
      bi('資訊資產退回清單', 'Asset return checklists'),
    ],
  },
  {
    id: 'SR-04-05.2',
    citation: sr(4, { item: 5 }),
    section: 'SR-04',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '員工調職時，應依既定程序辦理存取權限之變更。',
      'When an employee changes role, access rights shall be changed according to the established procedure.',
    ),
    procedure: bi(
      '取得最近一年調職（部門或職務異動）名單，抽查 10 名，比對其異動前後之系統權限清單，確認原職務權限已於程序所定期限內取消、新職務權限經新單位主管核准。取得最近一次定期帳號權限覆核紀錄，檢視覆核發現之殘留權限是否已處理完畢。',
      'Obtain the transfers (change of department or role) of the last 12 months; sample 10, compare their access rights before and after the move, and confirm the old role’s rights were removed within the procedure’s deadline and the new rights were approved by the new manager. Inspect the latest periodic user-access review and confirm the residual rights it found were removed.',
    ),
    evidence: [
      bi('調職名單', 'List of transfers'),
      bi('權限申請及異動單', 'Access request and change forms'),
      bi('異動前後權限清單', 'Access lists before and after the move'),
      bi('定期權限覆核紀錄', 'Periodic user-access review records'),
    ],
  },
  {
    id: 'SR-04-06.1',
    citation: sr(4, { item: 6 }),
    section: 'SR-04',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    register: 'device-disposal',
    requirement: bi(
      '設備（含行動裝置）報廢前應將機密性、敏感性資料及授權軟體予以移除、實施安全性覆寫或實體破壞，並留存報廢紀錄。',
      'Before equipment (including mobile devices) is disposed of, confidential and sensitive data and licensed software shall be removed, securely overwritten or physically destroyed, and a disposal record kept.',
    ),
    procedure: bi(
      '取得設備報廢作業程序及受查期間之報廢清冊（含電腦、伺服器、網路設備、行動裝置、外接儲存媒體及多功能事務機）。抽查 10 筆報廢紀錄，應含行動裝置及伺服器或儲存設備，確認每筆載明資產編號、序號、資料清除方式（移除、安全覆寫或實體破壞）、執行人、覆核人及日期，並與財產目錄之除帳紀錄核對一致。',
      'Obtain the disposal procedure and the disposal log for the period (PCs, servers, network equipment, mobile devices, removable media, multifunction printers). Sample 10 entries, including mobile devices and servers or storage, and confirm each records the asset number, serial number, how data was removed (removal, secure overwrite or physical destruction), who did it, who checked it and when; reconcile them to the write-offs in the fixed-asset register.',
    ),
    evidence: [
      bi('設備報廢作業程序', 'Equipment disposal procedure'),
      bi('報廢清冊', 'Disposal log'),
      bi('資料清除或覆寫紀錄', 'Data removal or overwrite records'),
      bi('財產除帳紀錄', 'Fixed-asset write-off records'),
    ],
  },
  {
    id: 'SR-04-06.2',
    citation: sr(4, { item: 6 }),
    section: 'SR-04',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    register: 'device-disposal',
    requirement: bi(
      '應確保報廢之電腦硬碟及儲存媒體儲存之資料不可還原，授權軟體應予移除。',
      'The company shall ensure that data on disposed computer hard disks and storage media cannot be recovered, and that licensed software is removed.',
    ),
    procedure: bi(
      '詢問執行報廢之資訊人員所用覆寫工具或破壞方式（如依 NIST SP 800-88 之清除、消磁或碎裂），檢視工具產出之清除報告或破壞照片。如有待報廢設備，會同資訊人員抽取 2 顆已完成清除之硬碟或儲存媒體，以資料救援工具確認無法讀出資料。確認授權軟體已於報廢前移除，並自軟體授權清冊中註銷。',
      'Ask the IT staff who perform disposal which overwrite tool or destruction method they use (e.g. purge, degauss or shred per NIST SP 800-88) and inspect the erasure reports or destruction photographs. Where devices await disposal, with IT staff pick 2 wiped disks or media and confirm with a data-recovery tool that nothing can be read. Confirm that licensed software was removed before disposal and released in the software licence register.',
    ),
    evidence: [
      bi('清除工具報告或破壞照片', 'Erasure tool reports or destruction photographs'),
      bi('抽驗紀錄（資料救援工具結果）', 'Spot-check record (data-recovery tool results)'),
      bi('軟體授權清冊', 'Software licence register'),
    ],
  },
  {
    id: 'SR-04-06.3',
    citation: sr(4, { item: 6 }),
    section: 'SR-04',
    category: 'management',
    nature: 'obligation',
    applicability: { all: ['thirdPartyDisposal'] },
    register: 'confidentiality-agreements',
    requirement: bi(
      '若委託第三者銷毀時，應簽訂保密合約。',
      'Where destruction is entrusted to a third party, a confidentiality contract shall be signed with it.',
    ),
    procedure: bi(
      '自報廢清冊篩選委託廠商銷毀之紀錄並列出受託廠商，取得各廠商之保密合約，確認簽約日期早於銷毀日期，且範圍涵蓋儲存媒體所載資料。抽查 3 筆委外銷毀之交接清單（媒體序號）及廠商出具之銷毀證明，核對序號一致。',
      'From the disposal log select the entries destroyed by vendors and list the vendors; obtain each vendor’s confidentiality contract and confirm it was signed before the destruction date and covers the data on the media. For 3 vendor destructions inspect the hand-over list (media serial numbers) and the vendor’s certificate of destruction, and match the serial numbers.',
    ),
    evidence: [
      bi('受託銷毀廠商保密合約', 'Confidentiality contracts with destruction vendors'),
      bi('媒體交接清單', 'Media hand-over lists'),
      bi('銷毀證明', 'Certificates of destruction'),
    ],
  },
];
