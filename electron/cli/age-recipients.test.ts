/**
 * Packages encrypted to recipients are not locked in either: Debian's stock `age` opens one the
 * workbench wrote to an identity's age recipient with the key file `identity --age-secret-key`
 * exports, to the very ZIP the workbench reads; and the workbench opens, with the identity, a
 * package whose ZIP stock `age -r age1…` encrypted. The key file lives in a temporary directory
 * removed after the tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asIsoInstant } from '../../shared/domain/dates';
import { decryptPackage } from '../../shared/package/age';
import { readPackage } from '../../shared/package/read';
import { returned } from '../../shared/package/testing';
import { writePackage } from '../../shared/package/write';
import { withAgeIdentity } from '../../shared/signoff/age-key';
import { createIdentity } from '../../shared/signoff/identity';
import { fastKdf } from '../../shared/signoff/testing';
import { run, type CliIo } from './main';

const version = spawnSync('age', ['--version'], { encoding: 'utf8' });
const HAS_AGE = version.status === 0;
if (!HAS_AGE) {
  console.warn(
    'skipping the age recipient interoperability tests: age is not installed (test/setup/ensure-age.sh)',
  );
}

const SIGNING = 'test signing passphrase';

describe.skipIf(!HAS_AGE)(
  `recipient packages and the stock age tool (${version.error ? 'not installed' : version.stdout.trim()})`,
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-age-recipients-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const { identity } = await createIdentity({
      name: '林志明',
      passphrase: SIGNING,
      now: asIsoInstant('2026-03-04T02:00:00.000Z'),
      kdf: fastKdf(),
    });
    const identityFile = join(dir, 'me.identity.json');
    writeFileSync(identityFile, JSON.stringify(identity));
    const recipient = await withAgeIdentity(identity, SIGNING, (age) => age.recipient);
    const keyFile = join(dir, 'age-key.txt');

    async function exportKey(): Promise<void> {
      const err: string[] = [];
      const io: CliIo = {
        stdout: () => undefined,
        stderr: (text) => void err.push(text),
        writeFile: (path, bytes) => writeFile(path, bytes),
        writeSecretFile: (path, bytes) => writeFile(path, bytes, { mode: 0o600, flag: 'wx' }),
        readFile: async (path) => new Uint8Array(await readFile(path)),
        env: { AW_SIGNING_PASSPHRASE: SIGNING },
      };
      const code = await run(['identity', '--age-secret-key', identityFile, '--out', keyFile], io);
      expect(code, err.join('')).toBe(0);
    }

    it('age -d -i with the exported key opens a package written to the recipient, to the same ZIP', async () => {
      await exportKey();
      const written = await writePackage(await returned(), { recipients: [recipient] });
      const file = join(dir, 'return.awpkg');
      writeFileSync(file, written.bytes);
      const zipFile = join(dir, 'return.zip');
      const opened = spawnSync('age', ['-d', '-i', keyFile, '-o', zipFile, file], {
        encoding: 'utf8',
      });
      expect(opened.status, opened.stderr).toBe(0);
      const ours = await withAgeIdentity(identity, SIGNING, (age) =>
        decryptPackage(written.bytes, age),
      );
      expect(new Uint8Array(readFileSync(zipFile))).toEqual(ours);
    });

    it('a ZIP that age -r encrypts to the recipient opens with the identity as the same package', async () => {
      const written = await writePackage(await returned(), { recipients: [recipient] });
      const zip = await withAgeIdentity(identity, SIGNING, (age) =>
        decryptPackage(written.bytes, age),
      );
      const zipFile = join(dir, 'in.zip');
      writeFileSync(zipFile, zip);
      const again = join(dir, 'again.awpkg');
      const sealed = spawnSync('age', ['-r', recipient, '-o', again, zipFile], {
        encoding: 'utf8',
      });
      expect(sealed.status, sealed.stderr).toBe(0);
      const read = await withAgeIdentity(identity, SIGNING, async (age) =>
        readPackage(new Uint8Array(readFileSync(again)), age),
      );
      expect(read.packageHash).toBe(written.packageHash);
    });
  },
);
