import { describe, expect, it } from 'vitest';
import { SR_04_ITEMS } from '../../catalog/items/sr-04';
import { suggestMapping, validateRows } from '../../import/mapping';
import {
  AGREEMENT_IMPORT_FIELDS,
  AGREEMENT_IMPORT_MESSAGES,
  AGREEMENT_KIND_INFO,
  AGREEMENT_KINDS,
  AGREEMENT_MESSAGES,
  agreementKindFromImport,
  agreementRowKey,
  agreementRowsToAgreements,
  agreementRowToAgreement,
  agreementSchema,
  compactSignature,
  partyDirectory,
  PERSON_AGREEMENT_KINDS,
  SIGNATURE_LIMITS,
  SIGNATURE_MESSAGES,
  signatureSchema,
  signatureToSvgPath,
  VENDOR_AGREEMENT_KINDS,
  type Signature,
} from './agreements';
import { personRowKey } from './people';
import { agreementInput, idOf, storedPerson, storedVendor } from './test-data';
import { TAX_ID_MESSAGES } from './vendors';

function issuesOf(input: unknown) {
  const parsed = agreementSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues;
}

const person = storedPerson({}, { id: idOf(1) });
const vendor = storedVendor({}, { id: idOf(2) });

describe('agreement kinds', () => {
  it('maps every kind to an SR-04 item that uses the confidentiality-agreement register or art. 4 item 1', () => {
    const ids = new Set(SR_04_ITEMS.map((item) => item.id));
    for (const kind of AGREEMENT_KINDS)
      expect(ids.has(AGREEMENT_KIND_INFO[kind].itemId)).toBe(true);
    expect(AGREEMENT_KIND_INFO['employee-undertaking'].itemId).toBe('SR-04-01.1');
    expect(AGREEMENT_KIND_INFO['employment-clause'].itemId).toBe('SR-04-01.2');
    expect(AGREEMENT_KIND_INFO['handbook-acknowledgement'].itemId).toBe('SR-04-01.2');
    expect(AGREEMENT_KIND_INFO['outsourcing-clause'].itemId).toBe('SR-04-02.1');
    expect(AGREEMENT_KIND_INFO['disposal-vendor-nda'].itemId).toBe('SR-04-06.3');
    expect(AGREEMENT_KIND_INFO['employee-undertaking'].label['zh-TW']).toBe('資訊安全保密切結書');
  });

  it('splits the kinds by who signs them', () => {
    expect(PERSON_AGREEMENT_KINDS).toEqual([
      'employee-undertaking',
      'employment-clause',
      'handbook-acknowledgement',
    ]);
    expect(VENDOR_AGREEMENT_KINDS).toEqual(['outsourcing-clause', 'disposal-vendor-nda']);
  });
});

describe('agreementSchema', () => {
  it('accepts a signed undertaking', () => {
    expect(issuesOf(agreementInput(person))).toEqual([]);
  });

  it('refuses a vendor agreement signed by a person, at kind', () => {
    const issues = issuesOf(agreementInput(person, { kind: 'outsourcing-clause' }));
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['kind'], AGREEMENT_MESSAGES.partyDoesNotFitKind.en],
    ]);
    expect(
      issuesOf(agreementInput(vendor, { partyKind: 'vendor', kind: 'employee-undertaking' }))[0]
        ?.path,
    ).toEqual(['kind']);
    expect(
      issuesOf(agreementInput(vendor, { partyKind: 'vendor', kind: 'disposal-vendor-nda' })),
    ).toEqual([]);
  });

  it('refuses an expiry before signing or before taking effect, at expiresOn', () => {
    expect(issuesOf(agreementInput(person, { expiresOn: '2024-01-01' }))[0]?.path).toEqual([
      'expiresOn',
    ]);
    const issues = issuesOf(
      agreementInput(person, { validFrom: '2024-03-01', expiresOn: '2024-02-01' }),
    );
    expect(issues.map((issue) => issue.message)).toEqual([
      AGREEMENT_MESSAGES.expiresBeforeValid.en,
    ]);
    // Expiring on the signing day is allowed (a one-day agreement).
    expect(issuesOf(agreementInput(person, { expiresOn: '2024-01-02' }))).toEqual([]);
  });

  it('needs a version, a signer and ids that are record ids', () => {
    expect(issuesOf(agreementInput(person, { version: ' ' }))[0]?.path).toEqual(['version']);
    expect(issuesOf(agreementInput(person, { signer: '' }))[0]?.path).toEqual(['signer']);
    expect(issuesOf({ ...agreementInput(person), partyId: 'E001' })[0]?.path).toEqual(['partyId']);
    expect(issuesOf(agreementInput(person, { attachmentId: 'scan.pdf' }))[0]?.path).toEqual([
      'attachmentId',
    ]);
  });

  it('needs a signature captured on screen to be dated on the signing day in Taipei', () => {
    const signature: Signature = {
      // 2024-01-01T16:30Z is 2024-01-02 00:30 in Taipei.
      capturedAt: '2024-01-01T16:30:00.000Z' as Signature['capturedAt'],
      width: 300,
      height: 100,
      strokes: [[{ x: 1, y: 2, t: 0, pressure: 0.5 }]],
    };
    expect(issuesOf(agreementInput(person, { signature }))).toEqual([]);
    const wrongDay = { ...signature, capturedAt: '2024-01-02T16:30:00.000Z' };
    expect(issuesOf(agreementInput(person, { signature: wrongDay }))[0]?.path).toEqual([
      'signature',
      'capturedAt',
    ]);
  });

  it('reports a malformed capture time as an issue instead of throwing', () => {
    const signature = {
      capturedAt: 'yesterday',
      width: 300,
      height: 100,
      strokes: [[{ x: 1, y: 2, t: 0, pressure: 0.5 }]],
    };
    const parsed = agreementSchema.safeParse(agreementInput(person, { signature }));
    expect(parsed.error?.issues.map((issue) => issue.path)).toEqual([['signature', 'capturedAt']]);
  });
});

describe('signatures', () => {
  const base = {
    capturedAt: '2025-03-05T02:00:00.000Z',
    width: 400,
    height: 150,
    strokes: [
      [
        { x: 10, y: 20, t: 0, pressure: 0.5 },
        { x: 15.256, y: 25, t: 16, pressure: 0.6 },
      ],
      [{ x: 50, y: 60, t: 400, pressure: 0.5 }],
    ],
  };

  it('accepts a small signature and renders it as one SVG path', () => {
    const signature = signatureSchema.parse(base);
    expect(signatureToSvgPath(signature)).toBe('M10 20 L15.26 25 M50 60 l0 0');
  });

  it('refuses points outside the pad and time going back, with the path of the point', () => {
    const outside = signatureSchema.safeParse({
      ...base,
      strokes: [[{ x: 401, y: 20, t: 0, pressure: 0.5 }]],
    });
    expect(outside.success).toBe(false);
    expect(outside.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['strokes', 0, 0], SIGNATURE_MESSAGES.outsidePad.en],
    ]);
    const back = signatureSchema.safeParse({
      ...base,
      strokes: [
        [
          { x: 1, y: 1, t: 10, pressure: 0.5 },
          { x: 2, y: 2, t: 5, pressure: 0.5 },
        ],
      ],
    });
    expect(back.error?.issues[0]?.path).toEqual(['strokes', 0, 1, 't']);
  });

  it('bounds the number of points, strokes and the pressure', () => {
    const point = { x: 1, y: 1, t: 0, pressure: 0.5 };
    const many = Array.from({ length: 3 }, () =>
      Array.from({ length: SIGNATURE_LIMITS.maxPointsPerStroke }, () => point),
    );
    const tooMany = signatureSchema.safeParse({ ...base, strokes: many });
    expect(tooMany.error?.issues.map((issue) => issue.message)).toEqual([
      SIGNATURE_MESSAGES.tooManyPoints.en,
    ]);
    const long = signatureSchema.safeParse({
      ...base,
      strokes: [Array.from({ length: SIGNATURE_LIMITS.maxPointsPerStroke + 1 }, () => point)],
    });
    expect(long.error?.issues[0]?.path).toEqual(['strokes', 0]);
    const strokes = signatureSchema.safeParse({
      ...base,
      strokes: Array.from({ length: SIGNATURE_LIMITS.maxStrokes + 1 }, () => [point]),
    });
    expect(strokes.error?.issues[0]?.path).toEqual(['strokes']);
    expect(
      signatureSchema.safeParse({ ...base, strokes: [[{ ...point, pressure: 1.5 }]] }).error
        ?.issues[0]?.path,
    ).toEqual(['strokes', 0, 0, 'pressure']);
    expect(signatureSchema.safeParse({ ...base, strokes: [] }).success).toBe(false);
    expect(signatureSchema.safeParse({ ...base, width: 0 }).error?.issues[0]?.path).toEqual([
      'width',
    ]);
  });

  it('compacts a capture: rounded coordinates, repeated points dropped', () => {
    const signature = signatureSchema.parse({
      ...base,
      strokes: [
        [
          { x: 10.04, y: 20.01, t: 0, pressure: 0.501 },
          { x: 10.01, y: 19.99, t: 8, pressure: 0.499 },
          { x: 11.26, y: 20, t: 16, pressure: 0.5 },
        ],
      ],
    });
    const compact = compactSignature(signature);
    expect(compact.strokes).toEqual([
      [
        { x: 10, y: 20, t: 0, pressure: 0.5 },
        { x: 11.3, y: 20, t: 16, pressure: 0.5 },
      ],
    ]);
    expect(signatureSchema.safeParse(compact).success).toBe(true);
  });
});

// ——— Import ———

const HEADERS = [
  '員工編號',
  '統一編號',
  '文件類別',
  '版本',
  '簽署日期',
  '立書人',
  '公司代表',
  '到期日',
];

function importAgreements(rows: string[][]) {
  const mapping = suggestMapping(HEADERS, AGREEMENT_IMPORT_FIELDS).fields;
  const validated = validateRows(rows, HEADERS, mapping, AGREEMENT_IMPORT_FIELDS);
  return { validated, columns: { headers: HEADERS, mapping } };
}

describe('agreement import', () => {
  const wang = storedPerson({ employeeNo: 'E001', name: '王小明' }, { id: idOf(11) });
  const padded = storedPerson(
    { employeeNo: '00123', name: '林小芳', personId: 'B123456780' },
    { id: idOf(12) },
  );
  const gone = storedPerson(
    { employeeNo: 'E404', name: '已刪除' },
    { id: idOf(13), deleted: true },
  );
  const twinA = storedPerson({ employeeNo: 'E777', name: '甲' }, { id: idOf(14) });
  const twinB = storedPerson({ employeeNo: 'e777', name: '乙' }, { id: idOf(15) });
  const acme = storedVendor({ name: '甲資訊', taxId: '04595257' }, { id: idOf(21) });
  const directory = partyDirectory([wang, padded, gone, twinA, twinB], [acme]);

  it('maps the usual headers', () => {
    expect(suggestMapping(HEADERS, AGREEMENT_IMPORT_FIELDS).fields).toEqual({
      employeeNo: '員工編號',
      vendorTaxId: '統一編號',
      kind: '文件類別',
      version: '版本',
      signedOn: '簽署日期',
      signer: '立書人',
      counterSigner: '公司代表',
      expiresOn: '到期日',
    });
  });

  it('reads kinds by their names and short forms', () => {
    expect(agreementKindFromImport('資訊安全保密切結書')).toBe('employee-undertaking');
    expect(agreementKindFromImport('other')).toBeNull();
    const { validated } = importAgreements([
      ['E001', '', '切結書', '2024.1', '2024-01-02', '', '', ''],
      ['', '04595257', '委外契約', 'V3', '2024-01-05', '', '', '2026-12-31'],
      ['E001', '', '工作手冊', '2023', '2024-01-02', '', '', ''],
    ]);
    expect(validated.errorCount).toBe(0);
    expect(validated.valid.map((row) => row.values.kind)).toEqual([
      '資訊安全保密切結書',
      '委外契約保密條款',
      '員工手冊簽收',
    ]);
  });

  it('links rows to people by employee number and to vendors by tax ID', () => {
    const { validated, columns } = importAgreements([
      ['e001', '', '保密切結書', '2024.1', '113/01/02', '', '人資主管', ''],
      ['', '4595257', '委外契約保密條款', 'V3', '2024-01-05', '陳經理', '', '2026-12-31'],
      ['123', '', '保密切結書', '2024.1', '2024-02-01', '', '', ''],
    ]);
    const result = agreementRowsToAgreements(validated.valid, directory, columns);
    expect(result.errors).toEqual([]);
    expect(result.agreements.map(({ rowNumber, value }) => [rowNumber, value.partyId])).toEqual([
      [2, wang.id],
      [3, acme.id],
      [4, padded.id],
    ]);
    const [first, second] = result.agreements;
    expect(first?.value).toMatchObject({
      partyKind: 'person',
      kind: 'employee-undertaking',
      signedOn: '2024-01-02',
      // An empty signer takes the name in the register.
      signer: '王小明',
      counterSigner: '人資主管',
      source: 'import',
    });
    expect(second?.value).toMatchObject({
      partyKind: 'vendor',
      kind: 'outsourcing-clause',
      signer: '陳經理',
      expiresOn: '2026-12-31',
    });
    expect(first?.key).toBe(
      agreementRowKey(personRowKey(wang), {
        kind: 'employee-undertaking',
        version: '2024.1',
        signedOn: '2024-01-02' as never,
      }),
    );
    expect(first?.value.rowKey).toBe(first?.key);
  });

  it('gives the same keys when the same file is imported again', () => {
    const rows = [
      ['E001', '', '保密切結書', '2024.1', '2024-01-02', '', '', ''],
      ['', '04595257', '委外契約', 'V3', '2024-01-05', '', '', ''],
    ];
    const once = importAgreements(rows);
    const twice = importAgreements(rows.map((row) => row.map((cell) => ` ${cell} `)));
    const keys = (run: typeof once) =>
      agreementRowsToAgreements(run.validated.valid, directory, run.columns).agreements.map(
        (agreement) => agreement.key,
      );
    expect(keys(twice)).toEqual(keys(once));
    expect(keys(once).every((key) => key !== null)).toBe(true);
  });

  it('reports unmatched and ambiguous parties with row, column and message', () => {
    const { validated, columns } = importAgreements([
      ['E999', '', '保密切結書', '2024.1', '2024-01-02', '', '', ''],
      ['E404', '', '保密切結書', '2024.1', '2024-01-02', '', '', ''],
      ['E777', '', '保密切結書', '2024.1', '2024-01-02', '', '', ''],
      ['', '22099131', '委外契約', 'V3', '2024-01-05', '', '', ''],
      ['', '22099132', '委外契約', 'V3', '2024-01-05', '', '', ''],
      ['', '', '保密切結書', '2024.1', '2024-01-02', '', '', ''],
      ['E001', '04595257', '保密切結書', '2024.1', '2024-01-02', '', '', ''],
    ]);
    expect(validated.errorCount).toBe(0);
    const { agreements, errors } = agreementRowsToAgreements(validated.valid, directory, columns);
    expect(agreements).toEqual([]);
    const employee = { header: '員工編號', letter: 'A' };
    const tax = { header: '統一編號', letter: 'B' };
    expect(
      errors.map(({ rowNumber, column, field, value, message }) => ({
        rowNumber,
        column,
        field,
        value,
        message,
      })),
    ).toEqual([
      {
        rowNumber: 2,
        column: employee,
        field: 'employeeNo',
        value: 'E999',
        message: AGREEMENT_IMPORT_MESSAGES.personNotFound,
      },
      // A deleted person is not matched.
      {
        rowNumber: 3,
        column: employee,
        field: 'employeeNo',
        value: 'E404',
        message: AGREEMENT_IMPORT_MESSAGES.personNotFound,
      },
      {
        rowNumber: 4,
        column: employee,
        field: 'employeeNo',
        value: 'E777',
        message: AGREEMENT_IMPORT_MESSAGES.ambiguous,
      },
      {
        rowNumber: 5,
        column: tax,
        field: 'vendorTaxId',
        value: '22099131',
        message: AGREEMENT_IMPORT_MESSAGES.vendorNotFound,
      },
      {
        rowNumber: 6,
        column: tax,
        field: 'vendorTaxId',
        value: '22099132',
        message: TAX_ID_MESSAGES.checksum,
      },
      {
        rowNumber: 7,
        column: employee,
        field: 'employeeNo',
        value: '',
        message: AGREEMENT_IMPORT_MESSAGES.noParty,
      },
      {
        rowNumber: 8,
        column: tax,
        field: 'vendorTaxId',
        value: '04595257',
        message: AGREEMENT_IMPORT_MESSAGES.bothParties,
      },
    ]);
  });

  it('reports a kind the party cannot sign and an expiry before signing on their columns', () => {
    const { validated, columns } = importAgreements([
      ['E001', '', '委外契約', 'V3', '2024-01-05', '', '', ''],
      ['E001', '', '保密切結書', '2024.1', '2024-01-05', '', '', '2024-01-04'],
    ]);
    const { errors } = agreementRowsToAgreements(validated.valid, directory, columns);
    expect(
      errors.map(({ rowNumber, column, message }) => ({ rowNumber, column, message })),
    ).toEqual([
      {
        rowNumber: 2,
        column: { header: '文件類別', letter: 'C' },
        message: AGREEMENT_MESSAGES.partyDoesNotFitKind,
      },
      {
        rowNumber: 3,
        column: { header: '到期日', letter: 'H' },
        message: AGREEMENT_MESSAGES.expiresBeforeSigned,
      },
    ]);
  });

  it('reports the same agreement twice in one file on the later row', () => {
    const { validated, columns } = importAgreements([
      ['E001', '', '保密切結書', '2024.1', '2024-01-02', '', '', ''],
      ['E001', '', '切結書', '2024.1', '113/1/2', '', '', ''],
    ]);
    const { agreements, errors } = agreementRowsToAgreements(validated.valid, directory, columns);
    expect(agreements).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      rowNumber: 3,
      column: { header: '簽署日期', letter: 'E' },
      duplicateOf: 2,
    });
    expect(errors[0]?.message['zh-TW']).toContain('第 2 列');
  });

  it('converts one row without the column information', () => {
    const converted = agreementRowToAgreement(
      { rowNumber: 2, values: { employeeNo: 'E999', kind: '資訊安全保密切結書' } },
      directory,
    );
    expect(converted).toMatchObject({ ok: false, errors: [{ rowNumber: 2, column: null }] });
  });
});
