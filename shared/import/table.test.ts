import { describe, expect, it } from 'vitest';
import { encodeBig5 } from './big5-encode';
import { ImportError } from './errors';
import { readTable } from './table';
import { buildXlsx } from './xlsx-read';

describe('readTable', () => {
  it('reads a workbook whatever its name would have said', async () => {
    const bytes = await buildXlsx([{ name: '名冊', rows: [['姓名'], ['王小明']] }]);
    expect(await readTable(bytes)).toMatchObject({
      format: 'xlsx',
      sheetName: '名冊',
      rows: [['姓名'], ['王小明']],
    });
  });

  it('reads CSV text, detecting the encoding unless told', async () => {
    const bytes = encodeBig5('姓名\t部門\r\n王小明\t資訊處\r\n');
    expect(await readTable(bytes)).toMatchObject({
      format: 'csv',
      encoding: 'big5',
      delimiter: '\t',
      rows: [
        ['姓名', '部門'],
        ['王小明', '資訊處'],
      ],
    });
    await expect(readTable(bytes, { encoding: 'utf-8' })).rejects.toMatchObject({
      code: 'invalid-bytes',
    });
  });

  it('passes the sheet name to the workbook reader', async () => {
    const bytes = await buildXlsx([
      { name: 'A', rows: [['a']] },
      { name: 'B', rows: [['b']] },
    ]);
    expect((await readTable(bytes, { sheet: 'B' })).rows).toEqual([['b']]);
  });

  it('checks the size before looking at the content', async () => {
    await expect(readTable(new Uint8Array(101), { maxBytes: 100 })).rejects.toBeInstanceOf(
      ImportError,
    );
    await expect(readTable(new Uint8Array(0))).rejects.toMatchObject({ code: 'empty-file' });
  });
});
