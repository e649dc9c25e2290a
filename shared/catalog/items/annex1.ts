/**
 * Checklist items: Annex 1, mobile-app information-security guidelines. They apply to apps
 * offered to consumers for download (art. 1 pt. 1); each test covers every such app.
 */
import { a1 } from '../citation';
import type { Applicability, ChecklistItem } from '../schema';
import { bi } from './helpers';

const CONSUMER_APP: Applicability = { all: ['hasMobileApp'] };

export const A1_ITEMS: readonly ChecklistItem[] = [
  {
    id: 'A1-01-01.1',
    citation: a1(1, 1),
    section: 'A1-01',
    category: 'technical',
    nature: 'obligation',
    applicability: CONSUMER_APP,
    register: 'system-inventory',
    requirement: bi(
      '本準則為提供消費者下載行動應用程式者之基本資訊安全準則，各會員公司可依不同應用類別之行動應用程式對於安全性有不同之要求，參酌遵循。',
      'These guidelines are the baseline security guidelines for members that offer apps for consumers to download; members may set different security requirements for different categories of app and follow the guidelines accordingly.',
    ),
    procedure: bi(
      '取得提供消費者下載之 App 清冊，確認每一 App 已標示應用類別（如資訊查詢、保單服務、理賠申請、網路投保）及據以訂定之安全要求等級（如檢測深度）。詢問 App 權責單位分類依據，抽查 2 個 App 確認其實際安全檢測範圍與所屬類別之要求一致。',
      'Obtain the inventory of consumer apps and confirm each is tagged with its category (e.g. information only, policy services, claims, online sales) and the security requirement level set for it (e.g. depth of testing). Ask the app owners how the category was decided, and for 2 apps confirm the scope of the latest security test matches the requirements of their category.',
    ),
    evidence: [
      bi('App 清冊（含應用類別及安全等級）', 'App inventory with categories and security levels'),
      bi('App 安全檢測報告', 'App security test reports'),
    ],
  },
  {
    id: 'A1-01-02.1',
    citation: a1(1, 2),
    section: 'A1-01',
    category: 'personal-data',
    nature: 'obligation',
    applicability: CONSUMER_APP,
    requirement: bi(
      '會員公司應依個人資料保護法於行動應用程式下載前，明確告知消費者對於個人資料蒐集處理利用之法定事項及消費者得要求刪除資料之權利等事項。',
      'Before an app is downloaded, the company shall clearly inform consumers, under the Personal Data Protection Act, of the statutory matters concerning the collection, processing and use of their personal data and of their right to request deletion of their data.',
    ),
    procedure: bi(
      '於 Google Play 及 App Store 之各 App 頁面（下載前即可閱覽之說明或連結之隱私權告知），檢查是否載明個人資料保護法第八條應告知事項（公司名稱、蒐集目的、個人資料類別、利用期間、地區、對象及方式、當事人權利及行使方式、不提供之影響）及得請求刪除之權利。將告知內容與 App 實際要求之權限比對，確認所告知之資料類別完整。詢問法令遵循單位告知內容之審閱紀錄。',
      'On each app’s Google Play and App Store pages (the description, or the privacy notice linked before download), check that the notice gives the matters of art. 8 of the Personal Data Protection Act (company name, purposes, categories of data, period, area, recipients and manner of use, the data subject’s rights and how to exercise them, and the effect of not providing data) and the right to request deletion. Compare the notice with the permissions the app actually requests to confirm the data categories are complete. Ask compliance for its review of the notice.',
    ),
    evidence: [
      bi(
        'App 商店頁面及隱私權告知截圖（註記日期）',
        'Dated screenshots of store pages and privacy notices',
      ),
      bi('App 權限清單', 'List of app permissions'),
      bi('法令遵循單位審閱紀錄', 'Compliance review record'),
    ],
  },
  {
    id: 'A1-02-01.1',
    citation: a1(2, 1),
    section: 'A1-02',
    category: 'technical',
    nature: 'obligation',
    applicability: CONSUMER_APP,
    requirement: bi(
      '應於可信任來源之行動應用程式商店發布，且應於發布時說明欲存取之敏感性資料、行動裝置資源及宣告之權限與所提供之服務用途。',
      'Apps shall be published in trusted app stores, and on publication the company shall state which sensitive data and device resources the app will access, the permissions it declares and the purposes of the services provided.',
    ),
    procedure: bi(
      '確認官方 App 僅以公司之開發者帳號於可信任之 App 商店發布；以公司名稱搜尋主要商店及第三方下載網站，確認有無仿冒或非官方版本並已處理。就最新版本，比對 App 宣告之權限（如 Android manifest、iOS 權限說明）與商店頁面之說明，確認每一敏感性資料及裝置資源（定位、相機、通訊錄、儲存空間）之存取均已說明用途。',
      'Confirm the official apps are published only in trusted app stores under the company’s developer accounts; search the main stores and third-party download sites for the company name to find counterfeit or unofficial copies and confirm they were dealt with. For the latest version compare the permissions the app declares (Android manifest, iOS usage descriptions) with the store description and confirm the purpose of each access to sensitive data and device resources (location, camera, contacts, storage) is stated.',
    ),
    evidence: [
      bi('App 商店頁面截圖', 'Screenshots of store pages'),
      bi('App 權限宣告清單', 'Declared app permissions'),
      bi('仿冒 App 搜尋及處理紀錄', 'Records of searches for and takedown of counterfeit apps'),
    ],
  },
  {
    id: 'A1-02-01.2',
    citation: a1(2, 1),
    section: 'A1-02',
    category: 'technical',
    nature: 'obligation',
    applicability: CONSUMER_APP,
    requirement: bi('應提供版本更新機制。', 'A version update mechanism shall be provided.'),
    procedure: bi(
      '詢問 App 權責單位版本更新機制（如啟動時檢查版本、重大安全修補強制更新），取得最近一年版本發布紀錄。於測試裝置安裝舊版 App，確認會提示更新；對於已知有安全問題之舊版，確認伺服器端已拒絕其連線或強制更新。',
      'Ask the app owners how updates work (e.g. a version check at start-up, forced update for critical security fixes) and obtain the release history of the last 12 months. Install an old version on a test device and confirm it prompts for an update; for old versions with known security issues, confirm the server refuses them or forces an update.',
    ),
    evidence: [
      bi('版本發布紀錄', 'Release history'),
      bi('舊版更新提示測試截圖', 'Screenshots of the old-version update test'),
    ],
  },
  {
    id: 'A1-02-02.1',
    citation: a1(2, 2),
    section: 'A1-02',
    category: 'management',
    nature: 'obligation',
    applicability: CONSUMER_APP,
    requirement: bi(
      '會員公司應提供回報問題之管道，並於適當期間內回覆。',
      'The company shall provide a channel for reporting problems and reply within an appropriate time.',
    ),
    procedure: bi(
      '確認 App 內及商店頁面提供問題回報管道（如 App 內意見回饋、客服電話、電子郵件），並取得公司訂定之回覆時限。抽查最近一年使用者回報之問題 5 件（含商店評論中之問題回報），確認已於時限內回覆，涉及安全問題者已轉交資訊安全單位處理。',
      'Confirm the app and its store pages offer a channel for reporting problems (in-app feedback, customer-service telephone, e-mail) and obtain the reply deadline the company has set. Sample 5 problem reports of the last 12 months (including reports in store reviews) and confirm each was answered on time and security-related reports were passed to the information-security unit.',
    ),
    evidence: [
      bi('問題回報管道截圖', 'Screenshots of the reporting channels'),
      bi('問題回報及回覆紀錄', 'Problem reports and replies'),
    ],
  },
  {
    id: 'A1-03-01.1',
    citation: a1(3, 1),
    section: 'A1-03',
    category: 'personal-data',
    nature: 'obligation',
    applicability: CONSUMER_APP,
    requirement: bi(
      '如需蒐集、處理、利用、儲存及分享敏感性資料，應於首次使用前取得使用者同意，並提供使用者拒絕之權利。',
      'Where sensitive data is to be collected, processed, used, stored or shared, the user’s consent shall be obtained before first use, and the user shall be able to refuse.',
    ),
    procedure: bi(
      '於測試裝置全新安裝最新版 App，首次啟動時確認於蒐集任何敏感性資料（定位、相機、相簿、通訊錄、身分證件影像）前顯示同意說明，選擇拒絕後 App 仍可於有限功能下使用，且使用者事後可於設定中撤回同意。向 App 權責單位取得 5 名使用者之後端同意紀錄（同意時間、版本）。',
      'Install the latest version afresh on a test device; at first start confirm that consent is asked before any sensitive data (location, camera, photos, contacts, ID-card images) is collected, that the app still works with reduced functions after refusal, and that the user can later withdraw consent in the settings. Obtain from the app owners the back-end consent records (time, notice version) of 5 users.',
    ),
    evidence: [
      bi('首次啟動同意畫面截圖', 'Screenshots of the first-run consent screens'),
      bi('拒絕後功能測試紀錄', 'Record of the refusal test'),
      bi('後端同意紀錄', 'Back-end consent records'),
    ],
  },
  {
    id: 'A1-03-02.1',
    citation: a1(3, 2),
    section: 'A1-03',
    category: 'technical',
    nature: 'obligation',
    applicability: CONSUMER_APP,
    requirement: bi(
      '如採用通行碼認證，應主動提醒使用者設定較複雜之通行碼，並應提醒使用者定期更改通行碼。',
      'Where password authentication is used, the app shall prompt users to choose more complex passwords and remind them to change their passwords periodically.',
    ),
    procedure: bi(
      '取得 App 通行碼規則規格。於測試環境嘗試設定弱通行碼（如 123456、與帳號或生日相同），確認 App 提示或拒絕；檢視定期更改提醒之設計（提醒週期）並於測試環境驗證提醒出現。如 App 未採通行碼認證（如僅以 OTP 或生物辨識登入），記錄不適用之理由。',
      'Obtain the app’s password rule specification. In the test environment try to set weak passwords (e.g. 123456, the same as the user ID or birth date) and confirm the app warns or refuses; check the design of the periodic change reminder (its interval) and verify in the test environment that it appears. If the app does not use passwords (e.g. OTP or biometrics only), record why the item does not apply.',
    ),
    evidence: [
      bi('通行碼規則規格', 'Password rule specification'),
      bi('弱通行碼及更改提醒測試截圖', 'Screenshots of the weak-password and reminder tests'),
    ],
  },
  {
    id: 'A1-03-03.1',
    citation: a1(3, 3),
    section: 'A1-03',
    category: 'personal-data',
    nature: 'obligation',
    applicability: CONSUMER_APP,
    requirement: bi(
      '儲存之敏感性資料，應僅用於其使用聲明之用途，並防止其他應用程式未經授權之存取。',
      'Stored sensitive data shall be used only for the purposes stated in the usage statement and protected from unauthorised access by other apps.',
    ),
    procedure: bi(
      '取得最近一次 App 安全檢測報告（如依行動應用 App 基本資安檢測基準），檢視本機儲存之檢測結果：敏感性資料加密存放於 App 私有空間或 Keychain、Keystore，無全域可讀檔案，日誌、快取及備份不含敏感性資料。將 App 實際儲存之資料項目與使用聲明比對，確認未作聲明以外之用途（如未經告知傳送予第三方分析 SDK）。',
      'Obtain the latest app security test report (e.g. against the national baseline for mobile-app security testing) and check its results on local storage: sensitive data encrypted in the app’s private storage or the Keychain / Keystore, no world-readable files, no sensitive data in logs, caches or backups. Compare the data the app stores with its usage statement and confirm no other use (e.g. undisclosed sending to third-party analytics SDKs).',
    ),
    evidence: [
      bi('App 安全檢測報告（本機儲存部分）', 'App security test report (local storage)'),
      bi('App 使用聲明', 'App usage statement'),
      bi('第三方 SDK 清單', 'List of third-party SDKs'),
    ],
  },
  {
    id: 'A1-03-04.1',
    citation: a1(3, 4),
    section: 'A1-03',
    category: 'technical',
    nature: 'obligation',
    applicability: CONSUMER_APP,
    requirement: bi(
      '透過網路傳輸敏感性資料，應使用適當的安全加密機制。',
      'Sensitive data sent over the network shall be protected by an appropriate encryption mechanism.',
    ),
    procedure: bi(
      '檢視 App 安全檢測報告之傳輸安全結果，確認所有連線均使用 TLS 1.2 以上、無明文 HTTP 傳輸敏感性資料。取得 App 後端伺服器之 TLS 設定檢測結果（如 SSL 掃描報告），確認未啟用不安全之協定與加密套件。',
      'Check the transport-security results in the app security test report and confirm every connection uses TLS 1.2 or later and no sensitive data travels over plain HTTP. Obtain the TLS configuration scan of the app’s back-end servers (e.g. an SSL scan report) and confirm no insecure protocols or cipher suites are enabled.',
    ),
    evidence: [
      bi('App 安全檢測報告（傳輸安全部分）', 'App security test report (transport security)'),
      bi('後端伺服器 TLS 設定檢測報告', 'TLS configuration scan of the back-end servers'),
    ],
  },
  {
    id: 'A1-04-01.1',
    citation: a1(4, 1),
    section: 'A1-04',
    category: 'technical',
    nature: 'obligation',
    applicability: CONSUMER_APP,
    requirement: bi(
      '應有適當之身分認證機制，確認使用者身分，並依使用者身分授權。',
      'An appropriate authentication mechanism shall confirm the user’s identity, and access shall be authorised according to that identity.',
    ),
    procedure: bi(
      '取得 App 登入及授權之設計文件，確認登入方式（通行碼、OTP、生物辨識、裝置綁定）、連續失敗鎖定及閒置逾時登出。檢視安全檢測報告之授權測試結果；如未涵蓋，請權責單位於測試環境以兩個測試帳號示範：以 A 帳號竄改請求中之保單號碼或客戶識別碼，確認無法取得 B 帳號之資料（伺服器端授權檢查）。',
      'Obtain the app’s design documents for login and authorisation; confirm the login method (password, OTP, biometrics, device binding), lock-out after repeated failures and idle time-out. Check the authorisation results in the security test report; if not covered, have the owners demonstrate in the test environment with two test accounts that account A cannot obtain account B’s data by altering the policy number or customer identifier in a request (server-side authorisation check).',
    ),
    evidence: [
      bi('登入及授權設計文件', 'Login and authorisation design documents'),
      bi('授權測試結果', 'Authorisation test results'),
    ],
  },
  {
    id: 'A1-04-02.1',
    citation: a1(4, 2),
    section: 'A1-04',
    category: 'technical',
    nature: 'obligation',
    applicability: CONSUMER_APP,
    requirement: bi(
      '連線時應避免使用具有規則性之交談識別碼。',
      'Connections shall not use predictable session identifiers.',
    ),
    procedure: bi(
      '檢視安全檢測報告之交談識別碼（Session ID 或 token）檢測結果，或於測試環境連續登入取得 5 組識別碼，確認長度足夠、無遞增或可推測之規則，登入後重新產生，並於登出或逾時後失效。',
      'Check the session-identifier (session ID or token) results in the security test report, or log in 5 times in the test environment and collect the identifiers; confirm they are long enough, show no incrementing or guessable pattern, are regenerated at login and stop working after logout or time-out.',
    ),
    evidence: [
      bi('交談識別碼檢測結果', 'Session identifier test results'),
      bi('登出後重送請求之測試紀錄', 'Record of replaying a request after logout'),
    ],
  },
  {
    id: 'A1-04-03.1',
    citation: a1(4, 3),
    section: 'A1-04',
    category: 'technical',
    nature: 'obligation',
    applicability: CONSUMER_APP,
    requirement: bi(
      '如需使用伺服器憑證，應確認伺服器憑證之有效性，且為可信任之憑證機構、政府機關或企業之簽發，並應避免與未具有效憑證之伺服器進行連線與傳輸資料。',
      'Where server certificates are used, the app shall check that the certificate is valid and issued by a trusted certificate authority, government agency or enterprise, and shall not connect to or exchange data with servers without a valid certificate.',
    ),
    procedure: bi(
      '檢視安全檢測報告之憑證驗證結果，或於測試環境以中間人代理（使用未受信任之憑證）攔截連線，確認 App 拒絕連線；並測試過期憑證及主機名稱不符之情形。檢視後端伺服器憑證之簽發者及到期日，確認有到期監控機制。',
      'Check the certificate-validation results in the security test report, or intercept the connection in the test environment with a man-in-the-middle proxy using an untrusted certificate and confirm the app refuses to connect; also test an expired certificate and a hostname mismatch. Inspect the issuer and expiry date of the back-end server certificates and confirm their expiry is monitored.',
    ),
    evidence: [
      bi('憑證驗證測試結果', 'Certificate validation test results'),
      bi('伺服器憑證資訊及到期監控紀錄', 'Server certificate details and expiry monitoring'),
    ],
  },
  {
    id: 'A1-05-01.1',
    citation: a1(5, 1),
    section: 'A1-05',
    category: 'technical',
    nature: 'obligation',
    applicability: CONSUMER_APP,
    requirement: bi(
      '應避免含有惡意程式碼，於引用之函式庫有更新時，應備妥對應之更新版本，更新方式依第二條相關規定。',
      'Apps shall contain no malicious code; when a library they use is updated, a corresponding updated version of the app shall be prepared and released through the update mechanism of art. 2.',
    ),
    procedure: bi(
      '取得最新上架版本之惡意程式檢測結果及第三方函式庫清單（SBOM）與元件弱點掃描（SCA）報告，確認無惡意程式碼，且已知弱點之函式庫已更新或有處理計畫。抽查最近一年 3 次函式庫安全更新，確認已於公司規定期限內發布含更新函式庫之 App 版本。',
      'Obtain the malware scan of the latest released build, the third-party library list (SBOM) and the software composition analysis (SCA) report; confirm there is no malicious code and libraries with known vulnerabilities were updated or have a remediation plan. Sample 3 security updates of libraries in the last 12 months and confirm an app version with the updated library was released within the company’s deadline.',
    ),
    evidence: [
      bi('惡意程式檢測結果', 'Malware scan results'),
      bi(
        '第三方函式庫清單及元件弱點掃描報告',
        'Library list and software composition analysis report',
      ),
      bi('版本發布紀錄', 'Release history'),
    ],
  },
  {
    id: 'A1-05-02.1',
    citation: a1(5, 2),
    section: 'A1-05',
    category: 'technical',
    nature: 'obligation',
    applicability: CONSUMER_APP,
    requirement: bi(
      '行動應用程式上架前，應建立安控檢測程序。',
      'A security testing procedure shall be in place before an app is published.',
    ),
    procedure: bi(
      '取得 App 上架前安控檢測程序，確認訂有檢測項目（依 App 重要性分級）、檢測單位、高風險缺失須修補後始得上架之規定及例外核准。抽查最近一年上架之 3 個版本，確認上架日期前已完成檢測，高風險缺失已修補複測或經權責主管核准風險接受。',
      'Obtain the pre-release security testing procedure; confirm it sets the tests (graded by the app’s importance), who tests, the rule that high-risk findings must be fixed before release, and how exceptions are approved. Sample 3 versions released in the last 12 months and confirm each was tested before its release date and high-risk findings were fixed and retested or accepted by the responsible manager.',
    ),
    evidence: [
      bi('App 上架前安控檢測程序', 'Pre-release security testing procedure'),
      bi('各版本檢測報告及複測紀錄', 'Test and retest reports per version'),
      bi('風險接受核准紀錄', 'Risk-acceptance approvals'),
    ],
  },
  {
    id: 'A1-05-03.1',
    citation: a1(5, 3),
    section: 'A1-05',
    category: 'technical',
    nature: 'obligation',
    applicability: CONSUMER_APP,
    requirement: bi(
      '應針對使用者輸入之字串，進行安全檢查並提供相關注入攻擊防護機制。',
      'Strings entered by users shall be security-checked, and protection against injection attacks shall be provided.',
    ),
    procedure: bi(
      '檢視安全檢測報告之注入攻擊檢測結果（SQL 注入、命令注入、腳本注入），確認涵蓋 App 輸入欄位及其呼叫之後端 API，且伺服器端實施輸入驗證及參數化查詢。抽查 3 項相關缺失，確認已修補並複測。',
      'Check the injection results in the security test report (SQL, command and script injection); confirm they cover the app’s input fields and the back-end APIs it calls and that the server validates input and uses parameterised queries. Sample 3 related findings and confirm they were fixed and retested.',
    ),
    evidence: [
      bi('安全檢測報告（注入攻擊部分）', 'Security test report (injection)'),
      bi('缺失修補及複測紀錄', 'Fix and retest records'),
    ],
  },
];
