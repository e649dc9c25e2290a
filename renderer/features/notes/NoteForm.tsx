import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldNote } from '../../../shared/domain/notes';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { TextAreaField } from '../../ui/TextAreaField';

export interface NoteFormProps {
  initial: FieldNote;
  submitLabel: string;
  onSubmit: (note: FieldNote) => Promise<void>;
  onCancel?: () => void;
}

export function NoteForm({ initial, submitLabel, onSubmit, onCancel }: NoteFormProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!note.title.trim()) {
      setError(t('notes.titleRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(note);
      setNote(initial);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card note-form" onSubmit={(e) => void submit(e)}>
      <fieldset disabled={busy}>
        <div className="row">
          <Field label={t('notes.title')}>
            {(p) => (
              <input
                {...p}
                value={note.title}
                onChange={(e) => setNote({ ...note, title: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('notes.observedOn')}>
            {(p) => (
              <input
                {...p}
                type="date"
                value={note.observedOn}
                onChange={(e) => setNote({ ...note, observedOn: e.target.value })}
              />
            )}
          </Field>
        </div>
        <TextAreaField
          label={t('notes.body')}
          hint={t('notes.bodyHint')}
          rows={4}
          value={note.body}
          onChange={(value) => setNote({ ...note, body: value })}
        />
      </fieldset>
      <ErrorText message={error} />
      <div className="actions">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
