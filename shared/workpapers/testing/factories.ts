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
import type { InspectionWorkbookInput } from '../build-inspection';

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
