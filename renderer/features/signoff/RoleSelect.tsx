import { useTranslation } from 'react-i18next';
import { DEFAULT_ROLES } from '../../../shared/signoff/records';
import { Field } from '../../ui/Field';

/** The role a trusted signer holds: one of the default roles, or '' for 任何角色 (any). */
export function RoleSelect({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <Field label={t('signoff.role')}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('signoff.anyRole')}</option>
          {DEFAULT_ROLES.map((r) => (
            <option key={r.key} value={r.key}>
              {r.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
