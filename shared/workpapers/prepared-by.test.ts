import { describe, expect, it } from 'vitest';
import { buildInspectionWorkbook } from './build-inspection';
import type { RecordMergeInfo } from '../merge/types';
import { preparedByText } from './prepared-by';
import { sampleInput } from './testing/factories';

const source = (auditor: string, packageId: string | null) => ({
  packageId,
  packageHash: packageId === null ? null : 'ab'.repeat(32),
  auditor,
  updatedAt: '2026-12-01T02:00:00.000Z',
  updatedBy: auditor,
});
const stamp = { mergeId: 'm1', mergedAt: '2026-12-02T02:00:00.000Z', mergedBy: '陳組長' };
const merged: RecordMergeInfo = {
  provenance: [
    {
      field: 'workPerformed',
      key: null,
      how: 'taken',
      sources: [source('林甲', 'p1')],
      decidedBy: null,
      ...stamp,
    },
    {
      field: 'result',
      key: null,
      how: 'picked',
      sources: [source('王乙', 'p2')],
      decidedBy: '陳組長',
      ...stamp,
    },
    {
      field: 'notes',
      key: null,
      how: 'taken',
      sources: [source('陳組長', null)],
      decidedBy: null,
      ...stamp,
    },
  ],
  losing: [],
};

describe('who prepared a checklist result', () => {
  it('is who saved it, unless a merge brought the auditors’ work in', () => {
    expect(preparedByText('張雅婷', undefined, 'zh-TW')).toBe('張雅婷');
    expect(preparedByText('陳組長', merged, 'zh-TW')).toBe(
      '林甲、王乙（合併自繳回工作包；主管決定 1 欄）',
    );
    expect(preparedByText('陳組長', merged, 'en')).toBe(
      '林甲, 王乙 (merged from returned packages; 1 field decided by the lead)',
    );
  });

  it('shows in the checklist sheet’s 編製人員 column', async () => {
    const input = await sampleInput();
    const first = input.itemResults[0];
    if (!first) throw new Error('the sample has results');
    const { spec } = await buildInspectionWorkbook(
      { ...input, mergeInfo: { [first.id]: merged } },
      { lang: 'zh-TW', calendar: 'roc', includePersonalData: false },
    );
    const sheet = spec.sheets.find((s) => s.name === '查核項目');
    const column = sheet?.columns.findIndex((c) => c.header === '編製人員') ?? -1;
    const cells = (sheet?.rows ?? []).map((row) => row[column]);
    const text = (value: string) => ({ text: value });
    expect(cells).toContainEqual(text('林甲、王乙（合併自繳回工作包；主管決定 1 欄）'));
    expect(cells).toContainEqual(text('auditor')); // the other result: who saved it
  });
});
