import { describe, expect, it } from 'vitest';
import { ROSTER_FIELDS } from '../../import/fields';
import { suggestMapping, validateRows } from '../../import/mapping';
import { rowKey } from '../../import/row-key';
import {
  hasLeft,
  maskedContact,
  mergeRosterPerson,
  PEOPLE_MESSAGES,
  PEOPLE_ROSTER_FIELDS,
  PEOPLE_ROSTER_UNIQUE_KEY,
  personRowKey,
  personSchema,
  rosterRowToPerson,
  type Person,
} from './people';
import { d, personInput } from './test-data';

function issuesOf(input: unknown) {
  const parsed = personSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues;
}

describe('personSchema', () => {
  it('accepts an employee and stores the ID upper case', () => {
    const person = personSchema.parse(personInput({ personId: ' a123456789 ' }));
    expect(person.personId).toBe('A123456789');
  });

  it('accepts a contractor without employee number, ID or hire date', () => {
    expect(
      issuesOf(personInput({ kind: 'contractor', employeeNo: '', personId: null, hireDate: null })),
    ).toEqual([]);
  });

  it('refuses an invalid national ID with the checksum reason, at personId', () => {
    const issues = issuesOf(personInput({ personId: 'A123456788' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(['personId']);
    expect(issues[0]?.message).toBe(PEOPLE_MESSAGES.invalidPersonId.en);
  });

  it('accepts a resident certificate number', () => {
    // New format (letter, 8 or 9, eight digits) with the same checksum.
    expect(issuesOf(personInput({ personId: 'A800000014' }))).toEqual([]);
  });

  it('needs an employee number and a hire date for an employee', () => {
    const issues = issuesOf(personInput({ employeeNo: '', hireDate: null }));
    expect(issues.map((issue) => issue.path)).toEqual([['employeeNo'], ['hireDate']]);
  });

  it('refuses a leaving date before the hire date, at leftOn', () => {
    const issues = issuesOf(personInput({ hireDate: '2024-05-01', leftOn: '2024-04-30' }));
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['leftOn'], PEOPLE_MESSAGES.leftBeforeHire.en],
    ]);
  });

  it('links only contractors to a vendor', () => {
    const vendorId = '00000000-0000-7000-8000-000000000001';
    expect(issuesOf(personInput({ kind: 'contractor', vendorId }))).toEqual([]);
    expect(issuesOf(personInput({ vendorId }))[0]?.path).toEqual(['vendorId']);
  });

  it('checks e-mail and phone when given', () => {
    expect(issuesOf(personInput({ email: 'not-an-address' }))[0]?.path).toEqual(['email']);
    expect(issuesOf(personInput({ phone: '12345' }))[0]?.path).toEqual(['phone']);
    expect(issuesOf(personInput({ email: 'wang@example.com.tw', phone: '0912345678' }))).toEqual(
      [],
    );
  });

  it('refuses job changes out of date order and bad dates, with the index in the path', () => {
    const change = { from: '資訊處', to: '稽核室', accessUpdatedOn: null };
    const issues = issuesOf(
      personInput({
        jobChanges: [
          { ...change, on: '2024-06-01' },
          { ...change, on: '2024-03-01' },
        ],
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual([['jobChanges', 1, 'on']]);
    expect(
      issuesOf(
        personInput({ jobChanges: [{ ...change, on: '2024-06-01', accessUpdatedOn: 'x' }] }),
      )[0]?.path,
    ).toEqual(['jobChanges', 0, 'accessUpdatedOn']);
  });

  it('refuses an unknown status', () => {
    expect(issuesOf({ ...personInput(), status: '在職' })[0]?.path).toEqual(['status']);
  });
});

describe('maskedContact and hasLeft', () => {
  it('masks the ID, phone and e-mail by default', () => {
    const person = personSchema.parse(
      personInput({ email: 'wang.xiaoming@gmail.com', phone: '0912345678' }),
    );
    expect(maskedContact(person)).toEqual({
      personId: 'A12****789',
      email: 'wa***@gmail.com',
      phone: '0912***678',
    });
    expect(maskedContact({ personId: null, email: '', phone: '' })).toEqual({
      personId: null,
      email: '',
      phone: '',
    });
  });

  it('counts someone as gone when marked as left or once the leaving date has come', () => {
    expect(hasLeft({ status: 'left', leftOn: null }, d('2025-01-01'))).toBe(true);
    expect(hasLeft({ status: 'active', leftOn: d('2025-01-01') }, d('2025-01-01'))).toBe(true);
    expect(hasLeft({ status: 'active', leftOn: d('2025-01-02') }, d('2025-01-01'))).toBe(false);
    expect(hasLeft({ status: 'on-leave', leftOn: null }, d('2025-01-01'))).toBe(false);
  });
});

// ——— Roster import ———

const HEADERS = [
  '員工編號',
  '姓名',
  '身分證字號',
  '部門',
  '職稱',
  '到職日',
  '在職狀態',
  '離職日',
  '帳號停用日',
  '調動日期',
  '原單位',
  '權限異動日',
  '帳號狀態',
  '人員類別',
];

describe('PEOPLE_ROSTER_FIELDS', () => {
  it('keeps every roster field of shared/import and adds optional ones', () => {
    expect(PEOPLE_ROSTER_FIELDS.slice(0, ROSTER_FIELDS.length)).toEqual(ROSTER_FIELDS);
    const added = PEOPLE_ROSTER_FIELDS.slice(ROSTER_FIELDS.length);
    expect(added.every((field) => !field.required)).toBe(true);
    const keys = PEOPLE_ROSTER_FIELDS.map((field) => field.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('maps the headers Taiwanese HR exports use', () => {
    const suggestion = suggestMapping(HEADERS, PEOPLE_ROSTER_FIELDS);
    expect(suggestion.fields).toEqual({
      employeeNo: '員工編號',
      name: '姓名',
      personId: '身分證字號',
      department: '部門',
      title: '職稱',
      hireDate: '到職日',
      status: '在職狀態',
      leftOn: '離職日',
      accessRevokedOn: '帳號停用日',
      lastJobChangeOn: '調動日期',
      previousDepartment: '原單位',
      jobChangeAccessUpdatedOn: '權限異動日',
      systemAccess: '帳號狀態',
      personKind: '人員類別',
    });
    expect(suggestion.unmappedHeaders).toEqual([]);
  });
});

function importRoster(rows: string[][]) {
  const mapping = suggestMapping(HEADERS, PEOPLE_ROSTER_FIELDS).fields;
  const result = validateRows(rows, HEADERS, mapping, PEOPLE_ROSTER_FIELDS, {
    uniqueKey: PEOPLE_ROSTER_UNIQUE_KEY,
  });
  return { result, columns: { headers: HEADERS, mapping } };
}

describe('rosterRowToPerson', () => {
  const row = (...cells: string[]) => {
    const out = Array<string>(HEADERS.length).fill('');
    cells.forEach((cell, i) => (out[i] = cell));
    return out;
  };

  it('turns a validated row into a person whose key is the row key', () => {
    const { result, columns } = importRoster([
      row('E001', '王小明', 'a123456789', '資訊處', '工程師', '113/01/02', '在職'),
    ]);
    expect(result.errorCount).toBe(0);
    const [valid] = result.valid;
    if (valid === undefined) throw new Error('no row');
    const converted = rosterRowToPerson(valid, { columns });
    expect(converted.ok).toBe(true);
    if (!converted.ok) return;
    expect(converted.value).toMatchObject({
      kind: 'employee',
      employeeNo: 'E001',
      personId: 'A123456789',
      hireDate: '2024-01-02',
      status: 'active',
      jobChanges: [],
      holdsSystemAccess: null,
      source: 'import',
    });
    expect(converted.key).toBe(valid.key);
    expect(converted.value.rowKey).toBe(valid.key);
    expect(converted.key).toBe(personRowKey(converted.value));
  });

  it('maps a leaver with access dates, a job change and the access flag', () => {
    const { result } = importRoster([
      row(
        'E002',
        '李大華',
        'B123456780',
        '稽核室',
        '稽核',
        '2020-03-01',
        '離職',
        '2024-12-31',
        '2025-01-03',
        '2024-06-01',
        '資訊處',
        '2024-06-05',
        '停用',
        '正職',
      ),
    ]);
    expect(result.errors).toEqual([]);
    const converted = rosterRowToPerson(result.valid[0] ?? { rowNumber: 0, values: {} });
    expect(converted.ok && converted.value).toMatchObject({
      kind: 'employee',
      status: 'left',
      leftOn: '2024-12-31',
      accessRevokedOn: '2025-01-03',
      holdsSystemAccess: false,
      jobChanges: [
        { on: '2024-06-01', from: '資訊處', to: '稽核室 稽核', accessUpdatedOn: '2024-06-05' },
      ],
    });
  });

  it('reads 派遣 as a contractor and a missing status with a leaving date as left', () => {
    const converted = rosterRowToPerson({
      rowNumber: 5,
      values: {
        employeeNo: 'C9',
        name: '張三',
        personId: null,
        hireDate: '2024-01-01',
        leftOn: '2024-02-01',
        personKind: '外部人員',
        status: null,
      },
    });
    expect(converted.ok && converted.value).toMatchObject({
      kind: 'contractor',
      status: 'left',
      personId: null,
    });
    const defaultKind = rosterRowToPerson(
      { rowNumber: 6, values: { employeeNo: 'C10', name: '李四', hireDate: '2024-01-01' } },
      { defaultKind: 'contractor' },
    );
    expect(defaultKind.ok && defaultKind.value.kind).toBe('contractor');
  });

  it('reports a leaving date before the hire date on its row and column', () => {
    const { result, columns } = importRoster([
      row('E001', '王小明', 'A123456789', '', '', '2024-01-02'),
      row('E003', '陳小美', 'A123456789', '', '', '2024-05-01', '離職', '2024-04-30'),
    ]);
    expect(result.errorCount).toBe(0);
    const converted = rosterRowToPerson(result.valid[1] ?? { rowNumber: 0, values: {} }, {
      columns,
    });
    expect(converted).toEqual({
      ok: false,
      rowNumber: 3,
      errors: [
        {
          rowNumber: 3,
          column: { header: '離職日', letter: 'H' },
          field: 'leftOn',
          value: '2024-04-30',
          message: PEOPLE_MESSAGES.leftBeforeHire,
        },
      ],
    });
  });

  it('reports an access change date without a job change date', () => {
    const { result, columns } = importRoster([
      row('E001', '王小明', 'A123456789', '', '', '2024-01-02', '', '', '', '', '', '2024-06-05'),
    ]);
    const converted = rosterRowToPerson(result.valid[0] ?? { rowNumber: 0, values: {} }, {
      columns,
    });
    expect(converted.ok).toBe(false);
    if (converted.ok) return;
    expect(converted.errors).toEqual([
      {
        rowNumber: 2,
        column: { header: '權限異動日', letter: 'L' },
        field: 'jobChangeAccessUpdatedOn',
        value: '2024-06-05',
        message: PEOPLE_MESSAGES.jobChangeAccessWithoutChange,
      },
    ]);
  });

  it('masks personal data in the value of an error', () => {
    const converted = rosterRowToPerson(
      {
        rowNumber: 7,
        values: { employeeNo: 'E7', name: '王', personId: 'A123456788', hireDate: '2024-01-01' },
      },
      { columns: { headers: HEADERS, mapping: { personId: '身分證字號' } } },
    );
    expect(converted.ok).toBe(false);
    if (converted.ok) return;
    expect(converted.errors[0]).toMatchObject({
      rowNumber: 7,
      column: { header: '身分證字號', letter: 'C' },
      field: 'personId',
      value: 'A12****788',
      message: PEOPLE_MESSAGES.invalidPersonId,
    });
  });

  it('gives the same key for the same person on a re-import (width, case, spaces ignored)', () => {
    const first = rosterRowToPerson({
      rowNumber: 2,
      values: { employeeNo: 'e001', name: '王小明', hireDate: '2024-01-02' },
    });
    const again = rosterRowToPerson({
      rowNumber: 9,
      values: { employeeNo: ' Ｅ００１ ', name: '王小明', hireDate: '2024-01-02' },
    });
    expect(first.ok && again.ok && first.key === again.key).toBe(true);
  });
});

describe('personRowKey', () => {
  it('keys by employee number, else by national ID, else none', () => {
    expect(personRowKey({ employeeNo: 'E001', personId: null })).toBe(
      rowKey({ employeeNo: 'E001' }, ['employeeNo']),
    );
    const byId = personRowKey({ employeeNo: '', personId: 'A123456789' as never });
    expect(byId).toBe(rowKey({ personId: 'A123456789' }, ['personId']));
    expect(byId).not.toBe(rowKey({ employeeNo: 'A123456789' }, ['employeeNo']));
    expect(personRowKey({ employeeNo: ' ', personId: null })).toBeNull();
  });
});

describe('mergeRosterPerson', () => {
  const existing: Person = personSchema.parse(
    personInput({
      holdsSystemAccess: true,
      note: '現場確認',
      jobChanges: [
        { on: '2024-03-01', from: '業務部', to: '資訊處', accessUpdatedOn: '2024-03-02' },
        { on: '2024-06-01', from: '資訊處', to: '稽核室', accessUpdatedOn: null },
      ],
    }),
  );

  it('takes HR fields from the roster and keeps what the auditor recorded', () => {
    const imported: Person = personSchema.parse(
      personInput({
        title: '資深工程師',
        source: 'import',
        jobChanges: [
          { on: '2024-06-01', from: '', to: '稽核室 稽核', accessUpdatedOn: '2024-06-04' },
        ],
      }),
    );
    const merged = mergeRosterPerson(existing, imported);
    expect(merged.title).toBe('資深工程師');
    expect(merged.source).toBe('import');
    expect(merged.holdsSystemAccess).toBe(true);
    expect(merged.note).toBe('現場確認');
    expect(merged.jobChanges).toEqual([
      { on: '2024-03-01', from: '業務部', to: '資訊處', accessUpdatedOn: '2024-03-02' },
      { on: '2024-06-01', from: '資訊處', to: '稽核室 稽核', accessUpdatedOn: '2024-06-04' },
    ]);
    expect(personSchema.safeParse(merged).success).toBe(true);
  });
});
