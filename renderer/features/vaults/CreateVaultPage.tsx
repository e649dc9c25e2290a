import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { engagementSchema } from '../../../shared/domain/engagement';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import { characterCount, type CreatedVault, MIN_PASSPHRASE_LENGTH } from '../../data/vaults';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import {
  DEMO_ENTITY,
  DEMO_SCOPE,
  demoEngagement,
  demoPeriod,
} from '../../../shared/sample/demo-engagement';
import { loadDemo } from './load-demo';
import { NewPassphraseFields } from './NewPassphraseFields';

export interface CreateVaultPageProps {
  /** Fill the new vault with the sample engagement (示範案件) once it is created. */
  demo?: boolean;
  onCancel: () => void;
  onCreated: (created: CreatedVault) => void;
}

function thisYear(): { periodStart: string; periodEnd: string } {
  const year = new Date().getFullYear();
  return { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` };
}

type FieldErrors = Partial<
  Record<'label' | 'owner' | 'entity' | 'periodEnd' | 'passphrase' | 'confirm', string>
>;

/** A new engagement: what it is, who works in it, and the passphrase that protects it. */
export function CreateVaultPage({ demo = false, onCancel, onCreated }: CreateVaultPageProps) {
  const { t } = useTranslation();
  const { store } = useApp();
  const [form, setForm] = useState(() => ({
    label: demo ? t('create.demoLabel') : '',
    owner: '',
    entity: demo ? DEMO_ENTITY : '',
    // The sample covers last year, as its inspection does; a new engagement this year.
    ...(demo ? demoPeriod(new Date()) : thisYear()),
    scope: demo ? DEMO_SCOPE : '',
    passphrase: '',
    confirm: '',
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  function validate(): FieldErrors {
    const next: FieldErrors = {};
    if (!form.label.trim()) next.label = t('create.required');
    if (!form.owner.trim()) next.owner = t('create.required');
    if (!form.entity.trim()) next.entity = t('create.required');
    if (form.periodEnd < form.periodStart) next.periodEnd = t('create.periodOrder');
    if (characterCount(form.passphrase) < MIN_PASSPHRASE_LENGTH) {
      next.passphrase = t('errors.passphraseTooShort', { min: MIN_PASSPHRASE_LENGTH });
    }
    if (form.confirm !== form.passphrase) next.confirm = t('create.mismatch');
    return next;
  }

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      const engagement = engagementSchema.parse({
        entity: form.entity,
        periodStart: form.periodStart,
        periodEnd: form.periodEnd,
        scope: form.scope,
        team: [{ name: form.owner, role: 'lead' }],
      });
      const created = await store.create({
        label: form.label.trim(),
        owner: form.owner.trim(),
        passphrase: form.passphrase,
        engagement,
      });
      if (demo) await loadDemo(created.session, await demoEngagement(new Date()));
      onCreated(created);
    } catch (error) {
      setFailure(describeError(error, t));
      setBusy(false);
    }
  }

  return (
    <section className="page narrow">
      <h1>{demo ? t('create.demoTitle') : t('create.title')}</h1>
      {demo && <p className="muted">{t('create.demoExplain')}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset disabled={busy}>
          <legend>{t('create.engagement')}</legend>
          <Field label={t('create.label')} hint={t('create.labelHint')} error={errors.label}>
            {(p) => <input {...p} value={form.label} onChange={set('label')} autoFocus />}
          </Field>
          <Field label={t('create.entity')} error={errors.entity}>
            {(p) => <input {...p} value={form.entity} onChange={set('entity')} />}
          </Field>
          <div className="row">
            <Field label={t('create.periodStart')}>
              {(p) => (
                <input {...p} type="date" value={form.periodStart} onChange={set('periodStart')} />
              )}
            </Field>
            <Field label={t('create.periodEnd')} error={errors.periodEnd}>
              {(p) => (
                <input {...p} type="date" value={form.periodEnd} onChange={set('periodEnd')} />
              )}
            </Field>
          </div>
          <Field label={t('create.scope')}>
            {(p) => <textarea {...p} rows={3} value={form.scope} onChange={set('scope')} />}
          </Field>
          <Field label={t('create.owner')} hint={t('create.ownerHint')} error={errors.owner}>
            {(p) => <input {...p} value={form.owner} onChange={set('owner')} />}
          </Field>
        </fieldset>
        <fieldset disabled={busy}>
          <legend>{t('create.protection')}</legend>
          <NewPassphraseFields
            label={t('create.passphrase')}
            passphrase={form.passphrase}
            confirm={form.confirm}
            onPassphrase={(passphrase) => setForm((f) => ({ ...f, passphrase }))}
            onConfirm={(confirm) => setForm((f) => ({ ...f, confirm }))}
            userInputs={[form.label, form.owner, form.entity]}
            errors={errors}
          />
        </fieldset>
        <ErrorText message={failure} />
        <div className="actions">
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('create.creating') : t('create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
