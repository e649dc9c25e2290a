/**
 * Vault lifecycle: create, list, unlock (by passphrase or recovery key), change the passphrase,
 * remove. One vault is one engagement and one IndexedDB database; the registry lists them.
 *
 * A passphrase change is crash-safe: the new wrap is first written beside the old one as a
 * pending slot, then promoted in one transaction. An unlock that finds a pending slot finishes
 * the change (new passphrase) or rolls it back (old passphrase).
 */
import { z } from 'zod';
import {
  deriveVaultKeys,
  isOutdatedPassphraseKdf,
  type Keyslot,
  keyslotSchema,
  newMasterSecret,
  newPassphraseKdf,
  newRecoveryKdf,
  newRecoveryKey,
  normalizeRecoveryKey,
  openJson,
  recordAad,
  sealJson,
  unwrapMasterSecret,
  type VaultKeys,
  wipe,
  WrongSecretError,
  wrapMasterSecret,
} from '../../shared/crypto';
import type { Engagement } from '../../shared/domain/engagement';
import { newVaultId, type VaultId } from '../../shared/domain/records';
import { toIsoInstant } from '../../shared/domain/dates';
import { nextAllowedAt, recordFailure, recordSuccess } from '../../shared/domain/unlock-backoff';
import { BackoffError, DamagedVaultError, VaultNotFoundError } from './errors';
import type { IdbDeps } from './idb';
import { RegistryDb, type VaultEntry } from './registry';
import type { MetaRow } from './rows';
import { VAULT_FORMAT_VERSION, VaultDb } from './vault-db';
import { type Clock, VaultSession } from './vault-session';

export const MIN_PASSPHRASE_LENGTH = 12;

export class PassphrasePolicyError extends Error {
  override name = 'PassphrasePolicyError';
}

/** Counts what a person sees as characters (a CJK character or an emoji is one). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of new Intl.Segmenter().segment(text)) count++;
  return count;
}

export function checkPassphrasePolicy(passphrase: string): void {
  if (characterCount(passphrase) < MIN_PASSPHRASE_LENGTH) {
    throw new PassphrasePolicyError(
      `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`,
    );
  }
}

export interface CreateVaultInput {
  /** Shown in the vault list, stored in clear. */
  label: string;
  passphrase: string;
  /** The person working in this vault, as the activity trail names them. */
  owner: string;
  engagement: Engagement;
}

export interface CreatedVault {
  session: VaultSession;
  /** Shown once, never stored in clear. */
  recoveryKey: string;
}

export interface VaultStoreOptions {
  idb: IdbDeps;
  now?: Clock;
  /** Test hook: runs between the two steps of a passphrase change, to simulate a crash. */
  afterPendingSlotWritten?: () => Promise<void>;
}

const ownerSchema = z.object({ name: z.string().min(1) });

export function createVaultStore(options: VaultStoreOptions) {
  const { idb } = options;
  const now = options.now ?? (() => new Date());
  const registry = new RegistryDb(idb);

  async function entry(vaultId: string): Promise<VaultEntry> {
    const found = await registry.vaults.get(vaultId);
    if (!found) throw new VaultNotFoundError(vaultId);
    return found;
  }

  /**
   * A keyslot, validated: its KDF parameters must lie between the floor and the ceiling, so a
   * slot edited on disk can make unlocking neither weak nor endless.
   */
  async function readSlot(db: VaultDb, kind: Keyslot['kind']): Promise<Keyslot | null> {
    const row = await db.meta.get(`keyslot:${kind}`);
    if (!row) return null;
    const parsed = keyslotSchema.safeParse('slot' in row ? row.slot : undefined);
    if (!parsed.success || parsed.data.kind !== kind) {
      db.close();
      const detail = parsed.success
        ? `it is a ${parsed.data.kind} slot`
        : z.prettifyError(parsed.error);
      throw new DamagedVaultError(
        kind === 'recovery' ? 'recovery-keyslot' : 'passphrase-keyslot',
        detail,
      );
    }
    return parsed.data;
  }

  async function openSession(
    db: VaultDb,
    vaultId: VaultId,
    keys: VaultKeys,
  ): Promise<VaultSession> {
    const row = await db.meta.get('owner');
    if (!row || row.key !== 'owner') throw new DamagedVaultError('owner', 'it is missing');
    const owner = ownerSchema.parse(
      await openJson(keys.record, row.sealed, recordAad(vaultId, 'meta', 'owner')),
    );
    return new VaultSession(db, vaultId, keys, owner.name, now);
  }

  function guardBackoff(found: VaultEntry): void {
    const at = toIsoInstant(now());
    const allowedAt = nextAllowedAt(found, at);
    if (allowedAt !== at) throw new BackoffError(new Date(allowedAt), found.failures);
  }

  async function noteFailure(found: VaultEntry): Promise<void> {
    await registry.vaults.update(found.id, recordFailure(found, toIsoInstant(now())));
  }

  return {
    /** The vaults on this machine, newest first. */
    async list(): Promise<VaultEntry[]> {
      return (await registry.vaults.orderBy('createdAt').toArray()).reverse();
    },

    async create(input: CreateVaultInput): Promise<CreatedVault> {
      checkPassphrasePolicy(input.passphrase);
      const vaultId = newVaultId();
      const createdAt = now().toISOString();
      const master = newMasterSecret();
      const recoveryKey = newRecoveryKey();
      const [passphraseSlot, recoverySlot] = await Promise.all([
        wrapMasterSecret(
          vaultId,
          'passphrase',
          master,
          input.passphrase,
          newPassphraseKdf(),
          createdAt,
        ),
        wrapMasterSecret(vaultId, 'recovery', master, recoveryKey, newRecoveryKdf(), createdAt),
      ]);
      const keys = await deriveVaultKeys(master); // wipes `master`
      const owner = await sealJson(
        keys.record,
        { name: input.owner },
        recordAad(vaultId, 'meta', 'owner'),
      );
      const db = new VaultDb(vaultId, idb);
      const rows: MetaRow[] = [
        { key: 'header', vaultId, formatVersion: VAULT_FORMAT_VERSION, createdAt },
        { key: 'keyslot:passphrase', slot: passphraseSlot },
        { key: 'keyslot:recovery', slot: recoverySlot },
        { key: 'owner', sealed: owner },
      ];
      await db.meta.bulkAdd(rows);
      const session = new VaultSession(db, vaultId, keys, input.owner, now);
      await session.log({ action: 'vault.created', target: null, summary: input.label });
      await session.create('engagement', input.engagement, input.engagement.entity);
      // Listed last: a vault that failed half-way through creation never shows up.
      await registry.vaults.add({
        id: vaultId,
        label: input.label,
        createdAt,
        failures: 0,
        lastFailureAt: null,
      });
      return { session, recoveryKey };
    },

    /** Opens a vault with its passphrase. Wrong passphrases are counted and slow down retries. */
    async unlock(vaultId: string, passphrase: string): Promise<VaultSession> {
      const found = await entry(vaultId);
      guardBackoff(found);
      const db = new VaultDb(found.id, idb);
      const active = await readSlot(db, 'passphrase');
      const pending = await readSlot(db, 'passphrase-pending');
      if (!active) throw new DamagedVaultError('passphrase-keyslot', 'it is missing');
      let master: Uint8Array<ArrayBuffer>;
      let used: Keyslot;
      try {
        master = await unwrapMasterSecret(found.id, active, passphrase);
        used = active;
        // The old passphrase worked: an interrupted change is rolled back.
        if (pending) await db.meta.delete('keyslot:passphrase-pending');
      } catch (error) {
        if (!(error instanceof WrongSecretError)) throw error;
        try {
          if (!pending) throw error;
          master = await unwrapMasterSecret(found.id, pending, passphrase);
          used = pending;
          // The new passphrase worked: finish the interrupted change.
          await db.transaction('rw', db.meta, async () => {
            await db.meta.put({
              key: 'keyslot:passphrase',
              slot: { ...pending, kind: 'passphrase' },
            });
            await db.meta.delete('keyslot:passphrase-pending');
          });
        } catch (inner) {
          db.close();
          if (inner instanceof WrongSecretError) await noteFailure(found);
          throw inner;
        }
      }
      // A slot from before Argon2id is re-wrapped now, while the passphrase is at hand; the
      // crash-safe two-step change does it.
      const copy = isOutdatedPassphraseKdf(used.kdf) ? new Uint8Array(master) : null;
      const session = await openSession(db, found.id, await deriveVaultKeys(master));
      await registry.vaults.update(found.id, recordSuccess());
      await session.log({ action: 'vault.unlocked', target: null, summary: '' });
      if (copy) {
        await replacePassphraseSlot(db, found.id, copy, passphrase);
        await session.log({ action: 'vault.kdf-upgraded', target: null, summary: 'Argon2id' });
      }
      return session;
    },

    /** Opens a vault with its recovery key and sets a new passphrase at once. */
    async recover(
      vaultId: string,
      recoveryKey: string,
      newPassphrase: string,
    ): Promise<VaultSession> {
      checkPassphrasePolicy(newPassphrase);
      const found = await entry(vaultId);
      guardBackoff(found);
      const normalized = normalizeRecoveryKey(recoveryKey);
      const db = new VaultDb(found.id, idb);
      const slot = await readSlot(db, 'recovery');
      if (!slot) throw new DamagedVaultError('recovery-keyslot', 'it is missing');
      let master;
      try {
        if (!normalized) throw new WrongSecretError();
        master = await unwrapMasterSecret(found.id, slot, normalized);
      } catch (error) {
        db.close();
        if (error instanceof WrongSecretError) await noteFailure(found);
        throw error;
      }
      const keys = await deriveVaultKeys(new Uint8Array(master));
      await replacePassphraseSlot(db, found.id, master, newPassphrase);
      const session = await openSession(db, found.id, keys);
      await registry.vaults.update(found.id, recordSuccess());
      await session.log({ action: 'vault.unlocked-with-recovery', target: null, summary: '' });
      await session.log({ action: 'vault.passphrase-changed', target: null, summary: '' });
      return session;
    },

    /**
     * Re-wraps the data key under a new passphrase; no record is re-encrypted. Needs the
     * current passphrase, because the working keys in memory cannot be exported.
     */
    async changePassphrase(session: VaultSession, current: string, next: string): Promise<void> {
      checkPassphrasePolicy(next);
      const db = new VaultDb(session.vaultId, idb);
      try {
        const active = await readSlot(db, 'passphrase');
        if (!active) throw new DamagedVaultError('passphrase-keyslot', 'it is missing');
        const master = await unwrapMasterSecret(session.vaultId, active, current);
        await replacePassphraseSlot(db, session.vaultId, master, next);
      } finally {
        db.close();
      }
      await session.log({ action: 'vault.passphrase-changed', target: null, summary: '' });
    },

    /** Deletes the vault's database and its registry entry. Irreversible. */
    async remove(vaultId: string): Promise<void> {
      await entry(vaultId);
      await new VaultDb(vaultId, idb).delete();
      await registry.vaults.delete(vaultId);
    },

    close(): void {
      registry.close();
    },
  };

  /** Two steps: write the new wrap as pending, then promote it. Wipes `master`. */
  async function replacePassphraseSlot(
    db: VaultDb,
    vaultId: VaultId,
    master: Uint8Array<ArrayBuffer>,
    next: string,
  ) {
    try {
      const pending = await wrapMasterSecret(
        vaultId,
        'passphrase-pending',
        master,
        next,
        newPassphraseKdf(),
        now().toISOString(),
      );
      await db.meta.put({ key: 'keyslot:passphrase-pending', slot: pending });
      await options.afterPendingSlotWritten?.();
      await db.transaction('rw', db.meta, async () => {
        await db.meta.put({ key: 'keyslot:passphrase', slot: { ...pending, kind: 'passphrase' } });
        await db.meta.delete('keyslot:passphrase-pending');
      });
    } finally {
      wipe(master);
    }
  }
}

export type VaultStore = ReturnType<typeof createVaultStore>;
