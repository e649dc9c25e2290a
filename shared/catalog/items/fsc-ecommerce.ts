/**
 * Checklist items: the briefing's section 四, e-commerce (online policy sales) controls that it
 * summarises from the regulator's notes on insurers' e-commerce (保險業辦理電子商務應注意事項).
 */
import { fsc } from '../citation';
import type { Applicability, ChecklistItem } from '../schema';
import { bi } from './helpers';

const ONLINE: Applicability = { all: ['onlineSales'] };

export const FSC_ECOMMERCE_ITEMS: readonly ChecklistItem[] = [
  {
    id: 'FSC-4-PF-01.1',
    citation: fsc(4, 1, 1),
    section: 'FSC-4',
    category: 'e-commerce',
    nature: 'obligation',
    applicability: ONLINE,
    register: 'system-inventory',
    requirement: bi(
      '網路投保平台應經由保險公司建置網站專區、網頁或行動應用程式（APP）。',
      'Online sales platforms shall be a website section, web pages or a mobile app built by the insurer.',
    ),
    procedure: bi(
      '取得網路投保管道清冊（網站專區、網頁、App），與系統清冊及對外網站清冊比對，確認均由公司建置並列為第一類系統。以公司名稱搜尋網際網路，確認無未列入清冊之投保頁面。',
      'Obtain the list of online sales channels (website sections, web pages, apps) and compare it with the system inventory and the register of external websites; confirm each was built by the company and is a class 1 system. Search the internet for the company name to find purchase pages missing from the list.',
    ),
    evidence: [
      bi('網路投保管道清冊', 'List of online sales channels'),
      bi('系統清冊比對紀錄', 'Comparison with the system inventory'),
    ],
  },
  {
    id: 'FSC-4-PF-02.1',
    citation: fsc(4, 1, 2),
    section: 'FSC-4',
    category: 'e-commerce',
    nature: 'obligation',
    applicability: ONLINE,
    requirement: bi(
      '保險業與異業合作辦理網路投保業務，相關投保平台應由保險業負責管理維護並揭露相關資訊。',
      'Where the insurer sells online together with a partner from another industry, the purchase platform shall be managed and maintained by the insurer, which shall disclose the relevant information.',
    ),
    procedure: bi(
      '詢問電子商務主管是否與異業合作辦理網路投保，取得合作契約清冊；如無，記錄不適用。抽查 2 個合作案，確認投保頁面由公司管理維護（網域、主機及程式由公司控管，合作方僅導流），並瀏覽頁面確認已揭露保險公司名稱、商品資訊及客服管道。',
      'Ask the head of e-commerce whether online sales are done with partners from other industries and obtain the list of partnership contracts; if none, record that the item does not apply. For 2 partnerships confirm the purchase pages are managed and maintained by the company (the company controls the domain, hosting and code; the partner only sends traffic), and view the pages to confirm the insurer’s name, product information and customer-service channels are disclosed.',
    ),
    evidence: [
      bi('異業合作契約清冊', 'List of partnership contracts'),
      bi('合作投保頁面截圖', 'Screenshots of the partner purchase pages'),
    ],
  },
  {
    id: 'FSC-4-IS-01.1',
    citation: fsc(4, 2, 1),
    related: [fsc(1, 3, 3)],
    section: 'FSC-4',
    category: 'e-commerce',
    nature: 'obligation',
    applicability: ONLINE,
    requirement: bi(
      '辦理網路投保之保險業應取得資訊安全管理系統國際標準（ISO 27001）之認證。',
      'An insurer that sells online shall hold ISO 27001 certification of its information-security management system.',
    ),
    procedure: bi(
      '取得 ISO 27001 證書及適用性聲明，確認證書有效且驗證範圍涵蓋網路投保系統及其營運環境；確認最近一次追查稽核已完成，不符合事項已結案。',
      'Obtain the ISO 27001 certificate and statement of applicability; confirm the certificate is valid and its scope covers the online sales systems and their operating environment, and that the latest surveillance audit was done with its nonconformities closed.',
    ),
    evidence: [
      bi('ISO 27001 證書及適用性聲明', 'ISO 27001 certificate and statement of applicability'),
      bi('追查稽核報告', 'Surveillance audit report'),
    ],
  },
  {
    id: 'FSC-4-IS-01.2',
    citation: fsc(4, 2, 1),
    related: [fsc(3, undefined, 2)],
    section: 'FSC-4',
    category: 'e-commerce',
    nature: 'obligation',
    applicability: ONLINE,
    requirement: bi(
      '辦理網路投保之保險業應建立 DDoS 網路流量清洗機制。',
      'An insurer that sells online shall have a DDoS traffic-scrubbing mechanism.',
    ),
    procedure: bi(
      '取得 DDoS 流量清洗服務契約（電信業者或雲端清洗服務），確認防護範圍涵蓋網路投保之網域及 IP、啟動方式及時效。取得最近一次啟動測試或演練紀錄，確認清洗機制可依約啟動。',
      'Obtain the DDoS scrubbing contract (telecom carrier or cloud scrubbing service); confirm it protects the domains and IP addresses of online sales and states how and how fast it is activated. Obtain the latest activation test or drill and confirm scrubbing started as contracted.',
    ),
    evidence: [
      bi('DDoS 流量清洗服務契約', 'DDoS scrubbing contract'),
      bi('啟動測試或演練紀錄', 'Activation test or drill records'),
    ],
  },
  {
    id: 'FSC-4-ID-01.1',
    citation: fsc(4, 3, 1),
    section: 'FSC-4',
    category: 'e-commerce',
    nature: 'obligation',
    applicability: ONLINE,
    requirement: bi(
      '消費者應提供足資驗證其身分之個人基本資料，辦理首次註冊及身分驗證作業，並由保險業發送一次性密碼（OTP），以確認身分。',
      'A consumer shall provide enough basic personal data to verify their identity to register for the first time, and the insurer shall send a one-time password (OTP) to confirm that identity.',
    ),
    procedure: bi(
      '於測試環境執行首次註冊，確認須輸入足資驗證身分之資料並與既有資料核對，且須輸入保險業發送之 OTP 方能完成；確認 OTP 具有效時間及錯誤次數限制。抽查最近一個月 5 筆註冊紀錄之後端日誌，確認均有 OTP 發送及驗證成功之紀錄。',
      'Register for the first time in the test environment; confirm the data asked for is enough to verify identity and is checked, and that registration cannot finish without the OTP the insurer sends; confirm the OTP expires and limits wrong attempts. For 5 registrations of the last month inspect the back-end logs and confirm each shows the OTP sent and verified.',
    ),
    evidence: [
      bi('註冊流程測試截圖', 'Screenshots of the registration test'),
      bi('OTP 發送及驗證日誌', 'OTP sending and verification logs'),
    ],
  },
  {
    id: 'FSC-4-ID-02.1',
    citation: fsc(4, 3, 2),
    section: 'FSC-4',
    category: 'e-commerce',
    nature: 'obligation',
    applicability: ONLINE,
    requirement: bi(
      '為確認要保人之網路投保意願，保險業依規定執行電話訪問。',
      'To confirm the applicant’s intention to buy online, the insurer shall make telephone calls as the rules require.',
    ),
    procedure: bi(
      '取得網路投保電話訪問作業規定，確認需電訪之條件（商品、金額或其他風險條件）。自最近三個月網路投保清單抽查 10 件應電訪之案件，確認已於規定時點完成電訪，錄音或紀錄可調閱，且電訪未成功之案件已依規定處理。',
      'Obtain the rules for telephone calls on online purchases and confirm which cases require a call (product, amount or other risk conditions). From the online policies of the last 3 months sample 10 that required a call and confirm each call was made when required, the recording or record can be retrieved, and cases where the call failed were handled as the rules require.',
    ),
    evidence: [
      bi('電話訪問作業規定', 'Telephone confirmation rules'),
      bi('電訪錄音或紀錄', 'Call recordings or records'),
    ],
  },
  {
    id: 'FSC-4-PR-01.1',
    citation: fsc(4, 4, 1),
    section: 'FSC-4',
    category: 'e-commerce',
    nature: 'obligation',
    applicability: ONLINE,
    requirement: bi(
      '網路投保之財產保險商品採負面表列，列於負面表列之商品不得經由網路投保辦理。',
      'Non-life products for online sale follow a negative list: products on the list may not be sold online.',
    ),
    procedure: bi(
      '取得網路投保商品清單，與主管機關現行負面表列規定比對，確認無不得於網路辦理之商品；取得商品上架前之法令遵循審核紀錄。',
      'Obtain the list of products sold online and compare it with the regulator’s current negative list to confirm none may not be sold online; obtain the compliance review made before each product was put online.',
    ),
    evidence: [
      bi('網路投保商品清單', 'List of products sold online'),
      bi('商品上架法令遵循審核紀錄', 'Compliance reviews before products go online'),
    ],
  },
  {
    id: 'FSC-4-UW-01.1',
    citation: fsc(4, 5, 1),
    section: 'FSC-4',
    category: 'e-commerce',
    nature: 'obligation',
    applicability: ONLINE,
    requirement: bi(
      '保險業依相關法令及內部核保、保全、理賠內部控制作業進行審核及通報，且於完成審核時通知保戶辦理結果。',
      'The insurer shall review and report online business under the law and its internal controls for underwriting, policy service and claims, and notify the policyholder of the outcome when the review is complete.',
    ),
    procedure: bi(
      '自最近三個月網路投保、保全及理賠申請各抽查 5 件，確認依內控作業完成審核（核保、保全、理賠人員簽核）、依規定完成通報，並於完成審核時以電子郵件或簡訊通知保戶結果（檢視通知紀錄之時間）。',
      'From the online applications, policy-service requests and claims of the last 3 months sample 5 each; confirm each was reviewed under the internal controls (underwriter, service or claims approval), reported as required, and the policyholder was notified of the outcome by e-mail or SMS when the review was complete (check the notification timestamps).',
    ),
    evidence: [
      bi(
        '網路投保、保全及理賠案件清單',
        'Lists of online applications, service requests and claims',
      ),
      bi('審核簽核及通報紀錄', 'Approval and reporting records'),
      bi('保戶通知紀錄', 'Policyholder notification records'),
    ],
  },
];
