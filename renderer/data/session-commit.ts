/**
 * Committing a change: the rows of any number of tables, the new manifests of those tables,
 * an evidence file's bytes if any, one chained activity entry carrying the new state digest,
 * and the trail head, all in ONE IndexedDB transaction. Everything is sealed before the
 * transaction opens (WebCrypto cannot be awaited inside one); the transaction only checks that
 * no other window moved the trail head meanwhile, and writes.
 *
 * Revisions are checked against the manifest, which is current as long as the head has not
 * moved (the transaction checks that): no read of the stored rows is needed. New records are
 * added with `bulkAdd`, so the database's unique key refuses an id that exists after all.
 */
import Dexie, { type Table } from 'dexie';
import { recordAad, type Sealed, sealMany } from '../../shared/crypto';
import { type ActivityDraft, type ActivityEntry, chainEntry } from '../../shared/domain/activity';
import { ConflictError, type Stored } from '../../shared/domain/records';
import { NotFoundError } from './errors';
import { assertWritesAllowed } from './lock-guard';
import { manifestKey } from './manifest';
import type { ActivityRow, BlobRow, MetaRow, SealedRow } from './rows';
import type { SessionCore } from './session-core';
import type { SealedRecordTable } from './tables';
import type { HeadRow, NextState, RowChange } from './vault-state';

/** Rows of one table written in a commit, with the records they hold (for the cache). */
export interface RowWrite {
  table: SealedRecordTable;
  rows: readonly SealedRow[];
  records: readonly Stored<object>[];
}

export type BlobChange = { put: BlobRow } | { remove: string };

export interface CommitExtras {
  blob?: BlobChange;
  /** Several evidence files at once (a hand-out opened, a merge); see session-exact.ts. */
  blobs?: readonly BlobChange[];
  /**
   * The rows are placed at the revisions they carry into tables that do not hold them (a
   * hand-out opened into a new vault keeps the lead's revisions): checked to be absent.
   */
  placed?: boolean;
  /** Manifest entries for rows not written here (the format upgrade lists the existing rows). */
  changes?: readonly RowChange[];
  /** Meta rows written in the same transaction (the upgrade's new header). */
  meta?: readonly MetaRow[];
}

class HeadMovedError extends Error {}

/** Checks every row's revision against the manifest: it must be the next one. */
function checkRevisions(core: SessionCore, writes: readonly RowWrite[], placed: boolean): void {
  for (const write of writes) {
    if (!core.state.trusts(write.table)) continue; // checked against the rows instead
    const manifest = core.state.manifest(write.table);
    for (const row of write.rows) {
      const found = manifest.get(row.id)?.rev ?? 0;
      const expected = placed ? 0 : row.rev - 1;
      if (found === expected) continue;
      if (expected > 0 && found === 0) throw new NotFoundError(write.table, row.id);
      throw new ConflictError(write.table, row.id, expected, found);
    }
  }
}

function changesOf(writes: readonly RowWrite[]): RowChange[] {
  return writes.flatMap((write) =>
    write.rows.map((row) => ({
      table: write.table,
      id: row.id,
      entry: { rev: row.rev, deleted: row.deleted === 1, parent: row.parent ?? null },
    })),
  );
}

/** A table whose manifest cannot be trusted is checked against its stored rows instead. */
async function checkRowsInTransaction(
  table: Table<SealedRow, string>,
  write: RowWrite,
  placed: boolean,
) {
  const current = await table.bulkGet(write.rows.map((row) => row.id));
  write.rows.forEach((row, i) => {
    const found = current[i]?.rev ?? 0;
    const expected = placed ? 0 : row.rev - 1;
    if (found === expected) return;
    if (expected > 0 && !current[i]) throw new NotFoundError(write.table, row.id);
    throw new ConflictError(write.table, row.id, expected, found);
  });
}

/** The position of the row a unique key refused, or null for any other failure. */
function constraintFailure(error: unknown): number | null {
  if (error instanceof Dexie.BulkError) {
    const found = Object.entries(error.failuresByPos).find(([, f]) => f.name === 'ConstraintError');
    return found ? Number(found[0]) : null;
  }
  return error instanceof Error && error.name === 'ConstraintError' ? 0 : null;
}

async function writeRows(core: SessionCore, write: RowWrite, placed: boolean): Promise<void> {
  const table = core.db.table<SealedRow, string>(write.table);
  if (!core.state.trusts(write.table)) await checkRowsInTransaction(table, write, placed);
  const added = write.rows.filter((row) => placed || row.rev === 1);
  const replaced = write.rows.filter((row) => !placed && row.rev > 1);
  try {
    if (added.length > 0) await table.bulkAdd(added);
  } catch (error) {
    // The unique key refused an id that exists although the manifest does not list it.
    const refused = constraintFailure(error);
    if (refused === null) throw error;
    throw new ConflictError(write.table, added[refused]?.id ?? '', 0, -1);
  }
  if (replaced.length > 0) await table.bulkPut(replaced);
}

interface SealedCommit {
  entry: ActivityEntry;
  entryRow: ActivityRow;
  /** The trail head and the new manifests. */
  metaRows: MetaRow[];
}

const encoder = new TextEncoder();
function jsonBytes(value: unknown): Uint8Array<ArrayBuffer> {
  return encoder.encode(JSON.stringify(value));
}

/** The entry (carrying the new state digest), the head and the manifests, sealed together. */
async function sealCommit(
  core: SessionCore,
  draft: ActivityDraft,
  next: NextState | null,
): Promise<SealedCommit> {
  const keys = core.keys();
  const head = core.state.head;
  const state = next?.state ?? (await core.state.current());
  const entry = await chainEntry(
    head ? { seq: head.seq, hash: head.hash } : null,
    draft,
    core.actor,
    core.now().toISOString(),
    state,
  );
  const digests = Object.fromEntries(next?.digests ?? core.state.digests);
  const headRow: HeadRow = { seq: entry.seq, hash: entry.hash, digests };
  const manifests = [...(next?.encoded ?? [])];
  const [sealedEntry, sealedHead, ...sealedManifests] = await sealMany(keys.record, [
    { plaintext: jsonBytes(entry), aad: recordAad(core.vaultId, 'activity', entry.seq) },
    { plaintext: jsonBytes(headRow), aad: recordAad(core.vaultId, 'meta', 'activity-head') },
    ...manifests.map(([table, bytes]) => ({
      plaintext: bytes,
      aad: recordAad(core.vaultId, 'meta', manifestKey(table)),
    })),
  ]);
  if (!sealedEntry || !sealedHead || sealedManifests.length !== manifests.length) {
    throw new Error('sealing the commit failed');
  }
  return {
    entry,
    entryRow: { seq: entry.seq, sealed: sealedEntry },
    metaRows: [
      { key: 'activity-head', seq: entry.seq, sealed: sealedHead },
      ...manifests.map(([table], i): MetaRow => ({
        key: manifestKey(table),
        sealed: sealedManifests[i] as Sealed,
      })),
    ],
  };
}

/**
 * Writes the rows, manifests, blob, entry and head in one transaction and advances the
 * session's state. If another window moved the head first, everything is sealed again on top
 * of the new head and tried again.
 */
export async function commit(
  core: SessionCore,
  draft: ActivityDraft,
  writes: readonly RowWrite[],
  extras: CommitExtras = {},
): Promise<ActivityEntry> {
  const blobs = [...(extras.blob ? [extras.blob] : []), ...(extras.blobs ?? [])];
  const placed = extras.placed === true;
  for (let attempt = 0; attempt < 5; attempt++) {
    const reloaded = await core.state.ensureFresh();
    if (reloaded.length > 0) core.integrity.report(reloaded);
    await assertWritesAllowed(core, writes); // lock-down (lock-guard.ts), before sealing
    checkRevisions(core, writes, placed);
    const changes = [...(extras.changes ?? []), ...changesOf(writes)];
    const next = changes.length > 0 ? await core.state.next(changes) : null;
    const { entry, entryRow, metaRows } = await sealCommit(core, draft, next);
    const tables: Table[] = [core.db.meta, core.db.activity];
    for (const write of writes) tables.push(core.db.table(write.table));
    if (blobs.length > 0) tables.push(core.db.blobs);
    const expectedSeq = core.state.headSeq;
    try {
      await core.db.transaction('rw', tables, async () => {
        const raw = await core.db.meta.get('activity-head');
        if ((raw && 'seq' in raw ? raw.seq : 0) !== expectedSeq) throw new HeadMovedError();
        for (const write of writes) await writeRows(core, write, placed);
        for (const blob of blobs) {
          if ('put' in blob) await core.db.blobs.put(blob.put);
          else await core.db.blobs.delete(blob.remove);
        }
        await core.db.activity.add(entryRow);
        await core.db.meta.bulkPut([...metaRows, ...(extras.meta ?? [])]);
      });
    } catch (error) {
      if (error instanceof HeadMovedError) continue;
      throw error;
    }
    core.state.advance(
      entry,
      next,
      writes.map((write) => ({ table: write.table, records: write.records })),
    );
    void core.anchors?.write(core.vaultId, { seq: entry.seq, hash: entry.hash }).catch(() => {
      // The anchor is a second line of defence; the commit itself has succeeded.
    });
    return entry;
  }
  throw new Error('The activity trail kept changing while saving; please try again.');
}
