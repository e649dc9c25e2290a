/**
 * `sample --package/--returns`, `package-info` and `merge` end to end on real files in a temp
 * directory, through `run(argv, io)`: the sample's two returns conflict twice, the report lists
 * the conflicts, a decisions file resolves them, the merged package is a hand-out that knows
 * its returns, and an altered package is refused with its reason.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPackage } from '../../shared/package/read';
import { fastKdf } from '../../shared/signoff/testing';
import { run, type CliIo } from './main';

const NOW = new Date('2026-03-04T02:00:00.000Z');
const PASSPHRASE = 'KX4M2-9QRTB-7HV3N-PW8CD-Z5J6A';

function diskIo(env: Record<string, string> = { AW_PACKAGE_PASSPHRASE: PASSPHRASE }) {
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
    env,
    scryptLogN: 10,
    kdf: fastKdf,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function cli(argv: readonly string[], env?: Record<string, string>) {
  const disk = diskIo(env);
  const code = await run(argv, disk.io);
  return { code, stdout: disk.stdout(), stderr: disk.stderr() };
}

const dir = mkdtempSync(join(tmpdir(), 'aw-package-'));
// Written packages and keys are test data, but nothing is left behind in the temp folder.
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const returns = join(dir, 'returns');
const handout = join(returns, 'handout.awpkg');
const ret1 = join(returns, 'return-1.awpkg');
const ret2 = join(returns, 'return-2.awpkg');
const reportFile = join(dir, 'merge.json');

interface Report {
  complete: boolean;
  packages: { file: string; status: string; auditor: string; counts: Record<string, number> }[];
  refused: { file: string; code: string; reason: string }[];
  conflicts: {
    id: string;
    kind: string;
    table: string;
    options: { id: string; from: { auditor: string }[] }[];
  }[];
  openConflicts: string[];
}
const readReport = () => JSON.parse(readFileSync(reportFile, 'utf8')) as Report;

describe('package commands', () => {
  beforeAll(async () => {
    const made = await cli(['sample', '--returns', returns]);
    expect(made.code, made.stderr).toBe(0);
  });

  it('sample writes a hand-out and two returns of it, and package-info verifies them', async () => {
    const info = await cli(['package-info', handout]);
    expect(info.code, info.stderr).toBe(0);
    const described = JSON.parse(info.stdout) as Record<string, unknown>;
    expect(described).toMatchObject({ verified: true, kind: 'handout', author: '張雅婷' });
    expect((described.counts as Record<string, number>).itemResults).toBeGreaterThan(20);
    const back = JSON.parse((await cli(['package-info', ret1])).stdout) as Record<string, unknown>;
    expect(back).toMatchObject({
      kind: 'return',
      auditor: '林志明',
      baseId: described.baseId,
      files: 1,
      trailEntries: 4,
    });
    expect(back.counts).toEqual({ evidence: 1, findings: 1, itemResults: 2 });
    expect(info.stdout + info.stderr).not.toContain(PASSPHRASE);
  });

  it('refuse without the right passphrase, never printing it', async () => {
    const wrong = await cli(['package-info', '--passphrase', 'not-the-passphrase', ret1], {});
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('wrong-passphrase');
    expect(wrong.stdout + wrong.stderr).not.toContain('not-the-passphrase');
    expect((await cli(['package-info', ret1], {})).code).toBe(2);
  });

  it('merge exits 1 while conflicts are open, the report lists them; decisions resolve them', async () => {
    const out = join(dir, 'merged.awpkg');
    const first = await cli([
      'merge',
      '--base',
      handout,
      '--out',
      out,
      '--report',
      reportFile,
      ret1,
      ret2,
    ]);
    expect(first.code, first.stderr).toBe(1);
    expect(first.stderr).toContain('2 conflict(s) open');
    const report = readReport();
    expect(report.complete).toBe(false);
    expect(report.packages.map((p) => [p.auditor, p.status])).toEqual(
      expect.arrayContaining([
        ['林志明', 'ready'],
        ['陳怡君', 'ready'],
      ]),
    );
    expect(report.conflicts.map((c) => [c.table, c.kind]).sort()).toEqual([
      ['findings', 'delete-edit'],
      ['itemResults', 'field'],
    ]);
    expect(report.openConflicts).toHaveLength(2);
    await expect(stat(out)).rejects.toThrow();

    // The lead keeps 陳怡君's answer and the edited finding.
    const pick = (c: Report['conflicts'][number]) =>
      c.options.find((o) => o.from.some((s) => s.auditor === '陳怡君'))?.id ?? '';
    const decisions = Object.fromEntries(report.conflicts.map((c) => [c.id, { pick: pick(c) }]));
    const decisionsFile = join(dir, 'decisions.json');
    writeFileSync(decisionsFile, JSON.stringify({ conflicts: decisions }));
    const done = await cli([
      'merge',
      '--base',
      handout,
      '--out',
      out,
      '--report',
      reportFile,
      '--decisions',
      decisionsFile,
      ret1,
      ret2,
    ]);
    expect(done.code, done.stderr).toBe(0);
    expect(readReport().complete).toBe(true);

    const merged = await readPackage(new Uint8Array(readFileSync(out)), PASSPHRASE);
    expect(merged.kind).toBe('handout');
    expect(merged.files.size).toBe(2);
    expect(merged.mergedPackages).toHaveLength(2);
    const shared = merged.records.find(
      (r) => r.table === 'itemResults' && r.merge?.provenance.some((p) => p.how === 'picked'),
    );
    expect(shared?.data.result).toBe('partial');
    expect(shared?.merge?.losing.some((l) => l.source.auditor === '林志明')).toBe(true);
    const finding = merged.records.find(
      (r) => r.table === 'findings' && String(r.data.recommendation).includes('陳怡君補充'),
    );
    expect(finding?.deleted).toBe(false);

    // Round two: the same returns against the merged package are recognised, not merged again.
    const again = await cli([
      'merge',
      '--base',
      out,
      '--out',
      join(dir, 'again.awpkg'),
      '--report',
      reportFile,
      ret1,
      ret2,
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(readReport().packages.map((p) => p.status)).toEqual([
      'already-merged',
      'already-merged',
    ]);
  });

  it('recognise the same return given twice', async () => {
    const twice = await cli([
      'merge',
      '--base',
      handout,
      '--out',
      join(dir, 'twice.awpkg'),
      '--report',
      reportFile,
      ret1,
      ret1,
    ]);
    expect(twice.code, twice.stderr).toBe(0);
    expect(
      readReport()
        .packages.map((p) => p.status)
        .sort(),
    ).toEqual(['ready', 'repeated']);
  });

  it('refuse an altered package with its reason, and keep the merge from completing', async () => {
    const bytes = new Uint8Array(readFileSync(ret2));
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0x20;
    const altered = join(dir, 'altered.awpkg');
    writeFileSync(altered, bytes);
    const info = await cli(['package-info', altered]);
    expect(info.code).toBe(1);
    expect(info.stderr).toContain('refused (damaged)');
    const merged = await cli([
      'merge',
      '--base',
      handout,
      '--out',
      join(dir, 'x.awpkg'),
      '--report',
      reportFile,
      ret1,
      altered,
    ]);
    expect(merged.code).toBe(1);
    expect(readReport().refused).toEqual([
      expect.objectContaining({
        file: altered,
        code: 'damaged',
        reason: expect.stringContaining('altered') as unknown,
      }),
    ]);
  });

  it('refuse a return as the base and a hand-out as a return', async () => {
    const base = await cli(['merge', '--base', ret1, '--out', join(dir, 'y.awpkg'), ret2]);
    expect(base.code).toBe(1);
    expect(base.stderr).toContain('not a hand-out');
    const wrong = await cli([
      'merge',
      '--base',
      handout,
      '--out',
      join(dir, 'z.awpkg'),
      '--report',
      reportFile,
      handout,
    ]);
    expect(wrong.code).toBe(1);
    expect(readReport().refused[0]?.code).toBe('wrong-kind');
  });
});
