/**
 * Vault lifecycle: create, list, unlock (by passphrase or recovery key), change the passphrase,
 * re-key, remove. One vault is one engagement and one IndexedDB database; the registry lists
 * them. Keyslots are read and replaced in `keyslot-store.ts`; what an unlocked vault is, in
 * `vault-session.ts`.
 *
 * Every unlock checks the vault for changes made outside the workbench (`session.start()`),
 * and records in the trail that it found some; a vault written by an older version is upgraded
 * first (`vault-upgrade.ts`).
 */
import { z } from 'zod';
import {
  deriveVaultKeys,
  isOutdatedPassphraseKdf,
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
import type { IntegrityProblem } from './integrity';
import { openPassphraseSlots, replacePassphraseSlot, requireSlot } from './keyslot-store';
import { rekeyVault, type RekeyProgress } from './rekey';
import { RegistryDb, type VaultEntry } from './registry';
import type { MetaRow } from './rows';
import type { TrailAnchors } from './session-core';
import { VAULT_FORMAT_VERSION, VaultDb } from './vault-db';
import { type Clock, VaultSession } from './vault-session';
import { upgradeToFormat2 } from './vault-upgrade';

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
  /**
   * Fills the new vault instead of creating a fresh engagement record (a hand-out package
   * opened: the lead's records with their ids). Runs before the vault is listed, so a vault
   * whose filling failed never shows up.
   */
  fill?: (session: VaultSession) => Promise<void>;
}

export interface CreatedVault {
  session: VaultSession;
  /** Shown once, never stored in clear. */
  recoveryKey: string;
}

export interface RekeyOptions {
  onProgress?: (progress: RekeyProgress) => void;
  signal?: AbortSignal;
}

export interface VaultStoreOptions {
  idb: IdbDeps;
  now?: Clock;
  /** Where the trail head is remembered outside the database; none in unit tests by default. */
  anchors?: TrailAnchors | null;
  /** Test hook: runs between the two steps of a passphrase change, to simulate a crash. */
  afterPendingSlotWritten?: () => Promise<void>;
  /** Test hook: runs just before a re-key's transaction, to simulate a failure there. */
  beforeRekeyCommit?: () => Promise<void>;
}

const ownerSchema = z.object({ name: z.string().min(1) });

/** A summary of what an unlock found, for the trail entry that records it (counts, no content). */
function integritySummary(problems: readonly IntegrityProblem[]): string {
  const counts = new Map<string, number>();
  for (const p of problems) {
    const key = `${p.kind}${p.table ? ` ${p.table}` : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key}: ${n}`).join('; ');
}

export function createVaultStore(options: VaultStoreOptions) {
  const { idb } = options;
  const now = options.now ?? (() => new Date());
  const anchors = options.anchors ?? null;
  const registry = new RegistryDb(idb);
  const slotOptions = { now, afterPendingSlotWritten: options.afterPendingSlotWritten };

  async function entry(vaultId: string): Promise<VaultEntry> {
    const found = await registry.vaults.get(vaultId);
    if (!found) throw new VaultNotFoundError(vaultId);
    return found;
  }

  /**
   * The session of an opened vault: the owner opens (else the key is not this vault's: a
   * keyslot from an older copy), the vault is upgraded if older, and checked.
   */
  async function openSession(
    db: VaultDb,
    vaultId: VaultId,
    keys: VaultKeys,
  ): Promise<VaultSession> {
    const row = await db.meta.get('owner');
    if (!row || row.key !== 'owner') throw new DamagedVaultError('owner', 'it is missing');
    let owner: z.infer<typeof ownerSchema>;
    try {
      owner = ownerSchema.parse(
        await openJson(keys.record, row.sealed, recordAad(vaultId, 'meta', 'owner')),
      );
    } catch {
      db.close();
      throw new DamagedVaultError(
        'passphrase-keyslot',
        'it opens, but not this vault: a keyslot from an older copy was put back',
      );
    }
    const session = new VaultSession(db, vaultId, keys, owner.name, { now, anchors });
    const header = await db.meta.get('header');
    if (header?.key === 'header' && header.formatVersion < 2) {
      await session.internals(async (core) => {
        await upgradeToFormat2(core, header);
        return {};
      });
    }
    await db.staging.clear(); // what an interrupted re-key left (sealed under a lost key)
    // Checked before anything is written, so nothing of this unlock hides what it finds.
    await session.start();
    return session;
  }

  /** Records in the trail that the unlock checks found something, after the unlock entry. */
  async function recordFindings(session: VaultSession): Promise<VaultSession> {
    const problems = session.integrityProblems;
    if (problems.length > 0) {
      await session.log({
        action: 'vault.integrity-alert',
        target: null,
        summary: integritySummary(problems),
      });
    }
    return session;
  }

  function guardBackoff(found: VaultEntry): void {
    const at = toIsoInstant(now());
    const allowedAt = nextAllowedAt(found, at);
    if (allowedAt !== at) throw new BackoffError(new Date(allowedAt), found.failures);
  }

  async function noteFailure(found: VaultEntry): Promise<void> {
    await registry.vaults.update(found.id, recordFailure(found, toIsoInstant(now())));
  }

  /** A new master secret wrapped for both slots, and its working keys; the secret is wiped. */
  async function newKeys(vaultId: VaultId, passphrase: string) {
    const createdAt = now().toISOString();
    const master = newMasterSecret();
    const recoveryKey = newRecoveryKey();
    const [passphraseSlot, recoverySlot] = await Promise.all([
      wrapMasterSecret(vaultId, 'passphrase', master, passphrase, newPassphraseKdf(), createdAt),
      wrapMasterSecret(vaultId, 'recovery', master, recoveryKey, newRecoveryKdf(), createdAt),
    ]);
    const keys = await deriveVaultKeys(master); // wipes `master`
    return { keys, recoveryKey, passphraseSlot, recoverySlot, createdAt };
  }

  /** Re-seals the whole vault under a new master secret; returns the new recovery key. */
  async function rekeyWith(
    session: VaultSession,
    passphrase: string,
    rekey: RekeyOptions,
  ): Promise<string> {
    const next = await newKeys(session.vaultId, passphrase);
    await session.internals(async (core) => {
      await rekeyVault(core, {
        keys: next.keys,
        passphraseSlot: next.passphraseSlot,
        recoverySlot: next.recoverySlot,
        onProgress: rekey.onProgress,
        signal: rekey.signal,
        beforeCommit: options.beforeRekeyCommit,
      });
      return { adoptKeys: next.keys };
    });
    return next.recoveryKey;
  }

  return {
    /** The vaults on this machine, newest first. */
    async list(): Promise<VaultEntry[]> {
      return (await registry.vaults.orderBy('createdAt').toArray()).reverse();
    },

    async create(input: CreateVaultInput): Promise<CreatedVault> {
      checkPassphrasePolicy(input.passphrase);
      const vaultId = newVaultId();
      const { keys, recoveryKey, passphraseSlot, recoverySlot, createdAt } = await newKeys(
        vaultId,
        input.passphrase,
      );
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
      const session = new VaultSession(db, vaultId, keys, input.owner, { now, anchors });
      await session.log({ action: 'vault.created', target: null, summary: input.label });
      if (input.fill) {
        try {
          await input.fill(session);
        } catch (error) {
          session.lock();
          await new VaultDb(vaultId, idb).delete(); // nothing of a half-filled vault stays
          throw error;
        }
      } else await session.create('engagement', input.engagement, input.engagement.entity);
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
      let opened: Awaited<ReturnType<typeof openPassphraseSlots>>;
      try {
        opened = await openPassphraseSlots(db, found.id, passphrase);
      } catch (error) {
        db.close();
        if (error instanceof WrongSecretError) await noteFailure(found);
        throw error;
      }
      // A slot from before Argon2id is re-wrapped now, while the passphrase is at hand; the
      // crash-safe two-step change does it.
      const { master, slot } = opened;
      const copy = isOutdatedPassphraseKdf(slot.kdf) ? new Uint8Array(master) : null;
      const session = await openSession(db, found.id, await deriveVaultKeys(master));
      await registry.vaults.update(found.id, recordSuccess());
      await session.log({ action: 'vault.unlocked', target: null, summary: '' });
      if (copy) {
        await replacePassphraseSlot(db, found.id, copy, passphrase, slotOptions);
        await session.log({ action: 'vault.kdf-upgraded', target: null, summary: 'Argon2id' });
      }
      return recordFindings(session);
    },

    /**
     * Opens a vault with its recovery key and re-keys it under a new passphrase: a used
     * recovery key is spent (it, and any copy of the old keyslots, opens nothing afterwards).
     * Returns the new recovery key, shown once.
     */
    async recover(
      vaultId: string,
      recoveryKey: string,
      newPassphrase: string,
      rekey: RekeyOptions = {},
    ): Promise<CreatedVault> {
      checkPassphrasePolicy(newPassphrase);
      const found = await entry(vaultId);
      guardBackoff(found);
      const normalized = normalizeRecoveryKey(recoveryKey);
      const db = new VaultDb(found.id, idb);
      const slot = await requireSlot(db, 'recovery');
      let master;
      try {
        if (!normalized) throw new WrongSecretError();
        master = await unwrapMasterSecret(found.id, slot, normalized);
      } catch (error) {
        db.close();
        if (error instanceof WrongSecretError) await noteFailure(found);
        throw error;
      }
      const session = await openSession(db, found.id, await deriveVaultKeys(master));
      await registry.vaults.update(found.id, recordSuccess());
      await session.log({ action: 'vault.unlocked-with-recovery', target: null, summary: '' });
      await recordFindings(session);
      const fresh = await rekeyWith(session, newPassphrase, rekey);
      await session.log({ action: 'vault.passphrase-changed', target: null, summary: '' });
      return { session, recoveryKey: fresh };
    },

    /**
     * Re-wraps the data key under a new passphrase; no record is re-encrypted. Needs the
     * current passphrase, because the working keys in memory cannot be exported.
     */
    async changePassphrase(session: VaultSession, current: string, next: string): Promise<void> {
      checkPassphrasePolicy(next);
      const db = new VaultDb(session.vaultId, idb);
      try {
        const active = await requireSlot(db, 'passphrase');
        const master = await unwrapMasterSecret(session.vaultId, active, current);
        await replacePassphraseSlot(db, session.vaultId, master, next, slotOptions);
      } finally {
        db.close();
      }
      await session.log({ action: 'vault.passphrase-changed', target: null, summary: '' });
    },

    /**
     * A new master secret, and the whole vault sealed again under it, all or nothing; the
     * passphrase stays, and a new recovery key is returned (shown once). Needs the passphrase,
     * which also proves the person at the keyboard knows it.
     */
    async rekey(
      session: VaultSession,
      passphrase: string,
      rekey: RekeyOptions = {},
    ): Promise<string> {
      const db = new VaultDb(session.vaultId, idb);
      try {
        const active = await requireSlot(db, 'passphrase');
        wipe(await unwrapMasterSecret(session.vaultId, active, passphrase));
      } finally {
        db.close();
      }
      return rekeyWith(session, passphrase, rekey);
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
}

export type VaultStore = ReturnType<typeof createVaultStore>;
