/**
 * The payload schema of every sealed table a package may carry: the same schemas
 * `renderer/data/tables.ts` gives the vault (a test there checks the two maps agree), built
 * here from shared/ so a package is checked the same way in the renderer, a worker and the CLI.
 */
import { engagementSchema } from '../domain/engagement';
import { engagementPolicySchema } from '../domain/engagement-policy';
import { evidenceSchema } from '../domain/evidence';
import { drillSchema, systemSchema } from '../domain/inspection/systems';
import {
  inspectionSchema,
  storedFindingSchema,
  storedItemResultSchema,
  storedSampleSchema,
} from '../domain/inspections';
import { fieldNoteSchema } from '../domain/notes';
import { settingSchema } from '../domain/settings';
import type { PayloadSchema } from '../merge/types';
import { agreementSchema } from '../registers/agreements/agreements';
import { personSchema } from '../registers/agreements/people';
import { vendorSchema } from '../registers/agreements/vendors';
import { disposalRecordSchema } from '../registers/disposal/disposal';
import { policyReviewSchema } from '../registers/policies/review';
import {
  reviewNoteSchema,
  signoffPolicySchema,
  signoffSchema,
  trustedSignerSchema,
  unlockSchema,
} from '../signoff/records';

export const PACKAGE_TABLE_SCHEMAS: Readonly<Record<string, PayloadSchema>> = {
  engagement: engagementSchema,
  notes: fieldNoteSchema,
  evidence: evidenceSchema,
  inspections: inspectionSchema,
  itemResults: storedItemResultSchema,
  findings: storedFindingSchema,
  samples: storedSampleSchema,
  systems: systemSchema,
  drills: drillSchema,
  people: personSchema,
  vendors: vendorSchema,
  agreements: agreementSchema,
  disposals: disposalRecordSchema,
  policyReviews: policyReviewSchema,
  settings: settingSchema,
  // Review and sign-off travel too: a reviewer or approver may sign from a package.
  trustedSigners: trustedSignerSchema,
  signoffPolicies: signoffPolicySchema,
  signoffs: signoffSchema,
  reviewNotes: reviewNoteSchema,
  unlocks: unlockSchema,
  engagementPolicies: engagementPolicySchema,
};

export const isPackageTable = (table: string): boolean =>
  Object.hasOwn(PACKAGE_TABLE_SCHEMAS, table);
