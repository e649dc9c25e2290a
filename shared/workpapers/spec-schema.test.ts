import { describe, expect, it } from 'vitest';
import { buildInspectionWorkbook } from './build-inspection';
import type { CellValue, SheetSpec, WorkbookSpec } from './model';
import { cellProblem, SPEC_LIMITS, specSize, workbookSpecSchema } from './spec-schema';
import { registerInput, sampleInput } from './testing/factories';
import { sheetSpec, workbookSpec } from './testing/specs';

function issues(value: unknown): string[] {
  const result = workbookSpecSchema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const withRows = (rows: unknown[]): WorkbookSpec =>
  workbookSpec([sheetSpec({ rows: rows as SheetSpec['rows'] })]);

describe('workbookSpecSchema', () => {
  it('accepts what the inspection builder produces, registers included, unchanged', async () => {
    const { spec } = await buildInspectionWorkbook(await registerInput(), {
      lang: 'zh-TW',
      calendar: 'roc',
      includePersonalData: false,
    });
    const parsed = workbookSpecSchema.safeParse(spec);
    expect(parsed.success && parsed.data).toEqual(spec);
  });

  it('accepts a structured-cloned spec (what arrives over IPC)', async () => {
    const { spec } = await buildInspectionWorkbook(await sampleInput(), {
      lang: 'en',
      calendar: 'iso',
      includePersonalData: false,
    });
    expect(issues(structuredClone(spec))).toEqual([]);
  });

  it.each([
    ['a function', () => 1, 'is not a cell value'],
    ['an array', [1], 'is not a cell value'],
    ['a link object', { text: 'a', hyperlink: 'http://x' }, 'is not a cell value'],
    ['a bad date', { date: '2025-02-30' }, 'is not an ISO date'],
    ['a Date', new Date(0), 'is not a cell value'],
    ['NaN', Number.NaN, 'is not a finite number'],
    ['an over-long string', 'x'.repeat(32_768), 'is longer than 32767'],
    ['over-long user text', { text: 'x'.repeat(32_768) }, 'is longer than 32767'],
    ['undefined', undefined, 'is not a cell value'],
  ])('refuses %s as a cell, naming its place', (_label, value, message) => {
    expect(issues(withRows([['A-1', value]]))).toEqual([`sheets.0.rows.0.1: ${message}`]);
  });

  it('accepts every kind of cell value', () => {
    const cells: CellValue[] = [
      'a',
      1,
      true,
      null,
      { text: '=1+1' },
      { date: '2025-01-31' as never },
    ];
    for (const value of cells) expect(cellProblem(value)).toBeNull();
  });

  it('never echoes a cell value in its messages', () => {
    const secret = 'A123456789 confidential';
    const found = issues(withRows([[{ text: secret, extra: 1 }, { date: secret }]]));
    expect(found).toHaveLength(2);
    expect(found.join(' ')).not.toContain('A123456789');
  });

  it('stops after a bounded number of issues', () => {
    const rows = Array.from({ length: 1000 }, () => [Number.NaN]);
    expect(issues(withRows(rows))).toHaveLength(20);
  });

  it('refuses extra keys, paths in names and wrong shapes', () => {
    const spec = workbookSpec();
    expect(issues({ ...spec, extra: 1 })).toEqual([
      expect.stringContaining('Unrecognized key') as unknown,
    ]);
    expect(issues({ ...spec, sheets: [] })).toEqual([expect.stringMatching(/^sheets: /)]);
    expect(issues(withRows(['not a row']))).toEqual(['sheets.0.rows.0: must be an array of cells']);
    expect(
      issues(workbookSpec([sheetSpec({ name: 'x'.repeat(32) })])).some((issue) =>
        issue.startsWith('sheets.0.name'),
      ),
    ).toBe(true);
  });

  it('refuses what the writer would refuse, such as a rule on an unknown column', () => {
    const sheet = sheetSpec({
      conditional: [{ column: 'nope', kind: 'equals', value: 'x', style: 'ok' }],
    });
    expect(issues(workbookSpec([sheet]))).toEqual([
      ': sheet "工作表": a conditional format names unknown column nope',
    ]);
  });

  it('bounds the sheet count and the total number of cells', () => {
    const many = Array.from({ length: SPEC_LIMITS.sheets + 1 }, (_, i) =>
      sheetSpec({ name: `s${i}` }),
    );
    expect(issues(workbookSpec(many))).toEqual([expect.stringMatching(/^sheets: /)]);

    // One shared row object keeps the test light; the count is what matters.
    const row = Array.from({ length: 5 }, () => null);
    const rows = Array.from({ length: SPEC_LIMITS.cells / 5 / 2 + 1 }, () => row);
    const big = workbookSpec([sheetSpec({ rows }), sheetSpec({ name: 'b', rows })]);
    expect(specSize(big).cells).toBeGreaterThan(SPEC_LIMITS.cells);
    expect(issues(big)).toEqual([`: has more than ${SPEC_LIMITS.cells} cells`]);
  });

  it('bounds the total text', () => {
    const long = 'x'.repeat(32_000);
    const row = [long, long, long, long, long];
    const rows = Array.from({ length: Math.ceil(SPEC_LIMITS.textChars / 160_000) + 1 }, () => row);
    expect(issues(workbookSpec([sheetSpec({ rows })]))).toEqual([
      `: holds more than ${SPEC_LIMITS.textChars} characters of text`,
    ]);
  });
});
