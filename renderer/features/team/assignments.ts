/**
 * Who works on what: a checklist section or item of an inspection given to a named auditor.
 * One assignment per target; assigning again moves it to the new auditor.
 */
import type { Stored } from '../../../shared/domain/records';
import type { Assignment } from '../../../shared/domain/team';
import type { VaultSession } from '../../data/vault-session';

export type AssignmentTarget = Assignment['target'];

function sameTarget(a: AssignmentTarget, b: AssignmentTarget): boolean {
  return a.kind === b.kind && a.id === b.id;
}

export function listAssignments(
  session: VaultSession,
  inspectionId: string,
): Promise<Stored<Assignment>[]> {
  return session.listChildren('assignments', inspectionId);
}

/** Gives `target` to `auditor` (moving it from whoever had it). */
export async function assign(
  session: VaultSession,
  inspectionId: string,
  target: AssignmentTarget,
  auditor: string,
): Promise<Stored<Assignment>> {
  const existing = (await listAssignments(session, inspectionId)).find((a) =>
    sameTarget(a.target, target),
  );
  const data: Assignment = { inspectionId, target, auditor: auditor.trim() };
  const summary = `${target.kind} ${target.id} → ${data.auditor}`;
  if (!existing) return session.create('assignments', data, summary);
  if (existing.auditor === data.auditor) return existing;
  return session.update('assignments', existing.id, existing.rev, data, summary);
}

export async function unassign(
  session: VaultSession,
  inspectionId: string,
  target: AssignmentTarget,
): Promise<void> {
  const existing = (await listAssignments(session, inspectionId)).find((a) =>
    sameTarget(a.target, target),
  );
  if (existing) {
    await session.remove('assignments', existing.id, existing.rev, target.id);
  }
}

/**
 * The auditor an item is assigned to: its own assignment, else its section's. Item ids are
 * `SECTION-NN.N`-like, their section the catalog's section id passed in.
 */
export function assigneeOf(
  assignments: readonly Assignment[],
  itemId: string,
  sectionId: string,
): string | null {
  const own = assignments.find((a) => a.target.kind === 'item' && a.target.id === itemId);
  if (own) return own.auditor;
  return (
    assignments.find((a) => a.target.kind === 'section' && a.target.id === sectionId)?.auditor ??
    null
  );
}
