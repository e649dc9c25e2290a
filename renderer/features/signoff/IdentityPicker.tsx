import { useTranslation } from 'react-i18next';
import type { RecordId, Stored } from '../../../shared/domain/records';
import type { IdentityFile } from '../../../shared/signoff/identity';
import { Field } from '../../ui/Field';

/** Whose signing identity acts: several people may sign on one laptop, each with their own. */
export function IdentityPicker({
  identities,
  value,
  onChange,
}: {
  identities: readonly Stored<IdentityFile>[];
  value: string;
  onChange: (id: RecordId | '') => void;
}) {
  const { t } = useTranslation();
  return (
    <Field label={t('signoff.signAs')}>
      {(p) => (
        <select
          {...p}
          value={value}
          onChange={(e) => onChange(identities.find((i) => i.id === e.target.value)?.id ?? '')}
        >
          <option value="">{t('signoff.chooseIdentity')}</option>
          {identities.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name} · {i.fingerprint}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
