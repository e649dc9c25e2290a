import { describe, expect, it } from 'vitest';
import { asIsoInstant } from '../../../shared/domain/dates';
import { recipientStatementOf, verifiedRecipients } from '../../../shared/signoff/age-key';
import {
  createIdentity,
  identityFileText,
  SigningPassphraseError,
} from '../../../shared/signoff/identity';
import {
  recipientCardOf,
  recipientCardText,
  RecipientCardError,
} from '../../../shared/signoff/recipient-card';
import { fastKdf } from '../../../shared/signoff/testing';
import { freshIdb, sampleEngagement } from '../../data/testing/factories';
import type { VaultSession } from '../../data/vault-session';
import { createVaultStore } from '../../data/vaults';
import { addTrustedSigner, retireTrustedSigner, TrustedSignerError } from './identities';
import {
  attachStatement,
  createOwnIdentity,
  importIdentityFile,
  importSignerCard,
  ownRecipientCard,
  replaceTrustedSigner,
} from './recipient-keys';

const PASS = '林甲的簽章密碼 1234';
const NOW = asIsoInstant('2026-03-04T02:00:00.000Z');

async function vault(owner = '張組長'): Promise<VaultSession> {
  const store = createVaultStore({ idb: freshIdb() });
  const { session } = await store.create({
    label: 'recipients',
    passphrase: 'recipient keys vault passphrase',
    owner,
    engagement: sampleEngagement(),
  });
  return session;
}

/** An identity made outside any vault, as `audit-workbench identity --new` makes one. */
async function outsideIdentity(name = '林甲') {
  return (await createIdentity({ name, passphrase: PASS, now: NOW, kdf: fastKdf() })).identity;
}

async function cardOf(name = '林甲') {
  const identity = await outsideIdentity(name);
  return { identity, card: recipientCardOf(identity, await recipientStatementOf(identity, PASS)) };
}

const signers = async (session: VaultSession) =>
  (await session.list('trustedSigners')).filter((s) => !s.deleted);

describe('recipient keys in the vault', () => {
  it('a new own identity is a trusted signer whose recipient statement verifies', async () => {
    const session = await vault();
    const made = await createOwnIdentity(session, {
      name: '張組長',
      passphrase: PASS,
      role: 'approver',
      kdf: fastKdf(),
    });
    const all = await signers(session);
    expect(all).toMatchObject([{ fingerprint: made.fingerprint, role: 'approver' }]);
    expect(await verifiedRecipients(all)).toEqual([all[0]?.recipient]);
    expect(await session.list('signingIdentities')).toHaveLength(1);
  });

  it('imports a colleague card as a new signer, or puts it on the key already trusted', async () => {
    const session = await vault();
    const { card } = await cardOf('林甲');
    const added = await importSignerCard(session, {
      text: recipientCardText(card),
      role: 'preparer',
    });
    expect(added).toMatchObject({ name: '林甲', role: 'preparer', recipient: card.recipient });
    expect(added.addedBy).toBe('張組長');

    // A key trusted earlier without a recipient gets the statement; nothing else changes.
    const other = await cardOf('王乙');
    const bare = await addTrustedSigner(session, {
      publicKey: other.card.publicKey,
      name: '王乙（覆核）',
      role: 'reviewer',
    });
    expect(bare.recipient).toBeUndefined();
    const updated = await importSignerCard(session, {
      text: recipientCardText(other.card),
      role: null,
    });
    expect(updated).toMatchObject({ id: bare.id, name: '王乙（覆核）', role: 'reviewer' });
    expect(updated.recipient).toBe(other.card.recipient);
    // The same card again writes nothing.
    const again = await importSignerCard(session, {
      text: recipientCardText(other.card),
      role: null,
    });
    expect(again.rev).toBe(updated.rev);
    expect(await verifiedRecipients(await signers(session))).toHaveLength(2);
  });

  it('refuses a forged card, a statement for another key and a retired key, storing nothing', async () => {
    const session = await vault();
    const a = await cardOf('林甲');
    const b = await cardOf('冒名者');
    const forged = recipientCardText({ ...a.card, recipient: b.card.recipient });
    await expect(importSignerCard(session, { text: forged, role: null })).rejects.toThrow(
      RecipientCardError,
    );
    expect(await signers(session)).toHaveLength(0);

    const trusted = await addTrustedSigner(session, {
      publicKey: a.card.publicKey,
      name: '林甲',
      role: null,
    });
    const bStatement = {
      recipient: b.card.recipient,
      recipientSignature: b.card.recipientSignature,
    };
    await expect(attachStatement(session, a.card.fingerprint, bStatement)).rejects.toThrow(
      TrustedSignerError,
    );
    await retireTrustedSigner(session, trusted.id);
    await expect(
      importSignerCard(session, { text: recipientCardText(a.card), role: null }),
    ).rejects.toThrow(/retired/);
    const [kept] = await signers(session);
    expect(kept?.recipient).toBeUndefined();
  });

  it('imports an identity file made elsewhere with its passphrase, once', async () => {
    const session = await vault('林甲');
    const identity = await outsideIdentity();
    const text = identityFileText(identity);
    await expect(
      importIdentityFile(session, { text, passphrase: 'not the passphrase', role: 'preparer' }),
    ).rejects.toThrow(SigningPassphraseError);
    expect(await session.list('signingIdentities')).toHaveLength(0);
    expect(await signers(session)).toHaveLength(0);

    const kept = await importIdentityFile(session, { text, passphrase: PASS, role: 'preparer' });
    expect(kept.fingerprint).toBe(identity.fingerprint);
    const all = await signers(session);
    expect(all).toMatchObject([{ fingerprint: identity.fingerprint, role: 'preparer' }]);
    expect(await verifiedRecipients(all)).toHaveLength(1);
    await expect(
      importIdentityFile(session, { text, passphrase: PASS, role: 'preparer' }),
    ).rejects.toThrow(/already in this vault/);
    await expect(
      importIdentityFile(session, {
        text: text.replace(identity.fingerprint, 'X'),
        passphrase: PASS,
        role: null,
      }),
    ).rejects.toThrow(/identity file/);
  });

  it('makes the card of an own identity and gives its trusted signer the statement', async () => {
    const session = await vault();
    const identity = await outsideIdentity('張組長');
    const record = await session.create('signingIdentities', identity, 'old identity');
    await addTrustedSigner(session, { publicKey: identity.publicKey, name: '張組長', role: null });
    const card = await ownRecipientCard(session, record.id, PASS);
    expect(card).toMatchObject({ format: 'aw-age-recipient', fingerprint: identity.fingerprint });
    const [signer] = await signers(session);
    expect(signer?.recipient).toBe(card.recipient);
    await expect(ownRecipientCard(session, record.id, 'wrong passphrase!')).rejects.toThrow(
      SigningPassphraseError,
    );
  });

  it('replaces a key as the same person, the old one retired naming it; a refusal changes nothing', async () => {
    const session = await vault();
    const old = await cardOf('林甲');
    const trusted = await importSignerCard(session, {
      text: recipientCardText(old.card),
      role: 'reviewer',
    });
    const other = await cardOf('王乙');
    await importSignerCard(session, { text: recipientCardText(other.card), role: null });
    // A key already trusted (王乙's) cannot be someone's replacement: nothing changes.
    await expect(
      replaceTrustedSigner(session, trusted.id, { text: other.card.publicKey }),
    ).rejects.toThrow(/already a trusted signer/);
    expect((await signers(session)).every((s) => s.retiredAt === null)).toBe(true);

    const fresh = await cardOf('林甲');
    const added = await replaceTrustedSigner(session, trusted.id, {
      text: recipientCardText(fresh.card),
    });
    expect(added).toMatchObject({
      personId: trusted.personId,
      name: '林甲',
      role: 'reviewer',
      fingerprint: fresh.card.fingerprint,
      recipient: fresh.card.recipient,
      retiredAt: null,
    });
    const retired = await session.get('trustedSigners', trusted.id);
    expect(retired?.retiredAt).not.toBeNull();
    expect(retired?.replacedBy).toBe(fresh.card.fingerprint);
    // Only the new key is encrypted to now.
    const live = (await signers(session)).filter((s) => s.retiredAt === null);
    expect(await verifiedRecipients(live)).not.toContain(old.card.recipient);
    await expect(
      replaceTrustedSigner(session, trusted.id, { text: fresh.card.publicKey }),
    ).rejects.toThrow(/retired/);
  });
});
