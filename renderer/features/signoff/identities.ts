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
import type { Bilingual } from '../../../shared/domain/inspection/text';
import {
  recipientStatementProblem,
  type RecipientStatement,
} from '../../../shared/signoff/age-key';
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

/** A trusted signer refused, with its reason in both languages. */
export class TrustedSignerError extends Error {
  override name = 'TrustedSignerError';
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}

/** A recipient statement that does not hold for `publicKey`, refused with its reason. */
export async function checkStatement(
  publicKey: string,
  statement: RecipientStatement | undefined,
): Promise<void> {
  if (statement === undefined) return;
  const problem = await recipientStatementProblem({ publicKey, ...statement });
  if (problem !== null) {
    throw new TrustedSignerError({
      'zh-TW': `加密收件金鑰未予採用：${problem}`,
      en: `The encryption recipient is refused: ${problem}`,
    });
  }
}

/**
 * Adds a colleague's public key (minisign's file or its key line) as a trusted signer; who
 * added it is the session's user. A replacement key passes the `personId` of the old one.
 * With `statement` (their signer card's), packages can be encrypted to them too.
 */
export async function addTrustedSigner(
  session: VaultSession,
  input: NewTrustedSigner,
): Promise<Stored<TrustedSigner>> {
  const signer = await newTrustedSigner(session, input);
  return session.create('trustedSigners', signer, `${signer.name} ${signer.fingerprint}`);
}

export interface NewTrustedSigner {
  publicKey: string;
  name: string;
  role: string | null;
  personId?: string;
  statement?: RecipientStatement;
  now?: Clock;
}

/** The trusted-signer record `addTrustedSigner` writes, checked; for batches that write it. */
export async function newTrustedSigner(
  session: VaultSession,
  input: NewTrustedSigner,
): Promise<TrustedSigner> {
  const line = publicKeyLine(parsePublicKey(input.publicKey.trim()));
  const fingerprint = fingerprintOf(line);
  const existing = await session.list('trustedSigners');
  if (existing.some((s) => s.fingerprint === fingerprint)) {
    throw new TrustedSignerError({
      'zh-TW': `金鑰 ${fingerprint} 已是信任簽核者`,
      en: `The key ${fingerprint} is already a trusted signer`,
    });
  }
  await checkStatement(line, input.statement);
  return {
    personId: input.personId ?? newRecordId(),
    name: input.name,
    role: input.role,
    fingerprint,
    publicKey: line,
    addedBy: session.actor,
    addedAt: instant(input.now ?? systemClock),
    retiredAt: null,
    replacedBy: null,
    ...(input.statement ?? {}),
  };
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
