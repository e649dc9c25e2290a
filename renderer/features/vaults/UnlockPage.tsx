import { type SyntheticEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toIsoInstant } from '../../../shared/domain/dates';
import { nextAllowedAt } from '../../../shared/domain/unlock-backoff';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { VaultEntry } from '../../data/registry';
import type { VaultSession } from '../../data/vault-session';
import type { CreatedVault } from '../../data/vaults';
import { Field } from '../../ui/Field';
import { RecoverForm } from './RecoverForm';
import { SecretInput } from '../../ui/SecretInput';

export interface UnlockPageProps {
  vaultId: string;
  /** Why the vault was locked, when it was not the user's doing (idle, sleep). */
  notice: string | null;
  onUnlocked: (session: VaultSession) => void;
  /** Recovery re-keys the vault: the new recovery key must be shown once. */
  onRecovered: (recovered: CreatedVault) => void;
  onBack: () => void;
}

function useCountdown(until: Date | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [until]);
  return until ? Math.max(0, Math.ceil((until.getTime() - now) / 1000)) : 0;
}

export function UnlockPage({ vaultId, notice, onUnlocked, onRecovered, onBack }: UnlockPageProps) {
  const { t } = useTranslation();
  const { store } = useApp();
  const [entry, setEntry] = useState<VaultEntry | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [retryAt, setRetryAt] = useState<Date | null>(null);
  const [recovering, setRecovering] = useState(false);
  const waitSeconds = useCountdown(retryAt);

  // The failure count and back-off live in the registry; re-read them after every attempt.
  const [attempts, setAttempts] = useState(0);
  useEffect(() => {
    let live = true;
    void store.list().then((vaults) => {
      if (!live) return;
      const found = vaults.find((v) => v.id === vaultId) ?? null;
      const now = toIsoInstant(new Date());
      const allowedAt = found ? nextAllowedAt(found, now) : now;
      setEntry(found);
      setRetryAt(allowedAt === now ? null : new Date(allowedAt));
    });
    return () => {
      live = false;
    };
  }, [store, vaultId, attempts]);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onUnlocked(await store.unlock(vaultId, passphrase));
    } catch (e) {
      setError(describeError(e, t));
      setPassphrase('');
      setAttempts((n) => n + 1);
      setBusy(false);
    }
  }

  if (recovering) {
    return (
      <RecoverForm
        vaultId={vaultId}
        onRecovered={onRecovered}
        onCancel={() => setRecovering(false)}
      />
    );
  }

  return (
    <section className="page narrow">
      <h1>{t('unlock.title')}</h1>
      {entry && <p className="vault-label">{entry.label}</p>}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)}>
        <Field label={t('unlock.passphrase')} error={error}>
          {(p) => (
            <SecretInput
              {...p}
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              autoFocus
              disabled={busy}
            />
          )}
        </Field>
        {entry && entry.failures > 0 && (
          <p className="muted small" data-testid="failure-count">
            {t('unlock.failures', { count: entry.failures })}
          </p>
        )}
        {waitSeconds > 0 && (
          <p className="warning" role="status">
            {t('unlock.wait', { seconds: waitSeconds })}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onBack}>
            {t('common.back')}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={busy || waitSeconds > 0 || !passphrase}
          >
            {busy ? t('unlock.unlocking') : t('unlock.submit')}
          </button>
        </div>
      </form>
      <button type="button" className="link" onClick={() => setRecovering(true)}>
        {t('unlock.forgot')}
      </button>
    </section>
  );
}
