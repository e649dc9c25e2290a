import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  PERSON_KIND_LABELS,
  PERSON_KINDS,
  PERSON_STATUS_LABELS,
  PERSON_STATUSES,
  type Person,
  type PersonInput,
  personRowKey,
  personSchema,
} from '../../../shared/registers/agreements/people';
import { pick } from '../../i18n/pick';
import { ErrorText } from '../../ui/ErrorText';
import { FormActions } from '../../ui/FormActions';
import { Field } from '../../ui/Field';

const BLANK: PersonInput = {
  kind: 'employee',
  employeeNo: '',
  name: '',
  personId: null,
  department: '',
  title: '',
  hireDate: null,
  leftOn: null,
  status: 'active',
  jobChanges: [],
  accessRevokedOn: null,
  holdsSystemAccess: null,
  vendorId: null,
  email: '',
  phone: '',
  note: '',
  source: 'manual',
  rowKey: null,
};

/** A person added by hand (someone the roster missed, a contractor met during the visit). */
export function PersonForm({
  onSave,
  onCancel,
}: {
  onSave: (person: Person) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<PersonInput>(BLANK);
  const [error, setError] = useState<string | null>(null);

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const parsed = personSchema.safeParse(draft);
    if (!parsed.success) {
      setError(z.prettifyError(parsed.error));
      return;
    }
    // The same key as an import would give, so a later roster import matches this person.
    void onSave({ ...parsed.data, rowKey: personRowKey(parsed.data) });
  }

  const text = (key: 'employeeNo' | 'name' | 'department' | 'title', label: string) => (
    <Field label={label}>
      {(p) => (
        <input
          {...p}
          value={draft[key]}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        />
      )}
    </Field>
  );
  const date = (key: 'hireDate' | 'leftOn' | 'accessRevokedOn', label: string) => (
    <Field label={label}>
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
    <form className="card" onSubmit={submit} aria-label={t('agreements.addPerson')}>
      <div className="row">
        <Field label={t('agreements.personKind')}>
          {(p) => (
            <select
              {...p}
              value={draft.kind}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  kind: PERSON_KINDS.find((k) => k === e.target.value) ?? 'employee',
                })
              }
            >
              {PERSON_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {pick(PERSON_KIND_LABELS[kind], i18n.language)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('employeeNo', t('agreements.employeeNo'))}
        {text('name', t('agreements.name'))}
      </div>
      <div className="row">
        <Field label={t('agreements.personId')} hint={t('agreements.personIdHint')}>
          {(p) => (
            <input
              {...p}
              value={draft.personId ?? ''}
              onChange={(e) => setDraft({ ...draft, personId: e.target.value.trim() || null })}
            />
          )}
        </Field>
        {text('department', t('agreements.department'))}
        {text('title', t('agreements.title'))}
      </div>
      <div className="row">
        {date('hireDate', t('agreements.hireDate'))}
        <Field label={t('agreements.status')}>
          {(p) => (
            <select
              {...p}
              value={draft.status}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  status: PERSON_STATUSES.find((s) => s === e.target.value) ?? 'active',
                })
              }
            >
              {PERSON_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {pick(PERSON_STATUS_LABELS[status], i18n.language)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {date('leftOn', t('agreements.leftOn'))}
        {date('accessRevokedOn', t('agreements.accessRevokedOn'))}
      </div>
      <ErrorText message={error} />
      <FormActions onCancel={onCancel} />
    </form>
  );
}
