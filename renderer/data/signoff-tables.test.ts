/**
 * The sign-off tables (migration 5) through real Dexie on fake-indexeddb: a vault written by
 * the version before them opens, is upgraded and reports nothing; their records seal and read
 * back; a sign-off row changed outside the workbench is reported like any other record.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../shared/crypto';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { asIsoInstant } from '../../shared/domain/dates';
import { signUnlock } from '../../shared/signoff/signing';
import { raiseNote } from '../../shared/signoff/state';
import { PASSPHRASE, must, signoffFixture } from '../../shared/signoff/testing';
import { emptyManifestDigest, stateDigest } from './manifest';
import { migrations } from './migrations';
import { SEALED_RECORD_TABLES, type SealedRecordTable, tableSpec } from './tables';
import { freshIdb, sampleEngagement, sampleNote } from './testing/factories';
import { rawRow, tamper } from './testing/tamper';
import { VaultDb, vaultDbName } from './vault-db';
import { createVaultStore } from './vaults';

const PASS = 'signoff tables passphrase';
const SIGNOFF_TABLES = [
  'signingIdentities',
  'trustedSigners',
  'signoffPolicies',
  'signoffs',
  'reviewNotes',
  'unlocks',
] as const;

async function newVault() {
  const idb = freshIdb();
  const store = createVaultStore({ idb });
  const { session } = await store.create({
    label: 'signoff',
    passphrase: PASS,
    owner: '張核定',
    engagement: sampleEngagement(),
  });
  return { idb, store, session };
}

/** Rewrites the vault's database at schema version 4, as the release before sign-off left it. */
async function rewindToVersion4(idb: ReturnType<typeof freshIdb>, vaultId: string) {
  const name = vaultDbName(vaultId);
  const raw = new Dexie(name, { indexedDB: idb.indexedDB, IDBKeyRange: idb.IDBKeyRange });
  await raw.open();
  const dump = Object.fromEntries(
    await Promise.all(raw.tables.map(async (t) => [t.name, await t.toArray()] as const)),
  );
  raw.close();
  await raw.delete();
  const old = new Dexie(name, { indexedDB: idb.indexedDB, IDBKeyRange: idb.IDBKeyRange });
  for (const m of migrations.filter((m) => m.version <= 4)) old.version(m.version).stores(m.stores);
  await old.open();
  for (const table of old.tables) await table.bulkAdd(dump[table.name] ?? []);
  const tables = old.tables.map((t) => t.name);
  old.close();
  return tables;
}

describe('the sign-off tables (migration 5)', () => {
  it('are sealed tables, the four per inspection indexed by their inspection', () => {
    for (const table of SIGNOFF_TABLES) expect(SEALED_RECORD_TABLES).toContain(table);
    const m5 = must(migrations.find((m) => m.version === 5));
    for (const table of ['signoffPolicies', 'signoffs', 'reviewNotes', 'unlocks'] as const) {
      expect(m5.stores[table]).toContain('parent');
      expect(tableSpec(table).parentOf).not.toBeNull();
    }
  });

  it('leave the state digest of a vault that never wrote them as the release before made it', async () => {
    // What a version-4 head recorded: the digest over the tables it knew, all empty here.
    const older = SEALED_RECORD_TABLES.filter((t) => !tableSpec(t).countedOnceWritten);
    const before: Record<string, string> = {};
    for (const t of older) before[t] = await emptyManifestDigest(t);
    const now = new Map<SealedRecordTable, string>();
    for (const t of SEALED_RECORD_TABLES) now.set(t, await emptyManifestDigest(t));
    expect(await stateDigest(now)).toBe(await sha256Hex(canonicalJson(before)));
    // Once one is written it counts.
    now.set('signoffs', 'a'.repeat(64));
    expect(await stateDigest(now)).not.toBe(await sha256Hex(canonicalJson(before)));
  });

  it('open a vault written at version 4, upgrade it and report nothing', async () => {
    const { idb, store, session } = await newVault();
    const note = await session.create('notes', sampleNote(), 'n');
    session.lock();
    const tablesBefore = await rewindToVersion4(idb, session.vaultId);
    for (const t of SIGNOFF_TABLES) expect(tablesBefore).not.toContain(t);

    const reopened = await store.unlock(session.vaultId, PASS);
    expect(reopened.integrityProblems).toEqual([]);
    expect(await reopened.get('notes', note.id)).toEqual(note);
    const db = new VaultDb(session.vaultId, idb);
    await db.open();
    expect(db.verno).toBe(migrations.at(-1)?.version);
    expect(db.tables.map((t) => t.name)).toEqual(expect.arrayContaining([...SIGNOFF_TABLES]));
    db.close();
    // And it takes sign-off records, still consistent at the next unlock.
    const f = await signoffFixture();
    await reopened.create('signoffPolicies', f.policy, 'policy');
    reopened.lock();
    const third = await store.unlock(session.vaultId, PASS);
    expect(third.integrityProblems).toEqual([]);
    expect(await third.verifyIntegrity()).toEqual([]);
  });

  it('seal every sign-off record and read it back, listed by inspection', async () => {
    const { idb, store, session } = await newVault();
    const f = await signoffFixture();
    const inspectionId = f.policy.inspectionId;
    const signoff = await f.sign(
      0,
      { kind: 'item', itemId: must(f.records.itemIds[0]) },
      1,
      asIsoInstant('2026-03-04T02:00:00.000Z'),
    );
    const note = raiseNote({
      inspectionId,
      target: { kind: 'inspection' },
      level: 2,
      author: { name: must(f.people[1]).name, fingerprint: must(f.people[1]).fingerprint },
      text: '請補充抽樣說明',
      at: asIsoInstant('2026-03-04T02:01:00.000Z'),
    });
    const unlock = await signUnlock({
      identity: must(f.people[2]),
      passphrase: PASSPHRASE,
      inspectionId,
      reason: '更正抽樣期間',
      now: asIsoInstant('2026-03-04T02:02:00.000Z'),
    });
    const written = {
      identity: await session.create('signingIdentities', must(f.people[0]), 'identity'),
      signer: await session.create('trustedSigners', must(f.trusted[0]), 'signer'),
      policy: await session.create('signoffPolicies', f.policy, 'policy'),
      signoff: await session.create('signoffs', signoff, 'signoff'),
      note: await session.create('reviewNotes', note, 'note'),
      unlock: await session.create('unlocks', unlock, 'unlock'),
    };
    session.lock();
    // Nothing of them is readable on disk: the signing key's seal sits inside the vault's.
    const row = await tamper(idb, session.vaultId, (db) =>
      rawRow(db, 'signingIdentities', written.identity.id),
    );
    expect(JSON.stringify(row)).not.toContain(must(f.people[0]).sealedKey.ct);
    expect(JSON.stringify(row)).not.toContain(must(f.people[0]).name);

    const again = await store.unlock(session.vaultId, PASS);
    expect(again.integrityProblems).toEqual([]);
    expect(await again.get('signingIdentities', written.identity.id)).toEqual(written.identity);
    expect(await again.list('trustedSigners')).toEqual([written.signer]);
    expect(await again.listChildren('signoffPolicies', inspectionId)).toEqual([written.policy]);
    expect(await again.listChildren('signoffs', inspectionId)).toEqual([written.signoff]);
    expect(await again.listChildren('reviewNotes', inspectionId)).toEqual([written.note]);
    expect(await again.listChildren('unlocks', inspectionId)).toEqual([written.unlock]);
    expect(await again.listChildren('signoffs', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toEqual(
      [],
    );
  });

  it('report a sign-off row put back from an older copy or removed', async () => {
    const { idb, store, session } = await newVault();
    const f = await signoffFixture();
    const policy = await session.create('signoffPolicies', f.policy, 'policy');
    const older = await tamper(idb, session.vaultId, (db) =>
      rawRow(db, 'signoffPolicies', policy.id),
    );
    await session.update(
      'signoffPolicies',
      policy.id,
      policy.rev,
      { ...f.policy, roles: f.policy.roles.slice(0, 2) },
      'two levels',
    );
    const signoff = await f.sign(
      0,
      { kind: 'item', itemId: must(f.records.itemIds[0]) },
      1,
      asIsoInstant('2026-03-04T02:00:00.000Z'),
    );
    const stored = await session.create('signoffs', signoff, 'signoff');
    session.lock();
    await tamper(idb, session.vaultId, async (db) => {
      await db.table('signoffPolicies').put(older);
      await db.table('signoffs').delete(stored.id);
    });
    const reopened = await store.unlock(session.vaultId, PASS);
    expect(reopened.integrityProblems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'rolled-back', table: 'signoffPolicies', id: policy.id }),
        expect.objectContaining({ kind: 'removed', table: 'signoffs', id: stored.id }),
      ]),
    );
  });

  it('report a sign-off table emptied outside the workbench, manifest and all', async () => {
    const { idb, store, session } = await newVault();
    const f = await signoffFixture();
    await session.create('signoffPolicies', f.policy, 'policy');
    session.lock();
    await tamper(idb, session.vaultId, async (db) => {
      await db.table('signoffPolicies').clear();
      await db.table('meta').delete('manifest:signoffPolicies');
    });
    const reopened = await store.unlock(session.vaultId, PASS);
    expect(reopened.integrityProblems).toEqual(
      expect.arrayContaining([expect.objectContaining({ table: 'signoffPolicies' })]),
    );
  });
});
