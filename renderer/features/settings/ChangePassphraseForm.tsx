import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import { MIN_PASSPHRASE_LENGTH } from '../../data/vaults';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { StrengthMeter } from '../vaults/StrengthMeter';

/** Re-wraps the vault key under a new passphrase; records are not re-encrypted. */
export function ChangePassphraseForm({ session }: { session: VaultSession }) {
  const { t } = useTranslation();
  const { store } = useApp();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setDone(false);
    if (confirm !== next) {
      setError(t('create.mismatch'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await store.changePassphrase(session, current, next);
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={(e) => void submit(e)}>
      <h2>{t('settings.changePassphrase')}</h2>
      <fieldset disabled={busy}>
        <Field label={t('settings.currentPassphrase')}>
          {(p) => (
            <input
              {...p}
              type="password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
              autoComplete="current-password"
            />
          )}
        </Field>
        <Field
          label={t('settings.newPassphrase')}
          hint={t('create.passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}
        >
          {(p) => (
            <input
              {...p}
              type="password"
              value={next}
              onChange={(e) => setNext(e.target.value)}
              autoComplete="new-password"
            />
          )}
        </Field>
        <StrengthMeter passphrase={next} userInputs={[session.actor]} />
        <Field label={t('create.confirm')}>
          {(p) => (
            <input
              {...p}
              type="password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              autoComplete="new-password"
            />
          )}
        </Field>
      </fieldset>
      <ErrorText message={error} />
      {done && (
        <p className="ok" role="status">
          {t('settings.passphraseChanged')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !current || !next}>
          {t('settings.changePassphraseSubmit')}
        </button>
      </div>
    </form>
  );
}
