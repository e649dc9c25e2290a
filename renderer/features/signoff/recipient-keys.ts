/**
 * Packages encrypted to people rather than to a shared passphrase, from the vault's side: a
 * signing identity's recipient statement (its age key signed by its signing key) kept on its
 * trusted-signer entry, signer cards (簽章收件卡) exchanged with colleagues, and identity files
 * moved between vaults. Every statement is verified against the key it claims before it is
 * stored, so a recipient nobody signed for is never encrypted to.
 */
import { bi } from '../../../shared/domain/inspection/text';
import type { RecordId, Stored } from '../../../shared/domain/records';
import { recipientStatementOf, type RecipientStatement } from '../../../shared/signoff/age-key';
import {
  createIdentity,
  parseIdentityFile,
  type IdentityFile,
} from '../../../shared/signoff/identity';
import {
  looksLikeRecipientCard,
  parseRecipientCard,
  recipientCardOf,
  type RecipientCard,
} from '../../../shared/signoff/recipient-card';
import type { TrustedSigner } from '../../../shared/signoff/records';
import type { KdfParams } from '../../../shared/crypto/kdf';
import { payloadOf, type VaultSession } from '../../data/vault-session';
import { NotFoundError } from '../../data/errors';
import type { BatchGroup } from '../../data/session-write';
import {
  addTrustedSigner,
  checkStatement,
  newTrustedSigner,
  instant,
  signingIdentity,
  TrustedSignerError,
  type Clock,
} from './identities';

const systemClock: Clock = () => new Date();

async function liveSigners(session: VaultSession): Promise<Stored<TrustedSigner>[]> {
  return (await session.list('trustedSigners')).filter((s) => !s.deleted);
}

/** The trusted signer with this key, live; refused when there is none or it is retired. */
async function activeSigner(
  session: VaultSession,
  fingerprint: string,
): Promise<Stored<TrustedSigner>> {
  const signer = (await liveSigners(session)).find((s) => s.fingerprint === fingerprint);
  if (signer === undefined) {
    throw new TrustedSignerError(
      bi(`金鑰 ${fingerprint} 不是信任簽核者`, `The key ${fingerprint} is not a trusted signer`),
    );
  }
  if (signer.retiredAt !== null) {
    throw new TrustedSignerError(
      bi(
        `金鑰 ${fingerprint} 已停用，不再加密給它`,
        `The key ${fingerprint} is retired; nothing is encrypted to it any more`,
      ),
    );
  }
  return signer;
}

/** The batch item that puts a verified statement on a signer, or null if it holds it already. */
async function statementUpdate(
  signer: Stored<TrustedSigner>,
  statement: RecipientStatement,
): Promise<BatchGroup | null> {
  await checkStatement(signer.publicKey, statement);
  if (
    signer.recipient === statement.recipient &&
    signer.recipientSignature === statement.recipientSignature
  ) {
    return null;
  }
  const data = { ...payloadOf(signer), ...statement };
  return { table: 'trustedSigners', items: [{ id: signer.id, expectedRev: signer.rev, data }] };
}

/**
 * Puts a verified statement on the trusted signer with that key. Refused for a retired key
 * (nothing may be encrypted to it any more); unchanged when it already holds this statement.
 */
export async function attachStatement(
  session: VaultSession,
  fingerprint: string,
  statement: RecipientStatement,
): Promise<Stored<TrustedSigner>> {
  const signer = await activeSigner(session, fingerprint);
  const update = await statementUpdate(signer, statement);
  if (update === null) return signer;
  const [written] = await session.writeBatch([update], {
    action: 'records.imported',
    summary: `recipient of ${signer.name} ${signer.fingerprint}`,
  });
  return written?.[0] as Stored<TrustedSigner>;
}

/**
 * Keeps an identity in the vault and makes its key a trusted signer with its statement (a new
 * entry in `role`, or the statement put on the existing one), in one transaction.
 */
async function keepIdentity(
  session: VaultSession,
  identity: IdentityFile,
  statement: RecipientStatement,
  input: { role: string | null; now?: Clock },
): Promise<Stored<IdentityFile>> {
  const known = (await liveSigners(session)).some((s) => s.fingerprint === identity.fingerprint);
  const signerGroup: BatchGroup | null = known
    ? await statementUpdate(await activeSigner(session, identity.fingerprint), statement)
    : {
        table: 'trustedSigners',
        items: [
          {
            data: await newTrustedSigner(session, {
              publicKey: identity.publicKey,
              name: identity.name,
              role: input.role,
              statement,
              ...(input.now ? { now: input.now } : {}),
            }),
          },
        ],
      };
  const groups: BatchGroup[] = [{ table: 'signingIdentities', items: [{ data: identity }] }];
  if (signerGroup !== null) groups.push(signerGroup);
  const [kept] = await session.writeBatch(groups, {
    action: 'records.imported',
    summary: `signing identity ${identity.name} ${identity.fingerprint}`,
  });
  return kept?.[0] as Stored<IdentityFile>;
}

/**
 * A new signing identity for this vault, added as a trusted signer in `role` with its
 * recipient statement, so it can sign and packages can be encrypted to it at once.
 */
export async function createOwnIdentity(
  session: VaultSession,
  input: { name: string; passphrase: string; role: string | null; kdf?: KdfParams; now?: Clock },
): Promise<Stored<IdentityFile>> {
  const { identity } = await createIdentity({
    name: input.name,
    passphrase: input.passphrase,
    now: instant(input.now ?? systemClock),
    ...(input.kdf ? { kdf: input.kdf } : {}),
  });
  const statement = await recipientStatementOf(identity, input.passphrase);
  return keepIdentity(session, identity, statement, input);
}

/**
 * Brings an identity file made elsewhere (another vault's 匯出身分檔, or `identity --new`)
 * into this vault. Its signing passphrase proves it is the user's and makes its statement; the
 * key becomes (or stays) a trusted signer, with the statement on it.
 */
export async function importIdentityFile(
  session: VaultSession,
  input: { text: string; passphrase: string; role: string | null; now?: Clock },
): Promise<Stored<IdentityFile>> {
  const identity = parseIdentityFile(input.text);
  const held = await session.list('signingIdentities');
  if (held.some((i) => !i.deleted && i.fingerprint === identity.fingerprint)) {
    throw new TrustedSignerError(
      bi(
        `簽章身分 ${identity.fingerprint} 已在此案件庫`,
        `The signing identity ${identity.fingerprint} is already in this vault`,
      ),
    );
  }
  const statement = await recipientStatementOf(identity, input.passphrase);
  return keepIdentity(session, identity, statement, input);
}

/**
 * The signer card of one of the vault's identities (its signing passphrase makes the
 * statement); the statement is also put on its trusted-signer entry when it has one.
 */
export async function ownRecipientCard(
  session: VaultSession,
  identityId: RecordId,
  passphrase: string,
): Promise<RecipientCard> {
  const identity = await signingIdentity(session, identityId);
  const statement = await recipientStatementOf(identity, passphrase);
  const signers = await liveSigners(session);
  const own = signers.find((s) => s.fingerprint === identity.fingerprint);
  if (own !== undefined && own.retiredAt === null) {
    await attachStatement(session, identity.fingerprint, statement);
  }
  return recipientCardOf(identity, statement);
}

/**
 * A colleague's signer card: a new trusted signer in `role` (named as on the card unless
 * `name` is given), or, for a key already trusted, its statement added.
 */
export async function importSignerCard(
  session: VaultSession,
  input: { text: string; name?: string; role: string | null; now?: Clock },
): Promise<Stored<TrustedSigner>> {
  const card = await parseRecipientCard(input.text);
  const statement = { recipient: card.recipient, recipientSignature: card.recipientSignature };
  const known = (await session.list('trustedSigners')).some(
    (s) => !s.deleted && s.fingerprint === card.fingerprint,
  );
  if (known) return attachStatement(session, card.fingerprint, statement);
  return addTrustedSigner(session, {
    publicKey: card.publicKey,
    name: input.name?.trim() || card.name,
    role: input.role,
    statement,
    ...(input.now ? { now: input.now } : {}),
  });
}

/**
 * A person's new key (a lost laptop, a forgotten signing passphrase): added as the same person
 * (`personId`, so separation of duties still sees one person), with their name and role, and
 * the old key retired naming it, in one transaction. `text` is the new public key or the new
 * identity's signer card (then packages can be encrypted to the new key too).
 */
export async function replaceTrustedSigner(
  session: VaultSession,
  id: RecordId,
  input: { text: string; now?: Clock },
): Promise<Stored<TrustedSigner>> {
  const current = await session.get('trustedSigners', id);
  if (!current || current.deleted) throw new NotFoundError('trustedSigners', id);
  if (current.retiredAt !== null) {
    throw new TrustedSignerError(
      bi(
        `金鑰 ${current.fingerprint} 已停用，不能再更換`,
        `The key ${current.fingerprint} is retired already and cannot be replaced`,
      ),
    );
  }
  const card = looksLikeRecipientCard(input.text) ? await parseRecipientCard(input.text) : null;
  const now = input.now ?? systemClock;
  const replacement = await newTrustedSigner(session, {
    publicKey: card?.publicKey ?? input.text,
    name: current.name,
    role: current.role,
    personId: current.personId,
    ...(card
      ? { statement: { recipient: card.recipient, recipientSignature: card.recipientSignature } }
      : {}),
    now,
  });
  const retired = {
    ...payloadOf(current),
    retiredAt: instant(now),
    replacedBy: replacement.fingerprint,
  };
  const [written] = await session.writeBatch(
    [
      {
        table: 'trustedSigners',
        items: [{ data: replacement }, { id: current.id, expectedRev: current.rev, data: retired }],
      },
    ],
    {
      action: 'records.imported',
      summary: `key of ${current.name} replaced: ${current.fingerprint} → ${replacement.fingerprint}`,
    },
  );
  return written?.[0] as Stored<TrustedSigner>;
}
