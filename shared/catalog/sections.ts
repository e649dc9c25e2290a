/**
 * The UI's grouping of checklist items, in display order: one group per article of the
 * self-regulation rules and of Annex 1, per part of Annex 2, and per part of the briefing.
 */
import type { Bilingual } from './schema';

export const SECTION_IDS = [
  'SR-04',
  'SR-05',
  'SR-06',
  'SR-07',
  'SR-08',
  'SR-09',
  'SR-10',
  'SR-11',
  'A1-01',
  'A1-02',
  'A1-03',
  'A1-04',
  'A1-05',
  'A2-II',
  'A2-III',
  'A2-IV',
  'A2-V',
  'A2-VI',
  'A2-VII',
  'A2-VIII',
  'FSC-1',
  'FSC-2',
  'FSC-3',
  'FSC-4',
  'FSC-5-MG',
  'FSC-5-PD',
  'FSC-5-EC',
] as const;

type SectionIdLiteral = (typeof SECTION_IDS)[number];

const t = (zh: string, en: string): Bilingual => ({ 'zh-TW': zh, en });

export const CATALOG_SECTIONS: Readonly<Record<SectionIdLiteral, Bilingual>> = {
  'SR-04': t(
    '自律規範第四條 人員、委外與設備報廢',
    'Rules art. 4: staff, outsourcing and disposal',
  ),
  'SR-05': t('自律規範第五條 行動裝置（含 BYOD）', 'Rules art. 5: mobile devices and BYOD'),
  'SR-06': t('自律規範第六條 社群媒體', 'Rules art. 6: social media'),
  'SR-07': t('自律規範第七條 雲端服務', 'Rules art. 7: cloud services'),
  'SR-08': t('自律規範第八條 行動應用程式', 'Rules art. 8: mobile apps'),
  'SR-09': t('自律規範第九條 資安防禦與評估', 'Rules art. 9: defences and assessment'),
  'SR-10': t('自律規範第十條 資安事故管理與通報', 'Rules art. 10: incidents and reporting'),
  'SR-11': t('自律規範第十一條 內稽內控與自行查核', 'Rules art. 11: internal control'),
  'A1-01': t('附件一第一條 適用範圍', 'Annex 1 art. 1: scope'),
  'A1-02': t('附件一第二條 發布、更新及問題處理', 'Annex 1 art. 2: release, updates and issues'),
  'A1-03': t('附件一第三條 敏感性資料保護', 'Annex 1 art. 3: sensitive data'),
  'A1-04': t(
    '附件一第四條 身分認證、授權與連線管理',
    'Annex 1 art. 4: authentication and sessions',
  ),
  'A1-05': t('附件一第五條 行動應用程式碼安全', 'Annex 1 art. 5: code security'),
  'A2-II': t('附件二 貳、評估範圍', 'Annex 2 II: assessment scope and plan'),
  'A2-III': t('附件二 參、電腦系統分類及評估週期', 'Annex 2 III: system classes and cycles'),
  'A2-IV': t('附件二 肆、資訊安全評估作業', 'Annex 2 IV: assessment areas'),
  'A2-V': t(
    '附件二 伍、可靠性與安全性侵害之對策',
    'Annex 2 V: reliability and security countermeasures',
  ),
  'A2-VI': t('附件二 陸、社交工程演練', 'Annex 2 VI: social-engineering drill'),
  'A2-VII': t('附件二 柒、評估單位資格與責任', 'Annex 2 VII: assessors'),
  'A2-VIII': t('附件二 捌、評估報告', 'Annex 2 VIII: assessment report'),
  'FSC-1': t('保險局簡報 一、資安治理', 'FSC briefing 1: security governance'),
  'FSC-2': t('保險局簡報 二、自律規範新增重點', 'FSC briefing 2: latest self-regulation'),
  'FSC-3': t('保險局簡報 三、強化資安防護措施', 'FSC briefing 3: stronger protection'),
  'FSC-4': t('保險局簡報 四、電子商務交易安全', 'FSC briefing 4: e-commerce security'),
  'FSC-5-MG': t(
    '保險局簡報 五、裁罰態樣：資安管理面',
    'FSC briefing 5: penalties, security management',
  ),
  'FSC-5-PD': t('保險局簡報 五、裁罰態樣：個資管理面', 'FSC briefing 5: penalties, personal data'),
  'FSC-5-EC': t(
    '保險局簡報 五、裁罰態樣：電子商務系統管理',
    'FSC briefing 5: penalties, e-commerce systems',
  ),
};
