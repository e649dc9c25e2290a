import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { NewPassphraseFields } from '../vaults/NewPassphraseFields';
import { SecretInput } from '../../ui/SecretInput';

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
            <SecretInput {...p} value={current} onChange={(e) => setCurrent(e.target.value)} />
          )}
        </Field>
        <NewPassphraseFields
          label={t('settings.newPassphrase')}
          passphrase={next}
          confirm={confirm}
          onPassphrase={setNext}
          onConfirm={setConfirm}
          userInputs={[session.actor]}
        />
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
