/**
 * Every schema version the vault database has ever had, oldest first. Versions are kept
 * forever so any older vault can be opened; a change is a new numbered file, never an edit.
 */
import { migration001 } from './001-initial';

export interface Migration {
  version: number;
  stores: Readonly<Record<string, string | null>>;
}

export const migrations: readonly Migration[] = [migration001];

/** Tables whose rows are sealed records (id, rev, deleted, sealed). */
export const SEALED_RECORD_TABLES = ['engagement', 'notes'] as const;
export type SealedRecordTable = (typeof SEALED_RECORD_TABLES)[number];
