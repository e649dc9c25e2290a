/**
 * A vault's keyslots as stored in its `meta` table: reading them (validated, parameters
 * bounded), opening the passphrase slot (finishing or rolling back an interrupted passphrase
 * change), and replacing it crash-safely.
 *
 * A passphrase change is crash-safe: the new wrap is first written beside the old one as a
 * pending slot, then promoted in one transaction. An unlock that finds a pending slot finishes
 * the change (new passphrase) or rolls it back (old passphrase).
 */
import { z } from 'zod';
import {
  type Keyslot,
  keyslotSchema,
  newPassphraseKdf,
  unwrapMasterSecret,
  wipe,
  WrongSecretError,
  wrapMasterSecret,
} from '../../shared/crypto';
import type { VaultId } from '../../shared/domain/records';
import { DamagedVaultError } from './errors';
import type { VaultDb } from './vault-db';

/**
 * A keyslot, validated: its KDF parameters must lie between the floor and the ceiling, so a
 * slot edited on disk can make unlocking neither weak nor endless.
 */
export async function readSlot(db: VaultDb, kind: Keyslot['kind']): Promise<Keyslot | null> {
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

export async function requireSlot(db: VaultDb, kind: 'passphrase' | 'recovery'): Promise<Keyslot> {
  const slot = await readSlot(db, kind);
  if (!slot) {
    db.close();
    throw new DamagedVaultError(
      kind === 'recovery' ? 'recovery-keyslot' : 'passphrase-keyslot',
      'it is missing',
    );
  }
  return slot;
}

/**
 * Opens the passphrase slot, or the pending one of an interrupted change (which the change
 * then completes); an interrupted change the old passphrase opens is rolled back. Throws
 * WrongSecretError if neither opens. The caller owns and wipes the master secret.
 */
export async function openPassphraseSlots(
  db: VaultDb,
  vaultId: VaultId,
  passphrase: string,
): Promise<{ master: Uint8Array<ArrayBuffer>; slot: Keyslot }> {
  const active = await requireSlot(db, 'passphrase');
  const pending = await readSlot(db, 'passphrase-pending');
  try {
    const master = await unwrapMasterSecret(vaultId, active, passphrase);
    if (pending) await db.meta.delete('keyslot:passphrase-pending');
    return { master, slot: active };
  } catch (error) {
    if (!(error instanceof WrongSecretError) || !pending) throw error;
  }
  const master = await unwrapMasterSecret(vaultId, pending, passphrase);
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: 'keyslot:passphrase', slot: { ...pending, kind: 'passphrase' } });
    await db.meta.delete('keyslot:passphrase-pending');
  });
  return { master, slot: pending };
}

export interface ReplaceSlotOptions {
  now: () => Date;
  /** Test hook: runs between the two steps, to simulate a crash. */
  afterPendingSlotWritten?: () => Promise<void>;
}

/** Two steps: write the new wrap as pending, then promote it. Wipes `master`. */
export async function replacePassphraseSlot(
  db: VaultDb,
  vaultId: VaultId,
  master: Uint8Array<ArrayBuffer>,
  next: string,
  options: ReplaceSlotOptions,
): Promise<void> {
  try {
    const pending = await wrapMasterSecret(
      vaultId,
      'passphrase-pending',
      master,
      next,
      newPassphraseKdf(),
      options.now().toISOString(),
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
