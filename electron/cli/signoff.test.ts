/**
 * `sample --signed`, `verify` and `verify --export` end to end on real files, with the stock
 * minisign tool (Debian's package, installed by test/setup/ensure-minisign.sh) both ways.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { fromBase64, toBase64, utf8 } from '../../shared/crypto/bytes';
import { minisignVerify, parsePublicKey } from '../../shared/signoff/minisign';
import type { TrustedSignersFile } from '../../shared/signoff/records';
import { fastKdf, must } from '../../shared/signoff/testing';
import {
  META_SHEET_NAME,
  contentHashOf,
  metaRows,
  readWorkpaperMeta,
  type WorkpaperMeta,
} from '../../shared/workpapers/meta';
import type { SigningMeta } from '../../shared/workpapers/signing-meta';
import { run, type CliIo } from './main';

const NOW = new Date('2026-03-04T02:00:00.000Z');
const minisign = spawnSync('minisign', ['-v'], { encoding: 'utf8' });
const HAS_MINISIGN = minisign.status === 0;
if (!HAS_MINISIGN) {
  console.warn(
    'skipping the minisign interoperability tests: minisign is not installed (test/setup/ensure-minisign.sh)',
  );
}

function diskIo() {
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
    now: () => NOW,
    kdf: fastKdf,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function cli(argv: readonly string[]) {
  const env = diskIo();
  const code = await run(argv, env.io);
  return { code, stdout: env.stdout(), stderr: env.stderr() };
}

const dir = mkdtempSync(join(tmpdir(), 'aw-signoff-'));
// Written packages and keys are test data, but nothing is left behind in the temp folder.
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'signed.xlsx');
const keys = join(dir, 'keys');
const team = join(keys, 'team.json');

async function load(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  return wb;
}

/** Changes the signing entries as a forger would: the meta's content hash recomputed. */
async function forged(name: string, change: (signing: SigningMeta) => void): Promise<string> {
  const wb = await load(readFileSync(file));
  const ws = must(wb.getWorksheet(META_SHEET_NAME));
  const cells: unknown[][] = [];
  ws.eachRow((row) => cells.push([row.getCell(1).value, row.getCell(2).value]));
  const reading = await readWorkpaperMeta(cells);
  if (!reading.ok) throw new Error(reading.problem);
  const meta: WorkpaperMeta = reading.meta;
  change(must(meta.signing));
  meta.contentHash = await contentHashOf(meta);
  const rows = [['kind', 'value'], ...metaRows(meta)];
  for (let r = 1; r <= Math.max(ws.rowCount, rows.length); r++) {
    const line = rows[r - 1];
    ws.getCell(r, 1).value = (line?.[0] as string | undefined) ?? null;
    ws.getCell(r, 2).value = (line?.[1] as string | undefined) ?? null;
  }
  const out = join(dir, name);
  writeFileSync(out, new Uint8Array(await wb.xlsx.writeBuffer()));
  return out;
}

function flipSignatureByte(signature: string): string {
  const lines = signature.split('\n');
  const bytes = fromBase64(must(lines[1]));
  bytes[30] = (bytes[30] ?? 0) ^ 0x01;
  lines[1] = toBase64(bytes);
  return lines.join('\n');
}

// Each case reads and writes a whole workbook; two cores under load.
describe('audit-workbench sample --signed | verify', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    const made = await cli(['sample', '--signed', '--out', file, '--keys', keys]);
    expect(made.code, made.stderr).toBe(0);
  }, 120_000);

  it('verifies the signed sample against the team file, printing who signed what', async () => {
    const result = await cli(['verify', file, '--signers', team]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/L3 核定 {2}張雅婷 .* ✓ valid/);
    expect(result.stdout).toContain('SR-04-01.1  L1 林志明 ✓  L2 黃建國 ✓  L3 張雅婷 ✓');
    expect(result.stdout).toMatch(/OK: \d+ sign-offs verified/);
    const json = await cli(['verify', file, '--json']);
    const report = JSON.parse(json.stdout) as {
      signoffs: { status: string }[];
      problems: string[];
    };
    expect(report.problems).toEqual([]);
    // The sample's twenty worked items and the inspection, at three levels each.
    expect(report.signoffs).toHaveLength(3 * (20 + 1));
  });

  it('fails, naming the item, on a copy with one cell changed', async () => {
    const wb = await load(readFileSync(file));
    const checklist = must(wb.worksheets[1]);
    const row = must(
      [...Array(checklist.rowCount).keys()]
        .map((i) => i + 1)
        .find((r) => checklist.getCell(r, 2).value === 'SR-04-01.1'),
    );
    checklist.getCell(row, 6).value = '不符合';
    const copy = join(dir, 'edited.xlsx');
    writeFileSync(copy, new Uint8Array(await wb.xlsx.writeBuffer()));
    const result = await cli(['verify', copy, '--signers', team]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/SR-04-01\.1 .*✗ altered/);
    expect(result.stdout).toMatch(/FAILED/);
    expect(result.stdout).toContain('item:SR-04-01.1 level 1 (編製) by 林志明: altered');
  });

  it('refuses a flipped signature byte, a signature moved to another item, a wrong key and a removed sign-off', async () => {
    const cases: [string, (s: SigningMeta) => void, RegExp][] = [
      [
        'flipped.xlsx',
        (s) => {
          const entry = must(s.signoffs[5]);
          entry.signature = flipSignatureByte(entry.signature);
        },
        /invalid/,
      ],
      [
        'moved.xlsx',
        (s) => {
          must(s.signoffs[1]).signature = must(s.signoffs[0]).signature;
        },
        /invalid/,
      ],
      [
        'wrong-key.xlsx',
        (s) => {
          const approver = must(s.signoffs.find((x) => x.level === 3)).signer;
          const entry = must(s.signoffs.find((x) => x.level === 1));
          entry.signer = { ...approver, name: entry.signer.name };
        },
        /invalid|untrusted/,
      ],
      [
        'removed.xlsx',
        (s) => {
          const at = s.signoffs.findIndex((x) => x.subject.kind === 'item' && x.level === 2);
          s.signoffs.splice(at, 1);
        },
        /inspection level 2 \(覆核\) by 黃建國: altered — an item sign-off this inspection sign-off rests on is missing/,
      ],
    ];
    for (const [name, change, expected] of cases) {
      const result = await cli(['verify', await forged(name, change)]);
      expect(result.code, name).toBe(1);
      expect(result.stdout, name).toMatch(expected);
    }
  });

  it('refuses a signer not in the list and a retired key used after its retirement', async () => {
    const signers = (JSON.parse(readFileSync(team, 'utf8')) as TrustedSignersFile).signers;
    const without = join(dir, 'without-approver.json');
    writeFileSync(
      without,
      JSON.stringify({ format: 'aw-trusted-signers', version: 1, signers: signers.slice(0, 2) }),
    );
    const missing = await cli(['verify', file, '--signers', without]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/張雅婷: untrusted — key \S+ is not a trusted signer/);

    const retire = (at: string) => {
      const path = join(dir, `retired-${at.slice(0, 13)}.json`);
      const list = signers.map((s, i) => (i === 0 ? { ...s, retiredAt: at } : s));
      writeFileSync(
        path,
        JSON.stringify({ format: 'aw-trusted-signers', version: 1, signers: list }),
      );
      return path;
    };
    // The demo signs in the hours before NOW: retired before that, the preparer's signatures fail.
    const early = await cli(['verify', file, '--signers', retire('2026-03-03T00:00:00.000Z')]);
    expect(early.code).toBe(1);
    expect(early.stdout).toMatch(/林志明: untrusted — key \S+ of 林志明 was retired on 2026-03-03/);
    // Retired after signing: old signatures still verify.
    const late = await cli(['verify', file, '--signers', retire('2026-03-05T00:00:00.000Z')]);
    expect(late.code, late.stdout).toBe(0);
  });

  it.skipIf(!HAS_MINISIGN)(
    'exports what the stock minisign verifies, and minisign refuses a changed byte',
    async () => {
      const out = join(dir, 'export');
      const result = await cli(['verify', file, '--export', out]);
      expect(result.code, result.stdout).toBe(0);
      const approver = must(
        (JSON.parse(readFileSync(team, 'utf8')) as TrustedSignersFile).signers.find(
          (s) => s.role === 'approver',
        ),
      );
      const key = join(out, 'keys', `${approver.fingerprint}.pub`);
      const ok = spawnSync('minisign', ['-Vm', join(out, 'manifest.json'), '-p', key], {
        encoding: 'utf8',
      });
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toContain('Signature and comment signature verified');
      expect(ok.stdout).toContain('"signer":"張雅婷"');
      const item = spawnSync(
        'minisign',
        [
          '-Vm',
          join(out, 'items', 'SR-04-01.1.json'),
          '-x',
          join(out, 'items', 'SR-04-01.1.json.L1.minisig'),
          '-p',
          join(keys, 'L1-preparer.pub'),
        ],
        { encoding: 'utf8' },
      );
      expect(item.status, item.stderr).toBe(0);

      const manifest = readFileSync(join(out, 'manifest.json'));
      manifest[10] = (manifest[10] ?? 0) ^ 0x01;
      writeFileSync(join(out, 'manifest.json'), manifest);
      const bad = spawnSync('minisign', ['-Vm', join(out, 'manifest.json'), '-p', key], {
        encoding: 'utf8',
      });
      expect(bad.status).not.toBe(0);
      // Another signer's key is refused too.
      const other = spawnSync(
        'minisign',
        ['-Vm', join(out, 'manifest.json'), '-p', join(keys, 'L1-preparer.pub')],
        { encoding: 'utf8' },
      );
      expect(other.status).not.toBe(0);
    },
  );

  it.skipIf(!HAS_MINISIGN)(
    'verifies what minisign -S signs with a key from minisign -G',
    async () => {
      const work = mkdtempSync(join(tmpdir(), 'aw-minisign-'));
      // minisign -W writes an unencrypted secret key: it goes when the test ends.
      onTestFinished(() => rmSync(work, { recursive: true, force: true }));
      const message = join(work, 'message.json');
      writeFileSync(message, '{"審核":"通過","n":1}');
      execFileSync('minisign', ['-G', '-W', '-p', join(work, 'k.pub'), '-s', join(work, 'k.key')]);
      execFileSync('minisign', [
        '-S',
        '-W',
        '-s',
        join(work, 'k.key'),
        '-m',
        message,
        '-t',
        '覆核 trusted comment',
      ]);
      const key = parsePublicKey(readFileSync(join(work, 'k.pub'), 'utf8'));
      const signature = readFileSync(`${message}.minisig`, 'utf8');
      const verdict = await minisignVerify(key, new Uint8Array(readFileSync(message)), signature);
      expect(verdict).toMatchObject({ ok: true, trustedComment: '覆核 trusted comment' });
      expect(await minisignVerify(key, utf8('{"審核":"退回","n":1}'), signature)).toMatchObject({
        ok: false,
      });
    },
  );
});
