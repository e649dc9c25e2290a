import { describe, expect, it } from 'vitest';
import {
  type KdfParams,
  type Keyslot,
  newPassphraseKdf,
  normalizeRecoveryKey,
  PBKDF2_ITERATIONS,
  toBase64,
  randomBytes,
  unwrapMasterSecret,
  wrapMasterSecret,
  WrongSecretError,
} from '../../shared/crypto';
import { DamagedVaultError } from './errors';
import { freshIdb, sampleEngagement, sampleNote } from './testing/factories';
import { VaultDb } from './vault-db';
import { createVaultStore } from './vaults';

const PASS = 'correct horse battery staple';

async function setup() {
  const idb = freshIdb();
  const store = createVaultStore({ idb });
  const { session, recoveryKey } = await store.create({
    label: 'keyslots',
    passphrase: PASS,
    owner: '陳稽核',
    engagement: sampleEngagement(),
  });
  const note = await session.create('notes', sampleNote(), 'n');
  session.lock();
  return { idb, store, vaultId: session.vaultId, recoveryKey, note };
}

async function passphraseSlot(idb: ReturnType<typeof freshIdb>, vaultId: string) {
  const db = new VaultDb(vaultId, idb);
  const row = await db.meta.get('keyslot:passphrase');
  db.close();
  if (!row || !('slot' in row)) throw new Error('no passphrase slot');
  return row.slot;
}

async function putPassphraseSlot(
  idb: ReturnType<typeof freshIdb>,
  vaultId: string,
  slot: Keyslot,
): Promise<void> {
  const db = new VaultDb(vaultId, idb);
  await db.meta.put({ key: 'keyslot:passphrase', slot });
  db.close();
}

/** The slot a vault made before Argon2id holds: the same master secret under PBKDF2. */
async function rewrapWithPbkdf2(
  idb: ReturnType<typeof freshIdb>,
  vaultId: string,
  recoveryKey: string,
): Promise<void> {
  const db = new VaultDb(vaultId, idb);
  const row = await db.meta.get('keyslot:recovery');
  db.close();
  if (!row || !('slot' in row)) throw new Error('no recovery slot');
  const master = await unwrapMasterSecret(
    vaultId,
    row.slot,
    normalizeRecoveryKey(recoveryKey) ?? '',
  );
  const kdf: KdfParams = {
    alg: 'PBKDF2-SHA256',
    iterations: PBKDF2_ITERATIONS,
    salt: toBase64(randomBytes(16)),
  };
  const slot = await wrapMasterSecret(vaultId, 'passphrase', master, PASS, kdf, row.slot.createdAt);
  await putPassphraseSlot(idb, vaultId, slot);
}

describe('passphrase keyslots', () => {
  it('are made with Argon2id for new vaults', async () => {
    const { idb, vaultId } = await setup();
    expect((await passphraseSlot(idb, vaultId)).kdf).toMatchObject({
      alg: 'Argon2id',
      memoryKiB: newPassphraseKdf().alg === 'Argon2id' ? 65_536 : 0,
    });
  });

  it('from before Argon2id still open, and are upgraded to Argon2id at that unlock', async () => {
    const { idb, store, vaultId, recoveryKey, note } = await setup();
    await rewrapWithPbkdf2(idb, vaultId, recoveryKey);
    expect((await passphraseSlot(idb, vaultId)).kdf.alg).toBe('PBKDF2-SHA256');

    const session = await store.unlock(vaultId, PASS);
    expect(await session.get('notes', note.id)).toEqual(note);
    expect((await passphraseSlot(idb, vaultId)).kdf.alg).toBe('Argon2id');
    expect((await session.activity()).map((e) => e.action)).toContain('vault.kdf-upgraded');
    expect((await session.verifyActivity()).ok).toBe(true);
    session.lock();

    // The same passphrase opens the upgraded slot; a wrong one still does not.
    await expect(store.unlock(vaultId, 'not the passphrase')).rejects.toBeInstanceOf(
      WrongSecretError,
    );
    const again = await store.unlock(vaultId, PASS);
    expect((await again.activity()).filter((e) => e.action === 'vault.kdf-upgraded')).toHaveLength(
      1,
    );
  });

  const tampered: [string, (slot: Keyslot) => Keyslot][] = [
    [
      'PBKDF2 below the floor',
      (slot) => ({
        ...slot,
        kdf: { alg: 'PBKDF2-SHA256', iterations: 1_000, salt: slot.kdf.salt },
      }),
    ],
    [
      'Argon2id with 1 MiB of memory',
      (slot) => ({ ...slot, kdf: { ...slot.kdf, memoryKiB: 1_024 } as KdfParams }),
    ],
    [
      'PBKDF2 with 2^31 iterations (unlock would hang)',
      (slot) => ({
        ...slot,
        kdf: { alg: 'PBKDF2-SHA256', iterations: 2 ** 31, salt: slot.kdf.salt },
      }),
    ],
    [
      'Argon2id asking for 4 GiB',
      (slot) => ({ ...slot, kdf: { ...slot.kdf, memoryKiB: 4 * 1024 * 1024 } as KdfParams }),
    ],
    ['an unknown algorithm', (slot) => ({ ...slot, kdf: { alg: 'none' } as unknown as KdfParams })],
    ['a slot of another kind', (slot) => ({ ...slot, kind: 'recovery' })],
  ];
  for (const [what, tamper] of tampered) {
    it(`are refused on read when altered: ${what}`, async () => {
      const { idb, store, vaultId } = await setup();
      await putPassphraseSlot(idb, vaultId, tamper(await passphraseSlot(idb, vaultId)));
      const started = performance.now();
      const attempt = store.unlock(vaultId, PASS);
      await expect(attempt).rejects.toBeInstanceOf(DamagedVaultError);
      await expect(attempt).rejects.toThrow(/passphrase keyslot/);
      expect(performance.now() - started).toBeLessThan(2_000);
      // Not counted as a wrong passphrase: the user typed nothing wrong.
      expect((await store.list())[0]?.failures).toBe(0);
    });
  }
});
