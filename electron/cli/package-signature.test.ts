/**
 * Package author signatures through the CLI on real files: `sample --returns --keys` signs
 * each package with its author's demo identity, `package-info` names the signer and whether
 * they are trusted, `verify FILE.awpkg [--signers]` refuses an invalid signature, an unsigned
 * package and an untrusted signer, and `merge` prints each return's signer and refuses a bad
 * signature with its reason.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64, utf8 } from '../../shared/crypto/bytes';
import { asIsoInstant } from '../../shared/domain/dates';
import { decryptPackage, encryptPackage } from '../../shared/package/age';
import { manifestSchema } from '../../shared/package/format';
import { signManifest } from '../../shared/package/signature';
import { createIdentity, signWithIdentity } from '../../shared/signoff/identity';
import { returned } from '../../shared/package/testing';
import { writePackage } from '../../shared/package/write';
import type { TrustedSignersFile } from '../../shared/signoff/records';
import { fastKdf, must, PASSPHRASE as SIGNING_PASSPHRASE } from '../../shared/signoff/testing';
import { run, type CliIo } from './main';

const HAS_MINISIGN = spawnSync('minisign', ['-v']).status === 0;
if (!HAS_MINISIGN) {
  console.warn(
    'skipping the verify --export minisign test: minisign is not installed (test/setup/ensure-minisign.sh)',
  );
}
const NOW = new Date('2026-03-04T02:00:00.000Z');
const PASSPHRASE = 'KX4M2-9QRTB-7HV3N-PW8CD-Z5J6A';

async function cli(argv: readonly string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    writeFile: (path, bytes) => writeFile(path, bytes),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    mkdir: async (path) => {
      await mkdir(path, { recursive: true });
    },
    fileSize: async (path) => (await stat(path)).size,
    now: () => NOW,
    env: { AW_PACKAGE_PASSPHRASE: PASSPHRASE },
    scryptLogN: 10,
    kdf: fastKdf,
  };
  const code = await run(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const dir = mkdtempSync(join(tmpdir(), 'aw-pkg-signed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const returns = join(dir, 'returns');
const keys = join(dir, 'keys');
const team = join(keys, 'team.json');
const handout = join(returns, 'handout.awpkg');
const ret1 = join(returns, 'return-1.awpkg');
const ret2 = join(returns, 'return-2.awpkg');

/** The package with its ZIP parts changed, encrypted again (someone holding the passphrase). */
async function alteredCopy(
  from: string,
  name: string,
  change: (parts: Record<string, Uint8Array>) => void,
) {
  const parts = unzipSync(await decryptPackage(new Uint8Array(readFileSync(from)), PASSPHRASE));
  change(parts);
  const out = join(dir, name);
  writeFileSync(out, await encryptPackage(zipSync(parts), PASSPHRASE, 10));
  return out;
}

const flipSignature = (parts: Record<string, Uint8Array>) => {
  const lines = new TextDecoder().decode(parts['signature.minisig']).split('\n');
  const sig = fromBase64(must(lines[1]));
  sig[30] = (sig[30] ?? 0) ^ 0x01;
  lines[1] = toBase64(sig);
  parts['signature.minisig'] = utf8(lines.join('\n'));
};

function teamWithout(name: string): string {
  const file = JSON.parse(readFileSync(team, 'utf8')) as TrustedSignersFile;
  const path = join(dir, `team-without-${file.signers.findIndex((s) => s.name === name)}.json`);
  writeFileSync(
    path,
    JSON.stringify({ ...file, signers: file.signers.filter((s) => s.name !== name) }),
  );
  return path;
}

interface Described {
  signer: { signed: boolean; name: string; fingerprint: string; trust: string; against: string };
}

describe('package signatures in the CLI', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    const made = await cli(['sample', '--returns', returns, '--keys', keys]);
    expect(made.code, made.stderr).toBe(0);
    const out = JSON.parse(made.stdout) as { packages: { signer: { name: string } }[] };
    expect(out.packages.map((p) => p.signer.name)).toEqual(['張雅婷', '林志明', '陳怡君']);
  }, 120_000);

  it("package-info names the signer, trusted by the hand-out's own trusted signers or --signers", async () => {
    const lead = JSON.parse((await cli(['package-info', handout])).stdout) as Described;
    const fingerprints = (JSON.parse(readFileSync(team, 'utf8')) as TrustedSignersFile).signers;
    expect(lead.signer).toMatchObject({
      signed: true,
      name: '張雅婷',
      fingerprint: fingerprints[0]?.fingerprint,
      trust: 'trusted',
      against: "the package's own trusted signers (3)",
    });
    // A return carries no trusted signers of its own: checked against the team file instead.
    const alone = JSON.parse((await cli(['package-info', ret1])).stdout) as Described;
    expect(alone.signer).toMatchObject({ name: '林志明', trust: 'untrusted' });
    const info = await cli(['package-info', ret1, '--signers', team]);
    expect(info.code, info.stderr).toBe(0);
    expect((JSON.parse(info.stdout) as Described).signer).toMatchObject({
      trust: 'trusted',
      against: team,
    });
  });

  it('verify passes a signed package by a listed signer and fails one not in the list', async () => {
    const ok = await cli(['verify', ret1, '--signers', team]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(
      /author signature: ✓ valid, signed by 林志明 \(\S+, key [0-9A-F]{16}\) — trusted: 林志明 \(preparer\)/,
    );
    expect(ok.stdout).toContain('OK: the package verified.');
    const missing = await cli(['verify', ret1, '--signers', teamWithout('林志明')]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(
      /FAILED: 1 problem\(s\):\n {2}- author: signed by 林志明 .* NOT TRUSTED: not in /,
    );
    // Without --signers, signatures are checked but no one is required to be trusted.
    const loose = await cli(['verify', ret1, '--json']);
    expect(loose.code, loose.stdout).toBe(0);
    expect(JSON.parse(loose.stdout)).toMatchObject({
      verified: true,
      author: { trust: 'untrusted' },
    });
  });

  it('verify refuses an invalid signature, and an unsigned package when --signers is given', async () => {
    const flipped = await alteredCopy(ret2, 'flipped.awpkg', flipSignature);
    const bad = await cli(['verify', flipped]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /FAILED: refused \(bad-signature\): the author signature does not match manifest\.json/,
    );

    const unsigned = join(dir, 'unsigned.awpkg');
    writeFileSync(unsigned, (await writePackage(await returned(), PASSPHRASE, { logN: 10 })).bytes);
    const plain = await cli(['verify', unsigned]);
    expect(plain.code, plain.stdout).toBe(0);
    expect(plain.stdout).toContain('unsigned (no author signature)');
    const strict = await cli(['verify', unsigned, '--signers', team]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('the package is unsigned');
    expect((await cli(['verify', unsigned, '--password', 'x'])).code).toBe(2);
  });

  it.skipIf(!HAS_MINISIGN)(
    'verify --export writes what the stock minisign checks, and it refuses a changed byte',
    async () => {
      const out = join(dir, 'export');
      const result = await cli(['verify', ret1, '--export', out]);
      expect(result.code, result.stdout).toBe(0);
      expect(result.stdout).toContain(
        `note: wrote manifest.json, signature.minisig, signer.pub to ${out}`,
      );
      const check = () =>
        spawnSync(
          'minisign',
          [
            '-Vm',
            join(out, 'manifest.json'),
            '-x',
            join(out, 'signature.minisig'),
            '-p',
            join(out, 'signer.pub'),
          ],
          { encoding: 'utf8' },
        );
      const ok = check();
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toContain('"signer":"林志明"');
      // The exported key is the one team.json trusts for 林志明.
      const pub = spawnSync(
        'minisign',
        [
          '-Vm',
          join(out, 'manifest.json'),
          '-x',
          join(out, 'signature.minisig'),
          '-p',
          join(keys, 'auditor-1.pub'),
        ],
        { encoding: 'utf8' },
      );
      expect(pub.status, pub.stderr).toBe(0);
      const manifest = readFileSync(join(out, 'manifest.json'));
      manifest[5] = (manifest[5] ?? 0) ^ 0x01;
      writeFileSync(join(out, 'manifest.json'), manifest);
      expect(check().status).not.toBe(0);
    },
  );

  it('show a return re-signed by someone else as theirs, not as its author, and not trusted', async () => {
    const { identity } = await createIdentity({
      name: '冒名者',
      passphrase: SIGNING_PASSPHRASE,
      now: asIsoInstant('2026-03-01T00:00:00.000Z'),
      kdf: fastKdf(),
    });
    const resigned = join(dir, 'resigned.awpkg');
    const parts: Record<string, Uint8Array> = unzipSync(
      await decryptPackage(new Uint8Array(readFileSync(ret1)), PASSPHRASE),
    );
    const manifestBytes = must(parts['manifest.json']) as Uint8Array<ArrayBuffer>;
    const manifest = manifestSchema.parse(JSON.parse(new TextDecoder().decode(manifestBytes)));
    const signed = await signWithIdentity(identity, SIGNING_PASSPHRASE, (signer) =>
      signManifest(signer, manifest, manifestBytes),
    );
    parts['signature.minisig'] = signed.signature;
    parts['signer.pub'] = signed.signerKey;
    writeFileSync(resigned, await encryptPackage(zipSync(parts), PASSPHRASE, 10));
    const merged = await cli(['merge', '--base', handout, '--out', join(dir, 'r.awpkg'), resigned]);
    expect(merged.stdout).toMatch(
      /resigned\.awpkg: signed by 冒名者 \(\S+, key [0-9A-F]{16}\), not by the author the manifest names \(林志明\) — NOT TRUSTED: not in the engagement's trusted signers/,
    );
    expect((await cli(['verify', resigned, '--signers', team])).code).toBe(1);
  });

  it("merge prints each return's signer and refuses a bad signature with its reason", async () => {
    const report = join(dir, 'merge.json');
    const first = await cli([
      'merge',
      '--base',
      handout,
      '--out',
      join(dir, 'm.awpkg'),
      '--report',
      report,
      ret1,
      ret2,
    ]);
    expect(first.stdout).toMatch(
      /return-1\.awpkg: signed by 林志明 .* — trusted: 林志明 \(preparer\) in the engagement's trusted signers \(3, from --base\)/,
    );
    expect(first.stdout).toMatch(/return-2\.awpkg: signed by 陳怡君 .* — trusted/);
    expect(first.stdout).toMatch(
      /handout\.awpkg: base signed by 張雅婷 .* — trusted: 張雅婷 \(approver\) in its own trusted signers \(3\)/,
    );
    const signers = (JSON.parse(readFileSync(report, 'utf8')) as { signers: { trust: string }[] })
      .signers;
    expect(signers.map((s) => s.trust)).toEqual(['trusted', 'trusted']);

    const stripped = await alteredCopy(ret2, 'stripped.awpkg', (parts) => {
      Reflect.deleteProperty(parts, 'signer.pub');
    });
    const refused = await cli([
      'merge',
      '--base',
      handout,
      '--out',
      join(dir, 'n.awpkg'),
      ret1,
      stripped,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `${stripped}: refused (bad-signature): the package has signature.minisig but not signer.pub`,
    );
  });
});
