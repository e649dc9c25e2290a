import { describe, expect, it } from 'vitest';
import { citationKey, formatCitation } from './citation';
import { coverageTable, uncoveredEntries, unresolvedCitations } from './coverage';
import { CHECKLIST_LIBRARY } from './library';
import { citationSchema, type CitedDocument } from './schema';
import { SEED_STRUCTURE, resolveCitation } from './seed-structure';

const items = CHECKLIST_LIBRARY.items;
const HAN = /\p{Script=Han}/u;

function entriesOf(document: CitedDocument) {
  return SEED_STRUCTURE.filter((entry) => entry.citation.document === document);
}

describe('the coverage table', () => {
  it('has valid, unique citations with a zh-TW label', () => {
    const keys = SEED_STRUCTURE.map((entry) => citationKey(entry.citation));
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of SEED_STRUCTURE) {
      const key = citationKey(entry.citation);
      expect(citationSchema.safeParse(entry.citation).success, key).toBe(true);
      expect(entry.label, key).toMatch(HAN);
      expect(formatCitation(entry.citation, 'zh-TW'), key).toMatch(HAN);
      expect(formatCitation(entry.citation, 'en'), key).not.toMatch(HAN);
    }
  });

  it('says why an entry is not auditable, in both languages', () => {
    for (const entry of SEED_STRUCTURE) {
      if (entry.auditable) continue;
      expect(entry.reason['zh-TW'], citationKey(entry.citation)).toMatch(HAN);
      expect(entry.reason.en, citationKey(entry.citation)).not.toMatch(HAN);
    }
  });

  it('lists all 13 articles of the rules, auditable exactly from art. 4 to art. 11', () => {
    const articles = entriesOf('SR').filter(
      (e) => e.citation.document === 'SR' && Object.keys(e.citation).length === 2,
    );
    expect(articles.map((e) => (e.citation.document === 'SR' ? e.citation.article : 0))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
    ]);
    for (const entry of entriesOf('SR')) {
      if (entry.citation.document !== 'SR') continue;
      const inRange = entry.citation.article >= 4 && entry.citation.article <= 11;
      if (!inRange) expect(entry.auditable, citationKey(entry.citation)).toBe(false);
    }
    const art4 = entriesOf('SR').filter(
      (e) => e.citation.document === 'SR' && e.citation.article === 4 && e.auditable,
    );
    expect(art4).toHaveLength(6);
  });

  it('lists every point of Annex 1 articles 1 to 5 (2, 2, 4, 3, 3 points)', () => {
    const points = entriesOf('SR-A1').filter((e) => e.auditable);
    const perArticle = [1, 2, 3, 4, 5].map(
      (article) =>
        points.filter(
          (e) =>
            e.citation.document === 'SR-A1' &&
            'article' in e.citation &&
            e.citation.article === article,
        ).length,
    );
    expect(perArticle).toEqual([2, 2, 4, 3, 3]);
  });

  it('lists Annex 2 parts 壹 to 捌, the three classes and all 17 assessment sub-items', () => {
    const sections = new Set(
      entriesOf('SR-A2').map((e) => (e.citation.document === 'SR-A2' ? e.citation.section : 0)),
    );
    expect([...sections]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const subItems = entriesOf('SR-A2').filter(
      (e) =>
        e.citation.document === 'SR-A2' &&
        e.citation.section === 4 &&
        e.citation.point !== undefined,
    );
    expect(subItems).toHaveLength(17);
    expect(subItems.every((e) => e.auditable)).toBe(true);
    for (const cls of [1, 2, 3]) {
      expect(
        resolveCitation({ document: 'SR-A2', section: 3, item: 1, subItem: cls })?.auditable,
      ).toBe(true);
    }
  });

  it("lists the briefing's 16 penalty patterns (7 management, 4 personal data, 5 e-commerce)", () => {
    const perGroup = [1, 2, 3].map(
      (sub) =>
        entriesOf('FSC-2020').filter(
          (e) =>
            e.citation.document === 'FSC-2020' &&
            e.citation.section === 5 &&
            e.citation.subsection === sub &&
            e.citation.item !== undefined,
        ).length,
    );
    expect(perGroup).toEqual([7, 4, 5]);
  });

  it('maps every auditable entry to at least one checklist item', () => {
    expect(uncoveredEntries(items, SEED_STRUCTURE).map((e) => citationKey(e.citation))).toEqual([]);
  });

  it("resolves every item's citations to an entry, the primary one to an auditable entry", () => {
    expect(unresolvedCitations(items, SEED_STRUCTURE)).toEqual([]);
    for (const item of items) {
      expect(resolveCitation(item.citation)?.auditable, item.id).toBe(true);
    }
  });

  it('reports per-document numbers that add up', () => {
    const rows = coverageTable(items, SEED_STRUCTURE);
    const auditable = rows.filter((row) => row.entry.auditable);
    expect(auditable.every((row) => row.itemIds.length > 0)).toBe(true);
    expect(rows).toHaveLength(SEED_STRUCTURE.length);
  });
});
