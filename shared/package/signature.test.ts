import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64, utf8 } from '../crypto/bytes';
import { asIsoInstant } from '../domain/dates';
import { createIdentity, signWithIdentity, type IdentityFile } from '../signoff/identity';
import { parseSignatureFile } from '../signoff/minisign';
import type { TrustedSigner } from '../signoff/records';
import { fastKdf, PASSPHRASE as SIGNING_PASSPHRASE } from '../signoff/testing';
import { decryptPackage } from './age';
import { PackageError, type PackageErrorCode } from './errors';
import type { PackageContents } from './format';
import { readPackage } from './read';
import { signerTrust, type PackageSigner } from './signature';
import { writePackage } from './write';
import { altered, handout, PASSPHRASE, returned, TEST_LOG_N, text } from './testing';

async function person(name: string): Promise<IdentityFile> {
  const made = await createIdentity({
    name,
    passphrase: SIGNING_PASSPHRASE,
    now: asIsoInstant('2025-01-01T00:00:00.000Z'),
    kdf: fastKdf(),
  });
  return made.identity;
}

const signedBy = (identity: IdentityFile, contents: PackageContents) =>
  signWithIdentity(identity, SIGNING_PASSPHRASE, (signer) =>
    writePackage(contents, PASSPHRASE, { logN: TEST_LOG_N, signer }),
  );

async function refusedWith(bytes: Uint8Array, code: PackageErrorCode) {
  const error = await readPackage(bytes, PASSPHRASE).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackageError);
  const refused = error as PackageError;
  expect(refused.code, refused.message).toBe(code);
  expect(refused.text['zh-TW']).toMatch(/簽章|signer\.pub/);
  return refused;
}

const zipOf = async (bytes: Uint8Array) => unzipSync(await decryptPackage(bytes, PASSPHRASE));

const returnedId = '0190a1b2-0000-7000-8000-0000000000a1';
let lead: IdentityFile;
let other: IdentityFile;

describe('package author signatures', () => {
  beforeAll(async () => {
    [lead, other] = await Promise.all([person('林組長'), person('王小明')]);
  });

  it('read back the signer of a signed package; the manifest and its hash are as unsigned', async () => {
    const signed = await signedBy(lead, handout());
    const read = await readPackage(signed.bytes, PASSPHRASE);
    expect(read.signer).toEqual({
      keyId: expect.stringMatching(/^[0-9A-F]{16}$/) as unknown,
      fingerprint: lead.fingerprint,
      publicKey: lead.publicKey,
      name: '林組長',
    });
    expect(signed.signer).toEqual(read.signer);
    const unsigned = await writePackage(handout(), PASSPHRASE, { logN: TEST_LOG_N });
    expect(read.packageHash).toBe(unsigned.packageHash);
    expect(signed.manifest).toEqual(unsigned.manifest);

    const parts = await zipOf(signed.bytes);
    expect(Object.keys(parts).slice(0, 3)).toEqual([
      'manifest.json',
      'signature.minisig',
      'signer.pub',
    ]);
    const sig = parseSignatureFile(text(parts['signature.minisig']));
    expect(JSON.parse(sig.trustedComment)).toEqual({
      aw: 'package/1',
      engagement: handout().engagementId,
      fingerprint: lead.fingerprint,
      kind: 'handout',
      package: handout().packageId,
      signer: '林組長',
    });
    expect(text(parts['signer.pub'])).toContain(lead.publicKey);
  });

  it('read an unsigned package with signer null', async () => {
    const unsigned = await writePackage(await returned(), PASSPHRASE, { logN: TEST_LOG_N });
    expect(unsigned.signer).toBeNull();
    expect((await readPackage(unsigned.bytes, PASSPHRASE)).signer).toBeNull();
  });

  it('refuse a flipped byte in the signature', async () => {
    const { bytes } = await signedBy(lead, handout());
    const flipped = await altered(bytes, (parts) => {
      const lines = text(parts['signature.minisig']).split('\n');
      const sig = fromBase64(lines[1] ?? '');
      sig[40] = (sig[40] ?? 0) ^ 0x01;
      lines[1] = toBase64(sig);
      parts['signature.minisig'] = utf8(lines.join('\n'));
    });
    const error = await refusedWith(flipped, 'bad-signature');
    expect(error.part).toBe('signature.minisig');
    expect(error.message).toContain('does not match manifest.json');
  });

  it("refuse a signature made by another key than signer.pub's", async () => {
    const mine = await signedBy(lead, handout());
    const theirs = await zipOf((await signedBy(other, handout())).bytes);
    const swapped = await altered(mine.bytes, (parts) => {
      parts['signature.minisig'] = theirs['signature.minisig'] as Uint8Array;
    });
    expect((await refusedWith(swapped, 'bad-signature')).message).toContain('signer.pub');
    // Both parts replaced, it is simply the other person's signature: read as theirs.
    const resigned = await altered(mine.bytes, (parts) => {
      parts['signature.minisig'] = theirs['signature.minisig'] as Uint8Array;
      parts['signer.pub'] = theirs['signer.pub'] as Uint8Array;
    });
    expect((await readPackage(resigned, PASSPHRASE)).signer?.fingerprint).toBe(other.fingerprint);
  });

  it("refuse another package's manifest under this signature", async () => {
    const { bytes } = await signedBy(lead, handout());
    // Same records (so every part still matches), another author: only the signature tells.
    const forged = await writePackage({ ...handout(), author: '冒名者' }, PASSPHRASE, {
      logN: TEST_LOG_N,
    });
    const forgedParts = await zipOf(forged.bytes);
    const swapped = await altered(bytes, (parts) => {
      parts['manifest.json'] = forgedParts['manifest.json'] as Uint8Array;
    });
    await refusedWith(swapped, 'bad-signature');
    // A signature over this manifest, by this key, whose statement names another package.
    const parts = await zipOf(bytes);
    const statement = parseSignatureFile(text(parts['signature.minisig'])).trustedComment;
    const misnamed = await signWithIdentity(lead, SIGNING_PASSPHRASE, (signer) =>
      signer.sign(parts['manifest.json'] as Uint8Array<ArrayBuffer>, {
        trusted: statement.replace(handout().packageId, returnedId),
        untrusted: 'another package',
      }),
    );
    const renamed = await altered(bytes, (p) => {
      p['signature.minisig'] = utf8(misnamed);
    });
    expect((await refusedWith(renamed, 'bad-signature')).message).toContain('another package');
  });

  it('refuse a package with only one of the two signature parts', async () => {
    const { bytes } = await signedBy(lead, await returned());
    for (const [gone, kept] of [
      ['signer.pub', 'signature.minisig'],
      ['signature.minisig', 'signer.pub'],
    ] as const) {
      const stripped = await altered(bytes, (parts) => {
        Reflect.deleteProperty(parts, gone);
      });
      const error = await refusedWith(stripped, 'bad-signature');
      expect(error.part).toBe(gone);
      expect(error.message).toContain(`has ${kept} but not ${gone}`);
    }
  });

  it('refuse a signature part larger than a signature can be, before reading it', async () => {
    const { bytes } = await signedBy(lead, handout());
    const padded = await altered(bytes, (parts) => {
      parts['signer.pub'] = utf8(`${text(parts['signer.pub'])}${' '.repeat(4096)}`);
    });
    expect((await refusedWith(padded, 'bad-signature')).message).toContain('too large');
  });

  it('never write a signature its own key does not verify', async () => {
    await expect(
      signWithIdentity(lead, SIGNING_PASSPHRASE, (signer) => {
        const liar: PackageSigner = {
          name: signer.name,
          publicKey: other.publicKey,
          fingerprint: other.fingerprint,
          sign: (message, comments) => signer.sign(message, comments),
        };
        return writePackage(handout(), PASSPHRASE, { logN: TEST_LOG_N, signer: liar });
      }),
    ).rejects.toMatchObject({ code: 'bad-signature' });
  });

  it("tell a trusted signer from an unknown or retired one, at the package's time", async () => {
    const { bytes } = await signedBy(lead, handout());
    const { signer, createdAt } = await readPackage(bytes, PASSPHRASE);
    const trusted: TrustedSigner = {
      personId: 'p-lead',
      name: lead.name,
      role: null,
      fingerprint: lead.fingerprint,
      publicKey: lead.publicKey,
      addedBy: lead.name,
      addedAt: asIsoInstant('2025-01-01T00:00:00.000Z'),
      retiredAt: null,
      replacedBy: null,
    };
    expect(signerTrust(signer, [trusted], createdAt)).toMatchObject({ status: 'trusted' });
    expect(signerTrust(signer, [], createdAt)).toMatchObject({ status: 'untrusted' });
    const retired = { ...trusted, retiredAt: asIsoInstant('2025-02-01T00:00:00.000Z') };
    expect(signerTrust(signer, [retired], createdAt)).toMatchObject({ status: 'retired' });
    expect(signerTrust(null, [trusted], createdAt)).toEqual({ status: 'unsigned' });
  });
});
