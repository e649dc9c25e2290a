/** Checklist items: self-regulation rules arts. 5 to 7 (mobile devices, social media, cloud). */
import { sr } from '../citation';
import type { ChecklistItem } from '../schema';
import { bi } from './helpers';

export const SR_05_07_ITEMS: readonly ChecklistItem[] = [
  {
    id: 'SR-05.1',
    citation: sr(5),
    section: 'SR-05',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    register: 'policy-reviews',
    requirement: bi(
      '應訂定使用行動裝置（含 BYOD）之相關規範，其內容應至少包含行動裝置管理、行動裝置使用人員管理及行動裝置之安全控管。',
      'The company shall establish rules for the use of mobile devices (including BYOD) that cover at least mobile-device management, management of device users, and security controls for mobile devices.',
    ),
    procedure: bi(
      '取得現行行動裝置（含 BYOD）管理規範及其核定紀錄，確認經權責主管核定並載有最近一次檢討日期，逐項比對是否涵蓋本條第一款至第三款。注意行動裝置依第二條包含筆記型電腦。詢問資訊安全主管公司是否允許 BYOD，確認規範對允許或禁止之立場明確，且與實務一致。',
      'Obtain the current mobile-device (including BYOD) policy and its approval; confirm it was approved by the responsible manager and shows its latest review date, and check item by item that it covers items 1 to 3 of this article. Note that under art. 2 mobile devices include laptops. Ask the head of information security whether BYOD is allowed and confirm the policy states this clearly and matches practice.',
    ),
    evidence: [
      bi('行動裝置（含 BYOD）管理規範', 'Mobile-device (including BYOD) policy'),
      bi('規範核定及檢討紀錄', 'Policy approval and review records'),
    ],
  },
  {
    id: 'SR-05-01.1',
    citation: sr(5, { item: 1 }),
    section: 'SR-05',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '行動裝置規範應包含行動裝置管理。',
      'The mobile-device rules shall cover management of mobile devices.',
    ),
    procedure: bi(
      '取得公務行動裝置（筆記型電腦、手機、平板）清冊及行動裝置管理系統（MDM）或端點管理系統之納管清單，比對兩者差異並瞭解原因。抽查清冊 10 台，確認保管人、用途、作業系統版本及納管狀態與實際相符。詢問資訊部門遺失或失竊之通報與處理流程，檢視最近一年遺失事件之處理紀錄（如遠端鎖定或抹除）。',
      'Obtain the inventory of company mobile devices (laptops, phones, tablets) and the list of devices enrolled in mobile-device management (MDM) or endpoint management; reconcile the two and find out why they differ. Sample 10 devices from the inventory and confirm custodian, purpose, OS version and enrolment status match reality. Ask IT how loss or theft is reported and handled, and inspect the handling of the losses of the last 12 months (e.g. remote lock or wipe).',
    ),
    evidence: [
      bi('公務行動裝置清冊', 'Inventory of company mobile devices'),
      bi('MDM 或端點管理系統納管清單', 'MDM or endpoint-management enrolment list'),
      bi('遺失或失竊通報及處理紀錄', 'Loss and theft reports and handling records'),
    ],
  },
  {
    id: 'SR-05-02.1',
    citation: sr(5, { item: 2 }),
    section: 'SR-05',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '行動裝置規範應包含行動裝置使用人員管理。',
      'The mobile-device rules shall cover management of the people who use mobile devices.',
    ),
    procedure: bi(
      '取得行動裝置使用申請及核准紀錄。抽查 10 名使用公務行動裝置或以行動裝置連線公司資源之人員，確認經主管核准、已簽署使用規範同意書並完成相關宣導。對照最近一年離職及調職名單，確認離職人員之行動裝置已繳回或連線授權已撤銷。',
      'Obtain the requests and approvals for mobile-device use. Sample 10 people who use company mobile devices or connect to company resources from mobile devices; confirm their manager approved it, they signed an acknowledgement of the rules and received the related briefing. Compare with the leavers and transfers of the last 12 months and confirm that leavers returned their devices or had their connection rights revoked.',
    ),
    evidence: [
      bi('行動裝置使用申請核准單', 'Mobile-device use approvals'),
      bi('使用規範同意書', 'Signed acknowledgements of the rules'),
      bi('裝置繳回或授權撤銷紀錄', 'Device return or revocation records'),
    ],
  },
  {
    id: 'SR-05-03.1',
    citation: sr(5, { item: 3 }),
    section: 'SR-05',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '行動裝置規範應包含行動裝置之安全控管。',
      'The mobile-device rules shall cover security controls for mobile devices.',
    ),
    procedure: bi(
      '檢視 MDM 或端點管理系統之政策設定，確認強制螢幕鎖定及密碼、儲存加密、遠端鎖定或抹除、阻擋越獄或 root 裝置、限制未經授權之 App 安裝，並管理作業系統更新。實地抽查 5 台公務行動裝置（含筆記型電腦），驗證設定確實生效（如磁碟加密狀態、閒置自動鎖定）。',
      'Inspect the policy settings in the MDM or endpoint-management system and confirm they enforce screen lock and passcode, storage encryption, remote lock or wipe, blocking of jail-broken or rooted devices, restriction of unauthorised app installation, and managed OS updates. On 5 company mobile devices (including laptops) verify that the settings are in effect (e.g. disk-encryption status, automatic idle lock).',
    ),
    evidence: [
      bi('MDM 政策設定匯出或畫面', 'MDM policy export or screenshots'),
      bi('抽查裝置之設定截圖', 'Screenshots of the sampled devices’ settings'),
      bi('加密狀態報表', 'Encryption status report'),
    ],
  },
  {
    id: 'SR-05-03.2',
    citation: sr(5, { item: 3 }),
    section: 'SR-05',
    category: 'technical',
    nature: 'obligation',
    applicability: { all: ['byodAllowed'] },
    requirement: bi(
      '允許員工以自有設備（BYOD）連接公司網路取用資料或處理公務者，應對自有設備實施安全控管。',
      'Where staff may use their own devices (BYOD) to connect to the company network, access data or do company work, those devices shall be under security controls.',
    ),
    procedure: bi(
      '取得 BYOD 登記清單（經核准以自有裝置連接公司網路、電子郵件或應用系統者），抽查 5 台，確認已登記、經核准，並納入 MDM 或容器化管理（公務資料與個人資料區隔、可選擇性抹除公務資料）。檢視網路存取控制（NAC）或電子郵件閘道設定，並實測以未登記之裝置連線，確認無法取用公司資料。',
      'Obtain the BYOD register (personal devices approved to connect to the network, e-mail or applications); sample 5 and confirm each is registered, approved and under MDM or a container (work data separated from personal data, work data can be wiped selectively). Inspect the network access control (NAC) or mail-gateway settings and try to connect with an unregistered device to confirm it cannot reach company data.',
    ),
    evidence: [
      bi('BYOD 登記清單及核准紀錄', 'BYOD register and approvals'),
      bi('MDM 或容器化管理設定', 'MDM or container settings'),
      bi('NAC 或郵件閘道設定及實測結果', 'NAC or mail-gateway settings and test result'),
    ],
  },
  {
    id: 'SR-06.1',
    citation: sr(6),
    section: 'SR-06',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    register: 'policy-reviews',
    requirement: bi(
      '應訂定使用社群媒體相關規範，其內容應至少包含使用社群媒體管理與監督機制、公司社群媒體之資訊揭露及申訴處理機制。',
      'The company shall establish rules for the use of social media that cover at least the management and supervision of social-media use, disclosures on the company’s own social media, and a complaint-handling mechanism.',
    ),
    procedure: bi(
      '取得現行社群媒體使用規範及其核定紀錄，確認經權責主管核定並載有最近一次檢討日期，逐項比對是否涵蓋本條第一款至第三款。詢問行銷或公關主管公司是否經營自有社群媒體帳號，並取得帳號清冊（平台、帳號名稱、管理單位、管理者）。',
      'Obtain the current social-media policy and its approval; confirm it was approved by the responsible manager and shows its latest review date, and check item by item that it covers items 1 to 3 of this article. Ask the head of marketing or public relations whether the company runs its own social-media accounts and obtain their register (platform, account name, owning unit, administrators).',
    ),
    evidence: [
      bi('社群媒體使用規範', 'Social-media policy'),
      bi('規範核定及檢討紀錄', 'Policy approval and review records'),
      bi('官方社群帳號清冊', 'Register of official social-media accounts'),
    ],
  },
  {
    id: 'SR-06-01.1',
    citation: sr(6, { item: 1 }),
    section: 'SR-06',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '社群媒體規範應包含使用社群媒體管理與監督機制。',
      'The social-media rules shall include a mechanism for managing and supervising the use of social media.',
    ),
    procedure: bi(
      '檢視規範對員工使用社群媒體之要求（不得揭露公司機密或客戶資料、未經授權不得以公司名義發言）。詢問法令遵循或公關主管如何監看以公司名義或涉及公司之社群內容（如輿情監測），取得最近一年監測報告或處理紀錄抽查 3 件，確認發現之不當內容已處理。',
      'Check what the rules require of employees on social media (no disclosure of confidential or customer data, no statements in the company’s name without authority). Ask the head of compliance or public relations how content in or about the company’s name is monitored (e.g. media monitoring); inspect 3 monitoring reports or cases of the last 12 months and confirm inappropriate content found was dealt with.',
    ),
    evidence: [
      bi('社群媒體使用規範', 'Social-media policy'),
      bi('輿情監測報告或處理紀錄', 'Media-monitoring reports or case records'),
    ],
  },
  {
    id: 'SR-06-01.2',
    citation: sr(6, { item: 1 }),
    section: 'SR-06',
    category: 'management',
    nature: 'obligation',
    applicability: { all: ['ownSocialMedia'] },
    requirement: bi(
      '公司自有社群媒體帳號之使用應有管理與監督機制。',
      'The company’s own social-media accounts shall be used under a management and supervision mechanism.',
    ),
    procedure: bi(
      '就官方社群帳號清冊，抽查最近三個月發布之貼文 10 則，確認依程序經權責主管審核後發布。將各帳號管理者名單與在職員工名冊比對，確認離職或調職者已移除管理權限，並確認帳號登入已啟用多因素驗證。',
      'From the register of official accounts, sample 10 posts of the last 3 months and confirm each was approved by the responsible manager before publication as the procedure requires. Compare each account’s administrators with the staff roster, confirm leavers and transferred staff lost their rights, and confirm sign-in uses multi-factor authentication.',
    ),
    evidence: [
      bi('官方社群帳號清冊', 'Register of official social-media accounts'),
      bi('貼文審核紀錄', 'Post approval records'),
      bi('帳號管理者名單及多因素驗證設定', 'Account administrator lists and MFA settings'),
    ],
  },
  {
    id: 'SR-06-02.1',
    citation: sr(6, { item: 2 }),
    related: [sr(6, { item: 2, subItem: 1 }), sr(6, { item: 2, subItem: 2 })],
    section: 'SR-06',
    category: 'management',
    nature: 'obligation',
    applicability: { all: ['ownSocialMedia'] },
    register: 'policy-reviews',
    requirement: bi(
      '若屬該公司之社群媒體者，應揭露相關資訊，至少包含：(1) 公司名稱；(2) 主營業場所地址、通訊連絡方式。',
      'The company’s own social media shall disclose relevant information, including at least (1) the company name and (2) the address of its principal place of business and its contact details.',
    ),
    procedure: bi(
      '就官方社群帳號清冊逐一瀏覽各帳號之簡介或「關於」頁面，確認已揭露公司名稱、主營業場所地址及通訊連絡方式（電話、電子郵件或客服管道），並與公司登記資料及官方網站一致。截圖留存並註記檢查日期；另以公司名稱搜尋主要平台，確認無未列入清冊之官方帳號。',
      'For each account in the register of official accounts, view the profile or About page and confirm it discloses the company name, the address of its principal place of business and its contact details (telephone, e-mail or customer-service channel), consistent with the company registration and the official website. Keep dated screenshots; also search the main platforms for the company name to find official accounts missing from the register.',
    ),
    evidence: [
      bi('各帳號簡介頁面截圖（註記日期）', 'Dated screenshots of each account profile'),
      bi('公司登記資料', 'Company registration details'),
    ],
  },
  {
    id: 'SR-06-03.1',
    citation: sr(6, { item: 3 }),
    section: 'SR-06',
    category: 'management',
    nature: 'obligation',
    applicability: { all: ['ownSocialMedia'] },
    requirement: bi(
      '社群媒體規範應包含申訴處理機制。',
      'The social-media rules shall include a complaint-handling mechanism.',
    ),
    procedure: bi(
      '取得經由社群媒體受理申訴（含留言、私訊客訴）之處理程序，確認受理管道、轉送客服或申訴單位之方式及回覆時限。抽查最近一年經社群媒體受理之申訴 5 件，確認已登錄申訴處理系統並於時限內回覆。',
      'Obtain the procedure for complaints received through social media (comments and private messages); confirm how they are received, passed to customer service or the complaints unit, and the response deadline. Sample 5 complaints received through social media in the last 12 months and confirm each was logged in the complaints system and answered on time.',
    ),
    evidence: [
      bi('社群媒體申訴處理程序', 'Social-media complaint procedure'),
      bi('申訴登錄及回覆紀錄', 'Complaint log and replies'),
    ],
  },
  {
    id: 'SR-07.1',
    citation: sr(7),
    section: 'SR-07',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    register: 'policy-reviews',
    requirement: bi(
      '應訂定使用雲端服務（含私有雲）之相關規範，其內容應至少包含雲端服務安全管理、雲端服務提供者遴選機制及雲端服務持續營運管理。',
      'The company shall establish rules for the use of cloud services (including private cloud) that cover at least cloud-service security management, a mechanism for selecting cloud-service providers, and continuity management of cloud services.',
    ),
    procedure: bi(
      '取得現行雲端服務使用規範及其核定紀錄，確認經權責主管核定並載有最近一次檢討日期，逐項比對是否涵蓋本條第一款至第三款。詢問資訊部門主管目前使用之雲端服務（IaaS、PaaS、SaaS 及私有雲），取得雲端服務清冊；如未使用，確認規範載明導入雲端服務前之評估及核准程序。',
      'Obtain the current cloud-service policy and its approval; confirm it was approved by the responsible manager and shows its latest review date, and check item by item that it covers items 1 to 3 of this article. Ask the head of IT which cloud services are in use (IaaS, PaaS, SaaS and private cloud) and obtain the cloud-service inventory; if none is used, confirm the policy sets the assessment and approval required before any cloud service is adopted.',
    ),
    evidence: [
      bi('雲端服務使用規範', 'Cloud-service policy'),
      bi('規範核定及檢討紀錄', 'Policy approval and review records'),
      bi('雲端服務清冊', 'Cloud-service inventory'),
    ],
  },
  {
    id: 'SR-07-01.1',
    citation: sr(7, { item: 1 }),
    section: 'SR-07',
    category: 'technical',
    nature: 'obligation',
    applicability: { all: ['usesCloud'] },
    register: 'system-inventory',
    requirement: bi(
      '雲端服務規範應包含雲端服務安全管理。',
      'The cloud-service rules shall cover security management of cloud services.',
    ),
    procedure: bi(
      '自雲端服務清冊（含資料分級及資料存放地點）抽查 3 項服務，以存放客戶或個人資料者優先，確認：導入前經資料分級及風險評估核准；傳輸及儲存加密、金鑰由公司管理或有明確約定；管理者帳號啟用多因素驗證；稽核日誌已保存並納入監控；帳號權限定期覆核。詢問雲端服務管理人員實際設定，並取得設定畫面佐證。',
      'From the cloud-service inventory (with data classification and data location) sample 3 services, favouring those holding customer or personal data, and confirm: data classification and risk assessment were approved before adoption; data is encrypted in transit and at rest, with keys held by the company or governed by clear terms; administrator accounts use multi-factor authentication; audit logs are kept and monitored; access rights are reviewed periodically. Ask the cloud administrators how it is configured and obtain screenshots of the settings.',
    ),
    evidence: [
      bi('雲端服務清冊', 'Cloud-service inventory'),
      bi('導入前風險評估及核准紀錄', 'Pre-adoption risk assessments and approvals'),
      bi('加密、多因素驗證及日誌設定畫面', 'Encryption, MFA and logging settings'),
      bi('雲端帳號權限覆核紀錄', 'Cloud access review records'),
    ],
  },
  {
    id: 'SR-07-02.1',
    citation: sr(7, { item: 2 }),
    section: 'SR-07',
    category: 'management',
    nature: 'obligation',
    applicability: { all: ['usesCloud'] },
    requirement: bi(
      '雲端服務規範應訂定雲端服務提供者遴選機制。',
      'The cloud-service rules shall establish a mechanism for selecting cloud-service providers.',
    ),
    procedure: bi(
      '取得雲端服務提供者遴選程序。就 SR-07-01.1 抽查之 3 項服務，檢視遴選評估紀錄：提供者之資安驗證（如 ISO 27001、ISO 27017、ISO 27018 或 SOC 2 報告）及有效期間、資料存放地點、公司及主管機關之查核權、資料返還及刪除與退場條款，並確認經權責主管核准。',
      'Obtain the procedure for selecting cloud-service providers. For the 3 services sampled in SR-07-01.1 inspect the selection assessment: the provider’s security certifications (e.g. ISO 27001, ISO 27017, ISO 27018 or a SOC 2 report) and their validity, data location, the right of the company and the regulator to audit, data return, deletion and exit terms; confirm the responsible manager approved it.',
    ),
    evidence: [
      bi('雲端服務提供者遴選程序', 'Cloud-provider selection procedure'),
      bi('遴選評估表及核准紀錄', 'Selection assessments and approvals'),
      bi('提供者資安驗證證書或報告', 'Provider certificates or assurance reports'),
      bi('雲端服務契約', 'Cloud-service contracts'),
    ],
  },
  {
    id: 'SR-07-03.1',
    citation: sr(7, { item: 3 }),
    section: 'SR-07',
    category: 'technical',
    nature: 'obligation',
    applicability: { all: ['usesCloud'] },
    requirement: bi(
      '雲端服務規範應包含雲端服務持續營運管理。',
      'The cloud-service rules shall cover continuity management of cloud services.',
    ),
    procedure: bi(
      '檢視營運持續計畫是否涵蓋重要雲端服務中斷之情境，並訂有復原時間目標（RTO）、資料復原點目標（RPO）、資料備份（含提供者以外之備份）及退場或移轉計畫。取得最近一年雲端服務之可用性報告與服務水準協議比較，並檢視最近一次雲端服務復原演練紀錄及發現事項之改善情形。',
      'Check that the business-continuity plan covers an outage of each important cloud service, with recovery time and recovery point objectives (RTO, RPO), backups (including copies outside the provider) and an exit or migration plan. Compare the availability reports of the last 12 months with the service-level agreement, and inspect the latest cloud recovery drill and the remediation of its findings.',
    ),
    evidence: [
      bi('營運持續計畫（雲端服務部分）', 'Business-continuity plan (cloud services)'),
      bi('服務水準協議及可用性報告', 'Service-level agreements and availability reports'),
      bi('雲端服務復原演練紀錄', 'Cloud recovery drill records'),
    ],
  },
];
