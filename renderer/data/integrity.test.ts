/**
 * The attacks an issue reviewer made with a copy of the profile folder and no key: the stored
 * rows are changed with the vault locked (through IndexedDB directly, no seal guard), then the
 * vault is unlocked as usual. Each must be reported with its kind and record; an untouched
 * vault must report nothing.
 */
import type Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../shared/crypto';
import type { IntegrityKind, IntegrityProblem } from './integrity';
import type { TrailAnchor, TrailAnchors } from './session-core';
import { freshIdb, sampleEngagement, sampleNote } from './testing/factories';
import { rawRow, tamper } from './testing/tamper';
import { createVaultStore, type VaultStoreOptions } from './vaults';

const PASS = 'integrity passphrase 2025';
const INSPECTION = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

function memoryAnchors(): TrailAnchors & { saved: Map<string, TrailAnchor> } {
  const saved = new Map<string, TrailAnchor>();
  return {
    saved,
    read: (vaultId) => Promise.resolve(saved.get(vaultId) ?? null),
    write: (vaultId, anchor) => {
      saved.set(vaultId, anchor);
      return Promise.resolve();
    },
  };
}

async function setup(options: Partial<VaultStoreOptions> = {}) {
  const idb = freshIdb();
  const store = createVaultStore({ idb, ...options });
  const { session, recoveryKey } = await store.create({
    label: '完整性',
    passphrase: PASS,
    owner: '陳稽核',
    engagement: sampleEngagement(),
  });
  const note = await session.create('notes', sampleNote({ title: '第一版' }), 'note');
  const updated = await session.update(
    'notes',
    note.id,
    note.rev,
    sampleNote({ title: '第二版' }),
    'note',
  );
  const other = await session.create('notes', sampleNote({ title: '另一筆' }), 'other');
  const finding = await session.createMany(
    'findings',
    [],
    'none', // an empty batch still writes an entry
  );
  expect(finding).toEqual([]);
  const vaultId = session.vaultId;
  const attack = (change: (db: Dexie) => Promise<unknown>) => tamper(idb, vaultId, change);
  const reopen = () => store.unlock(vaultId, PASS);
  return { idb, store, session, recoveryKey, vaultId, note: updated, other, attack, reopen };
}

/** An empty vault of its own, for attacks that need a fresh history. */
async function freshVault(label: string) {
  const idb = freshIdb();
  const store = createVaultStore({ idb });
  const { session } = await store.create({
    label,
    passphrase: PASS,
    owner: '陳稽核',
    engagement: sampleEngagement(),
  });
  return { idb, store, session };
}

/** Every table's rows as stored, and a way to put exactly those back (an older copy). */
async function snapshotOf(idb: ReturnType<typeof freshIdb>, vaultId: string) {
  const tables = await tamper(idb, vaultId, (db) =>
    Promise.all(db.tables.map(async (t) => ({ name: t.name, rows: await t.toArray() }))),
  );
  return () =>
    tamper(idb, vaultId, async (db) => {
      for (const { name, rows } of tables) {
        await db.table(name).clear();
        await db.table(name).bulkPut(rows);
      }
    });
}

function kinds(problems: readonly IntegrityProblem[]): IntegrityKind[] {
  return [...new Set(problems.map((p) => p.kind))].sort();
}

describe('changes made outside the workbench are reported after unlock', () => {
  it('nothing is reported for an untouched vault, across unlocks, edits, batches, files and deletions', async () => {
    const { session, store, vaultId, note, reopen } = await setup();
    expect(await session.start()).toEqual([]);
    await session.createBatch(
      [
        { table: 'notes', items: [{ data: sampleNote({ title: 'batch' }) }] },
        { table: 'systems', items: [] },
      ],
      'import',
    );
    const file = await session.attach(INSPECTION, {
      name: 'a.txt',
      mimeType: 'text/plain',
      bytes: utf8('evidence'),
    });
    await session.remove('notes', note.id, note.rev, 'gone');
    await session.removeAttachment(file.id, file.rev);
    await session.attach(INSPECTION, { name: 'b.txt', mimeType: 'text/plain', bytes: utf8('b') });
    session.lock();
    const again = await reopen();
    expect(again.integrityProblems).toEqual([]);
    expect(await again.verifyIntegrity()).toEqual([]);
    await store.changePassphrase(again, PASS, 'another passphrase 2025');
    again.lock();
    const third = await store.unlock(vaultId, 'another passphrase 2025');
    expect(third.integrityProblems).toEqual([]);
    expect((await third.activity()).map((e) => e.action)).not.toContain('vault.integrity-alert');
  });

  it('a live record hidden by setting its clear tombstone flag', async () => {
    const { session, note, attack, reopen } = await setup();
    session.lock();
    await attack(async (db) => db.table('notes').update(note.id, { deleted: 1 }));
    const reopened = await reopen();
    expect(reopened.integrityProblems).toEqual([
      expect.objectContaining({ kind: 'hidden', table: 'notes', id: note.id }),
    ]);
    // Its sealed copy says it is live: it is shown, not lost.
    expect((await reopened.list('notes')).map((n) => n.title)).toContain('第二版');
    const actions = (await reopened.activity()).map((e) => e.action);
    expect(actions.at(-1)).toBe('vault.integrity-alert');
  });

  it('a record rolled back to its older sealed row', async () => {
    const { idb, store, session } = await freshVault('rollback');
    const first = await session.create('notes', sampleNote({ title: '第一版' }), 'n');
    const old = await tamper(idb, session.vaultId, (db) => rawRow(db, 'notes', first.id));
    await session.update('notes', first.id, 1, sampleNote({ title: '第二版' }), 'n');
    session.lock();
    await tamper(idb, session.vaultId, (db) => db.table('notes').put(old));
    const reopened = await store.unlock(session.vaultId, PASS);
    expect(reopened.integrityProblems).toEqual([
      expect.objectContaining({
        kind: 'rolled-back',
        table: 'notes',
        id: first.id,
        foundRev: 1,
        expectedRev: 2,
      }),
    ]);
    // The old text is never shown as current.
    expect(await reopened.get('notes', first.id)).toBeUndefined();
    expect(await reopened.list('notes')).toEqual([]);
  });

  it('an older sealed row put back with its clear revision set to the current one', async () => {
    const { idb, store, session } = await freshVault('rollback 2');
    const first = await session.create('notes', sampleNote({ title: '第一版' }), 'n');
    const old = await tamper(idb, session.vaultId, (db) => rawRow(db, 'notes', first.id));
    await session.update('notes', first.id, 1, sampleNote({ title: '第二版' }), 'n');
    session.lock();
    await tamper(idb, session.vaultId, (db) => db.table('notes').put({ ...old, rev: 2 }));
    const reopened = await store.unlock(session.vaultId, PASS);
    // The clear fields look current; opening the row tells.
    expect(await reopened.list('notes')).toEqual([]);
    expect(reopened.integrityProblems).toContainEqual(
      expect.objectContaining({ kind: 'rolled-back', id: first.id, foundRev: 1, expectedRev: 2 }),
    );
  });

  it('a record removed', async () => {
    const { session, other, attack, reopen } = await setup();
    session.lock();
    await attack((db) => db.table('notes').delete(other.id));
    const reopened = await reopen();
    expect(reopened.integrityProblems).toEqual([
      expect.objectContaining({ kind: 'removed', table: 'notes', id: other.id }),
    ]);
    expect((await reopened.list('notes')).map((n) => n.id)).not.toContain(other.id);
  });

  it('a row moved to another table', async () => {
    const { session, other, attack, reopen } = await setup();
    session.lock();
    await attack(async (db) => {
      await db.table('systems').put(await rawRow(db, 'notes', other.id));
      await db.table('notes').delete(other.id);
    });
    const reopened = await reopen();
    expect(kinds(reopened.integrityProblems)).toEqual(['removed', 'unknown']);
    expect(reopened.integrityProblems).toContainEqual(
      expect.objectContaining({ kind: 'unknown', table: 'systems', id: other.id }),
    );
    expect(await reopened.list('systems')).toEqual([]);
  });

  it('an evidence file whose bytes were removed', async () => {
    const { session, attack, reopen } = await setup();
    const file = await session.attach(INSPECTION, {
      name: 'a.txt',
      mimeType: 'text/plain',
      bytes: utf8('evidence'),
    });
    session.lock();
    await attack((db) => db.table('blobs').delete(file.id));
    const reopened = await reopen();
    expect(reopened.integrityProblems).toEqual([
      expect.objectContaining({ kind: 'removed', table: 'blobs', id: file.id }),
    ]);
  });

  it('the trail erased, with its head', async () => {
    const { session, attack, reopen } = await setup();
    session.lock();
    await attack(async (db) => {
      await db.table('activity').clear();
      await db.table('meta').delete('activity-head');
    });
    const reopened = await reopen();
    expect(kinds(reopened.integrityProblems)).toContain('trail-erased');
    // The vault remains usable: saving chains on from a fresh start.
    await reopened.create('notes', sampleNote({ title: 'after' }), 'after');
    expect((await reopened.list('notes')).length).toBeGreaterThan(0);
  });

  it('the trail cut short', async () => {
    const { session, attack, reopen } = await setup();
    session.lock();
    await attack(async (db) => {
      const last = (await db.table('activity').orderBy('seq').last()) as { seq: number };
      await db.table('activity').bulkDelete([last.seq, last.seq - 1]);
    });
    const reopened = await reopen();
    expect(kinds(reopened.integrityProblems)).toContain('trail-cut');
  });

  it('a trail entry removed from the middle, or two entries swapped', async () => {
    const { session, attack, reopen } = await setup();
    session.lock();
    await attack(async (db) => {
      const a = (await db.table('activity').get(2)) as { seq: number; sealed: unknown };
      const b = (await db.table('activity').get(3)) as { seq: number; sealed: unknown };
      await db.table('activity').bulkPut([
        { seq: 2, sealed: b.sealed },
        { seq: 3, sealed: a.sealed },
      ]);
      await db.table('activity').delete(4);
    });
    const reopened = await reopen();
    expect(kinds(reopened.integrityProblems)).toEqual(['trail-edited', 'trail-entry-removed']);
  });

  it('a record and its manifest rolled back together', async () => {
    const { idb, store, session } = await freshVault('manifest');
    const first = await session.create('notes', sampleNote({ title: '第一版' }), 'n');
    const saved = await tamper(idb, session.vaultId, async (db) => ({
      row: await rawRow(db, 'notes', first.id),
      manifest: (await db.table('meta').get('manifest:notes')) as object,
    }));
    await session.update('notes', first.id, 1, sampleNote({ title: '第二版' }), 'n');
    session.lock();
    await tamper(idb, session.vaultId, async (db) => {
      await db.table('notes').put(saved.row);
      await db.table('meta').put(saved.manifest);
    });
    const reopened = await store.unlock(session.vaultId, PASS);
    expect(reopened.integrityProblems).toContainEqual(
      expect.objectContaining({ kind: 'manifest-altered', table: 'notes' }),
    );
    // Only the altered table is suspect.
    expect(
      reopened.integrityProblems.filter((p) => p.kind === 'manifest-altered').map((p) => p.table),
    ).toEqual(['notes']);
  });

  it('a whole older copy of the database put back, where an anchor outside it can tell', async () => {
    const anchors = memoryAnchors();
    const { idb, session, vaultId, reopen } = await setup({ anchors });
    session.lock();
    const putBackOlderCopy = await snapshotOf(idb, vaultId);
    const later = await reopen();
    await later.create('notes', sampleNote({ title: '之後' }), 'later');
    later.lock();
    await putBackOlderCopy();
    expect(anchors.saved.get(vaultId)).toBeDefined();
    const reopened = await reopen();
    expect(kinds(reopened.integrityProblems)).toEqual(['older-copy']);
  });

  it('a second window writing meanwhile raises no false alarm', async () => {
    const { store, session, vaultId, note } = await setup();
    const other = await store.unlock(vaultId, PASS);
    await other.update('notes', note.id, note.rev, sampleNote({ title: '第三版' }), 'elsewhere');
    expect((await session.get('notes', note.id))?.title).toBe('第三版');
    expect(session.integrityProblems).toEqual([]);
    await session.create('notes', sampleNote({ title: 'here' }), 'here');
    expect(await other.list('notes')).toHaveLength(3);
    expect(other.integrityProblems).toEqual([]);
  });

  it('the full check opens every row and file, and finds a flipped byte the unlock check cannot see', async () => {
    const { session, other, attack, reopen } = await setup();
    session.lock();
    await attack(async (db) => {
      const row = await rawRow(db, 'notes', other.id);
      row.sealed.ct[3] = (row.sealed.ct[3] ?? 0) ^ 1;
      await db.table('notes').put(row);
    });
    const reopened = await reopen();
    expect(reopened.integrityProblems).toEqual([]);
    const progress: { done: number; total: number }[] = [];
    const found = await reopened.verifyIntegrity((p) => progress.push(p));
    expect(found).toEqual([expect.objectContaining({ kind: 'altered', id: other.id })]);
    expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total);
    expect(progress.length).toBe(progress.at(-1)?.total);
  });

  it('a file made from a newer state tells, even without an anchor, that an older copy was put back', async () => {
    const { idb, session, vaultId, reopen } = await setup();
    session.lock();
    const putBackOlderCopy = await snapshotOf(idb, vaultId);
    const later = await reopen();
    await later.create('notes', sampleNote({ title: '之後' }), 'later');
    const exportedAt = (await later.activity()).at(-1);
    if (!exportedAt) throw new Error('no trail');
    expect(await later.checkExportedHead(exportedAt)).toBeNull();
    later.lock();
    await putBackOlderCopy();
    const reopened = await reopen();
    expect(reopened.integrityProblems).toEqual([]);
    expect(await reopened.checkExportedHead(exportedAt)).toMatchObject({
      kind: 'older-copy',
      seq: exportedAt.seq,
    });
    expect(kinds(reopened.integrityProblems)).toEqual(['older-copy']);
  });
});
