/**
 * What the parts of an unlocked session share: the database, the keys (dropped on lock), the
 * actor and clock, the vault state the rows are checked against, and the integrity monitor.
 * Opening and sealing a record row live here, because reading and writing both need them.
 */
import {
  type Bytes,
  openJson,
  recordAadFor,
  sealMany,
  type Sealed,
  utf8,
  type VaultKeys,
} from '../../shared/crypto';
import type { RecordMeta, Stored, VaultId } from '../../shared/domain/records';
import { CorruptRecordError, LockedError } from './errors';
import type { IntegrityMonitor, IntegrityProblem } from './integrity';
import type { SealedRow } from './rows';
import { type SealedRecordTable, tableSpec } from './tables';
import type { SealedOpener, VaultState } from './vault-state';
import type { VaultDb } from './vault-db';

export type Clock = () => Date;

/** Where the trail head is remembered outside the database (see `TrailAnchors`). */
export interface TrailAnchor {
  seq: number;
  hash: string;
}

/**
 * A place outside the vault's database that remembers the newest trail head this machine saw,
 * so a database put back from an older copy is noticed: the desktop app keeps it sealed with
 * the operating system's key store (Electron `safeStorage`); the browser edition can only keep
 * it in the same profile.
 */
export interface TrailAnchors {
  read(vaultId: string): Promise<TrailAnchor | null>;
  write(vaultId: string, anchor: TrailAnchor): Promise<void>;
}

export interface SessionCore {
  readonly db: VaultDb;
  readonly vaultId: VaultId;
  readonly actor: string;
  readonly now: Clock;
  readonly state: VaultState;
  readonly integrity: IntegrityMonitor;
  readonly anchors: TrailAnchors | null;
  /** The working keys; throws LockedError once locked. */
  keys(): VaultKeys;
  /** Opens a sealed value of this vault; throws CorruptRecordError if it does not open. */
  readonly open: SealedOpener;
}

export function makeOpener(keys: () => VaultKeys, vaultId: VaultId): SealedOpener {
  const aads = new Map<string, (id: string | number) => Bytes>();
  const aadOf = (table: string) => {
    let aad = aads.get(table);
    if (!aad) aads.set(table, (aad = recordAadFor(vaultId, table)));
    return aad;
  };
  // Promise chains rather than async functions: a list opens every row at once (see openJson).
  return (table, id, sealed) => {
    let key: CryptoKey;
    try {
      key = keys().record;
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return openJson(key, sealed, aadOf(table)(id)).catch((error: unknown) => {
      throw new CorruptRecordError(
        table,
        String(id),
        error instanceof Error ? error.message : String(error),
      );
    });
  };
}

/** What a sealed record holds: its metadata (repeated from the clear fields) and its payload. */
export type SealedRecord<T> = RecordMeta & { data: T };

/**
 * The shape check of an opened record. The payload is not validated again on read: it was
 * validated when written (and on import and in migrations), and it authenticated under this
 * vault's key, so only this vault's own code can have written it (see ARCHITECTURE.md).
 */
function isSealedRecord(value: unknown): value is SealedRecord<object> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.rev === 'number' &&
    Number.isInteger(v.rev) &&
    v.rev > 0 &&
    typeof v.updatedAt === 'string' &&
    typeof v.updatedBy === 'string' &&
    typeof v.deleted === 'boolean' &&
    typeof v.data === 'object' &&
    v.data !== null &&
    !Array.isArray(v.data)
  );
}

/**
 * A row's sealed content, or why it cannot be had: it does not open under this vault's key
 * with additional data naming this table and id, or it is not shaped like a record.
 */
export function openSealedRecord(
  core: SessionCore,
  table: SealedRecordTable,
  row: SealedRow,
): Promise<SealedRecord<object> | string> {
  return core.open(table, row.id, row.sealed).then(
    (value) => (isSealedRecord(value) && value.id === row.id ? value : 'malformed content'),
    (error: unknown) => {
      if (error instanceof LockedError) throw error;
      return 'does not open under this vault key: altered, or moved from another record';
    },
  );
}

export interface OpenedRow {
  /** The record, when its content can be trusted as current; else null. */
  record: Stored<object> | null;
  problems: IntegrityProblem[];
}

/**
 * Opens a row and checks it three ways: it must open under this vault's key with additional
 * data naming this table and id; its clear fields must agree with their sealed copies; and its
 * revision, tombstone and parent must be what the table's manifest holds. A row whose clear
 * fields alone were changed is still intact (the sealed copy is the truth) and is returned with
 * the problem; one rolled back, unknown or unreadable is not returned.
 */
export function openRecordRow(
  core: SessionCore,
  table: SealedRecordTable,
  row: SealedRow,
): Promise<OpenedRow> {
  return openSealedRecord(core, table, row).then((value) => checkOpened(core, table, row, value));
}

function checkOpened(
  core: SessionCore,
  table: SealedRecordTable,
  row: SealedRow,
  value: SealedRecord<object> | string,
): OpenedRow {
  const where = { table, id: row.id };
  if (typeof value === 'string') {
    return { record: null, problems: [{ kind: 'altered', ...where, detail: value }] };
  }
  const { data, ...meta } = value;
  const parentOf = tableSpec(table).parentOf as ((payload: object) => string) | null;
  const parent = parentOf ? parentOf(data) : null;
  const problems: IntegrityProblem[] = [];

  if (core.state.trusts(table)) {
    const entry = core.state.manifest(table).get(row.id);
    if (!entry) {
      const detail = 'a row this vault never wrote';
      return { record: null, problems: [{ kind: 'unknown', ...where, detail }] };
    }
    if (meta.rev < entry.rev) {
      const detail = `an older sealed copy (revision ${meta.rev} of ${entry.rev}) was put back`;
      return {
        record: null,
        problems: [
          { kind: 'rolled-back', ...where, foundRev: meta.rev, expectedRev: entry.rev, detail },
        ],
      };
    }
    if (meta.rev > entry.rev || meta.deleted !== entry.deleted || parent !== entry.parent) {
      problems.push({ kind: 'altered', ...where, detail: 'differs from the record manifest' });
    }
  }
  if (row.deleted !== (meta.deleted ? 1 : 0)) {
    const hidden = row.deleted === 1 && !meta.deleted;
    const detail = hidden
      ? 'its clear tombstone flag was set, hiding a live record'
      : 'its clear tombstone flag was cleared';
    problems.push({ kind: hidden ? 'hidden' : 'altered', ...where, detail });
  }
  if ((row.parent ?? null) !== parent) {
    problems.push({ kind: 'moved', ...where, detail: 'its clear parent was changed' });
  }
  if (row.rev !== meta.rev) {
    problems.push({ kind: 'altered', ...where, detail: 'its clear revision was changed' });
  }
  return { record: { ...data, ...meta }, problems };
}

/** Records ready to be sealed, with the metadata of this write. */
export interface RecordToSeal {
  meta: RecordMeta;
  data: object;
}

/**
 * Seals records of one table in one pass: JSON and UTF-8, additional data `vault|table|id`,
 * one random draw for all IVs. The row keeps id, revision, tombstone and parent in clear.
 */
export async function sealRecordRows(
  keys: VaultKeys,
  vaultId: VaultId,
  table: SealedRecordTable,
  records: readonly RecordToSeal[],
): Promise<SealedRow[]> {
  const aad = recordAadFor(vaultId, table);
  const sealed: Sealed[] = await sealMany(
    keys.record,
    records.map(({ meta, data }) => ({
      plaintext: utf8(JSON.stringify({ ...meta, data })),
      aad: aad(meta.id),
    })),
  );
  const parentOf = tableSpec(table).parentOf as ((payload: object) => string) | null;
  return records.map(({ meta, data }, i) => {
    const row: SealedRow = {
      id: meta.id,
      rev: meta.rev,
      deleted: meta.deleted ? 1 : 0,
      sealed: sealed[i] as Sealed,
    };
    if (parentOf) row.parent = parentOf(data);
    return row;
  });
}
