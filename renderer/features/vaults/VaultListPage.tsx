import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import type { VaultEntry } from '../../data/registry';
import { RemoveVaultDialog } from './RemoveVaultDialog';

export interface VaultListPageProps {
  onCreate: () => void;
  onCreateDemo: () => void;
  /** Opens a hand-out package received from the lead into a new vault (team work). */
  onOpenPackage?: () => void;
  onOpen: (vaultId: string) => void;
}

/** What the browser edition cannot protect, said before anyone trusts it with an engagement. */
function BrowserEditionNotice() {
  const { t } = useTranslation();
  return (
    <aside className="notice browser-edition" aria-labelledby="browser-edition-heading">
      <h2 id="browser-edition-heading">{t('vaults.browserEdition.heading')}</h2>
      <p>{t('vaults.browserEdition.same')}</p>
      <ul>
        <li>{t('vaults.browserEdition.olderCopy')}</li>
        <li>{t('vaults.browserEdition.extensions')}</li>
        <li>{t('vaults.browserEdition.sleep')}</li>
        <li>{t('vaults.browserEdition.files')}</li>
        <li>{t('vaults.browserEdition.origin')}</li>
      </ul>
    </aside>
  );
}

/** The start screen: the engagements (vaults) on this machine. */
export function VaultListPage({
  onCreate,
  onCreateDemo,
  onOpenPackage,
  onOpen,
}: VaultListPageProps) {
  const { t } = useTranslation();
  const { store, platform, formatDateTime } = useApp();
  const [vaults, setVaults] = useState<VaultEntry[] | null>(null);
  const [removing, setRemoving] = useState<VaultEntry | null>(null);

  const reload = useCallback(() => {
    void store.list().then(setVaults);
  }, [store]);
  useEffect(reload, [reload]);

  return (
    <section className="page narrow">
      <div className="page-title">
        <h1>{t('vaults.title')}</h1>
        <span className="actions">
          <button type="button" onClick={onCreateDemo}>
            {t('vaults.createDemo')}
          </button>
          {onOpenPackage && (
            <button type="button" onClick={onOpenPackage}>
              {t('team.openPackage')}
            </button>
          )}
          <button type="button" className="primary" onClick={onCreate}>
            {t('vaults.create')}
          </button>
        </span>
      </div>
      <p className="muted">{t('vaults.intro')}</p>
      {platform.host === 'browser' && <BrowserEditionNotice />}
      {vaults?.length === 0 && <p className="empty">{t('vaults.empty')}</p>}
      <ul className="vault-list" aria-label={t('vaults.title')}>
        {vaults?.map((vault) => (
          <li key={vault.id} className="card">
            <div>
              <div className="vault-label">{vault.label}</div>
              <div className="muted small">
                {t('vaults.createdAt', { date: formatDateTime(vault.createdAt) })} ·{' '}
                <span title={t('vaults.labelNotEncryptedHint')}>
                  {t('vaults.labelNotEncrypted')}
                </span>
                {vault.failures > 0 && <> · {t('vaults.failures', { count: vault.failures })}</>}
              </div>
            </div>
            <div className="actions">
              <button type="button" className="primary" onClick={() => onOpen(vault.id)}>
                {t('vaults.open')}
              </button>
              <button type="button" className="danger-ghost" onClick={() => setRemoving(vault)}>
                {t('vaults.remove')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {removing && (
        <RemoveVaultDialog
          vault={removing}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            setRemoving(null);
            reload();
          }}
        />
      )}
    </section>
  );
}
