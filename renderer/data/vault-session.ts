/**
 * An unlocked vault: the only way the app reads or writes records. Its parts:
 * `session-read.ts` (opening and checking rows, the cache of opened records),
 * `session-write.ts` and `session-commit.ts` (sealing and the one-transaction commit with the
 * manifests and the trail entry), `attachments.ts` (evidence files), `activity-trail.ts`
 * (the chain), `integrity-scan.ts` (what was changed outside the workbench) and
 * `vault-state.ts` (what the vault should hold, in memory while unlocked).
 *
 * Writes are serialised, so two saves from this window never race for the same trail head.
 * Locking drops the keys and the state; every later call fails with LockedError.
 */
import type { Bytes, VaultKeys } from '../../shared/crypto';
import type { Evidence } from '../../shared/domain/evidence';
import type { ActivityDraft, ActivityEntry, ChainReport } from '../../shared/domain/activity';
import { newRecordId, type RecordId, type Stored, type VaultId } from '../../shared/domain/records';
import { readTrail, verifyTrail } from './activity-trail';
import { attach, type AttachmentFile, readAttachment, removeAttachment } from './attachments';
import { LockedError, NotFoundError } from './errors';
import { IntegrityMonitor, type IntegrityProblem } from './integrity';
import { type ScanProgress, scanVault, verifyVault } from './integrity-scan';
import { commit } from './session-commit';
import { type Clock, makeOpener, type SessionCore, type TrailAnchors } from './session-core';
import { getRecord, listChildRecords, listRecords } from './session-read';
import { type ExactWrite, type ExactWriteOptions, writeExact } from './session-exact';
import { type BatchDraft, type BatchGroup, writeBatch, writeOne } from './session-write';
import type { Payloads, SealedRecordTable } from './tables';
import type { VaultDb } from './vault-db';
import { VaultState } from './vault-state';

export type { BatchDraft, BatchGroup, BatchItem } from './session-write';
export type { ExactWrite, ExactWriteOptions } from './session-exact';
export type { Clock } from './session-core';

export interface VaultSessionOptions {
  now?: Clock;
  anchors?: TrailAnchors | null;
}

export class VaultSession {
  #keys: VaultKeys | null;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #lockListeners = new Set<() => void>();
  readonly #core: SessionCore;

  constructor(
    db: VaultDb,
    readonly vaultId: VaultId,
    keys: VaultKeys,
    readonly actor: string,
    options: VaultSessionOptions = {},
  ) {
    this.#keys = keys;
    const keysOf = () => this.keys();
    const open = makeOpener(keysOf, vaultId);
    this.#core = {
      db,
      vaultId,
      actor,
      now: options.now ?? (() => new Date()),
      state: new VaultState(db, open),
      integrity: new IntegrityMonitor(),
      anchors: options.anchors ?? null,
      keys: keysOf,
      open,
    };
  }

  get locked(): boolean {
    return this.#keys === null;
  }

  /** Drops the keys, the opened records and the database connection. Idempotent. */
  lock(): void {
    if (!this.#keys) return;
    this.#keys = null;
    this.#core.db.close();
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

  private serialised<R>(task: () => Promise<R>): Promise<R> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  // ── integrity ──────────────────────────────────────────────────────────────────────────

  /**
   * Loads the vault's state and runs the unlock checks; what they find is reported to the
   * integrity listeners. Called by the vault store before it hands the session out.
   */
  async start(): Promise<readonly IntegrityProblem[]> {
    const problems = [...(await this.#core.state.load()), ...(await scanVault(this.#core))];
    this.#core.integrity.report(problems);
    return this.integrityProblems;
  }

  /** What was found changed outside the workbench so far in this session. */
  get integrityProblems(): readonly IntegrityProblem[] {
    return this.#core.integrity.problems;
  }

  onIntegrityProblems(listener: (problems: readonly IntegrityProblem[]) => void): () => void {
    return this.#core.integrity.onChange(listener);
  }

  /** Opens and checks every row and evidence file, with the unlock checks; reports and returns. */
  async verifyIntegrity(
    onProgress?: (progress: ScanProgress) => void,
    signal?: AbortSignal,
  ): Promise<IntegrityProblem[]> {
    const problems = await this.serialised(() => verifyVault(this.#core, onProgress, signal));
    this.#core.integrity.report(problems);
    return problems;
  }

  /**
   * A file made from this vault (a workpaper, a package) names the trail entry it was made at;
   * if this vault's trail does not hold that entry, the vault was put back from an older copy
   * since. Reported like the unlock checks' findings, and returned.
   */
  async checkExportedHead(head: { seq: number; hash: string }): Promise<IntegrityProblem | null> {
    this.keys();
    const { entries } = await readTrail(this.#core.db, this.#core.open);
    if (entries.some((e) => e.seq === head.seq && e.hash === head.hash)) return null;
    const problem: IntegrityProblem = {
      kind: 'older-copy',
      table: 'activity',
      seq: head.seq,
      detail: `a file made from this vault at trail entry ${head.seq} is newer than the vault holds`,
    };
    this.#core.integrity.report([problem]);
    return problem;
  }

  // ── reading ────────────────────────────────────────────────────────────────────────────

  get<T extends SealedRecordTable>(table: T, id: string): Promise<Stored<Payloads[T]> | undefined> {
    return getRecord(this.#core, table, id);
  }

  /** Live records of a table (or all, with tombstones), oldest first (ids are time-ordered). */
  list<T extends SealedRecordTable>(
    table: T,
    options: { includeDeleted?: boolean } = {},
  ): Promise<Stored<Payloads[T]>[]> {
    return listRecords(this.#core, table, options.includeDeleted === true);
  }

  /** Live children of one parent record (e.g. the findings of one inspection), by index. */
  listChildren<T extends SealedRecordTable>(
    table: T,
    parentId: string,
  ): Promise<Stored<Payloads[T]>[]> {
    return listChildRecords(this.#core, table, parentId);
  }

  // ── writing ────────────────────────────────────────────────────────────────────────────

  create<T extends SealedRecordTable>(
    table: T,
    data: Payloads[T],
    summary: string,
  ): Promise<Stored<Payloads[T]>> {
    return this.serialised(() =>
      writeOne(this.#core, table, newRecordId(), null, data, false, summary),
    );
  }

  update<T extends SealedRecordTable>(
    table: T,
    id: RecordId,
    expectedRev: number,
    data: Payloads[T],
    summary: string,
  ): Promise<Stored<Payloads[T]>> {
    return this.serialised(() =>
      writeOne(this.#core, table, id, expectedRev, data, false, summary),
    );
  }

  /** Deletes as a tombstone: the record stays, marked deleted, so merges can see the deletion. */
  remove(
    table: SealedRecordTable,
    id: RecordId,
    expectedRev: number,
    summary: string,
  ): Promise<void> {
    return this.serialised(async () => {
      const current = await getRecord(this.#core, table, id);
      if (!current) throw new NotFoundError(table, id);
      await writeOne(this.#core, table, id, expectedRev, payloadOf(current), true, summary);
    });
  }

  /** Creates many records in one transaction (an import): all or none, one trail entry. */
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
    return this.serialised(() => writeBatch(this.#core, groups, draft));
  }

  /**
   * Writes records exactly as given (ids, revisions, tombstones, authors) with any evidence
   * files, in one transaction with one trail entry: a hand-out opened, a merge committed.
   */
  writeExact(
    writes: readonly ExactWrite[],
    draft: ActivityDraft,
    options?: ExactWriteOptions,
  ): Promise<ActivityEntry> {
    return this.serialised(() => writeExact(this.#core, writes, draft, options));
  }

  // ── evidence files ────────────────────────────────────────────────────────────────────

  /** Stores a file as evidence for `ownerId`: record and sealed bytes in one transaction. */
  attach(ownerId: string, file: AttachmentFile): Promise<Stored<Evidence>> {
    return this.serialised(() => attach(this.#core, ownerId, file));
  }

  /** The bytes of an evidence file, checked against the SHA-256 recorded when it was added. */
  readAttachment(evidenceId: RecordId): Promise<{ evidence: Stored<Evidence>; bytes: Bytes }> {
    return readAttachment(this.#core, evidenceId);
  }

  /** Removes an evidence file: its record becomes a tombstone and its bytes are deleted. */
  removeAttachment(evidenceId: RecordId, expectedRev: number): Promise<void> {
    return this.serialised(() => removeAttachment(this.#core, evidenceId, expectedRev));
  }

  // ── the activity trail ─────────────────────────────────────────────────────────────────

  /** Records an event that changes no record (unlock, reveal of personal data, …). */
  log(draft: ActivityDraft): Promise<ActivityEntry> {
    return this.serialised(() => commit(this.#core, draft, []));
  }

  /** The whole trail, oldest first. Entries that cannot be opened are left out (see verify). */
  async activity(): Promise<ActivityEntry[]> {
    this.keys();
    return (await readTrail(this.#core.db, this.#core.open)).entries;
  }

  /** Checks the chain end to end: edited, removed, moved or truncated entries are reported. */
  verifyActivity(): Promise<ChainReport> {
    this.keys();
    return verifyTrail(this.#core.db, this.#core.open);
  }

  /**
   * For the vault store's upgrade and re-key only: runs `task` on the session's parts inside
   * its write queue. A re-key hands back the new keys, which the session adopts.
   */
  internals<R>(task: (core: SessionCore) => Promise<R & { adoptKeys?: VaultKeys }>): Promise<R> {
    return this.serialised(async () => {
      const result = await task(this.#core);
      if (result.adoptKeys) {
        this.keys();
        this.#keys = result.adoptKeys;
        this.#core.integrity.report(await this.#core.state.load());
        const head = this.#core.state.head;
        if (head) await this.#core.anchors?.write(this.vaultId, { seq: head.seq, hash: head.hash });
      }
      return result;
    });
  }
}

/** A stored record without its metadata: what was written. */
export function payloadOf<T>(record: Stored<T>): T {
  const { id: _id, rev: _rev, updatedAt: _at, updatedBy: _by, deleted: _deleted, ...data } = record;
  return data as unknown as T;
}

export type { ScanProgress } from './integrity-scan';
export type { IntegrityKind, IntegrityProblem } from './integrity';
export type { TrailAnchor, TrailAnchors } from './session-core';
