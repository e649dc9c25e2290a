/**
 * An unlocked vault: the only way the app reads or writes records. It seals every record before
 * the IndexedDB transaction and opens rows after it (WebCrypto cannot be awaited inside one),
 * stamps id, revision, time and author, keeps deletions as tombstones, and appends a chained
 * activity entry in the same transaction as each change.
 *
 * Locking drops the keys; every later call fails with LockedError.
 */
import type { Table } from 'dexie';
import { z } from 'zod';
import {
  type Bytes,
  openBytes,
  openJson,
  recordAad,
  sealBytes,
  sealJson,
  sha256Hex,
  type VaultKeys,
} from '../../shared/crypto';
import { type Evidence, evidenceSchema } from '../../shared/domain/evidence';
import {
  type ActivityAction,
  type ActivityDraft,
  type ActivityEntry,
  type ChainHead,
  chainEntry,
  type ChainReport,
} from '../../shared/domain/activity';
import {
  ConflictError,
  newRecordId,
  type RecordId,
  type RecordMeta,
  recordMetaSchema,
  type Stored,
  type VaultId,
} from '../../shared/domain/records';
import { readHead, readTrail, type SealedOpener, verifyTrail } from './activity-trail';
import {
  type BatchProblem,
  BatchValidationError,
  CorruptRecordError,
  LockedError,
  NotFoundError,
} from './errors';
import type { BlobRow, SealedRow } from './rows';
import { type Payloads, SEALED_RECORD_TABLES, type SealedRecordTable, tableSpec } from './tables';
import type { VaultDb } from './vault-db';

/** What a sealed record holds: its metadata (repeated from the clear fields) and its payload. */
type SealedRecord<T> = RecordMeta & { data: T };
/** Built once per table: one validation pass per record read, which matters at 10,000 rows. */
const sealedSchemas = new Map(
  SEALED_RECORD_TABLES.map((table) => [
    table,
    recordMetaSchema.extend({ data: tableSpec(table).schema }),
  ]),
);
function sealedSchemaOf<T extends SealedRecordTable>(
  table: T,
): z.ZodType<SealedRecord<Payloads[T]>> {
  return sealedSchemas.get(table) as unknown as z.ZodType<SealedRecord<Payloads[T]>>;
}
class HeadMovedError extends Error {}

export type Clock = () => Date;

/** Rows of one table written in a commit. */
interface RowWrite {
  table: SealedRecordTable;
  rows: readonly SealedRow[];
}

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
  action: Extract<ActivityAction, 'records.imported' | 'workpaper.imported'>;
  target?: ActivityDraft['target'];
  summary: string;
}

export class VaultSession {
  #keys: VaultKeys | null;
  /** Writes are serialised so two saves from this window never race for the same trail head. */
  #queue: Promise<unknown> = Promise.resolve();
  readonly #lockListeners = new Set<() => void>();

  constructor(
    private readonly db: VaultDb,
    readonly vaultId: VaultId,
    keys: VaultKeys,
    readonly actor: string,
    private readonly now: Clock = () => new Date(),
  ) {
    this.#keys = keys;
  }

  get locked(): boolean {
    return this.#keys === null;
  }

  /** Drops the keys and closes the database. Idempotent. */
  lock(): void {
    if (!this.#keys) return;
    this.#keys = null;
    this.db.close();
    for (const listener of this.#lockListeners) listener();
  }

  onLock(listener: () => void): () => void {
    this.#lockListeners.add(listener);
    return () => this.#lockListeners.delete(listener);
  }

  private keys(): VaultKeys {
    if (!this.#keys) throw new LockedError();
    return this.#keys;
  }

  // ── reading ────────────────────────────────────────────────────────────────────────────

  async get<T extends SealedRecordTable>(
    table: T,
    id: string,
  ): Promise<Stored<Payloads[T]> | undefined> {
    this.keys();
    const row = await this.db.table<SealedRow, string>(table).get(id);
    return row ? this.openRow(table, row) : undefined;
  }

  /** Live records of a table, oldest first (ids are time-ordered). */
  async list<T extends SealedRecordTable>(
    table: T,
    options: { includeDeleted?: boolean } = {},
  ): Promise<Stored<Payloads[T]>[]> {
    this.keys();
    const rows = await this.db.table<SealedRow, string>(table).toArray();
    const wanted = options.includeDeleted ? rows : rows.filter((row) => row.deleted === 0);
    return Promise.all(wanted.map((row) => this.openRow(table, row)));
  }

  /** Live children of one parent record (e.g. the findings of one inspection), by index. */
  async listChildren<T extends SealedRecordTable>(
    table: T,
    parentId: string,
  ): Promise<Stored<Payloads[T]>[]> {
    this.keys();
    if (!tableSpec(table).parentOf) throw new Error(`${table} records have no parent`);
    const rows = await this.db
      .table<SealedRow, string>(table)
      .where('parent')
      .equals(parentId)
      .toArray();
    return Promise.all(
      rows.filter((row) => row.deleted === 0).map((row) => this.openRow(table, row)),
    );
  }

  private async openRow<T extends SealedRecordTable>(
    table: T,
    row: SealedRow,
  ): Promise<Stored<Payloads[T]>> {
    let value: unknown;
    try {
      value = await openJson(
        this.keys().record,
        row.sealed,
        recordAad(this.vaultId, table, row.id),
      );
    } catch (error) {
      throw new CorruptRecordError(
        table,
        row.id,
        error instanceof Error ? error.message : String(error),
      );
    }
    const parsed = sealedSchemaOf(table).safeParse(value);
    if (!parsed.success) throw new CorruptRecordError(table, row.id, z.prettifyError(parsed.error));
    const { data, ...meta } = parsed.data;
    // The clear fields must agree with their sealed copies, or a row was rolled back or swapped.
    const parentOf = tableSpec(table).parentOf;
    if (
      meta.id !== row.id ||
      meta.rev !== row.rev ||
      meta.deleted !== (row.deleted === 1) ||
      (parentOf ? parentOf(data) : undefined) !== row.parent
    ) {
      throw new CorruptRecordError(
        table,
        row.id,
        'its clear fields do not match its sealed content',
      );
    }
    return { ...data, ...meta };
  }

  // ── writing ────────────────────────────────────────────────────────────────────────────

  create<T extends SealedRecordTable>(
    table: T,
    data: Payloads[T],
    summary: string,
  ): Promise<Stored<Payloads[T]>> {
    return this.write(table, newRecordId(), null, data, false, summary);
  }

  update<T extends SealedRecordTable>(
    table: T,
    id: RecordId,
    expectedRev: number,
    data: Payloads[T],
    summary: string,
  ): Promise<Stored<Payloads[T]>> {
    return this.write(table, id, expectedRev, data, false, summary);
  }

  /** Deletes as a tombstone: the record stays, marked deleted, so merges can see the deletion. */
  async remove(
    table: SealedRecordTable,
    id: RecordId,
    expectedRev: number,
    summary: string,
  ): Promise<void> {
    const current = await this.get(table, id);
    if (!current) throw new NotFoundError(table, id);
    await this.write(table, id, expectedRev, payloadOf(current), true, summary);
  }

  /**
   * Creates many records in one transaction (an import): all or none. Every item is validated
   * first, and the errors name the item's position. The trail gets one entry for the batch.
   */
  async createMany<T extends SealedRecordTable>(
    table: T,
    items: readonly Payloads[T][],
    summary: string,
  ): Promise<Stored<Payloads[T]>[]> {
    // TypeScript cannot relate a generic table to its member of the BatchGroup union.
    const group = { table, items: items.map((data) => ({ data })) } as unknown as BatchGroup;
    const [created] = await this.createBatch([group], summary);
    return (created ?? []) as Stored<Payloads[T]>[];
  }

  /**
   * Creates records in several tables in one transaction: a parent and its children (an
   * inspection and its checklist results), or an import. Ids may be given in advance so
   * children can name their parent. All or none; one trail entry.
   */
  createBatch(groups: readonly BatchGroup[], summary: string): Promise<Stored<object>[][]> {
    return this.writeBatch(groups, { action: 'records.imported', summary });
  }

  /**
   * Creates and updates records in several tables in one transaction: all or none, one trail
   * entry. Every item is validated first and the errors name the item's position; an update
   * whose record moved past `expectedRev` fails the batch with a ConflictError.
   */
  writeBatch(groups: readonly BatchGroup[], draft: BatchDraft): Promise<Stored<object>[][]> {
    return this.serialised(async () => {
      const keys = this.keys();
      const updatedAt = this.now().toISOString();
      const problems: BatchProblem[] = [];
      const prepared = groups.map((group) => {
        const schema = tableSpec(group.table).schema as z.ZodType<object>;
        return group.items.flatMap((item, index) => {
          const parsed = schema.safeParse(item.data);
          if (parsed.success) {
            const meta = {
              id: item.id ?? newRecordId(),
              rev: (item.expectedRev ?? 0) + 1,
              updatedAt,
              updatedBy: this.actor,
              deleted: false,
            };
            return [{ meta, data: parsed.data }];
          }
          problems.push({ index, message: z.prettifyError(parsed.error) });
          return [];
        });
      });
      if (problems.length > 0)
        throw new BatchValidationError(groups.map((g) => g.table).join(', '), problems);
      const writes = await Promise.all(
        groups.map(async (group, g): Promise<RowWrite> => ({
          table: group.table,
          rows: await Promise.all(
            (prepared[g] ?? []).map(({ meta, data }) =>
              this.sealRow(keys, group.table, meta, data as Payloads[typeof group.table]),
            ),
          ),
        })),
      );
      const counts = writes.map((w) => `${w.table}: ${w.rows.length}`).join(', ');
      await this.commit(
        {
          action: draft.action,
          target: draft.target ?? null,
          summary: `${counts} · ${draft.summary}`,
        },
        writes,
      );
      return prepared.map((records) => records.map(({ meta, data }) => ({ ...data, ...meta })));
    });
  }

  // ── evidence files ────────────────────────────────────────────────────────────────────

  /** Stores a file as evidence for `ownerId`: record and sealed bytes in one transaction. */
  attach(
    ownerId: string,
    file: { name: string; mimeType: string; bytes: Bytes; description?: string },
  ): Promise<Stored<Evidence>> {
    return this.serialised(async () => {
      const keys = this.keys();
      const data = evidenceSchema.parse({
        ownerId,
        name: file.name,
        mimeType: file.mimeType,
        size: file.bytes.byteLength,
        sha256: await sha256Hex(file.bytes),
        description: file.description ?? '',
      });
      const meta = this.metaFor(newRecordId(), 1, false);
      const [row, content] = await Promise.all([
        this.sealRow(keys, 'evidence', meta, data),
        sealBytes(keys.record, file.bytes, recordAad(this.vaultId, 'blobs', meta.id)),
      ]);
      await this.commit(
        {
          action: 'record.created',
          target: { table: 'evidence', id: meta.id },
          summary: data.name,
        },
        [{ table: 'evidence', rows: [row] }],
        { put: { id: meta.id, sealed: content } },
      );
      return { ...data, ...meta };
    });
  }

  /** The bytes of an evidence file, checked against the SHA-256 recorded when it was added. */
  async readAttachment(
    evidenceId: RecordId,
  ): Promise<{ evidence: Stored<Evidence>; bytes: Bytes }> {
    const evidence = await this.get('evidence', evidenceId);
    const row = await this.db.blobs.get(evidenceId);
    if (!evidence || evidence.deleted || !row) throw new NotFoundError('evidence', evidenceId);
    let bytes: Bytes;
    try {
      bytes = await openBytes(
        this.keys().record,
        row.sealed,
        recordAad(this.vaultId, 'blobs', evidenceId),
      );
    } catch (error) {
      throw new CorruptRecordError(
        'blobs',
        evidenceId,
        error instanceof Error ? error.message : String(error),
      );
    }
    if ((await sha256Hex(bytes)) !== evidence.sha256) {
      throw new CorruptRecordError(
        'blobs',
        evidenceId,
        'its content does not match its recorded SHA-256',
      );
    }
    return { evidence, bytes };
  }

  /** Removes an evidence file: its record becomes a tombstone and its bytes are deleted. */
  removeAttachment(evidenceId: RecordId, expectedRev: number): Promise<void> {
    return this.serialised(async () => {
      const keys = this.keys();
      const current = await this.get('evidence', evidenceId);
      if (!current) throw new NotFoundError('evidence', evidenceId);
      const meta = this.metaFor(evidenceId, expectedRev + 1, true);
      const row = await this.sealRow(keys, 'evidence', meta, payloadOf(current));
      await this.commit(
        {
          action: 'record.deleted',
          target: { table: 'evidence', id: evidenceId },
          summary: current.name,
        },
        [{ table: 'evidence', rows: [row] }],
        { remove: evidenceId },
      );
    });
  }

  private metaFor(id: RecordId, rev: number, deleted: boolean): RecordMeta {
    return { id, rev, updatedAt: this.now().toISOString(), updatedBy: this.actor, deleted };
  }

  /** Records an event that changes no record (unlock, reveal of personal data, …). */
  async log(draft: ActivityDraft): Promise<ActivityEntry> {
    return this.serialised(() => this.commit(draft, []));
  }

  private write<T extends SealedRecordTable>(
    table: T,
    id: RecordId,
    expectedRev: number | null,
    data: Payloads[T],
    deleted: boolean,
    summary: string,
  ): Promise<Stored<Payloads[T]>> {
    return this.serialised(async () => {
      const keys = this.keys();
      const valid = tableSpec(table).schema.parse(data);
      const rev = (expectedRev ?? 0) + 1;
      const meta = { id, rev, updatedAt: this.now().toISOString(), updatedBy: this.actor, deleted };
      const row = await this.sealRow(keys, table, meta, valid);
      const action =
        expectedRev === null ? 'record.created' : deleted ? 'record.deleted' : 'record.updated';
      await this.commit({ action, target: { table, id }, summary }, [{ table, rows: [row] }]);
      return { ...valid, ...meta };
    });
  }

  /** The row as stored: clear id, revision, tombstone flag and parent; everything else sealed. */
  private async sealRow<T extends SealedRecordTable>(
    keys: VaultKeys,
    table: T,
    meta: RecordMeta,
    data: Payloads[T],
  ): Promise<SealedRow> {
    const sealed = await sealJson(
      keys.record,
      { ...meta, data },
      recordAad(this.vaultId, table, meta.id),
    );
    const parentOf = tableSpec(table).parentOf;
    const row: SealedRow = { id: meta.id, rev: meta.rev, deleted: meta.deleted ? 1 : 0, sealed };
    if (parentOf) row.parent = parentOf(data);
    return row;
  }

  private serialised<R>(task: () => Promise<R>): Promise<R> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Appends an activity entry and, optionally, writes one record, in one transaction. The
   * entry's hash depends on the trail head, so if another window moved the head between our
   * read and our write, we rebuild the entry and try again.
   */
  private async commit(
    draft: ActivityDraft,
    writes: readonly RowWrite[],
    blob: { put: BlobRow } | { remove: string } | null = null,
  ): Promise<ActivityEntry> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const keys = this.keys();
      const head = await this.readHead();
      const entry = await chainEntry(head, draft, this.actor, this.now().toISOString());
      const [sealedEntry, sealedHead] = await Promise.all([
        sealJson(keys.record, entry, recordAad(this.vaultId, 'activity', entry.seq)),
        sealJson(
          keys.record,
          { seq: entry.seq, hash: entry.hash },
          recordAad(this.vaultId, 'meta', 'activity-head'),
        ),
      ]);
      const tables: Table[] = [this.db.meta, this.db.activity];
      for (const write of writes) tables.push(this.db.table(write.table));
      if (blob) tables.push(this.db.blobs);
      try {
        await this.db.transaction('rw', tables, async () => {
          const rawHead = await this.db.meta.get('activity-head');
          const headSeq = rawHead && 'seq' in rawHead ? rawHead.seq : 0;
          if (headSeq !== (head?.seq ?? 0)) throw new HeadMovedError();
          for (const write of writes) {
            const table = this.db.table<SealedRow, string>(write.table);
            const current = await table.bulkGet(write.rows.map((row) => row.id));
            write.rows.forEach((row, i) => {
              const found = current[i];
              const expected = row.rev - 1;
              if ((found?.rev ?? 0) === expected) return;
              if (expected > 0 && !found) throw new NotFoundError(write.table, row.id);
              throw new ConflictError(write.table, row.id, expected, found?.rev ?? 0);
            });
            await table.bulkPut(write.rows);
          }
          if (blob && 'put' in blob) await this.db.blobs.put(blob.put);
          if (blob && 'remove' in blob) await this.db.blobs.delete(blob.remove);
          await this.db.activity.add({ seq: entry.seq, sealed: sealedEntry });
          await this.db.meta.put({ key: 'activity-head', seq: entry.seq, sealed: sealedHead });
        });
        return entry;
      } catch (error) {
        if (error instanceof HeadMovedError) continue;
        throw error;
      }
    }
    throw new Error('The activity trail kept changing while saving; please try again.');
  }

  // ── the activity trail ─────────────────────────────────────────────────────────────────

  private readHead(): Promise<ChainHead | null> {
    return readHead(this.db, this.opener());
  }

  /** Opens sealed trail rows with this session's key; fails with LockedError once locked. */
  private opener(): SealedOpener {
    return async (table, id, sealed) => {
      try {
        return await openJson(this.keys().record, sealed, recordAad(this.vaultId, table, id));
      } catch (error) {
        if (error instanceof LockedError) throw error;
        throw new CorruptRecordError(
          table,
          String(id),
          error instanceof Error ? error.message : String(error),
        );
      }
    };
  }

  /** The whole trail, oldest first. Entries that cannot be opened are left out (see verify). */
  async activity(): Promise<ActivityEntry[]> {
    return (await readTrail(this.db, this.opener())).entries;
  }

  /** Checks the chain end to end: edited, removed, moved or truncated entries are reported. */
  verifyActivity(): Promise<ChainReport> {
    return verifyTrail(this.db, this.opener());
  }
}

/** A stored record without its metadata: what was written. */
export function payloadOf<T>(record: Stored<T>): T {
  const { id: _id, rev: _rev, updatedAt: _at, updatedBy: _by, deleted: _deleted, ...data } = record;
  return data as unknown as T;
}
