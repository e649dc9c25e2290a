/**
 * The vault's key hierarchy.
 *
 *   passphrase ─PBKDF2─▶ KEK ─┐
 *   recovery key ─HKDF─▶ KEK ─┴─ AES-GCM wrap ─▶ master secret (32 random bytes)
 *                                                   │ HKDF (non-extractable base key)
 *                                  ┌────────────────┴────────────────┐
 *                          record key (AES-256-GCM)        index key (HMAC-SHA256)
 *
 * Only wrapped forms of the master secret are stored. In memory the vault holds
 * non-extractable CryptoKeys; the raw master secret exists only for the moment it is wrapped
 * or re-wrapped, and is wiped after.
 */
import { z } from 'zod';
import { type Bytes, randomBytes, utf8, wipe } from './bytes';
import { isSealed, openBytes, sealBytes, type Sealed } from './envelope';
import { deriveKek, kdfParamsSchema } from './kdf';

export const MASTER_SECRET_BYTES = 32;

export interface VaultKeys {
  /** Seals and opens every record payload. */
  record: CryptoKey;
  /** Keyed blind indexes: lets a value be looked up without storing it in clear. */
  index: CryptoKey;
}

export type KeyslotKind = 'passphrase' | 'recovery' | 'passphrase-pending';

export const keyslotSchema = z.object({
  kind: z.enum(['passphrase', 'recovery', 'passphrase-pending']),
  kdf: kdfParamsSchema,
  wrapped: z.custom<Sealed>(isSealed, { message: 'is not a sealed envelope' }),
  createdAt: z.string(),
});
export type Keyslot = z.infer<typeof keyslotSchema>;

export class WrongSecretError extends Error {
  override name = 'WrongSecretError';
  constructor() {
    super('The passphrase or recovery key does not open this vault.');
  }
}

export function newMasterSecret(): Bytes {
  return randomBytes(MASTER_SECRET_BYTES);
}

/** A pending passphrase slot is a passphrase slot for additional-data purposes. */
function slotAad(vaultId: string, kind: KeyslotKind): Bytes {
  const family = kind === 'recovery' ? 'recovery' : 'passphrase';
  return utf8(`aw-keyslot/v1|${vaultId}|${family}`);
}

export async function wrapMasterSecret(
  vaultId: string,
  kind: KeyslotKind,
  master: Bytes,
  secret: string,
  kdf: Keyslot['kdf'],
  createdAt: string,
): Promise<Keyslot> {
  const kek = await deriveKek(secret, kdf);
  const wrapped = await sealBytes(kek, master, slotAad(vaultId, kind));
  return { kind, kdf, wrapped, createdAt };
}

/** Opens a keyslot. The caller owns the returned bytes and must `wipe` them. */
export async function unwrapMasterSecret(
  vaultId: string,
  slot: Keyslot,
  secret: string,
): Promise<Bytes> {
  const kek = await deriveKek(secret, slot.kdf);
  try {
    return await openBytes(kek, slot.wrapped, slotAad(vaultId, slot.kind));
  } catch {
    throw new WrongSecretError();
  }
}

/** Turns the master secret into the vault's working keys, then wipes the secret. */
export async function deriveVaultKeys(master: Bytes): Promise<VaultKeys> {
  try {
    const base = await crypto.subtle.importKey('raw', master, 'HKDF', false, ['deriveKey']);
    const hkdf = (info: string) => ({
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(32),
      info: utf8(info),
    });
    const [record, index] = await Promise.all([
      crypto.subtle.deriveKey(
        hkdf('aw-record-key/v1'),
        base,
        { name: 'AES-GCM', length: 256 },
        false,
        ['encrypt', 'decrypt'],
      ),
      crypto.subtle.deriveKey(
        hkdf('aw-index-key/v1'),
        base,
        { name: 'HMAC', hash: 'SHA-256', length: 256 },
        false,
        ['sign'],
      ),
    ]);
    return { record, index };
  } finally {
    wipe(master);
  }
}
