import { describe, expect, it } from 'vitest';
import { utf8 } from '../crypto/bytes';
import { asIsoInstant } from '../domain/dates';
import {
  IdentityFileError,
  SigningPassphraseError,
  changeSigningPassphrase,
  createIdentity,
  fingerprintOf,
  parseIdentityFile,
  signWithIdentity,
} from './identity';
import { minisignVerify, parsePublicKey } from './minisign';
import { signUnlock } from './signing';
import { fastKdf, must } from './testing';

const NOW = asIsoInstant('2026-03-04T02:00:00.000Z');
const PASS = '我的簽章密碼 correct horse';

async function identity(name = '王小明') {
  return createIdentity({ name, passphrase: PASS, now: NOW, kdf: fastKdf() });
}

describe('signing identities', () => {
  it('seals the key under the passphrase and signs with it only while asked', async () => {
    const { identity: id, publicKeyFile } = await identity();
    expect(id.fingerprint).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(id.fingerprint).toBe(fingerprintOf(id.publicKey));
    expect(publicKeyFile).toContain(id.fingerprint);
    expect(publicKeyFile).toContain('王小明');
    // No key material in clear in the file: only the public key and the sealed seed.
    expect(JSON.stringify(id)).not.toMatch(/"(seed|privateKey|d)"/);

    const message = utf8('content');
    const escaped: { sign?: (m: Uint8Array<ArrayBuffer>) => Promise<string> } = {};
    const sig = await signWithIdentity(id, PASS, async (signer) => {
      escaped.sign = (m) => signer.sign(m, { trusted: 't', untrusted: 'u' });
      return signer.sign(message, { trusted: 't', untrusted: 'u' });
    });
    expect((await minisignVerify(parsePublicKey(publicKeyFile), message, sig)).ok).toBe(true);
    // The signer is dropped when the work ends: it cannot sign afterwards.
    await expect(must(escaped.sign)(message)).rejects.toThrow(/dropped/);
  });

  it('refuses a wrong passphrase, a short one, and a sealed key moved into another file', async () => {
    const { identity: a } = await identity('甲');
    const { identity: b } = await identity('乙');
    await expect(
      signWithIdentity(a, 'not the passphrase!', () => Promise.resolve(1)),
    ).rejects.toThrow(SigningPassphraseError);
    await expect(
      createIdentity({ name: 'x', passphrase: 'short', now: NOW, kdf: fastKdf() }),
    ).rejects.toThrow(/at least 12/);
    const swapped = { ...a, sealedKey: b.sealedKey, kdf: b.kdf };
    await expect(signWithIdentity(swapped, PASS, () => Promise.resolve(1))).rejects.toThrow(
      SigningPassphraseError,
    );
  });

  it('reads the identity file back and refuses an edited one or weak KDF parameters', async () => {
    const { identity: id } = await identity();
    expect(parseIdentityFile(JSON.stringify(id))).toEqual(id);
    expect(() => parseIdentityFile('{')).toThrow(IdentityFileError);
    const other = (await identity('乙')).identity;
    expect(() => parseIdentityFile(JSON.stringify({ ...id, publicKey: other.publicKey }))).toThrow(
      /fingerprint/,
    );
    expect(() =>
      parseIdentityFile(JSON.stringify({ ...id, kdf: { ...id.kdf, memoryKiB: 1024 } })),
    ).toThrow(/kdf/);
  });

  it('changes the signing passphrase without changing the key', async () => {
    const { identity: id } = await identity();
    const changed = await changeSigningPassphrase(id, PASS, 'a new signing passphrase', fastKdf());
    expect(changed.fingerprint).toBe(id.fingerprint);
    await expect(signWithIdentity(changed, PASS, () => Promise.resolve(1))).rejects.toThrow(
      SigningPassphraseError,
    );
    expect(
      await signWithIdentity(changed, 'a new signing passphrase', () => Promise.resolve(2)),
    ).toBe(2);
  });
});

describe('what a signed workpaper carries verbatim', () => {
  it('refuses personal data in a signer name or an unlock reason', async () => {
    await expect(
      createIdentity({ name: '王小明 0912-345-678', passphrase: PASS, now: NOW, kdf: fastKdf() }),
    ).rejects.toThrow(/national ID, phone number or e-mail/);
    const { identity: id } = await identity();
    await expect(
      signUnlock({
        identity: id,
        passphrase: PASS,
        inspectionId: 'x',
        reason: '請洽 A123456789',
        now: NOW,
      }),
    ).rejects.toThrow(/national ID, phone number or e-mail/);
  });
});
