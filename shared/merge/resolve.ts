/**
 * Step 2 of a merge: the plan and the lead's decisions in, the records to write out (with
 * their new revisions, provenance and kept losing values), or a `MergeDecisionError` naming
 * every conflict still open, every decision the plan cannot take and every record that would
 * break its schema: all or nothing, as the vault's batch write is.
 */
import {
  applyFieldDecision,
  applyRecordDecision,
  keep,
  keepOtherOptions,
  note,
  stateOf,
  type RecordState,
} from './decide';
import { DECISION_PROBLEMS, MergeDecisionError, type DecisionProblem } from './messages';
import { recordKey } from './packages';
import { leadSide } from './record-merge';
import { Pacer } from './pace';
import { relink } from './refs';
import type {
  Conflict,
  ConflictDecision,
  CurrentRecord,
  EngineOptions,
  FieldProvenance,
  MergeDecisions,
  MergePlan,
  MergeResult,
  RecordMergeInfo,
  RecordWrite,
  Source,
  Stamp,
} from './types';
import { payloadProblem, schemaFor } from './validate';
import { samePayload } from './values';

/** Record-level decisions that settle the record's field conflicts too (it is deleted). */
function deletedByDecision(plan: MergePlan, decisions: MergeDecisions): Set<string> {
  const deleted = new Set<string>();
  for (const conflict of plan.conflicts) {
    if (conflict.kind !== 'delete-edit') continue;
    const decision = decisions.conflicts[conflict.id];
    if (decision === undefined || !('pick' in decision)) continue;
    const option = conflict.options.find((o) => o.id === decision.pick);
    if (option?.deleted) deleted.add(recordKey(conflict.table, conflict.recordId));
  }
  return deleted;
}

/** Ids merged away as duplicates → the id kept. */
function movedIds(plan: MergePlan, decisions: MergeDecisions, problems: DecisionProblem[]) {
  const moved = new Map<string, string>();
  const groups = new Map(plan.duplicates.map((g) => [g.id, g]));
  for (const [id, decision] of Object.entries(decisions.duplicates ?? {})) {
    const group = groups.get(id);
    if (group === undefined) {
      problems.push({
        code: 'unknown-duplicate',
        ref: id,
        text: DECISION_PROBLEMS.unknownDuplicate(id),
      });
      continue;
    }
    if (decision.action !== 'merge') continue;
    if (!group.recordIds.includes(decision.keep)) {
      const text = DECISION_PROBLEMS.keepNotInGroup(id, decision.keep);
      problems.push({ code: 'keep-not-in-group', ref: id, text });
      continue;
    }
    for (const member of group.recordIds)
      if (member !== decision.keep) moved.set(member, decision.keep);
  }
  return moved;
}

/**
 * The conflicts that still need a decision. A field conflict of a record the decisions delete
 * (or merge away as a duplicate) needs none: its values are kept with the tombstone.
 */
export function openConflicts(plan: MergePlan, decisions: MergeDecisions): Conflict[] {
  const deleted = deletedByDecision(plan, decisions);
  const moved = movedIds(plan, decisions, []);
  return plan.conflicts.filter(
    (c) =>
      decisions.conflicts[c.id] === undefined &&
      !moved.has(c.recordId) &&
      !(c.field !== null && deleted.has(recordKey(c.table, c.recordId))),
  );
}

function checkDecisions(plan: MergePlan, decisions: MergeDecisions, problems: DecisionProblem[]) {
  const byId = new Map(plan.conflicts.map((c) => [c.id, c]));
  for (const [id, decision] of Object.entries(decisions.conflicts)) {
    const conflict = byId.get(id);
    if (conflict === undefined) {
      problems.push({
        code: 'unknown-conflict',
        ref: id,
        text: DECISION_PROBLEMS.unknownConflict(id),
      });
    } else if ('pick' in decision && !conflict.options.some((o) => o.id === decision.pick)) {
      const text = DECISION_PROBLEMS.unknownOption(id, decision.pick);
      problems.push({ code: 'unknown-option', ref: id, text });
    } else if ('value' in decision && conflict.kind === 'delete-edit') {
      problems.push({
        code: 'edit-not-allowed',
        ref: id,
        text: DECISION_PROBLEMS.editNotAllowed(id),
      });
    }
  }
  for (const conflict of openConflicts(plan, decisions)) {
    const text = DECISION_PROBLEMS.openConflict(conflict.id);
    problems.push({ code: 'open-conflict', ref: conflict.id, text });
  }
}

function resolveRecord(
  state: RecordState,
  stamp: Stamp,
  conflicts: ReadonlyMap<string, Conflict>,
  decisions: MergeDecisions,
) {
  const own = (state.planned?.conflictIds ?? []).flatMap((id) => conflicts.get(id) ?? []);
  const decide = (conflict: Conflict, decision: ConflictDecision, recordLevel: boolean) => {
    const picked =
      'pick' in decision ? conflict.options.find((o) => o.id === decision.pick) : undefined;
    if (recordLevel) applyRecordDecision(state, stamp, conflict, decision, picked);
    else applyFieldDecision(state, stamp, conflict, decision, picked);
  };
  // Fields first: an invalid combination's decision replaces the whole record after them.
  for (const conflict of own) {
    if (conflict.field === null) continue;
    const decision = decisions.conflicts[conflict.id];
    if (decision) decide(conflict, decision, false);
  }
  for (const conflict of own) {
    const decision = decisions.conflicts[conflict.id];
    if (conflict.field === null && decision) decide(conflict, decision, true);
  }
  // Undecided field conflicts of a deleted record: every side's value stays with the tombstone.
  for (const conflict of own) {
    if (conflict.field !== null && decisions.conflicts[conflict.id] === undefined) {
      keepOtherOptions(state, stamp, conflict, 'record-deleted');
    }
  }
}

/** Who brought the record: the return it was created from, else the lead's vault. */
function originOf(state: RecordState): Source | null {
  const created = state.provenance.find((p) => p.field === null && p.how === 'taken');
  const current = state.planned?.current;
  return created?.sources[0] ?? (current ? leadSide(current).source : null);
}

function foldDuplicates(
  states: Map<string, RecordState>,
  moved: ReadonlyMap<string, string>,
  stamp: Stamp,
) {
  const byId = new Map([...states.values()].map((s) => [s.id, s]));
  for (const [from, to] of moved) {
    const dropped = byId.get(from);
    const kept = byId.get(to);
    if (dropped === undefined || kept === undefined) continue;
    const source = originOf(dropped);
    if (source) {
      keep(
        dropped,
        stamp,
        { field: null, key: null, value: { ...dropped.data }, deleted: dropped.deleted },
        source,
        'duplicate',
      );
      note(
        kept,
        stamp,
        { field: null, key: from, how: 'merged-duplicate', sources: [source] },
        true,
      );
    }
    note(
      dropped,
      stamp,
      { field: null, key: to, how: 'merged-duplicate', sources: source ? [source] : [] },
      true,
    );
    dropped.deleted = true;
  }
  for (const state of states.values()) {
    const result = relink(state.table, state.data, moved);
    if (result.fields.length === 0) continue;
    state.data = { ...result.data };
    for (const field of result.fields)
      note(state, stamp, { field, key: null, how: 'relinked', sources: [] }, true);
  }
}

function mergeInfo(
  prior: RecordMergeInfo | undefined,
  state: RecordState,
  stamp: Stamp,
): RecordMergeInfo {
  const fresh = state.provenance.filter((p) => p.mergeId === stamp.mergeId);
  const slots = new Set(fresh.map((p) => `${p.field ?? ''}\u0000${p.key ?? ''}`));
  const kept: FieldProvenance[] = (prior?.provenance ?? []).filter(
    (p) => !slots.has(`${p.field ?? ''}\u0000${p.key ?? ''}`),
  );
  return { provenance: [...kept, ...fresh], losing: [...(prior?.losing ?? []), ...state.losing] };
}

function toWrite(
  state: RecordState,
  current: CurrentRecord | null,
  stamp: Stamp,
): RecordWrite | null {
  const unchanged =
    current !== null &&
    state.provenance.length === 0 &&
    state.losing.length === 0 &&
    state.deleted === current.deleted &&
    samePayload(state.data, current.data);
  if (unchanged) return null;
  return {
    table: state.table,
    id: state.id,
    expectedRev: current?.rev ?? null,
    rev: (current?.rev ?? 0) + 1,
    deleted: state.deleted,
    data: state.data,
    updatedAt: stamp.at,
    updatedBy: stamp.by,
    merge: mergeInfo(current?.merge, state, stamp),
  };
}

export async function resolveMerge(
  plan: MergePlan,
  decisions: MergeDecisions,
  options: EngineOptions = {},
): Promise<MergeResult> {
  const pacer = new Pacer(options);
  const stamp: Stamp = { mergeId: plan.mergeId, at: plan.at, by: plan.by };
  const problems: DecisionProblem[] = [];
  checkDecisions(plan, decisions, problems);
  const moved = movedIds(plan, decisions, problems);
  if (problems.length > 0) throw new MergeDecisionError(problems);

  const conflicts = new Map(plan.conflicts.map((c) => [c.id, c]));
  const states = new Map<string, RecordState>();
  const currentOf = new Map<string, CurrentRecord | null>();
  let done = 0;
  for (const planned of plan.records) {
    await pacer.step('resolve', ++done, plan.records.length);
    const state = stateOf(planned);
    resolveRecord(state, stamp, conflicts, decisions);
    const key = recordKey(planned.table, planned.id);
    states.set(key, state);
    currentOf.set(key, planned.current);
  }
  for (const record of plan.related) {
    const key = recordKey(record.table, record.id);
    if (states.has(key)) continue;
    states.set(key, {
      planned: null,
      table: record.table,
      id: record.id,
      data: { ...record.data },
      deleted: record.deleted,
      provenance: [],
      losing: [],
    });
    currentOf.set(key, record);
  }
  if (moved.size > 0) foldDuplicates(states, moved, stamp);

  const writes: RecordWrite[] = [];
  for (const [key, state] of states) {
    const write = toWrite(state, currentOf.get(key) ?? null, stamp);
    if (write === null) continue;
    const schema = schemaFor(options, write.table);
    const detail = schema && !write.deleted ? payloadProblem(schema, write.data) : null;
    if (detail !== null) {
      const text = DECISION_PROBLEMS.invalidResult(write.table, write.id, detail);
      problems.push({ code: 'invalid-result', ref: `${write.table}/${write.id}`, text });
    }
    writes.push(write);
  }
  pacer.finish('resolve', plan.records.length);
  if (problems.length > 0) throw new MergeDecisionError(problems);
  writes.sort((a, b) => {
    const ka = recordKey(a.table, a.id);
    const kb = recordKey(b.table, b.id);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return {
    mergeId: plan.mergeId,
    at: plan.at,
    by: plan.by,
    writes,
    merged: plan.packages
      .filter((p) => p.status === 'ready')
      .map((p) => ({ packageId: p.packageId, packageHash: p.packageHash, auditor: p.auditor })),
  };
}
