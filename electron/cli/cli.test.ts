/** The CLI run in-process on an in-memory file system. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { demoEngagement } from '../../shared/sample/demo-engagement';
import { META_SHEET_NAME } from '../../shared/workpapers';
import type { InspectSummary } from './commands/inspect';
import { run, type CliIo } from './main';
import { sheetCells } from './read-cells';

const NOW = new Date('2026-03-04T02:00:00.000Z');

function memoryIo(files: Map<string, Uint8Array> = new Map()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    writeFile: (path, bytes) => {
      files.set(path, bytes);
      return Promise.resolve();
    },
    readFile: (path) => {
      const bytes = files.get(path);
      return bytes === undefined
        ? Promise.reject(new Error(`ENOENT: ${path}`))
        : Promise.resolve(bytes);
    },
    now: () => NOW,
  };
  return { io, files, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function sampleFile(lang: 'zh-TW' | 'en' = 'zh-TW') {
  const env = memoryIo();
  const code = await run(['sample', '--out', 'demo.xlsx', '--lang', lang], env.io);
  expect(code, env.stderr()).toBe(0);
  const bytes = env.files.get('demo.xlsx');
  if (bytes === undefined) throw new Error('no file written');
  return { ...env, bytes };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

async function save(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function inspect(bytes: Uint8Array) {
  const env = memoryIo(new Map([['in.xlsx', bytes]]));
  const code = await run(['inspect', 'in.xlsx'], env.io);
  return { code, stdout: env.stdout(), stderr: env.stderr() };
}

describe('audit-workbench sample | inspect', () => {
  it('writes a sample workpaper that inspect accepts, with the demo counts', async () => {
    const { bytes } = await sampleFile();
    const demo = await demoEngagement(NOW);
    const result = await inspect(bytes);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as InspectSummary;
    const count = (r: string) => demo.itemResults.filter((i) => i.result === r).length;
    const severity = (s: string) => demo.findings.filter((f) => f.severity === s).length;
    expect(summary).toMatchObject({
      file: 'in.xlsx',
      inspection: { id: demo.inspection.id, title: demo.inspection.title },
      libraryVersion: demo.inspection.libraryVersion,
      hashCheck: 'ok',
      counts: {
        results: {
          compliant: count('compliant'),
          partial: count('partial'),
          'non-compliant': count('non-compliant'),
          'not-applicable': count('not-applicable'),
          untested: demo.items.length - demo.itemResults.length,
          unrecognised: 0,
        },
        findings: {
          high: severity('high'),
          medium: severity('medium'),
          low: severity('low'),
          unrecognised: 0,
        },
      },
    });
    expect(summary.counts.results).toMatchObject({ compliant: 12, partial: 3 });
    expect(summary.counts.findings).toEqual({ high: 2, medium: 2, low: 1, unrecognised: 0 });
  });

  it('refuses a file whose hidden meta sheet was altered', async () => {
    const { bytes } = await sampleFile();
    const workbook = await load(bytes);
    const meta = workbook.getWorksheet(META_SHEET_NAME);
    if (meta === undefined) throw new Error('no meta sheet');
    const cell = meta.getCell(2, 2);
    const header = cell.value;
    if (typeof header !== 'string') throw new Error('no header entry');
    cell.value = header.replace('"lang":"zh-TW"', '"lang":"en"');
    const result = await inspect(await save(workbook));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^in\.xlsx: refused: altered: .+\n$/);
  });

  it('reports, but accepts, an edit in a visible sheet', async () => {
    const { bytes } = await sampleFile();
    const workbook = await load(bytes);
    const checklist = workbook.getWorksheet('查核項目');
    if (checklist === undefined) throw new Error('no checklist sheet');
    checklist.getCell(2, 2).value = 'XX-99.1'; // item id: a locked column
    const result = await inspect(await save(workbook));
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as InspectSummary;
    expect(summary.hashCheck).toEqual([
      { sheet: '查核項目', problem: 'sheet-changed' },
      { sheet: '查核項目', row: 2, problem: 'locked-cells-changed' },
    ]);
  });

  it('refuses a random file, a foreign workbook and a missing file', async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    const notOurs = new ExcelJS.Workbook();
    notOurs.addWorksheet('Sheet1').addRow(['kind', 'value']);
    for (const bytes of [random, await save(notOurs)]) {
      const result = await inspect(bytes);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    const env = memoryIo();
    expect(await run(['inspect', 'nowhere.xlsx'], env.io)).toBe(1);
    expect(env.stderr()).toMatch(/cannot read/);
  });

  it('writes English headers on the checklist sheet with --lang en', async () => {
    const { bytes } = await sampleFile('en');
    const workbook = await load(bytes);
    const checklist = workbook.getWorksheet('Checklist');
    if (checklist === undefined) throw new Error('no Checklist sheet');
    expect(sheetCells(checklist)[0]).toEqual(
      expect.arrayContaining(['No.', 'Item ID', 'Result', 'Work performed', 'Notes']),
    );
    const summary = JSON.parse((await inspect(bytes)).stdout) as InspectSummary;
    expect(summary.lang).toBe('en');
    expect(summary.counts.findings.high).toBe(2);
  });

  it('masks the national ID and phone number in the sample file', async () => {
    const { bytes } = await sampleFile();
    const text = (await load(bytes)).worksheets
      .filter((ws) => ws.name !== META_SHEET_NAME)
      .flatMap((ws) => sheetCells(ws).flat())
      .filter((value): value is string => typeof value === 'string')
      .join('\n');
    expect(text).toContain('離職人員身分證字號');
    expect(text).not.toContain('A123456789');
    expect(text).not.toContain('0912-345-678');
    expect(text).toContain('A12****789');
    expect(text).toContain('0912-***-678');
  });

  it('exits 2 for --password, as no ECMA-376 encryption is available', async () => {
    for (const argv of [
      ['sample', '--out', 'x.xlsx', '--password', 'p'],
      ['inspect', 'x.xlsx', '--password', 'p'],
    ]) {
      const env = memoryIo();
      expect(await run(argv, env.io)).toBe(2);
      expect(env.stderr()).toBe('password protection is not available yet\n');
      expect(env.files.size).toBe(0);
    }
  });

  it('prints help, and exits 2 on usage errors', async () => {
    const help = memoryIo();
    expect(await run(['--help'], help.io)).toBe(0);
    expect(help.stdout()).toMatch(/audit-workbench sample --out FILE\.xlsx/);
    for (const argv of [
      [],
      ['frobnicate'],
      ['sample'],
      ['sample', '--out', 'a', '--bogus'],
      ['sample', '--out', 'a', '--lang', 'fr'],
      ['inspect'],
    ]) {
      const env = memoryIo();
      expect(await run(argv, env.io), argv.join(' ')).toBe(2);
    }
  });
});
