import { describe, expect, it } from 'vitest';
import { ROSTER_FIELDS } from '../../../shared/import';
import { encodeBig5 } from '../../../shared/import/big5-encode';
import { buildXlsx } from '../../../shared/import/xlsx-read';
import { analyseFile, validateFile } from './import-job';

const CSV = [
  '人事系統匯出 2025-12-31',
  '員編,姓名,身分證字號,部門,到職日',
  'E001,王小明,A123456789,資訊室,2020/01/02',
  'E002,李小華,A123456788,資訊室,109/03/04',
  'E003,陳大文,B123456780,總務,2021-05-06',
].join('\r\n');

describe('import job', () => {
  it('reads a Big5 roster with a title row, finds the header and suggests the mapping', async () => {
    const analysis = await analyseFile({
      kind: 'analyse',
      bytes: encodeBig5(CSV),
      options: {},
      fields: ROSTER_FIELDS,
      preset: null,
    });
    expect(analysis).toMatchObject({
      format: 'csv',
      encoding: 'big5',
      headerRowIndex: 1,
      headers: ['員編', '姓名', '身分證字號', '部門', '到職日'],
      dataRowCount: 3,
    });
    expect(analysis.suggestion.fields).toMatchObject({
      employeeNo: '員編',
      name: '姓名',
      personId: '身分證字號',
      hireDate: '到職日',
    });
  });

  it('validates with Excel row numbers, converting ROC dates, and names the bad ID', async () => {
    const analysis = await analyseFile({
      kind: 'analyse',
      bytes: new TextEncoder().encode(CSV),
      options: {},
      fields: ROSTER_FIELDS,
      preset: null,
    });
    const progress: number[] = [];
    const result = await validateFile(
      {
        kind: 'validate',
        bytes: new TextEncoder().encode(CSV),
        options: {},
        headerRowIndex: analysis.headerRowIndex,
        mapping: analysis.suggestion.fields,
        fields: ROSTER_FIELDS,
        uniqueKey: ['employeeNo'],
      },
      (done) => progress.push(done),
    );
    expect(result.valid.map((row) => [row.rowNumber, row.values.hireDate])).toEqual([
      [3, '2020-01-02'],
      [5, '2021-05-06'],
    ]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      rowNumber: 4,
      field: 'personId',
      column: { header: '身分證字號', letter: 'C' },
      value: 'A12****788',
    });
  });

  it('lists the sheets of a workbook and reads the chosen one', async () => {
    const bytes = await buildXlsx([
      { name: '說明', rows: [['本檔為測試']] },
      {
        name: '名冊',
        rows: [
          ['員工編號', '姓名', '身分證字號', '到職日'],
          ['E1', '王', 'A123456789', '2020-01-01'],
        ],
      },
    ]);
    const first = await analyseFile({
      kind: 'analyse',
      bytes,
      options: {},
      fields: ROSTER_FIELDS,
      preset: null,
    });
    expect(first.sheetNames).toEqual(['說明', '名冊']);
    const chosen = await analyseFile({
      kind: 'analyse',
      bytes,
      options: { sheet: '名冊' },
      fields: ROSTER_FIELDS,
      preset: null,
    });
    expect(chosen).toMatchObject({ format: 'xlsx', sheetName: '名冊', dataRowCount: 1 });
    expect(chosen.suggestion.missingRequired).toEqual([]);
  });

  it('refuses a truncated workbook with a clear message', async () => {
    const bytes = await buildXlsx([{ name: 'a', rows: [['員工編號'], ['E1']] }]);
    await expect(
      analyseFile({
        kind: 'analyse',
        bytes: bytes.slice(0, Math.floor(bytes.length / 2)),
        options: {},
        fields: ROSTER_FIELDS,
        preset: null,
      }),
    ).rejects.toMatchObject({ name: 'ImportError', code: 'damaged' });
  });
});
