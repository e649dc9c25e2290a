/**
 * The merge engine's inputs and outputs: plain data (structured-clone and JSON friendly), so
 * a worker can compute a plan, the UI can show it, and the CLI can write it as a report. The
 * engine knows nothing of how records are stored: the caller hands it records as
 * `{ table, id, rev, deleted, data }` and gets back the records to write.
 */
import { z } from 'zod';
import type { Bilingual } from '../domain/inspection/text';

/** A record's payload: its fields without the metadata (what `Stored<T>` adds). */
export type Payload = Readonly<Record<string, unknown>>;

/** One record as the lead handed it out. Tombstones keep their last payload, as the vault does. */
export interface BaseRecord {
  table: string;
  id: string;
  rev: number;
  deleted: boolean;
  data: Payload;
}

/** The records as the lead handed them out (one hand-out round), named by `id`. */
export interface MergeBase {
  /** Identifies the snapshot the hand-out packages were written from; returns name it. */
  id: string;
  records: readonly BaseRecord[];
}

/** One record in the lead's vault now. */
export interface CurrentRecord extends BaseRecord {
  updatedAt: string;
  updatedBy: string;
  /** What earlier merges recorded on this record (provenance, kept losing values). */
  merge?: RecordMergeInfo | undefined;
}

/** A return package already merged into the vault, so it is recognised if it comes again. */
export interface MergedPackage {
  packageId: string;
  packageHash: string;
}

/** The lead's vault as it is now. */
export interface CurrentState {
  records: readonly CurrentRecord[];
  mergedPackages: readonly MergedPackage[];
}

/** A record an auditor created, changed or deleted since the base. */
export interface RecordChange {
  table: string;
  id: string;
  /** The base revision it started from; null for a record created since the base. */
  baseRev: number | null;
  /** True for a deletion (a tombstone); `data` is then the payload as it was deleted. */
  deleted: boolean;
  data: Payload;
  updatedAt: string;
  updatedBy: string;
}

/** What one auditor sent back. */
export interface ReturnPackage {
  packageId: string;
  /** The package's content hash (hex SHA-256), checked by whoever read the package. */
  packageHash: string;
  auditor: string;
  /** The base (`MergeBase.id`) the auditor's package was made from. */
  baseId: string;
  changes: readonly RecordChange[];
}

export interface MergeInput {
  base: MergeBase;
  current: CurrentState;
  returns: readonly ReturnPackage[];
}

// ——— Provenance and kept losing values (stored with each record) ———

/** Where a value came from: a return package, or the lead's own vault (`packageId` null). */
export interface Source {
  packageId: string | null;
  packageHash: string | null;
  auditor: string;
  updatedAt: string;
  updatedBy: string;
}

/**
 * How a value was decided: `taken` (changed on one side, or on several to the same value),
 * `auto-merged` (text or id sets combined), `picked` and `edited` (the lead's decision on a
 * conflict), `merged-duplicate` (a likely duplicate folded into this record), `relinked` (a
 * reference moved from a merged-away duplicate to the record kept).
 */
export const PROVENANCE_HOWS = [
  'taken',
  'auto-merged',
  'picked',
  'edited',
  'merged-duplicate',
  'relinked',
] as const;
export type ProvenanceHow = (typeof PROVENANCE_HOWS)[number];

export interface FieldProvenance {
  /** The payload field; null for the record as a whole (created, deleted, kept). */
  field: string | null;
  /** For map fields (e.g. a policy review's elements): the entry's key. */
  key: string | null;
  how: ProvenanceHow;
  sources: Source[];
  /** The merge that decided it and who ran it (the lead). */
  mergeId: string;
  mergedAt: string;
  mergedBy: string;
  /** For `picked` and `edited`: who decided (the lead); null when the rules decided. */
  decidedBy: string | null;
}

/**
 * Why a value lost: `not-picked` (the lead kept another side of a conflict), `auto-merged`
 * (kept as each side wrote it next to the combined value), `record-deleted` (edits of a
 * record whose deletion was kept), `deletion-undone` (a deletion the lead overruled),
 * `duplicate` (a record merged into another).
 */
export const LOSING_REASONS = [
  'not-picked',
  'auto-merged',
  'record-deleted',
  'deletion-undone',
  'duplicate',
] as const;
export type LosingReason = (typeof LOSING_REASONS)[number];

/** A value that is not in the record any more, kept so it can be looked at and restored. */
export interface LosingValue {
  field: string | null;
  key: string | null;
  /**
   * The value (absent: the field was removed). For a record-level entry (`field` null): the
   * side's whole payload.
   */
  value?: unknown;
  /** For a record-level entry: whether that side had the record deleted. */
  deleted: boolean;
  source: Source;
  reason: LosingReason;
  mergeId: string;
  mergedAt: string;
  decidedBy: string | null;
}

export interface RecordMergeInfo {
  provenance: FieldProvenance[];
  losing: LosingValue[];
}

// Schemas for the vault (or a package) to check merge info it reads back.
const sourceSchema = z.object({
  packageId: z.string().max(200).nullable(),
  packageHash: z.string().max(200).nullable(),
  auditor: z.string().max(200),
  updatedAt: z.string().max(50),
  updatedBy: z.string().max(200),
});

export const recordMergeInfoSchema = z.object({
  provenance: z.array(
    z.object({
      field: z.string().max(200).nullable(),
      key: z.string().max(500).nullable(),
      how: z.enum(PROVENANCE_HOWS),
      sources: z.array(sourceSchema).max(1000),
      mergeId: z.string().max(200),
      mergedAt: z.string().max(50),
      mergedBy: z.string().max(200),
      decidedBy: z.string().max(200).nullable(),
    }),
  ),
  losing: z.array(
    z.object({
      field: z.string().max(200).nullable(),
      key: z.string().max(500).nullable(),
      value: z.unknown().optional(),
      deleted: z.boolean(),
      source: sourceSchema,
      reason: z.enum(LOSING_REASONS),
      mergeId: z.string().max(200),
      mergedAt: z.string().max(50),
      decidedBy: z.string().max(200).nullable(),
    }),
  ),
}) satisfies z.ZodType<RecordMergeInfo>;

// ——— The plan ———

/** A problem with one return package, which refuses it (it contributes nothing). */
export interface PackageProblem {
  code:
    | 'other-base'
    | 'reissued'
    | 'unknown-table'
    | 'record-twice'
    | 'base-rev-mismatch'
    | 'created-exists'
    | 'invalid-record';
  text: Bilingual;
  table?: string;
  id?: string;
}

export type PackageStatus = 'ready' | 'already-merged' | 'repeated' | 'refused';
export type RecordEffect = 'added' | 'changed' | 'deleted' | 'identical';

export interface PackagePlan {
  packageId: string;
  packageHash: string;
  auditor: string;
  status: PackageStatus;
  problems: PackageProblem[];
  counts: Record<RecordEffect, number> & { conflicts: number };
  /** What each of the package's records does, in the package's order. */
  records: { table: string; id: string; effect: RecordEffect }[];
  /**
   * Changes the merge never takes from a return (`LEAD_ONLY_TABLES`: whom the engagement
   * trusts to sign is the lead's decision, in the lead's vault), listed so the lead sees them.
   */
  ignored: { table: string; id: string }[];
}

/** One value a conflict can be resolved to, with every side that holds it. */
export interface ConflictOption {
  /** Stable: 'lead' or the package id of the first side holding this value. */
  id: string;
  /** Absent: the field is not set. For a record-level conflict: the side's payload. */
  value?: unknown;
  deleted: boolean;
  sources: Source[];
}

/**
 * `field`: a field changed on several sides to different values (or text edits that
 * overlap). `delete-edit`: one side deleted the record, another edited it. `invalid`: every
 * field merged, but the combination breaks one of the record's rules (the schema), so the
 * lead picks one side's whole record or writes one.
 */
export type ConflictKind = 'field' | 'delete-edit' | 'invalid';

export interface Conflict {
  /** Stable across plans of the same inputs: `table/id/field[/key]`, `table/id#deleted`, `table/id#invalid`. */
  id: string;
  kind: ConflictKind;
  table: string;
  recordId: string;
  field: string | null;
  key: string | null;
  /** The base value (absent: not in the base); for a record-level conflict the base payload. */
  base?: unknown;
  baseDeleted: boolean | null;
  options: ConflictOption[];
  /** For text: every side's text with the overlapping parts one after the other, to start an edit from. */
  suggestion?: string;
  /** For `invalid`: what the schema said of the combined record. */
  message?: string;
}

export interface DuplicateGroup {
  /** Stable: `table/smallest id`. */
  id: string;
  table: string;
  /** Two or more records that look like the same thing, sorted by id. */
  recordIds: string[];
  /** Why, by field names only (never the values: they may be personal data). */
  reasons: (
    { kind: 'same-key'; fields: string[] } | { kind: 'similar-text'; similarity: number }
  )[];
}

/** One side of a record in the merge: the lead's vault now (`key` 'lead') or one return. */
export interface Side {
  /** 'lead' or the package id: names the side's option in a conflict. */
  key: string;
  lead: boolean;
  source: Source;
  deleted: boolean;
  data: Payload;
}

/** A record the merge would write, before decisions. */
export interface PlannedRecord {
  table: string;
  id: string;
  current: CurrentRecord | null;
  base: BaseRecord | null;
  /** The payload with every rule applied; conflicting fields still hold the lead's value. */
  data: Payload;
  deleted: boolean;
  provenance: FieldProvenance[];
  losing: LosingValue[];
  conflictIds: string[];
  /** Every side's state, kept only for a record-level conflict (deletion, invalid combination). */
  sides?: Side[];
}

export interface MergePlan {
  mergeId: string;
  baseId: string;
  at: string;
  by: string;
  packages: PackagePlan[];
  records: PlannedRecord[];
  conflicts: Conflict[];
  duplicates: DuplicateGroup[];
  /**
   * Records of the vault the plan does not write but a duplicate decision may: members of a
   * duplicate group, and records that reference one (moved to the record kept).
   */
  related: CurrentRecord[];
}

// ——— Decisions and the result ———

export type ConflictDecision = { pick: string } | { value: unknown };
export type DuplicateDecision = { action: 'keep-all' } | { action: 'merge'; keep: string };

export interface MergeDecisions {
  /** By conflict id. Every conflict needs one. */
  conflicts: Readonly<Record<string, ConflictDecision>>;
  /** By duplicate group id; a group without a decision keeps all its records. */
  duplicates?: Readonly<Record<string, DuplicateDecision>>;
}

/** One record to write, all in one transaction. */
export interface RecordWrite {
  table: string;
  id: string;
  /** The revision the vault must still hold (optimistic check); null: a new record. */
  expectedRev: number | null;
  rev: number;
  deleted: boolean;
  data: Payload;
  updatedAt: string;
  updatedBy: string;
  merge: RecordMergeInfo;
}

export interface MergeResult {
  mergeId: string;
  at: string;
  by: string;
  writes: RecordWrite[];
  /** The packages merged now, for the vault to remember and the trail entry to name. */
  merged: (MergedPackage & { auditor: string })[];
}

// ——— Options ———

export interface MergeProgress {
  phase: 'index' | 'compare' | 'duplicates' | 'resolve';
  done: number;
  total: number | null;
}

/** Anything with zod's `safeParse` (the tables' payload schemas). */
export interface PayloadSchema {
  safeParse(data: unknown): { success: true } | { success: false; error: z.ZodError };
}

export interface EngineOptions {
  /**
   * The tables' payload schemas. Given, the engine refuses a return whose records fail them or
   * name an unknown table, raises a conflict for a merged record that breaks them, and checks
   * every record it gives to write; not given, the caller must validate before writing.
   */
  schemas?: Readonly<Record<string, PayloadSchema>>;
  onProgress?: (progress: MergeProgress) => void;
  signal?: AbortSignal;
}

/** Which merge, when, and by whom: written into every provenance entry and record it makes. */
export interface Stamp {
  mergeId: string;
  at: string;
  by: string;
}

export interface PlanOptions extends EngineOptions {
  /** Identifies this merge in provenance and the trail (a UUIDv7, say). */
  mergeId: string;
  /** When and by whom (the lead) the merge is done; written into provenance and the records. */
  at: string;
  by: string;
}
