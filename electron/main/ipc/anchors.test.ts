import { mkdtemp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anchorHandlers, type SafeStorage } from './anchors';
import { invokeEvent } from './testing';

const VAULT = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const OTHER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
const HASH = 'ab'.repeat(32);

/** A stand-in for the OS key store: XOR with a key the files never hold. */
function fakeSafeStorage(backend = 'gnome_libsecret'): SafeStorage {
  const key = 0x5a;
  const xor = (bytes: Uint8Array) => Buffer.from(bytes.map((b) => b ^ key));
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => xor(Buffer.from(plain, 'utf8')),
    decryptString: (sealed) => xor(sealed).toString('utf8'),
  };
}

describe('trail anchors kept by the main process', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'aw-anchors-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const handlers = (safeStorage = fakeSafeStorage()) =>
    anchorHandlers({
      safeStorage,
      anchorFs: { readFile, writeFile, rename, mkdir },
      anchorDir: path.join(dir, 'trail-anchors'),
    });
  const event = invokeEvent();

  it('keeps the newest head per vault, sealed, in a file of its own, and reads it back', async () => {
    const h = handlers();
    expect(await h.read({ vaultId: VAULT }, event)).toBeNull();
    await h.write({ vaultId: VAULT, anchor: { seq: 3, hash: HASH } }, event);
    await h.write({ vaultId: VAULT, anchor: { seq: 4, hash: HASH } }, event);
    expect(await h.read({ vaultId: VAULT }, event)).toEqual({ seq: 4, hash: HASH });
    expect(await h.read({ vaultId: OTHER }, event)).toBeNull();
    const files = await readdir(path.join(dir, 'trail-anchors'));
    expect(files).toEqual([`${VAULT}.anchor`]);
    const stored = await readFile(path.join(dir, 'trail-anchors', files[0] ?? ''));
    expect(stored.toString('utf8')).not.toContain(HASH);
  });

  it('reports an anchor that was tampered with or copied from another vault as one no trail matches', async () => {
    const h = handlers();
    await h.write({ vaultId: OTHER, anchor: { seq: 9, hash: HASH } }, event);
    const anchors = path.join(dir, 'trail-anchors');
    await writeFile(
      path.join(anchors, `${VAULT}.anchor`),
      await readFile(path.join(anchors, `${OTHER}.anchor`)),
    );
    expect(await h.read({ vaultId: VAULT }, event)).toEqual({ seq: 1, hash: '0'.repeat(64) });
    await writeFile(path.join(anchors, `${VAULT}.anchor`), 'garbage');
    expect(await h.read({ vaultId: VAULT }, event)).toEqual({ seq: 1, hash: '0'.repeat(64) });
  });

  it('keeps nothing where the OS has no real key store', async () => {
    const h = handlers(fakeSafeStorage('basic_text'));
    expect(await h.write({ vaultId: VAULT, anchor: { seq: 3, hash: HASH } }, event)).toEqual({
      written: false,
    });
    expect(await h.read({ vaultId: VAULT }, event)).toBeNull();
    await expect(readdir(path.join(dir, 'trail-anchors'))).rejects.toThrow();
  });
});
