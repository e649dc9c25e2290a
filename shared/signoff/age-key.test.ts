import { identityToRecipient } from 'age-encryption';
import { bech32 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../crypto/bytes';
import { asIsoInstant } from '../domain/dates';
import {
  AGE_KEY_INFO,
  RecipientStatementError,
  ageSecretKey,
  recipientStatementOf,
  recipientStatementProblem,
  verifiedRecipients,
  withAgeIdentity,
} from './age-key';
import { SigningPassphraseError, createIdentity, withIdentitySeed } from './identity';
import { trustedSignerSchema, type TrustedSigner } from './records';
import { fastKdf } from './testing';

const NOW = asIsoInstant('2026-03-04T02:00:00.000Z');
const PASS = '我的簽章密碼 correct horse';

async function identity(name = '王小明') {
  return (await createIdentity({ name, passphrase: PASS, now: NOW, kdf: fastKdf() })).identity;
}

function trusted(id: Awaited<ReturnType<typeof identity>>, extra: Partial<TrustedSigner> = {}) {
  return trustedSignerSchema.parse({
    personId: id.fingerprint,
    name: id.name,
    role: null,
    fingerprint: id.fingerprint,
    publicKey: id.publicKey,
    addedBy: '張雅婷',
    addedAt: NOW,
    retiredAt: null,
    replacedBy: null,
    ...extra,
  });
}

/** Flips one base64 character of the signature line (the second line of the .minisig). */
function flipSignature(sig: string): string {
  const lines = sig.split('\n');
  const line = lines[1] ?? '';
  const at = 20;
  lines[1] = `${line.slice(0, at)}${line[at] === 'A' ? 'B' : 'A'}${line.slice(at + 1)}`;
  return lines.join('\n');
}

describe('the age key of a signing identity', () => {
  it('is HKDF-SHA256 of the seed as documented, the same each time, and differs per identity', async () => {
    const a = await identity();
    const b = await identity('林志明');
    const secret = await ageSecretKey(a, PASS);
    expect(secret).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    // Re-derived with WebCrypto's HKDF, not the library the code uses.
    const expected = await withIdentitySeed(a, PASS, async (seed) => {
      const ikm = await crypto.subtle.importKey('raw', seed, 'HKDF', false, ['deriveBits']);
      const bits = await crypto.subtle.deriveBits(
        { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8(AGE_KEY_INFO) },
        ikm,
        256,
      );
      return bech32.encodeFromBytes('AGE-SECRET-KEY-', new Uint8Array(bits)).toUpperCase();
    });
    expect(secret).toBe(expected);
    expect(await ageSecretKey(a, PASS)).toBe(secret);

    const recipient = await withAgeIdentity(a, PASS, (age) => {
      expect(age.key.extractable).toBe(false);
      return age.recipient;
    });
    expect(recipient).toBe(await identityToRecipient(secret));
    expect(recipient).toMatch(/^age1[a-z0-9]{58}$/);
    const other = await withAgeIdentity(b, PASS, (age) => age.recipient);
    expect(other).not.toBe(recipient);
    await expect(ageSecretKey(a, 'not the signing passphrase')).rejects.toThrow(
      SigningPassphraseError,
    );
  });

  it('binds the recipient to the signing key with a statement that verifies', async () => {
    const a = await identity();
    const statement = await recipientStatementOf(a, PASS);
    expect(statement.recipient).toBe(await withAgeIdentity(a, PASS, (age) => age.recipient));
    expect(statement.recipientSignature).toContain(
      `trusted comment: aw-age-recipient/v1|${a.publicKey}|${statement.recipient}`,
    );
    const signer = trusted(a, statement);
    expect(await recipientStatementProblem(signer)).toBeNull();
    expect(await verifiedRecipients([signer, trusted(await identity('無收件者'))])).toEqual([
      statement.recipient,
    ]);
  });

  it('refuses a tampered signature, a recipient swapped in, or a statement moved to another key', async () => {
    const a = await identity();
    const b = await identity('冒名者');
    const sa = await recipientStatementOf(a, PASS);
    const sb = await recipientStatementOf(b, PASS);
    const flipped = trusted(a, { ...sa, recipientSignature: flipSignature(sa.recipientSignature) });
    expect(await recipientStatementProblem(flipped)).toMatch(/does not verify/);
    // Someone edits the team file: the impostor's recipient beside 王小明's key.
    const swapped = trusted(a, {
      recipient: sb.recipient,
      recipientSignature: sa.recipientSignature,
    });
    expect(await recipientStatementProblem(swapped)).toMatch(/does not verify/);
    // The impostor's whole statement under 王小明's key: signed by another key.
    const moved = trusted(a, sb);
    expect(await recipientStatementProblem(moved)).toMatch(/does not verify/);
    await expect(verifiedRecipients([trusted(b, sb), swapped])).rejects.toThrow(
      RecipientStatementError,
    );
    await expect(verifiedRecipients([swapped])).rejects.toThrow(/王小明/);
  });

  it('keeps old trusted signers valid and refuses half a statement', async () => {
    const a = await identity();
    const old = trusted(a);
    expect(old.recipient).toBeUndefined();
    const { recipient } = await recipientStatementOf(a, PASS);
    const half = trustedSignerSchema.safeParse({ ...old, recipient });
    expect(half.success).toBe(false);
    expect(trustedSignerSchema.safeParse({ ...old, recipient: 'age1notarecipient' }).success).toBe(
      false,
    );
  });
});
