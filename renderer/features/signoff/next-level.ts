/**
 * Which level a signing identity would sign a subject at: the level of the role it is trusted
 * for, or (a signer trusted for any role) the first level without a valid sign-off. The rules
 * themselves (order, separation of duties, notes) are the service's to check when signing.
 */
import type { Subject } from '../../../shared/signoff/records';
import { subjectStatus } from '../../../shared/signoff/state';
import type { LoadedSignoff } from './signoff-state';

export function nextLevelFor(
  loaded: LoadedSignoff,
  fingerprint: string,
  subject: Subject,
): number | null {
  const roles = loaded.policy.roles;
  const trusted = loaded.state.signers.find((s) => s.fingerprint === fingerprint);
  if (trusted?.role) {
    const index = roles.findIndex((r) => r.key === trusted.role);
    return index < 0 ? null : index + 1;
  }
  const open = subjectStatus(loaded.state, subject).find((s) => s.status !== 'valid');
  return open ? open.level : null;
}
