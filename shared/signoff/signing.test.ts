import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../crypto/bytes';
import { asIsoInstant } from '../domain/dates';
import { checkSignoff, checkUnlock, signUnlock } from './signing';
import { PASSPHRASE, signoffFixture, must } from './testing';
import type { Signoff } from './records';

const t = (minute: number) =>
  asIsoInstant(`2026-03-04T02:${String(minute).padStart(2, '0')}:00.000Z`);

/** Flips one bit of the Ed25519 signature on the second line of a .minisig. */
function flipSignatureByte(signature: string): string {
  const lines = signature.split('\n');
  const bytes = fromBase64(must(lines[1]));
  bytes[20] = (bytes[20] ?? 0) ^ 0x01;
  lines[1] = toBase64(bytes);
  return lines.join('\n');
}

describe('checking one sign-off', () => {
  it('accepts a sign-off as made and refuses every tampering', async () => {
    const f = await signoffFixture();
    const [a, b] = f.records.itemIds;
    const first = await f.sign(0, { kind: 'item', itemId: must(a) }, 1, t(1));
    const second = await f.sign(0, { kind: 'item', itemId: must(b) }, 1, t(1));
    expect(await checkSignoff(first, f.trusted)).toEqual({ ok: true });

    const refused = async (signoff: Signoff) => {
      const check = await checkSignoff(signoff, f.trusted);
      return check.ok ? 'accepted' : check.problem;
    };
    expect(await refused({ ...first, signature: flipSignatureByte(first.signature) })).toBe(
      'invalid-signature',
    );
    // The signature of item a moved onto item b's record.
    expect(await refused({ ...second, signature: first.signature })).toBe('invalid-signature');
    // … or with a's content too, but named as b.
    expect(await refused({ ...first, subject: { kind: 'item', itemId: must(b) } })).toBe(
      'content-mismatch',
    );
    // A level, a time or a name changed beside the signature.
    expect(await refused({ ...first, level: 2 })).toBe('statement-mismatch');
    expect(await refused({ ...first, signedAt: t(0) })).toBe('statement-mismatch');
    expect(await refused({ ...first, signer: { ...first.signer, name: '他人' } })).toBe(
      'statement-mismatch',
    );
    // Someone else's key presented as the signer's.
    const other = must(f.people[1]);
    expect(
      await refused({ ...first, signer: { ...first.signer, publicKey: other.publicKey } }),
    ).toBe('statement-mismatch');
    expect(
      await refused({
        ...first,
        signer: { ...first.signer, publicKey: other.publicKey, fingerprint: other.fingerprint },
      }),
    ).toBe('invalid-signature');
    // The content edited and its digest recomputed: the signature no longer holds.
    expect(await refused({ ...first, content: second.content, digest: second.digest })).toBe(
      'content-mismatch',
    );
  });

  it('refuses a key that is not trusted, and a retired key used after its retirement', async () => {
    const f = await signoffFixture();
    const itemId = must(f.records.itemIds[0]);
    const before = await f.sign(0, { kind: 'item', itemId }, 1, t(1));
    const after = await f.sign(0, { kind: 'item', itemId }, 1, t(3));
    expect(await checkSignoff(after, [])).toMatchObject({ ok: false, problem: 'unknown-signer' });
    expect(await checkSignoff(after, null)).toEqual({ ok: true });

    const retired = f.trusted.map((s, i) => (i === 0 ? { ...s, retiredAt: t(2) } : s));
    expect(await checkSignoff(before, retired)).toEqual({ ok: true });
    expect(await checkSignoff(after, retired)).toMatchObject({ ok: false, problem: 'retired-key' });
  });

  it('checks the signed unlock: reason and time are signed', async () => {
    const f = await signoffFixture();
    const unlock = await signUnlock({
      identity: must(f.people[2]),
      passphrase: PASSPHRASE,
      inspectionId: f.policy.inspectionId,
      reason: '補件',
      now: t(9),
    });
    expect(await checkUnlock(unlock)).toEqual({ ok: true });
    expect(await checkUnlock({ ...unlock, reason: '其他理由' })).toMatchObject({ ok: false });
  });
});
