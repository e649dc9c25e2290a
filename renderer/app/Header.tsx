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
  return (
    <header className="app-header">
      <button type="button" className="brand" onClick={onHome} title={t('header.home')}>
        <img src="./icon.svg" alt="" width={24} height={24} />
        <span>{t('app.title')}</span>
      </button>
      <div className="header-actions">
        <button
          type="button"
          className="ghost"
          onClick={() =>
            setPrefs({ ...prefs, language: prefs.language === 'zh-TW' ? 'en' : 'zh-TW' })
          }
          aria-label={t('header.switchLanguage')}
        >
          {prefs.language === 'zh-TW' ? 'English' : '中文'}
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
