import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Stored } from '../../../shared/domain/records';
import {
  type Vendor,
  type VendorInput,
  VENDOR_ROLE_LABELS,
  VENDOR_ROLES,
  vendorRowKey,
  vendorSchema,
} from '../../../shared/registers/agreements/vendors';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import { pick } from '../../i18n/pick';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorText } from '../../ui/ErrorText';
import { FormActions } from '../../ui/FormActions';
import { Field } from '../../ui/Field';
import { HiddenHeader } from '../../ui/HiddenHeader';

const BLANK: VendorInput = {
  name: '',
  taxId: null,
  roles: ['outsourcing'],
  services: '',
  handlesCustomerData: true,
  contractStart: null,
  contractEnd: null,
  contactName: '',
  note: '',
  source: 'manual',
  rowKey: null,
};

/** Outsourcing and disposal vendors, whose agreements the coverage checks (art. 4 items 2, 6). */
export function VendorsView({
  session,
  vendors,
  onChanged,
}: {
  session: VaultSession;
  vendors: readonly Stored<Vendor>[];
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { formatDate } = useApp();
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <div className="toolbar">
        <button type="button" onClick={() => setAdding(true)}>
          {t('agreements.addVendor')}
        </button>
      </div>
      <ErrorText message={error} />
      {adding && (
        <VendorForm
          onCancel={() => setAdding(false)}
          onSave={async (vendor) => {
            try {
              await session.create('vendors', vendor, vendor.name);
              setAdding(false);
              onChanged();
            } catch (e) {
              setError(describeError(e, t));
            }
          }}
        />
      )}
      <table className="grid" aria-label={t('agreements.view.vendors')}>
        <thead>
          <tr>
            <th>{t('agreements.vendorName')}</th>
            <th>{t('agreements.taxId')}</th>
            <th>{t('agreements.roles')}</th>
            <th>{t('agreements.contract')}</th>
            <th>{t('agreements.handlesCustomerData')}</th>
            <HiddenHeader label={t('common.actions')} />
          </tr>
        </thead>
        <tbody>
          {vendors.map((vendor) => (
            <tr key={vendor.id}>
              <td>{vendor.name}</td>
              <td className="mono">{vendor.taxId ?? '—'}</td>
              <td>
                {vendor.roles.map((r) => pick(VENDOR_ROLE_LABELS[r], i18n.language)).join('、')}
              </td>
              <td>
                {vendor.contractStart ? formatDate(vendor.contractStart) : '—'} ~{' '}
                {vendor.contractEnd ? formatDate(vendor.contractEnd) : '—'}
              </td>
              <td>{vendor.handlesCustomerData ? t('common.yes') : t('common.no')}</td>
              <td>
                <ConfirmButton
                  label={t('common.delete')}
                  confirmLabel={t('common.confirmDelete')}
                  onConfirm={() =>
                    void session
                      .remove('vendors', vendor.id, vendor.rev, vendor.name)
                      .then(onChanged, (e: unknown) => setError(describeError(e, t)))
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function VendorForm({
  onSave,
  onCancel,
}: {
  onSave: (vendor: Vendor) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<VendorInput>(BLANK);
  const [error, setError] = useState<string | null>(null);

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const parsed = vendorSchema.safeParse(draft);
    if (!parsed.success) {
      setError(z.prettifyError(parsed.error));
      return;
    }
    void onSave({ ...parsed.data, rowKey: vendorRowKey(parsed.data) });
  }

  return (
    <form className="card" onSubmit={submit} aria-label={t('agreements.addVendor')}>
      <div className="row">
        <Field label={t('agreements.vendorName')}>
          {(p) => (
            <input
              {...p}
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('agreements.taxId')}>
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={draft.taxId ?? ''}
              onChange={(e) => setDraft({ ...draft, taxId: e.target.value.trim() || null })}
            />
          )}
        </Field>
      </div>
      <fieldset className="inline">
        <legend>{t('agreements.roles')}</legend>
        {VENDOR_ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input
              type="checkbox"
              checked={draft.roles.includes(role)}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  roles: e.target.checked
                    ? [...draft.roles, role]
                    : draft.roles.filter((r) => r !== role),
                })
              }
            />
            {pick(VENDOR_ROLE_LABELS[role], i18n.language)}
          </label>
        ))}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.handlesCustomerData}
            onChange={(e) => setDraft({ ...draft, handlesCustomerData: e.target.checked })}
          />
          {t('agreements.handlesCustomerData')}
        </label>
      </fieldset>
      <Field label={t('agreements.services')}>
        {(p) => (
          <input
            {...p}
            value={draft.services}
            onChange={(e) => setDraft({ ...draft, services: e.target.value })}
          />
        )}
      </Field>
      <div className="row">
        <Field label={t('agreements.contractStart')}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={draft.contractStart ?? ''}
              onChange={(e) => setDraft({ ...draft, contractStart: e.target.value || null })}
            />
          )}
        </Field>
        <Field label={t('agreements.contractEnd')}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={draft.contractEnd ?? ''}
              onChange={(e) => setDraft({ ...draft, contractEnd: e.target.value || null })}
            />
          )}
        </Field>
      </div>
      <ErrorText message={error} />
      <FormActions onCancel={onCancel} />
    </form>
  );
}
