import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { MAX_EVIDENCE_BYTES } from '../../../shared/domain/evidence';
import type { Stored } from '../../../shared/domain/records';
import type { Vendor } from '../../../shared/registers/agreements/vendors';
import {
  CLASSIFICATION_LABELS,
  CLASSIFICATIONS,
  DEVICE_TYPE_LABELS,
  DEVICE_TYPES,
  type DisposalRecord,
  disposalRecordSchema,
  MEDIA_TYPE_LABELS,
  MEDIA_TYPES,
  METHOD_TECHNIQUES,
  newDisposalRecord,
  SANITISATION_METHOD_INFO,
  SANITISATION_METHODS,
  sanitisationWarnings,
  SOFTWARE_REMOVED,
  SOFTWARE_REMOVED_LABELS,
  TECHNIQUE_LABELS,
} from '../../../shared/registers/disposal/disposal';
import { disposalRowKey } from '../../../shared/registers/disposal/import';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import { pick } from '../../i18n/pick';
import type { OpenedFile } from '../../platform';
import { ErrorText } from '../../ui/ErrorText';
import { FormActions } from '../../ui/FormActions';
import { Field } from '../../ui/Field';

/** An option list over a tuple of values and their bilingual labels; '' is "not recorded". */
function Choice<V extends string>({
  label,
  values,
  labels,
  value,
  onChange,
}: {
  label: string;
  values: readonly V[];
  labels: Readonly<Record<V, { 'zh-TW': string; en: string }>>;
  value: V | null;
  onChange: (value: V | null) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Field label={label}>
      {(p) => (
        <select
          {...p}
          value={value ?? ''}
          onChange={(e) => onChange(values.find((v) => v === e.target.value) ?? null)}
        >
          <option value="">{t('disposal.notRecorded')}</option>
          {values.map((v) => (
            <option key={v} value={v}>
              {pick(labels[v], i18n.language)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A disposal record added or completed during the visit, with its certificate. */
export function DisposalForm({
  initial,
  vendors,
  onSave,
  onCancel,
}: {
  initial: DisposalRecord | null;
  vendors: readonly Stored<Vendor>[];
  onSave: (record: DisposalRecord, certificate: OpenedFile | null) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { platform } = useApp();
  const [draft, setDraft] = useState<DisposalRecord>(
    () => initial ?? newDisposalRecord('', 'laptop'),
  );
  const [certificate, setCertificate] = useState<OpenedFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const warnings = sanitisationWarnings(draft);
  const set = (patch: Partial<DisposalRecord>) => setDraft({ ...draft, ...patch });
  const techniques = draft.method ? METHOD_TECHNIQUES[draft.method] : [];

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const parsed = disposalRecordSchema.safeParse(draft);
    if (!parsed.success) {
      setError(z.prettifyError(parsed.error));
      return;
    }
    void onSave({ ...parsed.data, rowKey: disposalRowKey(parsed.data) }, certificate);
  }

  const text = (
    key: 'assetTag' | 'serialNo' | 'model' | 'performedBy' | 'verifiedBy' | 'certificateNo',
  ) => (
    <Field label={t(`disposal.${key}`)}>
      {(p) => <input {...p} value={draft[key]} onChange={(e) => set({ [key]: e.target.value })} />}
    </Field>
  );
  const date = (key: 'performedOn' | 'verifiedOn') => (
    <Field label={t(`disposal.${key}`)}>
      {(p) => (
        <input
          {...p}
          type="date"
          value={draft[key] ?? ''}
          onChange={(e) => set({ [key]: e.target.value || null })}
        />
      )}
    </Field>
  );

  return (
    <form className="card" onSubmit={submit} aria-label={t('disposal.form')}>
      <div className="row">
        {text('assetTag')}
        <Choice
          label={t('disposal.deviceType')}
          values={DEVICE_TYPES}
          labels={DEVICE_TYPE_LABELS}
          value={draft.deviceType}
          onChange={(v) => set({ deviceType: v ?? 'other' })}
        />
        <Choice
          label={t('disposal.mediaType')}
          values={MEDIA_TYPES}
          labels={MEDIA_TYPE_LABELS}
          value={draft.mediaType}
          onChange={(v) => set({ mediaType: v })}
        />
        {text('serialNo')}
        {text('model')}
      </div>
      <div className="row">
        <Choice
          label={t('disposal.classification')}
          values={CLASSIFICATIONS}
          labels={CLASSIFICATION_LABELS}
          value={draft.classification}
          onChange={(v) => set({ classification: v })}
        />
        <Field
          label={t('disposal.method')}
          hint={
            draft.method ? pick(SANITISATION_METHOD_INFO[draft.method].definition, lang) : undefined
          }
        >
          {(p) => (
            <select
              {...p}
              value={draft.method ?? ''}
              onChange={(e) => {
                const method = SANITISATION_METHODS.find((m) => m === e.target.value) ?? null;
                set({ method, technique: null, techniqueOther: '' });
              }}
            >
              <option value="">{t('disposal.notRecorded')}</option>
              {SANITISATION_METHODS.map((m) => (
                <option key={m} value={m}>
                  {pick(SANITISATION_METHOD_INFO[m].label, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('disposal.technique')}>
          {(p) => (
            <select
              {...p}
              value={draft.technique ?? ''}
              disabled={draft.method === null}
              onChange={(e) =>
                set({
                  technique: techniques.find((x) => x === e.target.value) ?? null,
                  techniqueOther: '',
                })
              }
            >
              <option value="">{t('disposal.notRecorded')}</option>
              {techniques.map((x) => (
                <option key={x} value={x}>
                  {pick(TECHNIQUE_LABELS[x], lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {draft.technique === 'other' && (
          <Field label={t('disposal.techniqueOther')}>
            {(p) => (
              <input
                {...p}
                value={draft.techniqueOther}
                onChange={(e) => set({ techniqueOther: e.target.value })}
              />
            )}
          </Field>
        )}
        <Choice
          label={t('disposal.softwareRemoved')}
          values={SOFTWARE_REMOVED}
          labels={SOFTWARE_REMOVED_LABELS}
          value={draft.softwareRemoved}
          onChange={(v) => set({ softwareRemoved: v })}
        />
      </div>
      {warnings.length > 0 && (
        <ul className="warnings small" aria-label={t('disposal.warnings')}>
          {warnings.map((w) => (
            <li key={w.rule} className={w.level === 'unsuitable' ? 'error' : 'warning'}>
              {pick(w.text, lang)} <span className="muted">（{w.source}）</span>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        {text('performedBy')}
        {date('performedOn')}
        {text('verifiedBy')}
        {date('verifiedOn')}
      </div>
      <div className="row">
        <Field label={t('disposal.vendor')}>
          {(p) => (
            <select
              {...p}
              value={draft.vendorId ?? ''}
              onChange={(e) =>
                set({ vendorId: vendors.find((v) => v.id === e.target.value)?.id ?? null })
              }
            >
              <option value="">{t('disposal.inHouse')}</option>
              {vendors.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('certificateNo')}
        <div className="field">
          <span>{t('disposal.certificate')}</span>
          <button
            type="button"
            onClick={() =>
              void platform
                .openFile({
                  filters: [{ name: 'PDF / image', extensions: ['pdf', 'png', 'jpg', 'jpeg'] }],
                  maxBytes: MAX_EVIDENCE_BYTES,
                })
                .then(
                  (file) => file && setCertificate(file),
                  (e: unknown) => setError(describeError(e, t)),
                )
            }
          >
            {certificate
              ? certificate.name
              : draft.certificateId
                ? t('disposal.replaceCertificate')
                : t('disposal.attachCertificate')}
          </button>
        </div>
        <Field label={t('disposal.status')}>
          {(p) => (
            <select
              {...p}
              value={draft.status}
              onChange={(e) =>
                set({ status: e.target.value === 'completed' ? 'completed' : 'pending' })
              }
            >
              <option value="pending">{t('disposal.pending')}</option>
              <option value="completed">{t('disposal.completed')}</option>
            </select>
          )}
        </Field>
      </div>
      <ErrorText message={error} />
      <FormActions onCancel={onCancel} />
    </form>
  );
}
