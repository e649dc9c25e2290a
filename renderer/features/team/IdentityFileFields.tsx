import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseIdentityFile, type IdentityFile } from '../../../shared/signoff/identity';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import { ErrorText } from '../../ui/ErrorText';
import { SigningPassphraseField } from '../signoff/SigningPassphraseField';

/** An identity file is under 2 KiB; this bounds what is read. */
const MAX_IDENTITY_FILE_BYTES = 64 * 1024;

export interface IdentityFileChoice {
  file: { name: string; identity: IdentityFile } | null;
  passphrase: string;
  /** Keep the identity in the new vault (to sign the return, open later packages). */
  keep: boolean;
}

export const noIdentityFile: IdentityFileChoice = { file: null, passphrase: '', keep: true };

/**
 * For a package encrypted to its recipients, opened where no vault holds the user's identity
 * yet: their identity file (匯出身分檔, or `identity --new`) and its signing passphrase.
 */
export function IdentityFileFields({
  value,
  onChange,
}: {
  value: IdentityFileChoice;
  onChange: (next: IdentityFileChoice) => void;
}) {
  const { t } = useTranslation();
  const { platform } = useApp();
  const [error, setError] = useState<string | null>(null);
  async function pick() {
    setError(null);
    const picked = await platform.openFile({ maxBytes: MAX_IDENTITY_FILE_BYTES });
    if (!picked) return;
    try {
      const identity = parseIdentityFile(new TextDecoder().decode(picked.data));
      onChange({ ...value, file: { name: picked.name, identity } });
    } catch (e) {
      setError(describeError(e, t));
    }
  }
  return (
    <>
      <p className="notice small" role="note">
        {t('team.recipientPackage')}
      </p>
      <p>
        <button type="button" onClick={() => void pick()}>
          {t('signoff.pickIdentityFile')}
        </button>{' '}
        <span data-testid="picked-identity">
          {value.file ? `${value.file.identity.name} · ${value.file.identity.fingerprint}` : ''}
        </span>
      </p>
      <ErrorText message={error} />
      <SigningPassphraseField
        value={value.passphrase}
        onChange={(v) => onChange({ ...value, passphrase: v })}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value.keep}
          onChange={(e) => onChange({ ...value, keep: e.target.checked })}
        />
        {t('team.keepIdentity')}
      </label>
    </>
  );
}
