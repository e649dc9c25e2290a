/**
 * The promise that a package is never locked in: Debian's stock `age` opens a package the
 * workbench wrote (its ZIP's manifest.json reads as ARCHITECTURE.md documents), and the
 * workbench opens a package whose ZIP the stock `age -p` encrypted. age 1.1 reads a passphrase
 * only from a terminal (no environment variable, no stdin), so a small Python `pty` driver
 * plays the terminal: it answers each passphrase prompt with the passphrase taken from its
 * environment (never on a command line).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { readPackage } from '../../shared/package/read';
import { PASSPHRASE, returned } from '../../shared/package/testing';
import { writePackage } from '../../shared/package/write';
import { SCRYPT_LOG_N } from '../../shared/package/format';

const version = spawnSync('age', ['--version'], { encoding: 'utf8' });
const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const HAS_AGE = version.status === 0 && python.status === 0;
if (!HAS_AGE) {
  console.warn(
    `skipping the age interoperability tests: ${version.status === 0 ? 'python3 (for the pty driver)' : 'age'} is not installed (test/setup/ensure-age.sh)`,
  );
}

/** Runs argv on a pseudo-terminal, typing $AW_PTY_SECRET at every passphrase prompt. */
const PTY_DRIVER = `
import os, pty, sys
secret = os.environ['AW_PTY_SECRET'].encode() + b'\\n'
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
seen, answered = b'', 0
while True:
    try:
        data = os.read(fd, 1024)
    except OSError:
        break
    if not data:
        break
    seen += data
    while seen.lower().count(b'passphrase') > answered:
        os.write(fd, secret)
        answered += 1
sys.stderr.write(seen.decode(errors='replace'))
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
`;

function onTerminal(argv: string[], secret: string) {
  const result = spawnSync('python3', ['-c', PTY_DRIVER, ...argv], {
    encoding: 'utf8',
    env: { ...process.env, AW_PTY_SECRET: secret },
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe.skipIf(!HAS_AGE)(
  `the stock age tool (${version.error ? 'not installed' : version.stdout.trim()})`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-age-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('decrypts a package the workbench wrote, at the default work factor', async () => {
      const contents = await returned();
      const written = await writePackage(contents, PASSPHRASE);
      expect(new TextDecoder().decode(written.bytes.subarray(0, 80))).toContain(`-> scrypt `);
      const file = join(dir, 'return.awpkg');
      writeFileSync(file, written.bytes);
      const zipFile = join(dir, 'return.zip');
      const wrong = onTerminal(['age', '-d', '-o', join(dir, 'wrong.zip'), file], 'not it at all');
      expect(wrong.status).not.toBe(0);
      const opened = onTerminal(['age', '-d', '-o', zipFile, file], PASSPHRASE);
      expect(opened.status, opened.output).toBe(0);

      const parts = unzipSync(new Uint8Array(readFileSync(zipFile)));
      const manifest = JSON.parse(new TextDecoder().decode(parts['manifest.json'])) as Record<
        string,
        unknown
      >;
      expect(manifest).toMatchObject({
        format: 'audit-workbench-package',
        version: 1,
        kind: 'return',
        packageId: contents.packageId,
        engagementId: contents.engagementId,
        baseId: contents.baseId,
        basePackageId: contents.basePackageId,
        auditor: contents.auditor,
        counts: { evidence: 1, itemResults: 1 },
        trail: { from: null, head: contents.trailHead },
      });
      const listed = (manifest.parts as { name: string; size: number }[]).map((p) => p.name);
      expect(Object.keys(parts).sort()).toEqual(['manifest.json', ...listed].sort());
      for (const part of manifest.parts as { name: string; size: number }[]) {
        expect(parts[part.name]?.length, part.name).toBe(part.size);
      }
      expect(SCRYPT_LOG_N).toBe(16);
    });

    it('leaves a package the workbench reads when age -p encrypts its ZIP again', async () => {
      const written = await writePackage(await returned(), PASSPHRASE, { logN: 10 });
      const file = join(dir, 'in.awpkg');
      writeFileSync(file, written.bytes);
      const zipFile = join(dir, 'in.zip');
      expect(onTerminal(['age', '-d', '-o', zipFile, file], PASSPHRASE).status).toBe(0);
      const again = join(dir, 'again.awpkg');
      const sealed = onTerminal(['age', '-p', '-o', again, zipFile], PASSPHRASE);
      expect(sealed.status, sealed.output).toBe(0);
      const read = await readPackage(new Uint8Array(readFileSync(again)), PASSPHRASE);
      // The same content, so the same package to the merge, whoever encrypted it.
      expect(read.packageHash).toBe(written.packageHash);
    });
  },
);
