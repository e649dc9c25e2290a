/**
 * What the package form's choices do to the file written through the app's path
 * (`savePackageFile` with the real .awpkg codec, real vaults on fake IndexedDB): a generated
 * passphrase, unedited, gets the low scrypt work factor, a typed one log2 N = 16; a chosen
 * signing identity signs the package (read back with its signer), and a wrong signing
 * passphrase saves and records nothing.
 */
import { describe, expect, it } from 'vitest';
import { SigningPassphraseError } from '../../../shared/signoff/identity';
import { PASSPHRASE as SIGNING_PASS, fastKdf } from '../../../shared/signoff/testing';
import { payloadOf, type VaultSession } from '../../data/vault-session';
import { createSigningIdentity } from '../signoff/identities';
import { originOf } from './send-back';
import {
  GENERATED_PASSPHRASE_LOG_N,
  headerWorkFactor,
  newPackagePassphrase,
  SCRYPT_LOG_N,
} from '../../../shared/package';
import { awpkgCodec } from './awpkg-codec';
import { prepareHandout } from './handout';
import { savePackageFile } from './package-file';
import { prepareReturn } from './send-back';
import { auditorVault, fakeHost, leadVault } from './testing';

describe('the package passphrase', () => {
  it('writes a package with a generated passphrase at the low work factor, a typed one at 16', async () => {
    const lead = await leadVault();
    const host = fakeHost();
    const generated = newPackagePassphrase();
    await savePackageFile(host.platform, await prepareHandout(lead, '林甲', []), {
      passphrase: generated,
      generated: true,
      signing: null,
    });
    expect(GENERATED_PASSPHRASE_LOG_N).toBe(10);
    expect(headerWorkFactor(host.lastSaved())).toBe(GENERATED_PASSPHRASE_LOG_N);
    const read = await awpkgCodec.read(host.lastSaved(), generated);
    expect(read.contents.meta.auditor).toBe('林甲');

    const auditor = await auditorVault(lead);
    const typed = 'a typed passphrase 2025';
    await savePackageFile(host.platform, await prepareReturn(auditor), {
      passphrase: typed,
      generated: false,
      signing: null,
    });
    expect(SCRYPT_LOG_N).toBe(16);
    expect(headerWorkFactor(host.lastSaved())).toBe(SCRYPT_LOG_N);
    await expect(awpkgCodec.read(host.lastSaved(), typed)).resolves.toMatchObject({
      contents: { meta: { kind: 'return' } },
    });
  });

  it('keeps 16 for a passphrase said to be generated that is not of the generated form', async () => {
    const lead = await leadVault();
    const host = fakeHost();
    await savePackageFile(host.platform, await prepareHandout(lead, '林甲', []), {
      passphrase: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAA',
      generated: true,
      signing: null,
    });
    expect(headerWorkFactor(host.lastSaved())).toBe(SCRYPT_LOG_N);
  });
});

/** A signing identity of `name` in `session`'s vault (Argon2id at its floor). */
async function identityIn(session: VaultSession, name: string) {
  const { record } = await createSigningIdentity(session, {
    name,
    passphrase: SIGNING_PASS,
    kdf: fastKdf(),
  });
  return payloadOf(record);
}

const actions = async (session: VaultSession) => (await session.activity()).map((e) => e.action);

describe('signing a package', () => {
  it('signs a hand-out and a return with the chosen identity; each reads back with its signer', async () => {
    const lead = await leadVault();
    const host = fakeHost();
    const chen = await identityIn(lead, '陳組長');
    const passphrase = newPackagePassphrase();
    await savePackageFile(host.platform, await prepareHandout(lead, '林甲', []), {
      passphrase,
      generated: true,
      signing: { identity: chen, passphrase: SIGNING_PASS },
    });
    const handout = await awpkgCodec.read(host.lastSaved(), passphrase);
    expect(handout.signer).toMatchObject({ name: '陳組長', fingerprint: chen.fingerprint });
    expect(headerWorkFactor(host.lastSaved())).toBe(GENERATED_PASSPHRASE_LOG_N);

    const auditor = await auditorVault(lead);
    const lin = await identityIn(auditor, '林甲');
    await savePackageFile(host.platform, await prepareReturn(auditor), {
      passphrase,
      generated: true,
      signing: { identity: lin, passphrase: SIGNING_PASS },
    });
    const back = await awpkgCodec.read(host.lastSaved(), passphrase);
    expect(back.signer).toMatchObject({
      name: '林甲',
      fingerprint: lin.fingerprint,
      publicKey: lin.publicKey,
    });
    // Unsigned when no identity is chosen.
    await savePackageFile(host.platform, await prepareReturn(auditor), {
      passphrase,
      generated: true,
      signing: null,
    });
    expect((await awpkgCodec.read(host.lastSaved(), passphrase)).signer).toBeNull();
  });

  it('refuses a wrong signing passphrase: nothing saved, nothing recorded', async () => {
    const lead = await leadVault();
    const host = fakeHost();
    const chen = await identityIn(lead, '陳組長');
    const wrong = { identity: chen, passphrase: 'not the signing passphrase' };
    const leadTrail = await actions(lead);
    const handout = savePackageFile(host.platform, await prepareHandout(lead, '林甲', []), {
      passphrase: newPackagePassphrase(),
      generated: true,
      signing: wrong,
    });
    await expect(handout).rejects.toBeInstanceOf(SigningPassphraseError);
    expect(host.requests).toEqual([]);
    expect(await lead.list('handouts')).toEqual([]);
    expect(await lead.list('handoutBases')).toEqual([]);
    expect(await actions(lead)).toEqual(leadTrail);

    const auditor = await auditorVault(lead);
    const lin = await identityIn(auditor, '林甲');
    const auditorTrail = await actions(auditor);
    const back = savePackageFile(host.platform, await prepareReturn(auditor), {
      passphrase: newPackagePassphrase(),
      generated: true,
      signing: { identity: lin, passphrase: 'not the signing passphrase' },
    });
    await expect(back).rejects.toBeInstanceOf(SigningPassphraseError);
    expect(host.requests).toEqual([]);
    expect((await originOf(auditor))?.returned).toEqual([]);
    expect(await actions(auditor)).toEqual(auditorTrail);
  });
});
