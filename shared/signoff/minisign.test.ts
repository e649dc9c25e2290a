import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64, utf8 } from '../crypto/bytes';
import { generateKeyPair, withSigningKey } from './ed25519';
import {
  encodePublicKeyFile,
  encodeSignatureFile,
  keyIdHex,
  minisignSign,
  minisignVerify,
  parsePublicKey,
  parseSignatureFile,
  type MinisignPublicKey,
} from './minisign';

async function keyPair(lastIdByte = 0xab) {
  const { seed, publicKey } = await generateKeyPair();
  const key: MinisignPublicKey = {
    keyId: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, lastIdByte]),
    publicKey,
  };
  const sign = (message: Uint8Array<ArrayBuffer>, trusted = 'timestamp:1\tfile:m.json') =>
    withSigningKey(seed, (s) =>
      minisignSign(s, key.keyId, message, { trusted, untrusted: 'test' }),
    );
  return { key, seed, sign };
}

const message = utf8('{"a":1,"b":"中文"}');

describe('minisign format', () => {
  it('writes the public key as minisign does: "Ed", the key id, the key; the id little-endian', async () => {
    const { key } = await keyPair();
    const file = encodePublicKeyFile(key, 'minisign public key AB07060504030201');
    const [comment, line] = file.split('\n');
    expect(comment).toBe('untrusted comment: minisign public key AB07060504030201');
    expect(line).toMatch(/^RWQ/); // base64 of "Ed" + 0x01
    const bytes = fromBase64(line ?? '');
    expect(bytes.length).toBe(42);
    expect(keyIdHex(key.keyId)).toBe('AB07060504030201');
    expect(parsePublicKey(file)).toEqual(key);
    expect(parsePublicKey(line ?? '')).toEqual(key);
  });

  it('signs prehashed ("ED") with a signed trusted comment, and verifies it', async () => {
    const { key, sign } = await keyPair();
    const file = await sign(message);
    const lines = file.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('untrusted comment: test');
    expect(lines[1]).toMatch(/^RUQ/); // "ED" + key id 0x01
    expect(lines[2]).toBe('trusted comment: timestamp:1\tfile:m.json');
    const verdict = await minisignVerify(key, message, file);
    expect(verdict.ok).toBe(true);
    expect(parseSignatureFile(file).algorithm).toBe('ED');
  });

  it('refuses a changed message, a flipped signature byte, an edited trusted comment and another key', async () => {
    const { key, sign } = await keyPair();
    const file = await sign(message);
    expect(await minisignVerify(key, utf8('{"a":2,"b":"中文"}'), file)).toMatchObject({
      ok: false,
      problem: 'bad-signature',
    });

    const sig = parseSignatureFile(file);
    const flipped = sig.signature.slice();
    flipped[10] = (flipped[10] ?? 0) ^ 1;
    expect(
      await minisignVerify(key, message, encodeSignatureFile({ ...sig, signature: flipped })),
    ).toMatchObject({ ok: false, problem: 'bad-signature' });

    const edited = file.replace('trusted comment: timestamp:1', 'trusted comment: timestamp:2');
    expect(await minisignVerify(key, message, edited)).toMatchObject({
      ok: false,
      problem: 'bad-comment-signature',
    });
    // The untrusted comment is not signed, as in minisign.
    expect((await minisignVerify(key, message, file.replace(': test', ': other'))).ok).toBe(true);

    const other = await keyPair(0xcd);
    expect(await minisignVerify(other.key, message, file)).toMatchObject({
      ok: false,
      problem: 'other-key',
    });
    const sameIdOtherKey = { keyId: key.keyId, publicKey: other.key.publicKey };
    expect(await minisignVerify(sameIdOtherKey, message, file)).toMatchObject({
      ok: false,
      problem: 'bad-signature',
    });
  });

  it('reads the legacy "Ed" signatures (message signed as is)', async () => {
    const { key, seed } = await keyPair();
    const legacy = await withSigningKey(seed, async (s) => {
      const signature = await s(message);
      const globalSignature = await s(new Uint8Array([...signature, ...utf8('tc')]));
      return encodeSignatureFile({
        algorithm: 'Ed',
        keyId: key.keyId,
        signature,
        untrustedComment: 'legacy',
        trustedComment: 'tc',
        globalSignature,
      });
    });
    expect((await minisignVerify(key, message, legacy)).ok).toBe(true);
  });

  it('refuses malformed files and comments that are not one line', async () => {
    const { key, sign } = await keyPair();
    expect(await minisignVerify(key, message, 'nonsense')).toMatchObject({ problem: 'malformed' });
    await expect(sign(message, 'two\nlines')).rejects.toThrow(/one line/);
    expect(() => parsePublicKey('untrusted comment: x\nRWQ=')).toThrow(/length/);
    expect(() => parsePublicKey(`untrusted comment: x\n${toBase64(new Uint8Array(42))}`)).toThrow(
      /not an Ed25519/,
    );
  });
});
