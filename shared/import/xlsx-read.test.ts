import { describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { buildXlsx, readXlsx, type XlsxSheetInput } from './xlsx-read';

async function importError(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

/**
 * A minimal Compound File (OLE2) with 512-byte sectors: header, one FAT sector (sector 0), one
 * directory sector (sector 1) holding the given entry names. Encrypted .xlsx files are such
 * containers with `EncryptionInfo` and `EncryptedPackage` streams.
 */
function fakeCompoundFile(names: readonly string[]): Uint8Array {
  const bytes = new Uint8Array(512 * 3);
  const view = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(24, 0x3e, true); // minor version
  view.setUint16(26, 3, true); // major version 3: 512-byte sectors
  view.setUint16(28, 0xfffe, true); // little-endian
  view.setUint16(30, 9, true); // sector shift
  view.setUint16(32, 6, true); // mini sector shift
  view.setUint32(44, 1, true); // one FAT sector
  view.setUint32(48, 1, true); // directory starts in sector 1
  view.setUint32(56, 4096, true); // mini stream cutoff
  view.setUint32(60, 0xfffffffe, true); // no mini FAT
  view.setUint32(68, 0xfffffffe, true); // no DIFAT sectors
  for (let i = 0; i < 109; i++) view.setUint32(76 + i * 4, 0xffffffff, true);
  view.setUint32(76, 0, true); // the FAT is sector 0
  const fat = 512;
  view.setUint32(fat, 0xfffffffd, true); // sector 0: FAT
  view.setUint32(fat + 4, 0xfffffffe, true); // sector 1: end of the directory chain
  for (let i = 2; i < 128; i++) view.setUint32(fat + i * 4, 0xffffffff, true);
  const directory = 1024;
  ['Root Entry', ...names].slice(0, 4).forEach((name, i) => {
    const entry = directory + i * 128;
    for (let k = 0; k < name.length; k++) view.setUint16(entry + k * 2, name.charCodeAt(k), true);
    view.setUint16(entry + 64, (name.length + 1) * 2, true);
    bytes[entry + 66] = i === 0 ? 5 : 2; // root storage, then streams
  });
  return bytes;
}

const ROSTER: XlsxSheetInput = {
  name: '員工名冊',
  rows: [
    ['員工編號', '姓名', '身分證字號', '到職日'],
    ['E001', '王小明', 'A123456789', new Date(Date.UTC(2019, 3, 1))],
    ['E002', '陳美玲', 'B234567894', new Date(Date.UTC(2021, 10, 15))],
  ],
};

describe('readXlsx: cell text', () => {
  it('reads the first worksheet as rows of text', async () => {
    const table = await readXlsx(await buildXlsx([ROSTER]));
    expect(table).toEqual({
      sheetName: '員工名冊',
      sheetNames: ['員工名冊'],
      rows: [
        ['員工編號', '姓名', '身分證字號', '到職日'],
        ['E001', '王小明', 'A123456789', '2019-04-01'],
        ['E002', '陳美玲', 'B234567894', '2021-11-15'],
      ],
      issues: [],
    });
  });

  it('writes numbers as Excel shows them, without floating-point noise', async () => {
    const bytes = await buildXlsx([
      { name: 'n', rows: [[0.1 + 0.2, 42, -0, 123456789012, 1.5e-3, 912345678, -7.25]] },
    ]);
    expect((await readXlsx(bytes)).rows[0]).toEqual([
      '0.3',
      '42',
      '0',
      '123456789012',
      '0.0015',
      '912345678',
      '-7.25',
    ]);
  });

  it('writes dates as ISO dates, with the time only when there is one', async () => {
    const bytes = await buildXlsx([
      {
        name: 'd',
        dateFormat: 'yyyy/m/d h:mm',
        rows: [[new Date(Date.UTC(2025, 2, 5)), new Date(Date.UTC(2025, 2, 5, 13, 4, 5))]],
      },
    ]);
    expect((await readXlsx(bytes)).rows[0]).toEqual(['2025-03-05', '2025-03-05 13:04:05']);
  });

  it('reads rich text, hyperlinks and booleans as Excel shows them', async () => {
    const bytes = await buildXlsx([
      {
        name: 'r',
        rows: [
          [
            { richText: [{ text: '王' }, { text: '小明' }] },
            { text: 'wang@example.tw', hyperlink: 'mailto:wang@example.tw' },
            true,
            false,
          ],
        ],
      },
    ]);
    expect((await readXlsx(bytes)).rows[0]).toEqual(['王小明', 'wang@example.tw', 'TRUE', 'FALSE']);
  });

  it('reads a formula as its cached result, never the formula', async () => {
    const bytes = await buildXlsx([
      {
        name: 'f',
        rows: [
          [
            { formula: 'A2&B2', result: 'E001王小明' },
            { formula: '1/3', result: 1 / 3 },
            { formula: 'DATE(2025,3,5)', result: new Date(Date.UTC(2025, 2, 5)) },
          ],
        ],
      },
    ]);
    const table = await readXlsx(bytes);
    expect(table.rows[0]).toEqual(['E001王小明', '0.333333333333333', '2025-03-05']);
    expect(JSON.stringify(table.rows)).not.toContain('A2&B2');
  });

  it('reports formulas without a saved result and error values', async () => {
    const bytes = await buildXlsx([
      { name: 'e', rows: [['ok'], [{ formula: 'SUM(A1:A1)' }, { error: '#N/A' }]] },
    ]);
    const table = await readXlsx(bytes);
    expect(table.rows).toEqual([['ok'], ['', '#N/A']]);
    expect(
      table.issues.map(({ rowNumber, column, code }) => ({ rowNumber, column, code })),
    ).toEqual([
      { rowNumber: 2, column: 'A', code: 'formula-without-result' },
      { rowNumber: 2, column: 'B', code: 'error-value' },
    ]);
  });

  it('keeps Excel row numbers: empty rows stay, gaps between cells are empty strings', async () => {
    const bytes = await buildXlsx([
      { name: 'g', rows: [['title'], [], ['a', null, 'c'], [], ['d']] },
    ]);
    expect((await readXlsx(bytes)).rows).toEqual([['title'], [], ['a', '', 'c'], [], ['d']]);
  });
});

describe('readXlsx: worksheets', () => {
  const sheets: XlsxSheetInput[] = [
    { name: '設定', state: 'hidden', rows: [['hidden']] },
    { name: '名冊', rows: [['visible']] },
    { name: '資產', rows: [['assets']] },
  ];

  it('takes the first visible worksheet by default', async () => {
    const table = await readXlsx(await buildXlsx(sheets));
    expect(table.sheetName).toBe('名冊');
    expect(table.sheetNames).toEqual(['設定', '名冊', '資產']);
    expect(table.rows).toEqual([['visible']]);
  });

  it('takes a worksheet by name, hidden ones included', async () => {
    const bytes = await buildXlsx(sheets);
    expect((await readXlsx(bytes, { sheet: '資產' })).rows).toEqual([['assets']]);
    expect((await readXlsx(bytes, { sheet: '設定' })).rows).toEqual([['hidden']]);
  });

  it('lists the worksheets when the name is wrong', async () => {
    const error = await importError(readXlsx(await buildXlsx(sheets), { sheet: 'Roster' }));
    expect(error.code).toBe('sheet-not-found');
    expect(error.text.en).toBe(
      'There is no worksheet "Roster"; the workbook has: "設定", "名冊", "資產".',
    );
  });

  it('refuses a workbook without worksheets and an empty worksheet', async () => {
    expect((await importError(readXlsx(await buildXlsx([])))).code).toBe('empty-workbook');
    const empty = await importError(readXlsx(await buildXlsx([{ name: '空白', rows: [] }])));
    expect(empty.code).toBe('empty-sheet');
    expect(empty.text['zh-TW']).toBe('工作表「空白」沒有資料。');
  });

  it('accepts an ArrayBuffer and a view into a larger buffer', async () => {
    const bytes = await buildXlsx([ROSTER]);
    const padded = new Uint8Array(bytes.length + 16);
    padded.set(bytes, 8);
    expect((await readXlsx(padded.subarray(8, 8 + bytes.length))).rows).toHaveLength(3);
    expect((await readXlsx(bytes.slice().buffer)).rows).toHaveLength(3);
  });
});

describe('readXlsx: files it refuses', () => {
  it('calls a truncated file damaged, wherever it is cut', async () => {
    const bytes = await buildXlsx([ROSTER]);
    const half = await importError(readXlsx(bytes.subarray(0, bytes.length >> 1)));
    expect(half.code).toBe('damaged');
    expect(half.text.en).toContain('damaged or truncated');
    for (const fraction of [0.001, 0.1, 0.5, 0.9, 0.99]) {
      const cut = bytes.subarray(0, Math.max(1, Math.floor(bytes.length * fraction)));
      expect((await importError(readXlsx(cut))).code, `cut at ${fraction}`).toBe('damaged');
    }
    expect((await importError(readXlsx(bytes.subarray(0, bytes.length - 1)))).code).toBe('damaged');
  });

  it('calls a file damaged when exceljs cannot read it, keeping the cause', async () => {
    const bytes = (await buildXlsx([ROSTER])).slice();
    // Wreck the compressed data of the worksheet; the ZIP's directory still looks fine.
    const view = new DataView(bytes.buffer);
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    let wrecked = false;
    for (let at = 0; at < bytes.length - 30 && !wrecked; at++) {
      if (view.getUint32(at, true) !== 0x04034b50) continue;
      const nameLength = view.getUint16(at + 26, true);
      const extraLength = view.getUint16(at + 28, true);
      const found = bytes.subarray(at + 30, at + 30 + nameLength);
      if (found.length !== name.length || !name.every((b, k) => found[k] === b)) continue;
      const data = at + 30 + nameLength + extraLength;
      bytes.fill(0xff, data, data + Math.min(64, view.getUint32(at + 18, true)));
      wrecked = true;
    }
    expect(wrecked).toBe(true);
    const error = await importError(readXlsx(bytes));
    expect(error.code).toBe('damaged');
    expect(error.cause).toBeDefined();
  });

  it('recognises a password-protected workbook before exceljs sees it', async () => {
    const error = await importError(
      readXlsx(fakeCompoundFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces'])),
    );
    expect(error.code).toBe('password-protected');
    expect(error.text['zh-TW']).toContain('密碼保護');
    expect(error.text.en).toContain('password-protected');
  });

  it('calls a bare Compound File header password-protected too', async () => {
    const header = fakeCompoundFile([]).subarray(0, 8);
    expect((await importError(readXlsx(header))).code).toBe('password-protected');
  });

  it('tells a legacy .xls and other Office files apart', async () => {
    expect((await importError(readXlsx(fakeCompoundFile(['Workbook'])))).code).toBe('legacy-xls');
    expect((await importError(readXlsx(fakeCompoundFile(['WordDocument'])))).code).toBe('not-xlsx');
  });

  it('refuses CSV text and ZIP archives that are not workbooks', async () => {
    const csv = new TextEncoder().encode('員工編號,姓名\nE001,王小明\n');
    expect((await importError(readXlsx(csv))).code).toBe('not-xlsx');
    // The same archive with its workbook part renamed (names in the headers only).
    const bytes = (await buildXlsx([ROSTER])).slice();
    const from = new TextEncoder().encode('xl/workbook.xml');
    const to = new TextEncoder().encode('xl/workbooX.xml');
    for (let at = 0; at + from.length <= bytes.length; at++) {
      if (from.every((b, k) => bytes[at + k] === b)) bytes.set(to, at);
    }
    expect((await importError(readXlsx(bytes))).code).toBe('not-xlsx');
  });

  it('refuses a file over 50 MiB before parsing it', async () => {
    const oversized = new Uint8Array(50 * 1024 * 1024 + 1);
    const error = await importError(readXlsx(oversized));
    // Zeros are no workbook: only a size check that comes first says 'too-large'.
    expect(error.code).toBe('too-large');
    expect(error.text.en).toContain('limit is 50.0 MiB');
    expect(error.text['zh-TW']).toContain('上限為 50.0 MiB');
  });

  it('refuses a workbook that would unpack to more than the limit', async () => {
    const bytes = await buildXlsx([ROSTER]);
    const error = await importError(readXlsx(bytes, { maxUnpackedBytes: 1000 }));
    expect(error.code).toBe('unpacked-too-large');
    expect(error.text.en).toContain('over the limit of 1 KiB');
  });
});
