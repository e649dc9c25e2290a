/**
 * `merge` under 僅接受受信任簽章者簽署的繳回 on real files: the sample's signed returns, one
 * stripped of its signature, and the sample hand-out written again with the engagement setting
 * on. The setting in the base, or `--require-trusted-signer`, refuses the unsigned return by
 * file and reason and writes no merged package; a return signed by a trusted signer merges.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRecordId } from '../../shared/domain/records';
import { currentStateOf, handoutContents, readPackage, writePackage } from '../../shared/package';
import { decryptPackage, encryptPackage } from '../../shared/package/age';
import { fastKdf } from '../../shared/signoff/testing';
import { run, type CliIo } from './main';

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

const dir = mkdtempSync(join(tmpdir(), 'aw-trusted-returns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const returns = join(dir, 'returns');
const handout = join(returns, 'handout.awpkg');
const ret1 = join(returns, 'return-1.awpkg');
const unsigned = join(dir, 'unsigned.awpkg');
const strict = join(dir, 'strict-handout.awpkg');

/** The sample hand-out as the lead's vault would write it with the setting on. */
async function writeStrictHandout() {
  const base = await readPackage(new Uint8Array(readFileSync(handout)), PASSPHRASE);
  const state = currentStateOf(base);
  const policy = {
    table: 'engagementPolicies',
    id: newRecordId(),
    rev: 1,
    deleted: false,
    data: { requireTrustedSigner: true },
    updatedAt: base.createdAt,
    updatedBy: base.author,
  };
  const contents = handoutContents(
    { ...state, records: [...state.records, policy] },
    {
      packageId: base.packageId,
      baseId: base.baseId,
      engagementId: base.engagementId,
      auditor: base.auditor,
      author: base.author,
      createdAt: base.createdAt,
      appVersion: base.appVersion,
      files: base.files,
      trailHead: base.trailHead,
    },
  );
  writeFileSync(strict, (await writePackage(contents, PASSPHRASE, { logN: 10 })).bytes);
}

const refusal = `${unsigned}: refused (untrusted-signer): ${unsigned} is not signed; this engagement accepts only returns signed by a trusted signer`;

describe('merge that accepts only returns signed by a trusted signer', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    const made = await cli(['sample', '--returns', returns, '--keys', join(dir, 'keys')]);
    expect(made.code, made.stderr).toBe(0);
    const parts = unzipSync(await decryptPackage(new Uint8Array(readFileSync(ret1)), PASSPHRASE));
    Reflect.deleteProperty(parts, 'signature.minisig');
    Reflect.deleteProperty(parts, 'signer.pub');
    writeFileSync(unsigned, await encryptPackage(zipSync(parts), PASSPHRASE, 10));
    await writeStrictHandout();
  }, 120_000);

  it('takes an unsigned return by default, shown as unsigned', async () => {
    const out = join(dir, 'lax.awpkg');
    const merged = await cli(['merge', '--base', handout, '--out', out, unsigned]);
    expect(merged.stdout).toContain(`${unsigned}: unsigned (no author signature)`);
    expect(merged.stderr).not.toContain('untrusted-signer');
    expect(merged.code, merged.stderr).toBe(0);
  });

  it('refuses it with --require-trusted-signer, and writes nothing', async () => {
    const out = join(dir, 'flag.awpkg');
    const merged = await cli([
      'merge',
      '--base',
      handout,
      '--out',
      out,
      '--require-trusted-signer',
      unsigned,
    ]);
    expect(merged.code).toBe(1);
    expect(merged.stderr).toContain(refusal);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses it when the base's engagement setting is on, and merges a trusted return", async () => {
    const refused = await cli(['merge', '--base', strict, '--out', join(dir, 'x.awpkg'), unsigned]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(refusal);
    const out = join(dir, 'strict.awpkg');
    const merged = await cli(['merge', '--base', strict, '--out', out, ret1]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
