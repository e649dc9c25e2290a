/**
 * Raising a finding from a register (a coverage gap, a disposal flag, a policy-review gap) on
 * the matching checklist item of an inspection, in one step. The finding is an ordinary
 * finding of that inspection: the auditor edits it there like any other.
 */
import { findingSchema, type Finding } from '../../../shared/domain/inspection/findings';
import type { RecordId, Stored } from '../../../shared/domain/records';
import type { z } from 'zod';
import type { VaultSession } from '../../data/vault-session';
import type { StoredFinding } from '../../../shared/domain/inspections';

export type FindingFields = z.input<typeof findingSchema>;

export async function raiseFinding(
  session: VaultSession,
  inspectionId: RecordId,
  fields: FindingFields,
): Promise<Stored<StoredFinding>> {
  const finding: Finding = findingSchema.parse(fields);
  return session.create('findings', { ...finding, inspectionId }, finding.title);
}
