import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../data/vaults';
import { Field } from '../../ui/Field';
import { StrengthMeter } from './StrengthMeter';
import { SecretInput } from '../../ui/SecretInput';

export interface NewPassphraseFieldsProps {
  label: string;
  passphrase: string;
  confirm: string;
  onPassphrase: (value: string) => void;
  onConfirm: (value: string) => void;
  /** Words the user is likely to reuse (names, the vault label): they weaken the score. */
  userInputs: string[];
  errors?: { passphrase?: string; confirm?: string };
}

/** A new passphrase, typed twice, with the policy and the strength meter between. */
export function NewPassphraseFields(props: NewPassphraseFieldsProps) {
  const { t } = useTranslation();
  const { label, passphrase, confirm, onPassphrase, onConfirm, userInputs, errors = {} } = props;
  return (
    <>
      <Field
        label={label}
        hint={t('create.passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}
        error={errors.passphrase}
      >
        {(p) => (
          <SecretInput {...p} value={passphrase} onChange={(e) => onPassphrase(e.target.value)} />
        )}
      </Field>
      <StrengthMeter passphrase={passphrase} userInputs={userInputs} />
      <Field label={t('create.confirm')} error={errors.confirm}>
        {(p) => <SecretInput {...p} value={confirm} onChange={(e) => onConfirm(e.target.value)} />}
      </Field>
    </>
  );
}
