/**
 * Packages encrypted to trusted signers from the app's package form: real vaults on fake
 * IndexedDB, real identities (Argon2id at its floor), the real .awpkg codec and age.
 */
import { describe, expect, it } from 'vitest';
import { asIsoInstant } from '../../../shared/domain/dates';
import { recipientStatementOf, withAgeIdentity } from '../../../shared/signoff/age-key';
import { createIdentity } from '../../../shared/signoff/identity';
import { recipientCardOf, recipientCardText } from '../../../shared/signoff/recipient-card';
import type { TrustedSigner } from '../../../shared/signoff/records';
import { fastKdf } from '../../../shared/signoff/testing';
import { freshIdb } from '../../data/testing/factories';
import { payloadOf, type VaultSession } from '../../data/vault-session';
import { createVaultStore } from '../../data/vaults';
import { createOwnIdentity, importSignerCard } from '../signoff/recipient-keys';
import { awpkgCodec } from './awpkg-codec';
import { openHandout, prepareHandout } from './handout';
import { savePackageFile } from './package-file';
import { isRecipientPackage, withOpenKeys } from './package-keys';
import { isHandout, isReturn } from './package-contents';
import { prepareReturn } from './send-back';
import { fakeHost, leadVault, VAULT_PASS } from './testing';
import { recipientsFor } from './use-package-secret';

const SIGN_PASS = 'signing passphrase 1234';
const NOW = asIsoInstant('2026-03-04T02:00:00.000Z');

/** The auditor's identity, made on their own laptop, and the card they hand the lead. */
async function auditorIdentity(name = '林甲') {
  const { identity } = await createIdentity({
    name,
    passphrase: SIGN_PASS,
    now: NOW,
    kdf: fastKdf(),
  });
  const card = recipientCardOf(identity, await recipientStatementOf(identity, SIGN_PASS));
  return { identity, card: recipientCardText(card) };
}

async function leadWithTeam() {
  const lead = await leadVault();
  const own = await createOwnIdentity(lead, {
    name: '張組長',
    passphrase: SIGN_PASS,
    role: 'approver',
    kdf: fastKdf(),
  });
  const auditor = await auditorIdentity();
  await importSignerCard(lead, { text: auditor.card, role: 'preparer' });
  return { lead, own: payloadOf(own), auditor };
}

const trusted = async (session: VaultSession) =>
  (await session.list('trustedSigners')).filter((s) => !s.deleted);

describe('packages encrypted to trusted signers', () => {
  it('the auditor and the signing lead open it with their identities; a passphrase does not', async () => {
    const { lead, own, auditor } = await leadWithTeam();
    const signers = await trusted(lead);
    const lin = signers.find((s) => s.name === '林甲');
    if (!lin) throw new Error('林甲 not trusted');
    // The form: 林甲 ticked; the lead signs, so the lead's own entry is a recipient too.
    const recipients = recipientsFor(signers, [lin.id], own.fingerprint);
    expect(recipients.map((r) => r.name).sort()).toEqual(['張組長', '林甲']);

    const host = fakeHost();
    const prepared = await prepareHandout(lead, '林甲', []);
    await savePackageFile(host.platform, prepared, {
      passphrase: '',
      generated: false,
      recipients: recipients.map(payloadOf),
      signing: { identity: own, passphrase: SIGN_PASS },
    });
    const bytes = host.lastSaved();
    const { packageId } = prepared.contents.meta;
    for (const who of [auditor.identity, own]) {
      const read = await withAgeIdentity(who, SIGN_PASS, (age) => awpkgCodec.read(bytes, age));
      expect(read.contents.meta.packageId).toBe(packageId);
      expect(read.signer?.fingerprint).toBe(own.fingerprint);
    }
    await expect(awpkgCodec.read(bytes, 'package passphrase 44')).rejects.toMatchObject({
      code: 'needs-identity',
    });
    const stranger = (await auditorIdentity('外人')).identity;
    await expect(
      withAgeIdentity(stranger, SIGN_PASS, (age) => awpkgCodec.read(bytes, age)),
    ).rejects.toMatchObject({ code: 'not-for-you' });
  });

  it('refuses, saving and recording nothing, a recipient whose statement was altered or who has none', async () => {
    const { lead } = await leadWithTeam();
    const host = fakeHost();
    const [first, second] = await trusted(lead);
    if (!first?.recipient || !second?.recipient) throw new Error('two recipients expected');
    const swapped = { ...payloadOf(first), recipient: second.recipient };
    const prepared = await prepareHandout(lead, '林甲', []);
    const attempt = (recipients: TrustedSigner[]) =>
      savePackageFile(host.platform, prepared, {
        passphrase: '',
        generated: false,
        recipients,
        signing: null,
      });
    await expect(attempt([swapped])).rejects.toThrow(/refused/);
    const { recipient: _r, recipientSignature: _s, ...bare } = payloadOf(first);
    await expect(attempt([bare])).rejects.toMatchObject({ code: 'no-recipients' });
    expect(host.requests).toHaveLength(0);
    expect((await lead.list('handouts')).length).toBe(0);
  });

  it('goes out and back without a passphrase: hand-out to the auditor, return to the lead', async () => {
    const { lead, own, auditor } = await leadWithTeam();
    const host = fakeHost();
    const signers = await trusted(lead);
    const lin = signers.filter((s) => s.name === '林甲').map((s) => s.id);
    const handout = await prepareHandout(lead, '林甲', []);
    await savePackageFile(host.platform, handout, {
      passphrase: '',
      generated: false,
      recipients: recipientsFor(signers, lin, own.fingerprint).map(payloadOf),
      signing: { identity: own, passphrase: SIGN_PASS },
    });
    const sent = host.lastSaved();
    expect(isRecipientPackage(sent)).toBe(true);

    // On the auditor's laptop: no vault yet, their identity file and signing passphrase.
    const keys = {
      passphrase: '',
      identity: { identity: auditor.identity, passphrase: SIGN_PASS },
    };
    const read = await withOpenKeys(keys, [sent], (keyFor) => awpkgCodec.read(sent, keyFor(sent)));
    if (!isHandout(read.contents)) throw new Error('a hand-out expected');
    const { session: mine } = await openHandout(
      createVaultStore({ idb: freshIdb() }),
      read.contents,
      {
        label: '林甲',
        passphrase: VAULT_PASS,
        owner: '林甲',
        identity: auditor.identity,
      },
    );
    const kept = await mine.list('signingIdentities');
    expect(kept.map((i) => i.fingerprint)).toEqual([auditor.identity.fingerprint]);
    const [mineIdentity] = kept;
    if (!mineIdentity) throw new Error('the identity was not kept');

    // The return, encrypted to the lead (a trusted signer the hand-out carried) and signed.
    const theirs = await trusted(mine);
    const leadEntry = theirs.filter((s) => s.fingerprint === own.fingerprint).map((s) => s.id);
    const back = await prepareReturn(mine);
    await savePackageFile(host.platform, back, {
      passphrase: '',
      generated: false,
      recipients: recipientsFor(theirs, leadEntry, auditor.identity.fingerprint).map(payloadOf),
      signing: { identity: payloadOf(mineIdentity), passphrase: SIGN_PASS },
    });
    const returned = host.lastSaved();
    const wrong = {
      passphrase: '',
      identity: { identity: own, passphrase: 'not the signing passphrase' },
    };
    await expect(withOpenKeys(wrong, [returned], () => Promise.resolve())).rejects.toThrow(
      /signing passphrase is wrong/,
    );
    const leadKeys = { passphrase: '', identity: { identity: own, passphrase: SIGN_PASS } };
    const opened = await withOpenKeys(leadKeys, [returned], (keyFor) =>
      awpkgCodec.read(returned, keyFor(returned)),
    );
    expect(isReturn(opened.contents)).toBe(true);
    expect(opened.signer?.fingerprint).toBe(auditor.identity.fingerprint);
  });
});
