/**
 * Signing off and unlocking. Each checks the rules first (`shared/signoff/state.ts`: order,
 * separation of duties, open review notes, lock-down), then asks the signing identity for its
 * signature with the passphrase the user typed for this signing, then writes the sign-off (or
 * unlock) and its trail entry in one batch. Nothing is written when a rule or the passphrase
 * refuses.
 */
import type { Bilingual } from '../../../shared/domain/inspection/text';
import type { RecordId, Stored } from '../../../shared/domain/records';
import {
  subjectKey,
  type Signoff,
  type Subject,
  type Unlock,
} from '../../../shared/signoff/records';
import {
  basisOf,
  signContents,
  signUnlock,
  type SignRequest,
} from '../../../shared/signoff/signing';
import {
  SIGN_PROBLEM_MESSAGES,
  signProblems,
  unlockProblems,
  type SignProblem,
  type UnlockProblem,
} from '../../../shared/signoff/state';
import type { VaultSession } from '../../data/vault-session';
import { instant, signingIdentity, type Clock } from './identities';
import { contentOf, loadSignoff } from './signoff-state';

export class SignoffRefusedError extends Error {
  override name = 'SignoffRefusedError';
  readonly text: Bilingual;
  constructor(readonly problems: readonly SignProblem[]) {
    const codes = [...new Set(problems.map((p) => p.code))];
    const zh = codes.map((c) => SIGN_PROBLEM_MESSAGES[c]['zh-TW']).join('；');
    const en = codes.map((c) => SIGN_PROBLEM_MESSAGES[c].en).join('; ');
    super(`Sign-off refused: ${en}`);
    this.text = { 'zh-TW': `無法簽核：${zh}`, en: `Sign-off refused: ${en}` };
  }
}

const UNLOCK_MESSAGES: Readonly<Record<UnlockProblem, Bilingual>> = {
  'not-locked': { 'zh-TW': '此查核未定稿', en: 'The inspection is not locked' },
  'not-approver': {
    'zh-TW': '只有核定人員（受信任簽章者）能解除定稿',
    en: 'Only the approver (a trusted signer) can unlock',
  },
  'no-reason': { 'zh-TW': '請輸入解除定稿的理由', en: 'Type the reason for unlocking' },
};

export class UnlockRefusedError extends Error {
  override name = 'UnlockRefusedError';
  readonly text: Bilingual;
  constructor(readonly problems: readonly UnlockProblem[]) {
    const en = problems.map((p) => UNLOCK_MESSAGES[p].en).join('; ');
    super(`Unlock refused: ${en}`);
    this.text = {
      'zh-TW': `無法解除定稿：${problems.map((p) => UNLOCK_MESSAGES[p]['zh-TW']).join('；')}`,
      en: `Unlock refused: ${en}`,
    };
  }
}

export interface SignInput {
  inspectionId: RecordId;
  /** One or more subjects signed at the same level with one passphrase entry. */
  subjects: readonly Subject[];
  level: number;
  identityId: RecordId;
  passphrase: string;
  now?: Clock;
}

/** Signs subjects at a level; refuses (SignoffRefusedError) before asking for the key. */
export async function signOff(session: VaultSession, input: SignInput): Promise<Stored<Signoff>[]> {
  const identity = await signingIdentity(session, input.identityId);
  const loaded = await loadSignoff(session, input.inspectionId);
  const at = instant(input.now ?? (() => new Date()));
  const role = loaded.policy.roles[input.level - 1];
  const problems: SignProblem[] = [];
  if (role === undefined) problems.push({ code: 'unknown-level' });
  if (loaded.lockedBy !== null) problems.push({ code: 'locked' });
  for (const subject of input.subjects) {
    problems.push(
      ...signProblems(loaded.state, {
        subject,
        level: input.level,
        fingerprint: identity.fingerprint,
        publicKey: identity.publicKey,
        at,
      }),
    );
  }
  if (problems.length > 0 || role === undefined) throw new SignoffRefusedError(problems);
  const requests: SignRequest[] = input.subjects.map((subject) => {
    const content = contentOf(loaded, subject);
    if (content === undefined) throw new SignoffRefusedError([{ code: 'no-content' }]);
    return {
      subject,
      level: input.level,
      roleKey: role.key,
      roleName: role.name,
      content,
      now: at,
      ...(subject.kind === 'inspection'
        ? { basis: basisOf(loaded.state.signoffs, input.inspectionId, input.level, at) }
        : {}),
    };
  });
  const signed = await signContents(identity, input.passphrase, requests);
  const [written] = await session.writeBatch(
    [{ table: 'signoffs', items: signed.map((data) => ({ data })) }],
    {
      action: 'signoff.signed',
      target: { table: 'inspections', id: input.inspectionId },
      summary: `${role.name} (L${input.level}) ${identity.name} ${identity.fingerprint}: ${input.subjects.map(subjectKey).join(', ')}`,
    },
  );
  return (written ?? []) as Stored<Signoff>[];
}

/**
 * Lifts the lock-down: the approver's signing passphrase (a signature over the unlock
 * statement) and a typed reason, recorded with a trail entry. Stales the final sign-off.
 */
export async function unlockInspection(
  session: VaultSession,
  input: {
    inspectionId: RecordId;
    identityId: RecordId;
    passphrase: string;
    reason: string;
    now?: Clock;
  },
): Promise<Stored<Unlock>> {
  const identity = await signingIdentity(session, input.identityId);
  const loaded = await loadSignoff(session, input.inspectionId);
  const at = instant(input.now ?? (() => new Date()));
  // The lock is the guard's (a final sign-off not unlocked since), not the digest's view.
  const problems: UnlockProblem[] = unlockProblems(loaded.state, {
    fingerprint: identity.fingerprint,
    publicKey: identity.publicKey,
    reason: input.reason,
    at,
  }).filter((p) => p !== 'not-locked');
  if (loaded.lockedBy === null) problems.unshift('not-locked');
  if (problems.length > 0) throw new UnlockRefusedError(problems);
  const unlock = await signUnlock({
    identity,
    passphrase: input.passphrase,
    inspectionId: input.inspectionId,
    reason: input.reason,
    now: at,
  });
  const [written] = await session.writeBatch([{ table: 'unlocks', items: [{ data: unlock }] }], {
    action: 'inspection.unlocked',
    target: { table: 'inspections', id: input.inspectionId },
    summary: `${identity.name} ${identity.fingerprint}: ${unlock.reason}`,
  });
  return (written ?? [])[0] as Stored<Unlock>;
}
