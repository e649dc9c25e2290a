/**
 * Checklist items: the briefing's section 五, penalty patterns in personal-data management
 * (個資管理面) and e-commerce systems (電子商務系統管理).
 */
import { fsc, sr } from '../citation';
import type { ChecklistItem } from '../schema';
import { ANY_APP, bi } from './helpers';

export const FSC_PENALTY_PD_EC_ITEMS: readonly ChecklistItem[] = [
  {
    id: 'FSC-5-PD-01.1',
    citation: fsc(5, 2, 1),
    section: 'FSC-5-PD',
    category: 'personal-data',
    nature: 'penalty-pattern',
    applicability: 'always',
    requirement: bi(
      '個資檔案及資料庫複製至開發測試主機作業，應先去識別化。',
      'Personal-data files and databases copied to development or test hosts shall first be de-identified.',
    ),
    procedure: bi(
      '取得正式資料複製至測試環境之作業程序，確認規定去識別化方式（遮罩、替換或合成資料）及核准流程。取得開發測試環境之資料庫清單，抽查 3 個資料庫，會同 DBA 查詢 20 筆客戶資料，確認姓名、身分證字號、電話、地址、帳號等已去識別化。抽查最近一年 3 次資料複製申請，確認經核准且有去識別化執行紀錄。',
      'Obtain the procedure for copying production data to test environments; confirm it sets the de-identification method (masking, substitution or synthetic data) and the approval. Obtain the list of development and test databases, sample 3 and, with the DBA, query 20 customer records in each; confirm names, national IDs, phone numbers, addresses and account numbers are de-identified. Sample 3 data-copy requests of the last 12 months and confirm each was approved and has a de-identification record.',
    ),
    evidence: [
      bi('資料複製及去識別化作業程序', 'Data copy and de-identification procedure'),
      bi('測試資料庫查詢結果（已遮蔽）', 'Test database query results (masked)'),
      bi('資料複製申請及去識別化紀錄', 'Data copy requests and de-identification records'),
    ],
  },
  {
    id: 'FSC-5-PD-02.1',
    citation: fsc(5, 2, 2),
    section: 'FSC-5-PD',
    category: 'personal-data',
    nature: 'penalty-pattern',
    applicability: 'always',
    requirement: bi(
      '資料庫個資存取軌跡應完整留存。',
      'Access trails of personal data in databases shall be kept complete.',
    ),
    procedure: bi(
      '就存放個人資料之資料庫，確認資料庫稽核（原生稽核或資料庫活動監控 DAM）已啟用，記錄特權及應用程式帳號之查詢、新增、修改、刪除，內容含帳號、時間、來源 IP 及存取物件，保存期間符合規定，且 DBA 無法刪改稽核紀錄。選取 3 筆已知之存取（如 DBA 之變更單作業、測試查詢），於稽核紀錄中追查，確認均有完整軌跡。',
      'For databases holding personal data confirm database auditing (native audit or database activity monitoring, DAM) is on and records selects, inserts, updates and deletes by privileged and application accounts, with account, time, source IP and object accessed; that retention meets the rules; and that DBAs cannot alter or delete the audit trail. Pick 3 known accesses (e.g. a DBA’s change-ticket work, a test query) and trace them in the audit trail to confirm it is complete.',
    ),
    evidence: [
      bi('資料庫稽核或 DAM 設定', 'Database audit or DAM settings'),
      bi('稽核紀錄追查結果', 'Results of tracing known accesses'),
      bi('稽核紀錄保存設定', 'Audit trail retention settings'),
    ],
  },
  {
    id: 'FSC-5-PD-03.1',
    citation: fsc(5, 2, 3),
    section: 'FSC-5-PD',
    category: 'personal-data',
    nature: 'penalty-pattern',
    applicability: 'always',
    requirement: bi(
      '應訂定資安情資或警訊通報處理標準程序及作業規範。',
      'A standard procedure and operating rules shall be set for handling security intelligence and alerts.',
    ),
    procedure: bi(
      '取得資安情資及警訊處理標準程序，確認載明情資來源（F-ISAC、政府機關、廠商）、受理窗口、適用性評估、處理時限、紀錄及結案方式。抽查最近一年 5 則情資或警訊，確認依程序登錄、評估、處理並於時限內結案。',
      'Obtain the standard procedure for security intelligence and alerts; confirm it names the sources (F-ISAC, government, vendors), the receiving contact, the relevance assessment, deadlines, records and closure. Sample 5 intelligence items or alerts of the last 12 months and confirm each was logged, assessed, acted on and closed in time as the procedure requires.',
    ),
    evidence: [
      bi('資安情資及警訊處理標準程序', 'Security intelligence and alert procedure'),
      bi('情資登錄及處理紀錄', 'Intelligence log and handling records'),
    ],
  },
  {
    id: 'FSC-5-PD-04.1',
    citation: fsc(5, 2, 4),
    related: [sr(10, { paragraph: 1 })],
    section: 'FSC-5-PD',
    category: 'personal-data',
    nature: 'penalty-pattern',
    applicability: 'always',
    requirement: bi(
      '應就外部網路入侵及非法或異常使用行為所致個資外洩情境，定期演練及檢討改善。',
      'Scenarios of personal-data leakage caused by intrusion from external networks and by unauthorised or abnormal use shall be drilled periodically, with review and improvement.',
    ),
    procedure: bi(
      '取得個資外洩應變計畫及最近兩次演練計畫與報告，確認依規定頻率辦理，且情境涵蓋外部入侵及內部非法或異常使用兩類。檢視演練檢討報告，抽查 3 項改善事項，確認已完成。',
      'Obtain the personal-data breach response plan and the plans and reports of the last two drills; confirm the drills ran at the required frequency and covered both intrusion from outside and unauthorised or abnormal use from inside. Inspect the post-drill reviews and confirm 3 improvement actions were completed.',
    ),
    evidence: [
      bi('個資外洩應變計畫', 'Personal-data breach response plan'),
      bi('演練計畫及報告', 'Drill plans and reports'),
      bi('改善事項追蹤紀錄', 'Improvement tracking records'),
    ],
  },
  {
    id: 'FSC-5-EC-01.1',
    citation: fsc(5, 3, 1),
    section: 'FSC-5-EC',
    category: 'e-commerce',
    nature: 'penalty-pattern',
    applicability: { all: ['onlineSales'] },
    requirement: bi(
      '網路投保之個資複製至個人電腦，應有稽核軌跡及管控措施。',
      'Copying online-sales personal data to personal computers shall be controlled and leave an audit trail.',
    ),
    procedure: bi(
      '訪談電子商務作業人員瞭解是否需下載網路投保個資至個人電腦。檢視管控措施：下載或匯出功能之權限及核准流程、端點 USB 及雲端上傳管制、端點 DLP。取得最近三個月匯出紀錄，抽查 5 筆，確認有核准、記錄匯出人、時間、筆數，且檔案已依規定刪除。',
      'Interview e-commerce staff about whether they download online-sales personal data to their PCs. Inspect the controls: who may download or export and how it is approved, USB and cloud-upload restrictions on endpoints, endpoint DLP. Obtain the export log of the last 3 months, sample 5 exports and confirm each was approved, records who exported, when and how many records, and that the files were deleted as required.',
    ),
    evidence: [
      bi('匯出權限及核准流程', 'Export rights and approval flow'),
      bi('匯出紀錄（稽核軌跡）', 'Export log (audit trail)'),
      bi('端點管制及 DLP 設定', 'Endpoint control and DLP settings'),
    ],
  },
  {
    id: 'FSC-5-EC-02.1',
    citation: fsc(5, 3, 2),
    section: 'FSC-5-EC',
    category: 'e-commerce',
    nature: 'penalty-pattern',
    applicability: { all: ['onlineSales'] },
    requirement: bi(
      '電子商務系統之安全設計涉及個資者，應妥適隱碼顯示。',
      'Where e-commerce systems display personal data, it shall be properly masked.',
    ),
    procedure: bi(
      '以測試帳號實地操作網路投保前台（會員資料、保單查詢）及後台（客服查詢、報表匯出）畫面，確認身分證字號、電話、地址、電子郵件、信用卡號及帳號已隱碼顯示（如 A12****789），且隱碼於伺服器端完成（檢視回應內容非僅前端遮蔽）。確認解除隱碼須經授權並留有紀錄。',
      'With test accounts go through the online-sales front end (member profile, policy enquiry) and back office (customer-service enquiry, report export); confirm national ID, phone, address, e-mail, card and account numbers are masked (e.g. A12****789) and that masking is done on the server (the response itself is masked, not only the display). Confirm unmasking requires authorisation and is logged.',
    ),
    evidence: [
      bi('前後台畫面截圖', 'Screenshots of front-end and back-office screens'),
      bi('伺服器回應內容檢視紀錄', 'Inspection of server responses'),
      bi('解除隱碼授權及紀錄', 'Unmasking authorisations and logs'),
    ],
  },
  {
    id: 'FSC-5-EC-03.1',
    citation: fsc(5, 3, 3),
    section: 'FSC-5-EC',
    category: 'e-commerce',
    nature: 'penalty-pattern',
    applicability: ANY_APP,
    requirement: bi(
      'APP 上架、安全性檢測、發布與更新等作業規範，應符合分工牽制原則。',
      'The rules for publishing, security testing, releasing and updating apps shall follow the principle of segregation of duties.',
    ),
    procedure: bi(
      '取得 App 上架、檢測、發布與更新作業規範，確認開發、安全檢測、上架核准及商店上傳分屬不同人員。取得 App 商店開發者帳號之使用者及角色清單，確認具發布權限者非開發人員。抽查最近一年 3 次發布，比對開發者、檢測者、核准者及上傳者，確認無同一人兼任。',
      'Obtain the rules for app publishing, testing, release and updates; confirm development, security testing, release approval and store upload are done by different people. Obtain the users and roles of the app-store developer accounts and confirm those who can publish are not developers. For 3 releases in the last 12 months compare developer, tester, approver and uploader and confirm no one held two roles.',
    ),
    evidence: [
      bi('App 上架及發布作業規範', 'App publishing and release rules'),
      bi('開發者帳號使用者及角色清單', 'Developer account users and roles'),
      bi(
        '發布紀錄（開發、檢測、核准、上傳人員）',
        'Release records (developer, tester, approver, uploader)',
      ),
    ],
  },
  {
    id: 'FSC-5-EC-04.1',
    citation: fsc(5, 3, 4),
    section: 'FSC-5-EC',
    category: 'e-commerce',
    nature: 'penalty-pattern',
    applicability: ANY_APP,
    requirement: bi(
      '應依內部規範，定期辦理 APP 程式原始碼檢測。',
      'App source code shall be scanned periodically as the internal rules require.',
    ),
    procedure: bi(
      '取得內部規範所定之 App 原始碼檢測頻率。就 App 清冊每一 App，取得最近兩次原始碼檢測報告日期，確認符合規定頻率；檢視高風險發現已修正並複測。',
      'Obtain the frequency of app source-code scans the internal rules set. For every app in the inventory obtain the dates of the last two source-code scans and confirm they meet the frequency; check that high-risk findings were fixed and re-scanned.',
    ),
    evidence: [
      bi('App 原始碼檢測規範', 'App source-code scanning rules'),
      bi('原始碼檢測報告', 'Source-code scan reports'),
    ],
  },
  {
    id: 'FSC-5-EC-04.2',
    citation: fsc(5, 3, 4),
    section: 'FSC-5-EC',
    category: 'e-commerce',
    nature: 'penalty-pattern',
    applicability: ANY_APP,
    requirement: bi(
      '應依內部規範，定期辦理 APP 發行用密碼變更、憑證備份與封存等作業。',
      'The passwords used to release apps shall be changed, and the signing certificates backed up and sealed, periodically as the internal rules require.',
    ),
    procedure: bi(
      '取得 App 簽章金鑰與發行用密碼之管理規範。確認簽章金鑰庫（keystore）及發行用密碼由非開發人員保管，密碼依規定週期變更（檢視變更紀錄）；憑證及金鑰已備份並密封存放於保險箱或 HSM，封存及取用有雙人簽核紀錄。',
      'Obtain the rules for app signing keys and release passwords. Confirm the signing keystore and release passwords are held by people who are not developers, the passwords are changed on schedule (inspect the change log), and the certificates and keys are backed up and sealed in a safe or an HSM, with two-person sign-off for sealing and retrieval.',
    ),
    evidence: [
      bi('簽章金鑰及發行用密碼管理規範', 'Signing key and release password rules'),
      bi('密碼變更紀錄', 'Password change log'),
      bi('憑證備份及封存紀錄', 'Certificate backup and sealing records'),
    ],
  },
  {
    id: 'FSC-5-EC-05.1',
    citation: fsc(5, 3, 5),
    section: 'FSC-5-EC',
    category: 'e-commerce',
    nature: 'penalty-pattern',
    applicability: { all: ['hasAgentApp'] },
    requirement: bi(
      '提供業務員使用之行動投保 APP 系統設計應妥適。',
      'Mobile sales apps provided to sales agents shall be properly designed.',
    ),
    procedure: bi(
      '取得業務員行動投保 App 之設計文件及最近一次安全檢測報告，確認：業務員登入採多因素驗證或裝置綁定；客戶資料不存於裝置或加密存放，同步後即刪除；裝置遺失可遠端抹除；電子簽名及要保文件具完整性保護；閒置逾時登出。於測試裝置操作 1 件投保流程，檢查裝置本機是否殘留客戶資料。',
      'Obtain the design documents and latest security test report of the agents’ mobile sales app; confirm agents log in with multi-factor authentication or device binding; customer data is not kept on the device, or is encrypted and deleted after sync; lost devices can be wiped remotely; e-signatures and application documents are integrity-protected; idle sessions time out. Run one sale on a test device and check that no customer data remains on it.',
    ),
    evidence: [
      bi('業務員行動投保 App 設計文件', 'Design documents of the agent sales app'),
      bi('App 安全檢測報告', 'App security test report'),
      bi('測試裝置檢查紀錄', 'Test device inspection notes'),
    ],
  },
];
