/**
 * What an unlocked session knows the vault should hold: the trail head and the record
 * manifests it was checked against, plus the records it already opened (a cache kept only
 * while unlocked; an unlocked vault is on screen anyway). Everything here is in memory and is
 * dropped on lock.
 *
 * The state follows the clear sequence number of the trail head: when another window writes,
 * the head moves, and the next read or write reloads the manifests and checks them again.
 */
import { z } from 'zod';
import type { SealedOpener } from './activity-trail';
import { type ActivityEntry, activityEntrySchema } from '../../shared/domain/activity';
import type { Stored } from '../../shared/domain/records';
import type { IntegrityProblem } from './integrity';
import {
  decodeManifest,
  emptyManifestDigest,
  encodeManifest,
  isManifestKey,
  type ManifestEntry,
  manifestDigest,
  recordedDigest,
  stateDigest,
  type TableManifest,
} from './manifest';
import { SEALED_RECORD_TABLES, type SealedRecordTable } from './tables';
import type { VaultDb } from './vault-db';

export type { SealedOpener };

export interface TrailHead {
  seq: number;
  hash: string;
  /** The state digest the head entry recorded; null before format 2. */
  state: string | null;
  /**
   * Each table's manifest digest as of the head, kept in the sealed head row: they must hash to
   * `state`, and then tell which table's manifest was altered. Null before format 2.
   */
  digests: Readonly<Record<string, string>> | null;
}

/**
 * The opened records of one table, by id. `liveComplete` once a whole-table read opened every
 * live record, `complete` once it opened tombstones too; until then it holds what was read or
 * written one by one.
 */
interface TableCache {
  liveComplete: boolean;
  complete: boolean;
  records: Map<string, Stored<object>>;
}

/** A manifest change for one commit: the new manifest of each table written, and digests. */
export interface NextState {
  manifests: Map<SealedRecordTable, Map<string, ManifestEntry>>;
  /** The plaintext of each new manifest, to be sealed. */
  encoded: Map<SealedRecordTable, Uint8Array<ArrayBuffer>>;
  digests: Map<SealedRecordTable, string>;
  state: string;
}

export interface RowChange {
  table: SealedRecordTable;
  id: string;
  entry: ManifestEntry;
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
/** The sealed head row: the newest entry's seq and hash, and (format 2) the manifest digests. */
export const headRowSchema = z.object({
  seq: z.number().int().positive(),
  hash: hex64,
  digests: z.record(z.string(), hex64).optional(),
});
export type HeadRow = z.infer<typeof headRowSchema>;

export class VaultState {
  /** The clear sequence number of the head this state was loaded or advanced to (0: none). */
  headSeq = 0;
  head: TrailHead | null = null;
  readonly manifests = new Map<SealedRecordTable, Map<string, ManifestEntry>>();
  readonly digests = new Map<SealedRecordTable, string>();
  /** Tables whose manifest could not be trusted: their rows are checked only against themselves. */
  readonly untrusted = new Set<SealedRecordTable>();
  readonly #cache = new Map<SealedRecordTable, TableCache>();
  readonly #byParent = new Map<SealedRecordTable, Map<string, Set<string>>>();
  /** Bumped on every reload, so work started on an older state can tell. */
  generation = 0;

  constructor(
    private readonly db: VaultDb,
    private readonly open: SealedOpener,
  ) {}

  manifest(table: SealedRecordTable): TableManifest {
    return this.manifests.get(table) ?? new Map();
  }

  trusts(table: SealedRecordTable): boolean {
    return !this.untrusted.has(table);
  }

  /** Ids the manifest lists under `parent` (child tables). */
  childrenOf(table: SealedRecordTable, parent: string): ReadonlySet<string> {
    let index = this.#byParent.get(table);
    if (!index) {
      index = new Map();
      for (const [id, entry] of this.manifest(table)) {
        if (entry.parent === null) continue;
        const set = index.get(entry.parent) ?? new Set<string>();
        set.add(id);
        index.set(entry.parent, set);
      }
      this.#byParent.set(table, index);
    }
    return index.get(parent) ?? new Set();
  }

  // ── the record cache ──────────────────────────────────────────────────────────────────

  cached(table: SealedRecordTable): TableCache {
    let cache = this.#cache.get(table);
    if (!cache) {
      cache = { liveComplete: false, complete: false, records: new Map() };
      this.#cache.set(table, cache);
    }
    return cache;
  }

  // ── loading ───────────────────────────────────────────────────────────────────────────

  /** The clear sequence number of the stored head, without opening anything. */
  async storedHeadSeq(): Promise<number> {
    const row = await this.db.meta.get('activity-head');
    return row && 'seq' in row ? row.seq : 0;
  }

  /** Reloads if another window moved the head since; returns the problems found in doing so. */
  async ensureFresh(): Promise<IntegrityProblem[]> {
    if ((await this.storedHeadSeq()) === this.headSeq && this.generation > 0) return [];
    return this.load();
  }

  /**
   * Reads the head, its entry and every manifest, and checks that the manifests are the ones
   * the head recorded. Returns what does not hold; the state is usable either way.
   */
  async load(): Promise<IntegrityProblem[]> {
    const problems: IntegrityProblem[] = [];
    this.generation++;
    this.#cache.clear();
    this.#byParent.clear();
    this.manifests.clear();
    this.digests.clear();
    this.untrusted.clear();
    this.head = await this.readHead(problems);

    const rows = await this.db.meta.where('key').startsWith('manifest:').toArray();
    const found = new Set<string>();
    for (const row of rows) {
      if (!isManifestKey(row.key) || !('sealed' in row)) continue;
      const table = row.key.slice('manifest:'.length) as SealedRecordTable;
      found.add(table);
      try {
        const manifest = decodeManifest(table, await this.open('meta', row.key, row.sealed));
        this.manifests.set(table, manifest);
        this.digests.set(table, await manifestDigest(encodeManifest(table, manifest)));
      } catch (error) {
        this.untrusted.add(table);
        problems.push({
          kind: 'manifest-altered',
          table,
          detail: `the record manifest of ${table} does not open: ${String(error)}`,
        });
      }
    }
    for (const table of SEALED_RECORD_TABLES) {
      if (!found.has(table)) this.digests.set(table, await emptyManifestDigest(table));
    }
    if (this.head?.state) await this.checkAgainstHead(this.head, problems);
    return problems;
  }

  /** Compares the manifests with the digests the head recorded, naming each table that differs. */
  private async checkAgainstHead(head: TrailHead, problems: IntegrityProblem[]): Promise<void> {
    if ((await stateDigest(this.digests)) === head.state) return;
    const recorded = new Map<SealedRecordTable, string | undefined>();
    for (const table of SEALED_RECORD_TABLES) {
      recorded.set(table, head.digests ? await recordedDigest(head.digests, table) : undefined);
    }
    const complete = [...recorded.values()].every((d) => typeof d === 'string');
    const recordedValid =
      complete && (await stateDigest(recorded as Map<SealedRecordTable, string>)) === head.state;
    const suspects = SEALED_RECORD_TABLES.filter(
      (table) => !recordedValid || recorded.get(table) !== this.digests.get(table),
    );
    for (const table of suspects) {
      if (this.untrusted.has(table)) continue;
      this.untrusted.add(table);
      problems.push({
        kind: 'manifest-altered',
        table,
        seq: head.seq,
        detail: recordedValid
          ? `the record manifest of ${table} is not the one trail entry ${head.seq} recorded`
          : `the record manifests do not match trail entry ${head.seq}`,
      });
    }
  }

  /**
   * The head the next entry chains onto. Normally the sealed head row; if it is missing or
   * behind the last entry (removed or put back outside the workbench), the chain continues from
   * the last entry that opens, so saving still works; the chain check reports the damage.
   */
  private async readHead(problems: IntegrityProblem[]): Promise<TrailHead | null> {
    const stored = await this.db.meta.get('activity-head');
    const row = stored?.key === 'activity-head' ? stored : undefined;
    this.headSeq = row?.seq ?? 0;
    let head: TrailHead | null = null;
    if (row) {
      try {
        const opened = headRowSchema.parse(await this.open('meta', 'activity-head', row.sealed));
        if (opened.seq !== row.seq) throw new Error(`its clear seq ${row.seq} differs`);
        const entry = await this.readEntry(opened.seq);
        // An entry that is missing or differs is reported by the chain check (cut or edited).
        const state = entry && entry.hash === opened.hash ? (entry.state ?? null) : null;
        head = { seq: opened.seq, hash: opened.hash, state, digests: opened.digests ?? null };
      } catch (error) {
        problems.push({
          kind: 'trail-edited',
          table: 'activity',
          detail: `the trail head does not open or disagrees with itself: ${String(error)}`,
        });
      }
    }
    const lastRow = await this.db.activity.orderBy('seq').last();
    if (lastRow && lastRow.seq > (head?.seq ?? 0)) {
      const last = await this.readEntry(lastRow.seq);
      if (last) {
        // Chain on from the real end; `digests: null` keeps the head's state unchecked.
        return { seq: last.seq, hash: last.hash, state: null, digests: null };
      }
    }
    return head;
  }

  private async readEntry(seq: number): Promise<ActivityEntry | null> {
    const row = await this.db.activity.get(seq);
    if (!row) return null;
    try {
      const entry = activityEntrySchema.parse(await this.open('activity', seq, row.sealed));
      return entry.seq === seq ? entry : null;
    } catch {
      return null;
    }
  }

  // ── advancing ─────────────────────────────────────────────────────────────────────────

  /** The manifests after `changes`, with their plaintexts and the new state digest. */
  async next(changes: readonly RowChange[]): Promise<NextState> {
    const manifests = new Map<SealedRecordTable, Map<string, ManifestEntry>>();
    for (const change of changes) {
      let manifest = manifests.get(change.table);
      if (!manifest) {
        manifest = new Map(this.manifest(change.table));
        manifests.set(change.table, manifest);
      }
      manifest.set(change.id, change.entry);
    }
    const encoded = new Map<SealedRecordTable, Uint8Array<ArrayBuffer>>();
    const digests = new Map(this.digests);
    for (const [table, manifest] of manifests) {
      const bytes = encodeManifest(table, manifest);
      encoded.set(table, bytes);
      digests.set(table, await manifestDigest(bytes));
    }
    return { manifests, encoded, digests, state: await stateDigest(digests) };
  }

  /** The state digest as it stands (a commit that writes no record keeps it). */
  current(): Promise<string> {
    return stateDigest(this.digests);
  }

  /** After a commit of ours: the new head and manifests, and the cache of what was written. */
  advance(
    entry: ActivityEntry,
    next: NextState | null,
    written: readonly { table: SealedRecordTable; records: readonly Stored<object>[] }[],
  ): void {
    this.headSeq = entry.seq;
    this.head = {
      seq: entry.seq,
      hash: entry.hash,
      state: entry.state ?? null,
      digests: Object.fromEntries(next?.digests ?? this.digests),
    };
    if (next) {
      for (const [table, manifest] of next.manifests) {
        this.manifests.set(table, manifest);
        this.#byParent.delete(table);
      }
      for (const [table, digest] of next.digests) this.digests.set(table, digest);
    }
    for (const { table, records } of written) {
      const cache = this.cached(table);
      for (const record of records) cache.records.set(record.id, freezeRecord(record));
    }
  }
}

/**
 * Cached records are shared by every reader: frozen, so no caller can change another's copy by
 * accident. Only the record itself (its nested arrays and objects are left as they are: the
 * callers treat records as values and replace them, and a deep freeze of 10,000 records costs
 * a noticeable share of a read).
 */
export function freezeRecord<T extends object>(record: T): T {
  return Object.freeze(record);
}
