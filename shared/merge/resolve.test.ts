import { describe, expect, it } from 'vitest';
import { MergeDecisionError } from './messages';
import { openConflicts } from './resolve';
import {
  ENGAGEMENT,
  deletion,
  edit,
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
const R2 = record('itemResults', uid(2), itemResult('4.1.2', { notes: '原始備註' }));
const base = handOut([R1, R2]);
const vault = stateOf([R1, R2]);
const A_AT = '2025-03-04T01:00:00.000Z';
const B_AT = '2025-03-05T02:00:00.000Z';
const a = returned('pkg-a', '陳稽核', [
  edit(R1, { result: 'compliant', notes: '陳：抽核無例外。' }, { at: A_AT }),
  deletion(R2, { at: A_AT }),
]);
const b = returned('pkg-b', '李稽核', [
  edit(R1, { result: 'non-compliant', notes: '李：發現 2 筆例外。' }, { at: B_AT }),
  edit(R2, { notes: '李：補充說明。' }, { at: B_AT }),
]);
const RESULT = `itemResults/${R1.id}/result`;
const NOTES = `itemResults/${R1.id}/notes`;
const DELETED = `itemResults/${R2.id}#deleted`;

describe('decisions in, records out', () => {
  it('keeps "Complete the merge" closed while any conflict is open, and says which', async () => {
    const planned = await plan(base, vault, [a, b]);
    expect(planned.conflicts.map((c) => c.id)).toEqual([RESULT, NOTES, DELETED]);
    expect(openConflicts(planned, { conflicts: { [RESULT]: { pick: 'pkg-a' } } })).toHaveLength(2);
    const refused = resolve(planned, { conflicts: { [RESULT]: { pick: 'pkg-a' } } });
    await expect(refused).rejects.toThrow(MergeDecisionError);
    await expect(refused).rejects.toMatchObject({
      problems: [
        { code: 'open-conflict', ref: NOTES },
        { code: 'open-conflict', ref: DELETED },
      ],
    });
  });

  it('refuses a decision the plan does not have, an unknown option and an edit of a deletion', async () => {
    const planned = await plan(base, vault, [a, b]);
    await expect(
      resolve(planned, {
        conflicts: {
          [RESULT]: { pick: 'pkg-z' },
          [NOTES]: { pick: 'pkg-a' },
          [DELETED]: { value: {} },
          'itemResults/x/y': { pick: 'lead' },
        },
      }),
    ).rejects.toMatchObject({
      problems: [
        { code: 'unknown-option', ref: RESULT },
        { code: 'edit-not-allowed', ref: DELETED },
        { code: 'unknown-conflict', ref: 'itemResults/x/y' },
      ],
    });
  });

  it('writes the picked side, the combined value the lead wrote, and keeps every losing value', async () => {
    const planned = await plan(base, vault, [a, b]);
    const result = await resolve(planned, {
      conflicts: {
        [RESULT]: { pick: 'pkg-b' },
        [NOTES]: { value: '陳：抽核無例外。李：發現 2 筆例外（已釐清）。' },
        [DELETED]: { pick: 'pkg-b' },
      },
    });
    const write = writeOf(result, R1.id);
    expect(write.data).toMatchObject({
      result: 'non-compliant',
      notes: '陳：抽核無例外。李：發現 2 筆例外（已釐清）。',
    });
    expect(
      write.merge.provenance.map((p) => [
        p.field,
        p.how,
        p.decidedBy,
        p.sources.map((s) => s.auditor),
      ]),
    ).toEqual([
      ['result', 'picked', '林組長', ['李稽核']],
      ['notes', 'edited', '林組長', ['陳稽核', '李稽核']],
    ]);
    expect(
      write.merge.losing.map((l) => [
        l.field,
        l.value,
        l.source.auditor,
        l.source.updatedAt,
        l.reason,
      ]),
    ).toEqual([
      ['result', 'compliant', '陳稽核', A_AT, 'not-picked'],
      ['notes', '陳：抽核無例外。', '陳稽核', A_AT, 'not-picked'],
      ['notes', '李：發現 2 筆例外。', '李稽核', B_AT, 'not-picked'],
    ]);
    // The edit won over the deletion: the deletion is kept, the record lives with the edit.
    const kept = writeOf(result, R2.id);
    expect(kept).toMatchObject({ deleted: false, data: { notes: '李：補充說明。' } });
    expect(kept.merge.losing).toEqual([
      expect.objectContaining({
        field: null,
        deleted: true,
        reason: 'deletion-undone',
        source: expect.objectContaining({ auditor: '陳稽核' }) as unknown,
      }),
    ]);
  });

  it("keeps the lead's value when the lead picks its own side, the auditor's value kept", async () => {
    const lead = stateOf([
      record('itemResults', R1.id, itemResult('4.1.1', { result: 'partial' }), {
        rev: 2,
        updatedBy: '林組長',
      }),
      R2,
    ]);
    const planned = await plan(base, lead, [
      returned('pkg-a', '陳稽核', [edit(R1, { result: 'compliant' })]),
    ]);
    const result = await resolve(planned, { conflicts: { [RESULT]: { pick: 'lead' } } });
    const write = writeOf(result, R1.id);
    expect(write).toMatchObject({ rev: 3, expectedRev: 2, data: { result: 'partial' } });
    expect(write.merge.losing).toEqual([
      expect.objectContaining({ field: 'result', value: 'compliant', reason: 'not-picked' }),
    ]);
  });

  it('keeps a deletion with the edits it overruled; its field conflicts need no decision', async () => {
    const c = returned('pkg-c', '張稽核', [edit(R2, { notes: '張：另一版本。' })]);
    const planned = await plan(base, vault, [a, b, c]);
    expect(planned.conflicts.map((x) => x.id)).toContain(`itemResults/${R2.id}/notes`);
    const result = await resolve(planned, {
      conflicts: {
        [RESULT]: { pick: 'pkg-a' },
        [NOTES]: { pick: 'pkg-a' },
        [DELETED]: { pick: 'pkg-a' },
      },
    });
    const tombstone = writeOf(result, R2.id);
    expect(tombstone.deleted).toBe(true);
    const kept = tombstone.merge.losing.map((l) => [l.field, l.source.auditor, l.reason]);
    expect(kept).toEqual(
      expect.arrayContaining([
        [null, '李稽核', 'record-deleted'],
        [null, '張稽核', 'record-deleted'],
        ['notes', '李稽核', 'record-deleted'],
        ['notes', '張稽核', 'record-deleted'],
      ]),
    );
  });

  it('writes one side’s whole record for a combination that breaks the rules, or the lead’s', async () => {
    const engagement = record('engagement', uid(9), ENGAGEMENT);
    const planned = await plan(handOut([engagement]), stateOf([engagement]), [
      returned('pkg-a', '陳稽核', [edit(engagement, { periodStart: '2025-07-01' })]),
      returned('pkg-b', '李稽核', [edit(engagement, { periodEnd: '2025-06-30' })]),
    ]);
    const id = `engagement/${uid(9)}#invalid`;
    const picked = await resolve(planned, { conflicts: { [id]: { pick: 'pkg-b' } } });
    const write = writeOf(picked, uid(9));
    expect(write.data).toMatchObject({ periodStart: '2025-01-01', periodEnd: '2025-06-30' });
    expect(write.merge.losing.map((l) => [l.field, l.source.auditor, l.reason])).toEqual(
      expect.arrayContaining([[null, '陳稽核', 'not-picked']]),
    );
    const edited = await resolve(planned, {
      conflicts: {
        [id]: { value: { ...ENGAGEMENT, periodStart: '2025-04-01', periodEnd: '2025-06-30' } },
      },
    });
    expect(writeOf(edited, uid(9)).merge.provenance).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: null, how: 'edited', decidedBy: '林組長' }),
      ]),
    );
  });

  it('refuses a combined value that breaks the record’s schema, naming the record', async () => {
    const planned = await plan(base, vault, [a, b]);
    await expect(
      resolve(planned, {
        conflicts: {
          [RESULT]: { value: 'mostly' },
          [NOTES]: { pick: 'pkg-a' },
          [DELETED]: { pick: 'pkg-a' },
        },
      }),
    ).rejects.toMatchObject({
      problems: [{ code: 'invalid-result', ref: `itemResults/${R1.id}` }],
    });
  });

  it('carries the provenance and losing values of earlier merges over', async () => {
    const planned = await plan(base, vault, [a, b]);
    const first = await resolve(planned, {
      conflicts: {
        [RESULT]: { pick: 'pkg-a' },
        [NOTES]: { pick: 'pkg-a' },
        [DELETED]: { pick: 'pkg-a' },
      },
    });
    const w = writeOf(first, R1.id);
    const after = stateOf([{ ...w, table: w.table, id: w.id }, R2]);
    const next = returned('pkg-d', '陳稽核', [
      edit(R1, { reason: '補充理由。' }, { baseRev: 1, at: '2025-03-06T00:00:00.000Z' }),
    ]);
    const second = await resolve(await plan(base, after, [next], { mergeId: 'merge-2' }));
    const write = writeOf(second, R1.id);
    expect(write.merge.losing).toEqual(w.merge.losing);
    expect(write.merge.provenance.map((p) => [p.field, p.mergeId])).toEqual([
      ['result', 'merge-1'],
      ['notes', 'merge-1'],
      ['reason', 'merge-2'],
    ]);
  });
});
