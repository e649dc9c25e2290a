/**
 * Writing records: validate, stamp id, revision, time and author, seal, and commit with one
 * activity entry. A single change and a batch take the same path, so a batch of 10,000 costs
 * one validation, one sealing pass and one transaction.
 */
import { z } from 'zod';
import type { ActivityAction, ActivityDraft } from '../../shared/domain/activity';
import {
  newRecordId,
  type RecordId,
  type RecordMeta,
  type Stored,
} from '../../shared/domain/records';
import { type BatchProblem, BatchValidationError } from './errors';
import { commit, type RowWrite } from './session-commit';
import { type RecordToSeal, sealRecordRows, type SessionCore } from './session-core';
import { type Payloads, type SealedRecordTable, tableSpec } from './tables';

/**
 * Records for one table in a batch. A new record may have its id chosen in advance; an item
 * with `expectedRev` replaces that revision of an existing record (and fails the whole batch
 * with a ConflictError if the record moved on since it was read).
 */
export type BatchItem<T extends SealedRecordTable> =
  | { id?: RecordId; expectedRev?: undefined; data: Payloads[T] }
  | { id: RecordId; expectedRev: number; data: Payloads[T] };
export type BatchGroup = {
  [T in SealedRecordTable]: { table: T; items: readonly BatchItem<T>[] };
}[SealedRecordTable];

/** How a batch is named in the activity trail. */
export interface BatchDraft {
  action: Extract<
    ActivityAction,
    'records.imported' | 'workpaper.imported' | 'signoff.signed' | 'inspection.unlocked'
  >;
  target?: ActivityDraft['target'];
  summary: string;
}

export function metaFor(
  core: SessionCore,
  id: RecordId,
  rev: number,
  deleted: boolean,
): RecordMeta {
  return { id, rev, updatedAt: core.now().toISOString(), updatedBy: core.actor, deleted };
}

export async function sealWrite(
  core: SessionCore,
  table: SealedRecordTable,
  records: readonly RecordToSeal[],
): Promise<RowWrite> {
  const rows = await sealRecordRows(core.keys(), core.vaultId, table, records);
  return {
    table,
    rows,
    records: records.map(({ meta, data }) => ({ ...data, ...meta })),
  };
}

/** One record created, updated or deleted (a tombstone), with its trail entry. */
export async function writeOne<T extends SealedRecordTable>(
  core: SessionCore,
  table: T,
  id: RecordId,
  expectedRev: number | null,
  data: Payloads[T],
  deleted: boolean,
  summary: string,
): Promise<Stored<Payloads[T]>> {
  const valid = tableSpec(table).schema.parse(data) as object;
  const meta = metaFor(core, id, (expectedRev ?? 0) + 1, deleted);
  const write = await sealWrite(core, table, [{ meta, data: valid }]);
  const action =
    expectedRev === null ? 'record.created' : deleted ? 'record.deleted' : 'record.updated';
  await commit(core, { action, target: { table, id }, summary }, [write]);
  return write.records[0] as Stored<Payloads[T]>;
}

/**
 * Creates and updates records in several tables in one transaction: all or none, one trail
 * entry. Every item is validated first and the errors name the item's position.
 */
export async function writeBatch(
  core: SessionCore,
  groups: readonly BatchGroup[],
  draft: BatchDraft,
): Promise<Stored<object>[][]> {
  core.keys();
  const updatedAt = core.now().toISOString();
  const problems: BatchProblem[] = [];
  const prepared = groups.map((group) => {
    const schema = tableSpec(group.table).schema as z.ZodType<object>;
    return group.items.flatMap((item, index): RecordToSeal[] => {
      const parsed = schema.safeParse(item.data);
      if (!parsed.success) {
        problems.push({ index, message: z.prettifyError(parsed.error) });
        return [];
      }
      const meta: RecordMeta = {
        id: item.id ?? newRecordId(),
        rev: (item.expectedRev ?? 0) + 1,
        updatedAt,
        updatedBy: core.actor,
        deleted: false,
      };
      return [{ meta, data: parsed.data }];
    });
  });
  if (problems.length > 0) {
    throw new BatchValidationError(groups.map((g) => g.table).join(', '), problems);
  }
  const writes = await Promise.all(
    groups.map((group, g) => sealWrite(core, group.table, prepared[g] ?? [])),
  );
  const counts = writes.map((w) => `${w.table}: ${w.rows.length}`).join(', ');
  await commit(
    core,
    { action: draft.action, target: draft.target ?? null, summary: `${counts} · ${draft.summary}` },
    writes,
  );
  return writes.map((write) => [...write.records]);
}
