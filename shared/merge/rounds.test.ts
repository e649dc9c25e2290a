import { describe, expect, it } from 'vitest';
import { applyMergeResult, baseOf } from './apply';
import {
  created,
  deletion,
  edit,
  finding,
  handOut,
  itemResult,
  plan,
  record,
  resolve,
  returned,
  stateOf,
  uid,
} from './test-support';
import type { CurrentState, MergeDecisions, ReturnPackage } from './types';

const R1 = record(
  'itemResults',
  uid(1),
  itemResult('4.1.1', { workPerformed: '一、訪談經理。二、檢視清單。三、抽核。' }),
);
const R2 = record('itemResults', uid(2), itemResult('4.1.2'));
const R3 = record('itemResults', uid(3), itemResult('4.1.3'));
const base = handOut([R1, R2, R3]);
const vault = stateOf([R1, R2, R3]);

/** Two auditors: a field conflict, text that auto-merges, a deletion against an edit, a new finding each. */
const returns: ReturnPackage[] = [
  returned('pkg-a', '陳稽核', [
    edit(R1, {
      result: 'compliant',
      workPerformed: '一、訪談資訊處經理。二、檢視清單。三、抽核。',
    }),
    deletion(R2),
    created('findings', uid(10), finding('4.1.1')),
  ]),
  returned('pkg-b', '李稽核', [
    edit(R1, { result: 'partial', workPerformed: '一、訪談經理。二、檢視清單。三、抽核 25 筆。' }),
    edit(R2, { notes: '李：已檢視。' }),
    created(
      'findings',
      uid(20),
      finding('5.1.1', { title: '備份未測試', deficiency: '未執行還原測試。' }),
    ),
  ]),
];
const decisions: MergeDecisions = {
  conflicts: {
    [`itemResults/${R1.id}/result`]: { pick: 'pkg-b' },
    [`itemResults/${R2.id}#deleted`]: { pick: 'pkg-a' },
  },
};

async function mergeOnce(state: CurrentState, mergeId = 'merge-1') {
  const result = await resolve(await plan(base, state, returns, { mergeId }), decisions);
  return { result, state: applyMergeResult(state, result) };
}

describe('merging the same returns twice changes nothing', () => {
  it('recognises the packages by hash', async () => {
    const { state } = await mergeOnce(vault);
    expect(state.mergedPackages.map((p) => p.packageId)).toEqual(['pkg-a', 'pkg-b']);
    const again = await plan(base, state, returns, { mergeId: 'merge-2' });
    expect(again.packages.map((p) => p.status)).toEqual(['already-merged', 'already-merged']);
    expect((await resolve(again)).writes).toEqual([]);
  });

  it('is idempotent even without the list of merged packages: decided values are not raised again', async () => {
    const { state } = await mergeOnce(vault);
    const forgetful = { ...state, mergedPackages: [] };
    const again = await plan(base, forgetful, returns, { mergeId: 'merge-2' });
    expect(again.conflicts).toEqual([]);
    expect(again.packages.map((p) => p.counts)).toEqual([
      { added: 0, changed: 0, deleted: 0, identical: 3, conflicts: 0 },
      { added: 0, changed: 0, deleted: 0, identical: 3, conflicts: 0 },
    ]);
    expect((await resolve(again)).writes).toEqual([]);
  });

  it('still merges a later edit from the same auditor after a merge (no false "already decided")', async () => {
    const { state } = await mergeOnce(vault);
    const handOut2 = baseOf(state, 'hand-out-2');
    const held = state.records.find((r) => r.id === R1.id);
    if (!held) throw new Error('R1 missing');
    const later = returned(
      'pkg-a2',
      '陳稽核',
      [edit(held, { result: 'compliant' }, { at: '2025-04-02T00:00:00.000Z' })],
      { baseId: 'hand-out-2' },
    );
    const planned = await plan(handOut2, state, [later], { mergeId: 'merge-2' });
    expect(planned.conflicts).toEqual([]);
    expect(planned.records[0]?.data.result).toBe('compliant');
  });
});

describe('a second round', () => {
  it('hands out the merged vault again and merges the next returns against the new base', async () => {
    const { state } = await mergeOnce(vault);
    const round2 = baseOf(state, 'hand-out-2');
    const r1 = state.records.find((r) => r.id === R1.id);
    const f10 = state.records.find((r) => r.id === uid(10));
    if (!r1 || !f10) throw new Error('missing records');
    expect(r1.rev).toBe(2);
    const next = [
      returned(
        'pkg-c',
        '陳稽核',
        [edit(r1, { notes: '第二輪補充。' }), edit(f10, { owner: '資訊處張經理' })],
        {
          baseId: 'hand-out-2',
        },
      ),
      returned('pkg-d', '李稽核', [edit(r1, { sampleDescription: '抽樣 25 筆。' })], {
        baseId: 'hand-out-2',
      }),
    ];
    const planned = await plan(round2, state, next, { mergeId: 'merge-2' });
    expect(planned.conflicts).toEqual([]);
    const result = await resolve(planned);
    const after = applyMergeResult(state, result);
    const merged = after.records.find((r) => r.id === R1.id);
    expect(merged).toMatchObject({
      rev: 3,
      data: {
        result: 'partial',
        notes: '第二輪補充。',
        sampleDescription: '抽樣 25 筆。',
        workPerformed: '一、訪談資訊處經理。二、檢視清單。三、抽核 25 筆。',
      },
    });
    // Round 1's provenance and losing values stay with the record.
    expect(merged?.merge?.losing.map((l) => [l.field, l.value])).toEqual(
      expect.arrayContaining([['result', 'compliant']]),
    );
    expect(merged?.merge?.provenance.map((p) => [p.field, p.mergeId])).toEqual(
      expect.arrayContaining([
        ['result', 'merge-1'],
        ['notes', 'merge-2'],
        ['sampleDescription', 'merge-2'],
      ]),
    );
  });

  it('refuses a round-1 return against the round-2 base when it is not recognised', async () => {
    const { state } = await mergeOnce(vault);
    const planned = await plan(
      baseOf(state, 'hand-out-2'),
      { ...state, mergedPackages: [] },
      returns,
      {
        mergeId: 'merge-2',
      },
    );
    expect(planned.packages.map((p) => [p.status, p.problems[0]?.code])).toEqual([
      ['refused', 'other-base'],
      ['refused', 'other-base'],
    ]);
  });

  it('refuses to apply a result to a vault that moved on since the plan', async () => {
    const planned = await plan(base, vault, returns);
    const result = await resolve(planned, decisions);
    const moved = stateOf([{ ...R1, rev: 5 }, R2, R3]);
    expect(() => applyMergeResult(moved, result)).toThrow(/revision 5/);
  });
});
