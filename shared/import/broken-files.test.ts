/**
 * The deliberately broken files, end to end through what the import worker does:
 * read the file, find the header, map the columns, validate every row. Each must give a
 * row-precise (or line-precise) error and commit nothing: the stand-in store below is written
 * only when the whole file is clean, as the real commit will be (one transaction, all or none).
 */
import { describe, expect, it } from 'vitest';
import { encodeBig5 } from './big5-encode';
import { ImportError } from './errors';
import { ROSTER_FIELDS } from './fields';
import {
  findHeaderRow,
  suggestMapping,
  validateRows,
  type RowError,
  type ValidRow,
} from './mapping';
import { readTable, type ReadTableOptions } from './table';
import { buildXlsx, type XlsxCellInput } from './xlsx-read';

type Outcome =
  | { kind: 'file-error'; error: ImportError }
  | { kind: 'row-errors'; errors: RowError[] }
  | { kind: 'committed'; rows: ValidRow[] };

async function importInto(
  store: ValidRow[][],
  bytes: Uint8Array,
  options: ReadTableOptions = {},
): Promise<Outcome> {
  let rows: string[][];
  try {
    rows = (await readTable(bytes, options)).rows;
  } catch (error) {
    if (error instanceof ImportError) return { kind: 'file-error', error };
    throw error;
  }
  const headerIndex = findHeaderRow(rows, ROSTER_FIELDS);
  const headers = rows[headerIndex] ?? [];
  const mapping = suggestMapping(headers, ROSTER_FIELDS).fields;
  const result = validateRows(rows.slice(headerIndex + 1), headers, mapping, ROSTER_FIELDS, {
    firstRowNumber: headerIndex + 2,
    uniqueKey: ['personId'],
  });
  if (result.errorCount > 0) return { kind: 'row-errors', errors: result.errors };
  store.push(result.valid);
  return { kind: 'committed', rows: result.valid };
}

const HEADER = ['員工編號', '姓名', '身分證字號', '部門', '到職日'];
const GOOD = [
  ['E001', '王小明', 'A123456789', '資訊處', '2019-04-01'],
  ['E002', '陳美玲', 'B234567894', '稽核室', '108/04/01'],
  ['E003', '林志明', 'F901234566', '資訊處', '民國110年1月4日'],
];

const csv = (rows: readonly (readonly string[])[]) =>
  rows.map((row) => row.join(',')).join('\r\n') + '\r\n';
const utf8 = (text: string) => new TextEncoder().encode(text);

function expectRowErrors(outcome: Outcome): RowError[] {
  expect(outcome.kind).toBe('row-errors');
  return outcome.kind === 'row-errors' ? outcome.errors : [];
}

function expectFileError(outcome: Outcome): ImportError {
  expect(outcome.kind).toBe('file-error');
  if (outcome.kind !== 'file-error') throw new Error('no file error');
  return outcome.error;
}

describe('importing broken files writes nothing', () => {
  it('commits a clean file, from UTF-8, Big5 or Excel alike, with the same keys', async () => {
    const store: ValidRow[][] = [];
    const text = csv([HEADER, ...GOOD]);
    const cells: XlsxCellInput[][] = [HEADER, ...GOOD];
    const outcomes = [
      await importInto(store, utf8(`\uFEFF${text}`)),
      await importInto(store, encodeBig5(text)),
      await importInto(store, await buildXlsx([{ name: '名冊', rows: cells }])),
    ];
    expect(outcomes.map((o) => o.kind)).toEqual(['committed', 'committed', 'committed']);
    expect(store).toHaveLength(3);
    // Re-importing the same roster in any form yields the same natural keys (no duplicates).
    const keys = store.map((rows) => rows.map((r) => r.key));
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).toEqual(keys[0]);
    expect(store[0]?.map((r) => r.values.hireDate)).toEqual([
      '2019-04-01',
      '2019-04-01',
      '2021-01-04',
    ]);
  });

  it('bad header: a required column is missing, named on row 1', async () => {
    const store: ValidRow[][] = [];
    const rows = [
      HEADER.filter((h) => h !== '身分證字號'),
      ...GOOD.map((r) => r.filter((_, i) => i !== 2)),
    ];
    const errors = expectRowErrors(await importInto(store, utf8(csv(rows))));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rowNumber: 1, column: null, field: 'personId' });
    expect(errors[0]?.message['zh-TW']).toBe('缺少必填欄位「身分證字號」：沒有對應的欄。');
    expect(errors[0]?.message.en).toContain('"National ID number"');
    expect(store).toEqual([]);
  });

  it('bad ID: the row, column C and the reason; the value masked', async () => {
    const store: ValidRow[][] = [];
    const rows = [HEADER, GOOD[0] ?? [], ['E002', '陳美玲', 'B234567895', '稽核室', '2020-01-01']];
    const errors = expectRowErrors(await importInto(store, utf8(csv(rows))));
    expect(errors).toEqual([
      {
        rowNumber: 3,
        column: { header: '身分證字號', letter: 'C' },
        field: 'personId',
        value: 'B23****895',
        message: {
          'zh-TW': '檢查碼不符，號碼可能輸入錯誤。',
          en: 'The check digit does not match; the number is probably mistyped.',
        },
      },
    ]);
    expect(store).toEqual([]);
  });

  it('wrong dates: 2025-02-30 and 114/13/01, each on its row in column E', async () => {
    const store: ValidRow[][] = [];
    const rows = [
      HEADER,
      ['E001', '王小明', 'A123456789', '資訊處', '2025-02-30'],
      ['E002', '陳美玲', 'B234567894', '稽核室', '114/13/01'],
      GOOD[2] ?? [],
    ];
    const errors = expectRowErrors(await importInto(store, utf8(csv(rows))));
    expect(errors.map((e) => [e.rowNumber, e.column?.letter, e.value, e.message.en])).toEqual([
      [2, 'E', '2025-02-30', 'February 2025 has 28 days; there is no day 30.'],
      [3, 'E', '114/13/01', 'Month 13 does not exist (1–12).'],
    ]);
    expect(store).toEqual([]);
  });

  it('wrong dates in a workbook keep Excel row numbers below a title', async () => {
    const store: ValidRow[][] = [];
    const cells: XlsxCellInput[][] = [
      ['○○人壽 員工名冊'],
      [],
      HEADER,
      GOOD[0] ?? [],
      ['E002', '陳美玲', 'B234567894', '稽核室', '114/13/01'],
    ];
    const errors = expectRowErrors(
      await importInto(store, await buildXlsx([{ name: 'S', rows: cells }])),
    );
    expect(errors.map((e) => [e.rowNumber, e.column?.letter])).toEqual([[5, 'E']]);
    expect(store).toEqual([]);
  });

  it('duplicate IDs: both rows named', async () => {
    const store: ValidRow[][] = [];
    const rows = [HEADER, ...GOOD, ['E004', '王小明', 'a123456789', '資訊處', '2024-01-02']];
    const errors = expectRowErrors(await importInto(store, utf8(csv(rows))));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rowNumber: 5, duplicateOf: 2 });
    expect(errors[0]?.message.en).toBe('Duplicate: rows 2 and 5 have the same key.');
    expect(store).toEqual([]);
  });

  it('mixed encodings: the line where Big5 starts in a UTF-8 file', async () => {
    const store: ValidRow[][] = [];
    const head = utf8(csv([HEADER, GOOD[0] ?? []]));
    const tail = encodeBig5(csv([GOOD[1] ?? [], GOOD[2] ?? []]));
    const bytes = new Uint8Array(head.length + tail.length);
    bytes.set(head);
    bytes.set(tail, head.length);
    const error = expectFileError(await importInto(store, bytes));
    expect(error).toMatchObject({ code: 'mixed-encodings', line: 3 });
    expect(error.text.en).toContain('line 3 is not');
    // Choosing an encoding by hand does not get around it.
    expect(expectFileError(await importInto(store, bytes, { encoding: 'big5' })).code).toBe(
      'mixed-encodings',
    );
    expect(store).toEqual([]);
  });

  it('an unterminated quote: the line where it opens', async () => {
    const store: ValidRow[][] = [];
    const text = `${csv([HEADER, GOOD[0] ?? []])}E002,"陳美玲,B234567894,稽核室,2020-01-01\r\n${csv([GOOD[2] ?? []])}`;
    const error = expectFileError(await importInto(store, utf8(text)));
    expect(error).toMatchObject({ code: 'unterminated-quote', line: 3 });
    expect(store).toEqual([]);
  });

  it('a truncated workbook: damaged or truncated', async () => {
    const store: ValidRow[][] = [];
    const bytes = await buildXlsx([{ name: '名冊', rows: [HEADER, ...GOOD] }]);
    const error = expectFileError(await importInto(store, bytes.subarray(0, bytes.length >> 1)));
    expect(error.code).toBe('damaged');
    expect(error.text['zh-TW']).toContain('已損壞或不完整');
    expect(store).toEqual([]);
  });

  it('a password-protected workbook (an OLE container): says so', async () => {
    const store: ValidRow[][] = [];
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const error = expectFileError(await importInto(store, bytes));
    expect(error.code).toBe('password-protected');
    expect(store).toEqual([]);
  });

  it('a 50 MiB + 1 byte file: refused before it is parsed', async () => {
    const store: ValidRow[][] = [];
    const error = expectFileError(await importInto(store, new Uint8Array(50 * 1024 * 1024 + 1)));
    expect(error.code).toBe('too-large');
    expect(store).toEqual([]);
  });
});
