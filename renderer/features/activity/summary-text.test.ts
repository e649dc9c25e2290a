import { describe, expect, it } from 'vitest';
import { SEALED_RECORD_TABLES } from '../../data/tables';
import en from '../../i18n/en.json';
import zhTW from '../../i18n/zh-TW.json';
import { readableSummary, type SummaryWords } from './summary-text';

const TABLES: Record<string, string> = {
  notes: '現場紀錄',
  systems: '系統清冊',
  activity: '活動軌跡',
};
const KINDS: Record<string, string> = { hidden: '記錄被隱藏', 'trail-erased': '活動軌跡被清除' };
const zh: SummaryWords = {
  table: (key) => TABLES[key] ?? null,
  kind: (key) => KINDS[key] ?? null,
  count: (what, count) => `${what} ${count} 筆`,
  inTable: (kind, table) => `${kind}（${table}）`,
  list: (parts) => parts.join('、'),
};

describe('trail summaries in the user’s words', () => {
  it('names the tables of a batch and keeps what follows as written', () => {
    expect(readableSummary('records.imported', 'notes: 2, systems: 1 · roster.xlsx', zh)).toBe(
      '現場紀錄 2 筆、系統清冊 1 筆 · roster.xlsx',
    );
  });

  it('names the kinds and tables the unlock checks found', () => {
    expect(
      readableSummary('vault.integrity-alert', 'hidden notes: 1; trail-erased activity: 1', zh),
    ).toBe('記錄被隱藏（現場紀錄） 1 筆、活動軌跡被清除（活動軌跡） 1 筆');
    expect(readableSummary('vault.integrity-alert', 'trail-erased: 2', zh)).toBe(
      '活動軌跡被清除 2 筆',
    );
  });

  it('leaves anything else as written: free text, unknown tables or kinds', () => {
    for (const [action, summary] of [
      ['record.created', '訪談紀錄 · 第 2 次: 3'],
      ['records.imported', 'ledgers: 2 · a newer table'],
      ['records.imported', 'notes 2 · not a count'],
      ['vault.integrity-alert', 'swapped notes: 1'],
      ['vault.integrity-alert', 'hidden ledgers: 1'],
    ] as const) {
      expect(readableSummary(action, summary, zh)).toBe(summary);
    }
  });
});

describe('every table a summary can name has a name in both languages', () => {
  it.each([
    ['zh-TW', zhTW],
    ['en', en],
  ] as const)('%s', (_lang, resources) => {
    const names: Record<string, string> = resources.activity.table;
    const missing = [...SEALED_RECORD_TABLES, 'blobs', 'activity'].filter((t) => !names[t]);
    expect(missing).toEqual([]);
  });
});
