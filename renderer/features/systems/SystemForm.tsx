import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  type InspectedSystem,
  SYSTEM_CLASS_DEFINITIONS,
  systemSchema,
} from '../../../shared/domain/inspection/systems';
import { pick } from '../../i18n/pick';
import { ErrorText } from '../../ui/ErrorText';
import { FormActions } from '../../ui/FormActions';
import { Field } from '../../ui/Field';
import { TextAreaField } from '../../ui/TextAreaField';

const BLANK: InspectedSystem = {
  name: '',
  owner: '',
  description: '',
  systemClass: 2,
  lastAssessedOn: null,
  majorIncidentOn: null,
  notes: '',
};

export function SystemForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: InspectedSystem | null;
  onSave: (system: InspectedSystem) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW';
  const [draft, setDraft] = useState<InspectedSystem>(() => {
    if (!initial) return BLANK;
    const { name, owner, description, systemClass, lastAssessedOn, majorIncidentOn, notes } =
      initial;
    return { name, owner, description, systemClass, lastAssessedOn, majorIncidentOn, notes };
  });
  const [error, setError] = useState<string | null>(null);

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const parsed = systemSchema.safeParse(draft);
    if (!parsed.success) {
      setError(z.prettifyError(parsed.error));
      return;
    }
    void onSave(parsed.data);
  }

  const date = (key: 'lastAssessedOn' | 'majorIncidentOn') => (
    <Field label={t(`systems.${key}`)}>
      {(p) => (
        <input
          {...p}
          type="date"
          value={draft[key] ?? ''}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value || null })}
        />
      )}
    </Field>
  );

  return (
    <form className="card" onSubmit={submit} aria-label={t('systems.add')}>
      <div className="row">
        <Field label={t('systems.name')}>
          {(p) => (
            <input
              {...p}
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('systems.owner')}>
          {(p) => (
            <input
              {...p}
              value={draft.owner}
              onChange={(e) => setDraft({ ...draft, owner: e.target.value })}
            />
          )}
        </Field>
      </div>
      <Field
        label={t('systems.class')}
        hint={pick(SYSTEM_CLASS_DEFINITIONS[draft.systemClass].definition, lang)}
      >
        {(p) => (
          <select
            {...p}
            value={draft.systemClass}
            onChange={(e) =>
              setDraft({
                ...draft,
                systemClass: Number(e.target.value) as InspectedSystem['systemClass'],
              })
            }
          >
            {([1, 2, 3] as const).map((c) => (
              <option key={c} value={c}>
                {pick(SYSTEM_CLASS_DEFINITIONS[c].label, lang)} —{' '}
                {pick(SYSTEM_CLASS_DEFINITIONS[c].cycle, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="row">
        {date('lastAssessedOn')}
        {date('majorIncidentOn')}
      </div>
      <TextAreaField
        label={t('item.notes')}
        rows={2}
        value={draft.notes}
        onChange={(value) => setDraft({ ...draft, notes: value })}
      />
      <ErrorText message={error} />
      <FormActions onCancel={onCancel} />
    </form>
  );
}
