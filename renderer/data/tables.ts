/**
 * The sealed record tables of a vault, in one place: each table's payload schema and, for
 * child records, which opaque id is stored in clear as `parent` so children can be listed by
 * index (the results and findings of one inspection, say). Adding a table is a line here plus
 * a numbered migration.
 */
import type { z } from 'zod';
import { engagementSchema } from '../../shared/domain/engagement';
import { engagementPolicySchema } from '../../shared/domain/engagement-policy';
import { evidenceSchema } from '../../shared/domain/evidence';
import { drillSchema, systemSchema } from '../../shared/domain/inspection/systems';
import {
  inspectionSchema,
  storedFindingSchema,
  storedItemResultSchema,
  storedSampleSchema,
} from '../../shared/domain/inspections';
import { fieldNoteSchema } from '../../shared/domain/notes';
import { settingSchema } from '../../shared/domain/settings';
import {
  assignmentSchema,
  handoutBaseSchema,
  handoutSchema,
  mergedPackageSchema,
  mergeInfoSchema,
  originSchema,
} from '../../shared/domain/team';
import { agreementSchema } from '../../shared/registers/agreements/agreements';
import { personSchema } from '../../shared/registers/agreements/people';
import { vendorSchema } from '../../shared/registers/agreements/vendors';
import { disposalRecordSchema } from '../../shared/registers/disposal/disposal';
import { policyReviewSchema } from '../../shared/registers/policies/review';
import { identityFileSchema } from '../../shared/signoff/identity';
import {
  reviewNoteSchema,
  signoffPolicySchema,
  signoffSchema,
  trustedSignerSchema,
  unlockSchema,
} from '../../shared/signoff/records';

interface TableSpec<T> {
  schema: z.ZodType<T>;
  /** The parent record's id, kept in clear for indexing; ids are opaque (UUIDv7). */
  parentOf: ((payload: T) => string) | null;
  /**
   * Added after vault format 2 (migration 5 on): the state digest counts the table only once
   * it has been written, so trail heads written before the table existed still match.
   */
  countedOnceWritten: boolean;
}

function spec<T>(
  schema: z.ZodType<T>,
  parentOf: ((payload: T) => string) | null = null,
): TableSpec<T> {
  return { schema, parentOf, countedOnceWritten: false };
}

/** A table added after vault format 2 (see `countedOnceWritten`). */
function laterSpec<T>(
  schema: z.ZodType<T>,
  parentOf: ((payload: T) => string) | null = null,
): TableSpec<T> {
  return { schema, parentOf, countedOnceWritten: true };
}

export const recordTables = {
  engagement: spec(engagementSchema),
  notes: spec(fieldNoteSchema),
  evidence: spec(evidenceSchema, (evidence) => evidence.ownerId),
  inspections: spec(inspectionSchema),
  itemResults: spec(storedItemResultSchema, (result) => result.inspectionId),
  findings: spec(storedFindingSchema, (finding) => finding.inspectionId),
  samples: spec(storedSampleSchema, (sample) => sample.inspectionId),
  systems: spec(systemSchema),
  drills: spec(drillSchema),
  people: spec(personSchema),
  vendors: spec(vendorSchema),
  agreements: spec(agreementSchema, (agreement) => agreement.partyId),
  disposals: spec(disposalRecordSchema),
  policyReviews: spec(policyReviewSchema),
  settings: spec(settingSchema),
  // Review and sign-off (migration 5): the last four are children of their inspection.
  signingIdentities: laterSpec(identityFileSchema),
  trustedSigners: laterSpec(trustedSignerSchema),
  signoffPolicies: laterSpec(signoffPolicySchema, (policy) => policy.inspectionId),
  signoffs: laterSpec(signoffSchema, (signoff) => signoff.inspectionId),
  reviewNotes: laterSpec(reviewNoteSchema, (note) => note.inspectionId),
  unlocks: laterSpec(unlockSchema, (unlock) => unlock.inspectionId),
  // The engagement's team-work rules (migration 7), changed only in the lead's vault.
  engagementPolicies: laterSpec(engagementPolicySchema),
  // Team work (migration 6, see migrations/006-team.ts): the lead's and the auditor's
  // bookkeeping, never handed out or merged themselves (TEAM_TABLES).
  assignments: laterSpec(assignmentSchema, (assignment) => assignment.inspectionId),
  handouts: laterSpec(handoutSchema),
  handoutBases: laterSpec(handoutBaseSchema),
  mergedPackages: laterSpec(mergedPackageSchema),
  mergeInfo: laterSpec(mergeInfoSchema),
  origin: laterSpec(originSchema),
};

export type SealedRecordTable = keyof typeof recordTables;
export const SEALED_RECORD_TABLES = Object.keys(recordTables) as SealedRecordTable[];

/** The team-work tables: bookkeeping of this vault, not part of what is handed out or merged. */
export const TEAM_TABLES = [
  'assignments',
  'handouts',
  'handoutBases',
  'mergedPackages',
  'mergeInfo',
  'origin',
] as const satisfies readonly SealedRecordTable[];
export type TeamTable = (typeof TEAM_TABLES)[number];

/**
 * Tables that stay in the vault they were written in: the team bookkeeping, and a person's own
 * signing identity (their private key, sealed by their signing passphrase, never travels).
 */
export const LOCAL_TABLES: readonly SealedRecordTable[] = [...TEAM_TABLES, 'signingIdentities'];

/**
 * The tables whose records make up the engagement: handed out, returned and merged (review
 * notes, sign-offs, trusted signers included, so a reviewer can work from a package).
 */
export const ENGAGEMENT_TABLES = SEALED_RECORD_TABLES.filter(
  (table) => !LOCAL_TABLES.includes(table),
);

export type Payloads = {
  [T in SealedRecordTable]: z.output<(typeof recordTables)[T]['schema']>;
};

/** The spec of one table, typed by its name (TypeScript cannot narrow the map by a generic key). */
export function tableSpec<T extends SealedRecordTable>(table: T): TableSpec<Payloads[T]> {
  return recordTables[table] as unknown as TableSpec<Payloads[T]>;
}
