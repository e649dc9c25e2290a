/**
 * The engagement-policy table (migration 7): a vault of version 6 upgrades with its tamper
 * evidence intact, takes the record, and still opens clean afterwards.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { migrations } from './migrations';
import { freshIdb, sampleEngagement } from './testing/factories';
import { VaultDb, vaultDbName } from './vault-db';
import { createVaultStore } from './vaults';

const PASS = 'engagement policy passphrase';

describe('the engagement policy table', () => {
  it('is added to a version 6 vault, whose trail head still matches', async () => {
    const idb = freshIdb();
    const store = createVaultStore({ idb });
    const { session } = await store.create({
      label: 'v6',
      passphrase: PASS,
      owner: '陳組長',
      engagement: sampleEngagement(),
    });
    const vaultId = session.vaultId;
    session.lock();
    const name = vaultDbName(vaultId);
    const raw = new Dexie(name, { indexedDB: idb.indexedDB, IDBKeyRange: idb.IDBKeyRange });
    await raw.open();
    const dump = Object.fromEntries(
      await Promise.all(raw.tables.map(async (t) => [t.name, await t.toArray()] as const)),
    );
    raw.close();
    await raw.delete();
    const old = new Dexie(name, { indexedDB: idb.indexedDB, IDBKeyRange: idb.IDBKeyRange });
    for (const m of migrations.filter((m) => m.version < 7))
      old.version(m.version).stores(m.stores);
    await old.open();
    expect(old.tables.map((t) => t.name)).not.toContain('engagementPolicies');
    for (const table of old.tables) await table.bulkAdd((dump[table.name] ?? []) as object[]);
    old.close();

    const upgraded = await store.unlock(vaultId, PASS);
    expect(upgraded.integrityProblems).toEqual([]);
    await upgraded.create('engagementPolicies', { requireTrustedSigner: true }, 'on');
    upgraded.lock();
    const again = await store.unlock(vaultId, PASS);
    expect(again.integrityProblems).toEqual([]);
    expect((await again.list('engagementPolicies')).map((p) => p.requireTrustedSigner)).toEqual([
      true,
    ]);
    const db = new VaultDb(vaultId, idb);
    await db.open();
    expect(db.verno).toBe(7);
    db.close();
  });
});
