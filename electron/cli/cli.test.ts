/** The CLI run in-process on an in-memory file system. */
import ExcelJS from 'exceljs';
import officeCrypto from 'officecrypto-tool';
import { describe, expect, it } from 'vitest';
import { demoEngagement } from '../../shared/sample/demo-engagement';
import { META_SHEET_NAME } from '../../shared/workpapers';
import type { InspectSummary } from './commands/inspect';
import { run, type CliIo } from './main';
import { values as sheetCells } from '../../shared/workpapers/testing/read-back';

const NOW = new Date('2026-03-04T02:00:00.000Z');

const PASSWORD = '示範 s3cret!';

function memoryIo(
  files: Map<string, Uint8Array> = new Map(),
  env: Record<string, string | undefined> = {},
) {
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
    env,
    // Excel's 100,000 rounds are tested in shared/workpapers/encryption; fewer keep this fast.
    spinCount: 1000,
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

async function inspect(
  bytes: Uint8Array,
  extra: readonly string[] = [],
  vars: Record<string, string | undefined> = {},
) {
  const env = memoryIo(new Map([['in.xlsx', bytes]]), vars);
  const code = await run(['inspect', 'in.xlsx', ...extra], env.io);
  return { code, stdout: env.stdout(), stderr: env.stderr() };
}

/** `sample` with a password from the flag or the environment; the file and what was printed. */
async function protectedSample(argv: readonly string[], vars: Record<string, string> = {}) {
  const env = memoryIo(new Map(), vars);
  const code = await run(['sample', '--out', 'demo.xlsx', ...argv], env.io);
  expect(code, env.stderr()).toBe(0);
  const bytes = env.files.get('demo.xlsx');
  if (bytes === undefined) throw new Error('no file written');
  return { bytes, stdout: env.stdout(), stderr: env.stderr() };
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

  it('refuses a file over 50 MiB before reading it into memory', async () => {
    const env = memoryIo();
    const io: CliIo = {
      ...env.io,
      fileSize: () => Promise.resolve(3 * 1024 * 1024 * 1024),
      readFile: () => Promise.reject(new Error('read although it is too large')),
    };
    expect(await run(['inspect', 'huge.xlsx'], io)).toBe(1);
    expect(env.stderr()).toBe(
      'huge.xlsx: refused: too-large: The file is too large (3072.0 MiB); the limit is 50.0 MiB. Import it in parts.\n',
    );
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

  it('writes the register sheets of the sample, before the activity trail', async () => {
    const { bytes } = await sampleFile();
    const workbook = await load(bytes);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      '封面',
      '查核項目',
      '缺失',
      '系統清冊',
      '保密協議',
      '覆蓋缺口',
      '設備報廢',
      '政策審閱',
      '活動軌跡',
      META_SHEET_NAME,
    ]);
    for (const name of ['保密協議', '覆蓋缺口', '設備報廢', '政策審閱']) {
      const ws = workbook.getWorksheet(name);
      expect(ws?.rowCount, name).toBeGreaterThan(1);
    }
    const summary = JSON.parse((await inspect(bytes)).stdout) as InspectSummary;
    expect(summary.hashCheck).toBe('ok');
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

  it('writes a password-protected sample that only opens with its password', async () => {
    const written = await protectedSample(['--password', PASSWORD]);
    const { bytes } = written;
    expect(JSON.parse(written.stdout)).toMatchObject({ passwordProtected: true });
    expect([...bytes.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    expect(officeCrypto.isEncrypted(Buffer.from(bytes))).toBe(true);
    await expect(load(bytes)).rejects.toThrow();

    // An independent decrypter opens it; the workbook inside is the plain sample's.
    const zip = new Uint8Array(
      await officeCrypto.decrypt(Buffer.from(bytes), { password: PASSWORD }),
    );
    const workbook = await load(zip);
    const plain = await load((await sampleFile()).bytes);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(plain.worksheets.map((ws) => ws.name));
    workbook.worksheets.forEach((ws, i) => {
      const twin = plain.worksheets[i];
      if (twin === undefined) throw new Error(`no sheet ${ws.name} in the plain file`);
      expect(sheetCells(ws), ws.name).toEqual(sheetCells(twin));
    });
    await expect(officeCrypto.decrypt(Buffer.from(bytes), { password: 'wrong' })).rejects.toThrow(
      /incorrect/,
    );

    // inspect: the right password, none, a wrong one.
    const opened = await inspect(bytes, ['--password', PASSWORD]);
    expect(opened.stderr).toBe('');
    expect(opened.code).toBe(0);
    const summary = JSON.parse(opened.stdout) as InspectSummary;
    expect(summary).toMatchObject({ passwordProtected: true, hashCheck: 'ok' });
    expect(summary.counts.findings).toEqual({ high: 2, medium: 2, low: 1, unrecognised: 0 });

    const without = await inspect(bytes);
    expect(without.code).toBe(1);
    expect(without.stdout).toBe('');
    expect(without.stderr).toBe(
      'in.xlsx: refused: password-protected: the file is password-protected; give its password with --password P or in AW_WORKPAPER_PASSWORD\n',
    );

    const wrong = await inspect(bytes, ['--password', 'not it']);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toMatch(
      /^in\.xlsx: refused: wrong-password: The password is incorrect.*\(from --password\)\n$/,
    );
    for (const text of [written.stdout, written.stderr, opened.stdout, wrong.stderr]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('not it');
    }
  });

  it('takes the password from AW_WORKPAPER_PASSWORD, the flag first', async () => {
    const { bytes, stdout } = await protectedSample([], { AW_WORKPAPER_PASSWORD: PASSWORD });
    expect(JSON.parse(stdout)).toMatchObject({ passwordProtected: true });
    const zip = new Uint8Array(
      await officeCrypto.decrypt(Buffer.from(bytes), { password: PASSWORD }),
    );
    expect((await load(zip)).getWorksheet(META_SHEET_NAME)).toBeDefined();

    const fromEnv = await inspect(bytes, [], { AW_WORKPAPER_PASSWORD: PASSWORD });
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    expect(JSON.parse(fromEnv.stdout)).toMatchObject({ passwordProtected: true, hashCheck: 'ok' });

    const flagWins = await inspect(bytes, ['--password', PASSWORD], {
      AW_WORKPAPER_PASSWORD: 'stale',
    });
    expect(flagWins.code, flagWins.stderr).toBe(0);
    const wrongEnv = await inspect(bytes, [], { AW_WORKPAPER_PASSWORD: 'stale' });
    expect(wrongEnv.code).toBe(1);
    expect(wrongEnv.stderr).toMatch(/wrong-password: .*\(from AW_WORKPAPER_PASSWORD\)\n$/);
  });

  it('refuses an empty password, from the flag or the environment, before writing', async () => {
    for (const [argv, vars] of [
      [['sample', '--out', 'x.xlsx', '--password', ''], {}],
      [['sample', '--out', 'x.xlsx'], { AW_WORKPAPER_PASSWORD: '' }],
      [['sample', '--out', 'x.xlsx', '--password', 'x'.repeat(256)], {}],
      [['inspect', 'x.xlsx', '--password', ''], {}],
    ] as const) {
      const env = memoryIo(new Map(), vars);
      expect(await run(argv, env.io), argv.join(' ')).toBe(2);
      expect(env.stderr()).toMatch(/^audit-workbench: (--password|AW_WORKPAPER_PASSWORD) is /);
      expect(env.files.size).toBe(0);
    }
  });

  it('inspects a plain file given a password, with a note', async () => {
    const { bytes } = await sampleFile();
    const result = await inspect(bytes, ['--password', PASSWORD]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ passwordProtected: false, hashCheck: 'ok' });
    expect(result.stderr).toBe(
      'in.xlsx: note: the file is not password-protected; --password was not used\n',
    );
    // A password in the environment is not worth a note: it may be set for other files.
    const quiet = await inspect(bytes, [], { AW_WORKPAPER_PASSWORD: PASSWORD });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });

  it('prints help, and exits 2 on usage errors', async () => {
    const help = memoryIo();
    expect(await run(['--help'], help.io)).toBe(0);
    expect(help.stdout()).toMatch(/audit-workbench sample --out FILE\.xlsx/);
    expect(help.stdout()).toMatch(/AW_WORKPAPER_PASSWORD/);
    expect(help.stdout()).toMatch(/\(ps\)/);
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
