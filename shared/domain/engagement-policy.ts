/**
 * The engagement's own rules for team work, one sealed record (`engagementPolicies`) that only
 * the lead's vault changes: like the trusted signers, a return never changes it
 * (`LEAD_ONLY_TABLES`), or an auditor could switch off the rule that refuses their return.
 */
import { z } from 'zod';

export const engagementPolicySchema = z.strictObject({
  /**
   * 僅接受受信任簽章者簽署的繳回: the merge refuses a return that is unsigned, or signed by a
   * key that is not (or was no longer, when the return was made) one of the trusted signers.
   */
  requireTrustedSigner: z.boolean(),
});
export type EngagementPolicy = z.infer<typeof engagementPolicySchema>;

/**
 * What a vault without the record follows: returns are accepted signed or not, as before the
 * setting existed (packages written by earlier releases, and colleagues without a signing
 * identity yet, keep merging until the lead turns it on).
 */
export const DEFAULT_ENGAGEMENT_POLICY: EngagementPolicy = { requireTrustedSigner: false };

/**
 * The policy among an engagement's records (a hand-out's, say, for the CLI's `merge`): the
 * live `engagementPolicies` record, or the defaults when there is none.
 */
export function engagementPolicyOf(
  records: readonly { table: string; deleted: boolean; data: unknown }[],
): EngagementPolicy {
  const found = records.find((r) => r.table === 'engagementPolicies' && !r.deleted);
  return found ? engagementPolicySchema.parse(found.data) : DEFAULT_ENGAGEMENT_POLICY;
}
