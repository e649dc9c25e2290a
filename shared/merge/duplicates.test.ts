import { describe, expect, it } from 'vitest';
import { textSimilarity } from './duplicates';
import {
  created,
  edit,
  evidence,
  finding,
  handOut,
  itemResult,
  person,
  plan,
  record,
  resolve,
  returned,
  stateOf,
  uid,
  writeOf,
} from './test-support';

const RESULT = record('itemResults', uid(1), itemResult('4.1.1'));
const base = handOut([RESULT]);
const vault = stateOf([RESULT]);

describe('likely duplicates are flagged, not merged', () => {
  it('flags two findings on the same item with near-identical text, not those on other items', async () => {
    const text = '抽查 113 年離職人員 25 名，其中 3 名之系統帳號於離職後逾 30 日仍未停用。';
    const same = finding('4.1.1', { title: '離職人員帳號未停用', deficiency: text });
    const reworded = finding('4.1.1', {
      title: '離職人員帳號未停用',
      deficiency: text.replace('。', '！').replace('其中 ', '其中'),
    });
    const planned = await plan(base, vault, [
      returned('pkg-a', '陳稽核', [created('findings', uid(10), same)]),
      returned('pkg-b', '李稽核', [
        created('findings', uid(20), reworded),
        created('findings', uid(21), finding('4.2.1')),
        created(
          'findings',
          uid(22),
          finding('4.1.1', { title: '備份未測試', deficiency: '未執行備份還原測試。' }),
        ),
      ]),
    ]);
    expect(planned.duplicates).toEqual([
      {
        id: `findings/${uid(10)}`,
        table: 'findings',
        recordIds: [uid(10), uid(20)],
        reasons: [{ kind: 'similar-text', similarity: 1 }],
      },
    ]);
    // Flagged only: both are added.
    expect(planned.records.map((r) => r.id)).toEqual([uid(10), uid(20), uid(21), uid(22)]);
  });

  it('flags the same person imported twice, by employee number or national ID, never naming the value', async () => {
    const known = record('people', uid(30), person('E001', { personId: 'A123456789' }));
    const lead = stateOf([RESULT, known]);
    const planned = await plan(handOut([RESULT, known]), lead, [
      returned('pkg-a', '陳稽核', [created('people', uid(31), person('E001'))]),
      returned('pkg-b', '李稽核', [
        created('people', uid(32), person('E999', { personId: 'A123456789' })),
        created('people', uid(33), person('E002')),
      ]),
    ]);
    expect(planned.duplicates).toEqual([
      {
        id: `people/${uid(30)}`,
        table: 'people',
        recordIds: [uid(30), uid(31), uid(32)],
        reasons: [
          { kind: 'same-key', fields: ['employeeNo'] },
          { kind: 'same-key', fields: ['personId'] },
        ],
      },
    ]);
    expect(JSON.stringify(planned.duplicates)).not.toContain('A123456789');
  });

  it('flags evidence files with the same SHA-256', async () => {
    const planned = await plan(base, vault, [
      returned('pkg-a', '陳稽核', [created('evidence', uid(40), evidence('ab'))]),
      returned('pkg-b', '李稽核', [
        created('evidence', uid(41), evidence('ab', { name: 'copy.png' })),
      ]),
    ]);
    expect(planned.duplicates.map((d) => [d.recordIds, d.reasons])).toEqual([
      [[uid(40), uid(41)], [{ kind: 'same-key', fields: ['sha256'] }]],
    ]);
  });

  it("leaves duplicates the lead's vault already held alone", async () => {
    const one = record('people', uid(30), person('E001'));
    const two = record('people', uid(31), person('E001'));
    const planned = await plan(handOut([RESULT, one, two]), stateOf([RESULT, one, two]), [
      returned('pkg-a', '陳稽核', [edit(RESULT, { result: 'compliant' })]),
    ]);
    expect(planned.duplicates).toEqual([]);
  });
});

describe('the lead decides on duplicates', () => {
  const kept = uid(40);
  const copy = uid(41);
  const returns = [
    returned('pkg-a', '陳稽核', [created('evidence', kept, evidence('ab'))]),
    returned('pkg-b', '李稽核', [
      created('evidence', copy, evidence('ab', { name: 'copy.png' })),
      edit(RESULT, { evidenceIds: [copy] }),
    ]),
  ];

  it('keeps all records without a decision, or with keep-all', async () => {
    const planned = await plan(base, vault, returns);
    const result = await resolve(planned, {
      conflicts: {},
      duplicates: { [`evidence/${kept}`]: { action: 'keep-all' } },
    });
    expect(result.writes.filter((w) => w.table === 'evidence').map((w) => w.deleted)).toEqual([
      false,
      false,
    ]);
  });

  it('merges into one: the other becomes a tombstone keeping its record, and links move to the one kept', async () => {
    const planned = await plan(base, vault, returns);
    const result = await resolve(planned, {
      conflicts: {},
      duplicates: { [`evidence/${kept}`]: { action: 'merge', keep: kept } },
    });
    const gone = writeOf(result, copy);
    expect(gone.deleted).toBe(true);
    expect(gone.merge.losing).toEqual([
      expect.objectContaining({
        field: null,
        reason: 'duplicate',
        value: evidence('ab', { name: 'copy.png' }),
        source: expect.objectContaining({ auditor: '李稽核' }) as unknown,
      }),
    ]);
    expect(writeOf(result, kept).merge.provenance).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ how: 'merged-duplicate', key: copy, decidedBy: '林組長' }),
      ]),
    );
    const item = writeOf(result, RESULT.id);
    expect(item.data.evidenceIds).toEqual([kept]);
    expect(item.merge.provenance).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'evidenceIds', how: 'relinked' })]),
    );
  });

  it("moves links held by the lead's records the merge did not touch", async () => {
    const linked = record('itemResults', uid(2), itemResult('4.1.2', { evidenceIds: [uid(50)] }));
    const existing = record('evidence', uid(50), evidence('cd'));
    const lead = stateOf([RESULT, linked, existing]);
    const planned = await plan(handOut([RESULT, linked, existing]), lead, [
      returned('pkg-a', '陳稽核', [created('evidence', uid(51), evidence('cd'))]),
    ]);
    expect(planned.related.map((r) => r.id)).toEqual([uid(2), uid(50)]);
    const result = await resolve(planned, {
      conflicts: {},
      duplicates: { [`evidence/${uid(50)}`]: { action: 'merge', keep: uid(51) } },
    });
    expect(writeOf(result, uid(50))).toMatchObject({ deleted: true, expectedRev: 1 });
    expect(writeOf(result, uid(2))).toMatchObject({
      data: { evidenceIds: [uid(51)] },
      expectedRev: 1,
      rev: 2,
    });
  });

  it('refuses to keep a record that is not in the group', async () => {
    const planned = await plan(base, vault, returns);
    await expect(
      resolve(planned, {
        conflicts: {},
        duplicates: { [`evidence/${kept}`]: { action: 'merge', keep: uid(99) } },
      }),
    ).rejects.toMatchObject({ problems: [{ code: 'keep-not-in-group' }] });
  });
});

describe('textSimilarity', () => {
  it('is 1 for the same words with other spacing and punctuation, low for other text', () => {
    expect(textSimilarity('帳號 未停用。', '帳號未停用')).toBe(1);
    expect(textSimilarity('Accounts not disabled', 'accounts, not disabled!')).toBe(1);
    expect(textSimilarity('離職人員帳號未停用', '備份未執行還原測試')).toBeLessThan(0.3);
  });
});
