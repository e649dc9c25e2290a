import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../dates';
import {
  completionByGroup,
  inspectionIssues,
  type FindingInput,
  type InspectionIssue,
  type ItemResultInput,
} from './completeness';
import type { Result } from './results';

function item(itemId: string, result: Result | null, extra: Partial<ItemResultInput> = {}) {
  return { itemId, result, reason: '', workPerformed: '已檢視相關文件', ...extra };
}

function finding(id: string, itemId: string | null, extra: Partial<FindingInput> = {}) {
  return {
    id,
    itemId,
    title: `缺失 ${id}`,
    risk: '個資可能外洩',
    recommendation: '建立控管機制',
    owner: '資訊處',
    dueDate: asIsoDate('2025-06-30'),
    ...extra,
  };
}

const kinds = (issues: InspectionIssue[]) => issues.map((i) => i.kind);

describe('inspectionIssues', () => {
  it('finds nothing in complete working papers', () => {
    const items = [
      item('A1', 'compliant'),
      item('A2', 'non-compliant'),
      item('A3', 'partial'),
      item('A4', 'not-applicable', { reason: '無網路投保業務', workPerformed: '' }),
    ];
    const findings = [finding('F1', 'A2'), finding('F2', 'A3'), finding('F3', null)];
    expect(inspectionIssues(items, findings)).toEqual([]);
  });

  it('reports a non-compliant or partial item without a finding', () => {
    const issues = inspectionIssues([item('A1', 'non-compliant'), item('A2', 'partial')], []);
    expect(issues).toEqual([
      {
        kind: 'deficient-item-without-finding',
        itemId: 'A1',
        findingId: null,
        message: {
          'zh-TW': '項目 A1 判定為不符合，但尚未提出缺失',
          en: 'Item A1 is marked non-compliant but no finding has been raised on it',
        },
      },
      expect.objectContaining({ kind: 'deficient-item-without-finding', itemId: 'A2' }),
    ]);
    expect(issues[1]?.message['zh-TW']).toContain('部分符合');
  });

  it('counts a finding raised on the item whatever its status; a free finding does not count', () => {
    expect(inspectionIssues([item('A1', 'partial')], [finding('F1', 'A1')])).toEqual([]);
    expect(kinds(inspectionIssues([item('A1', 'partial')], [finding('F1', null)]))).toEqual([
      'deficient-item-without-finding',
    ]);
  });

  it('reports not-applicable without a reason (blank counts as missing)', () => {
    for (const reason of ['', '  ']) {
      const issues = inspectionIssues([item('A1', 'not-applicable', { reason })], []);
      expect(kinds(issues)).toEqual(['na-without-reason']);
      expect(issues[0]?.message['zh-TW']).toContain('不適用');
    }
  });

  it('reports a result without work performed, but not for not-applicable', () => {
    const issues = inspectionIssues(
      [
        item('A1', 'compliant', { workPerformed: ' ' }),
        item('A2', 'not-applicable', { reason: '無此系統', workPerformed: '' }),
      ],
      [],
    );
    expect(issues).toEqual([
      expect.objectContaining({ kind: 'result-without-work', itemId: 'A1', findingId: null }),
    ]);
    expect(issues[0]?.message.en).toBe(
      'Item A1 is marked compliant but the work performed is not recorded',
    );
  });

  it('reports both problems of a deficient item without work or finding', () => {
    expect(
      kinds(inspectionIssues([item('A1', 'non-compliant', { workPerformed: '' })], [])),
    ).toEqual(['result-without-work', 'deficient-item-without-finding']);
  });

  it('reports untested records, and with itemIds also items that have no record', () => {
    const results = [item('A1', null), item('A2', 'compliant')];
    expect(kinds(inspectionIssues(results, []))).toEqual(['item-not-tested']);
    const issues = inspectionIssues(results, [], { itemIds: ['A1', 'A2', 'A3'] });
    expect(issues.map((i) => [i.kind, i.itemId])).toEqual([
      ['item-not-tested', 'A1'],
      ['item-not-tested', 'A3'],
    ]);
  });

  it('does not ask for work or a finding on an untested item', () => {
    expect(kinds(inspectionIssues([item('A1', null, { workPerformed: '' })], []))).toEqual([
      'item-not-tested',
    ]);
  });

  it('reports duplicate records for one item and checks the first only', () => {
    const issues = inspectionIssues([item('A1', 'compliant'), item('A1', 'non-compliant')], []);
    expect(kinds(issues)).toEqual(['duplicate-item-result']);
  });

  it('reports each missing part of a finding, with the finding and its item', () => {
    const issues = inspectionIssues(
      [item('A1', 'non-compliant')],
      [finding('F1', 'A1', { risk: '', recommendation: ' ', owner: '', dueDate: null })],
    );
    expect(kinds(issues)).toEqual([
      'finding-missing-risk',
      'finding-missing-recommendation',
      'finding-missing-owner',
      'finding-missing-due-date',
    ]);
    for (const issue of issues) {
      expect(issue.findingId).toBe('F1');
      expect(issue.itemId).toBe('A1');
    }
    expect(issues[1]?.message).toEqual({
      'zh-TW': '缺失「缺失 F1」未填寫改善建議',
      en: 'Finding "缺失 F1" has no recommendation',
    });
  });

  it('checks free findings too', () => {
    const issues = inspectionIssues([], [finding('F9', null, { owner: '' })]);
    expect(issues).toEqual([
      expect.objectContaining({ kind: 'finding-missing-owner', findingId: 'F9', itemId: null }),
    ]);
  });

  it('reports a finding raised on an item that is compliant, not applicable, untested or absent', () => {
    const results = [
      item('A1', 'compliant'),
      item('A2', 'not-applicable', { reason: '無此業務' }),
      item('A3', null),
    ];
    const findings = ['A1', 'A2', 'A3', 'A4'].map((id, i) => finding(`F${i}`, id));
    const issues = inspectionIssues(results, findings).filter(
      (i) => i.kind === 'finding-on-item-without-deficiency',
    );
    expect(issues.map((i) => [i.findingId, i.itemId])).toEqual([
      ['F0', 'A1'],
      ['F1', 'A2'],
      ['F2', 'A3'],
      ['F3', 'A4'],
    ]);
    expect(issues[0]?.message['zh-TW']).toContain('判定為符合');
    expect(issues[2]?.message.en).toContain('has no result');
  });

  it('lists item issues in the given order, then finding issues', () => {
    const issues = inspectionIssues(
      [item('B', 'partial'), item('A', 'non-compliant')],
      [finding('F1', null, { dueDate: null })],
    );
    expect(issues.map((i) => i.itemId ?? i.findingId)).toEqual(['B', 'A', 'F1']);
  });

  it('gives every issue a message in both languages', () => {
    const issues = inspectionIssues(
      [
        item('A1', null),
        item('A1', null),
        item('A2', 'not-applicable'),
        item('A3', 'partial', { workPerformed: '' }),
      ],
      [finding('F1', 'A9', { risk: '', recommendation: '', owner: '', dueDate: null })],
    );
    expect(new Set(kinds(issues)).size).toBe(10);
    for (const issue of issues) {
      expect(issue.message['zh-TW']).toMatch(/[\u4e00-\u9fff]/);
      expect(issue.message.en).toMatch(/^[\x20-\x7e\u4e00-\u9fff「」]+$/);
    }
  });
});

describe('completionByGroup', () => {
  const catalog = [
    { id: 'A1', chapter: '資訊架構' },
    { id: 'A2', chapter: '資訊架構' },
    { id: 'B1', chapter: '網路活動' },
    { id: 'A3', chapter: '資訊架構' },
    { id: 'C1', chapter: '外部網站' },
  ];
  const groupOf = (i: { chapter: string }) => i.chapter;

  it('counts totals, done items and each result per group, in catalog order', () => {
    const results = [
      item('A1', 'compliant'),
      item('A2', 'non-compliant'),
      item('A3', null),
      item('B1', 'not-applicable', { reason: 'x' }),
    ];
    expect(completionByGroup(catalog, results, groupOf)).toEqual([
      {
        group: '資訊架構',
        total: 3,
        done: 2,
        byResult: { compliant: 1, partial: 0, 'non-compliant': 1, 'not-applicable': 0 },
      },
      {
        group: '網路活動',
        total: 1,
        done: 1,
        byResult: { compliant: 0, partial: 0, 'non-compliant': 0, 'not-applicable': 1 },
      },
      {
        group: '外部網站',
        total: 1,
        done: 0,
        byResult: { compliant: 0, partial: 0, 'non-compliant': 0, 'not-applicable': 0 },
      },
    ]);
  });

  it('ignores results for items outside the catalog', () => {
    const groups = completionByGroup(catalog, [item('Z9', 'compliant')], groupOf);
    expect(groups.reduce((sum, g) => sum + g.done, 0)).toBe(0);
  });

  it('is empty for an empty catalog', () => {
    expect(completionByGroup([], [item('A1', 'compliant')], groupOf)).toEqual([]);
  });

  it('keeps the counts of different groups apart', () => {
    const [first, second] = completionByGroup(catalog, [item('B1', 'partial')], groupOf);
    expect(first?.byResult.partial).toBe(0);
    expect(second?.byResult.partial).toBe(1);
  });
});
