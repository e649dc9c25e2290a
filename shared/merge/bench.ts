/**
 * Merge benchmark: figures, not assertions (`npm run bench` prints them). A hand-out of the
 * whole checklist (138 results), 5,000 people and an engagement; each return carries every
 * result (its own share answered, one sentence of every item's work performed edited, notes
 * that sometimes overlap with a colleague's), 100 new findings, 20 new evidence records, and
 * all 5,000 people (a re-imported roster: 5 % changed, a few of them also by a colleague).
 * Near-identical findings and same-hash evidence across returns are flagged as duplicates.
 *
 * Timed: the plan (checks with the tables' schemas, three-way compare, duplicates) and the
 * result (decisions for every conflict, records to write). The baseline, in the same run, is
 * one canonical-JSON pass over every incoming record: the least any comparison must do.
 * Generation is not timed. Runs wherever `shared/` runs; pass `heapUsed` for memory figures.
 */
import { canonicalJson } from '../domain/canonical-json';
import { planMerge } from './plan';
import { resolveMerge } from './resolve';
import {
  HANDED_OUT_AT,
  SCHEMAS,
  evidence,
  finding,
  handOut,
  itemResult,
  person,
  record,
  uid,
} from './test-support';
import type {
  CurrentRecord,
  MergeDecisions,
  MergeInput,
  RecordChange,
  ReturnPackage,
} from './types';

export const CHECKLIST_ITEMS = 138;
export const PEOPLE = 5_000;
export const FINDINGS_PER_RETURN = 100;
export const EVIDENCE_PER_RETURN = 20;

export interface BenchMergeCase {
  returns: number;
  changes: number;
  conflicts: number;
  duplicates: number;
  writes: number;
  baselineMs: number;
  planMs: number;
  resultMs: number;
  /** Heap growth over the start of the case, in bytes; null without a `heapUsed` probe. */
  peakHeapBytes: number | null;
}

export interface BenchMergeOptions {
  heapUsed?: () => number;
  /** Rounds per case; the median is reported (default 3). */
  rounds?: number;
  /** Smaller datasets for the functional test. */
  items?: number;
  people?: number;
}

const SENTENCES = 40;
/** UUIDs, as the vault's records of a merge want them when it is committed. */
const BENCH_BASE = uid(0xbe0000);
export const BENCH_MERGE_ID = uid(0xbe0001);

function workPerformed(item: number): string {
  return Array.from(
    { length: SENTENCES },
    (_, s) => `第${s + 1}步：檢視項目 ${item} 之文件 ${s}。`,
  ).join('');
}

/** The benchmark's hand-out and `returns` returns (also committed in Chromium by test/bench). */
export function scenario(returns: number, items: number, people: number): MergeInput {
  const held: CurrentRecord[] = [];
  for (let i = 0; i < items; i++) {
    held.push(
      record(
        'itemResults',
        uid(i + 1),
        itemResult(`item.${i}`, { workPerformed: workPerformed(i) }),
      ),
    );
  }
  for (let p = 0; p < people; p++) {
    held.push(record('people', uid(100_000 + p), person(`E${String(p).padStart(6, '0')}`)));
  }
  const packages: ReturnPackage[] = [];
  for (let k = 0; k < returns; k++) {
    const at = new Date(Date.parse(HANDED_OUT_AT) + (k + 1) * 3_600_000).toISOString();
    const auditor = `稽核員${k + 1}`;
    const changes: RecordChange[] = [];
    const change = (r: CurrentRecord, data: Record<string, unknown>): RecordChange => ({
      table: r.table,
      id: r.id,
      baseRev: r.rev,
      deleted: false,
      data,
      updatedAt: at,
      updatedBy: auditor,
    });
    const add = (table: string, id: string, data: Record<string, unknown>): RecordChange => ({
      table,
      id,
      baseRev: null,
      deleted: false,
      data,
      updatedAt: at,
      updatedBy: auditor,
    });
    const own = (i: number) => i % returns === k;
    for (let i = 0; i < items; i++) {
      const r = held[i];
      if (r === undefined) continue;
      // Sentence 2k: apart from every colleague's, so the texts combine.
      const text = workPerformed(i).replace(
        `第${2 * k + 1}步：`,
        `第${2 * k + 1}步（${auditor}）：`,
      );
      const overlap = i % 23 === 0 && (i + 1) % returns === k;
      changes.push(
        change(r, {
          ...r.data,
          workPerformed: k < SENTENCES / 2 ? text : workPerformed(i),
          ...(own(i)
            ? {
                result: 'compliant',
                evidenceIds: [uid(2_000_000 + k * 100 + (i % EVIDENCE_PER_RETURN))],
              }
            : {}),
          ...(own(i) || overlap ? { notes: `${auditor}：抽核無例外。` } : {}),
        }),
      );
    }
    for (let p = 0; p < people; p++) {
      const r = held[items + p];
      if (r === undefined) continue;
      const edited = p % 20 === k % 20 || (p % 997 === 0 && p % 20 === (k + 1) % 20);
      changes.push(change(r, edited ? { ...r.data, department: `稽核室${k}` } : r.data));
    }
    for (let f = 0; f < FINDINGS_PER_RETURN; f++) {
      // Every 20th finding says what a colleague's says: a likely duplicate.
      const twin = f % 20 === 0 ? 0 : k;
      // Twins share an item and a text; the others are each on an item of their own auditor's.
      const item = twin === 0 ? f % items : (f + k * 7) % items;
      const data = finding(`item.${item}`, {
        title: `缺失 ${f}（${twin}）`,
        deficiency: `抽查第 ${f} 項之紀錄，發現 ${twin + 1} 筆未依規定辦理。`,
      });
      changes.push(add('findings', uid(1_000_000 + k * 1_000 + f), data));
    }
    for (let e = 0; e < EVIDENCE_PER_RETURN; e++) {
      const sha =
        e === 0 ? 'aa' : `${k.toString(16).padStart(2, '0')}${e.toString(16).padStart(2, '0')}`;
      const data = evidence(sha, { name: `證據${k}-${e}.png` });
      changes.push(add('evidence', uid(2_000_000 + k * 100 + e), data));
    }
    packages.push({
      packageId: uid(3_000_000 + k),
      packageHash: (k + 1).toString(16).padStart(64, '0'),
      auditor,
      baseId: BENCH_BASE,
      changes,
    });
  }
  return {
    base: { ...handOut(held), id: BENCH_BASE },
    current: { records: held, mergedPackages: [] },
    returns: packages,
  };
}

/** The lead takes the first option of every conflict: the work a decision costs, not its wisdom. */
export function decideAll(plan: Awaited<ReturnType<typeof planMerge>>): MergeDecisions {
  const conflicts: Record<string, { pick: string }> = {};
  for (const conflict of plan.conflicts) {
    const option = conflict.options[0];
    if (option) conflicts[conflict.id] = { pick: option.id };
  }
  return { conflicts };
}

async function runCase(input: MergeInput, heapUsed: (() => number) | undefined) {
  const start = heapUsed?.() ?? 0;
  let peak = start;
  const sample = () => {
    if (heapUsed) peak = Math.max(peak, heapUsed());
  };
  let t = performance.now();
  let chars = 0;
  for (const pkg of input.returns)
    for (const c of pkg.changes) chars += canonicalJson(c.data).length;
  const baselineMs = performance.now() - t;
  if (chars === 0) throw new Error('empty benchmark');

  t = performance.now();
  const plan = await planMerge(input, {
    mergeId: 'bench',
    at: '2025-04-01T00:00:00.000Z',
    by: '組長',
    schemas: SCHEMAS,
    onProgress: sample,
  });
  const planMs = performance.now() - t;
  sample();
  t = performance.now();
  const result = await resolveMerge(plan, decideAll(plan), {
    schemas: SCHEMAS,
    onProgress: sample,
  });
  const resultMs = performance.now() - t;
  sample();
  return {
    conflicts: plan.conflicts.length,
    duplicates: plan.duplicates.length,
    writes: result.writes.length,
    baselineMs,
    planMs,
    resultMs,
    peakHeapBytes: heapUsed ? peak - start : null,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function benchMerge(
  counts: readonly number[],
  options: BenchMergeOptions = {},
): Promise<BenchMergeCase[]> {
  const items = options.items ?? CHECKLIST_ITEMS;
  const people = options.people ?? PEOPLE;
  // A small warm-up, so the first case does not pay for the JIT.
  await runCase(scenario(2, Math.min(items, 20), Math.min(people, 200)), undefined);
  const results: BenchMergeCase[] = [];
  for (const returns of counts) {
    const input = scenario(returns, items, people);
    const runs = [];
    for (let round = 0; round < (options.rounds ?? 3); round++) {
      runs.push(await runCase(input, options.heapUsed));
    }
    const [first] = runs;
    if (first === undefined) continue;
    results.push({
      returns,
      changes: input.returns.reduce((n, r) => n + r.changes.length, 0),
      conflicts: first.conflicts,
      duplicates: first.duplicates,
      writes: first.writes,
      baselineMs: median(runs.map((r) => r.baselineMs)),
      planMs: median(runs.map((r) => r.planMs)),
      resultMs: median(runs.map((r) => r.resultMs)),
      peakHeapBytes: options.heapUsed ? Math.max(...runs.map((r) => r.peakHeapBytes ?? 0)) : null,
    });
  }
  return results;
}
