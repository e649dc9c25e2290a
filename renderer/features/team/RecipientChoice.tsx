import { useTranslation } from 'react-i18next';
import type { PackageSecretForm } from './use-package-secret';

/**
 * 加密給收件者: the trusted signers whose signer card the vault holds, to tick; the signer's
 * own entry is ticked and fixed while they sign, so they can open their package again.
 */
export function RecipientChoice({ form }: { form: PackageSecretForm }) {
  const { t } = useTranslation();
  const { candidates, recipients, ownRecipient } = form;
  if (candidates === null) return null;
  if (candidates.length === 0) {
    return (
      <p className="small" role="note">
        {t('packageForm.noRecipients')}
      </p>
    );
  }
  return (
    <fieldset>
      <legend>{t('packageForm.recipients')}</legend>
      <ul className="plain">
        {candidates.map((c) => {
          const own = c.id === ownRecipient?.id;
          return (
            <li key={c.id}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={recipients.some((r) => r.id === c.id)}
                  disabled={own}
                  onChange={() => form.toggleRecipient(c.id)}
                />{' '}
                {c.name} · <span className="mono">{c.fingerprint}</span>
                {own && ` ${t('packageForm.yourself')}`}
              </label>
            </li>
          );
        })}
      </ul>
      <p className="hint">{t('packageForm.recipientsHint')}</p>
    </fieldset>
  );
}
