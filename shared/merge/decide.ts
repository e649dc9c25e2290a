/**
 * The lead's decisions applied to one planned record. Every value that does not end up in the
 * record is kept with it as a losing value, with its source and the reason, so it can be
 * looked at and restored later: the options not picked, the edits of a record whose deletion
 * was kept, the deletion the lead overruled.
 */
import { changeIdentity } from './history';
import type {
  Conflict,
  ConflictDecision,
  ConflictOption,
  FieldProvenance,
  LosingReason,
  LosingValue,
  Payload,
  PlannedRecord,
  ProvenanceHow,
  Side,
  Source,
  Stamp,
} from './types';
import { fingerprint, ownValue } from './values';

/** A record being resolved: starts as planned, ends as written. */
export interface RecordState {
  planned: PlannedRecord | null;
  table: string;
  id: string;
  data: Record<string, unknown>;
  deleted: boolean;
  provenance: FieldProvenance[];
  losing: LosingValue[];
}

export function stateOf(planned: PlannedRecord): RecordState {
  return {
    planned,
    table: planned.table,
    id: planned.id,
    data: { ...planned.data },
    deleted: planned.deleted,
    provenance: [...planned.provenance],
    losing: [...planned.losing],
  };
}

export function note(
  state: RecordState,
  stamp: Stamp,
  entry: { field: string | null; key: string | null; how: ProvenanceHow; sources: Source[] },
  decided: boolean,
) {
  // One entry per field (or entry) and merge: a decision replaces what the rules noted.
  state.provenance = state.provenance.filter(
    (p) => !(p.field === entry.field && p.key === entry.key && p.mergeId === stamp.mergeId),
  );
  state.provenance.push({
    ...entry,
    mergeId: stamp.mergeId,
    mergedAt: stamp.at,
    mergedBy: stamp.by,
    decidedBy: decided ? stamp.by : null,
  });
}

export function keep(
  state: RecordState,
  stamp: Stamp,
  entry: { field: string | null; key: string | null; value: unknown; deleted: boolean },
  source: Source,
  reason: LosingReason,
) {
  const { value, ...rest } = entry;
  state.losing.push({
    ...rest,
    ...(value === undefined ? {} : { value }),
    source,
    reason,
    mergeId: stamp.mergeId,
    mergedAt: stamp.at,
    decidedBy: stamp.by,
  });
}

function fieldValue(state: RecordState, field: string, key: string | null): unknown {
  const value = ownValue(state.data, field);
  if (key === null) return value;
  return typeof value === 'object' && value !== null ? ownValue(value as Payload, key) : undefined;
}

function without(map: Readonly<Record<string, unknown>>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(map).filter(([name]) => name !== key));
}

function setField(state: RecordState, field: string, key: string | null, value: unknown) {
  if (key === null) {
    if (value === undefined) state.data = without(state.data, field);
    else state.data[field] = value;
    return;
  }
  const held = ownValue(state.data, field);
  const map = typeof held === 'object' && held !== null ? (held as Record<string, unknown>) : {};
  state.data[field] = value === undefined ? without(map, key) : { ...map, [key]: value };
}

/** Keeps every option whose value is not the field's value now. */
export function keepOtherOptions(
  state: RecordState,
  stamp: Stamp,
  conflict: Conflict,
  reason: LosingReason,
) {
  const field = conflict.field ?? '';
  const now = fingerprint(fieldValue(state, field, conflict.key));
  for (const option of conflict.options) {
    if (fingerprint(option.value) === now) continue;
    for (const source of option.sources) {
      const entry = { field, key: conflict.key, value: option.value, deleted: false };
      keep(state, stamp, entry, source, reason);
    }
  }
}

export function applyFieldDecision(
  state: RecordState,
  stamp: Stamp,
  conflict: Conflict,
  decision: ConflictDecision,
  picked: ConflictOption | undefined,
) {
  const field = conflict.field ?? '';
  const value = 'pick' in decision ? picked?.value : decision.value;
  setField(state, field, conflict.key, value);
  const how = 'pick' in decision ? 'picked' : 'edited';
  const sources =
    'pick' in decision ? (picked?.sources ?? []) : conflict.options.flatMap((o) => o.sources);
  note(state, stamp, { field, key: conflict.key, how, sources }, true);
  keepOtherOptions(state, stamp, conflict, 'not-picked');
}

function sidesOf(state: RecordState, sources: readonly Source[]): Side[] {
  const wanted = new Set(sources.map(changeIdentity));
  return (state.planned?.sides ?? []).filter((side) => wanted.has(changeIdentity(side.source)));
}

/** Keeps each side's whole state (record-level), as it lost. */
function keepSides(state: RecordState, stamp: Stamp, sides: readonly Side[], reason: LosingReason) {
  for (const side of sides) {
    const entry = { field: null, key: null, value: side.data, deleted: side.deleted };
    keep(state, stamp, entry, side.source, reason);
  }
}

export function applyRecordDecision(
  state: RecordState,
  stamp: Stamp,
  conflict: Conflict,
  decision: ConflictDecision,
  picked: ConflictOption | undefined,
) {
  const losers = conflict.options.filter((option) => option !== picked);
  const lostSides = sidesOf(
    state,
    losers.flatMap((o) => o.sources),
  );
  if (conflict.kind === 'delete-edit') {
    state.deleted = picked?.deleted ?? state.deleted;
    note(
      state,
      stamp,
      { field: null, key: null, how: 'picked', sources: picked?.sources ?? [] },
      true,
    );
    keepSides(state, stamp, lostSides, state.deleted ? 'record-deleted' : 'deletion-undone');
    return;
  }
  // An invalid combination: one side's whole record, or the lead's own.
  if ('pick' in decision && picked) {
    state.data = { ...(picked.value as Payload) };
    state.deleted = picked.deleted;
    note(state, stamp, { field: null, key: null, how: 'picked', sources: picked.sources }, true);
    keepSides(state, stamp, lostSides, 'not-picked');
    return;
  }
  const value = 'value' in decision ? decision.value : undefined;
  state.data = { ...(value as Payload) };
  state.deleted = false;
  const sources = conflict.options.flatMap((o) => o.sources);
  note(state, stamp, { field: null, key: null, how: 'edited', sources }, true);
  const now = fingerprint(state.data);
  keepSides(
    state,
    stamp,
    sidesOf(state, sources).filter((side) => side.deleted || fingerprint(side.data) !== now),
    'not-picked',
  );
}
