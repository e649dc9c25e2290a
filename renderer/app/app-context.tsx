/** What every screen may use: the host platform, the vault store, preferences and formatters. */
import { createContext, useContext } from 'react';
import type { VaultStore } from '../data/vaults';
import type { Platform } from '../platform';
import type { Preferences } from '../prefs/preferences';

export interface AppContextValue {
  platform: Platform;
  store: VaultStore;
  prefs: Preferences;
  setPrefs: (next: Preferences) => void;
  /** Formats an ISO calendar date per the user's calendar and language. */
  formatDate: (isoDate: string) => string;
  /** Formats an ISO instant (Taipei time) per the user's calendar and language. */
  formatDateTime: (isoInstant: string) => string;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside <AppContext>');
  return value;
}
