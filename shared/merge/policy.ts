/**
 * How each table's fields merge, in one place. A field not named here is a plain value: a
 * string, number, date or a nested value (an engagement's team, a person's job changes, a
 * sample's picked keys) compared whole by canonical JSON, so a change on two sides to
 * different values is a conflict. The table names are the vault's (`renderer/data/tables.ts`);
 * a table missing here merges every field as a plain value.
 *
 * - `text`: long free text, merged by sentences with diff3 where the edits do not overlap.
 * - `sets`: arrays of distinct ids or codes (linked evidence, a vendor's roles): additions and
 *   removals from every side are applied, never a conflict.
 * - `maps`: objects keyed by an id (a policy review's answers per element): each entry merges
 *   as its own value, so two auditors answering different elements do not collide.
 * - `refs`: fields holding another record's id (paths into the payload), moved to the record
 *   kept when a likely duplicate is merged away.
 * - `keys`: natural keys; two live records sharing one are flagged as likely duplicates.
 * - `similar`: findings on the same checklist item with near-identical text are flagged too.
 */
import type { Payload } from './types';

export interface SimilarRule {
  /** Records are compared only within the same group; null: never compared. */
  group: (data: Payload) => string | null;
  text: (data: Payload) => string;
  /** Bigram similarity (0–1) from which two records are flagged. */
  threshold: number;
}

export interface TablePolicy {
  text: readonly string[];
  sets: readonly string[];
  maps: readonly string[];
  refs: readonly (readonly string[])[];
  /** Natural keys: field names whose values (when set) should be unique among live records. */
  keys: readonly (readonly string[])[];
  similar: SimilarRule | null;
}

const NONE: TablePolicy = { text: [], sets: [], maps: [], refs: [], keys: [], similar: null };

function policy(rules: Partial<TablePolicy>): TablePolicy {
  return { ...NONE, ...rules };
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export const FINDING_SIMILARITY = 0.85;

/**
 * Tables a return never changes in the lead's vault: an auditor (or anyone holding a
 * package's passphrase) could otherwise make their own key a trusted approver and sign off
 * the inspection. Hand-outs carry these tables so auditors' vaults know the team's keys; the
 * lead adds a colleague's key in their own vault, after checking its fingerprint.
 */
export const LEAD_ONLY_TABLES: ReadonlySet<string> = new Set([
  'trustedSigners',
  // The engagement's rules, e.g. whether returns must be signed by a trusted signer.
  'engagementPolicies',
]);

export const MERGE_POLICY: Readonly<Record<string, TablePolicy>> = {
  engagement: policy({ text: ['scope'] }),
  notes: policy({ text: ['body'] }),
  evidence: policy({ text: ['description'], refs: [['ownerId']], keys: [['sha256']] }),
  inspections: policy({}),
  itemResults: policy({
    text: ['reason', 'workPerformed', 'sampleDescription', 'notes'],
    sets: ['evidenceIds'],
    refs: [['evidenceIds']],
    keys: [['inspectionId', 'itemId']],
  }),
  findings: policy({
    text: ['deficiency', 'risk', 'recommendation', 'managementResponse'],
    sets: ['closingEvidenceIds'],
    refs: [['closingEvidenceIds']],
    similar: {
      group: (data) =>
        typeof data.itemId === 'string' ? `${str(data.inspectionId)}/${data.itemId}` : null,
      text: (data) => `${str(data.title)}\n${str(data.deficiency)}`,
      threshold: FINDING_SIMILARITY,
    },
  }),
  samples: policy({}),
  systems: policy({ text: ['description', 'notes'] }),
  drills: policy({ text: ['scope', 'notes'] }),
  people: policy({
    text: ['note'],
    refs: [['vendorId']],
    keys: [['employeeNo'], ['personId']],
  }),
  vendors: policy({ text: ['services', 'note'], sets: ['roles'], keys: [['taxId']] }),
  agreements: policy({ text: ['note'], refs: [['partyId'], ['attachmentId']], keys: [['rowKey']] }),
  disposals: policy({
    text: ['note'],
    refs: [['vendorId'], ['certificateId']],
    keys: [['rowKey']],
  }),
  policyReviews: policy({
    text: ['note'],
    maps: ['conditions', 'elements'],
    refs: [['document', 'attachmentId']],
  }),
  settings: policy({ keys: [['key']] }),
};

export function tablePolicy(table: string): TablePolicy {
  // Own keys only: a table named `constructor` must not find Object.prototype's.
  return Object.hasOwn(MERGE_POLICY, table) ? (MERGE_POLICY[table] ?? NONE) : NONE;
}

export type FieldKind = 'text' | 'set' | 'map' | 'value';

export function fieldKind(rules: TablePolicy, field: string): FieldKind {
  if (rules.text.includes(field)) return 'text';
  if (rules.sets.includes(field)) return 'set';
  if (rules.maps.includes(field)) return 'map';
  return 'value';
}
