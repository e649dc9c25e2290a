import { describe, expect, it } from 'vitest';
import { CHECKLIST_LIBRARY } from './library';
import { SCOPING_KEYS, type ChecklistItem, type ScopingKey } from './schema';
import {
  SCOPING_QUESTIONS,
  checklistInstanceRefSchema,
  formatApplicability,
  instantiateChecklist,
  isApplicable,
  scopingAnswersSchema,
  selectItems,
  type ScopingAnswers,
} from './scoping';

const NONE = Object.fromEntries(SCOPING_KEYS.map((key) => [key, false])) as ScopingAnswers;
const ALL = Object.fromEntries(SCOPING_KEYS.map((key) => [key, true])) as ScopingAnswers;
const only = (key: ScopingKey): ScopingAnswers => ({ ...NONE, [key]: true });
const ids = (items: ChecklistItem[]) => new Set(items.map((item) => item.id));

const items = CHECKLIST_LIBRARY.items;
const always = items.filter((item) => item.applicability === 'always');

describe('scoping questions', () => {
  it('ask about every scoping key exactly once, in both languages', () => {
    expect(SCOPING_QUESTIONS.map((q) => q.key)).toEqual([...SCOPING_KEYS]);
    for (const q of SCOPING_QUESTIONS) {
      expect(q.question['zh-TW']).toMatch(/\p{Script=Han}/u);
      expect(q.question.en).not.toMatch(/\p{Script=Han}/u);
      expect(q.help.en).not.toBe(q.help['zh-TW']);
    }
  });

  it('are each used by at least one item', () => {
    for (const key of SCOPING_KEYS) {
      const used = items.some((item) => {
        const a = item.applicability;
        if (a === 'always') return false;
        return ('all' in a ? a.all : a.any).includes(key);
      });
      expect(used, key).toBe(true);
    }
  });
});

describe('selectItems', () => {
  it('keeps the always-items in every scope', () => {
    for (const answers of [NONE, ALL, ...SCOPING_KEYS.map(only)]) {
      const selected = ids(selectItems(CHECKLIST_LIBRARY, answers));
      for (const item of always) expect(selected.has(item.id), item.id).toBe(true);
    }
    expect(selectItems(CHECKLIST_LIBRARY, NONE)).toHaveLength(always.length);
    expect(selectItems(CHECKLIST_LIBRARY, ALL)).toHaveLength(items.length);
  });

  it('brings in Annex 1 only with a consumer app', () => {
    const isA1 = (item: ChecklistItem) => item.citation.document === 'SR-A1';
    expect(selectItems(CHECKLIST_LIBRARY, NONE).some(isA1)).toBe(false);
    expect(selectItems(CHECKLIST_LIBRARY, only('hasAgentApp')).some(isA1)).toBe(false);
    const withApp = selectItems(CHECKLIST_LIBRARY, only('hasMobileApp')).filter(isA1);
    expect(withApp).toHaveLength(items.filter(isA1).length);
  });

  it('brings in the app rules of art. 8 and the app penalty patterns with either kind of app', () => {
    for (const key of ['hasMobileApp', 'hasAgentApp'] as const) {
      const selected = ids(selectItems(CHECKLIST_LIBRARY, only(key)));
      for (const id of ['SR-08.1', 'FSC-5-EC-03.1', 'FSC-5-EC-04.1', 'FSC-5-EC-04.2']) {
        expect(selected.has(id), `${key} ${id}`).toBe(true);
      }
    }
    expect(ids(selectItems(CHECKLIST_LIBRARY, NONE)).has('SR-08.1')).toBe(false);
    expect(ids(selectItems(CHECKLIST_LIBRARY, only('hasAgentApp'))).has('FSC-5-EC-05.1')).toBe(
      true,
    );
    expect(ids(selectItems(CHECKLIST_LIBRARY, only('hasMobileApp'))).has('FSC-5-EC-05.1')).toBe(
      false,
    );
  });

  it('tests cloud security, selection and continuity only with cloud, but the cloud policy always', () => {
    const cloudItems = ['SR-07-01.1', 'SR-07-02.1', 'SR-07-03.1'];
    const without = ids(selectItems(CHECKLIST_LIBRARY, NONE));
    const withCloud = ids(selectItems(CHECKLIST_LIBRARY, only('usesCloud')));
    for (const id of cloudItems) {
      expect(without.has(id), id).toBe(false);
      expect(withCloud.has(id), id).toBe(true);
    }
    expect(without.has('SR-07.1')).toBe(true);
  });

  it('tests social-media disclosure and complaints only with own accounts', () => {
    const disclosure = ['SR-06-02.1', 'SR-06-03.1', 'SR-06-01.2'];
    const without = ids(selectItems(CHECKLIST_LIBRARY, NONE));
    const withAccounts = ids(selectItems(CHECKLIST_LIBRARY, only('ownSocialMedia')));
    for (const id of disclosure) {
      expect(without.has(id), id).toBe(false);
      expect(withAccounts.has(id), id).toBe(true);
    }
    expect(without.has('SR-06.1')).toBe(true);
  });

  it('scopes outsourcing, BYOD, destruction vendors, online sales, remote work and IoT', () => {
    const cases: [ScopingKey, string][] = [
      ['outsourcing', 'SR-04-02.1'],
      ['outsourcing', 'FSC-5-MG-01.1'],
      ['byodAllowed', 'SR-05-03.2'],
      ['thirdPartyDisposal', 'SR-04-06.3'],
      ['onlineSales', 'FSC-4-IS-01.1'],
      ['onlineSales', 'FSC-5-EC-02.1'],
      ['remoteWork', 'FSC-2-1-02.1'],
      ['usesIot', 'FSC-2-1-06.2'],
    ];
    const without = ids(selectItems(CHECKLIST_LIBRARY, NONE));
    for (const [key, id] of cases) {
      expect(without.has(id), id).toBe(false);
      expect(ids(selectItems(CHECKLIST_LIBRARY, only(key))).has(id), `${key} ${id}`).toBe(true);
    }
  });

  it('reads all-of and any-of conditions', () => {
    expect(
      isApplicable({ applicability: { all: ['usesCloud', 'outsourcing'] } }, only('usesCloud')),
    ).toBe(false);
    expect(isApplicable({ applicability: { all: ['usesCloud', 'outsourcing'] } }, ALL)).toBe(true);
    expect(
      isApplicable({ applicability: { any: ['usesCloud', 'outsourcing'] } }, only('outsourcing')),
    ).toBe(true);
    expect(isApplicable({ applicability: { any: ['usesCloud', 'outsourcing'] } }, NONE)).toBe(
      false,
    );
  });
});

describe('instantiateChecklist', () => {
  it('records the library version, the answers and the item ids', () => {
    const answers = only('usesCloud');
    const instance = instantiateChecklist(CHECKLIST_LIBRARY, answers);
    expect(instance.libraryVersion).toBe(CHECKLIST_LIBRARY.version);
    expect(instance.scoping).toEqual(answers);
    expect(instance.scoping).not.toBe(answers);
    expect(instance.itemIds).toEqual(instance.items.map((item) => item.id));
    const ref = checklistInstanceRefSchema.parse({
      libraryVersion: instance.libraryVersion,
      scoping: instance.scoping,
      itemIds: instance.itemIds,
    });
    expect(ref.itemIds).toContain('SR-07-01.1');
  });

  it('validates answers strictly', () => {
    expect(scopingAnswersSchema.safeParse(NONE).success).toBe(true);
    expect(scopingAnswersSchema.safeParse({ ...NONE, hasMobileApp: 'yes' }).success).toBe(false);
    expect(scopingAnswersSchema.safeParse({ ...NONE, unknown: true }).success).toBe(false);
  });
});

describe('formatApplicability', () => {
  it('says when an item applies', () => {
    expect(formatApplicability('always', 'zh-TW')).toBe('一律適用');
    expect(formatApplicability({ all: ['usesCloud'] }, 'zh-TW')).toBe('僅適用於：使用雲端服務');
    expect(formatApplicability({ any: ['hasMobileApp', 'hasAgentApp'] }, 'en')).toBe(
      'Only with a consumer app or a sales-agent app',
    );
  });
});
