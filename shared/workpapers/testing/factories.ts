/**
 * Small factories for workpaper tests: valid records with sensible defaults, each field
 * overridable. Ids are fresh UUIDv7s, so two calls never collide.
 */
import { CHECKLIST_LIBRARY, type ChecklistItem } from '../../catalog';
import { chainEntry, type ActivityEntry, type ActivityDraft } from '../../domain/activity';
import { asIsoDate, asIsoInstant, type IsoDate } from '../../domain/dates';
import type { Engagement } from '../../domain/engagement';
import type { Evidence } from '../../domain/evidence';
import { emptyItemResult, type InspectedSystem } from '../../domain/inspection';
import type { Inspection, StoredFinding, StoredItemResult } from '../../domain/inspections';
import { newRecordId, type RecordId, type RecordMeta, type Stored } from '../../domain/records';
import type { PersonId } from '../../domain/personal-data';
import type { Agreement } from '../../registers/agreements/agreements';
import { currentVersionsSchema } from '../../registers/agreements/current-versions';
import type { Person } from '../../registers/agreements/people';
import type { TaxId, Vendor } from '../../registers/agreements/vendors';
import { newDisposalRecord, type DisposalRecord } from '../../registers/disposal/disposal';
import { emptyReview, type PolicyReview } from '../../registers/policies/review';
import type { InspectionWorkbookInput } from '../build-inspection';
import type { RegistersInput } from '../register-sheets';

export const GENERATED_AT = asIsoInstant('2025-03-04T16:30:00.000Z'); // 2025-03-05 00:30 in Taipei
export const d = (text: string): IsoDate => asIsoDate(text);

export function recordMeta(overrides: Partial<RecordMeta> = {}): RecordMeta {
  return {
    id: newRecordId(),
    rev: 1,
    updatedAt: '2025-03-01T02:00:00.000Z',
    updatedBy: 'auditor',
    deleted: false,
    ...overrides,
  };
}

export function engagement(overrides: Partial<Engagement> = {}): Engagement {
  return {
    entity: '示範產物保險股份有限公司',
    periodStart: '2024-01-01',
    periodEnd: '2024-12-31',
    scope: '資訊安全防護自律規範遵循情形',
    team: [
      { name: '王小明', role: 'lead' },
      { name: '李小華', role: 'reviewer' },
    ],
    ...overrides,
  };
}

export function inspection(overrides: Partial<Stored<Inspection>> = {}): Stored<Inspection> {
  return {
    ...recordMeta(),
    title: '113 年度資訊安全自評',
    periodStart: d('2024-01-01'),
    periodEnd: d('2024-12-31'),
    libraryVersion: CHECKLIST_LIBRARY.version,
    scoping: {
      hasMobileApp: false,
      hasAgentApp: false,
      usesCloud: false,
      ownSocialMedia: false,
      outsourcing: true,
      thirdPartyDisposal: false,
      byodAllowed: false,
      onlineSales: true,
      remoteWork: false,
      usesIot: false,
    },
    status: 'in-progress',
    ...overrides,
  };
}

/** The first `n` items of the built-in library. */
export function items(n = 3): ChecklistItem[] {
  return CHECKLIST_LIBRARY.items.slice(0, n);
}

export function itemResult(
  inspectionId: RecordId,
  itemId: string,
  overrides: Partial<Stored<StoredItemResult>> = {},
): Stored<StoredItemResult> {
  return { ...recordMeta(), inspectionId, ...emptyItemResult(itemId), ...overrides };
}

export function finding(
  inspectionId: RecordId,
  overrides: Partial<Stored<StoredFinding>> = {},
): Stored<StoredFinding> {
  return {
    ...recordMeta(),
    inspectionId,
    itemId: null,
    title: '保密切結書未全數簽署',
    deficiency: '抽查 25 名員工，3 名未簽署保密切結書。',
    category: 'management',
    severity: 'medium',
    risk: '未簽署者離職後洩漏機密資訊時，公司難以追究。',
    recommendation: '全面清查並補簽，新進人員到職時簽署。',
    owner: '人力資源部',
    raisedOn: d('2025-01-10'),
    dueDate: d('2025-02-28'),
    managementResponse: '',
    status: 'open',
    closedOn: null,
    closingEvidenceIds: [],
    ...overrides,
  };
}

export function system(overrides: Partial<Stored<InspectedSystem>> = {}): Stored<InspectedSystem> {
  return {
    ...recordMeta(),
    name: '網路投保系統',
    owner: '資訊部',
    description: '客戶線上投保',
    systemClass: 1,
    lastAssessedOn: d('2024-06-30'),
    majorIncidentOn: null,
    notes: '',
    ...overrides,
  };
}

export function evidence(
  ownerId: string,
  overrides: Partial<Stored<Evidence>> = {},
): Stored<Evidence> {
  return {
    ...recordMeta(),
    ownerId,
    name: '保密切結書清冊.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    size: 1234,
    sha256: 'a'.repeat(64),
    description: '',
    ...overrides,
  };
}

/** A chained trail of the given drafts, one minute apart. */
export async function trail(drafts: readonly ActivityDraft[]): Promise<ActivityEntry[]> {
  const entries: ActivityEntry[] = [];
  for (const [i, draft] of drafts.entries()) {
    const at = new Date(Date.UTC(2025, 2, 1, 1, i)).toISOString();
    entries.push(await chainEntry(entries.at(-1) ?? null, draft, 'auditor', at));
  }
  return entries;
}

/**
 * A small inspection: three items, the first compliant, the second non-compliant with a
 * finding, the third untested; one system; a two-entry trail.
 */
export async function sampleInput(
  overrides: Partial<InspectionWorkbookInput> = {},
): Promise<InspectionWorkbookInput> {
  const insp = overrides.inspection ?? inspection();
  const [first, second, third] = items(3);
  if (first === undefined || second === undefined || third === undefined) {
    throw new Error('the library has fewer than three items');
  }
  const file = evidence(insp.id);
  return {
    engagement: engagement(),
    inspection: insp,
    items: [first, second, third],
    itemResults: [
      itemResult(insp.id, first.id, {
        result: 'compliant',
        workPerformed: '檢視 113 年度保密切結書清冊，全數員工均已簽署。',
        evidenceIds: [file.id],
      }),
      itemResult(insp.id, second.id, {
        result: 'non-compliant',
        workPerformed: '檢視僱傭契約範本，未載明資訊安全保密協定。',
        notes: '聯絡人：陳先生 0912-345-678',
      }),
    ],
    findings: [finding(insp.id, { itemId: second.id })],
    systems: [system()],
    activity: await trail([
      {
        action: 'record.created',
        target: { table: 'inspections', id: insp.id },
        summary: insp.title,
      },
      { action: 'record.updated', target: null, summary: '更新查核結果' },
    ]),
    evidence: [file],
    appVersion: '0.1.0',
    generatedAt: GENERATED_AT,
    ...overrides,
  };
}

// ——— Registers ———

/** A national ID that passes the checksum (made up), to show masking. */
export const PERSON_ID = 'A123456789';
/** Formula-like text typed into register fields. */
export const REGISTER_INJECTION = '=HYPERLINK("http://x","y")';

export interface SampleRegisters {
  registers: RegistersInput;
  /** Scans the agreements and disposal records point at: add them to the input's evidence. */
  scans: Stored<Evidence>[];
  /** The records by role, for assertions. */
  ids: {
    employee: RecordId;
    unsigned: RecordId;
    contractor: RecordId;
    leaver: RecordId;
    ndaVendor: RecordId;
    lapsedVendor: RecordId;
    flaggedDisposal: RecordId;
  };
}

/**
 * Registers judged on 2025-03-05 (the export day of `GENERATED_AT` in Taipei): an employee
 * fully covered (one scan attached), one without the undertaking whose department is a
 * formula, a contractor known only by a national ID who signed an outdated form on screen, a
 * leaver still holding access; a destruction vendor with an NDA in force and one whose NDA
 * lapsed; a clean disposal, a flagged one (no verifier, performer typed as `+1+1`) and one by
 * the lapsed vendor; a BYOD review missing one element.
 */
export function sampleRegisters(): SampleRegisters {
  const employee = person({ employeeNo: 'E001', name: '王小明', department: '資訊部' });
  const unsigned = person({
    employeeNo: 'E002',
    name: '李小華',
    department: REGISTER_INJECTION,
    hireDate: d('2025-01-02'),
  });
  const contractor = person({
    kind: 'contractor',
    employeeNo: '',
    name: '陳大文',
    personId: PERSON_ID as PersonId,
    department: '資訊部（駐點）',
    hireDate: null,
  });
  const leaver = person({
    employeeNo: 'E004',
    name: '張三',
    department: '業務部',
    leftOn: d('2025-02-01'),
    status: 'left',
    holdsSystemAccess: true,
  });
  const ndaVendor = vendor({ name: '甲銷毀股份有限公司', taxId: '04595257' as TaxId });
  const lapsedVendor = vendor({ name: '乙資源回收有限公司', taxId: '83712342' as TaxId });

  const scans: Stored<Evidence>[] = [];
  const scanFor = (ownerId: string, name: string): RecordId => {
    const file = evidence(ownerId, { name, mimeType: 'application/pdf' });
    scans.push(file);
    return file.id;
  };
  const agreements: Stored<Agreement>[] = [];
  const sign = (
    party: Stored<Person> | Stored<Vendor>,
    fields: Partial<Agreement> & Pick<Agreement, 'kind' | 'version'>,
  ) => {
    const meta = recordMeta();
    agreements.push({
      ...meta,
      partyKind: 'employeeNo' in party ? 'person' : 'vendor',
      partyId: party.id,
      signedOn: d('2020-01-01'),
      signer: party.name,
      counterSigner: '人資主管',
      attachmentId: null,
      signature: null,
      validFrom: null,
      expiresOn: null,
      note: '',
      source: 'manual',
      rowKey: null,
      ...fields,
    });
    return meta.id;
  };
  const undertaking = sign(employee, { kind: 'employee-undertaking', version: '2024' });
  const last = agreements.at(-1);
  if (last !== undefined) last.attachmentId = scanFor(undertaking, '切結書_E001.pdf');
  sign(employee, { kind: 'employment-clause', version: '2024' });
  sign(employee, { kind: 'handbook-acknowledgement', version: '2024' });
  sign(unsigned, { kind: 'employment-clause', version: '2024', signedOn: d('2025-01-02') });
  sign(unsigned, { kind: 'handbook-acknowledgement', version: '2024', signedOn: d('2025-01-02') });
  sign(contractor, {
    kind: 'employee-undertaking',
    version: '2020',
    signedOn: d('2025-03-03'),
    signature: {
      capturedAt: asIsoInstant('2025-03-03T02:30:00.000Z'),
      width: 300,
      height: 100,
      strokes: [[{ x: 10, y: 10, t: 0, pressure: 0.5 }]],
    },
  });
  sign(ndaVendor, { kind: 'disposal-vendor-nda', version: 'V2', expiresOn: d('2026-12-31') });
  sign(lapsedVendor, { kind: 'disposal-vendor-nda', version: 'V2', expiresOn: d('2024-12-31') });

  const clean = disposal({ assetTag: 'NB-001', vendorId: ndaVendor.id });
  clean.certificateId = scanFor(clean.id, '銷毀證明_NB-001.pdf');
  clean.certificateNo = 'C-001';
  const flagged = disposal({
    assetTag: 'NB-002',
    verifiedBy: '',
    verifiedOn: null,
    performedBy: '+1+1',
  });
  const lapsed = disposal({
    assetTag: 'NB-003',
    vendorId: lapsedVendor.id,
    certificateNo: 'C-003',
  });
  lapsed.certificateId = scanFor(lapsed.id, '銷毀證明_NB-003.pdf');

  const review: Stored<PolicyReview> = {
    ...recordMeta(),
    ...emptyReview('byod'),
    document: {
      title: '行動裝置管理辦法',
      version: '2',
      approvedOn: d('2024-06-30'),
      approver: '總經理',
      attachmentId: null,
    },
    reviewedOn: d('2025-03-01'),
    reviewer: '王小明',
    conditions: { byodAllowed: false },
    elements: {
      'byod.policy': { present: 'yes', sectionRef: '第 1 條', adequacy: 'adequate', note: '' },
      'byod.user-management': {
        present: 'no',
        sectionRef: '',
        adequacy: null,
        note: '未規定使用人員管理，聯絡人 0912-345-678',
      },
    },
  };

  return {
    registers: {
      people: [employee, unsigned, contractor, leaver],
      vendors: [ndaVendor, lapsedVendor],
      agreements,
      currentVersions: currentVersionsSchema.parse({
        versions: {
          'employee-undertaking': { current: '2024', accepted: [] },
          'employment-clause': { current: '2024', accepted: [] },
          'handbook-acknowledgement': { current: '2024', accepted: [] },
          'disposal-vendor-nda': { current: 'V2', accepted: [] },
        },
      }),
      disposals: [flagged, lapsed, clean],
      policyReviews: [review],
    },
    scans,
    ids: {
      employee: employee.id,
      unsigned: unsigned.id,
      contractor: contractor.id,
      leaver: leaver.id,
      ndaVendor: ndaVendor.id,
      lapsedVendor: lapsedVendor.id,
      flaggedDisposal: flagged.id,
    },
  };
}

export function person(overrides: Partial<Stored<Person>> = {}): Stored<Person> {
  return {
    ...recordMeta(),
    kind: 'employee',
    employeeNo: 'E999',
    name: '測試員工',
    personId: null,
    department: '',
    title: '',
    hireDate: d('2020-01-01'),
    leftOn: null,
    status: 'active',
    jobChanges: [],
    accessRevokedOn: null,
    holdsSystemAccess: true,
    vendorId: null,
    email: '',
    phone: '',
    note: '',
    source: 'manual',
    rowKey: null,
    ...overrides,
  };
}

export function vendor(overrides: Partial<Stored<Vendor>> = {}): Stored<Vendor> {
  return {
    ...recordMeta(),
    name: '測試廠商',
    taxId: null,
    roles: ['disposal'],
    services: '報廢硬碟銷毀',
    handlesCustomerData: false,
    contractStart: d('2020-01-01'),
    contractEnd: null,
    contactName: '',
    note: '',
    source: 'manual',
    rowKey: null,
    ...overrides,
  };
}

/** A completed disposal that nothing flags unless overridden: a laptop SSD purged, verified. */
export function disposal(overrides: Partial<Stored<DisposalRecord>> = {}): Stored<DisposalRecord> {
  return {
    ...recordMeta(),
    ...newDisposalRecord('NB-000', 'laptop'),
    mediaType: 'ssd',
    serialNo: 'SN-0001',
    model: 'ThinkPad T480',
    classification: '限閱',
    method: 'purge',
    technique: 'block-erase',
    softwareRemoved: 'yes',
    performedBy: '王小明',
    verifiedBy: '李小華',
    performedOn: d('2025-02-10'),
    verifiedOn: d('2025-02-11'),
    status: 'completed',
    ...overrides,
  };
}

/** `sampleInput` with the sample registers and their scans. */
export async function registerInput(
  overrides: Partial<InspectionWorkbookInput> = {},
): Promise<InspectionWorkbookInput & { sample: SampleRegisters }> {
  const base = await sampleInput(overrides);
  const sample = sampleRegisters();
  return {
    ...base,
    evidence: [...(base.evidence ?? []), ...sample.scans],
    registers: sample.registers,
    sample,
  };
}
