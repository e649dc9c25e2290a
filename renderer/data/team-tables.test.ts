/**
 * The team-work tables (migration 6): a vault of the previous version upgrades and takes
 * them; their records are sealed (no auditor name or scope in clear) and read back; and the
 * tamper evidence covers them like any sealed table.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { newRecordId } from '../../shared/domain/records';
import type { Assignment, MergeInfoRecord } from '../../shared/domain/team';
import { migrations } from './migrations';
import { freshIdb, sampleEngagement } from './testing/factories';
import { rawDatabaseContains } from './testing/raw-scan';
import { rawRow, tamper } from './testing/tamper';
import { VaultDb, vaultDbName } from './vault-db';
import { createVaultStore } from './vaults';

const PASS = 'team tables passphrase';
const AUDITOR = '林查核員甲';
const INSPECTION = newRecordId();

async function freshVault() {
  const idb = freshIdb();
  const store = createVaultStore({ idb });
  const { session } = await store.create({
    label: 'team',
    passphrase: PASS,
    owner: '陳組長',
    engagement: sampleEngagement(),
  });
  return { idb, store, session };
}

function assignment(auditor = AUDITOR): Assignment {
  return { inspectionId: INSPECTION, target: { kind: 'section', id: 'SR-04' }, auditor };
}

function mergeInfo(): MergeInfoRecord {
  return {
    table: 'notes',
    info: {
      provenance: [],
      losing: [
        {
          field: 'title',
          key: null,
          value: '被取代的標題',
          deleted: false,
          source: {
            packageId: newRecordId(),
            packageHash: 'a'.repeat(64),
            auditor: AUDITOR,
            updatedAt: '2026-01-01T00:00:00.000Z',
            updatedBy: AUDITOR,
          },
          reason: 'not-picked',
          mergeId: newRecordId(),
          mergedAt: '2026-01-02T00:00:00.000Z',
          decidedBy: '陳組長',
        },
      ],
    },
  };
}

describe('team tables', () => {
  it('a vault of the previous schema version upgrades and takes team records', async () => {
    const { idb, store, session } = await freshVault();
    const vaultId = session.vaultId;
    session.lock();
    // Rebuild the database at the version before team work, as the last release left it.
    const name = vaultDbName(vaultId);
    const raw = new Dexie(name, { indexedDB: idb.indexedDB, IDBKeyRange: idb.IDBKeyRange });
    await raw.open();
    const dump = Object.fromEntries(
      await Promise.all(raw.tables.map(async (t) => [t.name, await t.toArray()] as const)),
    );
    raw.close();
    await raw.delete();
    const previous = migrations.filter((m) => m.version < 6);
    const old = new Dexie(name, { indexedDB: idb.indexedDB, IDBKeyRange: idb.IDBKeyRange });
    for (const m of previous) old.version(m.version).stores(m.stores);
    await old.open();
    expect(old.tables.map((t) => t.name)).not.toContain('assignments');
    for (const table of old.tables) await table.bulkAdd((dump[table.name] ?? []) as object[]);
    old.close();

    const reopened = await store.unlock(vaultId, PASS);
    expect(reopened.integrityProblems).toEqual([]);
    const created = await reopened.create('assignments', assignment(), 'assign');
    expect((await reopened.listChildren('assignments', INSPECTION)).map((a) => a.id)).toEqual([
      created.id,
    ]);
    const db = new VaultDb(vaultId, idb);
    await db.open();
    expect(db.verno).toBe(migrations.at(-1)?.version);
    db.close();
  });

  it('seals every team record and reads it back', async () => {
    const { idb, store, session } = await freshVault();
    const baseId = newRecordId();
    const packageId = newRecordId();
    const at = '2026-01-01T00:00:00.000Z';
    const written = [
      await session.create('assignments', assignment(), 'a'),
      await session.create(
        'handouts',
        { packageId, baseId, auditor: AUDITOR, scope: ['SR-04'], at, by: '陳組長' },
        'h',
      ),
      await session.create(
        'mergedPackages',
        {
          packageId,
          packageHash: 'b'.repeat(64),
          auditor: AUDITOR,
          baseId,
          mergeId: newRecordId(),
          at,
          by: '陳組長',
          trail: [],
        },
        'm',
      ),
      await session.create('mergeInfo', mergeInfo(), 'i'),
    ];
    const base = await session.writeExact(
      [
        {
          table: 'handoutBases',
          id: baseId,
          rev: 1,
          deleted: false,
          data: {
            at,
            records: [
              {
                table: 'notes',
                id: newRecordId(),
                rev: 1,
                deleted: false,
                data: { title: '基準內容' },
              },
            ],
          },
          updatedAt: at,
          updatedBy: '陳組長',
        },
      ],
      { action: 'team.handed-out', target: null, summary: 'base' },
    );
    expect(base.action).toBe('team.handed-out');
    session.lock();
    for (const canary of [AUDITOR, 'SR-04', '被取代的標題', '基準內容']) {
      expect(await rawDatabaseContains(idb, vaultDbName(session.vaultId), canary)).toEqual([]);
    }
    const reopened = await store.unlock(session.vaultId, PASS);
    expect(reopened.integrityProblems).toEqual([]);
    expect(await reopened.list('assignments')).toEqual([written[0]]);
    expect(await reopened.list('handouts')).toEqual([written[1]]);
    expect(await reopened.list('mergedPackages')).toEqual([written[2]]);
    expect(await reopened.list('mergeInfo')).toEqual([written[3]]);
    expect((await reopened.get('handoutBases', baseId))?.records).toHaveLength(1);
  });

  it('refuses a team record its schema refuses, writing nothing', async () => {
    const { session } = await freshVault();
    await expect(
      session.create('assignments', { ...assignment(), auditor: '' }, 'bad'),
    ).rejects.toThrow();
    expect(await session.list('assignments')).toEqual([]);
  });

  it('reports a team record rolled back, hidden or removed outside the workbench', async () => {
    const { idb, store, session } = await freshVault();
    const info = await session.create('mergeInfo', mergeInfo(), 'i');
    const old = await tamper(idb, session.vaultId, (db) => rawRow(db, 'mergeInfo', info.id));
    await session.update('mergeInfo', info.id, 1, { ...mergeInfo(), table: 'findings' }, 'i2');
    const gone = await session.create('assignments', assignment(), 'a');
    const hidden = await session.create(
      'handouts',
      {
        packageId: newRecordId(),
        baseId: newRecordId(),
        auditor: AUDITOR,
        scope: [],
        at: '2026-01-01T00:00:00.000Z',
        by: '陳組長',
      },
      'h',
    );
    session.lock();
    await tamper(idb, session.vaultId, async (db) => {
      await db.table('mergeInfo').put(old);
      await db.table('assignments').delete(gone.id);
      await db.table('handouts').put({ ...(await rawRow(db, 'handouts', hidden.id)), deleted: 1 });
    });
    const reopened = await store.unlock(session.vaultId, PASS);
    expect(reopened.integrityProblems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'rolled-back', table: 'mergeInfo', id: info.id }),
        expect.objectContaining({ kind: 'removed', table: 'assignments', id: gone.id }),
        expect.objectContaining({ kind: 'hidden', table: 'handouts', id: hidden.id }),
      ]),
    );
    expect(await reopened.get('mergeInfo', info.id)).toBeUndefined();
  });
});
