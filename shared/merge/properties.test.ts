/**
 * Properties of the merge over generated hand-outs: a few checklist results, the lead editing
 * or deleting some since the hand-out, and up to four returns editing, deleting and adding
 * findings, with text fields whose sentence edits sometimes overlap, id sets and plain values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMergeResult } from './apply';
import { changeIdentity } from './history';
import {
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
} from './test-support';
import type {
  CurrentRecord,
  CurrentState,
  MergeBase,
  MergeDecisions,
  MergePlan,
  Payload,
  ReturnPackage,
  Source,
} from './types';
import { fingerprint, ownValue } from './values';

const RECORDS = 3;
const SLOTS = 4;
const BASE_TEXT = Array.from({ length: SLOTS }, (_, i) => `原句${i}。`).join('');
const EVIDENCE = [uid(500), uid(501), uid(502), uid(503)];
const FIELDS = ['result', 'notes', 'workPerformed', 'evidenceIds'] as const;

const text = fc
  .array(fc.constantFrom(null, 'A', 'B'), { minLength: SLOTS, maxLength: SLOTS })
  .map((slots) => slots.map((v, i) => (v === null ? `原句${i}。` : `${v}改${i}。`)).join(''));
const fields = fc.record(
  {
    result: fc.constantFrom(null, 'compliant', 'partial', 'non-compliant'),
    notes: text,
    workPerformed: text,
    evidenceIds: fc.subarray(EVIDENCE),
  },
  { requiredKeys: [] },
);
type Action = { kind: 'none' } | { kind: 'edit'; fields: Partial<Payload> } | { kind: 'delete' };
const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 3 },
  { arbitrary: fields.map((f) => ({ kind: 'edit' as const, fields: f })), weight: 4 },
  { arbitrary: fc.constant({ kind: 'delete' as const }), weight: 1 },
);
const FINDING_TEXTS = ['帳號未停用。', '帳號未停用！', '備份未測試。', '密碼原則不足。'];
const returnSpec = fc.record({
  actions: fc.array(action, { minLength: RECORDS, maxLength: RECORDS }),
  findings: fc.array(fc.constantFrom(...FINDING_TEXTS), { maxLength: 2 }),
});
const scenarioArb = fc.record({
  lead: fc.array(action, { minLength: RECORDS, maxLength: RECORDS }),
  returns: fc.array(returnSpec, { minLength: 1, maxLength: 4 }),
});
type Spec = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

interface Scenario {
  base: MergeBase;
  vault: CurrentState;
  returns: ReturnPackage[];
}

const held: CurrentRecord[] = Array.from({ length: RECORDS }, (_, i) =>
  record(
    'itemResults',
    uid(i + 1),
    itemResult(`4.1.${i}`, {
      notes: BASE_TEXT,
      workPerformed: BASE_TEXT,
      evidenceIds: [EVIDENCE[0] ?? ''],
    }),
  ),
);

function build(spec: Spec): Scenario {
  const lead = held.map((r, i) => {
    const act = spec.lead[i];
    if (act?.kind === 'edit') return edited(r, act.fields, { updatedBy: '林組長' });
    if (act?.kind === 'delete') return edited(r, {}, { updatedBy: '林組長', deleted: true });
    return r;
  });
  const returns = spec.returns.map((r, k) => {
    const at = { at: `2025-03-0${k + 2}T10:00:00.000Z` };
    const changes = held.flatMap((h, i) => {
      const act = r.actions[i];
      if (act?.kind === 'edit') return [edit(h, act.fields, at)];
      if (act?.kind === 'delete') return [deletion(h, at)];
      return [];
    });
    r.findings.forEach((deficiency, j) => {
      changes.push(
        created('findings', uid(1000 + 10 * k + j), finding('4.1.0', { deficiency }), at),
      );
    });
    return returned(`pkg-${k}`, `稽核${k}`, changes);
  });
  return { base: handOut(held), vault: stateOf(lead), returns };
}

/** Decides every conflict by the generated choice: one of its options. */
function decide(planned: MergePlan, choices: readonly number[]): MergeDecisions {
  const conflicts: Record<string, { pick: string }> = {};
  planned.conflicts.forEach((conflict, i) => {
    const option = conflict.options[(choices[i] ?? 0) % conflict.options.length];
    if (option) conflicts[conflict.id] = { pick: option.id };
  });
  return { conflicts };
}

async function mergeAll(
  s: Scenario,
  returns: readonly ReturnPackage[],
  choices: readonly number[],
) {
  const planned = await plan(s.base, s.vault, returns);
  const result = await resolve(planned, decide(planned, choices));
  return { planned, result, after: applyMergeResult(s.vault, result) };
}

const choicesArb = fc.array(fc.nat(5), { maxLength: 40 });

/** Every side's value of a field it changed: from a return, or the lead's edit since the base. */
function changedValues(s: Scenario) {
  const base = new Map(s.base.records.map((r) => [r.id, r]));
  const out: { id: string; field: string; value: unknown; deleted: boolean; source: Source }[] = [];
  const sides = [
    ...s.vault.records.map((r) => ({
      r,
      source: {
        packageId: null,
        packageHash: null,
        auditor: r.updatedBy,
        updatedAt: r.updatedAt,
        updatedBy: r.updatedBy,
      },
    })),
    ...s.returns.flatMap((p) =>
      p.changes.map((r) => ({
        r,
        source: {
          packageId: p.packageId,
          packageHash: p.packageHash,
          auditor: p.auditor,
          updatedAt: r.updatedAt,
          updatedBy: r.updatedBy,
        },
      })),
    ),
  ];
  for (const { r, source } of sides) {
    const b = base.get(r.id);
    if (r.deleted !== (b?.deleted ?? false))
      out.push({ id: r.id, field: '#deleted', value: r.deleted, deleted: r.deleted, source });
    for (const field of Object.keys(r.data)) {
      const value = ownValue(r.data, field);
      if (fingerprint(value) !== fingerprint(ownValue(b?.data, field))) {
        out.push({ id: r.id, field, value, deleted: r.deleted, source });
      }
    }
  }
  return out;
}

describe('merge properties', () => {
  it('gives the same plan and result whatever the order of the returns', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArb,
        choicesArb,
        fc.func(fc.integer()),
        async (spec, choices, order) => {
          const s = build(spec);
          const shuffled = [...s.returns].sort((a, b) => order(a.packageId) - order(b.packageId));
          const one = await mergeAll(s, s.returns, choices);
          const other = await mergeAll(s, shuffled, choices);
          expect(other.planned).toEqual(one.planned);
          expect(other.result).toEqual(one.result);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('with no conflicts (returns editing different fields), the result does not depend on their order', async () => {
    const disjoint = scenarioArb.map((spec) => ({
      lead: spec.lead.map((): Action => ({ kind: 'none' })),
      returns: spec.returns.map((r, k) => ({
        ...r,
        actions: r.actions.map((a): Action => {
          if (a.kind !== 'edit') return { kind: 'none' };
          const field = FIELDS[k % FIELDS.length] ?? 'result';
          return Object.hasOwn(a.fields, field)
            ? { kind: 'edit', fields: { [field]: a.fields[field] } }
            : { kind: 'none' };
        }),
      })),
    }));
    await fc.assert(
      fc.asyncProperty(disjoint, fc.func(fc.integer()), async (spec, order) => {
        const s = build(spec);
        const one = await mergeAll(s, s.returns, []);
        const reversed = await mergeAll(s, [...s.returns].reverse(), []);
        const shuffled = [...s.returns].sort((a, b) => order(a.packageId) - order(b.packageId));
        expect(one.planned.conflicts).toEqual([]);
        expect(reversed.result.writes).toEqual(one.result.writes);
        expect((await mergeAll(s, shuffled, [])).result.writes).toEqual(one.result.writes);
      }),
      { numRuns: 60 },
    );
  });

  it('changes nothing when the returns are merged into a vault that already has them', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, choicesArb, async (spec, choices) => {
        const s = build(spec);
        const { after } = await mergeAll(s, s.returns, choices);
        const recognised = await plan(s.base, after, s.returns, { mergeId: 'merge-2' });
        expect((await resolve(recognised)).writes).toEqual([]);
        // And without the list of merged packages: what was decided is not raised again.
        const unrecognised = await plan(s.base, { ...after, mergedPackages: [] }, s.returns, {
          mergeId: 'merge-2',
        });
        expect(unrecognised.conflicts).toEqual([]);
        expect((await resolve(unrecognised)).writes).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('keeps every value of every input: in the result, or kept as a losing value', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, choicesArb, async (spec, choices) => {
        const s = build(spec);
        const { after } = await mergeAll(s, s.returns, choices);
        const records = new Map(after.records.map((r) => [r.id, r]));
        for (const v of changedValues(s)) {
          const r = records.get(v.id);
          expect(r, v.id).toBeDefined();
          if (!r) continue;
          const identity = changeIdentity(v.source);
          const losing = (r.merge?.losing ?? []).filter(
            (l) => changeIdentity(l.source) === identity,
          );
          const fp = fingerprint(v.value);
          const found =
            v.field === '#deleted'
              ? r.deleted === v.deleted ||
                losing.some((l) => l.field === null && l.deleted === v.deleted)
              : fingerprint(ownValue(r.data, v.field)) === fp ||
                losing.some((l) => l.field === v.field && fingerprint(l.value) === fp) ||
                losing.some(
                  (l) =>
                    l.field === null && fingerprint(ownValue(l.value as Payload, v.field)) === fp,
                );
          expect(found, `${v.source.auditor}'s ${v.field} of ${v.id}`).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('always takes a field changed on one side only', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, choicesArb, async (spec, choices) => {
        const s = build(spec);
        const { after } = await mergeAll(s, s.returns, choices);
        const records = new Map(after.records.map((r) => [r.id, r]));
        const byField = new Map<string, { value: unknown; sides: Set<string> }>();
        for (const v of changedValues(s)) {
          if (v.field === '#deleted') continue;
          const key = `${v.id}/${v.field}`;
          const entry = byField.get(key) ?? { value: v.value, sides: new Set<string>() };
          byField.set(key, entry);
          entry.sides.add(changeIdentity(v.source));
        }
        for (const [key, entry] of byField) {
          if (entry.sides.size !== 1) continue;
          const [id = '', field = ''] = key.split('/');
          expect(fingerprint(ownValue(records.get(id)?.data, field)), key).toBe(
            fingerprint(entry.value),
          );
        }
      }),
      { numRuns: 100 },
    );
  });
});
