/**
 * Step 1 of a merge: the plan, before anything is written. Every record a ready return
 * touches goes through the three-way rule (`record-merge.ts`) against the base, with the lead's
 * vault as one more side; what would change, every conflict and the likely duplicates are
 * listed, per package and in all. The plan is plain data: the UI shows it, the lead decides,
 * and `resolveMerge` turns plan and decisions into the records to write.
 */
import { findDuplicates, type LiveRecord } from './duplicates';
import { INPUT_ERRORS, MergeInputError } from './messages';
import { checkPackages, recordKey, sortReturns } from './packages';
import { Pacer } from './pace';
import { LEAD_ONLY_TABLES, tablePolicy } from './policy';
import { mergeRecord, type RecordOutcome } from './record-merge';
import { referencedIds } from './refs';
import type {
  BaseRecord,
  Conflict,
  CurrentRecord,
  MergeInput,
  MergePlan,
  PackagePlan,
  PlannedRecord,
  PayloadSchema,
  PlanOptions,
  Side,
  Stamp,
} from './types';
import { payloadProblem, schemaFor } from './validate';
import { fingerprint, samePayload } from './values';

function indexRecords<R extends BaseRecord>(records: readonly R[], where: 'base' | 'current') {
  const index = new Map<string, R>();
  for (const record of records) {
    const key = recordKey(record.table, record.id);
    if (index.has(key)) {
      throw new MergeInputError(
        'duplicate-record',
        INPUT_ERRORS.duplicateRecord(where, record.table, record.id),
      );
    }
    index.set(key, record);
  }
  return index;
}

interface Touched {
  table: string;
  id: string;
  sides: Side[];
  /** Where each side's change sits in its package's plan, to note its effect. */
  slots: { plan: PackagePlan; index: number }[];
}

function gather(ready: Awaited<ReturnType<typeof checkPackages>>['ready']) {
  const touched = new Map<string, Touched>();
  for (const { pkg, plan } of ready) {
    for (const change of pkg.changes) {
      if (LEAD_ONLY_TABLES.has(change.table)) {
        plan.ignored.push({ table: change.table, id: change.id });
        continue;
      }
      const key = recordKey(change.table, change.id);
      let entry = touched.get(key);
      if (entry === undefined) {
        entry = { table: change.table, id: change.id, sides: [], slots: [] };
        touched.set(key, entry);
      }
      entry.sides.push({
        key: pkg.packageId,
        lead: false,
        source: {
          packageId: pkg.packageId,
          packageHash: pkg.packageHash,
          auditor: pkg.auditor,
          updatedAt: change.updatedAt,
          updatedBy: change.updatedBy,
        },
        deleted: change.deleted,
        data: change.data,
      });
      plan.records.push({ table: change.table, id: change.id, effect: 'identical' });
      entry.slots.push({ plan, index: plan.records.length - 1 });
    }
  }
  return touched;
}

/** The combined record breaks its schema: the lead picks one side's whole record instead. */
function invalidConflict(
  entry: Touched,
  base: BaseRecord | null,
  outcome: RecordOutcome,
  message: string,
): Conflict {
  const options: Conflict['options'] = [];
  const seen = new Map<string, Conflict['options'][number]>();
  for (const side of outcome.sides) {
    const fp = `${side.deleted}\u0000${fingerprint(side.data)}`;
    const option = seen.get(fp);
    if (option) option.sources.push(side.source);
    else {
      const made = {
        id: side.key,
        value: side.data,
        deleted: side.deleted,
        sources: [side.source],
      };
      seen.set(fp, made);
      options.push(made);
    }
  }
  return {
    id: `${entry.table}/${entry.id}#invalid`,
    kind: 'invalid',
    table: entry.table,
    recordId: entry.id,
    field: null,
    key: null,
    ...(base ? { base: base.data } : {}),
    baseDeleted: base ? base.deleted : null,
    options,
    message,
  };
}

function changesSomething(outcome: RecordOutcome, current: CurrentRecord | null): boolean {
  if (current === null) return true;
  if (outcome.conflicts.length > 0 || outcome.losing.length > 0 || outcome.provenance.length > 0)
    return true;
  return outcome.deleted !== current.deleted || !samePayload(outcome.data, current.data);
}

/** One touched record through the rule; null when it would not change the lead's vault. */
function compare(
  entry: Touched,
  base: BaseRecord | null,
  current: CurrentRecord | null,
  context: { stamp: Stamp; schema: PayloadSchema | undefined },
): { record: PlannedRecord; conflicts: Conflict[] } | null {
  const outcome = mergeRecord({
    table: entry.table,
    id: entry.id,
    rules: tablePolicy(entry.table),
    base,
    current,
    returns: entry.sides,
    stamp: context.stamp,
  });
  outcome.effects.forEach((effect, j) => {
    const slot = entry.slots[j];
    const record = slot?.plan.records[slot.index];
    if (slot === undefined || record === undefined) return;
    record.effect = effect;
    slot.plan.counts[effect]++;
  });
  // Fields from two or more sides may combine into a record its rules refuse.
  if (
    context.schema !== undefined &&
    outcome.conflicts.length === 0 &&
    !outcome.deleted &&
    outcome.contributors >= 2
  ) {
    const problem = payloadProblem(context.schema, outcome.data);
    if (problem !== null) outcome.conflicts.push(invalidConflict(entry, base, outcome, problem));
  }
  if (!changesSomething(outcome, current)) return null;
  const recordLevel = outcome.conflicts.some((c) => c.field === null);
  const record: PlannedRecord = {
    table: entry.table,
    id: entry.id,
    current,
    base,
    data: outcome.data,
    deleted: outcome.deleted,
    provenance: outcome.provenance,
    losing: outcome.losing,
    conflictIds: outcome.conflicts.map((c) => c.id),
    ...(recordLevel ? { sides: outcome.sides } : {}),
  };
  return { record, conflicts: outcome.conflicts };
}

export async function planMerge(input: MergeInput, options: PlanOptions): Promise<MergePlan> {
  const pacer = new Pacer(options);
  const baseIndex = indexRecords(input.base.records, 'base');
  const currentIndex = indexRecords(input.current.records, 'current');
  for (const record of input.base.records) {
    if (!currentIndex.has(recordKey(record.table, record.id))) {
      throw new MergeInputError(
        'current-missing',
        INPUT_ERRORS.currentMissing(record.table, record.id),
      );
    }
  }
  const { plans, ready } = await checkPackages(
    sortReturns(input.returns),
    input.base,
    baseIndex,
    input.current,
    options,
    pacer,
  );
  pacer.finish('index', input.returns.length);

  const touched = gather(ready);
  const keys = [...touched.keys()].sort();
  const stamp = { mergeId: options.mergeId, at: options.at, by: options.by };
  const records: PlannedRecord[] = [];
  const conflicts: Conflict[] = [];
  let done = 0;
  for (const key of keys) {
    await pacer.step('compare', ++done, keys.length);
    const entry = touched.get(key);
    if (entry === undefined) continue;
    const planned = compare(entry, baseIndex.get(key) ?? null, currentIndex.get(key) ?? null, {
      stamp,
      schema: schemaFor(options, entry.table),
    });
    if (planned === null) continue;
    records.push(planned.record);
    conflicts.push(...planned.conflicts);
  }
  pacer.finish('compare', keys.length);

  countConflicts(plans, conflicts);
  const duplicates = findDuplicates(liveRecords(input.current.records, records));
  pacer.finish('duplicates', duplicates.length);
  return {
    mergeId: options.mergeId,
    baseId: input.base.id,
    at: options.at,
    by: options.by,
    packages: plans,
    records,
    conflicts,
    duplicates,
    related: relatedOf(duplicates, input.current.records, records),
  };
}

function countConflicts(plans: readonly PackagePlan[], conflicts: readonly Conflict[]) {
  const byId = new Map(plans.filter((p) => p.status === 'ready').map((p) => [p.packageId, p]));
  for (const conflict of conflicts) {
    const involved = new Set<string>();
    for (const option of conflict.options) {
      for (const source of option.sources) if (source.packageId) involved.add(source.packageId);
    }
    for (const id of involved) {
      const plan = byId.get(id);
      if (plan) plan.counts.conflicts++;
    }
  }
}

/** The records live once the plan is applied: the vault's, with the planned ones instead. */
function liveRecords(current: readonly CurrentRecord[], planned: readonly PlannedRecord[]) {
  const plannedKeys = new Set(planned.map((r) => recordKey(r.table, r.id)));
  const live: LiveRecord[] = [];
  for (const record of current) {
    if (record.deleted || plannedKeys.has(recordKey(record.table, record.id))) continue;
    live.push({ table: record.table, id: record.id, data: record.data, touched: false });
  }
  for (const record of planned) {
    if (!record.deleted)
      live.push({ table: record.table, id: record.id, data: record.data, touched: true });
  }
  return live;
}

/** Records of the vault the plan does not write that are in a duplicate group or point at one. */
function relatedOf(
  duplicates: MergePlan['duplicates'],
  current: readonly CurrentRecord[],
  planned: readonly PlannedRecord[],
): CurrentRecord[] {
  if (duplicates.length === 0) return [];
  const members = new Set(duplicates.flatMap((group) => group.recordIds));
  const plannedKeys = new Set(planned.map((r) => recordKey(r.table, r.id)));
  return current.filter(
    (record) =>
      !plannedKeys.has(recordKey(record.table, record.id)) &&
      (members.has(record.id) ||
        referencedIds(record.table, record.data).some((id) => members.has(id))),
  );
}
