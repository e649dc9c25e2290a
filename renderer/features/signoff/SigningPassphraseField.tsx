import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { SecretInput } from '../../ui/SecretInput';

/** 簽章密碼: the signing passphrase of an identity, asked wherever the identity acts. */
export function SigningPassphraseField({
  value,
  onChange,
  hint,
}: {
  value: string;
  onChange: (value: string) => void;
  hint?: string;
}) {
  const { t } = useTranslation();
  return (
    <Field label={t('signoff.signingPassphrase')} {...(hint === undefined ? {} : { hint })}>
      {(p) => <SecretInput {...p} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
