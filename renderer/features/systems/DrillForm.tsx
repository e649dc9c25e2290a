import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { today } from '../../app/today';
import { type Drill, drillSchema } from '../../../shared/domain/inspection/systems';
import { ErrorText } from '../../ui/ErrorText';
import { FormActions } from '../../ui/FormActions';
import { Field } from '../../ui/Field';

/** A social-engineering drill held: when, on whom, and how many clicked. */
export function DrillForm({
  onSave,
  onCancel,
}: {
  onSave: (drill: Drill) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({
    heldOn: today(),
    scope: '',
    participants: '0',
    opened: '',
    clicked: '0',
    notes: '',
  });
  const [error, setError] = useState<string | null>(null);

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const parsed = drillSchema.safeParse({
      heldOn: draft.heldOn,
      scope: draft.scope,
      participants: Number(draft.participants),
      opened: draft.opened === '' ? null : Number(draft.opened),
      clicked: Number(draft.clicked),
      notes: draft.notes,
    });
    if (!parsed.success) {
      setError(z.prettifyError(parsed.error));
      return;
    }
    void onSave(parsed.data);
  }

  const field = (key: keyof typeof draft, type = 'text') => (
    <Field label={t(`drills.${key}`)}>
      {(p) => (
        <input
          {...p}
          type={type}
          value={draft[key]}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        />
      )}
    </Field>
  );

  return (
    <form className="card" onSubmit={submit} aria-label={t('drills.add')}>
      <div className="row">
        {field('heldOn', 'date')}
        {field('scope')}
      </div>
      <div className="row">
        {field('participants', 'number')}
        {field('opened', 'number')}
        {field('clicked', 'number')}
      </div>
      <ErrorText message={error} />
      <FormActions onCancel={onCancel} />
    </form>
  );
}
