import { describe, expect, it } from 'vitest';
import { randomBytes, utf8 } from './bytes';
import { openJson, recordAad, recordAadFor, SealError, sealJson } from './envelope';

async function aesKey(): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', randomBytes(32), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

describe('sealed envelope', () => {
  it('opens what it sealed, and never leaves the plaintext in the ciphertext', async () => {
    const key = await aesKey();
    const value = { name: '王小明', id: 'A123456789' };
    const sealed = await sealJson(key, value, recordAad('v1', 'notes', 'r1'));
    expect(new TextDecoder().decode(sealed.ct)).not.toContain('A123456789');
    await expect(openJson(key, sealed, recordAad('v1', 'notes', 'r1'))).resolves.toEqual(value);
  });

  it('uses a fresh IV for every seal', async () => {
    const key = await aesKey();
    const aad = recordAad('v1', 'notes', 'r1');
    const a = await sealJson(key, 'same', aad);
    const b = await sealJson(key, 'same', aad);
    expect(a.iv).not.toEqual(b.iv);
    expect(a.ct).not.toEqual(b.ct);
  });

  it('detects a flipped ciphertext byte', async () => {
    const key = await aesKey();
    const aad = recordAad('v1', 'notes', 'r1');
    const sealed = await sealJson(key, { text: 'finding' }, aad);
    sealed.ct[3] = (sealed.ct[3] ?? 0) ^ 0x01;
    await expect(openJson(key, sealed, aad)).rejects.toBeInstanceOf(SealError);
  });

  it('refuses a ciphertext moved to another record, table or vault', async () => {
    const key = await aesKey();
    const sealed = await sealJson(key, { text: 'x' }, recordAad('v1', 'notes', 'r1'));
    await expect(openJson(key, sealed, recordAad('v1', 'notes', 'r2'))).rejects.toThrow(/moved/);
    await expect(openJson(key, sealed, recordAad('v1', 'engagement', 'r1'))).rejects.toThrow(
      SealError,
    );
    await expect(openJson(key, sealed, recordAad('v2', 'notes', 'r1'))).rejects.toThrow(SealError);
  });

  it('refuses the wrong key', async () => {
    const sealed = await sealJson(await aesKey(), 1, utf8('aad'));
    await expect(openJson(await aesKey(), sealed, utf8('aad'))).rejects.toThrow(SealError);
  });

  it('builds the same additional data per table as one id at a time, for any id', () => {
    const aad = recordAadFor('vault-1', 'notes');
    for (const id of ['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 7, '中文鍵', '']) {
      expect(aad(id)).toEqual(recordAad('vault-1', 'notes', id));
    }
  });

  it('refuses something that is not an envelope, as a rejection', async () => {
    await expect(openJson(await aesKey(), { v: 1 } as never, utf8('aad'))).rejects.toThrow(
      'not a sealed envelope',
    );
  });
});
