import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { SecretInput } from '../../ui/SecretInput';
import { IdentityPicker } from '../signoff/IdentityPicker';
import { RecipientChoice } from './RecipientChoice';
import type { PackageSecretForm } from './use-package-secret';
import { SigningPassphraseField } from '../signoff/SigningPassphraseField';

/**
 * The part of 發出工作包 and 繳回 that protects and signs the package: its passphrase (typed, or
 * 產生密碼: generated, shown readably with a copy button while unedited, to be given to the other
 * side separately and never stored) or the trusted signers it is encrypted to (nothing to pass
 * on), and 以簽章身分簽署 with the vault's signing identities.
 */
export function PackageSecretFields({ form }: { form: PackageSecretForm }) {
  const { t } = useTranslation();
  const { identities } = form;
  return (
    <>
      <fieldset className="inline">
        <legend>{t('packageForm.protection')}</legend>
        {(['passphrase', 'recipients'] as const).map((mode) => (
          <label key={mode} className="checkbox">
            <input
              type="radio"
              name="package-lock"
              checked={form.mode === mode}
              onChange={() => form.setMode(mode)}
            />{' '}
            {t(`packageForm.mode.${mode}`)}
          </label>
        ))}
      </fieldset>
      {form.mode === 'recipients' ? (
        <RecipientChoice form={form} />
      ) : (
        <PassphraseChoice form={form} />
      )}
      {identities !== null && identities.length === 0 && (
        <p className="small" role="note">
          {t('packageForm.noIdentity')}
        </p>
      )}
      {identities !== null && identities.length > 0 && (
        <>
          <IdentityPicker
            identities={identities}
            value={form.identityId}
            onChange={form.setIdentityId}
            label={t('packageForm.signAs')}
            noneLabel={t('packageForm.unsigned')}
          />
          {form.identityId !== '' && (
            <SigningPassphraseField
              value={form.signingPassphrase}
              onChange={form.setSigningPassphrase}
            />
          )}
        </>
      )}
    </>
  );
}

/** The package passphrase, typed or generated. */
function PassphraseChoice({ form }: { form: PackageSecretForm }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const { generated } = form;
  const copy = (text: string) =>
    void navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <>
      <Field label={t('team.packagePassphrase')}>
        {(p) => (
          <SecretInput
            {...p}
            value={form.passphrase}
            onChange={(e) => form.setPassphrase(e.target.value)}
          />
        )}
      </Field>
      <button
        type="button"
        onClick={() => {
          setCopied(false);
          form.generate();
        }}
      >
        {t('packageForm.generate')}
      </button>
      {generated !== null && (
        <div className="notice" role="group" aria-label={t('packageForm.generated')}>
          <output className="mono" data-testid="generated-passphrase">
            {generated}
          </output>{' '}
          <button type="button" className="link" onClick={() => copy(generated)}>
            {copied ? t('packageForm.copied') : t('packageForm.copy')}
          </button>
          <p className="small">{t('packageForm.generatedHint')}</p>
        </div>
      )}
    </>
  );
}
