/**
 * Step 3: the records to write, validated with the domain schemas, for the caller to commit in
 * one transaction (`VaultSession.writeBatch`, which refuses the whole batch if any record moved
 * past its expected revision in the meantime). Pure: nothing is stored here.
 *
 * Rules, so the diff screen can say what will happen:
 * - a change is taken unless it is a conflict; a conflict is taken only when the user chose the
 *   file's value (`takeFromFile`), otherwise the vault's value stays;
 * - a record with any change in error, or that fails the domain schema with the changes taken,
 *   is skipped as a whole (`skipped`): half a record's edits could leave it inconsistent (a
 *   finding closed without its closing date);
 * - a checklist row exported without a record creates one (`id: null`, `expectedRev: null`).
 */
import type { Bilingual } from '../../domain/inspection/text';
import type { StoredFinding, StoredItemResult } from '../../domain/inspections';
import type { RecordId } from '../../domain/records';
import { validateRecord, type FieldChange, type RecordDiff, type WorkpaperDiff } from './diff';
import { SKIPPED, type Issue } from './messages';

export interface ApplyOptions {
  /** Keys (`FieldChange.key`) of conflicting changes to take from the file. */
  takeFromFile?: Iterable<string>;
}

/** An update (with the revision it was read at) or, for a new checklist result, a creation. */
export type BatchItemOf<T> = { id: RecordId; expectedRev: number; data: T } | { data: T };

export type RecordWrite =
  | {
      table: 'itemResults';
      id: RecordId | null;
      expectedRev: number | null;
      data: StoredItemResult;
      /** The fields it changes, for the activity summary. */
      fields: string[];
      record: RecordDiff;
    }
  | {
      table: 'findings';
      id: RecordId;
      expectedRev: number;
      data: StoredFinding;
      fields: string[];
      record: RecordDiff;
    };

export interface AppliedEdits {
  writes: RecordWrite[];
  /**
   * The same writes grouped by table, in the shape of `VaultSession.writeBatch`'s groups
   * (tables without writes left out), to commit in one transaction with the action
   * `workpaper.imported`.
   */
  groups: (
    | { table: 'itemResults'; items: BatchItemOf<StoredItemResult>[] }
    | { table: 'findings'; items: BatchItemOf<StoredFinding>[] }
  )[];
  /** Records left out, with their problems. */
  skipped: { record: RecordDiff; message: Bilingual; issues: Issue[] }[];
  counts: { created: number; updated: number; fields: number; skipped: number };
}

function recordIssues(record: RecordDiff): Issue[] {
  return [...record.changes.flatMap((c) => c.errors), ...record.errors];
}

/** The records to write for a diff, and those left out. */
export function applyWorkpaperEdits(diff: WorkpaperDiff, options: ApplyOptions = {}): AppliedEdits {
  const chosen = new Set(options.takeFromFile ?? []);
  const take = (change: FieldChange) => change.conflict === null || chosen.has(change.key);
  const writes: RecordWrite[] = [];
  const skipped: AppliedEdits['skipped'] = [];

  for (const record of diff.records) {
    if (record.changes.some((c) => c.errors.length > 0)) {
      skipped.push({ record, message: SKIPPED.invalid, issues: recordIssues(record) });
      continue;
    }
    const taken = record.changes.filter(take);
    if (taken.length === 0) continue;
    const validation = validateRecord(record, take);
    if (!validation.ok) {
      skipped.push({
        record,
        message: SKIPPED.invalid,
        issues: validation.issues.map((i) => i.issue),
      });
      continue;
    }
    const fields = taken.map((c) => c.field);
    if (record.table === 'itemResults') {
      writes.push({
        table: 'itemResults',
        id: record.id,
        expectedRev: record.id === null ? null : record.currentRev,
        data: validation.data as StoredItemResult,
        fields,
        record,
      });
    } else {
      writes.push({
        table: 'findings',
        id: record.id,
        expectedRev: record.currentRev,
        data: validation.data as StoredFinding,
        fields,
        record,
      });
    }
  }

  const itemOf = <T>(id: RecordId | null, expectedRev: number | null, data: T): BatchItemOf<T> =>
    id === null || expectedRev === null ? { data } : { id, expectedRev, data };
  const results = writes.flatMap((w) =>
    w.table === 'itemResults' ? [itemOf(w.id, w.expectedRev, w.data)] : [],
  );
  const findings = writes.flatMap((w) =>
    w.table === 'findings' ? [itemOf(w.id, w.expectedRev, w.data)] : [],
  );
  const groups: AppliedEdits['groups'] = [];
  if (results.length > 0) groups.push({ table: 'itemResults', items: results });
  if (findings.length > 0) groups.push({ table: 'findings', items: findings });

  return {
    writes,
    groups,
    skipped,
    counts: {
      created: writes.filter((w) => w.id === null).length,
      updated: writes.filter((w) => w.id !== null).length,
      fields: writes.reduce((n, w) => n + w.fields.length, 0),
      skipped: skipped.length,
    },
  };
}
