/** Start-up: preferences, language, platform and the vault store, then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/App';
import { browserIdb } from './data/idb';
import { createVaultStore } from './data/vaults';
import { initI18n } from './i18n';
import { detectPlatform } from './platform';
import { loadPreferences } from './prefs/preferences';
import './styles.css';

// Our CSP forbids eval; without this zod would probe `new Function` and log a CSP violation.
z.config({ jitless: true });

const prefs = loadPreferences();
await initI18n(prefs.language);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const platform = detectPlatform();
createRoot(root).render(
  <StrictMode>
    <App
      platform={platform}
      store={createVaultStore({ idb: browserIdb(), anchors: platform.anchors })}
      initialPrefs={prefs}
    />
  </StrictMode>,
);
