/** The Dexie database of one vault (one engagement). The only place its schema is declared. */
import Dexie, { type Table } from 'dexie';
import type { IdbDeps } from './idb';
import { migrations } from './migrations';
import type { ActivityRow, BlobRow, MetaRow, SealedRow } from './rows';
import { sealGuard } from './seal-guard';

/**
 * 1: sealed rows and a chained trail. 2: sealed record manifests bound to the trail head
 * (see manifest.ts); format-1 vaults are upgraded at their first unlock (vault-upgrade.ts).
 */
export const VAULT_FORMAT_VERSION = 2;

export function vaultDbName(vaultId: string): string {
  return `aw-vault-${vaultId}`;
}

export class VaultDb extends Dexie {
  declare meta: Table<MetaRow, string>;
  declare engagement: Table<SealedRow, string>;
  declare notes: Table<SealedRow, string>;
  declare activity: Table<ActivityRow, number>;
  declare blobs: Table<BlobRow, string>;
  /** Evidence files re-sealed by a re-key until its transaction commits (see rekey.ts). */
  declare staging: Table<BlobRow, string>;

  constructor(vaultId: string, idb: IdbDeps) {
    super(vaultDbName(vaultId), { indexedDB: idb.indexedDB, IDBKeyRange: idb.IDBKeyRange });
    for (const migration of migrations) this.version(migration.version).stores(migration.stores);
    this.use(sealGuard);
  }
}
