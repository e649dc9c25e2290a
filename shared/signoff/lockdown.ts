/**
 * Whether an inspection is locked down (定稿), from its sign-off records alone, as the data
 * layer's write guard asks before every commit. The lock holds from the final-level sign-off on
 * the inspection until a signed unlock at or after it, whatever else changes meanwhile: an edit
 * that would stale the final sign-off is exactly what the lock refuses, so the lock cannot
 * depend on the content's digest (a change the guard does not cover, such as the engagement's
 * cover text, stales the sign-off but does not lift the lock; only the approver's unlock does).
 */
import type { Signoff, SignoffPolicy, TrustedSigner, Unlock } from './records';
import { countsFor } from './state';

export interface LockRecords {
  inspectionId: string;
  /** The inspection's policy; without one the highest level signed on it counts as final. */
  policy: SignoffPolicy | null;
  signoffs: readonly Signoff[];
  unlocks: readonly Unlock[];
  /** The engagement's trusted signers: only a final sign-off that counts (`countsFor`) locks. */
  signers: readonly TrustedSigner[];
}

/** The final sign-off that locks the inspection, or null when it is not locked. */
export function lockingSignoff(records: LockRecords): Signoff | null {
  const onInspection = records.signoffs.filter(
    (s) =>
      s.inspectionId === records.inspectionId &&
      s.subject.kind === 'inspection' &&
      (records.policy === null || countsFor(records.policy, records.signers, s)),
  );
  if (onInspection.length === 0) return null;
  const final = records.policy?.roles.length ?? Math.max(...onInspection.map((s) => s.level));
  let latest: Signoff | null = null;
  for (const s of onInspection) {
    if (s.level === final && (latest === null || s.signedAt > latest.signedAt)) latest = s;
  }
  if (latest === null) return null;
  const signedAt = latest.signedAt;
  const unlocked = records.unlocks.some(
    (u) => u.inspectionId === records.inspectionId && u.at >= signedAt,
  );
  return unlocked ? null : latest;
}
