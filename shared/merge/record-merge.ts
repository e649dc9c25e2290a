/**
 * The three-way rule for one record: every side (the lead's vault now, then each return that
 * touched the record) against the base, field by field. A field changed on no side keeps the
 * base; on one side, or on several to the same value, takes that value; on several to
 * different values it is a conflict, unless the field is text whose edits do not overlap or a
 * set of ids (then they combine). The record's deletion is decided the same way, except that a
 * deletion against an edit on another side is always a conflict.
 */
import type { FieldKind, TablePolicy } from './policy';
import { fieldKind } from './policy';
import { combine } from './combine';
import type {
  BaseRecord,
  Conflict,
  ConflictOption,
  CurrentRecord,
  FieldProvenance,
  LosingValue,
  RecordEffect,
  Side,
  Source,
  Stamp,
} from './types';
import { fieldNames, ownValue, samePayload, sameValue } from './values';
import { MergeHistory, changeIdentity } from './history';

export interface RecordInput {
  table: string;
  id: string;
  rules: TablePolicy;
  base: BaseRecord | null;
  current: CurrentRecord | null;
  /** The returns' sides, in the engine's order (by package hash). */
  returns: readonly Side[];
  stamp: Stamp;
}

export interface RecordOutcome {
  data: Record<string, unknown>;
  deleted: boolean;
  provenance: FieldProvenance[];
  losing: LosingValue[];
  conflicts: Conflict[];
  sides: Side[];
  /** How many sides' values went into the record (two or more: check the combination). */
  contributors: number;
  /** For each of `input.returns`: what it does to the lead's vault. */
  effects: RecordEffect[];
}

interface Group {
  value: unknown;
  sides: number[];
}

export function leadSide(current: CurrentRecord): Side {
  return {
    key: 'lead',
    lead: true,
    source: {
      packageId: null,
      packageHash: null,
      auditor: current.updatedBy,
      updatedAt: current.updatedAt,
      updatedBy: current.updatedBy,
    },
    deleted: current.deleted,
    data: current.data,
  };
}

/** A return's record as the base had it (a re-imported row, a revision bumped for nothing). */
function isNoOp(side: Side, base: BaseRecord | null): boolean {
  return base !== null && side.deleted === base.deleted && samePayload(side.data, base.data);
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class RecordMerger {
  readonly sides: Side[];
  private readonly identities: string[];
  private readonly history: MergeHistory;
  private readonly changed: boolean[];
  private readonly used: boolean[];
  /** The side holds something the lead's vault does not have yet. */
  private readonly brings: boolean[];
  /** For each side, its index in `input.returns` (-1: the lead). */
  private readonly origin: number[];
  readonly provenance: FieldProvenance[] = [];
  readonly losing: LosingValue[] = [];
  readonly conflicts: Conflict[] = [];

  constructor(private readonly input: RecordInput) {
    this.history = new MergeHistory(input.current?.merge);
    const kept = input.returns
      .map((side, index) => ({ side, index }))
      .filter(({ side }) => !isNoOp(side, input.base) && !this.lostBefore(side));
    const lead = input.current ? [{ side: leadSide(input.current), index: -1 }] : [];
    this.sides = [...lead, ...kept].map((entry) => entry.side);
    this.origin = [...lead, ...kept].map((entry) => entry.index);
    this.identities = this.sides.map((side) => changeIdentity(side.source));
    this.changed = this.sides.map(() => false);
    this.used = this.sides.map(() => false);
    this.brings = this.sides.map(() => false);
  }

  private lostBefore(side: Side): boolean {
    return (
      !this.history.empty &&
      this.history.recordLost(changeIdentity(side.source), side.deleted, side.data)
    );
  }

  run(): RecordOutcome {
    const { base, rules } = this.input;
    const data: Record<string, unknown> = {};
    for (const field of fieldNames([base?.data, ...this.sides.map((side) => side.data)])) {
      const baseValue = ownValue(base?.data, field);
      const values = this.sides.map((side) => ownValue(side.data, field));
      const kind = fieldKind(rules, field);
      const value =
        kind === 'map' && [baseValue, ...values].every((v) => v === undefined || isMap(v))
          ? this.mergeMap(field, baseValue, values)
          : this.mergeField(field, null, kind, baseValue, values);
      if (value !== undefined) data[field] = value;
    }
    const deleted = this.mergeDeletion();
    return {
      effects: this.effects(),
      data,
      deleted,
      provenance: this.provenance,
      losing: this.losing,
      conflicts: this.conflicts,
      sides: this.sides,
      contributors: this.used.filter(Boolean).length,
    };
  }

  private mergeMap(field: string, baseValue: unknown, values: readonly unknown[]): unknown {
    const maps = values.map((v) => (isMap(v) ? v : undefined));
    const baseMap = isMap(baseValue) ? baseValue : undefined;
    const result: Record<string, unknown> = {};
    for (const key of fieldNames([baseMap, ...maps])) {
      const merged = this.mergeField(
        field,
        key,
        'value',
        ownValue(baseMap, key),
        maps.map((map) => ownValue(map, key)),
      );
      if (merged !== undefined) result[key] = merged;
    }
    const everywhereAbsent = baseValue === undefined && values.every((v) => v === undefined);
    return everywhereAbsent ? undefined : result;
  }

  /** The value of one field (or map entry) after the rule; records provenance and conflicts. */
  private mergeField(
    field: string,
    key: string | null,
    kind: FieldKind,
    baseValue: unknown,
    values: readonly unknown[],
  ): unknown {
    const groups = this.groupChanges(field, key, baseValue, values);
    const [only] = groups;
    if (only === undefined) return baseValue;
    if (groups.length === 1) {
      this.take(only.sides);
      // The lead's vault already holding the value is not news; and a record new to the vault
      // is noted once, as a whole (its fields came from those who created it).
      if (!this.leadIn(only.sides) && !this.isNew) this.note(field, key, 'taken', only.sides);
      return only.value;
    }
    const combined = combine(
      kind,
      baseValue,
      groups.map((g) => g.value),
    );
    if (combined.ok) {
      for (const group of groups) this.take(group.sides);
      this.note(
        field,
        key,
        'auto-merged',
        groups.flatMap((g) => g.sides),
      );
      for (const group of groups) this.keepLosing(field, key, group, 'auto-merged');
      return combined.value;
    }
    this.raise(field, key, baseValue, groups, combined.suggestion);
    // Until the lead decides, the lead's value stands (or, for a new record, the first side's).
    return this.input.current ? values[0] : groups[0]?.value;
  }

  private groupChanges(
    field: string,
    key: string | null,
    baseValue: unknown,
    values: readonly unknown[],
  ): Group[] {
    const groups: Group[] = [];
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      // Most fields are unchanged strings: compared directly, canonical JSON only for objects.
      if (sameValue(value, baseValue)) continue;
      const side = this.sides[i];
      const identity = this.identities[i] ?? '';
      if (side && !side.lead && this.history.fieldSettled(identity, field, key, value)) continue;
      this.changed[i] = true;
      const group = groups.find((g) => sameValue(g.value, value));
      if (group) group.sides.push(i);
      else groups.push({ value, sides: [i] });
    }
    // With the lead's vault as side 0, a group without it holds what the vault lacks.
    for (const group of groups) {
      if (this.input.current && group.sides[0] === 0) continue;
      for (const i of group.sides) this.brings[i] = true;
    }
    return groups;
  }

  private effects(): RecordEffect[] {
    const { current } = this.input;
    const effects: RecordEffect[] = this.input.returns.map(() => 'identical');
    this.sides.forEach((side, i) => {
      const index = this.origin[i] ?? -1;
      if (index < 0 || !this.brings[i]) return;
      effects[index] =
        side.deleted && !(current?.deleted ?? false) ? 'deleted' : current ? 'changed' : 'added';
    });
    return effects;
  }

  private mergeDeletion(): boolean {
    const { base, current } = this.input;
    const unsettled = (i: number) => {
      const side = this.sides[i];
      return (
        side !== undefined &&
        (side.lead || !this.history.recordStateSettled(this.identities[i] ?? ''))
      );
    };
    const indexes = this.sides.map((_, i) => i).filter(unsettled);
    const deleting = indexes.filter(
      (i) => this.sides[i]?.deleted === true && base?.deleted !== true,
    );
    const proposed = current?.deleted ?? base?.deleted ?? false;
    const bringState = (list: readonly number[], deleted: boolean) => {
      if (current?.deleted !== deleted) for (const i of list) this.brings[i] = true;
    };
    if (deleting.length > 0) {
      bringState(deleting, true);
      const editors = this.sides
        .map((_, i) => i)
        .filter((i) => this.sides[i]?.deleted === false && this.changed[i]);
      if (editors.length > 0) {
        this.raiseDeleteEdit(deleting, editors);
        return proposed;
      }
      if (!this.leadIn(deleting)) this.note(null, null, 'taken', deleting);
      return true;
    }
    // Restored (the base had it deleted) or created since the base: who made it live.
    const live = indexes.filter(
      (i) => this.sides[i]?.deleted === false && (base === null ? current === null : base.deleted),
    );
    if (live.length > 0 && !this.leadIn(live)) {
      bringState(live, false);
      this.note(null, null, 'taken', live);
      return false;
    }
    return proposed;
  }

  private get isNew(): boolean {
    return this.input.base === null && this.input.current === null;
  }

  private leadIn(sides: readonly number[]): boolean {
    return sides.some((i) => this.sides[i]?.lead === true);
  }

  private take(sides: readonly number[]) {
    for (const i of sides) this.used[i] = true;
  }

  private sourcesOf(indexes: readonly number[]): Source[] {
    return indexes.flatMap((i) => {
      const side = this.sides[i];
      return side ? [side.source] : [];
    });
  }

  private note(
    field: string | null,
    key: string | null,
    how: 'taken' | 'auto-merged',
    sides: readonly number[],
  ) {
    const { mergeId, at, by } = this.input.stamp;
    this.provenance.push({
      field,
      key,
      how,
      sources: this.sourcesOf(sides),
      mergeId,
      mergedAt: at,
      mergedBy: by,
      decidedBy: null,
    });
  }

  private keepLosing(field: string, key: string | null, group: Group, reason: 'auto-merged') {
    const { mergeId, at } = this.input.stamp;
    for (const source of this.sourcesOf(group.sides)) {
      this.losing.push({
        field,
        key,
        ...(group.value === undefined ? {} : { value: group.value }),
        deleted: false,
        source,
        reason,
        mergeId,
        mergedAt: at,
        decidedBy: null,
      });
    }
  }

  private option(sides: readonly number[], deleted: boolean, value?: unknown): ConflictOption {
    const first = this.sides[sides[0] ?? 0];
    return {
      id: first?.key ?? 'lead',
      ...(value === undefined ? {} : { value }),
      deleted,
      sources: this.sourcesOf(sides),
    };
  }

  private conflictId(suffix: string) {
    return `${this.input.table}/${this.input.id}${suffix}`;
  }

  private raise(
    field: string,
    key: string | null,
    baseValue: unknown,
    groups: readonly Group[],
    suggestion?: string,
  ) {
    const { base } = this.input;
    this.conflicts.push({
      id: this.conflictId(`/${field}${key === null ? '' : `/${key}`}`),
      kind: 'field',
      table: this.input.table,
      recordId: this.input.id,
      field,
      key,
      ...(baseValue === undefined ? {} : { base: baseValue }),
      baseDeleted: base ? base.deleted : null,
      options: groups.map((group) => this.option(group.sides, false, group.value)),
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  }

  private raiseDeleteEdit(deleting: readonly number[], editors: readonly number[]) {
    const { base } = this.input;
    const options = [this.option(deleting, true), this.option(editors, false)];
    // Sides in the engine's order, so the lead's option comes first when the lead took part.
    if ((editors[0] ?? 0) < (deleting[0] ?? 0)) options.reverse();
    this.conflicts.push({
      id: this.conflictId('#deleted'),
      kind: 'delete-edit',
      table: this.input.table,
      recordId: this.input.id,
      field: null,
      key: null,
      ...(base ? { base: base.data } : {}),
      baseDeleted: base ? base.deleted : null,
      options,
    });
  }
}

export function mergeRecord(input: RecordInput): RecordOutcome {
  return new RecordMerger(input).run();
}
