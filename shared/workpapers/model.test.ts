import { describe, expect, it } from 'vitest';
import { asIsoDate, asIsoInstant, type IsoDate } from '../domain/dates';
import {
  MAX_CELL_CHARS,
  WorkbookSpecError,
  assertWorkbookSpec,
  cellText,
  columnIndex,
  columnLetter,
  hashableCell,
  sheetRowNumber,
  textWidth,
  workbookSpecProblems,
} from './model';
import { sheetSpec, workbookSpec } from './testing/specs';

describe('columnLetter', () => {
  it.each([
    [1, 'A'],
    [11, 'K'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
  ])('%i → %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });

  it('refuses 0 and fractions', () => {
    expect(() => columnLetter(0)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
  });
});

describe('row and column positions', () => {
  it('puts the first data row under the header, or at row 1 without one', () => {
    expect(sheetRowNumber({}, 0)).toBe(2);
    expect(sheetRowNumber({ headerRow: true }, 3)).toBe(5);
    expect(sheetRowNumber({ headerRow: false }, 0)).toBe(1);
  });

  it('finds a column by key', () => {
    const sheet = sheetSpec();
    expect(columnIndex(sheet, 'result')).toBe(2);
    expect(() => columnIndex(sheet, 'nope')).toThrow(/no column nope/);
  });
});

describe('textWidth', () => {
  it('counts CJK and full-width characters as two', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('查核結果')).toBe(8);
    expect(textWidth('ＡＢ')).toBe(4);
    expect(textWidth('𠀋')).toBe(2);
    expect(textWidth('第 1 頁')).toBe(7);
  });
});

describe('cells', () => {
  const date: IsoDate = asIsoDate('2025-03-05');
  it('shows and hashes user text like plain text, dates as dates', () => {
    expect(cellText({ text: '=1' })).toBe('=1');
    expect(cellText({ date })).toBe('2025-03-05');
    expect(cellText(null)).toBe('');
    expect(cellText(3)).toBe('3');
    expect(hashableCell({ text: 'x' })).toBe('x');
    expect(hashableCell({ date })).toEqual({ date: '2025-03-05' });
    expect(hashableCell(true)).toBe(true);
    expect(hashableCell(null)).toBeNull();
  });
});

describe('workbookSpecProblems', () => {
  it('accepts a well-formed description', () => {
    expect(workbookSpecProblems(workbookSpec())).toEqual([]);
    expect(() => assertWorkbookSpec(workbookSpec())).not.toThrow();
  });

  it.each([
    ['x'.repeat(32), /longer than 31/],
    ['', /is empty/],
    ['a/b', /contains one of/],
    ['a[1]', /contains one of/],
    ['a:b', /contains one of/],
    ['a*b', /contains one of/],
    ['a?', /contains one of/],
    ['a\\b', /contains one of/],
    ["'quoted", /starts or ends with '/],
    ['History', /reserved/],
  ])('refuses the sheet name %j', (name, problem) => {
    const problems = workbookSpecProblems(workbookSpec([sheetSpec({ name })]));
    expect(problems.join('\n')).toMatch(problem);
  });

  it('accepts a 31-character CJK name', () => {
    expect(workbookSpecProblems(workbookSpec([sheetSpec({ name: '查'.repeat(31) })]))).toEqual([]);
  });

  it('refuses duplicate names, ignoring case', () => {
    const problems = workbookSpecProblems(
      workbookSpec([sheetSpec({ name: 'Data' }), sheetSpec({ name: 'DATA' })]),
    );
    expect(problems).toContain('duplicate sheet name "DATA"');
  });

  it('wants hidden sheets after the visible ones and at least one visible sheet', () => {
    const hiddenFirst = workbookSpec([
      sheetSpec({ name: 'meta', state: 'veryHidden' }),
      sheetSpec({ name: 'data' }),
    ]);
    expect(workbookSpecProblems(hiddenFirst)).toContain(
      'visible sheet "data" follows a hidden one',
    );
    const allHidden = workbookSpec([sheetSpec({ state: 'veryHidden' })]);
    expect(workbookSpecProblems(allHidden)).toContain('no visible sheet');
  });

  it('checks columns, rows and cells', () => {
    const problems = workbookSpecProblems(
      workbookSpec([
        sheetSpec({
          columns: [
            { key: 'a', header: 'A', width: 10 },
            { key: 'a', header: 'A again', width: 0 },
          ],
          rows: [
            ['x', 'y', 'z'],
            [Number.NaN, { date: '2025-02-30' as IsoDate }],
            ['z'.repeat(MAX_CELL_CHARS + 1)],
          ],
          rowKinds: ['data'],
          frozenRows: -1,
        }),
      ]),
    ).join('\n');
    expect(problems).toMatch(/duplicate column a/);
    expect(problems).toMatch(/column a has width 0/);
    expect(problems).toMatch(/row 0 has 3 cells for 2 columns/);
    expect(problems).toMatch(/row 1 cell 0 is NaN/);
    expect(problems).toMatch(/row 1 cell 1 has an invalid date "2025-02-30"/);
    expect(problems).toMatch(/row 2 cell 0 is longer than 32767/);
    expect(problems).toMatch(/rowKinds has 1 entries for 3 rows/);
    expect(problems).toMatch(/frozenRows/);
  });

  it('checks validation lists against what Excel accepts', () => {
    const problems = workbookSpecProblems(
      workbookSpec([
        sheetSpec({
          validations: [
            { column: 'nope', allowed: ['a'] },
            { column: 'result', allowed: [] },
            { column: 'result', allowed: ['a,b'] },
            { column: 'result', allowed: ['say "hi"'] },
            { column: 'status', allowed: Array.from({ length: 60 }, (_, i) => `選項${i}`) },
          ],
        }),
      ]),
    ).join('\n');
    expect(problems).toMatch(/a validation names unknown column nope/);
    expect(problems).toMatch(/an empty validation list/);
    expect(problems).toMatch(/contains a comma or a double quote/);
    expect(problems).toMatch(/validation list of status exceeds 255/);
  });

  it('checks conditional formats and print settings', () => {
    const problems = workbookSpecProblems(
      workbookSpec([
        sheetSpec({
          conditional: [
            { column: 'due', kind: 'date-before', value: 'tomorrow', style: 'overdue' },
            {
              column: 'due',
              kind: 'date-before',
              value: '2025-03-05',
              style: 'overdue',
              unless: { column: 'ghost', equals: 'x' },
            },
          ],
          print: { landscape: true, fitToWidth: -1, repeatHeaderRows: 0.5 },
        }),
      ]),
    ).join('\n');
    expect(problems).toMatch(/date-before needs an ISO date, got "tomorrow"/);
    expect(problems).toMatch(/unknown column ghost/);
    expect(problems).toMatch(/bad fitToWidth/);
    expect(problems).toMatch(/bad repeatHeaderRows/);
  });

  it('checks the creation instant', () => {
    const spec = workbookSpec();
    const bad = { ...spec, properties: { ...spec.properties, created: 'now' as never } };
    expect(workbookSpecProblems(bad)).toContain('properties.created is not an instant');
    expect(workbookSpecProblems(spec)).toEqual([]);
    expect(asIsoInstant(spec.properties.created)).toBe(spec.properties.created);
  });

  it('throws every problem at once', () => {
    const spec = workbookSpec([sheetSpec({ name: 'a/b', frozenRows: -1 })]);
    expect(() => assertWorkbookSpec(spec)).toThrow(WorkbookSpecError);
    try {
      assertWorkbookSpec(spec);
    } catch (error) {
      expect((error as WorkbookSpecError).problems).toHaveLength(2);
    }
  });
});
