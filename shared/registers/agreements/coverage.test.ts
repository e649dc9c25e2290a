import { describe, expect, it } from 'vitest';
import type { Stored } from '../../domain/records';
import type { Agreement } from './agreements';
import {
  computeCoverage,
  GAP_KINDS,
  type CoverageGap,
  type CoverageInput,
  type GapKind,
} from './coverage';
import { currentVersionsSchema, type CurrentVersionsInput } from './current-versions';
import type { Person } from './people';
import { d, idOf, storedAgreement, storedPerson, storedVendor } from './test-data';
import type { Vendor } from './vendors';

const ASOF = d('2025-03-31');

function settings(overrides: CurrentVersionsInput = {}) {
  return currentVersionsSchema.parse({
    versions: {
      'employee-undertaking': { current: '2024.1', accepted: ['2023.2'] },
      'employment-clause': { current: 'C1', accepted: [] },
      'handbook-acknowledgement': { current: 'H1', accepted: [] },
      'outsourcing-clause': { current: 'V3', accepted: [] },
      'disposal-vendor-nda': { current: 'N1', accepted: [] },
    },
    requiredForEmployees: ['employee-undertaking'],
    leaverGraceDays: 1,
    jobChangeGraceDays: 7,
    ...overrides,
  });
}

function run(
  input: {
    people?: Stored<Person>[];
    vendors?: Stored<Vendor>[];
    agreements?: Stored<Agreement>[];
  },
  options: Partial<Omit<CoverageInput, 'people' | 'vendors' | 'agreements'>> = {},
) {
  return computeCoverage({
    people: input.people ?? [],
    vendors: input.vendors ?? [],
    agreements: input.agreements ?? [],
    currentVersions: options.currentVersions ?? settings(),
    asOf: options.asOf ?? ASOF,
    startCheckFrom: options.startCheckFrom ?? null,
  });
}

const kinds = (gaps: readonly CoverageGap[]) => gaps.map((gap) => gap.kind);
function only<K extends GapKind>(gaps: readonly CoverageGap[], kind: K) {
  const found = gaps.filter((gap): gap is Extract<CoverageGap, { kind: K }> => gap.kind === kind);
  expect(found).toHaveLength(1);
  const [gap] = found;
  if (gap === undefined) throw new Error(`no ${kind} gap`);
  return gap;
}

// ——— Employees: art. 4 item 1 ———

describe('employees signing (art. 4 item 1)', () => {
  const wang = storedPerson({ employeeNo: 'E001', hireDate: '2024-01-02' }, { id: idOf(1) });

  it('finds nothing for an employee with a current undertaking signed on the start date', () => {
    const { gaps, summary } = run({ people: [wang], agreements: [storedAgreement(wang)] });
    expect(gaps).toEqual([]);
    expect(summary.employees).toEqual({ current: 1, covered: 1, percent: 100 });
    expect(summary.gapCounts).toEqual(Object.fromEntries(GAP_KINDS.map((kind) => [kind, 0])));
  });

  it('reports an employee without an undertaking on SR-04-01.1', () => {
    const { gaps, summary } = run({ people: [wang] });
    const gap = only(gaps, 'unsigned');
    expect(gap).toMatchObject({
      itemId: 'SR-04-01.1',
      party: { kind: 'person', id: wang.id, name: '王小明', number: 'E001', maskedPersonId: null },
      facts: { agreementKind: 'employee-undertaking', hireDate: '2024-01-02', lastExpiredOn: null },
    });
    expect(gap.explanation['zh-TW']).toContain('王小明（E001）');
    expect(gap.explanation['zh-TW']).toContain('資訊安全保密切結書');
    expect(gap.explanation.en).toContain(
      'has no signed Information-security confidentiality undertaking',
    );
    expect(summary.employees).toEqual({ current: 1, covered: 0, percent: 0 });
    expect(summary.gapCounts.unsigned).toBe(1);
  });

  it('requires all three documents of item 1 by default, the contract and handbook on SR-04-01.2', () => {
    const { gaps } = run(
      { people: [wang], agreements: [storedAgreement(wang)] },
      { currentVersions: settings({ requiredForEmployees: undefined }) },
    );
    expect(
      gaps.map((gap) => [
        gap.kind,
        gap.itemId,
        'agreementKind' in gap.facts ? gap.facts.agreementKind : null,
      ]),
    ).toEqual([
      ['unsigned', 'SR-04-01.2', 'employment-clause'],
      ['unsigned', 'SR-04-01.2', 'handbook-acknowledgement'],
    ]);
  });

  it('counts an agreement up to and including its expiry date', () => {
    const onTheDay = storedAgreement(wang, { expiresOn: '2025-03-31' });
    expect(run({ people: [wang], agreements: [onTheDay] }).gaps).toEqual([]);
    const dayBefore = storedAgreement(wang, { expiresOn: '2025-03-30' });
    const gap = only(run({ people: [wang], agreements: [dayBefore] }).gaps, 'unsigned');
    expect(gap.facts.lastExpiredOn).toBe('2025-03-30');
    expect(gap.explanation['zh-TW']).toContain('已於 2025-03-30 到期');
  });

  it('ignores agreements signed after asOf or not yet in effect', () => {
    const later = storedAgreement(wang, { signedOn: '2025-04-01' });
    expect(kinds(run({ people: [wang], agreements: [later] }).gaps)).toEqual(['unsigned']);
    const notYet = storedAgreement(wang, { validFrom: '2025-04-01' });
    expect(kinds(run({ people: [wang], agreements: [notYet] }).gaps)).toEqual(['unsigned']);
  });

  it('reports an outdated version, and not an accepted one', () => {
    const old = storedAgreement(wang, { version: '2022.1' });
    const { gaps, summary } = run({ people: [wang], agreements: [old] });
    const gap = only(gaps, 'outdated-version');
    expect(gap).toMatchObject({
      itemId: 'SR-04-01.1',
      facts: {
        agreementKind: 'employee-undertaking',
        agreementId: old.id,
        version: '2022.1',
        expected: '2024.1',
        accepted: ['2023.2'],
      },
    });
    expect(summary.employees.covered).toBe(0);
    const accepted = storedAgreement(wang, { version: '2023.2' });
    expect(run({ people: [wang], agreements: [accepted] }).gaps).toEqual([]);
  });

  it('is satisfied by a current version even when an older one is also on file', () => {
    const agreements = [
      storedAgreement(wang, { version: '2022.1', signedOn: '2024-01-02' }),
      storedAgreement(wang, { version: '2024.1', signedOn: '2024-06-01' }),
    ];
    expect(run({ people: [wang], agreements }).gaps).toEqual([]);
  });

  it('does not judge versions of a kind without an expected version, and says so', () => {
    const old = storedAgreement(wang, { version: 'whatever' });
    const { gaps, summary } = run(
      { people: [wang], agreements: [old] },
      { currentVersions: settings({ versions: {} }) },
    );
    expect(gaps).toEqual([]);
    expect(summary.kindsWithoutVersion).toEqual(['employee-undertaking']);
    expect(summary.employees.covered).toBe(1);
  });

  it('reports an undertaking signed after the start date, from the earliest one signed', () => {
    const agreements = [
      storedAgreement(wang, { signedOn: '2024-01-03', version: '2023.2' }),
      storedAgreement(wang, { signedOn: '2024-09-01' }),
    ];
    const { gaps, summary } = run({ people: [wang], agreements });
    const gap = only(gaps, 'signed-after-start');
    expect(gap.facts).toMatchObject({
      agreementKind: 'employee-undertaking',
      startDate: '2024-01-02',
      signedOn: '2024-01-03',
      daysLate: 1,
    });
    expect(gap.itemId).toBe('SR-04-01.1');
    // Late but in place: the employee is covered.
    expect(summary.employees.covered).toBe(1);
  });

  it('checks the start date only for people hired from startCheckFrom when given', () => {
    const late = storedAgreement(wang, { signedOn: '2024-02-01' });
    expect(kinds(run({ people: [wang], agreements: [late] }).gaps)).toEqual(['signed-after-start']);
    expect(
      run({ people: [wang], agreements: [late] }, { startCheckFrom: d('2024-01-03') }).gaps,
    ).toEqual([]);
    expect(
      kinds(run({ people: [wang], agreements: [late] }, { startCheckFrom: d('2024-01-02') }).gaps),
    ).toEqual(['signed-after-start']);
  });

  it('counts staff on unpaid leave, but not future joiners, leavers or contractors', () => {
    const onLeave = storedPerson({ employeeNo: 'E002', status: 'on-leave' }, { id: idOf(2) });
    const future = storedPerson({ employeeNo: 'E003', hireDate: '2025-04-01' }, { id: idOf(3) });
    const leaver = storedPerson(
      { employeeNo: 'E004', status: 'left', leftOn: '2025-01-31', accessRevokedOn: '2025-01-31' },
      { id: idOf(4) },
    );
    const contractor = storedPerson(
      { kind: 'contractor', employeeNo: 'C001', personId: null },
      { id: idOf(5) },
    );
    const { gaps, summary } = run({
      people: [wang, onLeave, future, leaver, contractor],
      agreements: [storedAgreement(wang)],
    });
    expect(gaps.map((gap) => [gap.kind, gap.party.number])).toEqual([['unsigned', 'E002']]);
    expect(summary.employees).toEqual({ current: 2, covered: 1, percent: 50 });
    expect(summary.leavers).toBe(1);
  });

  it('does not require contractors to sign, but checks the version of what they signed', () => {
    const contractor = storedPerson(
      { kind: 'contractor', employeeNo: '', personId: 'A123456789', name: '外包甲' },
      { id: idOf(6) },
    );
    const { gaps, summary } = run({
      people: [contractor],
      agreements: [storedAgreement(contractor, { version: '2020' })],
    });
    const gap = only(gaps, 'outdated-version');
    expect(gap.party).toMatchObject({ personKind: 'contractor', maskedPersonId: 'A12****789' });
    expect(gap.explanation['zh-TW']).toContain('外包甲（A12****789）');
    expect(JSON.stringify(gaps)).not.toContain('A123456789');
    expect(summary.employees).toEqual({ current: 0, covered: 0, percent: null });
  });

  it('computes the percentage to one decimal', () => {
    const people = [1, 2, 3].map((n) =>
      storedPerson({ employeeNo: `E00${n}` }, { id: idOf(10 + n) }),
    );
    const [first] = people;
    if (first === undefined) throw new Error('no person');
    const { summary } = run({ people, agreements: [storedAgreement(first)] });
    expect(summary.employees).toEqual({ current: 3, covered: 1, percent: 33.3 });
  });
});

// ——— Deleted and unlinked records ———

describe('deleted and unlinked records', () => {
  const wang = storedPerson({ employeeNo: 'E001' }, { id: idOf(1) });

  it('ignores deleted people, vendors and agreements', () => {
    const gonePerson = storedPerson({ employeeNo: 'E009' }, { id: idOf(9), deleted: true });
    const goneVendor = storedVendor({}, { id: idOf(30), deleted: true });
    const deletedAgreement = storedAgreement(wang, {}, { deleted: true });
    const { gaps, summary } = run({
      people: [wang, gonePerson],
      vendors: [goneVendor],
      agreements: [deletedAgreement],
    });
    expect(gaps.map((gap) => [gap.kind, gap.party.id])).toEqual([['unsigned', wang.id]]);
    expect(summary.employees.current).toBe(1);
    expect(summary.vendors.inForce).toBe(0);
    expect(summary.unlinkedAgreements).toBe(0);
  });

  it('counts agreements of missing or deleted parties as unlinked', () => {
    const gonePerson = storedPerson({ employeeNo: 'E009' }, { id: idOf(9), deleted: true });
    const { summary } = run({
      people: [wang, gonePerson],
      agreements: [
        storedAgreement(wang),
        storedAgreement(gonePerson),
        storedAgreement({ id: idOf(404) }),
      ],
    });
    expect(summary.unlinkedAgreements).toBe(2);
  });
});

// ——— Leavers: art. 4 item 5 ———

describe('leavers with access (art. 4 item 5, SR-04-05.1)', () => {
  const leaver = (overrides: Parameters<typeof storedPerson>[0] = {}) =>
    storedPerson(
      {
        employeeNo: 'E100',
        name: '離職甲',
        status: 'left',
        leftOn: '2025-03-01',
        ...overrides,
      },
      { id: idOf(100) },
    );

  it('accepts revocation on the last day of the grace period, not the day after', () => {
    // Grace 1 day: deadline 2025-03-02.
    expect(run({ people: [leaver({ accessRevokedOn: '2025-03-02' })] }).gaps).toEqual([]);
    expect(run({ people: [leaver({ accessRevokedOn: '2025-03-01' })] }).gaps).toEqual([]);
    const gap = only(
      run({ people: [leaver({ accessRevokedOn: '2025-03-03' })] }).gaps,
      'leaver-with-access',
    );
    expect(gap).toMatchObject({
      itemId: 'SR-04-05.1',
      facts: {
        reason: 'revoked-late',
        leftOn: '2025-03-01',
        accessRevokedOn: '2025-03-03',
        graceDays: 1,
        deadline: '2025-03-02',
        daysPastDeadline: 1,
      },
    });
  });

  it('honours a grace period of 0 days', () => {
    const zero = settings({ leaverGraceDays: 0 });
    expect(
      run({ people: [leaver({ accessRevokedOn: '2025-03-01' })] }, { currentVersions: zero }).gaps,
    ).toEqual([]);
    expect(
      kinds(
        run({ people: [leaver({ accessRevokedOn: '2025-03-02' })] }, { currentVersions: zero })
          .gaps,
      ),
    ).toEqual(['leaver-with-access']);
  });

  it('reports a leaver with no revocation once the deadline has passed', () => {
    const person = leaver();
    expect(run({ people: [person] }, { asOf: d('2025-03-02') }).gaps).toEqual([]);
    const gap = only(
      run({ people: [person] }, { asOf: d('2025-03-03') }).gaps,
      'leaver-with-access',
    );
    expect(gap.facts).toMatchObject({ reason: 'not-revoked', daysPastDeadline: 1 });
    expect(only(run({ people: [person] }).gaps, 'leaver-with-access').facts.daysPastDeadline).toBe(
      29,
    );
  });

  it('treats a revocation dated after asOf as not done yet', () => {
    const gap = only(
      run({ people: [leaver({ accessRevokedOn: '2025-04-10' })] }).gaps,
      'leaver-with-access',
    );
    expect(gap.facts.reason).toBe('not-revoked');
  });

  it('reports a leaver who still holds access even with a revocation date', () => {
    const gap = only(
      run({ people: [leaver({ accessRevokedOn: '2025-03-01', holdsSystemAccess: true })] }).gaps,
      'leaver-with-access',
    );
    expect(gap.facts.reason).toBe('holds-access');
    expect(gap.explanation['zh-TW']).toContain('仍持有系統存取權限');
  });

  it('reports an unknown leaving date without revocation, but cannot judge lateness of one', () => {
    const unknown = leaver({ leftOn: null });
    const gap = only(run({ people: [unknown] }).gaps, 'leaver-with-access');
    expect(gap.facts).toMatchObject({
      reason: 'not-revoked',
      deadline: null,
      daysPastDeadline: null,
    });
    expect(run({ people: [leaver({ leftOn: null, accessRevokedOn: '2025-03-20' })] }).gaps).toEqual(
      [],
    );
  });

  it('counts someone still marked active whose leaving date has come', () => {
    const person = leaver({ status: 'active' });
    expect(kinds(run({ people: [person] }).gaps)).toEqual(['leaver-with-access']);
    expect(run({ people: [person] }, { asOf: d('2025-02-28') }).summary.leavers).toBe(0);
  });

  it('applies to contractors too', () => {
    const contractor = leaver({ kind: 'contractor', holdsSystemAccess: true });
    expect(only(run({ people: [contractor] }).gaps, 'leaver-with-access').party.personKind).toBe(
      'contractor',
    );
  });
});

// ——— Job changes: art. 4 item 5 ———

describe('job changes (art. 4 item 5, SR-04-05.2)', () => {
  const mover = (accessUpdatedOn: string | null, on = '2025-03-01') =>
    storedPerson(
      {
        employeeNo: 'E200',
        jobChanges: [{ on, from: '業務部', to: '資訊處', accessUpdatedOn }],
      },
      { id: idOf(200) },
    );
  const noSigning = settings({ requiredForEmployees: [] });

  it('accepts an access change on the last day of the grace period, not the day after', () => {
    // Grace 7 days: deadline 2025-03-08.
    expect(run({ people: [mover('2025-03-08')] }, { currentVersions: noSigning }).gaps).toEqual([]);
    const gap = only(
      run({ people: [mover('2025-03-09')] }, { currentVersions: noSigning }).gaps,
      'job-change-access-not-updated',
    );
    expect(gap).toMatchObject({
      itemId: 'SR-04-05.2',
      facts: {
        reason: 'updated-late',
        changedOn: '2025-03-01',
        from: '業務部',
        to: '資訊處',
        accessUpdatedOn: '2025-03-09',
        deadline: '2025-03-08',
        daysPastDeadline: 1,
      },
    });
  });

  it('reports a change without an access update once the deadline has passed', () => {
    const person = mover(null);
    expect(
      run({ people: [person] }, { currentVersions: noSigning, asOf: d('2025-03-08') }).gaps,
    ).toEqual([]);
    const gap = only(
      run({ people: [person] }, { currentVersions: noSigning, asOf: d('2025-03-09') }).gaps,
      'job-change-access-not-updated',
    );
    expect(gap.facts).toMatchObject({ reason: 'not-updated', daysPastDeadline: 1 });
    expect(gap.explanation['zh-TW']).toContain('自「業務部」調至「資訊處」');
  });

  it('ignores changes after asOf', () => {
    expect(
      run({ people: [mover(null, '2025-04-15')] }, { currentVersions: noSigning }).gaps,
    ).toEqual([]);
  });

  it('reports each late change of a person separately', () => {
    const person = storedPerson(
      {
        employeeNo: 'E201',
        jobChanges: [
          { on: '2024-05-01', from: 'A', to: 'B', accessUpdatedOn: null },
          { on: '2024-09-01', from: 'B', to: 'C', accessUpdatedOn: '2024-09-02' },
          { on: '2025-01-01', from: 'C', to: 'D', accessUpdatedOn: '2025-02-01' },
        ],
      },
      { id: idOf(201) },
    );
    const { gaps } = run({ people: [person] }, { currentVersions: noSigning });
    expect(
      gaps.map((gap) =>
        gap.kind === 'job-change-access-not-updated' ? gap.facts.changedOn : null,
      ),
    ).toEqual(['2024-05-01', '2025-01-01']);
    expect(new Set(gaps.map((gap) => gap.id)).size).toBe(2);
  });
});

// ——— Vendors: art. 4 items 2 and 6 ———

describe('vendors (art. 4 items 2 and 6)', () => {
  const acme = storedVendor({ name: '甲資訊', taxId: '04595257' }, { id: idOf(300) });
  const clause = (overrides: Parameters<typeof storedAgreement>[1] = {}) =>
    storedAgreement(acme, {
      partyKind: 'vendor',
      kind: 'outsourcing-clause',
      version: 'V3',
      signedOn: '2023-12-20',
      signer: '陳經理',
      ...overrides,
    });

  it('finds nothing for a vendor with a current clause signed before the contract started', () => {
    const { gaps, summary } = run({ vendors: [acme], agreements: [clause()] });
    expect(gaps).toEqual([]);
    expect(summary.vendors).toEqual({ inForce: 1, covered: 1, percent: 100 });
  });

  it('reports a vendor without the outsourcing clause on SR-04-02.1', () => {
    const { gaps, summary } = run({ vendors: [acme] });
    const gap = only(gaps, 'vendor-unsigned');
    expect(gap).toMatchObject({
      itemId: 'SR-04-02.1',
      party: { kind: 'vendor', name: '甲資訊', number: '04595257' },
      facts: {
        agreementKind: 'outsourcing-clause',
        role: 'outsourcing',
        handlesCustomerData: true,
      },
    });
    expect(gap.explanation['zh-TW']).toContain('甲資訊（統一編號 04595257）');
    expect(summary.vendors).toEqual({ inForce: 1, covered: 0, percent: 0 });
  });

  it('reports a destruction vendor without the NDA on SR-04-06.3', () => {
    const shredder = storedVendor(
      { name: '乙環保', taxId: '22099131', roles: ['disposal'], handlesCustomerData: false },
      { id: idOf(301) },
    );
    const gap = only(run({ vendors: [shredder] }).gaps, 'vendor-unsigned');
    expect(gap.itemId).toBe('SR-04-06.3');
    expect(gap.facts.agreementKind).toBe('disposal-vendor-nda');
  });

  it('needs both agreements from a vendor with both roles', () => {
    const both = storedVendor({ roles: ['outsourcing', 'disposal'] }, { id: idOf(302) });
    const { gaps } = run({ vendors: [both] });
    expect(gaps.map((gap) => gap.itemId)).toEqual(['SR-04-02.1', 'SR-04-06.3']);
  });

  it('holds an agreement up to its expiry date; the day after, it has expired', () => {
    expect(
      run({ vendors: [acme], agreements: [clause({ expiresOn: '2025-03-31' })] }).gaps,
    ).toEqual([]);
    const gap = only(
      run({ vendors: [acme], agreements: [clause({ expiresOn: '2025-03-30' })] }).gaps,
      'vendor-agreement-expired',
    );
    expect(gap).toMatchObject({
      itemId: 'SR-04-02.1',
      facts: { expiresOn: '2025-03-30', daysSinceExpiry: 1, handlesCustomerData: true },
    });
    // A renewal in force clears it.
    const renewed = clause({ signedOn: '2025-03-25', validFrom: '2025-03-31' });
    expect(
      run({ vendors: [acme], agreements: [clause({ expiresOn: '2025-03-30' }), renewed] }).gaps,
    ).toEqual([]);
  });

  it('does not check vendors whose contract is not in force on asOf', () => {
    const ended = storedVendor({ contractEnd: '2025-03-30' }, { id: idOf(303) });
    const notYet = storedVendor({ contractStart: '2025-04-01' }, { id: idOf(304) });
    const endsToday = storedVendor({ contractEnd: '2025-03-31' }, { id: idOf(305) });
    const { gaps, summary } = run({ vendors: [ended, notYet, endsToday] });
    expect(gaps.map((gap) => gap.party.id)).toEqual([endsToday.id]);
    expect(summary.vendors.inForce).toBe(1);
  });

  it('reports a clause signed after the contract started, and an outdated one', () => {
    const { gaps } = run({
      vendors: [acme],
      agreements: [clause({ signedOn: '2024-01-10', version: 'V2' })],
    });
    expect(kinds(gaps)).toEqual(['outdated-version', 'signed-after-start']);
    const late = only(gaps, 'signed-after-start');
    expect(late.facts).toMatchObject({
      startDate: '2024-01-01',
      signedOn: '2024-01-10',
      daysLate: 9,
    });
    expect(late.explanation['zh-TW']).toContain('契約起日');
  });
});

// ——— Order ———

describe('order', () => {
  it('is deterministic whatever the input order', () => {
    const people = [
      storedPerson({ employeeNo: 'E003', name: '丙' }, { id: idOf(3) }),
      storedPerson(
        { employeeNo: 'E001', name: '甲', status: 'left', leftOn: '2025-01-01' },
        { id: idOf(1) },
      ),
      storedPerson({ employeeNo: 'E002', name: '乙' }, { id: idOf(2) }),
    ];
    const vendors = [storedVendor({ name: '丁', taxId: null }, { id: idOf(4) })];
    const forward = run({ people, vendors });
    const backward = run({ people: [...people].reverse(), vendors });
    expect(backward.gaps).toEqual(forward.gaps);
    expect(forward.gaps.map((gap) => [gap.kind, gap.party.number || gap.party.name])).toEqual([
      ['unsigned', 'E002'],
      ['unsigned', 'E003'],
      ['vendor-unsigned', '丁'],
      ['leaver-with-access', 'E001'],
    ]);
    expect(forward.gaps.map((gap) => gap.kind)).toEqual(
      [...forward.gaps.map((gap) => gap.kind)].sort(
        (a, b) => GAP_KINDS.indexOf(a) - GAP_KINDS.indexOf(b),
      ),
    );
  });
});
