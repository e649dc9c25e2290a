/**
 * The sign-off state machine, pure: given an inspection's policy, its sign-offs (all history),
 * review notes, unlocks, the trusted signers and the digests of its content as it is now, it
 * says what holds and what may happen next. Nothing here stores or signs.
 *
 * - Levels in order: a level signs only after the levels it requires hold a valid sign-off on
 *   the same subject; the inspection at a level only after every item holds one at that level.
 * - Separation of duties (分工牽制): one person (a trusted signer's `personId`, so a replaced key
 *   is the same person) holds at most one level of a subject.
 * - No blank sign-off: an item with no result yet (not even 不適用) cannot be signed at any
 *   level, so neither can the inspection while one is left.
 * - Review notes: an open note raised at level L blocks sign-off at L and above, on its item
 *   (a note on a finding counts for the finding's item) and on the inspection.
 * - Stale: a sign-off whose digest is not the content's digest now; saving an unchanged record
 *   changes no digest, so it stales nothing. The final sign-off is also stale once unlocked.
 * - Lock-down: a valid final-level sign-off on the inspection locks it; only the approver's
 *   signed unlock, with a reason, lifts it, and that stales the final sign-off.
 */
import type { IsoInstant } from '../domain/dates';
import type { Bilingual } from '../domain/inspection/text';
import { digestOf, type InspectionContent, type ItemContent } from './digest';
import { checkSigner } from './signing';
import {
  subjectKey,
  type NoteTarget,
  type ReviewNote,
  type Signoff,
  type SignoffPolicy,
  type Subject,
  type TrustedSigner,
  type Unlock,
} from './records';

export interface SignoffState {
  policy: SignoffPolicy;
  signoffs: readonly Signoff[];
  notes: readonly ReviewNote[];
  unlocks: readonly Unlock[];
  signers: readonly TrustedSigner[];
  /** Digests of the content as it is now (`contentsOf` in `digest.ts`). */
  digests: { items: ReadonlyMap<string, string>; inspection: string };
  /** Items with no result yet: nothing to sign (see `contentFacts`). */
  untested: ReadonlySet<string>;
}

/** What the state machine needs of the content as it is now: its digests, the untested items. */
export function contentFacts(contents: {
  items: ReadonlyMap<string, ItemContent>;
  inspection: InspectionContent;
}): Pick<SignoffState, 'digests' | 'untested'> {
  const items = new Map<string, string>();
  const untested = new Set<string>();
  for (const [id, content] of contents.items) {
    items.set(id, digestOf(content));
    if (content.result === null) untested.add(id);
  }
  return { digests: { items, inspection: digestOf(contents.inspection) }, untested };
}

export type LevelStatus =
  | { status: 'unsigned'; level: number }
  | {
      status: 'valid' | 'stale';
      level: number;
      signoff: Signoff;
      /** Why stale: the content changed, or the inspection was unlocked after it. */
      staleBecause?: 'changed' | 'unlocked';
    };

const later = (a: string, b: string) => a > b;

function sameSubject(a: Subject, b: Subject): boolean {
  return subjectKey(a) === subjectKey(b);
}

export function finalLevel(policy: SignoffPolicy): number {
  return policy.roles.length;
}

export function currentDigest(state: SignoffState, subject: Subject): string | undefined {
  return subject.kind === 'item'
    ? state.digests.items.get(subject.itemId)
    : state.digests.inspection;
}

/**
 * Whether a sign-off counts in this vault: its key is one of the engagement's trusted signers,
 * not retired when it signed, and trusted for the level's role (or for any). A sign-off that
 * arrived by merge from a key the lead never trusted is kept as a record and counts for
 * nothing (neither for a level nor for the lock).
 */
export function countsFor(
  policy: Pick<SignoffPolicy, 'roles'>,
  signers: readonly TrustedSigner[],
  signoff: Signoff,
): boolean {
  const { fingerprint, publicKey } = signoff.signer;
  if (!checkSigner(fingerprint, publicKey, signoff.signedAt, signers).ok) return false;
  const role = policy.roles[signoff.level - 1];
  const trusted = signers.find((s) => s.fingerprint === fingerprint);
  return role !== undefined && (trusted?.role === null || trusted?.role === role.key);
}

export const counts = (state: SignoffState, signoff: Signoff) =>
  countsFor(state.policy, state.signers, signoff);

/**
 * The latest sign-off that counts at a level of a subject: older ones are history, and so
 * are those of keys the engagement does not trust (`counts`).
 */
export function currentSignoff(
  state: SignoffState,
  subject: Subject,
  level: number,
): Signoff | undefined {
  let found: Signoff | undefined;
  for (const s of state.signoffs) {
    if (s.level !== level || !sameSubject(s.subject, subject)) continue;
    if (s.inspectionId !== state.policy.inspectionId) continue;
    if (!counts(state, s)) continue;
    if (found === undefined || later(s.signedAt, found.signedAt)) found = s;
  }
  return found;
}

export function levelStatus(state: SignoffState, subject: Subject, level: number): LevelStatus {
  const signoff = currentSignoff(state, subject, level);
  if (signoff === undefined) return { status: 'unsigned', level };
  if (signoff.digest !== currentDigest(state, subject)) {
    return { status: 'stale', level, signoff, staleBecause: 'changed' };
  }
  if (
    subject.kind === 'inspection' &&
    level === finalLevel(state.policy) &&
    state.unlocks.some(
      (u) => u.inspectionId === state.policy.inspectionId && !later(signoff.signedAt, u.at),
    )
  ) {
    return { status: 'stale', level, signoff, staleBecause: 'unlocked' };
  }
  return { status: 'valid', level, signoff };
}

export function subjectStatus(state: SignoffState, subject: Subject): LevelStatus[] {
  return state.policy.roles.map((_, i) => levelStatus(state, subject, i + 1));
}

/** Locked while the approver's final sign-off on the inspection is valid. */
export function isLocked(state: SignoffState): boolean {
  return levelStatus(state, { kind: 'inspection' }, finalLevel(state.policy)).status === 'valid';
}

export class InspectionLockedError extends Error {
  override name = 'InspectionLockedError';
  readonly messages: Bilingual = {
    'zh-TW': '此查核已定稿（核定簽核後唯讀），須由核定人員以簽章密碼解除鎖定並說明理由後才能修改',
    en: 'This inspection is locked by its final sign-off; the approver must unlock it with their signing passphrase and a reason before it can change',
  };
  constructor() {
    super('The inspection is locked by its final sign-off');
  }
}

/** Every write to an inspection's records (UI, round-trip import, merge) asks this first. */
export function assertEditable(state: SignoffState): void {
  if (isLocked(state)) throw new InspectionLockedError();
}

export function personOf(fingerprint: string, signers: readonly TrustedSigner[]): string {
  return signers.find((s) => s.fingerprint === fingerprint)?.personId ?? `key:${fingerprint}`;
}

function noteItem(target: NoteTarget): string | null {
  if (target.kind === 'item') return target.itemId;
  if (target.kind === 'finding') return target.itemId;
  return null;
}

/** Open notes that block signing `subject` at `level`. */
export function blockingNotes(state: SignoffState, subject: Subject, level: number): ReviewNote[] {
  return state.notes.filter(
    (note) =>
      note.inspectionId === state.policy.inspectionId &&
      note.cleared === null &&
      note.level <= level &&
      (subject.kind === 'inspection' || noteItem(note.target) === subject.itemId),
  );
}

export type SignProblem =
  | { code: 'locked' }
  | { code: 'unknown-level' }
  | { code: 'signer'; detail: string }
  | { code: 'wrong-role'; role: string }
  | { code: 'order'; missing: number[] }
  | { code: 'untested' }
  | { code: 'items-unsigned'; itemIds: string[] }
  | { code: 'separation'; otherLevel: number }
  | { code: 'open-notes'; notes: number }
  | { code: 'already-signed' }
  | { code: 'no-content' };

export const SIGN_PROBLEM_MESSAGES: Readonly<Record<SignProblem['code'], Bilingual>> = {
  locked: { 'zh-TW': '查核已定稿，不能再簽核', en: 'The inspection is locked' },
  'unknown-level': { 'zh-TW': '沒有這個簽核層級', en: 'There is no such sign-off level' },
  signer: {
    'zh-TW': '簽章者不是本案件的受信任簽章者',
    en: 'The signer is not a trusted signer of the engagement',
  },
  'wrong-role': {
    'zh-TW': '簽章者不具此簽核角色',
    en: 'The signer does not hold this sign-off role',
  },
  order: {
    'zh-TW': '前一層級尚未完成有效簽核',
    en: 'The levels this one requires are not signed yet',
  },
  untested: {
    'zh-TW': '此項目尚未記錄查核結果（不適用也須記錄），不能簽核',
    en: 'This item has no result yet (record one, 不適用 counts); it cannot be signed',
  },
  'items-unsigned': {
    'zh-TW': '尚有查核項目未於此層級完成有效簽核',
    en: 'Some checklist items have no valid sign-off at this level yet',
  },
  separation: {
    'zh-TW': '分工牽制：同一人不得簽核同一事項的兩個層級',
    en: 'Separation of duties: one person cannot sign two levels of the same thing',
  },
  'open-notes': { 'zh-TW': '尚有未解除的覆核意見', en: 'Open review notes block this sign-off' },
  'already-signed': {
    'zh-TW': '此層級已有有效簽核',
    en: 'This level already holds a valid sign-off',
  },
  'no-content': { 'zh-TW': '找不到此事項的內容', en: 'There is no content for this subject' },
};

/**
 * Everything that stands in the way of `fingerprint` signing `subject` at `level` at time
 * `at`; empty when the sign-off may be made.
 */
export function signProblems(
  state: SignoffState,
  request: { subject: Subject; level: number; fingerprint: string; publicKey: string; at: string },
): SignProblem[] {
  const { subject, level, fingerprint } = request;
  const problems: SignProblem[] = [];
  const role = state.policy.roles[level - 1];
  if (role === undefined) return [{ code: 'unknown-level' }];
  if (isLocked(state)) problems.push({ code: 'locked' });
  if (currentDigest(state, subject) === undefined) problems.push({ code: 'no-content' });
  if (subject.kind === 'item' && state.untested.has(subject.itemId))
    problems.push({ code: 'untested' });

  const trust = checkSigner(fingerprint, request.publicKey, request.at, state.signers);
  if (!trust.ok) problems.push({ code: 'signer', detail: trust.detail });
  const trusted = state.signers.find((s) => s.fingerprint === fingerprint);
  if (trusted !== undefined && trusted.role !== null && trusted.role !== role.key) {
    problems.push({ code: 'wrong-role', role: role.name });
  }

  const required = role.requires ?? state.policy.roles.slice(0, level - 1).map((_, i) => i + 1);
  const missing = required.filter((l) => levelStatus(state, subject, l).status !== 'valid');
  if (missing.length > 0) problems.push({ code: 'order', missing });
  if (subject.kind === 'inspection') {
    const unsigned = [...state.digests.items.keys()].filter(
      (itemId) => levelStatus(state, { kind: 'item', itemId }, level).status !== 'valid',
    );
    if (unsigned.length > 0) problems.push({ code: 'items-unsigned', itemIds: unsigned });
  }

  const person = personOf(fingerprint, state.signers);
  for (let other = 1; other <= state.policy.roles.length; other++) {
    if (other === level) continue;
    const theirs = currentSignoff(state, subject, other);
    if (theirs !== undefined && personOf(theirs.signer.fingerprint, state.signers) === person) {
      problems.push({ code: 'separation', otherLevel: other });
    }
  }
  const notes = blockingNotes(state, subject, level);
  if (notes.length > 0) problems.push({ code: 'open-notes', notes: notes.length });
  if (levelStatus(state, subject, level).status === 'valid')
    problems.push({ code: 'already-signed' });
  return problems;
}

export type UnlockProblem = 'not-locked' | 'not-approver' | 'no-reason';

/** Who may unlock: a trusted signer holding the final role (or any role), with a reason. */
export function unlockProblems(
  state: SignoffState,
  request: { fingerprint: string; publicKey: string; reason: string; at: string },
): UnlockProblem[] {
  const problems: UnlockProblem[] = [];
  if (!isLocked(state)) problems.push('not-locked');
  const finalRole = state.policy.roles[finalLevel(state.policy) - 1]?.key;
  const trusted = state.signers.find((s) => s.fingerprint === request.fingerprint);
  const trust = checkSigner(request.fingerprint, request.publicKey, request.at, state.signers);
  if (!trust.ok || trusted === undefined || (trusted.role !== null && trusted.role !== finalRole)) {
    problems.push('not-approver');
  }
  if (request.reason.trim() === '') problems.push('no-reason');
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Review notes

export class NotePermissionError extends Error {
  override name = 'NotePermissionError';
}

type Person = ReviewNote['author'];

export function raiseNote(fields: {
  inspectionId: string;
  target: NoteTarget;
  level: number;
  author: Person;
  text: string;
  at: IsoInstant;
}): ReviewNote {
  return {
    inspectionId: fields.inspectionId,
    target: fields.target,
    level: fields.level,
    author: fields.author,
    text: fields.text.trim(),
    raisedAt: fields.at,
    responses: [],
    cleared: null,
  };
}

export function respondToNote(
  note: ReviewNote,
  by: Person,
  text: string,
  at: IsoInstant,
): ReviewNote {
  if (note.cleared !== null)
    throw new NotePermissionError('A cleared note takes no more responses');
  return { ...note, responses: [...note.responses, { by, text: text.trim(), at }] };
}

/** Only the note's author clears it; the note stays, marked cleared. */
export function clearNote(note: ReviewNote, by: Person, at: IsoInstant): ReviewNote {
  if (by.fingerprint !== note.author.fingerprint) {
    throw new NotePermissionError('Only the author of a review note can clear it');
  }
  if (note.cleared !== null) return note;
  return { ...note, cleared: { by, at } };
}
