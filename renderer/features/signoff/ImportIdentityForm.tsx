import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_ROLES } from '../../../shared/signoff/records';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { RoleSelect } from './RoleSelect';
import { importIdentityFile } from './recipient-keys';
import { SigningPassphraseField } from './SigningPassphraseField';

/** An identity file is under 2 KiB; this bounds what is read. */
const MAX_IDENTITY_FILE_BYTES = 64 * 1024;

/**
 * 匯入簽章身分檔: an identity made in another vault (匯出身分檔) or with `audit-workbench
 * identity --new`, opened once with its signing passphrase to prove it is the user's; its key
 * becomes a trusted signer here in the role chosen (or keeps the entry it has).
 */
export function ImportIdentityForm({
  session,
  onImported,
}: {
  session: VaultSession;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const { platform } = useApp();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [role, setRole] = useState<string>(DEFAULT_ROLES[0]?.key ?? 'preparer');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function pick() {
    setError(null);
    const picked = await platform.openFile({
      maxBytes: MAX_IDENTITY_FILE_BYTES,
      filters: [{ name: 'Signing identity', extensions: ['json'] }],
    });
    if (picked) setFile({ name: picked.name, text: new TextDecoder().decode(picked.data) });
  }

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const kept = await importIdentityFile(session, {
        text: file.text,
        passphrase,
        role: role || null,
      });
      setFile(null);
      setPassphrase('');
      setDone(kept.fingerprint);
      onImported();
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('signoff.importIdentity')}>
      <h3>{t('signoff.importIdentity')}</h3>
      <p className="hint">{t('signoff.importIdentityHint')}</p>
      <fieldset disabled={busy}>
        <p>
          <button type="button" onClick={() => void pick()}>
            {t('signoff.pickIdentityFile')}
          </button>{' '}
          <span data-testid="picked-identity">{file?.name ?? ''}</span>
        </p>
        <div className="row">
          <SigningPassphraseField value={passphrase} onChange={setPassphrase} />
          <RoleSelect value={role} onChange={setRole} />
        </div>
      </fieldset>
      <ErrorText message={error} />
      {done && (
        <p className="ok small" role="status">
          {t('signoff.identityImported', { fingerprint: done })}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy || !file || !passphrase}>
          {t('signoff.importIdentitySubmit')}
        </button>
      </div>
    </form>
  );
}
