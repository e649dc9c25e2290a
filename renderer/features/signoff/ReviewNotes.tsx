import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordId, Stored } from '../../../shared/domain/records';
import type { NoteTarget, ReviewNote } from '../../../shared/signoff/records';
import { describeError } from '../../app/describe-error';
import { ErrorText } from '../../ui/ErrorText';
import { TextAreaField } from '../../ui/TextAreaField';
import { IdentityPicker } from './IdentityPicker';
import { useSignedAt } from './LevelStrip';
import { nextLevelFor } from './next-level';
import { clearReviewNote, raiseReviewNote, respondToReviewNote } from './review-notes';
import type { LoadedSignoff } from './signoff-state';
import type { SignoffView } from './use-signoff';

type NoteFilter = 'open' | 'cleared' | 'all';

const sameTarget = (a: NoteTarget, b: NoteTarget) =>
  a.kind === b.kind &&
  (a.kind !== 'item' || (b.kind === 'item' && a.itemId === b.itemId)) &&
  (a.kind !== 'finding' || (b.kind === 'finding' && a.findingId === b.findingId));

/** 覆核意見 on one target: listed (open / cleared / all), raised, answered, cleared by author. */
export function ReviewNotes({
  view,
  loaded,
  target,
}: {
  view: SignoffView;
  loaded: LoadedSignoff;
  target: NoteTarget;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<NoteFilter>('open');
  const [identityId, setIdentityId] = useState<RecordId | ''>(view.identities[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const notes = loaded.notes.filter((n) => !n.deleted && sameTarget(n.target, target));
  const shown = notes.filter(
    (n) => filter === 'all' || (filter === 'open') === (n.cleared === null),
  );
  /** Runs a note action as the chosen identity, then shows the result or the refusal. */
  const act = (work: (id: RecordId) => Promise<unknown>) =>
    (identityId ? work(identityId) : Promise.reject(new Error(t('signoff.chooseIdentity')))).then(
      () => {
        setError(null);
        view.reload();
      },
      (e: unknown) => setError(describeError(e, t)),
    );
  return (
    <section aria-label={t('signoff.notes')}>
      <h3>
        {t('signoff.notes')}{' '}
        <span className="badge" data-testid="open-notes">
          {notes.filter((n) => n.cleared === null).length}
        </span>
      </h3>
      <div className="row">
        <IdentityPicker identities={view.identities} value={identityId} onChange={setIdentityId} />
        <label>
          {t('signoff.noteFilter')}{' '}
          <select value={filter} onChange={(e) => setFilter(e.target.value as NoteFilter)}>
            <option value="open">{t('signoff.notesOpen')}</option>
            <option value="cleared">{t('signoff.notesCleared')}</option>
            <option value="all">{t('signoff.notesAll')}</option>
          </select>
        </label>
      </div>
      <ul className="plain review-notes" aria-label={t('signoff.noteList')}>
        {shown.map((note) => (
          <NoteRow
            key={note.id}
            note={note}
            onRespond={(text) =>
              act((id) => respondToReviewNote(view.session, note.id, { identityId: id, text }))
            }
            onClear={() => act((id) => clearReviewNote(view.session, note.id, { identityId: id }))}
          />
        ))}
      </ul>
      <ErrorText message={error} />
      <RaiseNote
        onRaise={(text) => {
          const identity = view.identities.find((i) => i.id === identityId);
          if (!identity) {
            setError(t('signoff.chooseIdentity'));
            return;
          }
          const subject =
            target.kind === 'item' ? { kind: 'item' as const, itemId: target.itemId } : null;
          const level =
            nextLevelFor(loaded, identity.fingerprint, subject ?? { kind: 'inspection' }) ?? 1;
          void act((id) =>
            raiseReviewNote(view.session, {
              inspectionId: loaded.inspectionId,
              target,
              level,
              identityId: id,
              text,
            }),
          );
        }}
      />
    </section>
  );
}

function NoteRow({
  note,
  onRespond,
  onClear,
}: {
  note: Stored<ReviewNote>;
  onRespond: (text: string) => Promise<unknown>;
  onClear: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const signedAt = useSignedAt();
  const [reply, setReply] = useState('');
  const cleared = note.cleared !== null;
  return (
    <li className={cleared ? 'note cleared' : 'note'} aria-label={note.text}>
      <p>
        {cleared ? <s>{note.text}</s> : note.text}{' '}
        <span className="muted small">
          {t('signoff.raisedBy', { name: note.author.name, at: signedAt(note.raisedAt) })}
        </span>
      </p>
      {note.responses.map((r) => (
        <p key={r.at} className="small response">
          ↳ {r.text} <span className="muted">{t('signoff.respondedBy', { name: r.by.name })}</span>
        </p>
      ))}
      {cleared ? (
        <p className="small muted">{t('signoff.clearedBy', { name: note.cleared?.by.name })}</p>
      ) : (
        <div className="row inline-actions">
          <TextAreaField label={t('signoff.response')} rows={1} value={reply} onChange={setReply} />
          <button
            type="button"
            disabled={!reply.trim()}
            onClick={() => void onRespond(reply).then(() => setReply(''))}
          >
            {t('signoff.respond')}
          </button>
          <button type="button" onClick={() => void onClear()}>
            {t('signoff.clearNote')}
          </button>
        </div>
      )}
    </li>
  );
}

function RaiseNote({ onRaise }: { onRaise: (text: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  function submit(event: SyntheticEvent) {
    event.preventDefault();
    onRaise(text);
    setText('');
  }
  return (
    <form onSubmit={submit}>
      <TextAreaField label={t('signoff.newNote')} rows={2} value={text} onChange={setText} />
      <div className="actions">
        <button type="submit" disabled={!text.trim()}>
          {t('signoff.raiseNote')}
        </button>
      </div>
    </form>
  );
}
