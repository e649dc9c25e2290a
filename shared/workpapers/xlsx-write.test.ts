/**
 * The writer on hand-made descriptions: every feature it applies, checked by reading the
 * bytes back with exceljs.
 */
import { describe, expect, it } from 'vitest';
import { WorkbookSpecError, type SheetSpec } from './model';
import {
  conditionalFormats,
  readBack,
  ruleFormula,
  sheet,
  sheetNames,
  sheetProtection,
  ValueType,
  values,
} from './testing/read-back';
import { MAX_ROW_HEIGHT, heightOfLines } from './row-height';
import { sheetSpec, workbookSpec } from './testing/specs';
import {
  CJK_FONT,
  EDITABLE_FILL_ARGB,
  TEXT_NUMFMT,
  conditionFormula,
  footerString,
  writeWorkbook,
} from './xlsx-write';

const printed: Partial<SheetSpec> = {
  autoFilter: true,
  print: {
    landscape: true,
    fitToWidth: 1,
    repeatHeaderRows: 1,
    footer: { left: 'R&D 稽核', center: '第 {page} 頁，共 {pages} 頁', right: '機密' },
  },
  validations: [{ column: 'result', allowed: ['符合', '部分符合', '不符合', '不適用'] }],
  conditional: [
    { column: 'result', kind: 'equals', value: '不符合', style: 'deficient' },
    {
      column: 'due',
      kind: 'date-before',
      value: '2025-03-05',
      style: 'overdue',
      unless: { column: 'status', equals: '已結案' },
    },
  ],
};

async function roundTrip(sheets: readonly SheetSpec[]) {
  return readBack(await writeWorkbook(workbookSpec(sheets)));
}

describe('writeWorkbook', () => {
  it('returns plain bytes of a zip file', async () => {
    const bytes = await writeWorkbook(workbookSpec());
    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // "PK"
  });

  it('refuses an invalid description before touching exceljs', async () => {
    await expect(writeWorkbook(workbookSpec([sheetSpec({ name: 'a/b' })]))).rejects.toThrow(
      WorkbookSpecError,
    );
  });

  it('writes the workbook properties', async () => {
    const workbook = await roundTrip([sheetSpec()]);
    expect(workbook.title).toBe('測試工作底稿');
    expect(workbook.creator).toBe('Audit Workbench test');
    expect(workbook.created.toISOString()).toBe('2025-03-04T16:30:00.000Z');
  });

  it('keeps sheet order, puts the hidden sheet last and opens on the first visible one', async () => {
    const workbook = await roundTrip([
      sheetSpec({ name: '封面' }),
      sheetSpec({ name: '資料' }),
      sheetSpec({ name: '_meta', state: 'veryHidden', protect: true }),
    ]);
    expect(sheetNames(workbook)).toEqual(['封面', '資料', '_meta']);
    expect(workbook.worksheets.map((ws) => ws.state)).toEqual(['visible', 'visible', 'veryHidden']);
    expect(workbook.views).toEqual([expect.objectContaining({ activeTab: 0, firstSheet: 0 })]);
    expect(sheetProtection(sheet(workbook, '_meta'))).toMatchObject({ sheet: true });
    expect(sheetProtection(sheet(workbook, '資料'))).toBeNull();
  });

  it('writes headers and values, dates as dates and user text as text', async () => {
    const ws = sheet(await roundTrip([sheetSpec()]), '工作表');
    expect(values(ws)).toEqual([
      ['編號', '查核結果', '備註', '改善期限', '狀態'],
      ['A-1', '符合', '=HYPERLINK("http://x","y")', new Date('2025-01-31T00:00:00.000Z'), '待改善'],
      ['A-2', null, null, null, '已結案'],
    ]);
    expect(ws.getCell('D2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('C2').type).toBe(ValueType.String);
    expect(ws.getCell('C2').numFmt).toBe(TEXT_NUMFMT);
  });

  it('styles the header, freezes it and sizes and wraps the columns', async () => {
    const ws = sheet(await roundTrip([sheetSpec()]), '工作表');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    const header = ws.getCell('A1');
    expect(header.font).toMatchObject({ name: CJK_FONT, bold: true });
    expect(header.alignment).toMatchObject({ wrapText: true, horizontal: 'center' });
    expect(ws.getColumn(3).width).toBe(30);
    expect(ws.getCell('C2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getCell('A2').alignment.wrapText).toBeFalsy();
  });

  it('puts the CJK font on every written cell, and on the columns for new input', async () => {
    const ws = sheet(await roundTrip([sheetSpec()]), '工作表');
    for (let r = 1; r <= 3; r++) {
      for (let c = 1; c <= 5; c++) expect(ws.getRow(r).getCell(c).font.name).toBe(CJK_FONT);
    }
    expect(ws.getColumn(2).font?.name).toBe(CJK_FONT);
  });

  it('shades editable cells and gives empty ones the Text format', async () => {
    const ws = sheet(await roundTrip([sheetSpec()]), '工作表');
    const fill = (address: string) =>
      (ws.getCell(address).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;
    expect(fill('B2')).toBe(EDITABLE_FILL_ARGB);
    expect(fill('C3')).toBe(EDITABLE_FILL_ARGB);
    expect(fill('A2')).toBeUndefined();
    expect(ws.getCell('B3').numFmt).toBe(TEXT_NUMFMT);
    expect(ws.getColumn(3).numFmt).toBe(TEXT_NUMFMT);
    expect(ws.getCell('A3').numFmt).toBeUndefined();
  });

  it('sets an auto filter over the header and data', async () => {
    const ws = sheet(await roundTrip([sheetSpec(printed)]), '工作表');
    expect(ws.autoFilter).toBe('A1:E3');
  });

  it('prints on A4 landscape, one page wide, repeating the header, with page numbers', async () => {
    const ws = sheet(await roundTrip([sheetSpec(printed)]), '工作表');
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    expect(ws.headerFooter.oddFooter).toBe(
      `&L&"${CJK_FONT},Regular"R&&D 稽核&C&"${CJK_FONT},Regular"第 &P 頁，共 &N 頁&R&"${CJK_FONT},Regular"機密`,
    );
  });

  it('adds the list validation to every data cell of the column', async () => {
    const ws = sheet(await roundTrip([sheetSpec(printed)]), '工作表');
    for (const address of ['B2', 'B3']) {
      expect(ws.getCell(address).dataValidation).toMatchObject({
        type: 'list',
        allowBlank: true,
        formulae: ['"符合,部分符合,不符合,不適用"'],
        showErrorMessage: true,
      });
    }
    expect(ws.getCell('C2').dataValidation).toBeUndefined();
  });

  it('adds conditional formats with their formulas and looks', async () => {
    const ws = sheet(await roundTrip([sheetSpec(printed)]), '工作表');
    const formats = conditionalFormats(ws).map((cf) => ({
      ref: cf.ref,
      rules: cf.rules.map((rule) => ({
        type: rule.type,
        formulae: [ruleFormula(rule)],
        fill: (rule.style?.fill as { bgColor?: { argb?: string } } | undefined)?.bgColor?.argb,
      })),
    }));
    expect(formats).toEqual([
      {
        ref: 'B2:B3',
        rules: [{ type: 'expression', formulae: ['B2="不符合"'], fill: 'FFFFC7CE' }],
      },
      {
        ref: 'D2:D3',
        rules: [
          {
            type: 'expression',
            formulae: ['AND(AND(ISNUMBER(D2),D2<DATE(2025,3,5)),$E2<>"已結案")'],
            fill: 'FFFFEB9C',
          },
        ],
      },
    ]);
  });

  it('draws title, section and signature rows, centring the title without merging', async () => {
    const ws = sheet(
      await roundTrip([
        sheetSpec({
          headerRow: false,
          rows: [['工作底稿'], ['概要'], ['編製人員', '簽名：＿＿']],
          rowKinds: ['title', 'section', 'sign'],
          frozenRows: 0,
        }),
      ]),
      '工作表',
    );
    expect(ws.getCell('A1').value).toBe('工作底稿');
    expect(ws.getCell('B1').value).toBeNull();
    expect(ws.getCell('A1').isMerged).toBe(false);
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'centerContinuous' });
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16, name: CJK_FONT });
    expect(ws.getCell('A2').font).toMatchObject({ bold: true });
    expect(ws.getRow(3).height).toBe(40);
    expect(ws.views[0]).toMatchObject({ state: 'normal' });
    expect(ws.autoFilter).toBeUndefined();
  });

  it('makes each row tall enough for its wrapped text, capped at 409 points', async () => {
    const long = '應要求所聘任之員工簽署資訊安全保密切結書'.repeat(3); // 60 CJK characters
    const ws = sheet(
      await roundTrip([
        sheetSpec({
          columns: [
            { key: 'id', header: '編號', width: 10 },
            { key: 'text', header: '規範要求', width: 20, wrap: true },
            { key: 'flat', header: '不換行', width: 8 },
          ],
          rows: [
            ['A-1', { text: long }, long],
            ['A-2', { text: '短' }, long],
            ['A-3', { text: '一\n二\n三' }, null],
            ['A-4', { text: '查'.repeat(5000) }, null],
          ],
        }),
        sheetSpec({
          name: '封面',
          headerRow: false,
          columns: [{ key: 'v', header: 'v', width: 20, wrap: true }],
          rows: [['標題'], ['查核概要'], ['編製人員']],
          rowKinds: ['title', 'section', 'sign'],
          frozenRows: 0,
        }),
      ]),
      '工作表',
    );
    // Ten characters a line in a 20-wide column: six lines; a column that does not wrap adds none.
    expect(ws.getRow(2).height).toBe(heightOfLines(6, 10));
    expect(ws.getRow(3).height).toBeUndefined();
    expect(ws.getRow(4).height).toBe(heightOfLines(3, 10));
    expect(ws.getRow(5).height).toBe(MAX_ROW_HEIGHT);
    // The header row fits on one line here.
    expect(ws.getRow(1).height).toBeUndefined();
  });

  it('makes the header row tall enough for a header that wraps', async () => {
    const ws = sheet(
      await roundTrip([
        sheetSpec({
          columns: [{ key: 'n', header: '預計改善完成日期與負責單位', width: 8 }],
          rows: [['x']],
        }),
      ]),
      '工作表',
    );
    // Three characters a line in an 8-wide column: thirteen take five lines.
    expect(ws.getRow(1).height).toBe(heightOfLines(5, 10));
  });

  it('never writes a formula, whatever a user text starts with', async () => {
    const attempts = [
      '=HYPERLINK("http://x","y")',
      '+1+1',
      '-2',
      '@SUM(A1)',
      '\t=1+1',
      '＝SUM(A1)',
      '  =1+1',
      "=cmd|' /C calc'!A0",
    ];
    const ws = sheet(
      await roundTrip([
        sheetSpec({
          columns: [{ key: 'text', header: '內容', width: 30 }],
          rows: attempts.map((text) => [{ text }]),
        }),
      ]),
      '工作表',
    );
    attempts.forEach((text, i) => {
      const cell = ws.getCell(i + 2, 1);
      expect(cell.type, text).toBe(ValueType.String);
      expect(cell.value, text).toBe(text);
      expect(cell.formula, text).toBeUndefined();
      expect(cell.numFmt, text).toBe(TEXT_NUMFMT);
    });
  });
});

describe('footerString', () => {
  it("escapes & and turns {page} and {pages} into Excel's codes", () => {
    expect(footerString({ center: 'A&B {page}/{pages}' })).toBe(
      `&C&"${CJK_FONT},Regular"A&&B &P/&N`,
    );
    expect(footerString({})).toBe('');
  });

  it("refuses a footer longer than Excel's 255 characters", () => {
    expect(() => footerString({ left: 'x'.repeat(250) })).toThrow(RangeError);
  });
});

describe('conditionFormula', () => {
  it('doubles quotes in compared text', () => {
    const spec = sheetSpec();
    expect(
      conditionFormula(
        spec,
        { column: 'status', kind: 'equals', value: 'say "hi"', style: 'ok' },
        2,
      ),
    ).toBe('E2="say ""hi"""');
  });
});

describe('whole-row highlights', () => {
  it('test a non-empty cell, anchored to its column for a whole-row rule', () => {
    const spec = sheetSpec();
    const rule = { column: 'status', kind: 'not-empty', value: '', style: 'deficient' } as const;
    expect(conditionFormula(spec, rule, 2)).toBe('E2<>""');
    expect(conditionFormula(spec, { ...rule, wholeRow: true }, 2)).toBe('$E2<>""');
  });

  it('apply one rule to every column of the data rows', async () => {
    const ws = sheet(
      await roundTrip([
        sheetSpec({
          conditional: [
            { column: 'status', kind: 'not-empty', value: '', style: 'deficient', wholeRow: true },
          ],
        }),
      ]),
      '工作表',
    );
    expect(conditionalFormats(ws).map((cf) => [cf.ref, cf.rules.map(ruleFormula)])).toEqual([
      ['A2:E3', ['$E2<>""']],
    ]);
  });
});
