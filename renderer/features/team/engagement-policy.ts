/**
 * The engagement's team-work rules as this vault holds them (`engagementPolicies`, one sealed
 * record), and the one rule they carry so far: 僅接受受信任簽章者簽署的繳回. Changed only in
 * the lead's vault (an auditor's vault, opened from a hand-out, shows the lead's setting and
 * cannot change it; a return never changes it either, see `LEAD_ONLY_TABLES`). Each change is
 * an ordinary record write, so the activity trail records it.
 */
import {
  DEFAULT_ENGAGEMENT_POLICY,
  type EngagementPolicy,
} from '../../../shared/domain/engagement-policy';
import type { Stored } from '../../../shared/domain/records';
import { signerTrust } from '../../../shared/package';
import { untrustedReturn } from '../../../shared/package/trusted-returns';
import { payloadOf, type VaultSession } from '../../data/vault-session';
import { TeamError } from './handout';
import type { ReceivedReturn, Refusal } from './merge';
import { originOf } from './send-back';

async function policyRecord(session: VaultSession): Promise<Stored<EngagementPolicy> | null> {
  return (await session.list('engagementPolicies')).at(0) ?? null;
}

/** The rules in force: the record's, or the defaults for a vault that never set any. */
export async function readEngagementPolicy(session: VaultSession): Promise<EngagementPolicy> {
  const record = await policyRecord(session);
  return record ? payloadOf(record) : DEFAULT_ENGAGEMENT_POLICY;
}

/** Turns 僅接受受信任簽章者簽署的繳回 on or off; refused in an auditor's vault. */
export async function setRequireTrustedSigner(
  session: VaultSession,
  on: boolean,
): Promise<EngagementPolicy> {
  if (await originOf(session)) {
    throw new TeamError('lead-only', {
      'zh-TW': '這是由工作包開啟的案件庫：案件設定只能由組長的案件庫變更',
      en: "This vault was opened from a package: only the lead's vault changes the engagement's settings",
    });
  }
  const record = await policyRecord(session);
  const next: EngagementPolicy = {
    ...(record ? payloadOf(record) : DEFAULT_ENGAGEMENT_POLICY),
    requireTrustedSigner: on,
  };
  const summary = `accept only returns signed by a trusted signer: ${on ? 'on' : 'off'}`;
  const written = record
    ? await session.update('engagementPolicies', record.id, record.rev, next, summary)
    : await session.create('engagementPolicies', next, summary);
  return payloadOf(written);
}

/**
 * Under the setting, the returns refused for their signer (unsigned, or not trusted by this
 * vault at the package's `createdAt`), each naming its file; none when the setting is off.
 */
export async function untrustedReturns(
  session: VaultSession,
  received: readonly ReceivedReturn[],
): Promise<Map<ReceivedReturn, Refusal>> {
  const [policy, trusted] = await Promise.all([
    readEngagementPolicy(session),
    session.list('trustedSigners'),
  ]);
  const refusals = new Map<ReceivedReturn, Refusal>();
  if (!policy.requireTrustedSigner) return refusals;
  const signers = trusted.map(payloadOf);
  for (const r of received) {
    const trust = signerTrust(r.signer, signers, r.contents.meta.createdAt);
    const text = untrustedReturn(r.fileName, r.signer, trust);
    if (text) {
      const { packageId, auditor } = r.contents.meta;
      refusals.set(r, { fileName: r.fileName, packageId, auditor, text });
    }
  }
  return refusals;
}
