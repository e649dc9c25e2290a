import { useTranslation } from 'react-i18next';
import type { RecordId, Stored } from '../../../shared/domain/records';
import type { IdentityFile } from '../../../shared/signoff/identity';
import { Field } from '../../ui/Field';

/** Whose signing identity acts: several people may sign on one laptop, each with their own. */
export function IdentityPicker({
  identities,
  value,
  onChange,
  label,
  noneLabel,
}: {
  identities: readonly Stored<IdentityFile>[];
  value: string;
  onChange: (id: RecordId | '') => void;
  /** The field's label; 簽章身分 unless given. */
  label?: string;
  /** What the empty choice says; 請選擇簽章身分 unless given (e.g. 不簽署 where signing is optional). */
  noneLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Field label={label ?? t('signoff.signAs')}>
      {(p) => (
        <select
          {...p}
          value={value}
          onChange={(e) => onChange(identities.find((i) => i.id === e.target.value)?.id ?? '')}
        >
          <option value="">{noneLabel ?? t('signoff.chooseIdentity')}</option>
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
