/**
 * The list of vaults on this machine. It holds no engagement data: only the label the user
 * chose for the list (shown as "not encrypted"), when the vault was made, and the count of
 * failed unlocks that drives the back-off.
 */
import Dexie, { type Table } from 'dexie';
import type { IsoInstant } from '../../shared/domain/dates';
import type { VaultId } from '../../shared/domain/records';
import type { IdbDeps } from './idb';

export interface VaultEntry {
  id: VaultId;
  /** Not encrypted: the user is told so when choosing it. */
  label: string;
  createdAt: string;
  failures: number;
  lastFailureAt: IsoInstant | null;
}

export const REGISTRY_DB_NAME = 'aw-registry';

export class RegistryDb extends Dexie {
  declare vaults: Table<VaultEntry, string>;

  constructor(idb: IdbDeps) {
    super(REGISTRY_DB_NAME, { indexedDB: idb.indexedDB, IDBKeyRange: idb.IDBKeyRange });
    this.version(1).stores({ vaults: 'id, createdAt' });
  }
}
