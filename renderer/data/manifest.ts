/**
 * The sealed manifest: for every sealed table, which records the vault holds and at which
 * revision, whether each is a tombstone, and its parent. It is what the stored rows are checked
 * against, so a row hidden (its clear `deleted` flag set), rolled back to an older sealed copy,
 * moved to another parent or removed outside the workbench is noticed.
 *
 * One sealed `meta` row per table (`manifest:<table>`), rewritten in the same transaction as
 * every write to that table. The manifests are themselves bound to the activity trail: each
 * trail entry carries the state digest (`stateDigest`) of all manifests after its change, and
 * the trail head is sealed, so a manifest rolled back or removed no longer matches the head.
 *
 * Format (the plaintext, UTF-8 JSON, sealed with additional data `meta|manifest:<table>`):
 * `{"v":1,"table":"notes","entries":[[id, rev, deleted 0|1, parent or ""], …]}`, entries
 * sorted by id. The digest of a manifest is the SHA-256 of exactly these bytes; the state
 * digest is the SHA-256 of the canonical JSON of `{ <table>: <digest>, … }` over every sealed
 * table (a table never written has the digest of its empty manifest), except that a table added
 * after format 2 (`countedOnceWritten` in tables.ts: the sign-off tables) is left out while its
 * manifest is empty, so heads written before it existed still match; once written it counts,
 * and emptying it again outside the workbench no longer matches the head.
 */
import { sha256Hex, utf8 } from '../../shared/crypto';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { SEALED_RECORD_TABLES, type SealedRecordTable, tableSpec } from './tables';

export interface ManifestEntry {
  rev: number;
  deleted: boolean;
  /** The parent's id for child tables, else null. */
  parent: string | null;
}

export type TableManifest = ReadonlyMap<string, ManifestEntry>;

export const MANIFEST_VERSION = 1;
const MANIFEST_PREFIX = 'manifest:';

export function manifestKey(table: SealedRecordTable): `manifest:${SealedRecordTable}` {
  return `${MANIFEST_PREFIX}${table}`;
}

export function isManifestKey(key: string): boolean {
  return (
    key.startsWith(MANIFEST_PREFIX) &&
    (SEALED_RECORD_TABLES as readonly string[]).includes(key.slice(MANIFEST_PREFIX.length))
  );
}

type EntryTuple = [id: string, rev: number, deleted: 0 | 1, parent: string];

/** The manifest's plaintext bytes: what is sealed and what its digest is taken over. */
export function encodeManifest(
  table: SealedRecordTable,
  manifest: TableManifest,
): Uint8Array<ArrayBuffer> {
  const ids = [...manifest.keys()].sort();
  const entries: EntryTuple[] = ids.map((id) => {
    const entry = manifest.get(id) as ManifestEntry;
    return [id, entry.rev, entry.deleted ? 1 : 0, entry.parent ?? ''];
  });
  return utf8(JSON.stringify({ v: MANIFEST_VERSION, table, entries }));
}

export class ManifestFormatError extends Error {
  override name = 'ManifestFormatError';
}

function isEntryTuple(value: unknown): value is EntryTuple {
  return (
    Array.isArray(value) &&
    value.length === 4 &&
    typeof value[0] === 'string' &&
    Number.isInteger(value[1]) &&
    (value[1] as number) > 0 &&
    (value[2] === 0 || value[2] === 1) &&
    typeof value[3] === 'string'
  );
}

/** Reads a manifest's plaintext (already opened under the vault's key). */
export function decodeManifest(
  table: SealedRecordTable,
  value: unknown,
): Map<string, ManifestEntry> {
  if (typeof value !== 'object' || value === null) throw new ManifestFormatError('not an object');
  const { v, table: named, entries } = value as Record<string, unknown>;
  if (v !== MANIFEST_VERSION) throw new ManifestFormatError(`version ${String(v)}`);
  if (named !== table) throw new ManifestFormatError(`names table ${String(named)}`);
  if (!Array.isArray(entries)) throw new ManifestFormatError('no entries');
  const manifest = new Map<string, ManifestEntry>();
  for (const tuple of entries) {
    if (!isEntryTuple(tuple)) throw new ManifestFormatError('malformed entry');
    manifest.set(tuple[0], { rev: tuple[1], deleted: tuple[2] === 1, parent: tuple[3] || null });
  }
  return manifest;
}

export function manifestDigest(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return sha256Hex(bytes);
}

/** The digest every table's manifest starts from: that of its empty manifest. */
const emptyDigests = new Map<SealedRecordTable, Promise<string>>();
export function emptyManifestDigest(table: SealedRecordTable): Promise<string> {
  let digest = emptyDigests.get(table);
  if (digest === undefined) {
    digest = manifestDigest(encodeManifest(table, new Map()));
    emptyDigests.set(table, digest);
  }
  return digest;
}

/** The state digest over every sealed table's manifest digest. */
export async function stateDigest(
  digests: ReadonlyMap<SealedRecordTable, string>,
): Promise<string> {
  const all: Record<string, string> = {};
  for (const table of SEALED_RECORD_TABLES) {
    const digest = digests.get(table);
    if (digest === undefined) throw new Error(`no manifest digest for ${table}`);
    if (tableSpec(table).countedOnceWritten && digest === (await emptyManifestDigest(table))) {
      continue;
    }
    all[table] = digest;
  }
  return sha256Hex(canonicalJson(all));
}

/**
 * A head's recorded digest of a table; a head written before a later table existed records
 * none, which stands for its empty manifest.
 */
export async function recordedDigest(
  recorded: Readonly<Record<string, string>>,
  table: SealedRecordTable,
): Promise<string | undefined> {
  const digest = recorded[table];
  if (digest !== undefined || !tableSpec(table).countedOnceWritten) return digest;
  return emptyManifestDigest(table);
}
