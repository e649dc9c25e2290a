/**
 * Packages encrypted to recipients' public keys (the team's age keys, derived from their
 * signing identities) instead of a shared passphrase: who can open them, the refusals that say
 * which key a package needs, and the header caps enforced before any key work.
 */
import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { asIsoInstant } from '../domain/dates';
import { withAgeIdentity } from '../signoff/age-key';
import { createIdentity, signWithIdentity, type IdentityFile } from '../signoff/identity';
import { fastKdf } from '../signoff/testing';
import { decryptPackage } from './age';
import { MAX_RECIPIENTS, readAgeHeader } from './age-header';
import { PackageError, type PackageErrorCode } from './errors';
import { readPackage, type ReadPackage } from './read';
import { writePackage } from './write';
import { PASSPHRASE, returned, TEST_LOG_N } from './testing';

const SIGNING = 'test signing passphrase';
const NOW = asIsoInstant('2026-03-04T02:00:00.000Z');

async function person(name: string) {
  const { identity } = await createIdentity({
    name,
    passphrase: SIGNING,
    now: NOW,
    kdf: fastKdf(),
  });
  const recipient = await withAgeIdentity(identity, SIGNING, (age) => age.recipient);
  return { identity, recipient };
}

const openAs = (identity: IdentityFile, bytes: Uint8Array): Promise<ReadPackage> =>
  withAgeIdentity(identity, SIGNING, (age) => readPackage(bytes, age));

async function refusal(work: Promise<unknown>, code: PackageErrorCode): Promise<PackageError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackageError);
  const refused = error as PackageError;
  expect(refused.code, refused.message).toBe(code);
  return refused;
}

describe('packages encrypted to recipients', async () => {
  const author = await person('林志明');
  const lead = await person('張雅婷');
  const stranger = await person('路人甲');

  it('open with the identity of any recipient, as the same package as a passphrase one', async () => {
    const contents = await returned();
    const written = await writePackage(contents, {
      recipients: [author.recipient, lead.recipient],
    });
    const header = readAgeHeader(written.bytes);
    expect(header).toEqual({ mode: 'recipients', stanzas: ['X25519', 'X25519'], logN: null });
    const byPassphrase = await writePackage(contents, PASSPHRASE, { logN: TEST_LOG_N });
    expect(byPassphrase.packageHash).toBe(written.packageHash);
    const asRead = await readPackage(byPassphrase.bytes, PASSPHRASE);
    for (const who of [author, lead]) {
      const read = await openAs(who.identity, written.bytes);
      expect(read.records).toEqual(asRead.records);
      expect(read.files).toEqual(asRead.files);
      expect(read.packageHash).toBe(written.packageHash);
    }
  });

  it('refuse an identity the package is not encrypted to, in both languages', async () => {
    const written = await writePackage(await returned(), { recipients: [author.recipient] });
    const refused = await refusal(openAs(stranger.identity, written.bytes), 'not-for-you');
    expect(refused.text['zh-TW']).toContain('此案件包不是加密給此簽章身分的');
    expect(refused.text.en).toContain('this package is not encrypted to this identity');
  });

  it('say which key a package needs when given the other kind', async () => {
    const toRecipients = await writePackage(await returned(), { recipients: [author.recipient] });
    const needsIdentity = await refusal(
      readPackage(toRecipients.bytes, PASSPHRASE),
      'needs-identity',
    );
    expect(needsIdentity.text.en).toMatch(/signing identity/);
    const byPassphrase = await writePackage(await returned(), PASSPHRASE, { logN: TEST_LOG_N });
    await refusal(openAs(author.identity, byPassphrase.bytes), 'needs-passphrase');
    // The passphrase refusals keep their own words.
    const wrong = await refusal(
      readPackage(byPassphrase.bytes, 'not the passphrase!'),
      'wrong-passphrase',
    );
    expect(wrong.text.en).toMatch(/the passphrase does not open this package/);
  });

  it('refuse a flipped byte of a recipient package as damaged', async () => {
    const written = await writePackage(await returned(), { recipients: [author.recipient] });
    const bytes = written.bytes.slice();
    const at = bytes.length - 40;
    bytes[at] = (bytes[at] ?? 0) ^ 1;
    await refusal(openAs(author.identity, bytes), 'damaged');
  });

  it('refuse a header of more than 50 recipients before decrypting, even one naming you', async () => {
    const encrypter = new Encrypter();
    encrypter.addRecipient(author.recipient);
    for (let i = 0; i < MAX_RECIPIENTS; i++) {
      encrypter.addRecipient(await identityToRecipient(await generateX25519Identity()));
    }
    const bytes = await encrypter.encrypt(new Uint8Array(8));
    const refused = await refusal(
      withAgeIdentity(author.identity, SIGNING, (age) => decryptPackage(bytes, age)),
      'too-many-recipients',
    );
    expect(refused.text.en).toContain('more than 50 recipients');
  });

  it('write to 1 to 50 distinct age recipients only', async () => {
    const contents = await returned();
    await expect(writePackage(contents, { recipients: [] })).rejects.toThrow(RangeError);
    const many = Array.from({ length: MAX_RECIPIENTS + 1 }, () => author.recipient);
    await expect(writePackage(contents, { recipients: many })).rejects.toThrow(/1 to 50/);
    await expect(
      writePackage(contents, { recipients: [author.recipient, author.recipient] }),
    ).rejects.toThrow(/twice/);
    await expect(writePackage(contents, { recipients: ['age1nope'] })).rejects.toThrow(
      /not an age X25519 recipient/,
    );
  });

  it('carry the author signature alike: signed and encrypted to recipients', async () => {
    const written = await signWithIdentity(author.identity, SIGNING, async (signer) =>
      writePackage(
        await returned(),
        { recipients: [author.recipient, lead.recipient] },
        { signer },
      ),
    );
    const read = await openAs(lead.identity, written.bytes);
    expect(read.signer?.fingerprint).toBe(author.identity.fingerprint);
    expect(read.signer?.name).toBe('林志明');
  });
});
