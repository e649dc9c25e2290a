/**
 * Writing records exactly as given: id, revision, tombstone, time and author chosen by the
 * caller, with any number of evidence files, in one transaction with one trail entry. Team
 * work needs it twice: a hand-out package opened into a new vault keeps the lead's ids and
 * revisions (`placed`: the rows must be absent), and a merge writes the engine's records
 * (each revision the next one, checked against the manifest as every write is). Payloads are
 * validated with their table's schema first; nothing is written if any fails.
 */
import { z } from 'zod';
import { type Bytes, recordAad, sealBytes } from '../../shared/crypto';
import type { ActivityDraft, ActivityEntry } from '../../shared/domain/activity';
import type { RecordId } from '../../shared/domain/records';
import { type BatchProblem, BatchValidationError } from './errors';
import { type BlobChange, commit, type RowWrite } from './session-commit';
import { type RecordToSeal, sealRecordRows, type SessionCore } from './session-core';
import { type SealedRecordTable, tableSpec } from './tables';

export interface ExactWrite {
  table: SealedRecordTable;
  id: RecordId;
  rev: number;
  deleted: boolean;
  data: object;
  updatedAt: string;
  updatedBy: string;
}

export interface ExactWriteOptions {
  /** Evidence bytes to store, by evidence record id (sealed like `attach` seals them). */
  blobs?: readonly { id: RecordId; bytes: Bytes }[];
  /** Evidence bytes to delete (their records became tombstones). */
  removeBlobs?: readonly RecordId[];
  /** Rows go in at the revisions they carry and must not exist yet (a new vault). */
  placed?: boolean;
}

export async function writeExact(
  core: SessionCore,
  writes: readonly ExactWrite[],
  draft: ActivityDraft,
  options: ExactWriteOptions = {},
): Promise<ActivityEntry> {
  const keys = core.keys();
  const problems: BatchProblem[] = [];
  const byTable = new Map<SealedRecordTable, RecordToSeal[]>();
  writes.forEach((write, index) => {
    const parsed = (tableSpec(write.table).schema as z.ZodType<object>).safeParse(write.data);
    if (!parsed.success) {
      problems.push({ index, message: `${write.table}: ${z.prettifyError(parsed.error)}` });
      return;
    }
    const { table, data: _data, ...meta } = write;
    const list = byTable.get(table) ?? [];
    list.push({ meta, data: parsed.data });
    byTable.set(table, list);
  });
  if (problems.length > 0) {
    throw new BatchValidationError([...byTable.keys()].join(', '), problems);
  }
  const rowWrites: RowWrite[] = await Promise.all(
    [...byTable].map(async ([table, records]) => ({
      table,
      rows: await sealRecordRows(keys, core.vaultId, table, records),
      records: records.map(({ meta, data }) => ({ ...data, ...meta })),
    })),
  );
  const puts: BlobChange[] = await Promise.all(
    (options.blobs ?? []).map(async ({ id, bytes }) => ({
      put: {
        id,
        sealed: await sealBytes(keys.record, bytes, recordAad(core.vaultId, 'blobs', id)),
      },
    })),
  );
  const removes: BlobChange[] = (options.removeBlobs ?? []).map((id) => ({ remove: id }));
  return commit(core, draft, rowWrites, {
    blobs: [...puts, ...removes],
    placed: options.placed === true,
  });
}
