/**
 * Records, hand-outs and returns for the merge tests and the benchmark: real payloads of the
 * vault's tables, checked by the same schemas `renderer/data/tables.ts` names for them.
 */
import { engagementSchema } from '../domain/engagement';
import { evidenceSchema } from '../domain/evidence';
import {
  inspectionSchema,
  storedFindingSchema,
  storedItemResultSchema,
} from '../domain/inspections';
import { fieldNoteSchema } from '../domain/notes';
import { personSchema } from '../registers/agreements/people';
import type { RecordId, RecordMeta } from '../domain/records';
import { policyReviewSchema } from '../registers/policies/review';
import * as factories from '../workpapers/testing/factories';
import { planMerge } from './plan';
import { resolveMerge } from './resolve';
import type {
  BaseRecord,
  CurrentRecord,
  CurrentState,
  MergeBase,
  MergeDecisions,
  MergePlan,
  MergeResult,
  Payload,
  PayloadSchema,
  RecordChange,
  ReturnPackage,
} from './types';

export const SCHEMAS: Readonly<Record<string, PayloadSchema>> = {
  engagement: engagementSchema,
  inspections: inspectionSchema,
  itemResults: storedItemResultSchema,
  findings: storedFindingSchema,
  evidence: evidenceSchema,
  notes: fieldNoteSchema,
  people: personSchema,
  policyReviews: policyReviewSchema,
};

/** A valid UUIDv7-shaped id from a number, so tests read and sort predictably. */
export function uid(n: number): string {
  return `01950000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const INSPECTION = uid(0xffff);
export const HANDED_OUT_AT = '2025-03-01T08:00:00.000Z';

/** The payload of a stored record: the factories' records without their metadata. */
function payloadOf(stored: RecordMeta & object): Payload {
  const { id: _id, rev: _rev, updatedAt: _at, updatedBy: _by, deleted: _deleted, ...data } = stored;
  return data;
}

const INSPECTION_ID = INSPECTION as RecordId;

export function itemResult(itemId: string, fields: Partial<Payload> = {}): Payload {
  return { ...payloadOf(factories.itemResult(INSPECTION_ID, itemId)), ...fields };
}

export function finding(itemId: string | null, fields: Partial<Payload> = {}): Payload {
  return { ...payloadOf(factories.finding(INSPECTION_ID, { itemId })), ...fields };
}

/** Evidence whose SHA-256 is `sha` padded with zeros. */
export function evidence(sha: string, fields: Partial<Payload> = {}): Payload {
  const stored = factories.evidence(INSPECTION, { sha256: sha.padEnd(64, '0') });
  return { ...payloadOf(stored), ...fields };
}

export function person(employeeNo: string, fields: Partial<Payload> = {}): Payload {
  return { ...payloadOf(factories.person({ employeeNo })), ...fields };
}

export const ENGAGEMENT: Payload = factories.engagement({
  periodStart: '2025-01-01',
  periodEnd: '2025-12-31',
});

export function record(
  table: string,
  id: string,
  data: Payload,
  meta: Partial<Omit<CurrentRecord, 'table' | 'id' | 'data'>> = {},
): CurrentRecord {
  return {
    table,
    id,
    rev: 1,
    deleted: false,
    data,
    updatedAt: HANDED_OUT_AT,
    updatedBy: 'lead',
    ...meta,
  };
}

export function stateOf(records: readonly CurrentRecord[]): CurrentState {
  return { records, mergedPackages: [] };
}

export function handOut(records: readonly CurrentRecord[], id = 'hand-out-1'): MergeBase {
  return {
    id,
    records: records.map(({ table, id: recordId, rev, deleted, data }): BaseRecord => ({
      table,
      id: recordId,
      rev,
      deleted,
      data,
    })),
  };
}

/** The lead's (or anyone's) edit of a record: same id, the next revision, new fields. */
export function edited(
  held: CurrentRecord,
  fields: Partial<Payload>,
  meta: Partial<CurrentRecord> = {},
): CurrentRecord {
  return {
    ...held,
    rev: held.rev + 1,
    data: { ...held.data, ...fields },
    updatedAt: '2025-03-05T09:00:00.000Z',
    ...meta,
  };
}

export interface ChangeOptions {
  baseRev?: number | null;
  deleted?: boolean;
  at?: string;
  by?: string;
}

/** A change in a return: an edit of `held` (its base revision), or a new record. */
export function change(
  held: { table: string; id: string; rev?: number; data?: Payload },
  data: Payload,
  options: ChangeOptions = {},
): RecordChange {
  return {
    table: held.table,
    id: held.id,
    baseRev: options.baseRev === undefined ? (held.rev ?? null) : options.baseRev,
    deleted: options.deleted ?? false,
    data,
    updatedAt: options.at ?? '2025-03-04T10:00:00.000Z',
    updatedBy: options.by ?? 'auditor',
  };
}

export function edit(held: CurrentRecord, fields: Partial<Payload>, options: ChangeOptions = {}) {
  return change(held, { ...held.data, ...fields }, options);
}

export function created(table: string, id: string, data: Payload, options: ChangeOptions = {}) {
  return change({ table, id }, data, { ...options, baseRev: null });
}

export function deletion(held: CurrentRecord, options: ChangeOptions = {}) {
  return change(held, held.data, { ...options, deleted: true });
}

/** A return package; its hash is derived from its id unless given. */
export function returned(
  packageId: string,
  auditor: string,
  changes: readonly RecordChange[],
  options: { baseId?: string; packageHash?: string } = {},
): ReturnPackage {
  const hex = Array.from(packageId, (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  return {
    packageId,
    packageHash: options.packageHash ?? hex.padEnd(64, '0').slice(0, 64),
    auditor,
    baseId: options.baseId ?? 'hand-out-1',
    changes: changes.map((c) => ({
      ...c,
      updatedBy: c.updatedBy === 'auditor' ? auditor : c.updatedBy,
    })),
  };
}

export const MERGE_AT = '2025-03-20T06:00:00.000Z';

export function plan(
  base: MergeBase,
  current: CurrentState,
  returns: readonly ReturnPackage[],
  options: { schemas?: boolean; mergeId?: string } = {},
): Promise<MergePlan> {
  return planMerge(
    { base, current, returns },
    {
      mergeId: options.mergeId ?? 'merge-1',
      at: MERGE_AT,
      by: '林組長',
      ...(options.schemas === false ? {} : { schemas: SCHEMAS }),
    },
  );
}

export function resolve(
  planned: MergePlan,
  decisions: MergeDecisions = { conflicts: {} },
  options: { schemas?: boolean } = {},
): Promise<MergeResult> {
  return resolveMerge(planned, decisions, options.schemas === false ? {} : { schemas: SCHEMAS });
}

export function writeOf(result: MergeResult, id: string) {
  const write = result.writes.find((w) => w.id === id);
  if (write === undefined) throw new Error(`no write for ${id}`);
  return write;
}
