import { describe, expect, it } from 'vitest';
import { MergeInputError } from './messages';
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
import { planMerge } from './plan';

const R1 = record('itemResults', uid(1), itemResult('4.1.1'));
const R2 = record('itemResults', uid(2), itemResult('4.1.2'), { rev: 3 });
const base = handOut([R1, R2]);
const vault = stateOf([R1, R2]);

describe('which returns take part', () => {
  it('counts, per package, records added, changed, deleted and identical', async () => {
    const lead = stateOf([{ ...R1, rev: 2, data: { ...R1.data, result: 'compliant' } }, R2]);
    const a = returned('pkg-a', '陳稽核', [
      edit(R1, { result: 'compliant' }),
      edit(R2, { notes: '補充' }),
      created('findings', uid(100), finding('4.1.1')),
    ]);
    const b = returned('pkg-b', '李稽核', [deletion(R1)]);
    const planned = await plan(base, lead, [a, b]);
    const [pa, pb] = planned.packages;
    // pkg-a's edit of R1 (the lead's value already) is identical, yet it is one of the edits
    // that pkg-b's deletion contradicts: both packages take part in that conflict.
    expect(pa?.counts).toEqual({ added: 1, changed: 1, deleted: 0, identical: 1, conflicts: 1 });
    expect(pa?.records.map((r) => r.effect)).toEqual(['identical', 'changed', 'added']);
    // pkg-b deleted what the lead edited: a conflict, and still counted as a deletion.
    expect(pb?.counts).toEqual({ added: 0, changed: 0, deleted: 1, identical: 0, conflicts: 1 });
  });

  it('does not depend on the order the returns are given in', async () => {
    const a = returned('pkg-a', '陳稽核', [edit(R1, { result: 'compliant' })]);
    const b = returned('pkg-b', '李稽核', [edit(R1, { notes: '李' })]);
    const one = await plan(base, vault, [a, b]);
    const other = await plan(base, vault, [b, a]);
    expect(other).toEqual(one);
  });

  it('recognises a package merged before by its hash: it contributes nothing', async () => {
    const a = returned('pkg-a', '陳稽核', [edit(R1, { result: 'compliant' })]);
    const planned = await plan(
      base,
      { ...vault, mergedPackages: [{ packageId: 'pkg-a', packageHash: a.packageHash }] },
      [a],
    );
    expect(planned.packages[0]).toMatchObject({
      status: 'already-merged',
      counts: { identical: 1 },
    });
    expect(planned.records).toEqual([]);
    expect((await resolve(planned)).writes).toEqual([]);
  });

  it('merges a package given twice in one go once', async () => {
    const a = returned('pkg-a', '陳稽核', [edit(R1, { result: 'compliant' })]);
    const planned = await plan(base, vault, [a, a]);
    expect(planned.packages.map((p) => p.status)).toEqual(['ready', 'repeated']);
    expect(planned.conflicts).toEqual([]);
    expect((await resolve(planned)).merged).toEqual([
      { packageId: 'pkg-a', packageHash: a.packageHash, auditor: '陳稽核' },
    ]);
  });

  it('refuses a package re-issued under a merged id with other content', async () => {
    const a = returned('pkg-a', '陳稽核', [edit(R1, { result: 'compliant' })]);
    const merged = { packageId: 'pkg-a', packageHash: 'f'.repeat(64) };
    const planned = await plan(base, { ...vault, mergedPackages: [merged] }, [a]);
    expect(planned.packages[0]).toMatchObject({
      status: 'refused',
      problems: [{ code: 'reissued' }],
    });
  });

  it('refuses a package of another hand-out, naming both', async () => {
    const a = returned('pkg-a', '陳稽核', [edit(R1, { result: 'compliant' })], {
      baseId: 'hand-out-0',
    });
    const [refused] = (await plan(base, vault, [a])).packages;
    expect(refused?.status).toBe('refused');
    expect(refused?.problems[0]?.text.en).toContain('hand-out-0');
    expect(refused?.problems[0]?.text['zh-TW']).toContain('hand-out-1');
  });

  it('refuses, with table and id, records that do not fit the base or their schema, and merges the rest', async () => {
    const bad = returned('pkg-bad', '陳稽核', [
      edit(R2, { notes: 'x' }, { baseRev: 2 }),
      created('itemResults', R1.id, itemResult('4.1.1')),
      created('findings', uid(100), finding('4.1.1', { severity: 'catastrophic' })),
      created('secrets', uid(101), {}),
      created('findings', uid(102), finding('4.1.1')),
      created('findings', uid(102), finding('4.1.1')),
    ]);
    const good = returned('pkg-good', '李稽核', [edit(R1, { result: 'compliant' })]);
    const planned = await plan(base, vault, [bad, good]);
    const [refused, ready] = planned.packages;
    expect(refused?.problems.map((p) => [p.code, p.table, p.id])).toEqual([
      ['base-rev-mismatch', 'itemResults', R2.id],
      ['created-exists', 'itemResults', R1.id],
      ['invalid-record', 'findings', uid(100)],
      ['unknown-table', 'secrets', uid(101)],
      ['record-twice', 'findings', uid(102)],
    ]);
    expect(refused?.problems[2]?.text.en).toContain('severity');
    expect(ready?.status).toBe('ready');
    expect(planned.records.map((r) => r.id)).toEqual([R1.id]);
  });

  it('refuses a vault that lacks a record of the hand-out, or holds one twice', async () => {
    const options = { mergeId: 'm', at: '2025-03-20T00:00:00.000Z', by: '林組長' };
    await expect(planMerge({ base, current: stateOf([R1]), returns: [] }, options)).rejects.toThrow(
      MergeInputError,
    );
    await expect(
      planMerge({ base, current: stateOf([R1, R2, R2]), returns: [] }, options),
    ).rejects.toMatchObject({ code: 'duplicate-record' });
  });

  it('reports progress by phase and stops when aborted, also mid-way', async () => {
    const phases: string[] = [];
    const a = returned('pkg-a', '陳稽核', [edit(R1, { result: 'compliant' })]);
    const input = { base, current: vault, returns: [a] };
    const options = { mergeId: 'm', at: '2025-03-20T00:00:00.000Z', by: '林組長' };
    await planMerge(input, { ...options, onProgress: (p) => phases.push(p.phase) });
    expect(phases).toEqual(['index', 'compare', 'duplicates']);

    const before = new AbortController();
    before.abort();
    await expect(planMerge(input, { ...options, signal: before.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    const during = new AbortController();
    const onProgress = () => {
      during.abort();
    };
    await expect(
      planMerge(input, { ...options, signal: during.signal, onProgress }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});
