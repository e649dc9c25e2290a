/**
 * Review templates for the three policies 自律規範 arts. 5 to 7 require: mobile devices and BYOD
 * (第五條), social media (第六條) and cloud services (第七條). Each required element is one
 * numbered item (款, or 目 where the item lists sub-items) of the article, plus the article's
 * own lead-in (the policy itself, its scope and approval). Every element cites its provision,
 * maps to the checklist item that tests it (shared/catalog/items/sr-05-07.ts), and says what an
 * adequate policy contains: a few concrete points the auditor looks for.
 *
 * Element ids are stable: stored reviews key their answers by them. Never rename or remove one;
 * add new elements instead.
 *
 * Conditions are the inspection's scoping questions (shared/catalog/scoping.ts), so a review can
 * start from the inspection's answers. An element with a condition does not apply when the
 * answer is no.
 */
import { formatCitation, sr } from '../../catalog/citation';
import type { Bilingual, Citation, Lang, ScopingKey } from '../../catalog/schema';
import { SCOPING_QUESTIONS } from '../../catalog/scoping';
import { bi } from '../../domain/inspection/text';

export const POLICY_KINDS = ['byod', 'social-media', 'cloud'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

export interface PolicyCondition {
  key: ScopingKey;
  /** The scoping question, asked as is. */
  question: Bilingual;
}

export interface PolicyElement {
  /** Stable, `<kind>.<name>`. */
  id: string;
  kind: PolicyKind;
  title: Bilingual;
  /** What an adequate policy says: the points an auditor checks. */
  guidance: readonly Bilingual[];
  /** The provision that requires the element. */
  citation: Citation;
  /** Further provisions it also answers (a definition it relies on, the item over a sub-item). */
  related: readonly Citation[];
  /** The checklist item a gap is raised on. */
  itemId: string;
  /** Applies only when this scoping answer is yes (or not yet given). */
  condition: PolicyCondition | null;
  /** The article's lead-in: the policy as a whole (scope, approval, review). */
  leadIn: boolean;
}

export interface PolicyTemplate {
  kind: PolicyKind;
  title: Bilingual;
  citation: Citation;
  elements: readonly PolicyElement[];
  /** The conditions the elements use, each once, in order of first use. */
  conditions: readonly PolicyCondition[];
}

function condition(key: ScopingKey): PolicyCondition {
  const question = SCOPING_QUESTIONS.find((q) => q.key === key);
  if (question === undefined) throw new Error(`no scoping question ${key}`);
  return { key, question: question.question };
}

type ElementSpec = Omit<PolicyElement, 'kind' | 'related' | 'condition' | 'leadIn'> & {
  related?: readonly Citation[];
  condition?: ScopingKey;
  leadIn?: boolean;
};

function template(
  kind: PolicyKind,
  title: Bilingual,
  citation: Citation,
  specs: readonly ElementSpec[],
): PolicyTemplate {
  const elements = specs.map((spec): PolicyElement => ({
    ...spec,
    kind,
    related: spec.related ?? [],
    condition: spec.condition === undefined ? null : condition(spec.condition),
    leadIn: spec.leadIn ?? false,
  }));
  const conditions: PolicyCondition[] = [];
  for (const element of elements) {
    if (element.condition !== null && !conditions.some((c) => c.key === element.condition?.key)) {
      conditions.push(element.condition);
    }
  }
  return { kind, title, citation, elements, conditions };
}

const BYOD = template(
  'byod',
  bi('行動裝置（含 BYOD）使用規範', 'Mobile-device (including BYOD) policy'),
  sr(5),
  [
    {
      id: 'byod.policy',
      leadIn: true,
      title: bi('規範之訂定、適用範圍及 BYOD 立場', 'The policy, its scope and its stance on BYOD'),
      citation: sr(5),
      related: [sr(2, { item: 2 }), sr(2, { item: 3 })],
      itemId: 'SR-05.1',
      guidance: [
        bi(
          '適用範圍涵蓋公務及自有之智慧型手機、平板電腦及筆記型電腦（第二條第二款之行動裝置）',
          'Covers company-issued and personal smartphones, tablets and laptops (mobile devices as defined in art. 2(2))',
        ),
        bi(
          '明定是否允許員工以自有設備（BYOD）連接公司網路、電子郵件或系統，及其條件',
          'States whether staff may connect their own devices (BYOD) to the network, e-mail or systems, and on what terms',
        ),
        bi(
          '經權責主管核定，載明權責單位及定期檢討（至少每年）之機制',
          'Approved by the responsible manager, naming the owning unit and a periodic (at least yearly) review',
        ),
      ],
    },
    {
      id: 'byod.device-management',
      title: bi('行動裝置管理', 'Mobile-device management'),
      citation: sr(5, { item: 1 }),
      itemId: 'SR-05-01.1',
      guidance: [
        bi(
          '公務及經核准之行動裝置應登記於清冊（使用人、型號、序號），並經申請核准始得連接公司資源',
          'Company and approved devices are registered (user, model, serial number) and approved before they connect to company resources',
        ),
        bi(
          '以行動裝置管理（MDM/EMM）或容器化技術納管，並訂定作業系統最低版本及修補要求，禁止越獄或 root 裝置',
          'Devices are enrolled in mobile-device management (MDM/EMM) or containerised, with minimum OS versions and patch levels; jail-broken or rooted devices are barred',
        ),
        bi(
          '遺失或失竊之通報時限及遠端鎖定、抹除程序',
          'Loss and theft must be reported within a set time, with remote lock and wipe',
        ),
        bi(
          '裝置汰換或報廢前之資料清除（連結第四條第六款之報廢程序）',
          'Data is removed before a device is replaced or disposed of (linked to the disposal procedure of art. 4(6))',
        ),
      ],
    },
    {
      id: 'byod.user-management',
      title: bi('行動裝置使用人員管理', 'Management of device users'),
      citation: sr(5, { item: 2 }),
      itemId: 'SR-05-02.1',
      guidance: [
        bi(
          '依職務需要核准使用人員，經主管核准並留存紀錄',
          'Users are approved by their manager according to their role, with a record kept',
        ),
        bi(
          '使用人員簽署使用規範同意書（含接受公司管理、監控及遠端抹除公務資料）並接受宣導或訓練',
          'Users sign an acknowledgement of the rules (accepting company management, monitoring and remote wipe of company data) and are briefed or trained',
        ),
        bi(
          '離職或調職時繳回裝置或撤銷連線授權、抹除公務資料（連結第四條第五款）',
          'On leaving or changing role, devices are returned or access revoked and company data wiped (linked to art. 4(5))',
        ),
        bi('違反規範之懲處', 'Sanctions for breaking the rules'),
      ],
    },
    {
      id: 'byod.security-controls',
      title: bi('行動裝置之安全控管', 'Security controls for mobile devices'),
      citation: sr(5, { item: 3 }),
      itemId: 'SR-05-03.1',
      guidance: [
        bi(
          '強制螢幕鎖定、密碼或生物辨識及閒置自動鎖定',
          'Screen lock with passcode or biometrics, and automatic idle lock, are enforced',
        ),
        bi(
          '裝置儲存加密，公務資料傳輸使用加密連線（VPN 或 TLS）',
          'Device storage is encrypted; company data travels over encrypted connections (VPN or TLS)',
        ),
        bi(
          '限制 App 來源及未經授權之 App 安裝，並有惡意程式防護',
          'App sources and unauthorised installs are restricted, with malware protection',
        ),
        bi(
          '防止公務資料外流（如限制複製貼上、備份至個人雲端、螢幕截圖）',
          'Leakage of company data is prevented (e.g. copy and paste, backup to personal cloud, screenshots)',
        ),
      ],
    },
    {
      id: 'byod.own-devices',
      condition: 'byodAllowed',
      title: bi('自有設備（BYOD）之控管', 'Controls on personal devices (BYOD)'),
      citation: sr(5, { item: 3 }),
      related: [sr(2, { item: 3 })],
      itemId: 'SR-05-03.2',
      guidance: [
        bi(
          '自有設備須登記、核准後始得連接，未登記之裝置由網路存取控制（NAC）或郵件閘道阻擋',
          'Personal devices connect only once registered and approved; unregistered ones are blocked by network access control (NAC) or the mail gateway',
        ),
        bi(
          '公務資料以容器隔離於個人資料之外，並可選擇性抹除公務資料',
          'Company data is kept in a container apart from personal data and can be wiped selectively',
        ),
        bi(
          '說明公司對自有設備之管理範圍及對員工個人資料之保護',
          'States how far the company manages personal devices and how the employee’s own data is protected',
        ),
      ],
    },
  ],
);

const SOCIAL_MEDIA = template(
  'social-media',
  bi('社群媒體使用規範', 'Social-media policy'),
  sr(6),
  [
    {
      id: 'social-media.policy',
      leadIn: true,
      title: bi('規範之訂定、適用範圍及權責', 'The policy, its scope and responsibilities'),
      citation: sr(6),
      itemId: 'SR-06.1',
      guidance: [
        bi(
          '適用範圍涵蓋員工個人使用社群媒體涉及公司之情形，及公司經營之官方帳號',
          'Covers staff’s personal use of social media where it concerns the company, and the company’s official accounts',
        ),
        bi(
          '明定權責單位（如行銷、公關、法令遵循）及官方帳號之開設須經核准',
          'Names the responsible units (e.g. marketing, public relations, compliance) and requires approval to open an official account',
        ),
        bi(
          '經權責主管核定並定期檢討',
          'Approved by the responsible manager and reviewed periodically',
        ),
      ],
    },
    {
      id: 'social-media.supervision',
      title: bi('使用社群媒體管理與監督機制', 'Management and supervision of social-media use'),
      citation: sr(6, { item: 1 }),
      itemId: 'SR-06-01.1',
      guidance: [
        bi(
          '員工不得於社群媒體揭露公司機密或客戶資料',
          'Staff must not disclose confidential or customer data on social media',
        ),
        bi(
          '未經授權不得以公司名義發言，並指定對外發言人',
          'Nobody speaks in the company’s name without authority; spokespersons are designated',
        ),
        bi(
          '監看涉及公司之社群內容（如輿情監測）及不當內容之處理與通報',
          'Content about the company is monitored (e.g. media monitoring), and inappropriate content is handled and escalated',
        ),
        bi('違反規範之懲處', 'Sanctions for breaking the rules'),
      ],
    },
    {
      id: 'social-media.official-accounts',
      condition: 'ownSocialMedia',
      title: bi('公司官方帳號之管理與監督', 'Management and supervision of official accounts'),
      citation: sr(6, { item: 1 }),
      itemId: 'SR-06-01.2',
      guidance: [
        bi(
          '官方帳號清冊（平台、帳號、管理單位、管理者）',
          'A register of official accounts (platform, account, owning unit, administrators)',
        ),
        bi(
          '貼文發布前經權責主管審核',
          'Posts are approved by the responsible manager before publication',
        ),
        bi(
          '管理者帳號具名、啟用多因素驗證，離職或調職時移除權限；帳號遭盜用之應變',
          'Administrators are named and use multi-factor authentication, and lose access on leaving or changing role; a response to account takeover is set',
        ),
      ],
    },
    {
      id: 'social-media.disclosure-name',
      condition: 'ownSocialMedia',
      title: bi('揭露公司名稱', 'Disclosure of the company name'),
      citation: sr(6, { item: 2, subItem: 1 }),
      related: [sr(6, { item: 2 })],
      itemId: 'SR-06-02.1',
      guidance: [
        bi(
          '規範要求公司所屬社群媒體於簡介或「關於」頁面揭露公司名稱（與登記名稱一致）',
          'Requires every company account to show the company name (as registered) on its profile or About page',
        ),
        bi('定期檢查各帳號揭露情形', 'Requires periodic checks of what each account discloses'),
      ],
    },
    {
      id: 'social-media.disclosure-address-contact',
      condition: 'ownSocialMedia',
      title: bi(
        '揭露主營業場所地址、通訊連絡方式',
        'Disclosure of the principal place of business and contact details',
      ),
      citation: sr(6, { item: 2, subItem: 2 }),
      related: [sr(6, { item: 2 })],
      itemId: 'SR-06-02.1',
      guidance: [
        bi(
          '規範要求揭露主營業場所地址及通訊連絡方式（電話、電子郵件或客服管道）',
          'Requires the address of the principal place of business and contact details (telephone, e-mail or customer-service channel) to be shown',
        ),
        bi(
          '揭露內容與公司登記資料及官方網站一致，異動時同步更新',
          'The details match the company registration and the official website, and are updated when they change',
        ),
      ],
    },
    {
      id: 'social-media.complaints',
      title: bi('申訴處理機制', 'Complaint handling'),
      citation: sr(6, { item: 3 }),
      itemId: 'SR-06-03.1',
      guidance: [
        bi(
          '經由社群媒體（留言、私訊）受理之申訴，其受理管道及轉送客服或申訴單位之方式',
          'How complaints received through social media (comments, private messages) are taken in and passed to customer service or the complaints unit',
        ),
        bi(
          '申訴登錄、回覆時限（金融消費者保護法第十三條：收受申訴之日起三十日內處理並回覆）及追蹤',
          'Complaints are logged, answered within a deadline (Financial Consumer Protection Act art. 13: dealt with and answered within 30 days of receipt) and followed up',
        ),
        bi(
          '涉及個人資料之申訴不於公開留言中回覆個資',
          'Replies to complaints never put personal data in public comments',
        ),
      ],
    },
  ],
);

const CLOUD = template(
  'cloud',
  bi('雲端服務（含私有雲）使用規範', 'Cloud-service (including private cloud) policy'),
  sr(7),
  [
    {
      id: 'cloud.policy',
      leadIn: true,
      title: bi('規範之訂定、適用範圍及導入核准', 'The policy, its scope and approval to adopt'),
      citation: sr(7),
      itemId: 'SR-07.1',
      guidance: [
        bi(
          '適用範圍涵蓋公有雲（IaaS、PaaS、SaaS，含雲端郵件等）及私有雲',
          'Covers public cloud (IaaS, PaaS and SaaS such as cloud e-mail) and private cloud',
        ),
        bi(
          '導入雲端服務前須經資料分級、風險評估及權責主管核准，並維護雲端服務清冊',
          'Adopting a cloud service requires data classification, a risk assessment and the responsible manager’s approval; a cloud-service inventory is kept',
        ),
        bi(
          '經權責主管核定並定期檢討',
          'Approved by the responsible manager and reviewed periodically',
        ),
      ],
    },
    {
      id: 'cloud.security',
      condition: 'usesCloud',
      title: bi('雲端服務安全管理', 'Security management of cloud services'),
      citation: sr(7, { item: 1 }),
      itemId: 'SR-07-01.1',
      guidance: [
        bi(
          '依資料分級決定可存放於雲端之資料及存放地點',
          'Data classification decides what may go to the cloud and where it may be stored',
        ),
        bi(
          '傳輸及儲存加密，金鑰由公司管理或有明確約定',
          'Data is encrypted in transit and at rest, with keys held by the company or governed by clear terms',
        ),
        bi(
          '管理者帳號多因素驗證、最小權限及定期權限覆核',
          'Administrators use multi-factor authentication, least privilege and periodic access reviews',
        ),
        bi(
          '稽核日誌保存及監控，並明定公司與提供者之責任分工',
          'Audit logs are kept and monitored, and the split of responsibilities with the provider is stated',
        ),
      ],
    },
    {
      id: 'cloud.provider-selection',
      condition: 'usesCloud',
      title: bi('雲端服務提供者遴選機制', 'Selection of cloud-service providers'),
      citation: sr(7, { item: 2 }),
      itemId: 'SR-07-02.1',
      guidance: [
        bi(
          '遴選評估項目：資安驗證（ISO 27001、ISO 27017、ISO 27018 或 SOC 2 報告）及其有效期間',
          'The selection assesses security certifications (ISO 27001, ISO 27017, ISO 27018 or a SOC 2 report) and their validity',
        ),
        bi(
          '資料存放地點、公司及主管機關之查核權、再委外限制及資安事件通報義務',
          'Data location, audit rights for the company and the regulator, limits on sub-contracting and incident notification duties',
        ),
        bi(
          '契約終止時之資料返還、刪除及退場條款',
          'Data return, deletion and exit terms when the contract ends',
        ),
        bi('遴選結果經權責主管核准', 'The selection is approved by the responsible manager'),
      ],
    },
    {
      id: 'cloud.continuity',
      condition: 'usesCloud',
      title: bi('雲端服務持續營運管理', 'Continuity management of cloud services'),
      citation: sr(7, { item: 3 }),
      itemId: 'SR-07-03.1',
      guidance: [
        bi(
          '營運持續計畫涵蓋重要雲端服務中斷之情境，訂定復原時間目標（RTO）及資料復原點目標（RPO）',
          'The business-continuity plan covers an outage of each important cloud service, with recovery time and recovery point objectives (RTO, RPO)',
        ),
        bi(
          '資料備份（含提供者以外之備份）及退場或移轉計畫',
          'Backups (including copies outside the provider) and an exit or migration plan',
        ),
        bi(
          '服務水準協議之監控及定期復原演練',
          'Service levels are monitored and recovery is drilled periodically',
        ),
      ],
    },
  ],
);

export const POLICY_TEMPLATES: Readonly<Record<PolicyKind, PolicyTemplate>> = {
  byod: BYOD,
  'social-media': SOCIAL_MEDIA,
  cloud: CLOUD,
};

export const POLICY_KIND_LABELS: Readonly<Record<PolicyKind, Bilingual>> = {
  byod: BYOD.title,
  'social-media': SOCIAL_MEDIA.title,
  cloud: CLOUD.title,
};

const ELEMENTS = new Map(
  POLICY_KINDS.flatMap((kind) => POLICY_TEMPLATES[kind].elements.map((e) => [e.id, e] as const)),
);

/** An element by id, of any kind. */
export function getPolicyElement(id: string): PolicyElement | undefined {
  return ELEMENTS.get(id);
}

/** The lead-in element of a kind: where "no policy" and "not approved" are raised. */
export function leadInElement(kind: PolicyKind): PolicyElement {
  const element = POLICY_TEMPLATES[kind].elements.find((e) => e.leadIn);
  if (element === undefined) throw new Error(`no lead-in element for ${kind}`);
  return element;
}

/** `自律規範第五條第一款` / `Self-regulation rules art. 5(1)`. */
export function elementCitation(element: PolicyElement, lang: Lang): string {
  return formatCitation(element.citation, lang);
}
