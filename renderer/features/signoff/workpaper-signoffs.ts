/**
 * What an exported workpaper carries of an inspection's sign-off (issue 12): its policy,
 * sign-offs, unlocks and the engagement's trusted signers, as the shared builder signs them
 * into the cover, the 簽核紀錄 sheet and the meta sheet, so `audit-workbench verify` and
 * minisign can check the file without the workbench.
 */
import type { RecordId } from '../../../shared/domain/records';
import type { WorkpaperSignoffs } from '../../../shared/workpapers/signoff-sheets';
import { payloadOf, type VaultSession } from '../../data/vault-session';

/**
 * The inspection's sign-off records, or null when it has no sign-off policy yet (never opened
 * on a screen that makes one): the workpaper then keeps its empty signature lines. Reading
 * does not create a policy, so an export writes nothing to the vault but its trail entry.
 */
export async function workpaperSignoffs(
  session: VaultSession,
  inspectionId: RecordId,
): Promise<WorkpaperSignoffs | null> {
  const [policies, signoffs, unlocks, signers] = await Promise.all([
    session.listChildren('signoffPolicies', inspectionId),
    session.listChildren('signoffs', inspectionId),
    session.listChildren('unlocks', inspectionId),
    session.list('trustedSigners'),
  ]);
  const [policy] = policies;
  if (policy === undefined) return null;
  return {
    policy: payloadOf(policy),
    signoffs: signoffs.map(payloadOf),
    unlocks: unlocks.map(payloadOf),
    signers: signers.map(payloadOf),
  };
}
