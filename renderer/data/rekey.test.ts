import { describe, expect, it } from 'vitest';
import { utf8, WrongSecretError } from '../../shared/crypto';
import { DamagedVaultError } from './errors';
import type { RekeyProgress } from './rekey';
import { RekeyRefusedError } from './rekey';
import { freshIdb, sampleEngagement, sampleNote } from './testing/factories';
import { rawRow, tamper } from './testing/tamper';
import { createVaultStore, type VaultStoreOptions } from './vaults';

const PASS = 'rekey passphrase 2025';
const OWNER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const FILE = utf8('掃描檔 — scanned page, kept across the re-key');

async function setup(options: Partial<VaultStoreOptions> = {}) {
  const idb = freshIdb();
  const store = createVaultStore({ idb, ...options });
  const { session, recoveryKey } = await store.create({
    label: 're-key',
    passphrase: PASS,
    owner: '陳稽核',
    engagement: sampleEngagement(),
  });
  const note = await session.create('notes', sampleNote(), 'n');
  const file = await session.attach(OWNER, { name: 'a.txt', mimeType: 'text/plain', bytes: FILE });
  const snapshot = () =>
    tamper(idb, session.vaultId, async (db) =>
      Object.fromEntries(
        await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)),
      ),
    );
  return { idb, store, session, recoveryKey, note, file, snapshot, vaultId: session.vaultId };
}

describe('re-keying a vault', () => {
  it('seals everything again under a new master secret; old keys and keyslot backups open nothing', async () => {
    const { idb, store, session, recoveryKey, note, file, vaultId } = await setup();
    const oldSlots = await tamper(idb, vaultId, async (db) => ({
      passphrase: (await db.table('meta').get('keyslot:passphrase')) as object,
      recovery: (await db.table('meta').get('keyslot:recovery')) as object,
    }));
    const before = await tamper(idb, vaultId, (db) => rawRow(db, 'notes', note.id));
    const phases: RekeyProgress['phase'][] = [];
    const fresh = await store.rekey(session, PASS, { onProgress: (p) => phases.push(p.phase) });
    expect(fresh).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(fresh).not.toBe(recoveryKey);
    expect([...new Set(phases)]).toEqual(['checking', 'sealing', 'files', 'writing']);

    // The session goes on under the new keys, and every row was sealed again.
    expect(await session.get('notes', note.id)).toEqual(note);
    expect((await session.readAttachment(file.id)).bytes).toEqual(FILE);
    const after = await tamper(idb, vaultId, (db) => rawRow(db, 'notes', note.id));
    expect(after.sealed.ct).not.toEqual(before.sealed.ct);
    expect((await session.verifyActivity()).ok).toBe(true);
    expect(await session.verifyIntegrity()).toEqual([]);
    session.lock();

    await expect(
      store.recover(vaultId, recoveryKey, 'a new passphrase 2025'),
    ).rejects.toBeInstanceOf(WrongSecretError);
    const reopened = await store.unlock(vaultId, PASS);
    expect(reopened.integrityProblems).toEqual([]);
    expect((await reopened.activity()).map((e) => e.action)).toContain('vault.rekeyed');
    reopened.lock();

    // A backup of the old keyslots still unwraps the old master secret, which opens nothing.
    await tamper(idb, vaultId, (db) =>
      db.table('meta').bulkPut([oldSlots.passphrase, oldSlots.recovery]),
    );
    await expect(store.unlock(vaultId, PASS)).rejects.toBeInstanceOf(DamagedVaultError);
    await expect(
      store.recover(vaultId, recoveryKey, 'a new passphrase 2025'),
    ).rejects.toBeInstanceOf(DamagedVaultError);
  });

  it('needs the passphrase', async () => {
    const { store, session } = await setup();
    await expect(store.rekey(session, 'not the passphrase')).rejects.toBeInstanceOf(
      WrongSecretError,
    );
  });

  const failures: [
    string,
    (stage: { idb: ReturnType<typeof freshIdb>; vaultId: string }) => Promise<void>,
  ][] = [
    ['fails just before its transaction', () => Promise.reject(new Error('power cut'))],
    [
      'fails inside its transaction, after the records were written',
      // A staged file gone: the transaction throws after its record writes.
      ({ idb, vaultId }) =>
        tamper(idb, vaultId, async (db) => {
          await db.table('staging').clear();
        }).then(() => undefined),
    ],
  ];
  for (const [when, fault] of failures) {
    it(`changes nothing when it ${when}`, async () => {
      const hook: { run: () => Promise<void> } = { run: () => Promise.resolve() };
      const { idb, store, session, recoveryKey, note, snapshot, vaultId } = await setup({
        beforeRekeyCommit: () => hook.run(),
      });
      hook.run = () => fault({ idb, vaultId });
      const before = await snapshot();
      await expect(store.rekey(session, PASS)).rejects.toThrow();
      hook.run = () => Promise.resolve();
      const after = await snapshot();
      expect(after).toEqual({ ...before, staging: [] });
      // The session still works with its old keys, and the old secrets still open the vault.
      expect(await session.get('notes', note.id)).toEqual(note);
      session.lock();
      const reopened = await store.unlock(vaultId, PASS);
      expect(reopened.integrityProblems).toEqual([]);
      expect((await reopened.activity()).map((e) => e.action)).not.toContain('vault.rekeyed');
      reopened.lock();
      await expect(
        store.recover(vaultId, recoveryKey, 'a new passphrase 2025'),
      ).resolves.toBeTruthy();
    });
  }

  it('can be cancelled, changing nothing', async () => {
    const { store, session, snapshot } = await setup();
    const before = await snapshot();
    const controller = new AbortController();
    const attempt = store.rekey(session, PASS, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'sealing') controller.abort();
      },
    });
    await expect(attempt).rejects.toThrow();
    expect(await snapshot()).toEqual({ ...before, staging: [] });
  });

  it('is refused while the vault has integrity problems (what does not open could not be kept)', async () => {
    const { idb, store, session, note, vaultId } = await setup();
    session.lock();
    await tamper(idb, vaultId, async (db) => {
      const row = await rawRow(db, 'notes', note.id);
      row.sealed.ct[1] = (row.sealed.ct[1] ?? 0) ^ 1;
      await db.table('notes').put(row);
    });
    const reopened = await store.unlock(vaultId, PASS);
    await expect(store.rekey(reopened, PASS)).rejects.toBeInstanceOf(RekeyRefusedError);
  });
});
