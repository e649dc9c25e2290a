import { must } from './testing';
import { describe, expect, it } from 'vitest';
import { randomBytes } from '../crypto/bytes';
import { canonicalJson } from '../domain/canonical-json';
import { newRecordId } from '../domain/records';
import { sampleInput } from '../workpapers/testing/factories';
import {
  changedFields,
  commitmentOf,
  contentsOf,
  digestOf,
  fieldSalt,
  inspectionRecordsOf,
  jcs,
  signedContentSchema,
  type InspectionRecords,
} from './digest';

const KEY = randomBytes(32);

async function records(): Promise<InspectionRecords> {
  return inspectionRecordsOf(await sampleInput());
}

/** The same JSON value with its object keys written in reverse order, at every depth. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  }
  return value;
}

describe('signed content digests', () => {
  it('are RFC 8785: key order and number spelling do not matter', async () => {
    const { items, inspection } = contentsOf(await records(), KEY);
    for (const content of [...items.values(), inspection]) {
      const reordered = reversedKeys(content);
      expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(content));
      expect(jcs(reordered)).toBe(jcs(content));
      // The project's own canonical JSON (activity chain, meta hashes) writes the same text.
      expect(canonicalJson(content)).toBe(jcs(content));
      // Parsed back from a file written by someone else, pretty-printed: same digest.
      const reparsed = signedContentSchema.parse(JSON.parse(JSON.stringify(reordered, null, 2)));
      expect(digestOf(reparsed)).toBe(digestOf(content));
    }
    // Numbers: 1.0, 1e0 and 100e-2 are one number, and JCS writes it one way.
    const sizes = [
      '{"size":1.0,"sha256":"x"}',
      '{"sha256":"x","size":1e0}',
      '{"size":100e-2,"sha256":"x"}',
    ];
    expect(new Set(sizes.map((t) => jcs(JSON.parse(t))))).toEqual(
      new Set(['{"sha256":"x","size":1}']),
    );
    expect(jcs(JSON.parse('{"n":1E21,"m":0.000001,"k":-0}'))).toBe(
      '{"k":0,"m":0.000001,"n":1e+21}',
    );
  });

  it('do not depend on the order of findings, evidence or items', async () => {
    const base = await records();
    const [first, second] = base.itemResults;
    const finding = must(base.findings[0]);
    const again = {
      ...finding,
      id: newRecordId(),
      title: '第二項',
    };
    const twoFindings = { ...base, findings: [finding, again] };
    const swapped = {
      ...base,
      findings: [again, finding],
      itemResults: [must(second), must(first)],
    };
    const a = contentsOf(twoFindings, KEY);
    const b = contentsOf(swapped, KEY);
    expect(digestOf(b.inspection)).toBe(digestOf(a.inspection));
    for (const [itemId, content] of a.items) {
      expect(digestOf(must(b.items.get(itemId)))).toBe(digestOf(content));
    }
    const ev = must(base.evidence[0]);
    const ev2 = { ...ev, id: newRecordId(), sha256: 'b'.repeat(64) };
    const withTwo = (ids: string[]) =>
      contentsOf(
        {
          ...base,
          evidence: [ev, ev2],
          itemResults: [{ ...must(first), evidenceIds: ids as (typeof ev.id)[] }, must(second)],
        },
        KEY,
      ).items.get(must(first).itemId);
    expect(digestOf(must(withTwo([ev.id, ev2.id])))).toBe(digestOf(must(withTwo([ev2.id, ev.id]))));
  });

  it('do not change on an unchanged save, and change when a signed field changes', async () => {
    const base = await records();
    const before = contentsOf(base, KEY);
    const [first, second] = base.itemResults;
    const finding = base.findings[0];
    if (first === undefined || second === undefined || finding === undefined)
      throw new Error('fixture');

    // A save that changes nothing but revision and time.
    const saved = contentsOf(
      {
        ...base,
        itemResults: [
          { ...first, rev: first.rev + 1, updatedAt: '2026-01-01T00:00:00.000Z' },
          second,
        ],
      },
      KEY,
    );
    expect(digestOf(must(saved.items.get(first.itemId)))).toBe(
      digestOf(must(before.items.get(first.itemId))),
    );
    expect(digestOf(saved.inspection)).toBe(digestOf(before.inspection));
    // Notes are not signed.
    const noted = contentsOf(
      { ...base, itemResults: [{ ...first, notes: 'scratch' }, second] },
      KEY,
    );
    expect(digestOf(must(noted.items.get(first.itemId)))).toBe(
      digestOf(must(before.items.get(first.itemId))),
    );

    const changes: [string, InspectionRecords][] = [
      ['result', { ...base, itemResults: [{ ...first, result: 'partial' }, second] }],
      [
        'workPerformed',
        { ...base, itemResults: [{ ...first, workPerformed: `${first.workPerformed}。` }, second] },
      ],
      ['evidence', { ...base, itemResults: [{ ...first, evidenceIds: [] }, second] }],
      [`finding ${finding.id}.severity`, { ...base, findings: [{ ...finding, severity: 'low' }] }],
    ];
    for (const [field, changed] of changes) {
      const after = contentsOf(changed, KEY);
      const itemId = field.startsWith('finding') ? second.itemId : first.itemId;
      const a = must(before.items.get(itemId));
      const b = must(after.items.get(itemId));
      expect(digestOf(b), field).not.toBe(digestOf(a));
      expect(changedFields(a, b)).toEqual([field]);
      expect(changedFields(before.inspection, after.inspection)).toEqual([`item ${itemId}`]);
    }
    const retitled = contentsOf(
      { ...base, inspection: { ...base.inspection, title: '新標題' } },
      KEY,
    );
    expect(changedFields(before.inspection, retitled.inspection)).toEqual(['cover.title']);
  });

  it('bind each text to its field and its inspection key, and a commitment equals its salted text', async () => {
    const salt = fieldSalt(KEY, ['item', 'A', 'workPerformed']);
    expect(salt).not.toBe(fieldSalt(KEY, ['item', 'A', 'reason']));
    expect(salt).not.toBe(fieldSalt(randomBytes(32), ['item', 'A', 'workPerformed']));
    const commitment = commitmentOf({ text: '身分證 A123456789', salt });
    expect(commitmentOf({ commitment })).toBe(commitment);
    // Without the salt no one can test guesses of a masked text against its commitment.
    const otherSalt = fieldSalt(KEY, ['item', 'B', 'workPerformed']);
    expect(commitmentOf({ text: '身分證 A123456789', salt: otherSalt })).not.toBe(commitment);
    const same = await records();
    const underOtherKey = contentsOf(same, randomBytes(32));
    const underKey = contentsOf(same, KEY);
    expect(digestOf(underOtherKey.inspection)).not.toBe(digestOf(underKey.inspection));
    expect(commitmentOf({ text: '身分證 A123456788', salt })).not.toBe(commitment);
    // The text itself never appears in the signed content.
    const { items } = contentsOf(await records(), KEY);
    expect(jcs([...items.values()])).not.toContain('檢視');
  });

  it('refuse an item with two working records and evidence missing from the vault', async () => {
    const base = await records();
    const first = must(base.itemResults[0]);
    expect(() =>
      contentsOf(
        {
          ...base,
          itemResults: [...base.itemResults, { ...first, id: newRecordId() }],
        },
        KEY,
      ),
    ).toThrow(/2 working records/);
    expect(() => contentsOf({ ...base, evidence: [] }, KEY)).toThrow(/not in the vault/);
  });
});
