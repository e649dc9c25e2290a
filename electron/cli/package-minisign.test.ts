/**
 * A package's author signature checks with the stock minisign tool (Debian's package,
 * installed by test/setup/ensure-minisign.sh): its three parts, taken from the ZIP after the
 * age layer is opened in memory, verify with `minisign -V`, and fail on a changed manifest byte.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { asIsoInstant } from '../../shared/domain/dates';
import { decryptPackage } from '../../shared/package/age';
import { handout, PASSPHRASE, TEST_LOG_N } from '../../shared/package/testing';
import { writePackage } from '../../shared/package/write';
import { createIdentity, signWithIdentity } from '../../shared/signoff/identity';
import { fastKdf, must, PASSPHRASE as SIGNING_PASSPHRASE } from '../../shared/signoff/testing';

const minisign = spawnSync('minisign', ['-v'], { encoding: 'utf8' });
const HAS_MINISIGN = minisign.status === 0;
if (!HAS_MINISIGN) {
  console.warn(
    'skipping the package minisign test: minisign is not installed (test/setup/ensure-minisign.sh)',
  );
}

// The manifest holds counts and digests, no records; a temp dir all the same, removed after.
const dir = mkdtempSync(join(tmpdir(), 'aw-pkg-minisign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const verify = () =>
  spawnSync(
    'minisign',
    [
      '-Vm',
      join(dir, 'manifest.json'),
      '-x',
      join(dir, 'signature.minisig'),
      '-p',
      join(dir, 'signer.pub'),
    ],
    { encoding: 'utf8' },
  );

describe('package signatures and the stock minisign', () => {
  it.skipIf(!HAS_MINISIGN)(
    'minisign verifies the signature over manifest.json, and refuses a flipped byte',
    async () => {
      const { identity } = await createIdentity({
        name: '林組長',
        passphrase: SIGNING_PASSPHRASE,
        now: asIsoInstant('2025-01-01T00:00:00.000Z'),
        kdf: fastKdf(),
      });
      const written = await signWithIdentity(identity, SIGNING_PASSPHRASE, (signer) =>
        writePackage(handout(), PASSPHRASE, { logN: TEST_LOG_N, signer }),
      );
      const parts = unzipSync(await decryptPackage(written.bytes, PASSPHRASE));
      for (const name of ['manifest.json', 'signature.minisig', 'signer.pub']) {
        writeFileSync(join(dir, name), must(parts[name], name));
      }
      const ok = verify();
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toContain('Signature and comment signature verified');
      expect(ok.stdout).toContain(`"package":"${handout().packageId}"`);
      expect(ok.stdout).toContain(`"fingerprint":"${identity.fingerprint}"`);

      const manifest = readFileSync(join(dir, 'manifest.json'));
      manifest[20] = (manifest[20] ?? 0) ^ 0x01;
      writeFileSync(join(dir, 'manifest.json'), manifest);
      const bad = verify();
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toMatch(/verification failed/i);
    },
  );
});
