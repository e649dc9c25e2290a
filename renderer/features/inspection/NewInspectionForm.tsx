import { type SyntheticEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCOPING_QUESTIONS, type ScopingAnswers, selectItems } from '../../../shared/catalog';
import { asIsoDate } from '../../../shared/domain/dates';
import type { RecordId } from '../../../shared/domain/records';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import { pick } from '../../i18n/pick';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { useRecords } from '../workspace/use-records';
import { createInspection } from './create-inspection';
import { library } from './library';

const NO: ScopingAnswers = Object.fromEntries(
  SCOPING_QUESTIONS.map((q) => [q.key, false]),
) as ScopingAnswers;

/** A new self-inspection: its period and the scoping answers that pick the checklist items. */
export function NewInspectionForm({
  session,
  onCancel,
  onCreated,
}: {
  session: VaultSession;
  onCancel: () => void;
  onCreated: (id: RecordId) => void;
}) {
  const { t, i18n } = useTranslation();
  const { formatDate } = useApp();
  const engagement = useRecords(session, 'engagement').records?.[0];
  const [title, setTitle] = useState('');
  const [period, setPeriod] = useState<{ start: string; end: string } | null>(null);
  const [scoping, setScoping] = useState<ScopingAnswers>(NO);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const start = period?.start ?? engagement?.periodStart ?? '';
  const end = period?.end ?? engagement?.periodEnd ?? '';
  const count = useMemo(() => selectItems(library, scoping).length, [scoping]);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!title.trim()) {
      setError(t('create.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const id = await createInspection(session, library, {
        title: title.trim(),
        periodStart: asIsoDate(start),
        periodEnd: asIsoDate(end),
        scoping,
      });
      onCreated(id);
    } catch (e) {
      setError(describeError(e, t));
      setBusy(false);
    }
  }

  return (
    <form className="page narrow" onSubmit={(e) => void submit(e)}>
      <h1>{t('inspection.new')}</h1>
      <fieldset disabled={busy}>
        <Field label={t('inspection.title')}>
          {(p) => (
            <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
          )}
        </Field>
        <div className="row">
          <Field label={t('create.periodStart')} hint={start ? formatDate(start) : undefined}>
            {(p) => (
              <input
                {...p}
                type="date"
                value={start}
                onChange={(e) => setPeriod({ start: e.target.value, end })}
              />
            )}
          </Field>
          <Field label={t('create.periodEnd')} hint={end ? formatDate(end) : undefined}>
            {(p) => (
              <input
                {...p}
                type="date"
                value={end}
                onChange={(e) => setPeriod({ start, end: e.target.value })}
              />
            )}
          </Field>
        </div>
      </fieldset>
      <fieldset disabled={busy} className="card">
        <legend>{t('inspection.scoping')}</legend>
        {SCOPING_QUESTIONS.map((question) => (
          <label key={question.key} className="checkbox scoping">
            <input
              type="checkbox"
              checked={scoping[question.key]}
              onChange={(e) => setScoping({ ...scoping, [question.key]: e.target.checked })}
            />
            <span>
              {pick(question.question, i18n.language)}
              <span className="hint small block">{pick(question.help, i18n.language)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p role="status" data-testid="scoped-count">
        {t('inspection.scopedCount', {
          count,
          total: library.items.length,
          version: library.version,
        })}
      </p>
      <ErrorText message={error} />
      <div className="actions">
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {t('inspection.create')}
        </button>
      </div>
    </form>
  );
}
