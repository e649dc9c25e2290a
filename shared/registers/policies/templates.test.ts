import { describe, expect, it } from 'vitest';
import { sameCitation, sr } from '../../catalog/citation';
import { getItem } from '../../catalog/library';
import type { Citation } from '../../catalog/schema';
import { SCOPING_QUESTIONS } from '../../catalog/scoping';
import { SEED_STRUCTURE } from '../../catalog/seed-structure';
import {
  POLICY_KINDS,
  POLICY_KIND_LABELS,
  POLICY_TEMPLATES,
  elementCitation,
  getPolicyElement,
  leadInElement,
  type PolicyElement,
} from './templates';

const ALL = POLICY_KINDS.flatMap((kind) => POLICY_TEMPLATES[kind].elements);

/**
 * The numbered provisions of arts. 5 to 7 as the seed text has them
 * (shared/seeds/001_b1d931335d7a9d96.txt), each quoted.
 */
const SEED_ITEMS: readonly { citation: Citation; zh: string; quote: string }[] = [
  { citation: sr(5), zh: '第五條', quote: '應訂定使用行動裝置（含 BYOD）之相關規範' },
  { citation: sr(5, { item: 1 }), zh: '第五條第一款', quote: '行動裝置管理。' },
  { citation: sr(5, { item: 2 }), zh: '第五條第二款', quote: '行動裝置使用人員管理。' },
  { citation: sr(5, { item: 3 }), zh: '第五條第三款', quote: '行動裝置之安全控管。' },
  { citation: sr(6), zh: '第六條', quote: '應訂定使用社群媒體相關規範' },
  { citation: sr(6, { item: 1 }), zh: '第六條第一款', quote: '使用社群媒體管理與監督機制。' },
  {
    citation: sr(6, { item: 2 }),
    zh: '第六條第二款',
    quote: '若屬該公司之社群媒體者，應揭露相關資訊，至少包含下列事項',
  },
  { citation: sr(6, { item: 2, subItem: 1 }), zh: '第六條第二款第一目', quote: '(1)公司名稱。' },
  {
    citation: sr(6, { item: 2, subItem: 2 }),
    zh: '第六條第二款第二目',
    quote: '(2)主營業場所地址、通訊連絡方式。',
  },
  { citation: sr(6, { item: 3 }), zh: '第六條第三款', quote: '申訴處理機制。' },
  { citation: sr(7), zh: '第七條', quote: '應訂定使用雲端服務（含私有雲）之相關規範' },
  { citation: sr(7, { item: 1 }), zh: '第七條第一款', quote: '雲端服務安全管理。' },
  { citation: sr(7, { item: 2 }), zh: '第七條第二款', quote: '訂定雲端服務提供者遴選機制。' },
  { citation: sr(7, { item: 3 }), zh: '第七條第三款', quote: '雲端服務持續營運管理。' },
];

const cites = (element: PolicyElement, citation: Citation) =>
  [element.citation, ...element.related].some((c) => sameCitation(c, citation));

describe('templates cover arts. 5 to 7', () => {
  it.each(SEED_ITEMS)('$zh 「$quote」 has an element', ({ citation, zh }) => {
    const elements = ALL.filter((e) => cites(e, citation));
    expect(elements.length).toBeGreaterThan(0);
    expect(formatCitationOfAny(elements, citation)).toBe(`自律規範${zh}`);
  });

  it('covers every auditable provision of arts. 5 to 7 in the coverage table', () => {
    const provisions = SEED_STRUCTURE.filter(
      (entry) =>
        entry.auditable &&
        entry.citation.document === 'SR' &&
        entry.citation.article >= 5 &&
        entry.citation.article <= 7,
    );
    expect(provisions).toHaveLength(SEED_ITEMS.length);
    for (const entry of provisions) {
      expect(ALL.some((e) => cites(e, entry.citation))).toBe(true);
      expect(SEED_ITEMS.some((s) => sameCitation(s.citation, entry.citation))).toBe(true);
    }
  });

  it('gives each kind its article and one lead-in element', () => {
    expect(POLICY_TEMPLATES.byod.citation).toEqual(sr(5));
    expect(POLICY_TEMPLATES['social-media'].citation).toEqual(sr(6));
    expect(POLICY_TEMPLATES.cloud.citation).toEqual(sr(7));
    for (const kind of POLICY_KINDS) {
      const template = POLICY_TEMPLATES[kind];
      expect(template.elements.filter((e) => e.leadIn)).toHaveLength(1);
      expect(leadInElement(kind).citation).toEqual(template.citation);
      expect(POLICY_KIND_LABELS[kind]).toEqual(template.title);
    }
  });
});

function formatCitationOfAny(elements: PolicyElement[], citation: Citation): string {
  const exact = elements.find((e) => sameCitation(e.citation, citation));
  if (exact !== undefined) return elementCitation(exact, 'zh-TW');
  // Cited only as related (第六條第二款 over its sub-items): format it directly.
  return elementCitation({ ...(elements[0] as PolicyElement), citation }, 'zh-TW');
}

describe('elements', () => {
  it('have unique stable ids prefixed by their kind', () => {
    const ids = ALL.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const element of ALL) {
      expect(element.id.startsWith(`${element.kind}.`)).toBe(true);
      expect(getPolicyElement(element.id)).toBe(element);
    }
    expect(getPolicyElement('byod.nothing')).toBeUndefined();
    expect(ids).toEqual([
      'byod.policy',
      'byod.device-management',
      'byod.user-management',
      'byod.security-controls',
      'byod.own-devices',
      'social-media.policy',
      'social-media.supervision',
      'social-media.official-accounts',
      'social-media.disclosure-name',
      'social-media.disclosure-address-contact',
      'social-media.complaints',
      'cloud.policy',
      'cloud.security',
      'cloud.provider-selection',
      'cloud.continuity',
    ]);
  });

  it('have titles and concrete guidance in both languages', () => {
    for (const element of ALL) {
      expect(element.title['zh-TW']).not.toBe('');
      expect(element.title.en).not.toBe('');
      expect(element.guidance.length).toBeGreaterThanOrEqual(2);
      for (const point of element.guidance) {
        expect(point['zh-TW']).not.toBe('');
        expect(point.en).not.toBe('');
      }
    }
    const device = getPolicyElement('byod.device-management');
    const text = device?.guidance.map((g) => g.en).join(' ') ?? '';
    for (const word of ['registered', 'approved', 'MDM', 'remote', 'OS version']) {
      expect(text).toContain(word);
    }
  });

  it('map to existing checklist items on the same provision', () => {
    for (const element of ALL) {
      const item = getItem(element.itemId);
      expect(item, element.id).toBeDefined();
      if (item === undefined) continue;
      const itemCitations = [item.citation, ...(item.related ?? [])];
      expect(
        itemCitations.some((c) => cites(element, c)),
        `${element.id} → ${element.itemId}`,
      ).toBe(true);
      const article = element.citation.document === 'SR' ? element.citation.article : -1;
      expect(item.section).toBe(`SR-0${article}`);
    }
  });

  it('use the item’s scoping condition, except complaint handling, which the rule requires always', () => {
    for (const element of ALL) {
      const applicability = getItem(element.itemId)?.applicability;
      if (element.condition !== null) {
        expect(applicability).toEqual({ all: [element.condition.key] });
      } else if (element.id !== 'social-media.complaints') {
        expect(applicability, element.id).toBe('always');
      }
    }
    // 第六條第三款 stands beside, not under, 第二款's 「若屬該公司之社群媒體者」.
    expect(getPolicyElement('social-media.complaints')?.condition).toBeNull();
  });

  it('ask the scoping questions as conditions', () => {
    expect(POLICY_TEMPLATES.byod.conditions.map((c) => c.key)).toEqual(['byodAllowed']);
    expect(POLICY_TEMPLATES['social-media'].conditions.map((c) => c.key)).toEqual([
      'ownSocialMedia',
    ]);
    expect(POLICY_TEMPLATES.cloud.conditions.map((c) => c.key)).toEqual(['usesCloud']);
    for (const kind of POLICY_KINDS) {
      for (const c of POLICY_TEMPLATES[kind].conditions) {
        expect(c.question).toEqual(SCOPING_QUESTIONS.find((q) => q.key === c.key)?.question);
      }
    }
  });

  it('format citations in both languages', () => {
    const element = getPolicyElement('social-media.disclosure-name');
    expect(element && elementCitation(element, 'zh-TW')).toBe('自律規範第六條第二款第一目');
    expect(element && elementCitation(element, 'en')).toBe('Self-regulation rules art. 6(2)(1)');
  });
});
