import { describe, expect, it } from 'vitest';
import { blindIndex } from './blind-index';
import { fromBase64, toBase64 } from './bytes';
import {
  ARGON2ID_BOUNDS,
  deriveKek,
  type KdfParams,
  kdfParamsSchema,
  newPassphraseKdf,
  newRecoveryKdf,
  PBKDF2_ITERATIONS,
} from './kdf';
import { newRecoveryKey, normalizeRecoveryKey } from './recovery-key';
import {
  deriveVaultKeys,
  newMasterSecret,
  unwrapMasterSecret,
  WrongSecretError,
  wrapMasterSecret,
} from './vault-keys';

const NOW = '2026-11-23T09:00:00.000Z';

describe('keyslots', () => {
  it('derives new passphrase keys with Argon2id at OWASP parameters or stronger', () => {
    const kdf = newPassphraseKdf();
    if (kdf.alg !== 'Argon2id') throw new Error(`new slots use ${kdf.alg}`);
    // OWASP's password storage cheat sheet: at least 19 MiB, 2 iterations, 1 lane.
    expect(kdf.memoryKiB).toBeGreaterThanOrEqual(19_456);
    expect(kdf.iterations).toBeGreaterThanOrEqual(2);
    expect(kdf.parallelism).toBe(1);
    expect(fromBase64(kdf.salt).byteLength).toBe(16);
    expect(newPassphraseKdf().salt).not.toBe(kdf.salt);
  });

  it('refuses KDF parameters below the floor or above the ceiling, before deriving anything', async () => {
    const salt = newPassphraseKdf().salt;
    const refused: KdfParams[] = [
      { alg: 'PBKDF2-SHA256', iterations: 1_000, salt },
      { alg: 'PBKDF2-SHA256', iterations: PBKDF2_ITERATIONS - 1, salt },
      { alg: 'PBKDF2-SHA256', iterations: 2 ** 31, salt },
      { alg: 'Argon2id', version: 19, memoryKiB: 1024, iterations: 3, parallelism: 1, salt },
      { alg: 'Argon2id', version: 19, memoryKiB: 65_536, iterations: 1, parallelism: 1, salt },
      { alg: 'Argon2id', version: 19, memoryKiB: 4_194_304, iterations: 3, parallelism: 1, salt },
      { alg: 'Argon2id', version: 19, memoryKiB: 262_144, iterations: 10, parallelism: 1, salt },
      { alg: 'Argon2id', version: 19, memoryKiB: 65_536, iterations: 3, parallelism: 64, salt },
      {
        alg: 'Argon2id',
        version: 19,
        memoryKiB: 65_536,
        iterations: 3,
        parallelism: 1,
        salt: 'AAAA',
      },
    ];
    for (const params of refused) {
      expect(kdfParamsSchema.safeParse(params).success, JSON.stringify(params)).toBe(false);
      const started = performance.now();
      await expect(deriveKek('pass phrase 12', params)).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(1_000);
    }
    expect(ARGON2ID_BOUNDS.memoryKiB.min).toBe(19_456);
  });

  it('unwraps the master secret with the right passphrase only', async () => {
    const master = newMasterSecret();
    const copy = new Uint8Array(master);
    const slot = await wrapMasterSecret(
      'vault-1',
      'passphrase',
      master,
      'correct horse battery',
      newPassphraseKdf(),
      NOW,
    );
    await expect(unwrapMasterSecret('vault-1', slot, 'correct horse battery')).resolves.toEqual(
      copy,
    );
    await expect(
      unwrapMasterSecret('vault-1', slot, 'correct horse batterY'),
    ).rejects.toBeInstanceOf(WrongSecretError);
  });

  it('refuses a keyslot copied from another vault', async () => {
    const slot = await wrapMasterSecret(
      'vault-1',
      'passphrase',
      newMasterSecret(),
      'pass phrase 12',
      newPassphraseKdf(),
      NOW,
    );
    await expect(unwrapMasterSecret('vault-2', slot, 'pass phrase 12')).rejects.toBeInstanceOf(
      WrongSecretError,
    );
  });

  it('opens a recovery slot with the recovery key however it is typed', async () => {
    const master = newMasterSecret();
    const copy = new Uint8Array(master);
    const key = newRecoveryKey();
    expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    const slot = await wrapMasterSecret('v', 'recovery', master, key, newRecoveryKdf(), NOW);
    const typed = normalizeRecoveryKey(` ${key.toLowerCase().replace(/-/g, ' ')} `);
    expect(typed).toBe(key);
    await expect(unwrapMasterSecret('v', slot, typed ?? '')).resolves.toEqual(copy);
  });

  it('rejects text that cannot be a recovery key', () => {
    expect(normalizeRecoveryKey('too short')).toBeNull();
    expect(normalizeRecoveryKey('U'.repeat(32))).toBeNull();
  });
});

describe('vault keys', () => {
  it('are non-extractable and wipe the master secret', async () => {
    const master = newMasterSecret();
    const keys = await deriveVaultKeys(master);
    expect(master.every((b) => b === 0)).toBe(true);
    expect(keys.record.extractable).toBe(false);
    expect(keys.index.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', keys.record)).rejects.toThrow();
  });

  it('derive the same keys from the same master secret', async () => {
    const master = newMasterSecret();
    const a = await deriveVaultKeys(new Uint8Array(master));
    const b = await deriveVaultKeys(master);
    expect(await blindIndex(a.index, 'nid', 'A123456789')).toBe(
      await blindIndex(b.index, 'nid', 'a123456789 '),
    );
  });

  it('blind indexes depend on the key and the field', async () => {
    const a = await deriveVaultKeys(newMasterSecret());
    const b = await deriveVaultKeys(newMasterSecret());
    const token = await blindIndex(a.index, 'nid', 'A123456789');
    expect(token).not.toContain('A123456789');
    expect(fromBase64(token).byteLength).toBe(16);
    expect(token).not.toBe(await blindIndex(b.index, 'nid', 'A123456789'));
    expect(token).not.toBe(await blindIndex(a.index, 'phone', 'A123456789'));
    expect(toBase64(fromBase64(token))).toBe(token);
  });
});
