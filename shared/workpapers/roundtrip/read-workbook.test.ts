import { describe, expect, it } from 'vitest';
import { buildXlsx } from '../../import/xlsx-read';
import { ImportError } from '../../import/errors';
import { readWorkbookCells, plainGrid, cellAt } from './read-workbook';
import { readWorkpaperEdits } from './read-edits';

describe('readWorkbookCells', () => {
  it('reads every sheet, hidden ones included, keeping formulas and errors apart', async () => {
    const bytes = await buildXlsx([
      {
        name: '資料',
        rows: [
          ['文字', 42, true, new Date(Date.UTC(2025, 5, 30))],
          [
            { richText: [{ text: '王' }, { text: '小明' }] },
            { text: 'wang@example.tw', hyperlink: 'mailto:wang@example.tw' },
            { formula: '1+1', result: 2 },
            { error: '#N/A' },
          ],
          [],
          [null, '=1+1'],
        ],
      },
      { name: '隱藏', state: 'hidden', rows: [['x']] },
    ]);
    const sheets = await readWorkbookCells(bytes);
    expect(sheets.map((s) => [s.name, s.state])).toEqual([
      ['資料', 'visible'],
      ['隱藏', 'hidden'],
    ]);
    const [data] = sheets;
    if (data === undefined) throw new Error('no sheet');
    expect(data.rows[0]).toEqual(['文字', 42, true, { date: '2025-06-30' }]);
    expect(data.rows[1]).toEqual([
      '王小明',
      'wang@example.tw',
      { formula: '1+1', result: 2 },
      { error: '#N/A' },
    ]);
    // Text that looks like a formula stays text.
    expect(cellAt(data, 4, 2)).toBe('=1+1');
    expect(plainGrid(data, 4)).toEqual([
      ['文字', 42, true, { date: '2025-06-30' }],
      ['王小明', 'wang@example.tw', 2, '#N/A'],
      [null, null, null, null],
      [null, '=1+1', null, null],
    ]);
  });

  it('refuses what the import reader refuses, with its message', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readWorkbookCells(ole)).rejects.toBeInstanceOf(ImportError);
    const reading = await readWorkpaperEdits(ole, { inspectionId: 'x' });
    expect(reading).toMatchObject({ ok: false, kind: 'password-protected' });
    const big = await buildXlsx([{ name: 'a', rows: [['x'.repeat(2000)]] }]);
    expect(await readWorkpaperEdits(big, { inspectionId: 'x', maxBytes: 100 })).toMatchObject({
      ok: false,
      kind: 'too-large',
    });
  });
});
