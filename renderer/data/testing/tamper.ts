/**
 * An attacker's view of a vault: its IndexedDB opened directly, without the workbench's
 * schema or seal guard, as anyone with a copy of the profile folder could. Tests change the
 * stored rows with it while the vault is locked, then unlock and look at the report.
 */
import Dexie from 'dexie';
import type { IdbDeps } from '../idb';
import type { SealedRow } from '../rows';
import { vaultDbName } from '../vault-db';

export async function tamper<R>(
  idb: IdbDeps,
  vaultId: string,
  change: (db: Dexie) => Promise<R>,
): Promise<R> {
  const db = new Dexie(vaultDbName(vaultId), {
    indexedDB: idb.indexedDB,
    IDBKeyRange: idb.IDBKeyRange,
  });
  await db.open();
  try {
    return await change(db);
  } finally {
    db.close();
  }
}

/** One stored row of a sealed table, as it is on disk. */
export async function rawRow(db: Dexie, table: string, id: string): Promise<SealedRow> {
  const row = (await db.table(table).get(id)) as SealedRow | undefined;
  if (!row) throw new Error(`no ${table}/${id} row`);
  return row;
}
