/**
 * The sample workpaper in real LibreOffice (Debian's libreoffice-calc, driven over UNO by
 * `libreoffice_session.py`, installed by `test/setup/ensure-libreoffice.sh`), as an auditor
 * who prints the file or opens and saves it there would use it:
 *  - every row of every visible sheet is at least as tall as LibreOffice's own layout needs
 *    to show its cells whole (zh-TW and English);
 *  - the checklist prints on as many pages as it needs, under the repeated header row, with
 *    page numbers, every item and the end of its longest texts on them, and no text drawn over
 *    other text (which is how a row a line too short prints: LibreOffice clips the overflow
 *    over the next row but keeps it in the PDF's text, so finding a text's last words with
 *    pdftotext alone proves nothing);
 *  - a file resaved unchanged imports back with no change, and one edited there with exactly
 *    the edits made.
 * One LibreOffice start-up does everything (it dominates the time); skipped with the reason
 * printed where LibreOffice cannot be had, and failed instead under CI, whose run installs it.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamWorkbook } from '../../electron/node/xlsx-stream-write';
import { sampleCommand } from '../../electron/cli/commands/sample';
import { EXIT_OK, type CliIo } from '../../electron/cli/io';
import { toIsoInstant } from '../../shared/domain/dates';
import { RESULTS, RESULT_LABELS } from '../../shared/domain/inspection/results';
import { demoEngagement, type DemoEngagement } from '../../shared/sample/demo-engagement';
import {
  buildInspectionWorkbook,
  columnIndex,
  columnLetter,
  diffWorkpaper,
  readWorkpaperEdits,
  type InspectionWorkbook,
  type SheetSpec,
  type WorkpaperDiff,
} from '../../shared/workpapers';
import { CHECKLIST_HEADERS, COVER, FOOTER } from '../../shared/workpapers/labels';

const run = promisify(execFile);
const PYTHON = '/usr/bin/python3'; // Debian's, where python3-uno is installed
const SESSION = fileURLToPath(new URL('./libreoffice_session.py', import.meta.url));
const NOW = new Date('2026-03-02T03:04:05Z');
const APP_VERSION = '0.1.0-office-test';

/** Why LibreOffice cannot be used here, or null. */
function missingTool(): string | null {
  const probes: [string, string[], string][] = [
    ['soffice', ['--version'], 'libreoffice-calc'],
    [PYTHON, ['-c', 'import uno'], 'python3-uno'],
    ['pdftotext', ['-v'], 'poppler-utils'],
    ['fc-list', ['Noto Sans CJK TC', 'family'], 'fonts-noto-cjk'],
    ['fc-list', ['Carlito', 'family'], 'fonts-crosextra-carlito'],
  ];
  for (const [command, args, pkg] of probes) {
    const probe = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
    const found = probe.status === 0 && (command !== 'fc-list' || probe.stdout.trim() !== '');
    if (!found) return `${pkg} is not installed (${command} ${args.join(' ')})`;
  }
  return null;
}

const missing = missingTool();
const inCi = process.env.CI === 'true';
if (missing !== null) {
  console.warn(
    `[test/office] LibreOffice tests skipped: ${missing}. bash test/setup/ensure-libreoffice.sh installs it (as root).`,
  );
}

describe.runIf(missing !== null && inCi)('LibreOffice in CI', () => {
  it('is installed by .ci/run (test/setup/ensure-libreoffice.sh)', () => {
    expect(missing).toBeNull();
  });
});

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

interface SessionResult {
  source: string;
  sheets?: { name: string; rows: number; short: { row: number; stored: number }[] }[];
}

function decodeEntities(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

/** Every page's words with their boxes (pdftotext -bbox), in the order they are drawn. */
async function pdfWords(pdf: string): Promise<Word[][]> {
  const { stdout } = await run('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 64 << 20 });
  return stdout
    .split('<page ')
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map(([, xMin, yMin, xMax, yMax, text]) => ({
        text: decodeEntities(text ?? ''),
        xMin: Number(xMin),
        yMin: Number(yMin),
        xMax: Number(xMax),
        yMax: Number(yMax),
      })),
    );
}

async function pageCount(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  const pages = /^Pages:\s+(\d+)$/m.exec(stdout)?.[1];
  if (pages === undefined) throw new Error(`pdfinfo found no page count in ${pdf}`);
  return Number(pages);
}

/** Pairs of words whose boxes overlap: text drawn over text (more than rounding). */
function overlaps(words: readonly Word[]): [string, string][] {
  const sorted = [...words].sort((a, b) => a.yMin - b.yMin);
  const found: [string, string][] = [];
  sorted.forEach((a, i) => {
    for (const b of sorted.slice(i + 1)) {
      if (b.yMin >= a.yMax - 0.5) break;
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      if (x > 0.5) found.push([a.text, b.text]);
    }
  });
  return found;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The last characters of a text, as they can be searched for in the PDF's words. */
function tailOf(text: string, characters = 12): string {
  return squeeze(text).slice(-characters);
}

async function sampleWithCli(out: string, lang: 'zh-TW' | 'en'): Promise<string> {
  const printed: string[] = [];
  const io: CliIo = {
    stdout: (text) => printed.push(text),
    stderr: (text) => {
      throw new Error(text);
    },
    writeFile: (file, bytes) => writeFile(file, bytes),
    readFile: async (file) => new Uint8Array(await readFile(file)),
    now: () => NOW,
  };
  expect(await sampleCommand(['--out', out, '--lang', lang], io, APP_VERSION)).toBe(EXIT_OK);
  return (JSON.parse(printed.join('')) as { contentHash: string }).contentHash;
}

function sheetOf(built: InspectionWorkbook, name: string): SheetSpec {
  const found = built.spec.sheets.find((sheet) => sheet.name === name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

function cellAddress(sheet: SheetSpec, key: string, row: number): string {
  return `${columnLetter(columnIndex(sheet, key))}${row}`;
}

describe.skipIf(missing !== null)('the sample workpaper in LibreOffice', () => {
  let dir = '';
  let demo: DemoEngagement;
  let zh: InspectionWorkbook;
  let en: InspectionWorkbook;
  let results: SessionResult[] = [];
  const file = (name: string) => path.join(dir, name);

  // What the auditor types in LibreOffice, and what the import must report for it.
  let edits: { sheet: string; cell: string; typed: string }[] = [];
  let expected: {
    resultId: string;
    result: { before: string | null; after: string };
    workPerformed: { before: string; after: string };
    findingId: string;
    dueDate: { before: string | null; after: string };
    lockedCell: string;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'aw-office-'));
    demo = await demoEngagement(NOW);
    const input = { ...demo, appVersion: APP_VERSION, generatedAt: toIsoInstant(NOW) };
    zh = await buildInspectionWorkbook(input, {
      lang: 'zh-TW',
      calendar: 'roc',
      includePersonalData: false,
    });
    en = await buildInspectionWorkbook(input, {
      lang: 'en',
      calendar: 'iso',
      includePersonalData: false,
    });
    // The CLI's sample is the workbook described here (same content hash).
    expect(await sampleWithCli(file('zh.xlsx'), 'zh-TW')).toBe(zh.contentHash);
    expect(await sampleWithCli(file('en.xlsx'), 'en')).toBe(en.contentHash);
    await streamWorkbook(zh.spec, file('zh-streamed.xlsx'));

    const checklist = sheetOf(zh, '查核項目');
    const resultRow = zh.meta.rows.find((r) => r.table === 'itemResults' && r.id !== null);
    const otherRow = zh.meta.rows.find((r) => r.table === 'itemResults' && r !== resultRow);
    const findingRow = zh.meta.rows.find((r) => r.table === 'findings');
    const result = demo.itemResults.find((r) => r.id === resultRow?.id);
    const finding = demo.findings.find((f) => f.id === findingRow?.id);
    if (!resultRow || !otherRow || !findingRow || !result || !finding) {
      throw new Error('the sample has no result or finding to edit');
    }
    const newResult = RESULTS.find((r) => r !== result.result && r !== 'not-applicable');
    if (newResult === undefined) throw new Error('no other result');
    const findings = sheetOf(zh, '缺失');
    const cover = sheetOf(zh, '封面');
    const entityRow = cover.rows.findIndex((row) => row[0] === COVER.entity['zh-TW']) + 1;
    const work = '重新檢視清冊，2 名員工漏簽（於 LibreOffice 填寫）。';
    const dueDate = '2026-06-30';
    expect(finding.dueDate).not.toBe(dueDate);
    expected = {
      resultId: result.id,
      result: { before: result.result, after: newResult },
      workPerformed: { before: result.workPerformed, after: work },
      findingId: finding.id,
      dueDate: { before: finding.dueDate, after: dueDate },
      lockedCell: cellAddress(checklist, 'citation', otherRow.row),
    };
    edits = [
      {
        sheet: checklist.name,
        cell: cellAddress(checklist, 'result', resultRow.row),
        typed: RESULT_LABELS[newResult]['zh-TW'],
      },
      {
        sheet: checklist.name,
        cell: cellAddress(checklist, 'workPerformed', resultRow.row),
        typed: work,
      },
      { sheet: checklist.name, cell: expected.lockedCell, typed: '（亂改的條文）' },
      {
        sheet: findings.name,
        cell: cellAddress(findings, 'dueDate', findingRow.row),
        typed: dueDate,
      },
      { sheet: cover.name, cell: `B${entityRow}`, typed: '另一家公司' },
    ];

    const tasks = [
      {
        source: file('zh.xlsx'),
        resaved: file('zh-resaved.xlsx'),
        printSheet: checklist.name,
        pdf: file('checklist.pdf'),
        measure: true,
        optimalPdf: file('checklist-optimal.pdf'),
      },
      { source: file('en.xlsx'), resaved: file('en-resaved.xlsx'), measure: true },
      { source: file('zh-streamed.xlsx'), resaved: file('zh-streamed-resaved.xlsx') },
      { source: file('zh.xlsx'), edits, edited: file('zh-edited.xlsx') },
    ];
    const { stdout } = await run(PYTHON, [SESSION, JSON.stringify(tasks)], {
      timeout: 120_000,
      maxBuffer: 16 << 20,
    });
    const report = JSON.parse(stdout) as { results: SessionResult[]; timings: object };
    results = report.results;
    console.info(`[test/office] LibreOffice session: ${JSON.stringify(report.timings)}`);
  }, 180_000);

  afterAll(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it.each(['zh', 'en'] as const)(
    'gives every row of every visible sheet the height its text needs (%s)',
    (lang) => {
      const measured = results.find((r) => r.source === file(`${lang}.xlsx`))?.sheets ?? [];
      const built = lang === 'zh' ? zh : en;
      const visible = built.spec.sheets.filter((sheet) => sheet.state === 'visible');
      expect(measured.map((sheet) => sheet.rows)).toEqual(
        visible.map((sheet) => sheet.rows.length + (sheet.headerRow === false ? 0 : 1)),
      );
      for (const sheet of measured) expect(sheet.short, sheet.name).toEqual([]);
    },
  );

  it('prints the checklist on the pages it needs, each under its header, numbered', async () => {
    const pages = await pageCount(file('checklist.pdf'));
    // LibreOffice printing the same sheet with every row at its own optimal height.
    const needed = await pageCount(file('checklist-optimal.pdf'));
    expect(needed).toBeGreaterThan(1);
    expect(pages).toBeGreaterThanOrEqual(needed);
    expect(pages).toBeLessThanOrEqual(Math.ceil(needed * 1.3));

    const words = await pdfWords(file('checklist.pdf'));
    expect(words).toHaveLength(pages);
    words.forEach((page, i) => {
      const text = squeeze(page.map((w) => w.text).join(''));
      for (const header of Object.values(CHECKLIST_HEADERS)) {
        expect(text, `page ${i + 1}`).toContain(squeeze(header['zh-TW']));
      }
      const top = Math.min(...page.map((w) => w.yMin));
      const no = page.find((w) => w.text === CHECKLIST_HEADERS.no['zh-TW']);
      expect(no?.yMin, `page ${i + 1}: the header row is at the top`).toBeCloseTo(top, 0);
      const footer = FOOTER.pages['zh-TW']
        .replace('{page}', String(i + 1))
        .replace('{pages}', String(pages));
      expect(text, `page ${i + 1}`).toContain(squeeze(footer));
    });
  });

  it('prints every item with its requirement and procedure whole, no text over other text', async () => {
    const words = await pdfWords(file('checklist.pdf'));
    words.forEach((page, i) => expect(overlaps(page), `page ${i + 1}`).toEqual([]));

    const printed = new Set(words.flat().map((w) => w.text));
    expect(demo.items.filter((item) => !printed.has(item.id)).map((item) => item.id)).toEqual([]);

    const checklist = sheetOf(zh, '查核項目');
    const longest = (key: string) =>
      checklist.rows
        .map((row) => row[columnIndex(checklist, key) - 1])
        .map((cell) => (typeof cell === 'string' ? cell : ''))
        .reduce((a, b) => (b.length > a.length ? b : a), '');
    const pages = words.map((page) => squeeze(page.map((w) => w.text).join('')));
    for (const key of ['requirement', 'procedure']) {
      const text = longest(key);
      expect(text.length).toBeGreaterThan(100);
      expect(
        pages.some((page) => page.includes(tailOf(text))),
        key,
      ).toBe(true);
    }
  });

  async function importBack(name: string): Promise<WorkpaperDiff> {
    const bytes = new Uint8Array(await readFile(file(name)));
    const reading = await readWorkpaperEdits(bytes, { inspectionId: demo.inspection.id });
    if (!reading.ok) throw new Error(`refused: ${reading.kind} ${reading.detail ?? ''}`);
    return diffWorkpaper(reading, demo);
  }

  it.each(['zh-resaved.xlsx', 'zh-streamed-resaved.xlsx', 'en-resaved.xlsx'])(
    'imports a file resaved unchanged by LibreOffice with no change (%s)',
    async (name) => {
      const diff = await importBack(name);
      expect(diff.records).toEqual([]);
      expect(diff.ignored).toEqual([]);
    },
  );

  it('imports a file edited in LibreOffice with exactly the edits made there', async () => {
    const diff = await importBack('zh-edited.xlsx');
    expect(
      diff.records.map((record) => ({
        id: record.id,
        changes: record.changes.map((c) => ({ field: c.field, before: c.before, after: c.after })),
        errors: record.errors,
      })),
    ).toEqual([
      {
        id: expected.resultId,
        changes: [
          { field: 'result', ...expected.result },
          { field: 'workPerformed', ...expected.workPerformed },
        ],
        errors: [],
      },
      { id: expected.findingId, changes: [{ field: 'dueDate', ...expected.dueDate }], errors: [] },
    ]);
    expect(
      diff.ignored.map(({ sheet, cell, scope, reason }) => ({ sheet, cell, scope, reason })),
    ).toEqual([
      { sheet: '封面', cell: expect.any(String) as string, scope: 'sheet', reason: 'cover-sheet' },
      { sheet: '查核項目', cell: expected.lockedCell, scope: 'cell', reason: 'locked-column' },
    ]);
  });
});
