/**
 * Workbooks that ask for more than `limits.ts` allows, refused by the scan before exceljs
 * parses them (the child-process corpus in `test/hostile/` does the same at full size).
 */
import { describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { MAX_CELL_CHARS } from './limits';
import { rawXlsx } from './testing/raw-zip';
import { buildXlsx, readXlsx, readXlsxCells } from './xlsx-read';

async function refusal(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

const cell = (ref: string, value = '1') => `<c r="${ref}"><v>${value}</v></c>`;
const sheet = (rows: string) => `<sheetData>${rows}</sheetData>`;

describe('readXlsx: worksheets past the limits', () => {
  it("a row past Excel's 1,048,576, before any row is padded", async () => {
    const bytes = rawXlsx(sheet(`<row r="20000000">${cell('A20000000')}</row>`), {
      sheetName: '名冊',
    });
    expect(bytes.length).toBeLessThan(2000);
    const error = await refusal(readXlsx(bytes));
    expect(error).toMatchObject({
      code: 'too-many-rows',
      sheet: '名冊',
      row: 20_000_000,
      part: 'xl/worksheets/sheet1.xml',
    });
    expect(error.text['zh-TW']).toBe(
      '第 20,000,000 列超過 Excel 的上限 1,048,576 列（工作表「名冊」，第 20,000,000 列，組件 xl/worksheets/sheet1.xml）：Excel 也無法開啟這樣的工作表，檔案未予讀取；請分割後分批匯入。',
    );
    expect(error.text.en).toBe(
      'Row 20,000,000 is beyond Excel\'s limit of 1,048,576 rows (worksheet "名冊", row 20,000,000, part xl/worksheets/sheet1.xml): Excel cannot open such a sheet either, so the file is not read; split it and import it in parts.',
    );
    // Rows without numbers count on from the last one.
    const implicit = rawXlsx(sheet(`<row r="1048576"/><row>${cell('A1')}</row>`));
    expect((await refusal(readXlsx(implicit))).row).toBe(1_048_577);
  });

  it('a column beyond XFD, in a cell, a merge or a <col>', async () => {
    const error = await refusal(readXlsx(rawXlsx(sheet(`<row r="1">${cell('XFE1')}</row>`))));
    expect(error).toMatchObject({ code: 'too-many-columns', row: 1, sheet: 'Sheet1' });
    expect(error.text.en).toContain('Column XFE is beyond');
    const merge = rawXlsx(`${sheet('')}<mergeCells><mergeCell ref="A1:XFF2"/></mergeCells>`);
    expect(await refusal(readXlsx(merge))).toMatchObject({
      code: 'too-many-columns',
      range: 'A1:XFF2',
    });
    const cols = rawXlsx(`<cols><col min="1" max="2000000000" width="9"/></cols>${sheet('')}`);
    expect((await refusal(readXlsx(cols))).code).toBe('too-many-columns');
  });

  it('too many cells, counted while inflating', async () => {
    const rows = Array.from({ length: 30 }, (_, r) => {
      const cells = ['A', 'B', 'C', 'D'].map((c) => cell(`${c}${r + 1}`)).join('');
      return `<row r="${r + 1}">${cells}</row>`;
    }).join('');
    const bytes = rawXlsx(sheet(rows));
    expect((await readXlsx(bytes, { maxCells: 120 })).rows).toHaveLength(30);
    const error = await refusal(readXlsx(bytes, { maxCells: 119 }));
    expect(error).toMatchObject({ code: 'too-many-cells', row: 30, column: 'D' });
    expect(error.text.en).toContain('More than the limit of 119 cells (counting every cell)');
  });

  it('rows padded to a far last cell count as cells', async () => {
    const rows = Array.from(
      { length: 20 },
      (_, r) => `<row r="${r + 1}">${cell(`Z${r + 1}`)}</row>`,
    );
    const error = await refusal(readXlsx(rawXlsx(sheet(rows.join(''))), { maxCells: 500 }));
    expect(error).toMatchObject({ code: 'too-many-cells', row: 20, column: 'Z' });
    expect(error.text.en).toContain(
      'counting the empty cells before the last one of each row, and empty rows between',
    );
  });

  it('ranges exceljs expands cell by cell: merges, data validations, defined names', async () => {
    const merge = rawXlsx(
      `${sheet(`<row r="1">${cell('A1')}</row>`)}<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`,
    );
    expect(merge.length).toBeLessThan(2000);
    const merged = await refusal(readXlsx(merge));
    expect(merged).toMatchObject({ code: 'too-many-cells', range: 'A1:XFD1048576' });
    expect(merged.text.en).toContain('counting every cell a merged range covers');
    const validation = rawXlsx(
      `${sheet('')}<dataValidations count="1"><dataValidation type="list" sqref="B2 A1:T100000"><formula1>"a,b"</formula1></dataValidation></dataValidations>`,
    );
    expect((await refusal(readXlsx(validation))).text.en).toContain('a data validation covers');
    const named = rawXlsx(sheet(`<row r="1">${cell('A1')}</row>`), {
      definedNames:
        '<definedNames><definedName name="all">Sheet1!$A$1:$XFD$1048576</definedName></definedNames>',
    });
    expect(await refusal(readXlsxCells(named))).toMatchObject({
      code: 'too-many-cells',
      part: 'xl/workbook.xml',
    });
    // Print areas and titles are page setup to exceljs, not expanded.
    const printArea = rawXlsx(sheet(`<row r="1">${cell('A1')}</row>`), {
      definedNames:
        '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Sheet1!$A$1:$XFD$1048576</definedName></definedNames>',
    });
    expect((await readXlsxCells(printArea))[0]?.rows).toEqual([[1]]);
  });

  it("a cell longer than Excel's 32,767 characters, with its sheet, row and column", async () => {
    const long = 'x'.repeat(MAX_CELL_CHARS + 1);
    const bytes = await buildXlsx([{ name: 'S', rows: [['ok'], ['fine', long]] }]);
    const error = await refusal(readXlsx(bytes));
    expect(error).toMatchObject({ code: 'cell-too-long', sheet: 'S', row: 2, column: 'B' });
    expect(error.text.en).toBe(
      'A cell holds 32,768 characters, over Excel\'s limit of 32,767 (worksheet "S", row 2, column B).',
    );
    expect((await refusal(readXlsxCells(bytes))).code).toBe('cell-too-long');
    const exact = await buildXlsx([{ name: 'S', rows: [['x'.repeat(MAX_CELL_CHARS)]] }]);
    expect((await readXlsx(exact)).rows[0]?.[0]).toHaveLength(MAX_CELL_CHARS);
  });

  it('reads a sparse but legitimate sheet: a cell at XFD, rows far down', async () => {
    const bytes = rawXlsx(
      sheet(
        `<row r="1">${cell('A1', '7')}${cell('XFD1', '8')}</row><row r="5000">${cell('B5000', '9')}</row>`,
      ),
    );
    const { rows } = await readXlsx(bytes);
    expect(rows).toHaveLength(5000);
    expect(rows[0]?.length).toBe(16_384);
    expect(rows[0]?.[16_383]).toBe('8');
    expect(rows[4999]).toEqual(['', '9']);
  });
});
