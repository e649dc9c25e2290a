import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshIdb, sampleNote } from '../testing/factories';
import { VaultDb, vaultDbName } from '../vault-db';
import { createVaultStore } from '../vaults';
import { migrations } from '.';

describe('schema migrations', () => {
  it('are numbered 1, 2, 3 … with no gap', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('open a vault written at version 1 and keep its records', async () => {
    const idb = freshIdb();
    const store = createVaultStore({ idb });
    const { session } = await store.create({
      label: 'old',
      passphrase: 'migration passphrase',
      owner: '陳稽核',
      engagement: {
        entity: '舊案件',
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
        scope: '',
        team: [{ name: '陳稽核', role: 'lead' }],
      },
    });
    const note = await session.create('notes', sampleNote(), 'n');
    session.lock();

    // Rewind the database to version 1, as a vault made by the first release would be.
    const name = vaultDbName(session.vaultId);
    const raw = new Dexie(name, { indexedDB: idb.indexedDB, IDBKeyRange: idb.IDBKeyRange });
    await raw.open();
    const dump: Record<string, unknown[]> = Object.fromEntries(
      await Promise.all(
        raw.tables.map(async (t): Promise<[string, unknown[]]> => [t.name, await t.toArray()]),
      ),
    );
    raw.close();
    await raw.delete();
    const again = new Dexie(name, { indexedDB: idb.indexedDB, IDBKeyRange: idb.IDBKeyRange });
    again.version(1).stores(migrations[0]?.stores ?? {});
    await again.open();
    for (const table of again.tables) await table.bulkAdd(dump[table.name] ?? []);
    expect(again.verno).toBe(1);
    again.close();

    const reopened = await store.unlock(session.vaultId, 'migration passphrase');
    expect(await reopened.get('notes', note.id)).toEqual(note);
    const db = new VaultDb(session.vaultId, idb);
    await db.open();
    expect(db.verno).toBe(migrations.length);
    expect(db.tables.map((t) => t.name)).toContain('blobs');
  });
});
