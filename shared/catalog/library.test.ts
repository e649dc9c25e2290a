import { describe, expect, it } from 'vitest';
import { citationKey } from './citation';
import { CHECKLIST_LIBRARY, RETIRED_ITEM_IDS, getItem } from './library';
import {
  ITEM_ID_PATTERN,
  LIBRARY_VERSION_PATTERN,
  checklistLibrarySchema,
  type Bilingual,
  type ChecklistItem,
} from './schema';
import { CATALOG_SECTIONS, SECTION_IDS } from './sections';

const items = CHECKLIST_LIBRARY.items;
const HAN = /\p{Script=Han}/u;
const CJK_PUNCTUATION = /[\u3000-\u303f\uff00-\uffef]/u;

function textsOf(item: ChecklistItem): [string, Bilingual][] {
  return [
    ['requirement', item.requirement],
    ['procedure', item.procedure],
    ...item.evidence.map((e, i): [string, Bilingual] => [`evidence[${i}]`, e]),
  ];
}

describe('the checklist library', () => {
  it('validates against its schema', () => {
    const result = checklistLibrarySchema.safeParse(CHECKLIST_LIBRARY);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('carries a version', () => {
    expect(CHECKLIST_LIBRARY.version).toMatch(LIBRARY_VERSION_PATTERN);
    expect(CHECKLIST_LIBRARY.sources.map((s) => s.document)).toEqual([
      'SR',
      'SR-A1',
      'SR-A2',
      'FSC-2020',
    ]);
  });

  it('has on the order of 80 to 150 items', () => {
    expect(items.length).toBeGreaterThanOrEqual(80);
    expect(items.length).toBeLessThanOrEqual(150);
  });

  it('has unique, well-formed ids derived from the citation', () => {
    const ids = items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of items) {
      expect(item.id).toMatch(ITEM_ID_PATTERN);
      const [stem, n] = item.id.split('.');
      expect(stem, item.id).toBe(citationKey(item.citation));
      expect(Number(n), item.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('numbers the tests of one citation 1, 2, 3 … without gaps', () => {
    const byStem = new Map<string, number[]>();
    for (const item of items) {
      const [stem = '', n = ''] = item.id.split('.');
      byStem.set(stem, [...(byStem.get(stem) ?? []), Number(n)]);
    }
    for (const [stem, numbers] of byStem) {
      const sorted = [...numbers].sort((a, b) => a - b);
      expect(sorted, stem).toEqual(sorted.map((_, i) => i + 1));
    }
  });

  it('never reuses a retired id', () => {
    for (const id of RETIRED_ITEM_IDS) expect(getItem(id), id).toBeUndefined();
  });

  it('finds items by id', () => {
    expect(getItem('SR-04-06.1')?.register).toBe('device-disposal');
    expect(getItem('no-such-id')).toBeUndefined();
  });

  it('has every text in both languages, non-trivially', () => {
    for (const item of items) {
      for (const [field, text] of textsOf(item)) {
        const where = `${item.id} ${field}`;
        expect(text['zh-TW'], where).toMatch(HAN);
        expect(text.en, where).not.toMatch(HAN);
        expect(text.en, where).not.toMatch(CJK_PUNCTUATION);
        expect(text.en, where).toMatch(/[A-Za-z]{3}/);
        expect(text.en, where).not.toBe(text['zh-TW']);
      }
      expect(item.procedure['zh-TW'].length, item.id).toBeGreaterThanOrEqual(40);
      expect(item.procedure.en.length, item.id).toBeGreaterThanOrEqual(100);
    }
  });

  it('gives every item at least one piece of evidence, without duplicates', () => {
    for (const item of items) {
      const names = item.evidence.map((e) => e['zh-TW']);
      expect(new Set(names).size, item.id).toBe(names.length);
    }
  });

  it('puts every item in a known section, and every section has items, in display order', () => {
    const order = items.map((item) => SECTION_IDS.indexOf(item.section));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const id of SECTION_IDS) {
      expect(CATALOG_SECTIONS[id]['zh-TW']).toMatch(HAN);
      expect(
        items.some((item) => item.section === id),
        id,
      ).toBe(true);
    }
  });

  it("follows the regulator's grouping for the penalty patterns of section 五", () => {
    const expected = { 1: 'management', 2: 'personal-data', 3: 'e-commerce' } as const;
    const penalties = items.filter((item) => item.nature === 'penalty-pattern');
    expect(penalties.length).toBeGreaterThanOrEqual(16);
    for (const item of penalties) {
      const c = item.citation;
      expect(c.document, item.id).toBe('FSC-2020');
      if (c.document !== 'FSC-2020') continue;
      expect(c.section, item.id).toBe(5);
      const sub = c.subsection as keyof typeof expected;
      expect(item.category, item.id).toBe(expected[sub]);
    }
  });

  it('marks every item of the rules and their annexes as an obligation', () => {
    for (const item of items) {
      if (item.citation.document !== 'FSC-2020') expect(item.nature, item.id).toBe('obligation');
    }
  });

  it('groups items under a section of their own document', () => {
    const prefix = { SR: 'SR-', 'SR-A1': 'A1-', 'SR-A2': 'A2-', 'FSC-2020': 'FSC-' } as const;
    for (const item of items) {
      expect(item.section.startsWith(prefix[item.citation.document]), item.id).toBe(true);
      expect(item.id.startsWith(prefix[item.citation.document]), item.id).toBe(true);
    }
  });
});
