import { describe, expect, it } from 'vitest';
import { findingSchema } from '../../domain/inspection/findings';
import { computeCoverage, type CoverageGap, type CoverageInput } from './coverage';
import { currentVersionsSchema } from './current-versions';
import {
  draftFindingFromGap,
  draftFindingFromGaps,
  groupGaps,
  MAX_LISTED_GAPS,
  suggestSeverity,
} from './finding-draft';
import { d, idOf, storedAgreement, storedPerson, storedVendor } from './test-data';

const TODAY = d('2025-04-02');
const settings = currentVersionsSchema.parse({
  versions: { 'employee-undertaking': { current: '2024.1', accepted: [] } },
  requiredForEmployees: ['employee-undertaking'],
});

function coverage(input: Partial<CoverageInput>) {
  return computeCoverage({
    people: [],
    vendors: [],
    agreements: [],
    currentVersions: settings,
    asOf: d('2025-03-31'),
    ...input,
  });
}

const employees = Array.from({ length: 5 }, (_, i) =>
  storedPerson({ employeeNo: `E00${i + 1}`, name: `員工${i + 1}` }, { id: idOf(i + 1) }),
);

describe('draftFindingFromGaps', () => {
  it('raises one finding for several employees without undertakings', () => {
    const { gaps } = coverage({ people: employees });
    expect(gaps).toHaveLength(5);
    const draft = draftFindingFromGaps(gaps, 'zh-TW', TODAY);
    expect(draft.finding).toMatchObject({
      itemId: 'SR-04-01.1',
      title: '5 名員工未簽署資訊安全保密切結書',
      category: 'management',
      severity: 'medium',
      raisedOn: '2025-04-02',
      status: 'open',
      closedOn: null,
      closingEvidenceIds: [],
    });
    const lines = draft.finding.deficiency.split('\n');
    expect(lines[0]).toContain('應要求所聘任之員工簽署資訊安全保密切結書');
    expect(lines[1]).toBe('經核對保密切結書登記簿，計有 5 筆不符，涉及 5 名人員：');
    expect(lines.slice(2)).toHaveLength(5);
    expect(lines[2]).toMatch(/^1\. 員工1（E001）/);
    expect(draft.finding.risk).toContain('嚴重程度建議理由：');
    expect(draft.severityReason).toContain('中：');
    expect(draft.gapIds).toEqual(gaps.map((gap) => gap.id));
    expect(findingSchema.safeParse(draft.finding).success).toBe(true);
  });

  it('writes English when asked', () => {
    const { gaps } = coverage({ people: employees });
    const draft = draftFindingFromGaps(gaps, 'en', TODAY);
    expect(draft.finding.title).toBe(
      '5 employees have not signed the Information-security confidentiality undertaking',
    );
    expect(draft.finding.deficiency).toContain('Criterion (SR-04-01.1)');
    expect(draft.finding.recommendation).toContain('Human Resources');
    expect(findingSchema.safeParse(draft.finding).success).toBe(true);
  });

  it('refuses no gaps and gaps of different groups', () => {
    expect(() => draftFindingFromGaps([], 'zh-TW', TODAY)).toThrow(RangeError);
    const leaver = storedPerson(
      { employeeNo: 'E900', status: 'left', leftOn: '2025-01-01' },
      { id: idOf(900) },
    );
    const { gaps } = coverage({ people: [...employees.slice(0, 1), leaver] });
    expect(new Set(gaps.map((gap) => gap.kind)).size).toBe(2);
    expect(() => draftFindingFromGaps(gaps, 'zh-TW', TODAY)).toThrow(RangeError);
  });

  it('lists at most MAX_LISTED_GAPS lines and counts the rest', () => {
    const many = Array.from({ length: MAX_LISTED_GAPS + 3 }, (_, i) =>
      storedPerson({ employeeNo: `E${String(i).padStart(4, '0')}` }, { id: idOf(1000 + i) }),
    );
    const { gaps } = coverage({ people: many });
    const draft = draftFindingFromGaps(gaps, 'zh-TW', TODAY);
    expect(draft.finding.deficiency).toContain(`${MAX_LISTED_GAPS}. `);
    expect(draft.finding.deficiency).not.toContain(`${MAX_LISTED_GAPS + 1}. `);
    expect(draft.finding.deficiency).toContain('…及其他 3 筆（詳見登記簿）。');
    expect(draft.gapIds).toHaveLength(MAX_LISTED_GAPS + 3);
    expect(findingSchema.safeParse(draft.finding).success).toBe(true);
  });

  it('takes the most severe gap of the group for the suggestion', () => {
    const dataVendor = storedVendor({ name: '甲', taxId: '04595257' }, { id: idOf(50) });
    const plainVendor = storedVendor(
      { name: '乙', taxId: '22099131', handlesCustomerData: false },
      { id: idOf(51) },
    );
    const { gaps } = coverage({ vendors: [plainVendor, dataVendor] });
    expect(
      gaps
        .map(suggestSeverity)
        .map((s) => s.severity)
        .sort(),
    ).toEqual(['high', 'medium']);
    const draft = draftFindingFromGaps(gaps, 'zh-TW', TODAY);
    expect(draft.finding.severity).toBe('high');
    expect(draft.finding.itemId).toBe('SR-04-02.1');
    expect(draft.finding.title).toBe('2 家廠商未簽訂委外契約保密條款');
    expect(draft.finding.deficiency).toContain('涉及 2 家廠商');
  });
});

describe('draftFindingFromGap', () => {
  it('names the one person in the title', () => {
    const { gaps } = coverage({ people: employees.slice(0, 1) });
    const [gap] = gaps;
    if (gap === undefined) throw new Error('no gap');
    const draft = draftFindingFromGap(gap, 'zh-TW', TODAY);
    expect(draft.finding.title).toBe('員工員工1（E001）未簽署資訊安全保密切結書');
    expect(findingSchema.safeParse(draft.finding).success).toBe(true);
  });

  it('masks national IDs, phone numbers and e-mail addresses in every text', () => {
    const contractor = storedPerson(
      {
        kind: 'contractor',
        employeeNo: '',
        name: '外包甲 0912345678',
        personId: 'A123456789',
        department: 'wang.xiaoming@gmail.com',
        status: 'left',
        leftOn: '2025-01-01',
        holdsSystemAccess: true,
      },
      { id: idOf(60) },
    );
    const { gaps } = coverage({ people: [contractor] });
    const [gap] = gaps;
    if (gap === undefined) throw new Error('no gap');
    for (const lang of ['zh-TW', 'en'] as const) {
      const draft = draftFindingFromGap(gap, lang, TODAY);
      const text = JSON.stringify(draft);
      expect(text).not.toContain('A123456789');
      expect(text).not.toContain('0912345678');
      expect(text).toContain('A12****789');
      expect(text).toContain('0912***678');
      expect(findingSchema.safeParse(draft.finding).success).toBe(true);
    }
  });

  it('drafts every gap kind into a valid finding in both languages', () => {
    const people = [
      storedPerson({ employeeNo: 'E1' }, { id: idOf(71) }),
      storedPerson({ employeeNo: 'E2' }, { id: idOf(72) }),
      storedPerson({ employeeNo: 'E3', hireDate: '2024-01-02' }, { id: idOf(73) }),
      storedPerson(
        { employeeNo: 'E4', status: 'left', leftOn: '2025-01-01', accessRevokedOn: '2025-02-01' },
        { id: idOf(74) },
      ),
      storedPerson(
        {
          employeeNo: 'E5',
          jobChanges: [{ on: '2025-01-01', from: 'A', to: 'B', accessUpdatedOn: null }],
        },
        { id: idOf(75) },
      ),
    ];
    const vendors = [
      storedVendor({ taxId: '04595257' }, { id: idOf(81) }),
      storedVendor({ taxId: '22099131' }, { id: idOf(82) }),
    ];
    const [, e2, e3, , e5] = people;
    const [, v2] = vendors;
    if (e2 === undefined || e3 === undefined || e5 === undefined || v2 === undefined) {
      throw new Error('fixtures');
    }
    const agreements = [
      storedAgreement(e2, { version: '2020' }),
      storedAgreement(e3, { signedOn: '2024-03-15' }),
      storedAgreement(e5),
      storedAgreement(v2, {
        partyKind: 'vendor',
        kind: 'outsourcing-clause',
        version: 'V1',
        signedOn: '2023-12-01',
        expiresOn: '2024-12-31',
      }),
    ];
    const { gaps } = coverage({ people, vendors, agreements });
    const seen = new Set(gaps.map((gap) => gap.kind));
    expect([...seen].sort()).toEqual(
      [
        'unsigned',
        'outdated-version',
        'signed-after-start',
        'vendor-unsigned',
        'vendor-agreement-expired',
        'leaver-with-access',
        'job-change-access-not-updated',
      ].sort(),
    );
    for (const group of groupGaps(gaps)) {
      for (const lang of ['zh-TW', 'en'] as const) {
        const draft = draftFindingFromGaps(group.gaps, lang, TODAY);
        const parsed = findingSchema.safeParse(draft.finding);
        expect(parsed.success, `${group.key} ${lang}`).toBe(true);
        expect(draft.finding.itemId).toBe(group.itemId);
        expect(draft.finding.title.length).toBeGreaterThan(0);
        expect(draft.finding.recommendation.length).toBeGreaterThan(0);
      }
    }
    const severity = (kind: CoverageGap['kind']) =>
      gaps.filter((gap) => gap.kind === kind).map((gap) => suggestSeverity(gap).severity);
    expect(severity('outdated-version')).toEqual(['low']);
    // Signed 73 days late.
    expect(severity('signed-after-start')).toEqual(['medium']);
    expect(severity('leaver-with-access')).toEqual(['medium']);
    expect(severity('vendor-agreement-expired')).toEqual(['high']);
  });
});

describe('groupGaps', () => {
  it('groups by gap kind, item and agreement kind, keeping the order', () => {
    const settingsAll = currentVersionsSchema.parse({});
    const people = employees.slice(0, 2);
    const { gaps } = computeCoverage({
      people,
      vendors: [],
      agreements: [],
      currentVersions: settingsAll,
      asOf: d('2025-03-31'),
    });
    const groups = groupGaps(gaps);
    expect(groups.map((group) => [group.kind, group.itemId, group.gaps.length])).toEqual([
      ['unsigned', 'SR-04-01.1', 2],
      ['unsigned', 'SR-04-01.2', 2],
      ['unsigned', 'SR-04-01.2', 2],
    ]);
    expect(draftFindingFromGaps(groups[2]?.gaps ?? [], 'zh-TW', TODAY).finding.title).toBe(
      '2 名員工未簽署員工手冊簽收',
    );
    expect(draftFindingFromGaps(groups[2]?.gaps ?? [], 'zh-TW', TODAY).finding.severity).toBe(
      'low',
    );
  });
});
