/**
 * Review notes (覆核意見): a reviewer raises one on an item, a finding or the inspection at
 * their level; the preparer responds; only the author clears it (it stays, struck through).
 * The person is the one of the signing identity in use (name and fingerprint).
 */
import type { RecordId, Stored } from '../../../shared/domain/records';
import type { NoteTarget, ReviewNote } from '../../../shared/signoff/records';
import { clearNote, raiseNote, respondToNote } from '../../../shared/signoff/state';
import { NotFoundError } from '../../data/errors';
import { payloadOf, type VaultSession } from '../../data/vault-session';
import { instant, signingIdentity, type Clock } from './identities';

async function personOf(session: VaultSession, identityId: RecordId) {
  const identity = await signingIdentity(session, identityId);
  return { name: identity.name, fingerprint: identity.fingerprint };
}

async function noteOf(session: VaultSession, noteId: RecordId): Promise<Stored<ReviewNote>> {
  const note = await session.get('reviewNotes', noteId);
  if (!note || note.deleted) throw new NotFoundError('reviewNotes', noteId);
  return note;
}

export async function raiseReviewNote(
  session: VaultSession,
  input: {
    inspectionId: RecordId;
    target: NoteTarget;
    level: number;
    identityId: RecordId;
    text: string;
    now?: Clock;
  },
): Promise<Stored<ReviewNote>> {
  const note = raiseNote({
    inspectionId: input.inspectionId,
    target: input.target,
    level: input.level,
    author: await personOf(session, input.identityId),
    text: input.text,
    at: instant(input.now ?? (() => new Date())),
  });
  return session.create('reviewNotes', note, `review note (L${input.level})`);
}

export async function respondToReviewNote(
  session: VaultSession,
  noteId: RecordId,
  input: { identityId: RecordId; text: string; now?: Clock },
): Promise<Stored<ReviewNote>> {
  const note = await noteOf(session, noteId);
  const by = await personOf(session, input.identityId);
  const next = respondToNote(
    payloadOf(note),
    by,
    input.text,
    instant(input.now ?? (() => new Date())),
  );
  return session.update('reviewNotes', note.id, note.rev, next, 'review note answered');
}

/** Only the note's author clears it (NotePermissionError otherwise). */
export async function clearReviewNote(
  session: VaultSession,
  noteId: RecordId,
  input: { identityId: RecordId; now?: Clock },
): Promise<Stored<ReviewNote>> {
  const note = await noteOf(session, noteId);
  const by = await personOf(session, input.identityId);
  const next = clearNote(payloadOf(note), by, instant(input.now ?? (() => new Date())));
  if (next === payloadOf(note) || note.cleared !== null) return note;
  return session.update('reviewNotes', note.id, note.rev, next, 'review note cleared');
}
