import { describe, expect, it } from 'vitest';
import { WrongSecretError } from '../../shared/crypto';
import { BackoffError, LockedError } from './errors';
import { rawRow, tamper } from './testing/tamper';
import { rawDatabaseContains } from './testing/raw-scan';
import { freshIdb, manualClock, sampleEngagement, sampleNote } from './testing/factories';
import { REGISTRY_DB_NAME } from './registry';
import { PlaintextWriteError } from './seal-guard';
import { VaultDb, vaultDbName } from './vault-db';
import { createVaultStore, PassphrasePolicyError, type VaultStoreOptions } from './vaults';

const PASS = 'correct horse battery staple';
const NEW_PASS = '全新的通關密語 is long enough';

async function setup(options: Partial<VaultStoreOptions> = {}) {
  const idb = options.idb ?? freshIdb();
  const store = createVaultStore({ idb, ...options });
  const { session, recoveryKey } = await store.create({
    label: '2025 年度自評',
    passphrase: PASS,
    owner: '陳稽核',
    engagement: sampleEngagement(),
  });
  return { idb, store, session, recoveryKey, vaultId: session.vaultId };
}

describe('creating and unlocking a vault', () => {
  it('lists the vault by its label and reopens its records after a lock', async () => {
    const { store, session, vaultId } = await setup();
    const note = await session.create('notes', sampleNote(), 'interview');
    expect(note).toMatchObject({
      rev: 1,
      updatedBy: '陳稽核',
      deleted: false,
      title: '訪談資訊室主管',
    });
    session.lock();

    expect((await store.list()).map((v) => v.label)).toEqual(['2025 年度自評']);
    const reopened = await store.unlock(vaultId, PASS);
    expect(await reopened.get('notes', note.id)).toEqual(note);
    expect((await reopened.list('engagement'))[0]?.entity).toBe('示範產物保險股份有限公司');
  });

  it('enforces the minimum passphrase length', async () => {
    const store = createVaultStore({ idb: freshIdb() });
    await expect(
      store.create({
        label: 'x',
        passphrase: 'short pass',
        owner: 'a',
        engagement: sampleEngagement(),
      }),
    ).rejects.toBeInstanceOf(PassphrasePolicyError);
    expect(await store.list()).toEqual([]);
  });

  it('stores no personal data in clear, in any table or key', async () => {
    const { idb, session, vaultId } = await setup();
    await session.create('notes', sampleNote(), '訪談王小明');
    for (const canary of ['A123456789', '王小明', '陳稽核', '示範產物保險']) {
      expect(await rawDatabaseContains(idb, vaultDbName(vaultId), canary)).toEqual([]);
      expect(await rawDatabaseContains(idb, REGISTRY_DB_NAME, canary)).toEqual([]);
    }
  });

  it('says plainly when the passphrase is wrong, counts it and changes nothing', async () => {
    const { store, session, vaultId } = await setup();
    const note = await session.create('notes', sampleNote(), 'n');
    session.lock();
    await expect(store.unlock(vaultId, 'not the passphrase')).rejects.toBeInstanceOf(
      WrongSecretError,
    );
    expect((await store.list())[0]?.failures).toBe(1);
    const reopened = await store.unlock(vaultId, PASS);
    expect(await reopened.get('notes', note.id)).toEqual(note);
    expect((await store.list())[0]?.failures).toBe(0);
  });

  it('slows down repeated failures, even for the right passphrase', async () => {
    const clock = manualClock();
    const { store, session, vaultId } = await setup({ now: clock.now });
    session.lock();
    for (let i = 0; i < 4; i++)
      await expect(store.unlock(vaultId, `wrong ${i}`)).rejects.toThrow(WrongSecretError);
    const error = await store.unlock(vaultId, PASS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackoffError);
    expect((error as BackoffError).failures).toBe(4);
    clock.advance((error as BackoffError).retryAt.getTime() - clock.now().getTime());
    await expect(store.unlock(vaultId, PASS)).resolves.toBeTruthy();
  });
});

describe('the encrypted layer', () => {
  it('detects a flipped ciphertext byte, and keeps the rest usable', async () => {
    const { idb, store, session, vaultId } = await setup();
    const note = await session.create('notes', sampleNote(), 'n');
    const other = await session.create('notes', sampleNote({ title: 'other' }), 'o');
    session.lock();
    await tamper(idb, vaultId, async (db) => {
      const row = await rawRow(db, 'notes', note.id);
      row.sealed.ct[5] = (row.sealed.ct[5] ?? 0) ^ 0x80;
      await db.table('notes').put(row);
    });
    const reopened = await store.unlock(vaultId, PASS);
    expect(await reopened.get('notes', note.id)).toBeUndefined();
    expect((await reopened.list('notes')).map((n) => n.id)).toEqual([other.id]);
    expect(reopened.integrityProblems).toEqual([
      expect.objectContaining({ kind: 'altered', table: 'notes', id: note.id }),
    ]);
  });

  it('refuses a ciphertext copied onto another record', async () => {
    const { idb, store, session, vaultId } = await setup();
    const a = await session.create('notes', sampleNote({ title: 'A' }), 'a');
    const b = await session.create('notes', sampleNote({ title: 'B' }), 'b');
    session.lock();
    await tamper(idb, vaultId, async (db) => {
      await db.table('notes').put({ ...(await rawRow(db, 'notes', a.id)), id: b.id });
    });
    const reopened = await store.unlock(vaultId, PASS);
    expect(await reopened.get('notes', b.id)).toBeUndefined();
    const problem = reopened.integrityProblems.find((p) => p.id === b.id);
    expect(problem).toMatchObject({ kind: 'altered', table: 'notes' });
    expect(problem?.detail).toMatch(/moved from another record/);
  });

  it('refuses to write a row that is not sealed', async () => {
    const { idb, vaultId } = await setup();
    const raw = new VaultDb(vaultId, idb);
    await expect(
      raw.notes.put({ id: 'x', rev: 1, deleted: 0, title: 'A123456789' } as never),
    ).rejects.toBeInstanceOf(PlaintextWriteError);
    await expect(
      raw.table('notes').add({ id: 'y', rev: 1, deleted: 0, sealed: 'nope' }),
    ).rejects.toThrow(/no valid sealed envelope/);
  });

  it('keeps deletions as tombstones and counts revisions', async () => {
    const { session } = await setup();
    const note = await session.create('notes', sampleNote(), 'n');
    const edited = await session.update(
      'notes',
      note.id,
      1,
      { ...sampleNote(), title: '改過的標題' },
      'n',
    );
    expect(edited.rev).toBe(2);
    await session.remove('notes', note.id, 2, 'n');
    expect(await session.list('notes')).toEqual([]);
    const [tomb] = await session.list('notes', { includeDeleted: true });
    expect(tomb).toMatchObject({ id: note.id, rev: 3, deleted: true, title: '改過的標題' });
  });

  it('refuses a save based on a stale revision', async () => {
    const { session } = await setup();
    const note = await session.create('notes', sampleNote(), 'n');
    await session.update('notes', note.id, 1, sampleNote({ title: 'first' }), 'n');
    await expect(
      session.update('notes', note.id, 1, sampleNote({ title: 'second' }), 'n'),
    ).rejects.toThrow(/changed elsewhere \(revision 2, expected 1\)/);
    expect((await session.get('notes', note.id))?.title).toBe('first');
  });

  it('validates what it stores', async () => {
    const { session } = await setup();
    await expect(session.create('notes', sampleNote({ title: '' }), 'n')).rejects.toThrow(/title/);
    expect(await session.list('notes')).toEqual([]);
  });

  it('forgets its keys when locked', async () => {
    const { session } = await setup();
    session.lock();
    await expect(session.list('notes')).rejects.toBeInstanceOf(LockedError);
    await expect(session.create('notes', sampleNote(), 'n')).rejects.toBeInstanceOf(LockedError);
  });
});

describe('changing the passphrase', () => {
  it('re-wraps the key only: the old passphrase stops working, records stay', async () => {
    const { idb, store, session, vaultId } = await setup();
    const note = await session.create('notes', sampleNote(), 'n');
    const rowBefore = await new VaultDb(vaultId, idb).notes.get(note.id);
    await store.changePassphrase(session, PASS, NEW_PASS);
    session.lock();
    await expect(store.unlock(vaultId, PASS)).rejects.toBeInstanceOf(WrongSecretError);
    const reopened = await store.unlock(vaultId, NEW_PASS);
    expect(await reopened.get('notes', note.id)).toEqual(note);
    expect(await new VaultDb(vaultId, idb).notes.get(note.id)).toEqual(rowBefore);
    expect((await reopened.activity()).map((e) => e.action)).toContain('vault.passphrase-changed');
  });

  it('needs the current passphrase', async () => {
    const { store, session } = await setup();
    await expect(
      store.changePassphrase(session, 'wrong passphrase!', NEW_PASS),
    ).rejects.toBeInstanceOf(WrongSecretError);
  });

  for (const [which, passphrase] of [
    ['old', PASS],
    ['new', NEW_PASS],
  ] as const) {
    it(`survives a crash between its two steps (reopened with the ${which} passphrase)`, async () => {
      const idb = freshIdb();
      const crashing = { afterPendingSlotWritten: () => Promise.reject(new Error('power cut')) };
      const { session, vaultId } = await setup({ idb, ...crashing });
      const note = await session.create('notes', sampleNote(), 'n');
      await expect(
        createVaultStore({ idb, ...crashing }).changePassphrase(session, PASS, NEW_PASS),
      ).rejects.toThrow('power cut');
      session.lock();

      const store = createVaultStore({ idb });
      const reopened = await store.unlock(vaultId, passphrase);
      expect(await reopened.get('notes', note.id)).toEqual(note);
      reopened.lock();
      // The interrupted change is now settled one way: only that passphrase opens the vault.
      const other = which === 'old' ? NEW_PASS : PASS;
      await expect(store.unlock(vaultId, other)).rejects.toBeInstanceOf(WrongSecretError);
      await expect(store.unlock(vaultId, passphrase)).resolves.toBeTruthy();
    });
  }
});

describe('recovery key', () => {
  it('opens the vault when the passphrase is forgotten and sets a new one', async () => {
    const { store, session, recoveryKey, vaultId } = await setup();
    const note = await session.create('notes', sampleNote(), 'n');
    session.lock();
    await expect(
      store.recover(vaultId, 'AAAA-'.repeat(7) + 'AAAA', NEW_PASS),
    ).rejects.toBeInstanceOf(WrongSecretError);
    const recovered = await store.recover(vaultId, recoveryKey.toLowerCase(), NEW_PASS);
    expect(await recovered.session.get('notes', note.id)).toEqual(note);
    recovered.session.lock();
    await expect(store.unlock(vaultId, PASS)).rejects.toBeInstanceOf(WrongSecretError);
    await expect(store.unlock(vaultId, NEW_PASS)).resolves.toBeTruthy();
  });

  it('is spent once used: a new one is issued, and the used one opens nothing', async () => {
    const { store, session, recoveryKey, vaultId } = await setup();
    session.lock();
    const recovered = await store.recover(vaultId, recoveryKey, NEW_PASS);
    expect(recovered.recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(recovered.recoveryKey).not.toBe(recoveryKey);
    recovered.session.lock();
    await expect(store.recover(vaultId, recoveryKey, PASS)).rejects.toBeInstanceOf(
      WrongSecretError,
    );
    const again = await store.recover(vaultId, recovered.recoveryKey, PASS);
    expect((await again.session.activity()).map((e) => e.action)).toContain('vault.rekeyed');
  });
});

describe('the activity trail', () => {
  async function trail() {
    const ctx = await setup();
    const note = await ctx.session.create('notes', sampleNote(), 'n1');
    await ctx.session.update('notes', note.id, 1, sampleNote({ title: 't2' }), 'n1');
    await ctx.session.create('notes', sampleNote(), 'n2');
    return { ...ctx, raw: new VaultDb(ctx.vaultId, ctx.idb) };
  }

  it('records who did what, in order, and verifies', async () => {
    const { session } = await trail();
    const entries = await session.activity();
    expect(entries.map((e) => [e.seq, e.action, e.actor])).toEqual([
      [1, 'vault.created', '陳稽核'],
      [2, 'record.created', '陳稽核'],
      [3, 'record.created', '陳稽核'],
      [4, 'record.updated', '陳稽核'],
      [5, 'record.created', '陳稽核'],
    ]);
    expect(await session.verifyActivity()).toEqual({ ok: true, entries: 5, problems: [] });
  });

  it('detects a removed entry', async () => {
    const { session, raw } = await trail();
    await raw.activity.delete(3);
    expect((await session.verifyActivity()).problems).toContainEqual({
      kind: 'missing',
      afterSeq: 2,
    });
  });

  it('detects an edited entry', async () => {
    const { session, raw } = await trail();
    const four = await raw.activity.get(4);
    if (!four) throw new Error('missing');
    await raw.activity.put({ seq: 3, sealed: four.sealed });
    const report = await session.verifyActivity();
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual({ kind: 'edited', seq: 3 });
  });

  it('detects a trail cut short', async () => {
    const { session, raw } = await trail();
    await raw.activity.delete(5);
    expect((await session.verifyActivity()).problems).toContainEqual({
      kind: 'head-mismatch',
      expectedSeq: 5,
      foundSeq: 4,
    });
  });
});

describe('removing a vault', () => {
  it('deletes its database and its entry', async () => {
    const { idb, store, session, vaultId } = await setup();
    session.lock();
    await store.remove(vaultId);
    expect(await store.list()).toEqual([]);
    const names = await idb.indexedDB.databases();
    expect(names.map((d) => d.name)).not.toContain(vaultDbName(vaultId));
  });
});

describe('bulk creation', () => {
  it('creates every item in one transaction with one trail entry', async () => {
    const { session } = await setup();
    const created = await session.createMany(
      'notes',
      Array.from({ length: 50 }, (_, i) => sampleNote({ title: `note ${i}` })),
      'roster.xlsx',
    );
    expect(created).toHaveLength(50);
    expect((await session.list('notes')).map((n) => n.title)).toEqual(created.map((n) => n.title));
    const last = (await session.activity()).at(-1);
    expect(last).toMatchObject({ action: 'records.imported', summary: 'notes: 50 · roster.xlsx' });
    expect((await session.verifyActivity()).ok).toBe(true);
  });

  it('saves nothing when one item is invalid, and names it', async () => {
    const { session } = await setup();
    const items = [sampleNote(), sampleNote({ title: '' }), sampleNote()];
    await expect(session.createMany('notes', items, 'x')).rejects.toThrow(
      /1 of the notes items are invalid, nothing was saved \(item 2: .*title/s,
    );
    expect(await session.list('notes')).toEqual([]);
  });

  it('creates and updates in one transaction, and refuses the whole batch on a stale revision', async () => {
    const { session } = await setup();
    const [a, b] = await session.createMany(
      'notes',
      [sampleNote({ title: 'a' }), sampleNote({ title: 'b' })],
      'x',
    );
    if (!a || !b) throw new Error('not created');
    const [written] = await session.writeBatch(
      [
        {
          table: 'notes',
          items: [
            { id: a.id, expectedRev: a.rev, data: { ...sampleNote(), title: 'a edited' } },
            { data: sampleNote({ title: 'c' }) },
          ],
        },
      ],
      {
        action: 'workpaper.imported',
        target: { table: 'notes', id: a.id },
        summary: 'edited.xlsx',
      },
    );
    expect(written?.map((r) => (r as unknown as { title: string }).title)).toEqual([
      'a edited',
      'c',
    ]);
    expect((await session.get('notes', a.id))?.rev).toBe(2);
    expect((await session.activity()).at(-1)).toMatchObject({
      action: 'workpaper.imported',
      summary: 'notes: 2 · edited.xlsx',
    });

    // b was read at rev 1; someone edits it; a batch built on the old revision saves nothing.
    await session.update('notes', b.id, 1, sampleNote({ title: 'b elsewhere' }), 'x');
    const before = await session.list('notes');
    await expect(
      session.writeBatch(
        [
          {
            table: 'notes',
            items: [
              { data: sampleNote({ title: 'd' }) },
              { id: b.id, expectedRev: 1, data: sampleNote({ title: 'b stale' }) },
            ],
          },
        ],
        { action: 'records.imported', summary: 'y' },
      ),
    ).rejects.toThrow(/changed elsewhere/);
    expect(await session.list('notes')).toEqual(before);
    expect((await session.verifyActivity()).ok).toBe(true);
  });
});
