import { describe, expect, it } from 'vitest';
import {
  ENGAGEMENT,
  created,
  deletion,
  edit,
  edited,
  finding,
  handOut,
  itemResult,
  plan,
  record,
  resolve,
  returned,
  stateOf,
  uid,
  writeOf,
} from './test-support';

const R1 = record('itemResults', uid(1), itemResult('4.1.1'));
const R2 = record('itemResults', uid(2), itemResult('4.1.2'));
const base = handOut([R1, R2]);
const vault = stateOf([R1, R2]);

describe('three-way, per field, against the base', () => {
  it('takes a field changed on one side only, with its package, auditor and time', async () => {
    const a = returned('pkg-a', '陳稽核', [edit(R1, { result: 'compliant' })]);
    const planned = await plan(base, vault, [a]);
    expect(planned.conflicts).toEqual([]);
    const result = await resolve(planned);
    const write = writeOf(result, R1.id);
    expect(write.data.result).toBe('compliant');
    expect(write).toMatchObject({ expectedRev: 1, rev: 2, updatedBy: '林組長' });
    expect(write.merge.provenance).toEqual([
      expect.objectContaining({
        field: 'result',
        how: 'taken',
        decidedBy: null,
        mergeId: 'merge-1',
        sources: [
          expect.objectContaining({
            packageId: 'pkg-a',
            packageHash: a.packageHash,
            auditor: '陳稽核',
            updatedAt: '2025-03-04T10:00:00.000Z',
          }),
        ],
      }),
    ]);
  });

  it("keeps the lead's edits made since the hand-out next to an auditor's edits of other fields", async () => {
    const lead = stateOf([edited(R1, { notes: '主管補充' }), R2]);
    const a = returned('pkg-a', '陳稽核', [edit(R1, { result: 'compliant' })]);
    const result = await resolve(await plan(base, lead, [a]));
    expect(writeOf(result, R1.id)).toMatchObject({
      expectedRev: 2,
      rev: 3,
      data: { result: 'compliant', notes: '主管補充' },
    });
  });

  it('takes a field changed on several sides to the same value once, naming every side', async () => {
    const a = returned('pkg-a', '陳稽核', [edit(R1, { result: 'partial' })]);
    const b = returned('pkg-b', '李稽核', [edit(R1, { result: 'partial' })]);
    const planned = await plan(base, vault, [a, b]);
    expect(planned.conflicts).toEqual([]);
    const write = writeOf(await resolve(planned), R1.id);
    expect(write.data.result).toBe('partial');
    const [provenance] = write.merge.provenance;
    expect(provenance?.sources.map((s) => s.auditor)).toEqual(['陳稽核', '李稽核']);
    expect(write.merge.losing).toEqual([]);
  });

  it('raises a conflict for a field changed to different values, with base and each side', async () => {
    const a = returned('pkg-a', '陳稽核', [
      edit(R1, { result: 'compliant' }, { at: '2025-03-04T01:00:00.000Z' }),
    ]);
    const b = returned('pkg-b', '李稽核', [
      edit(R1, { result: 'non-compliant' }, { at: '2025-03-05T02:00:00.000Z' }),
    ]);
    const planned = await plan(base, vault, [b, a]);
    expect(planned.conflicts).toEqual([
      {
        id: `itemResults/${R1.id}/result`,
        kind: 'field',
        table: 'itemResults',
        recordId: R1.id,
        field: 'result',
        key: null,
        base: null,
        baseDeleted: false,
        options: [
          {
            id: 'pkg-a',
            value: 'compliant',
            deleted: false,
            sources: [
              {
                packageId: 'pkg-a',
                packageHash: a.packageHash,
                auditor: '陳稽核',
                updatedAt: '2025-03-04T01:00:00.000Z',
                updatedBy: '陳稽核',
              },
            ],
          },
          expect.objectContaining({ id: 'pkg-b', value: 'non-compliant' }),
        ],
      },
    ]);
    // Until the lead decides, the record holds the lead's value.
    expect(planned.records[0]?.data.result).toBeNull();
    expect(planned.packages.map((p) => p.counts.conflicts)).toEqual([1, 1]);
  });

  it('is a conflict when the lead changed the field since the hand-out to another value', async () => {
    const lead = stateOf([edited(R1, { result: 'partial' }, { updatedBy: '林組長' }), R2]);
    const a = returned('pkg-a', '陳稽核', [edit(R1, { result: 'compliant' })]);
    const [conflict] = (await plan(base, lead, [a])).conflicts;
    expect(conflict?.options.map((o) => [o.id, o.value, o.sources[0]?.auditor])).toEqual([
      ['lead', 'partial', '林組長'],
      ['pkg-a', 'compliant', '陳稽核'],
    ]);
  });

  it('compares a nested value whole (canonical JSON): the same team in another key order is equal', async () => {
    const engagement = record('engagement', uid(9), ENGAGEMENT);
    const b0 = handOut([engagement]);
    const team = [
      { role: 'lead', name: '林組長' },
      { name: '陳稽核', role: 'auditor' },
    ];
    const otherTeam = [
      { name: '林組長', role: 'lead' },
      { name: '李稽核', role: 'auditor' },
    ];
    const same = await plan(b0, stateOf([engagement]), [
      returned('pkg-a', '陳稽核', [edit(engagement, { team })]),
      returned('pkg-b', '李稽核', [
        edit(engagement, { team: team.map((m) => ({ name: m.name, role: m.role })) }),
      ]),
    ]);
    expect(same.conflicts).toEqual([]);
    const different = await plan(b0, stateOf([engagement]), [
      returned('pkg-a', '陳稽核', [edit(engagement, { team })]),
      returned('pkg-b', '李稽核', [edit(engagement, { team: otherTeam })]),
    ]);
    expect(different.conflicts.map((c) => c.field)).toEqual(['team']);
  });
});

describe('collections are unioned by id', () => {
  it('adds the findings and evidence each auditor created, never as a conflict', async () => {
    const a = returned('pkg-a', '陳稽核', [
      created('findings', uid(101), finding('4.1.1')),
      created(
        'findings',
        uid(102),
        finding('4.2.1', { title: '密碼原則未落實', deficiency: '系統未強制密碼複雜度。' }),
      ),
    ]);
    const b = returned('pkg-b', '李稽核', [
      created(
        'findings',
        uid(201),
        finding('5.1.1', { title: '備份未測試', deficiency: '113 年度未執行備份還原測試。' }),
      ),
    ]);
    const planned = await plan(base, vault, [a, b]);
    expect(planned.conflicts).toEqual([]);
    expect(planned.packages.map((p) => [p.packageId, p.counts.added])).toEqual([
      ['pkg-a', 2],
      ['pkg-b', 1],
    ]);
    const result = await resolve(planned);
    expect(result.writes.map((w) => [w.id, w.expectedRev, w.rev])).toEqual([
      [uid(101), null, 1],
      [uid(102), null, 1],
      [uid(201), null, 1],
    ]);
    expect(writeOf(result, uid(201)).merge.provenance).toEqual([
      expect.objectContaining({
        field: null,
        how: 'taken',
        sources: [expect.objectContaining({ auditor: '李稽核' })],
      }),
    ]);
  });

  it('unions linked evidence ids that two auditors added to the same item', async () => {
    const withOne = record('itemResults', uid(3), itemResult('4.3.1', { evidenceIds: [uid(50)] }));
    const planned = await plan(handOut([withOne]), stateOf([withOne]), [
      returned('pkg-a', '陳稽核', [edit(withOne, { evidenceIds: [uid(50), uid(51)] })]),
      returned('pkg-b', '李稽核', [edit(withOne, { evidenceIds: [uid(52)] })]),
    ]);
    expect(planned.conflicts).toEqual([]);
    const write = writeOf(await resolve(planned), uid(3));
    // pkg-b removed 50 and added 52; pkg-a added 51.
    expect(write.data.evidenceIds).toEqual([uid(51), uid(52)]);
    expect(write.merge.provenance[0]).toMatchObject({ field: 'evidenceIds', how: 'auto-merged' });
    expect(write.merge.losing.map((l) => [l.source.auditor, l.value, l.reason])).toEqual([
      ['陳稽核', [uid(50), uid(51)], 'auto-merged'],
      ['李稽核', [uid(52)], 'auto-merged'],
    ]);
  });

  it("merges a policy review's answers per element, and conflicts only on the same element", async () => {
    const review = record('policyReviews', uid(4), {
      kind: 'byod',
      document: null,
      reviewedOn: null,
      reviewer: '',
      conditions: {},
      elements: {},
      note: '',
      status: 'draft',
    });
    const [E1, E2, E3] = ['byod.policy', 'byod.device-management', 'byod.user-management'];
    const answer = (present: string) => ({ present, sectionRef: '', adequacy: null, note: '' });
    const planned = await plan(handOut([review]), stateOf([review]), [
      returned('pkg-a', '陳稽核', [
        edit(review, { elements: { [E1]: answer('yes'), [E2]: answer('yes') } }),
      ]),
      returned('pkg-b', '李稽核', [
        edit(review, { elements: { [E2]: answer('no'), [E3]: answer('no') } }),
      ]),
    ]);
    expect(planned.packages.map((p) => p.status)).toEqual(['ready', 'ready']);
    expect(planned.conflicts.map((c) => [c.field, c.key])).toEqual([['elements', E2]]);
    expect(planned.records[0]?.data.elements).toEqual({ [E1]: answer('yes'), [E3]: answer('no') });
  });
});

describe('deletions', () => {
  it('takes a deletion nobody else contradicts, as a tombstone with its payload', async () => {
    const planned = await plan(base, vault, [returned('pkg-a', '陳稽核', [deletion(R2)])]);
    expect(planned.packages[0]?.counts.deleted).toBe(1);
    const write = writeOf(await resolve(planned), R2.id);
    expect(write).toMatchObject({ deleted: true, data: R2.data });
    expect(write.merge.provenance).toEqual([
      expect.objectContaining({ field: null, how: 'taken' }),
    ]);
  });

  it('raises a conflict for a deletion against an edit on another side, never losing the edit', async () => {
    const planned = await plan(base, vault, [
      returned('pkg-a', '陳稽核', [deletion(R2)]),
      returned('pkg-b', '李稽核', [edit(R2, { workPerformed: '檢視權限清單。' })]),
    ]);
    expect(planned.conflicts).toEqual([
      expect.objectContaining({
        id: `itemResults/${R2.id}#deleted`,
        kind: 'delete-edit',
        options: [
          expect.objectContaining({ id: 'pkg-a', deleted: true }),
          expect.objectContaining({ id: 'pkg-b', deleted: false }),
        ],
      }),
    ]);
    expect(planned.records[0]?.deleted).toBe(false);
  });

  it('raises a conflict when the lead deleted a record an auditor edited', async () => {
    const lead = stateOf([R1, edited(R2, {}, { deleted: true })]);
    const planned = await plan(base, lead, [
      returned('pkg-b', '李稽核', [edit(R2, { workPerformed: '檢視權限清單。' })]),
    ]);
    expect(planned.conflicts[0]?.options.map((o) => [o.id, o.deleted])).toEqual([
      ['lead', true],
      ['pkg-b', false],
    ]);
  });

  it('takes the same deletion from two sides once', async () => {
    const planned = await plan(base, vault, [
      returned('pkg-a', '陳稽核', [deletion(R2)]),
      returned('pkg-b', '李稽核', [deletion(R2)]),
    ]);
    expect(planned.conflicts).toEqual([]);
    expect(planned.records.map((r) => r.deleted)).toEqual([true]);
  });
});

describe('long text merges by sentences', () => {
  const text = record(
    'itemResults',
    uid(5),
    itemResult('4.4.1', {
      workPerformed: '一、訪談資訊處經理。二、取得帳號清單。三、抽核 25 筆。四、比對人事異動。',
    }),
  );
  const b0 = handOut([text]);

  it('combines edits of sentences apart from each other, keeping each version', async () => {
    const planned = await plan(b0, stateOf([text]), [
      returned('pkg-a', '陳稽核', [
        edit(text, {
          workPerformed:
            '一、訪談資訊處陳經理。二、取得帳號清單。三、抽核 25 筆。四、比對人事異動。',
        }),
      ]),
      returned('pkg-b', '李稽核', [
        edit(text, {
          workPerformed:
            '一、訪談資訊處經理。二、取得帳號清單。三、抽核 25 筆。四、比對人事異動，無例外。',
        }),
      ]),
    ]);
    expect(planned.conflicts).toEqual([]);
    const write = writeOf(await resolve(planned), uid(5));
    expect(write.data.workPerformed).toBe(
      '一、訪談資訊處陳經理。二、取得帳號清單。三、抽核 25 筆。四、比對人事異動，無例外。',
    );
    expect(write.merge.provenance[0]).toMatchObject({ how: 'auto-merged' });
    expect(write.merge.losing.map((l) => [l.source.auditor, l.reason])).toEqual([
      ['陳稽核', 'auto-merged'],
      ['李稽核', 'auto-merged'],
    ]);
  });

  it('is a conflict where the edits overlap, with a suggestion holding both', async () => {
    const planned = await plan(b0, stateOf([text]), [
      returned('pkg-a', '陳稽核', [
        edit(text, {
          workPerformed:
            '一、訪談資訊處陳經理。二、取得帳號清單。三、抽核 25 筆。四、比對人事異動。',
        }),
      ]),
      returned('pkg-b', '李稽核', [
        edit(text, {
          workPerformed:
            '一、訪談資訊處林副理。二、取得帳號清單。三、抽核 25 筆。四、比對人事異動。',
        }),
      ]),
    ]);
    expect(planned.conflicts).toEqual([
      expect.objectContaining({
        field: 'workPerformed',
        suggestion:
          '一、訪談資訊處陳經理。一、訪談資訊處林副理。二、取得帳號清單。三、抽核 25 筆。四、比對人事異動。',
      }),
    ]);
  });
});

describe('a combination that breaks the record’s rules', () => {
  it('is a conflict of the whole record, with each side’s record as an option', async () => {
    const engagement = record('engagement', uid(9), ENGAGEMENT);
    const planned = await plan(handOut([engagement]), stateOf([engagement]), [
      returned('pkg-a', '陳稽核', [edit(engagement, { periodStart: '2025-07-01' })]),
      returned('pkg-b', '李稽核', [edit(engagement, { periodEnd: '2025-06-30' })]),
    ]);
    expect(planned.conflicts).toEqual([
      expect.objectContaining({
        id: `engagement/${uid(9)}#invalid`,
        kind: 'invalid',
        message: expect.stringContaining('periodEnd') as unknown,
      }),
    ]);
    expect(planned.conflicts[0]?.options.map((o) => o.id)).toEqual(['lead', 'pkg-a', 'pkg-b']);
    // Without schemas the engine cannot know; the caller validates.
    const unchecked = await plan(
      handOut([engagement]),
      stateOf([engagement]),
      [
        returned('pkg-a', '陳稽核', [edit(engagement, { periodStart: '2025-07-01' })]),
        returned('pkg-b', '李稽核', [edit(engagement, { periodEnd: '2025-06-30' })]),
      ],
      { schemas: false },
    );
    expect(unchecked.conflicts).toEqual([]);
  });
});
