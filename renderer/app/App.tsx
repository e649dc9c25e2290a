/**
 * The shell: which screen is showing, the open vault session, and the locks. Locking drops
 * the session (and with it every decrypted record held in component state) and returns to
 * the unlock screen.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../shared/domain/dates';
import type { IsoDate, IsoInstant } from '../../shared/domain/dates';
import type { VaultSession } from '../data/vault-session';
import type { VaultStore } from '../data/vaults';
import { CreateVaultPage } from '../features/vaults/CreateVaultPage';
import { RecoveryKeyPage } from '../features/vaults/RecoveryKeyPage';
import { OpenPackagePage } from '../features/team/OpenPackagePage';
import { UnlockPage } from '../features/vaults/UnlockPage';
import { VaultListPage } from '../features/vaults/VaultListPage';
import { Workspace } from '../features/workspace/Workspace';
import { IntegrityBanner } from '../features/integrity/IntegrityBanner';
import { IntegrityReportPage } from '../features/integrity/IntegrityReportPage';
import { useIntegrityProblems } from '../features/integrity/use-integrity';
import { switchLanguage } from '../i18n';
import type { Platform } from '../platform';
import { type Preferences, savePreferences } from '../prefs/preferences';
import { AppContext, type AppContextValue } from './app-context';
import { Header } from './Header';
import { useLockTriggers } from './use-lock-triggers';

type Screen =
  | { name: 'vaults' }
  | { name: 'create'; demo: boolean }
  | { name: 'open-package' }
  | { name: 'unlock'; vaultId: string }
  | { name: 'recovery-key'; recoveryKey: string }
  | { name: 'integrity' }
  | { name: 'workspace' };

export interface AppProps {
  platform: Platform;
  store: VaultStore;
  initialPrefs: Preferences;
}

export function App({ platform, store, initialPrefs }: AppProps) {
  const { t } = useTranslation();
  const [prefs, setPrefsState] = useState(initialPrefs);
  const [screen, setScreen] = useState<Screen>({ name: 'vaults' });
  const [session, setSession] = useState<VaultSession | null>(null);
  const [lockNotice, setLockNotice] = useState<string | null>(null);

  const setPrefs = useCallback((next: Preferences) => {
    savePreferences(next);
    setPrefsState(next);
    void switchLanguage(next.language);
  }, []);

  const context = useMemo<AppContextValue>(() => {
    const options = { calendar: prefs.calendar, lang: prefs.language };
    return {
      platform,
      store,
      prefs,
      setPrefs,
      formatDate: (iso) => formatDate(iso as IsoDate, options),
      formatDateTime: (iso) => formatDateTime(iso as IsoInstant, options),
    };
  }, [platform, store, prefs, setPrefs]);

  const open = useCallback((next: VaultSession, thenScreen: Screen = { name: 'workspace' }) => {
    setLockNotice(null);
    setSession(next);
    // What the unlock checks found is said before anything else.
    const problems = next.integrityProblems.length > 0;
    setScreen(problems && thenScreen.name === 'workspace' ? { name: 'integrity' } : thenScreen);
  }, []);
  const problems = useIntegrityProblems(session);

  // Whoever locks the session (a button, the idle timer, the host), the UI follows it here.
  useEffect(() => {
    if (!session) return;
    return session.onLock(() => {
      setSession(null);
      setScreen({ name: 'unlock', vaultId: session.vaultId });
    });
  }, [session]);

  const lock = useCallback(
    (reason: 'user' | 'idle' | 'suspend' | 'lock-screen') => {
      if (!session) return;
      setLockNotice(reason === 'user' ? null : t(`lock.reason.${reason}`));
      session.lock();
    },
    [session, t],
  );
  useLockTriggers({ active: session !== null, idleMinutes: prefs.idleMinutes, platform, lock });

  return (
    <AppContext.Provider value={context}>
      <Header
        vaultOpen={session !== null}
        onLock={() => lock('user')}
        onHome={() => {
          session?.lock();
          setScreen({ name: 'vaults' });
        }}
      />
      <main className="app-main">
        {screen.name === 'vaults' && (
          <VaultListPage
            onCreate={() => setScreen({ name: 'create', demo: false })}
            onCreateDemo={() => setScreen({ name: 'create', demo: true })}
            onOpenPackage={() => setScreen({ name: 'open-package' })}
            onOpen={(vaultId) => setScreen({ name: 'unlock', vaultId })}
          />
        )}
        {screen.name === 'create' && (
          <CreateVaultPage
            demo={screen.demo}
            onCancel={() => setScreen({ name: 'vaults' })}
            onCreated={(created) =>
              open(created.session, { name: 'recovery-key', recoveryKey: created.recoveryKey })
            }
          />
        )}
        {screen.name === 'open-package' && (
          <OpenPackagePage
            onCancel={() => setScreen({ name: 'vaults' })}
            onCreated={(created) =>
              open(created.session, { name: 'recovery-key', recoveryKey: created.recoveryKey })
            }
          />
        )}
        {screen.name === 'recovery-key' && (
          <RecoveryKeyPage
            recoveryKey={screen.recoveryKey}
            onDone={() => setScreen({ name: 'workspace' })}
          />
        )}
        {screen.name === 'unlock' && (
          <UnlockPage
            key={screen.vaultId}
            vaultId={screen.vaultId}
            notice={lockNotice}
            onUnlocked={(next) => open(next)}
            onRecovered={(recovered) =>
              open(recovered.session, { name: 'recovery-key', recoveryKey: recovered.recoveryKey })
            }
            onBack={() => setScreen({ name: 'vaults' })}
          />
        )}
        {screen.name === 'integrity' && session && (
          <IntegrityReportPage
            problems={problems}
            onContinue={() => setScreen({ name: 'workspace' })}
          />
        )}
        {screen.name === 'workspace' && session && (
          <>
            <IntegrityBanner problems={problems} onShow={() => setScreen({ name: 'integrity' })} />
            <Workspace session={session} />
          </>
        )}
      </main>
    </AppContext.Provider>
  );
}
