import { useTranslation } from 'react-i18next';
import { LockIcon } from '../ui/LockIcon';
import { useApp } from './app-context';

export interface HeaderProps {
  vaultOpen: boolean;
  onLock: () => void;
  onHome: () => void;
}

export function Header({ vaultOpen, onLock, onHome }: HeaderProps) {
  const { t } = useTranslation();
  const { prefs, setPrefs } = useApp();
  const other = prefs.language === 'zh-TW' ? 'en' : 'zh-TW';
  return (
    <header className="app-header">
      <button type="button" className="brand" onClick={onHome} title={t('header.home')}>
        <img src="./icon.svg" alt="" width={24} height={24} />
        <span>{t('app.title')}</span>
      </button>
      <div className="header-actions">
        {/* Named by the language it offers, in that language (WCAG 2.5.3: the visible text
            is the accessible name); what it does is its description. */}
        <button
          type="button"
          className="ghost"
          onClick={() => setPrefs({ ...prefs, language: other })}
          title={t('header.switchLanguage')}
        >
          <span lang={other}>{other === 'en' ? 'English' : '中文'}</span>
        </button>
        {vaultOpen && (
          <button type="button" onClick={onLock} title={t('header.lockShortcut')}>
            <LockIcon /> {t('header.lock')}
          </button>
        )}
      </div>
    </header>
  );
}
