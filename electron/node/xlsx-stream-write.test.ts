/**
 * The streaming writer against the in-memory one: both write the same workbook (values, types,
 * styles, sheet settings), read back through exceljs as the tests of `writeWorkbook` do; the
 * round-trip import accepts the streamed file; and an aborted or failed write leaves no file.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asIsoDate } from '../../shared/domain/dates';
import { buildInspectionWorkbook } from '../../shared/workpapers/build-inspection';
import { decryptOoxml, isEncryptedOoxml } from '../../shared/workpapers/encryption';
import { META_SHEET_NAME } from '../../shared/workpapers/meta';
import {
  WorkbookSpecError,
  type SheetSpec,
  type WorkbookSpec,
} from '../../shared/workpapers/model';
import { readWorkpaperEdits } from '../../shared/workpapers/roundtrip';
import { DEFAULT_ROW_HEIGHT } from '../../shared/workpapers/row-height';
import { registerInput } from '../../shared/workpapers/testing/factories';
import {
  conditionalFormats,
  readBack,
  sheetNames,
  sheetProtection,
  ValueType,
  type ReadWorkbook,
  type ReadWorksheet,
} from '../../shared/workpapers/testing/read-back';
import { sheetSpec, workbookSpec } from '../../shared/workpapers/testing/specs';
import { writeWorkbook } from '../../shared/workpapers/xlsx-write';
import { BATCH_ROWS, streamWorkbook, temporaryPathFor } from './xlsx-stream-write';

/** Text that trips up XML, exceljs or a spreadsheet if written carelessly. */
const AWKWARD = [
  '=HYPERLINK("http://x","y")',
  '+1+1',
  '-2',
  '@SUM(A1)',
  'R&D &amp; &lt;b&gt; <x> "q" \'a\'',
  '  leading and trailing  ',
  'two\nlines',
  '全形　空白與「引號」',
  '',
];

/** Every feature of a sheet description, with awkward text and every kind of value. */
function featureSpec(rows = 40): WorkbookSpec {
  const body = Array.from({ length: rows }, (_, r) => [
    `A-${r + 1}`,
    r % 3 === 0 ? '符合' : null,
    { text: AWKWARD[r % AWKWARD.length] ?? '' },
    r % 4 === 0 ? null : { date: asIsoDate(`2025-0${(r % 9) + 1}-1${r % 10}`) },
    r % 2 === 0 ? '待改善' : '已結案',
  ]);
  const data: SheetSpec = sheetSpec({
    name: '查核項目',
    rows: body,
    autoFilter: true,
    print: {
      landscape: true,
      fitToWidth: 1,
      repeatHeaderRows: 1,
      footer: { left: '機密 & 內部', right: '第 {page} 頁，共 {pages} 頁' },
    },
    validations: [{ column: 'result', allowed: ['符合', '不符合', '不適用'] }],
    conditional: [
      { column: 'result', kind: 'equals', value: '不符合', style: 'deficient' },
      {
        column: 'due',
        kind: 'date-before',
        value: '2025-03-05',
        style: 'overdue',
        unless: { column: 'status', equals: '已結案' },
      },
      { column: 'status', kind: 'not-empty', value: '', style: 'ok', wholeRow: true },
    ],
    protect: false,
  });
  const cover: SheetSpec = {
    name: '封面',
    state: 'visible',
    headerRow: false,
    frozenRows: 0,
    columns: [
      { key: 'label', header: '項目', width: 20 },
      { key: 'value', header: '內容', width: 60, wrap: true },
    ],
    rows: [
      ['稽核工作底稿', null],
      ['受查單位', { text: '示範產物保險 & 子公司' }],
      ['簽核', null],
      ['筆數', 42],
      ['已結案', true],
    ],
    rowKinds: ['title', 'section', 'sign', 'data', 'data'],
    protect: true,
  };
  const hidden: SheetSpec = {
    ...sheetSpec({ name: '_hidden', rows: [['k', { text: '{"a":"&amp;"}' }, null, null, 1]] }),
    state: 'veryHidden',
    frozenRows: 0,
    protect: true,
  };
  return workbookSpec([cover, data, hidden]);
}

/** A cell value as a string where it is text, whichever way the writer stored it. */
function plain(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && 'richText' in value) {
    return (value as { richText: { text: string }[] }).richText.map((run) => run.text).join('');
  }
  return value ?? null;
}

/** A cell's type, text being text whether stored as a shared string or inline. */
function cellType(type: (typeof ValueType)[keyof typeof ValueType]) {
  return type === ValueType.RichText ? ValueType.String : type;
}

/** Everything of a read-back sheet the two writers must agree on. */
function describeSheet(ws: ReadWorksheet) {
  const cells: unknown[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const line: unknown[] = [row.height];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      const { numFmt, font, fill, alignment, border, protection } = cell.style;
      line.push({
        value: plain(cell.value),
        type: cellType(cell.type),
        style: { numFmt, font, fill, alignment, border, protection },
      });
    }
    cells.push(line);
  }
  const columns = ws.columns.map((column) => ({
    width: column.width,
    style: column.style,
  }));
  const { dataValidations } = ws as unknown as { dataValidations: { model: unknown } };
  return {
    name: ws.name,
    state: ws.state,
    views: ws.views,
    autoFilter: ws.autoFilter,
    pageSetup: ws.pageSetup,
    headerFooter: ws.headerFooter,
    columns,
    cells,
    validations: dataValidations.model,
    conditional: conditionalFormats(ws),
    protection: sheetProtection(ws),
  };
}

function describeWorkbook(workbook: ReadWorkbook) {
  return {
    title: workbook.title,
    creator: workbook.creator,
    created: workbook.created,
    views: workbook.views,
    sheets: sheetNames(workbook),
    definedNames: (workbook as unknown as { definedNames: { model: unknown } }).definedNames.model,
  };
}

/** The child elements of `<worksheet>` in each sheet's XML, in file order. */
async function sheetElements(bytes: Uint8Array): Promise<string[][]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const out: string[][] = [];
  for (const name of names) {
    const xml = (await zip.file(name)?.async('string')) ?? '';
    const children: string[] = [];
    let depth = 0;
    for (const [, close, tag, selfClosing] of xml.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
      if (close === '/') {
        depth -= 1;
        continue;
      }
      if (depth === 1) children.push(tag ?? '');
      if (selfClosing !== '/') depth += 1;
    }
    out.push(children);
  }
  return out;
}

describe('streamWorkbook', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'aw-stream-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function bothWriters(spec: WorkbookSpec) {
    const target = path.join(dir, 'streamed.xlsx');
    const result = await streamWorkbook(spec, target);
    const streamed = await readFile(target);
    expect(result.bytes).toBe(streamed.byteLength);
    return {
      streamed: new Uint8Array(streamed),
      memory: await writeWorkbook(spec),
    };
  }

  it('writes what writeWorkbook writes: values, types, styles and sheet settings', async () => {
    const { streamed, memory } = await bothWriters(featureSpec());
    const [a, b] = await Promise.all([readBack(streamed), readBack(memory)]);
    expect(describeWorkbook(a)).toEqual(describeWorkbook(b));
    expect(sheetNames(a)).toEqual(['封面', '查核項目', '_hidden']);
    for (const name of sheetNames(b)) {
      const ws = a.getWorksheet(name);
      const expected = b.getWorksheet(name);
      if (ws === undefined || expected === undefined) throw new Error(`no sheet ${name}`);
      expect(describeSheet(ws), name).toEqual(describeSheet(expected));
    }
    // The features are really there, not merely equally absent.
    const data = a.getWorksheet('查核項目');
    expect(data?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data?.autoFilter).toBe('A1:E41');
    expect(data?.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '1:1' });
    expect(data?.getCell('B2').dataValidation).toMatchObject({ type: 'list' });
    expect(data && conditionalFormats(data).map((format) => format.ref)).toEqual([
      'B2:B41',
      'D2:D41',
      'A2:E41',
    ]);
    expect(a.getWorksheet('_hidden')?.state).toBe('veryHidden');
    expect(a.getWorksheet('封面')?.getRow(1).height).toBe(30);
    // 'two\nlines' (row 8) wraps in the notes column: both writers make its row taller.
    expect(data?.getRow(8).height).toBeGreaterThan(DEFAULT_ROW_HEIGHT);
  });

  it("puts the sheet XML's parts in the schema's order, as writeWorkbook does", async () => {
    const { streamed, memory } = await bothWriters(featureSpec());
    const expected = (await sheetElements(memory)).map((children) =>
      // The in-memory writer adds the optional used range; the streaming one cannot know it first.
      children.filter((name) => name !== 'dimension'),
    );
    const actual = await sheetElements(streamed);
    expect(actual).toEqual(expected);
    expect(actual[1]).toEqual([
      'sheetPr',
      'sheetViews',
      'sheetFormatPr',
      'cols',
      'sheetData',
      'autoFilter',
      'conditionalFormatting',
      'conditionalFormatting',
      'conditionalFormatting',
      'dataValidations',
      'printOptions',
      'pageMargins',
      'pageSetup',
      'headerFooter',
    ]);
    const cover = actual[0] ?? [];
    expect(cover.indexOf('sheetProtection')).toBe(cover.indexOf('sheetData') + 1);
  });

  it('stores user text as text, never as a formula, verbatim', async () => {
    const { streamed } = await bothWriters(featureSpec());
    const ws = (await readBack(streamed)).getWorksheet('查核項目');
    const texts = Array.from({ length: AWKWARD.length }, (_, r) => ws?.getCell(`C${r + 2}`));
    expect(texts.map((cell) => cell?.formula)).toEqual(AWKWARD.map(() => undefined));
    expect(texts.map((cell) => plain(cell?.value))).toEqual(AWKWARD);
  });

  it('writes the inspection workpaper, registers included, cell for cell as writeWorkbook', async () => {
    const input = await registerInput();
    const { spec } = await buildInspectionWorkbook(input, {
      lang: 'zh-TW',
      calendar: 'roc',
      includePersonalData: false,
    });
    const { streamed, memory } = await bothWriters(spec);
    const [a, b] = await Promise.all([readBack(streamed), readBack(memory)]);
    expect(sheetNames(a)).toEqual(spec.sheets.map((sheet) => sheet.name));
    expect(sheetNames(a).at(-1)).toBe(META_SHEET_NAME);
    expect(a.getWorksheet(META_SHEET_NAME)?.state).toBe('veryHidden');
    expect(await sheetElements(streamed)).toEqual(
      (await sheetElements(memory)).map((children) => children.filter((n) => n !== 'dimension')),
    );
    for (const name of sheetNames(b)) {
      const ws = a.getWorksheet(name);
      const expected = b.getWorksheet(name);
      if (ws === undefined || expected === undefined) throw new Error(`no sheet ${name}`);
      expect(describeSheet(ws), name).toEqual(describeSheet(expected));
    }

    // The import takes the streamed file as its own: the meta sheet verifies, nothing changed.
    const reading = await readWorkpaperEdits(streamed, { inspectionId: input.inspection.id });
    if (!reading.ok) throw new Error(`refused: ${reading.kind}`);
    expect(reading.ignored).toEqual([]);
    expect(reading.rows.length).toBeGreaterThan(0);
    expect(reading.rows.filter((row) => row.lockedChanged || row.editableChanged)).toEqual([]);
  });

  it('reports progress over all rows, ending at the total', async () => {
    const spec = featureSpec(BATCH_ROWS * 2 + 7);
    const total = spec.sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
    const seen: [number, number][] = [];
    await streamWorkbook(spec, path.join(dir, 'progress.xlsx'), {
      onProgress: (written, of) => seen.push([written, of]),
    });
    expect(seen[0]).toEqual([0, total]);
    expect(seen.at(-1)).toEqual([total, total]);
    expect(seen.map(([written]) => written)).toEqual(
      [...seen.map(([written]) => written)].sort((x, y) => x - y),
    );
    expect(seen.some(([written]) => written === BATCH_ROWS)).toBe(true);
  });

  it('leaves no file at all when aborted mid-way', async () => {
    const controller = new AbortController();
    const target = path.join(dir, 'aborted.xlsx');
    const write = streamWorkbook(featureSpec(BATCH_ROWS * 6), target, {
      signal: controller.signal,
      onProgress: (written) => {
        if (written >= BATCH_ROWS * 2) controller.abort();
      },
    });
    await expect(write).rejects.toMatchObject({ name: 'AbortError' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the existing file when aborted, and replaces it when done', async () => {
    const target = path.join(dir, 'existing.xlsx');
    await writeFile(target, 'previous');
    const controller = new AbortController();
    controller.abort();
    await expect(
      streamWorkbook(featureSpec(), target, { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(await readFile(target, 'utf8')).toBe('previous');

    await streamWorkbook(featureSpec(), target);
    expect(await readdir(dir)).toEqual(['existing.xlsx']);
    expect((await readFile(target)).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses an invalid description before creating anything', async () => {
    const spec = workbookSpec([sheetSpec(), sheetSpec()]);
    await expect(streamWorkbook(spec, path.join(dir, 'bad.xlsx'))).rejects.toBeInstanceOf(
      WorkbookSpecError,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a folder that does not exist as an error, leaving nothing', async () => {
    const target = path.join(dir, 'missing', 'a.xlsx');
    await expect(streamWorkbook(featureSpec(), target)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a target it cannot replace, removing its temporary file', async () => {
    const target = path.join(dir, 'a-folder.xlsx');
    await mkdir(target);
    await expect(streamWorkbook(featureSpec(), target)).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['a-folder.xlsx']);
  });

  it('encrypts with a password, without a clear copy on disk, readable with the password', async () => {
    const target = path.join(dir, 'protected.xlsx');
    const spec = featureSpec();
    const result = await streamWorkbook(spec, target, { password: 'workpaper password' });
    const bytes = new Uint8Array(await readFile(target));
    expect(result.bytes).toBe(bytes.byteLength);
    expect(isEncryptedOoxml(bytes)).toBe(true);
    expect(await readdir(dir)).toEqual(['protected.xlsx']);
    const [a, b] = await Promise.all([
      readBack(await decryptOoxml(bytes, 'workpaper password')),
      readBack(await writeWorkbook(spec)),
    ]);
    for (const name of sheetNames(b)) {
      const ws = a.getWorksheet(name);
      const expected = b.getWorksheet(name);
      if (ws === undefined || expected === undefined) throw new Error(`no sheet ${name}`);
      expect(describeSheet(ws), name).toEqual(describeSheet(expected));
    }
  }, 60_000);

  it('names its temporary file beside the target, hidden and unique', () => {
    const target = path.join(dir, '工作底稿.xlsx');
    const first = temporaryPathFor(target);
    expect(path.dirname(first)).toBe(dir);
    expect(path.basename(first)).toMatch(/^\.工作底稿\.xlsx\.[0-9a-f]{12}\.tmp$/);
    expect(temporaryPathFor(target)).not.toBe(first);
  });
});
