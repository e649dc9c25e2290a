import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDateOf, toIsoInstant } from '../../../shared/domain/dates';
import type { FieldNote } from '../../../shared/domain/notes';
import type { RecordId, Stored } from '../../../shared/domain/records';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { MaskedText } from '../../ui/MaskedText';
import { useRecords } from '../workspace/use-records';
import { NoteForm } from './NoteForm';

function blankNote(): FieldNote {
  return { title: '', body: '', observedOn: localDateOf(toIsoInstant(new Date())) };
}

/** Field notes (現場紀錄): free text, shown with personal data masked until revealed. */
export function NotesPanel({ session }: { session: VaultSession }) {
  const { t } = useTranslation();
  const { formatDate, formatDateTime } = useApp();
  const { records, error, reload } = useRecords(session, 'notes');
  const [editing, setEditing] = useState<RecordId | null>(null);
  const [revealed, setRevealed] = useState<ReadonlySet<RecordId>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);

  const guard = (task: Promise<unknown>) =>
    task.then(reload, (e: unknown) => {
      setFailure(describeError(e, t));
    });

  async function reveal(note: Stored<FieldNote>) {
    // Seeing personal data in full is recorded before it is shown.
    await session.log({
      action: 'personal-data.revealed',
      target: { table: 'notes', id: note.id },
      summary: note.title,
    });
    setRevealed((s) => new Set(s).add(note.id));
  }

  return (
    <div>
      <h1>{t('notes.heading')}</h1>
      <NoteForm
        initial={blankNote()}
        submitLabel={t('notes.add')}
        onSubmit={async (note) => {
          await session.create('notes', note, note.title);
          reload();
        }}
      />
      <ErrorText message={failure ?? (error ? describeError(error, t) : null)} />
      {records?.length === 0 && <p className="empty">{t('notes.empty')}</p>}
      <ul className="note-list" aria-label={t('notes.heading')}>
        {records
          ?.slice()
          .reverse()
          .map((note) =>
            editing === note.id ? (
              <li key={note.id}>
                <NoteForm
                  initial={{ title: note.title, body: note.body, observedOn: note.observedOn }}
                  submitLabel={t('common.save')}
                  onCancel={() => setEditing(null)}
                  onSubmit={async (next) => {
                    await session.update('notes', note.id, note.rev, next, next.title);
                    setEditing(null);
                    reload();
                  }}
                />
              </li>
            ) : (
              <li key={note.id} className="card note">
                <div className="note-head">
                  <h3>{note.title}</h3>
                  <span className="muted small">{formatDate(note.observedOn)}</span>
                </div>
                <MaskedText
                  text={note.body}
                  revealed={revealed.has(note.id)}
                  onReveal={() => void guard(reveal(note))}
                  onHide={() =>
                    setRevealed((s) => {
                      const next = new Set(s);
                      next.delete(note.id);
                      return next;
                    })
                  }
                />
                <div className="note-foot">
                  <span className="muted small">
                    {note.updatedBy} · {formatDateTime(note.updatedAt)} ·{' '}
                    {t('engagement.revision', { rev: note.rev })}
                  </span>
                  <span className="actions">
                    <button type="button" className="ghost" onClick={() => setEditing(note.id)}>
                      {t('common.edit')}
                    </button>
                    <button
                      type="button"
                      className="danger-ghost"
                      onClick={() => {
                        if (window.confirm(t('notes.confirmDelete', { title: note.title }))) {
                          void guard(session.remove('notes', note.id, note.rev, note.title));
                        }
                      }}
                    >
                      {t('common.delete')}
                    </button>
                  </span>
                </div>
              </li>
            ),
          )}
      </ul>
    </div>
  );
}
