import { type SyntheticEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { RekeyProgress } from '../../data/rekey';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { JobProgressBar } from '../../ui/JobProgressBar';
import { SecretInput } from '../../ui/SecretInput';
import { RecoveryKeyPage } from '../vaults/RecoveryKeyPage';

/**
 * Re-keys the vault: a new master secret and everything sealed again under it, all or nothing,
 * with progress and cancel. The passphrase stays; a new recovery key is shown once.
 */
export function RekeyForm({ session }: { session: VaultSession }) {
  const { t } = useTranslation();
  const { store } = useApp();
  const [passphrase, setPassphrase] = useState('');
  const [progress, setProgress] = useState<RekeyProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    controller.current = new AbortController();
    setBusy(true);
    setError(null);
    try {
      const fresh = await store.rekey(session, passphrase, {
        onProgress: setProgress,
        signal: controller.current.signal,
      });
      setPassphrase('');
      setRecoveryKey(fresh);
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  if (recoveryKey) {
    return (
      <section className="card">
        <p className="ok" role="status">
          {t('settings.rekeyDone')}
        </p>
        <RecoveryKeyPage recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />
      </section>
    );
  }

  return (
    <form className="card" onSubmit={(e) => void submit(e)}>
      <h2>{t('settings.rekey')}</h2>
      <p className="muted small">{t('settings.rekeyExplain')}</p>
      <fieldset disabled={busy}>
        <Field label={t('settings.rekeyPassphrase')}>
          {(p) => (
            <SecretInput
              {...p}
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          )}
        </Field>
      </fieldset>
      <ErrorText message={error} />
      {busy && (
        <JobProgressBar
          label={t(`settings.rekeyPhase.${progress?.phase ?? 'checking'}`)}
          progress={progress}
          onCancel={() => controller.current?.abort()}
        />
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !passphrase}>
          {t('settings.rekeySubmit')}
        </button>
      </div>
    </form>
  );
}
