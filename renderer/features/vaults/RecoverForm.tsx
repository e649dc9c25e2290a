import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { RekeyProgress } from '../../data/rekey';
import type { CreatedVault } from '../../data/vaults';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { NewPassphraseFields } from './NewPassphraseFields';

/** A forgotten passphrase: open with the recovery key and choose a new passphrase at once. */
export function RecoverForm({
  vaultId,
  onRecovered,
  onCancel,
}: {
  vaultId: string;
  /** The session, and the new recovery key that replaced the one just used. */
  onRecovered: (recovered: CreatedVault) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { store } = useApp();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Recovery re-keys the vault (the used recovery key is spent): show how far it got.
  const [progress, setProgress] = useState<RekeyProgress | null>(null);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (confirm !== passphrase) {
      setError(t('create.mismatch'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onRecovered(
        await store.recover(vaultId, recoveryKey, passphrase, { onProgress: setProgress }),
      );
    } catch (e) {
      setError(describeError(e, t));
      setBusy(false);
    }
  }

  return (
    <section className="page narrow">
      <h1>{t('recover.title')}</h1>
      <p className="muted">{t('recover.explain')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <fieldset disabled={busy}>
          <Field label={t('recover.key')}>
            {(p) => (
              <input
                {...p}
                className="mono"
                value={recoveryKey}
                onChange={(e) => setRecoveryKey(e.target.value)}
                autoComplete="off"
                spellCheck={false}
                autoFocus
              />
            )}
          </Field>
          <NewPassphraseFields
            label={t('recover.newPassphrase')}
            passphrase={passphrase}
            confirm={confirm}
            onPassphrase={setPassphrase}
            onConfirm={setConfirm}
            userInputs={[]}
          />
        </fieldset>
        <ErrorText message={error} />
        {busy && progress && (
          <p className="muted small" role="status">
            {t(`settings.rekeyPhase.${progress.phase}`)} {progress.done} / {progress.total}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('common.back')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('recover.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
