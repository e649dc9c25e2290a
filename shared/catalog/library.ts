/**
 * The built-in checklist library: every item, in display order, with the library's version.
 * The version is `YYYY.MM-n`: the self-regulation rules' amendment approved on 105.12.2
 * (2016-12-02), then our revision. Raise `n` on any change to the items; an inspection keeps
 * the version it was instantiated from (`instantiateChecklist`).
 */
import { A1_ITEMS } from './items/annex1';
import { A2_ASSESSMENT_ITEMS } from './items/annex2-assessment';
import { A2_ASSESSOR_ITEMS } from './items/annex2-assessors';
import { A2_COUNTERMEASURE_ITEMS } from './items/annex2-countermeasures';
import { A2_PLAN_ITEMS } from './items/annex2-plan';
import { FSC_ECOMMERCE_ITEMS } from './items/fsc-ecommerce';
import { FSC_GOVERNANCE_ITEMS } from './items/fsc-governance';
import { FSC_PENALTY_MG_ITEMS } from './items/fsc-penalties-mg';
import { FSC_PENALTY_PD_EC_ITEMS } from './items/fsc-penalties-pd-ec';
import { FSC_PROTECTION_ITEMS } from './items/fsc-protection';
import { SR_04_ITEMS } from './items/sr-04';
import { SR_05_07_ITEMS } from './items/sr-05-07';
import { SR_08_11_ITEMS } from './items/sr-08-11';
import type { ChecklistItem, ChecklistLibrary, SourceDocument } from './schema';

export const LIBRARY_VERSION = '2016.12-1';

/** Ids withdrawn from earlier versions; they must never be given to another item. */
export const RETIRED_ITEM_IDS: readonly string[] = [];

export const LIBRARY_SOURCES: readonly SourceDocument[] = [
  {
    document: 'SR',
    title: {
      'zh-TW': '財產保險業辦理資訊安全防護自律規範',
      en: 'Self-regulation rules for information-security protection of property insurers',
    },
    asOf: '2016-12-02',
  },
  {
    document: 'SR-A1',
    title: {
      'zh-TW': '附件一 財產保險業行動應用程式(App)資訊安全作業準則',
      en: 'Annex 1: mobile-app information-security guidelines for property insurers',
    },
    asOf: '2016-12-02',
  },
  {
    document: 'SR-A2',
    title: {
      'zh-TW': '附件二 產險業辦理電腦系統資訊安全評估作業原則',
      en: 'Annex 2: principles for information-security assessment of computer systems',
    },
    asOf: '2016-12-02',
  },
  {
    document: 'FSC-2020',
    title: {
      'zh-TW': '保險局「保險業資安監理重點說明」簡報',
      en: 'Insurance Bureau briefing on information-security supervision of insurers',
    },
    asOf: '2020-12-04',
  },
];

const ITEMS: readonly ChecklistItem[] = [
  ...SR_04_ITEMS,
  ...SR_05_07_ITEMS,
  ...SR_08_11_ITEMS,
  ...A1_ITEMS,
  ...A2_PLAN_ITEMS,
  ...A2_ASSESSMENT_ITEMS,
  ...A2_COUNTERMEASURE_ITEMS,
  ...A2_ASSESSOR_ITEMS,
  ...FSC_GOVERNANCE_ITEMS,
  ...FSC_PROTECTION_ITEMS,
  ...FSC_ECOMMERCE_ITEMS,
  ...FSC_PENALTY_MG_ITEMS,
  ...FSC_PENALTY_PD_EC_ITEMS,
];

export const CHECKLIST_LIBRARY: ChecklistLibrary = {
  version: LIBRARY_VERSION,
  sources: [...LIBRARY_SOURCES],
  items: [...ITEMS],
};

const byId = new Map(ITEMS.map((item) => [item.id, item]));

/** The library item with this id, if the current version has it. */
export function getItem(id: string): ChecklistItem | undefined {
  return byId.get(id);
}
