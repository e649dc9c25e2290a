/**
 * Scoping: a few yes/no questions about the inspected company decide which items of the
 * library apply. The instantiated checklist records the library version and the answers, so
 * an inspection can always say which version and which scope it used.
 */
import { z } from 'zod';
import {
  type Applicability,
  type Bilingual,
  type ChecklistItem,
  type ChecklistLibrary,
  type Lang,
  type ScopingKey,
} from './schema';

export const scopingAnswersSchema = z.strictObject({
  hasMobileApp: z.boolean(),
  hasAgentApp: z.boolean(),
  usesCloud: z.boolean(),
  ownSocialMedia: z.boolean(),
  outsourcing: z.boolean(),
  thirdPartyDisposal: z.boolean(),
  byodAllowed: z.boolean(),
  onlineSales: z.boolean(),
  remoteWork: z.boolean(),
  usesIot: z.boolean(),
}) satisfies z.ZodType<Record<ScopingKey, boolean>>;
export type ScopingAnswers = z.infer<typeof scopingAnswersSchema>;

export interface ScopingQuestion {
  key: ScopingKey;
  /** Short label for "applies only where …". */
  label: Bilingual;
  question: Bilingual;
  help: Bilingual;
}

const t = (zh: string, en: string): Bilingual => ({ 'zh-TW': zh, en });

export const SCOPING_QUESTIONS: readonly ScopingQuestion[] = [
  {
    key: 'hasMobileApp',
    label: t('提供消費者下載之 App', 'a consumer app'),
    question: t(
      '公司是否提供消費者下載之行動應用程式（App）？',
      'Does the company offer a mobile app for consumers to download?',
    ),
    help: t(
      '含自行開發或委外開發、以公司名義於 App 商店上架者。適用附件一（App 資訊安全作業準則）。',
      'Developed in-house or by a vendor, published in an app store under the company name. Brings in Annex 1 (mobile-app security guidelines).',
    ),
  },
  {
    key: 'hasAgentApp',
    label: t('業務員行動投保 App', 'a sales-agent app'),
    question: t(
      '公司是否提供業務員使用之行動投保 App 或其他內部行動 App？',
      'Does the company give its sales agents a mobile sales app, or run other in-house mobile apps?',
    ),
    help: t(
      '自律規範第八條涵蓋公司建置或開發之所有 App；保險局裁罰態樣亦指出業務員行動投保 App 設計欠妥適。',
      'Art. 8 of the rules covers every app the company builds or develops; the regulator has fined poorly designed agent sales apps.',
    ),
  },
  {
    key: 'usesCloud',
    label: t('使用雲端服務', 'cloud services'),
    question: t(
      '公司是否使用雲端服務（含私有雲、SaaS 如雲端郵件）？',
      'Does the company use cloud services (including private cloud, and SaaS such as cloud e-mail)?',
    ),
    help: t(
      '無論是否使用，自律規範第七條仍要求訂定雲端服務規範；回答「是」時才會帶入安全管理、遴選及持續營運之查核項目。',
      'Art. 7 requires a cloud policy in any case; answering yes adds the tests of security management, provider selection and continuity.',
    ),
  },
  {
    key: 'ownSocialMedia',
    label: t('自有社群媒體帳號', 'own social-media accounts'),
    question: t(
      '公司是否經營自有之社群媒體帳號（如 Facebook 粉絲專頁、LINE 官方帳號、YouTube 頻道）？',
      'Does the company run its own social-media accounts (e.g. a Facebook page, a LINE official account, a YouTube channel)?',
    ),
    help: t(
      '帶入自律規範第六條第二款（公司名稱、地址及聯絡方式之揭露）與第三款（申訴處理）之查核項目。',
      'Adds the tests of art. 6(2) (disclosure of company name, address and contact details) and art. 6(3) (complaints).',
    ),
  },
  {
    key: 'outsourcing',
    label: t('有委外業務', 'outsourcing'),
    question: t(
      '公司是否有委外業務（如資訊系統開發維運、資安監控、客服、理賠查勘）？',
      'Does the company outsource work (e.g. system development or operation, security monitoring, call centre, claims survey)?',
    ),
    help: t(
      '帶入委外契約保密協定及委外資安監控服務之查核項目。',
      'Adds the tests of confidentiality clauses in outsourcing contracts and of outsourced security monitoring.',
    ),
  },
  {
    key: 'thirdPartyDisposal',
    label: t('委託第三者銷毀', 'third-party destruction'),
    question: t(
      '公司是否委託第三者銷毀報廢之電腦硬碟或儲存媒體？',
      'Does the company have third parties destroy disposed hard disks or storage media?',
    ),
    help: t(
      '自律規範第四條第六款要求與受託銷毀廠商簽訂保密合約。',
      'Art. 4(6) of the rules requires a confidentiality contract with the destruction vendor.',
    ),
  },
  {
    key: 'byodAllowed',
    label: t('允許 BYOD', 'BYOD'),
    question: t(
      '公司是否允許員工以自有設備（BYOD）連接公司網路、電子郵件或系統？',
      'Does the company let staff connect their own devices (BYOD) to its network, e-mail or systems?',
    ),
    help: t(
      '無論是否允許，均應訂定行動裝置規範；回答「是」時帶入自有設備之登記與控管查核項目。',
      'A mobile-device policy is required either way; answering yes adds the tests of BYOD registration and controls.',
    ),
  },
  {
    key: 'onlineSales',
    label: t('辦理網路投保', 'online sales'),
    question: t(
      '公司是否辦理網路投保（電子商務）業務，含與異業合作之投保平台？',
      'Does the company sell insurance online (e-commerce), including through partner platforms?',
    ),
    help: t(
      '帶入保險局簡報第四點（ISO 27001、DDoS 清洗、OTP、電話訪問等）及網路投保相關裁罰態樣之查核項目。',
      'Adds the tests from section 4 of the regulator’s briefing (ISO 27001, DDoS scrubbing, OTP, phone confirmation) and the related penalty patterns.',
    ),
  },
  {
    key: 'remoteWork',
    label: t('遠端或異地辦公', 'remote work'),
    question: t(
      '公司是否允許遠端工作或異地辦公（含視訊會議處理公務）？',
      'Does the company allow remote or split-site working (including video conferencing for business)?',
    ),
    help: t(
      '帶入遠端作業安全措施（傳輸加密、機敏資料防護、視訊設備安控、異常行為監控）之查核項目。',
      'Adds the tests of remote-work controls (encrypted transmission, protection of sensitive data, video-conference security, monitoring of unusual behaviour).',
    ),
  },
  {
    key: 'usesIot',
    label: t('使用物聯網設備', 'IoT devices'),
    question: t(
      '公司是否使用連網之物聯網設備（如網路攝影機、門禁、車載或感測裝置）？',
      'Does the company use networked IoT devices (e.g. IP cameras, door access, telematics or sensors)?',
    ),
    help: t('帶入物聯網設備管理之查核項目。', 'Adds the test of IoT device management.'),
  },
];

export function isApplicable(
  item: Pick<ChecklistItem, 'applicability'>,
  answers: ScopingAnswers,
): boolean {
  const a = item.applicability;
  if (a === 'always') return true;
  if ('all' in a) return a.all.every((key) => answers[key]);
  return a.any.some((key) => answers[key]);
}

/** The items of the library that apply to a company with these answers, in library order. */
export function selectItems(library: ChecklistLibrary, answers: ScopingAnswers): ChecklistItem[] {
  return library.items.filter((item) => isApplicable(item, answers));
}

/** What an inspection keeps: the library version and scope it was instantiated from. */
export const checklistInstanceRefSchema = z.strictObject({
  libraryVersion: z.string().min(1),
  scoping: scopingAnswersSchema,
  itemIds: z.array(z.string().min(1)),
});
export type ChecklistInstanceRef = z.infer<typeof checklistInstanceRefSchema>;

export interface ChecklistInstance extends ChecklistInstanceRef {
  items: ChecklistItem[];
}

/** The checklist for one inspection, instantiated from the library. */
export function instantiateChecklist(
  library: ChecklistLibrary,
  answers: ScopingAnswers,
): ChecklistInstance {
  const items = selectItems(library, answers);
  return {
    libraryVersion: library.version,
    scoping: { ...answers },
    itemIds: items.map((item) => item.id),
    items,
  };
}

/** "Always", or the condition in words, e.g. 「僅適用於：使用雲端服務」. */
export function formatApplicability(applicability: Applicability, lang: Lang): string {
  if (applicability === 'always') return lang === 'zh-TW' ? '一律適用' : 'Always';
  const keys = 'all' in applicability ? applicability.all : applicability.any;
  const labels = keys.map(
    (key) => SCOPING_QUESTIONS.find((q) => q.key === key)?.label[lang] ?? key,
  );
  if (lang === 'zh-TW') {
    return `僅適用於：${labels.join('all' in applicability ? '且' : '或')}`;
  }
  return `Only with ${labels.join('all' in applicability ? ' and ' : ' or ')}`;
}
