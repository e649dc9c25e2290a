/**
 * The shapes rows take on disk. Only these fields are ever stored in clear; everything else a
 * record holds is inside `sealed`. The seal guard enforces this on every write.
 */
import type { Keyslot, Sealed } from '../../shared/crypto';

/** A sealed record: opaque id, revision counter and tombstone flag in clear, the rest sealed. */
export interface SealedRow {
  id: string;
  rev: number;
  /** 0 or 1 rather than a boolean, because IndexedDB cannot index booleans. */
  deleted: 0 | 1;
  /** Child tables only: the parent record's id (opaque), indexed to list children. */
  parent?: string;
  sealed: Sealed;
}

/** An activity-trail entry: its sequence number in clear (the key), the entry sealed. */
export interface ActivityRow {
  seq: number;
  sealed: Sealed;
}

/** The sealed bytes of an evidence file, keyed by its evidence record's id. */
export interface BlobRow {
  id: string;
  sealed: Sealed;
}

export type MetaRow =
  | { key: 'header'; vaultId: string; formatVersion: number; createdAt: string }
  | { key: `keyslot:${Keyslot['kind']}`; slot: Keyslot }
  | { key: 'activity-head'; seq: number; sealed: Sealed }
  | { key: 'owner'; sealed: Sealed }
  /** The sealed record manifest of one table (see `manifest.ts`). */
  | { key: `manifest:${string}`; sealed: Sealed };

export const SEALED_ROW_FIELDS = ['id', 'rev', 'deleted', 'parent', 'sealed'] as const;
export const ACTIVITY_ROW_FIELDS = ['seq', 'sealed'] as const;
export const BLOB_ROW_FIELDS = ['id', 'sealed'] as const;

/** A re-sealed evidence file waiting for a re-key to commit (see `rekey.ts`). */
export type StagedBlobRow = BlobRow;
