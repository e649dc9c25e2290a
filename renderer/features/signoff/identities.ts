/**
 * Signing identities kept in the vault (the key pair sealed by its owner's signing passphrase,
 * then sealed again as a vault record) and the engagement's trusted signers: whose keys count.
 */
import type { KdfParams } from '../../../shared/crypto/kdf';
import { asIsoInstant } from '../../../shared/domain/dates';
import { newRecordId, type RecordId, type Stored } from '../../../shared/domain/records';
import {
  createIdentity,
  fingerprintOf,
  publicKeyFileOf,
  type IdentityFile,
} from '../../../shared/signoff/identity';
import { publicKeyLine, parsePublicKey } from '../../../shared/signoff/minisign';
import type { TrustedSigner } from '../../../shared/signoff/records';
import { NotFoundError } from '../../data/errors';
import { payloadOf, type VaultSession } from '../../data/vault-session';

export type Clock = () => Date;
const systemClock: Clock = () => new Date();
export const instant = (now: Clock) => asIsoInstant(now().toISOString());

/** Creates a signing identity (its own passphrase, not the vault's) and keeps it in the vault. */
export async function createSigningIdentity(
  session: VaultSession,
  input: { name: string; passphrase: string; kdf?: KdfParams; now?: Clock },
): Promise<{ record: Stored<IdentityFile>; publicKeyFile: string }> {
  const made = await createIdentity({
    name: input.name,
    passphrase: input.passphrase,
    now: instant(input.now ?? systemClock),
    ...(input.kdf ? { kdf: input.kdf } : {}),
  });
  const record = await session.create(
    'signingIdentities',
    made.identity,
    `${made.identity.name} ${made.identity.fingerprint}`,
  );
  return { record, publicKeyFile: made.publicKeyFile };
}

export function listSigningIdentities(session: VaultSession): Promise<Stored<IdentityFile>[]> {
  return session.list('signingIdentities');
}

/** minisign's public-key file of an identity, to hand to colleagues. */
export function exportPublicKey(identity: IdentityFile): string {
  return publicKeyFileOf(identity);
}

export async function signingIdentity(session: VaultSession, id: RecordId): Promise<IdentityFile> {
  const record = await session.get('signingIdentities', id);
  if (!record || record.deleted) throw new NotFoundError('signingIdentities', id);
  return payloadOf(record);
}

export class TrustedSignerError extends Error {
  override name = 'TrustedSignerError';
}

/**
 * Adds a colleague's public key (minisign's file or its key line) as a trusted signer; who
 * added it is the session's user. A replacement key passes the `personId` of the old one.
 */
export async function addTrustedSigner(
  session: VaultSession,
  input: {
    publicKey: string;
    name: string;
    role: string | null;
    personId?: string;
    now?: Clock;
  },
): Promise<Stored<TrustedSigner>> {
  const line = publicKeyLine(parsePublicKey(input.publicKey.trim()));
  const fingerprint = fingerprintOf(line);
  const existing = await session.list('trustedSigners');
  if (existing.some((s) => s.fingerprint === fingerprint)) {
    throw new TrustedSignerError(`the key ${fingerprint} is already a trusted signer`);
  }
  return session.create(
    'trustedSigners',
    {
      personId: input.personId ?? newRecordId(),
      name: input.name,
      role: input.role,
      fingerprint,
      publicKey: line,
      addedBy: session.actor,
      addedAt: instant(input.now ?? systemClock),
      retiredAt: null,
      replacedBy: null,
    },
    `${input.name} ${fingerprint}`,
  );
}

/** Retires a key from now on (its earlier signatures stand), naming its replacement if any. */
export async function retireTrustedSigner(
  session: VaultSession,
  id: RecordId,
  options: { replacedBy?: string | null; now?: Clock } = {},
): Promise<Stored<TrustedSigner>> {
  const current = await session.get('trustedSigners', id);
  if (!current || current.deleted) throw new NotFoundError('trustedSigners', id);
  if (current.retiredAt !== null) return current;
  return session.update(
    'trustedSigners',
    current.id,
    current.rev,
    {
      ...payloadOf(current),
      retiredAt: instant(options.now ?? systemClock),
      replacedBy: options.replacedBy ?? null,
    },
    `retired ${current.name} ${current.fingerprint}`,
  );
}
