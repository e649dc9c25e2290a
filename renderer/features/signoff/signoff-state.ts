/**
 * An inspection's sign-off state as the vault holds it now: its policy (made on first use with
 * the default levels 編製 / 覆核 / 核定 and a fresh digest key), sign-offs, review notes,
 * unlocks, the trusted signers, and the digests of its content computed through
 * `shared/signoff/digest.ts`, so the state machine (`shared/signoff/state.ts`) can answer.
 */
import { randomBytes, toBase64 } from '../../../shared/crypto/bytes';
import type { RecordId, Stored } from '../../../shared/domain/records';
import {
  changedFields,
  contentsOf,
  digestKeyOf,
  type InspectionContent,
  type ItemContent,
  type SignedContent,
} from '../../../shared/signoff/digest';
import { lockingSignoff } from '../../../shared/signoff/lockdown';
import {
  DEFAULT_ROLES,
  MAX_LEVELS,
  MIN_LEVELS,
  signoffPolicySchema,
  type ReviewNote,
  type Signoff,
  type SignoffPolicy,
  type SignoffRole,
  type Subject,
} from '../../../shared/signoff/records';
import {
  contentFacts,
  subjectStatus,
  type LevelStatus,
  type SignoffState,
} from '../../../shared/signoff/state';
import { NotFoundError } from '../../data/errors';
import { payloadOf, type VaultSession } from '../../data/vault-session';

/** The inspection's policy, created with the default levels the first time it is asked for. */
export async function ensurePolicy(
  session: VaultSession,
  inspectionId: RecordId,
): Promise<Stored<SignoffPolicy>> {
  const [existing] = await session.listChildren('signoffPolicies', inspectionId);
  if (existing) return existing;
  return session.create(
    'signoffPolicies',
    { inspectionId, roles: [...DEFAULT_ROLES], digestKey: toBase64(randomBytes(32)) },
    'sign-off levels',
  );
}

export class PolicyChangeError extends Error {
  override name = 'PolicyChangeError';
}

/**
 * Renames the levels or sets how many there are (2 to 5). Once anything is signed, only names
 * may change: adding or removing a level would change what the signed levels mean.
 */
export async function setPolicyRoles(
  session: VaultSession,
  inspectionId: RecordId,
  names: readonly string[],
): Promise<Stored<SignoffPolicy>> {
  if (names.length < MIN_LEVELS || names.length > MAX_LEVELS) {
    throw new PolicyChangeError(`a sign-off policy has ${MIN_LEVELS} to ${MAX_LEVELS} levels`);
  }
  const policy = await ensurePolicy(session, inspectionId);
  const signed = await session.listChildren('signoffs', inspectionId);
  if (signed.length > 0 && names.length !== policy.roles.length) {
    throw new PolicyChangeError('levels cannot be added or removed once anything is signed');
  }
  const roles: SignoffRole[] = names.map((name, i) => {
    const kept = policy.roles[i];
    return kept ? { ...kept, name: name.trim() } : { key: `level-${i + 1}`, name: name.trim() };
  });
  const next = signoffPolicySchema.parse({ ...payloadOf(policy), roles });
  return session.update('signoffPolicies', policy.id, policy.rev, next, 'sign-off levels');
}

export interface LoadedSignoff {
  inspectionId: RecordId;
  policy: SignoffPolicy;
  state: SignoffState;
  contents: { items: Map<string, ItemContent>; inspection: InspectionContent };
  notes: Stored<ReviewNote>[];
  /** The final sign-off that locks the inspection (see `lockingSignoff`), or null. */
  lockedBy: Signoff | null;
}

/** Reads everything the sign-off rules look at, and the content digests as they are now. */
export async function loadSignoff(
  session: VaultSession,
  inspectionId: RecordId,
): Promise<LoadedSignoff> {
  const inspection = await session.get('inspections', inspectionId);
  if (!inspection || inspection.deleted) throw new NotFoundError('inspections', inspectionId);
  const policy = payloadOf(await ensurePolicy(session, inspectionId));
  const [engagements, itemResults, findings, evidence, signoffs, notes, unlocks, signers] =
    await Promise.all([
      session.list('engagement'),
      session.listChildren('itemResults', inspectionId),
      session.listChildren('findings', inspectionId),
      session.listChildren('evidence', inspectionId),
      session.listChildren('signoffs', inspectionId),
      session.listChildren('reviewNotes', inspectionId),
      session.listChildren('unlocks', inspectionId),
      session.list('trustedSigners'),
    ]);
  const engagement = engagements[0] ?? { entity: '', scope: '' };
  const contents = contentsOf(
    { engagement, inspection, itemIds: [], itemResults, findings, evidence },
    digestKeyOf(policy),
  );
  const state: SignoffState = {
    policy,
    signoffs,
    notes,
    unlocks,
    signers,
    ...contentFacts(contents),
  };
  const lockedBy = lockingSignoff({ inspectionId, policy, signoffs, unlocks, signers });
  return { inspectionId, policy, state, contents, notes, lockedBy };
}

export type LevelView = LevelStatus & {
  roleName: string;
  /** For a sign-off stale because its content changed: which fields changed since. */
  changed: string[];
};

export function contentOf(loaded: LoadedSignoff, subject: Subject): SignedContent | undefined {
  return subject.kind === 'item'
    ? loaded.contents.items.get(subject.itemId)
    : loaded.contents.inspection;
}

/** Each level of a subject: unsigned, valid or stale (簽核後已修改) with what changed since. */
export function levelsOf(loaded: LoadedSignoff, subject: Subject): LevelView[] {
  const now = contentOf(loaded, subject);
  return subjectStatus(loaded.state, subject).map((status) => {
    const roleName = loaded.policy.roles[status.level - 1]?.name ?? String(status.level);
    if (status.status !== 'stale' || status.staleBecause !== 'changed' || now === undefined) {
      return { ...status, roleName, changed: [] };
    }
    const signed = JSON.parse(status.signoff.content) as SignedContent;
    return { ...status, roleName, changed: changedFields(signed, now) };
  });
}

/** How many current sign-offs are stale: the dashboard's "edited after sign-off" count. */
export function staleCount(loaded: LoadedSignoff): number {
  const subjects: Subject[] = [
    ...[...loaded.contents.items.keys()].map((itemId): Subject => ({ kind: 'item', itemId })),
    { kind: 'inspection' },
  ];
  return subjects
    .flatMap((subject) => subjectStatus(loaded.state, subject))
    .filter((s) => s.status === 'stale').length;
}
