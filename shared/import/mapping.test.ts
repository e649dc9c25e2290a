import { describe, expect, it } from 'vitest';
import { columnLetter } from './columns';
import { bi } from './errors';
import { ROSTER_FIELDS } from './fields';
import {
  findHeaderRow,
  mappingPresetSchema,
  suggestMapping,
  validateRows,
  type ImportField,
  type MappingPreset,
} from './mapping';

const FIELDS: readonly ImportField[] = [
  {
    key: 'employeeNo',
    label: bi('員工編號', 'Employee number'),
    kind: 'text',
    required: true,
    aliases: ['員編', 'Emp No.'],
  },
  { key: 'name', label: bi('姓名', 'Name'), kind: 'text', required: true, aliases: [] },
  {
    key: 'personId',
    label: bi('身分證字號', 'National ID number'),
    kind: 'person-id',
    required: true,
    aliases: ['身分證號', '統一編號', 'ID No.'],
  },
  {
    key: 'hireDate',
    label: bi('到職日', 'Hire date'),
    kind: 'date',
    required: false,
    aliases: ['到職日期'],
  },
  { key: 'email', label: bi('電子郵件', 'E-mail'), kind: 'email', required: false, aliases: [] },
  { key: 'phone', label: bi('手機', 'Mobile'), kind: 'phone', required: false, aliases: [] },
  {
    key: 'status',
    label: bi('在職狀態', 'Status'),
    kind: 'enum',
    required: false,
    aliases: ['狀態'],
    allowed: [{ value: '在職', aliases: ['Active'] }, { value: '離職' }],
  },
];

const HEADERS = ['員工編號', '姓名', '身分證字號', '到職日', '電子郵件', '手機', '在職狀態'];
const MAPPING = {
  employeeNo: '員工編號',
  name: '姓名',
  personId: '身分證字號',
  hireDate: '到職日',
  email: '電子郵件',
  phone: '手機',
  status: '在職狀態',
};

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [2, 'C'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('%i → %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });

  it('refuses what is not a column index', () => {
    expect(() => columnLetter(-1)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
  });
});

describe('suggestMapping', () => {
  it('maps headers by label, alias and key', () => {
    const suggestion = suggestMapping(['員編', '姓名', 'ID No.', '到職日期', 'email'], FIELDS);
    expect(suggestion.fields).toEqual({
      employeeNo: '員編',
      name: '姓名',
      personId: 'ID No.',
      hireDate: '到職日期',
      email: 'email',
    });
    expect(suggestion.missingRequired).toEqual([]);
    expect(suggestion.unmappedHeaders).toEqual([]);
  });

  it('ignores width, case, spaces and punctuation', () => {
    const suggestion = suggestMapping(['ＥＭＰ　ＮＯ', ' 身分證號 ', 'id no', '*姓名'], FIELDS);
    expect(suggestion.fields).toEqual({
      employeeNo: 'ＥＭＰ　ＮＯ',
      personId: ' 身分證號 ',
      name: '*姓名',
    });
    // The second identifier column has nothing left to map to.
    expect(suggestion.unmappedHeaders).toEqual(['id no']);
  });

  it('falls back to containment, preferring an exact match', () => {
    const suggestion = suggestMapping(['員工身分證字號', '緊急聯絡人手機', '手機'], FIELDS);
    expect(suggestion.fields.personId).toBe('員工身分證字號');
    expect(suggestion.fields.phone).toBe('手機');
    expect(suggestion.unmappedHeaders).toEqual(['緊急聯絡人手機']);
  });

  it('does not match short Latin names inside words', () => {
    const fields: ImportField[] = [
      { key: 'id', label: bi('代號', 'ID'), kind: 'text', required: false, aliases: [] },
    ];
    expect(suggestMapping(['Paid amount'], fields).fields).toEqual({});
    expect(suggestMapping(['ID'], fields).fields).toEqual({ id: 'ID' });
  });

  it('lists required fields it could not map', () => {
    const suggestion = suggestMapping(['姓名', '備註'], FIELDS);
    expect(suggestion.missingRequired).toEqual(['employeeNo', 'personId']);
    expect(suggestion.unmappedHeaders).toEqual(['備註']);
  });

  it('prefers a remembered preset when its headers are present', () => {
    const preset: MappingPreset = {
      name: 'HR 系統匯出',
      fields: { personId: '證號', name: '中文名', employeeNo: '已不存在的欄' },
    };
    const suggestion = suggestMapping(['員工編號', '中文名', '證號', '姓名'], FIELDS, preset);
    expect(suggestion.fields).toEqual({ employeeNo: '員工編號', name: '中文名', personId: '證號' });
    expect(suggestion.fromPreset.sort()).toEqual(['name', 'personId']);
    expect(suggestion.unmappedHeaders).toEqual(['姓名']);
  });

  it('maps only the first of repeated headers and says so', () => {
    const suggestion = suggestMapping(['姓名', '員工編號', '姓名 '], FIELDS);
    expect(suggestion.fields.name).toBe('姓名');
    expect(suggestion.duplicateHeaders).toEqual(['姓名 ']);
  });

  it('knows the usual roster headers', () => {
    const headers = [
      '員工代號',
      '中文姓名',
      '身份證號',
      '單位',
      '職務',
      '到職日期',
      'E-mail',
      '行動電話',
      '狀態',
      '說明',
    ];
    const suggestion = suggestMapping(headers, ROSTER_FIELDS);
    expect(Object.keys(suggestion.fields)).toHaveLength(10);
    expect(suggestion.unmappedHeaders).toEqual([]);
  });
});

describe('mappingPresetSchema', () => {
  it('accepts a preset and refuses a malformed one', () => {
    const preset = { name: 'HR', fields: { personId: '身分證字號' } };
    expect(mappingPresetSchema.parse(preset)).toEqual(preset);
    expect(mappingPresetSchema.safeParse({ name: '', fields: {} }).success).toBe(false);
    expect(mappingPresetSchema.safeParse({ name: 'x', fields: { a: 1 } }).success).toBe(false);
    expect(mappingPresetSchema.safeParse({ ...preset, extra: true }).success).toBe(false);
  });
});

describe('findHeaderRow', () => {
  it('skips a title above the table', () => {
    const rows = [['○○人壽 員工名冊'], ['製表日期：114/03/05'], [], HEADERS, ['E001']];
    expect(findHeaderRow(rows, FIELDS)).toBe(3);
  });

  it('defaults to the first row', () => {
    expect(findHeaderRow([['x'], ['y']], FIELDS)).toBe(0);
  });
});

describe('validateRows', () => {
  const good = [
    'E001',
    '王小明',
    'a123456789',
    '114/03/05',
    'wang@example.tw',
    '0912-345-678',
    'active',
  ];

  it('returns checked, normalised values with Excel row numbers', () => {
    const result = validateRows([good], HEADERS, MAPPING, FIELDS);
    expect(result.errors).toEqual([]);
    expect(result.valid).toEqual([
      {
        rowNumber: 2,
        key: null,
        values: {
          employeeNo: 'E001',
          name: '王小明',
          personId: 'A123456789',
          hireDate: '2025-03-05',
          email: 'wang@example.tw',
          phone: '0912345678',
          status: '在職',
        },
      },
    ]);
  });

  it('names row, column letter, header and field for each wrong cell, value masked', () => {
    const rows = [good, ['E002', '陳美玲', 'A123456788', '2025-02-30', 'chen@', '12345', '退休']];
    const { valid, errors } = validateRows(rows, HEADERS, MAPPING, FIELDS);
    expect(valid.map((r) => r.rowNumber)).toEqual([2]);
    expect(
      errors.map(({ rowNumber, column, field, value }) => ({ rowNumber, column, field, value })),
    ).toEqual([
      {
        rowNumber: 3,
        column: { header: '身分證字號', letter: 'C' },
        field: 'personId',
        value: 'A12****788',
      },
      {
        rowNumber: 3,
        column: { header: '到職日', letter: 'D' },
        field: 'hireDate',
        value: '2025-02-30',
      },
      {
        rowNumber: 3,
        column: { header: '電子郵件', letter: 'E' },
        field: 'email',
        value: 'ch***@',
      },
      { rowNumber: 3, column: { header: '手機', letter: 'F' }, field: 'phone', value: '*****' },
      { rowNumber: 3, column: { header: '在職狀態', letter: 'G' }, field: 'status', value: '退休' },
    ]);
    expect(errors[0]?.message.en).toBe(
      'The check digit does not match; the number is probably mistyped.',
    );
    expect(errors[1]?.message['zh-TW']).toBe('2025 年 2 月只有 28 天，沒有 30 日。');
  });

  it('accepts resident certificate numbers, old and new', () => {
    const rows = [
      ['E1', 'A', 'A800000014'],
      ['E2', 'B', 'FA12345689'],
    ];
    const result = validateRows(rows, HEADERS, MAPPING, FIELDS);
    expect(result.errors).toEqual([]);
    expect(result.valid.map((r) => r.values.personId)).toEqual(['A800000014', 'FA12345689']);
  });

  it('masks identifiers found in free text of a wrong cell', () => {
    const fields: ImportField[] = [
      { key: 'd', label: bi('日期', 'Date'), kind: 'date', required: true, aliases: [] },
    ];
    const { errors } = validateRows(
      [['見 A123456789 0912345678']],
      ['日期'],
      { d: '日期' },
      fields,
    );
    expect(errors[0]?.value).toBe('見 A12****789 0912***678');
  });

  it('reports empty required fields and keeps empty optional ones as null', () => {
    const { valid, errors } = validateRows(
      [
        ['E001', '', 'A123456789'],
        ['E002', '王', 'B234567894', ''],
      ],
      HEADERS,
      MAPPING,
      FIELDS,
    );
    expect(errors).toEqual([
      {
        rowNumber: 2,
        column: { header: '姓名', letter: 'B' },
        field: 'name',
        value: '',
        message: { 'zh-TW': '必填欄位「姓名」空白。', en: 'The required field "Name" is empty.' },
      },
    ]);
    expect(valid[0]?.values).toMatchObject({ hireDate: null, email: null, status: null });
  });

  it('skips blank rows without errors and counts them', () => {
    const result = validateRows(
      [good, ['', ' '], [], good.map((c, i) => (i === 0 ? 'E9' : c))],
      HEADERS,
      MAPPING,
      FIELDS,
    );
    expect(result.valid.map((r) => r.rowNumber)).toEqual([2, 5]);
    expect(result).toMatchObject({ rowsRead: 4, blankRows: 2, errorCount: 0 });
  });

  it('reports a missing required column once, on the header row, and lets no row through', () => {
    const headers = ['員工編號', '姓名'];
    const { valid, errors } = validateRows(
      [['E001', '王小明']],
      headers,
      { employeeNo: '員工編號', name: '姓名' },
      FIELDS,
    );
    expect(valid).toEqual([]);
    expect(errors).toEqual([
      {
        rowNumber: 1,
        column: null,
        field: 'personId',
        value: '',
        message: {
          'zh-TW': '缺少必填欄位「身分證字號」：沒有對應的欄。',
          en: 'The required column "National ID number" is missing: no column is mapped to it.',
        },
      },
    ]);
  });

  it('reports a mapped header that the file does not have', () => {
    const { valid, errors } = validateRows([good], HEADERS, { ...MAPPING, email: 'Email' }, FIELDS);
    expect(valid).toEqual([]);
    expect(errors[0]).toMatchObject({ rowNumber: 1, field: 'email', column: null });
    expect(errors[0]?.message.en).toBe('The column "Email" mapped to "E-mail" is not in the file.');
  });

  it('finds a mapped header despite width and spacing differences', () => {
    const headers = HEADERS.map((h) => (h === '姓名' ? ' 姓名 ' : h));
    expect(validateRows([good], headers, MAPPING, FIELDS).errors).toEqual([]);
  });

  it('refuses two fields on one column', () => {
    const { errors } = validateRows([good], HEADERS, { ...MAPPING, name: '員工編號' }, FIELDS);
    expect(errors[0]?.message.en).toBe(
      'The column "員工編號" is mapped to both "Employee number" and "Name".',
    );
  });

  it('reports duplicates of the unique key with both row numbers', () => {
    const rows = [
      good,
      ['E002', '陳美玲', 'B234567894'],
      ['E003', '王小明', ' A123456789 '], // same ID, other spelling
    ];
    const { valid, errors } = validateRows(rows, HEADERS, MAPPING, FIELDS, {
      uniqueKey: ['personId'],
    });
    expect(valid.map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(valid[0]?.key).toBe('[["personId","A123456789"]]');
    expect(errors).toEqual([
      {
        rowNumber: 4,
        column: { header: '身分證字號', letter: 'C' },
        field: 'personId',
        value: 'A12****789',
        duplicateOf: 2,
        message: {
          'zh-TW': '與第 2 列重複：第 2 列與第 4 列的識別欄位相同。',
          en: 'Duplicate: rows 2 and 4 have the same key.',
        },
      },
    ]);
  });

  it('compares composite keys as a whole', () => {
    const rows = [
      ['E001', '王', 'A123456789'],
      ['E001', '陳', 'B234567894'],
      ['e001', '林', 'B234567894'],
    ];
    const { errors } = validateRows(rows, HEADERS, MAPPING, FIELDS, {
      uniqueKey: ['employeeNo', 'personId'],
    });
    expect(errors.map((e) => [e.rowNumber, e.duplicateOf])).toEqual([[4, 3]]);
  });

  it('requires a column for every key field', () => {
    const fields = FIELDS.map((f) => (f.key === 'email' ? { ...f, required: false } : f));
    const { errors } = validateRows([good], HEADERS.slice(0, 4), MAPPING, fields, {
      uniqueKey: ['employeeNo'],
    });
    expect(errors.some((e) => e.field === 'email' && e.column === null)).toBe(true);
    const unmapped = validateRows(
      [good],
      HEADERS,
      { ...MAPPING, email: undefined } as never,
      FIELDS,
      {
        uniqueKey: ['email'],
      },
    );
    expect(unmapped.errors[0]?.message.en).toBe(
      'The key column "E-mail" is missing: no column is mapped to it.',
    );
  });

  it('refuses a unique key naming no field (a programming error)', () => {
    expect(() => validateRows([good], HEADERS, MAPPING, FIELDS, { uniqueKey: ['nope'] })).toThrow(
      RangeError,
    );
  });

  it('numbers rows from firstRowNumber (a title above the header)', () => {
    const { errors } = validateRows([['E1', '', 'A123456789']], HEADERS, MAPPING, FIELDS, {
      firstRowNumber: 5,
    });
    expect(errors[0]?.rowNumber).toBe(5);
  });

  it('keeps at most maxErrors but counts them all', () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`E${i}`, '', 'bad']);
    const result = validateRows(rows, HEADERS, MAPPING, FIELDS, { maxErrors: 10 });
    expect(result.errors).toHaveLength(10);
    expect(result.errorCount).toBe(100);
  });

  it('reports progress and reads any iterable, such as a generator', () => {
    function* rows() {
      for (let i = 0; i < 2500; i++) yield [`E${i}`, '王', 'A123456789'];
    }
    const progress: number[] = [];
    const result = validateRows(rows(), HEADERS, MAPPING, FIELDS, {
      onProgress: (n) => progress.push(n),
    });
    expect(progress).toEqual([1000, 2000]);
    expect(result.valid).toHaveLength(2500);
  });

  it('ignores extra cells and treats missing trailing cells as empty', () => {
    const { valid } = validateRows(
      [[...good, 'extra', 'cells'], good.slice(0, 3)],
      HEADERS,
      MAPPING,
      FIELDS,
    );
    expect(valid).toHaveLength(2);
    expect(valid[1]?.values.status).toBeNull();
  });
});
