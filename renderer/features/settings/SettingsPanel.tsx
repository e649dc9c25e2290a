import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import type { VaultSession } from '../../data/vault-session';
import { IDLE_MINUTES } from '../../prefs/preferences';
import { Field } from '../../ui/Field';
import { SigningIdentities } from '../signoff/SigningIdentities';
import { TrustedSigners } from '../signoff/TrustedSigners';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { RekeyForm } from './RekeyForm';

export function SettingsPanel({ session }: { session: VaultSession }) {
  const { t } = useTranslation();
  const { prefs, setPrefs, formatDate } = useApp();
  const [signers, setSigners] = useState(0);
  return (
    <div className="settings">
      <h1>{t('settings.heading')}</h1>
      <section className="card">
        <h2>{t('settings.display')}</h2>
        <div className="row">
          <Field label={t('settings.language')}>
            {(p) => (
              <select
                {...p}
                value={prefs.language}
                onChange={(e) =>
                  setPrefs({ ...prefs, language: e.target.value === 'en' ? 'en' : 'zh-TW' })
                }
              >
                <option value="zh-TW">繁體中文</option>
                <option value="en">English</option>
              </select>
            )}
          </Field>
          <Field
            label={t('settings.calendar')}
            hint={t('settings.calendarExample', { date: formatDate('2025-03-05') })}
          >
            {(p) => (
              <select
                {...p}
                value={prefs.calendar}
                onChange={(e) =>
                  setPrefs({ ...prefs, calendar: e.target.value === 'iso' ? 'iso' : 'roc' })
                }
              >
                <option value="roc">{t('settings.calendarRoc')}</option>
                <option value="iso">{t('settings.calendarIso')}</option>
              </select>
            )}
          </Field>
        </div>
      </section>
      <section className="card">
        <h2>{t('settings.security')}</h2>
        <Field label={t('settings.idleMinutes')} hint={t('settings.idleHint')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={IDLE_MINUTES.min}
              max={IDLE_MINUTES.max}
              value={prefs.idleMinutes}
              onChange={(e) => {
                const minutes = Math.round(Number(e.target.value));
                if (minutes >= IDLE_MINUTES.min && minutes <= IDLE_MINUTES.max)
                  setPrefs({ ...prefs, idleMinutes: minutes });
              }}
            />
          )}
        </Field>
      </section>
      <SigningIdentities session={session} onChanged={() => setSigners((n) => n + 1)} />
      <TrustedSigners key={signers} session={session} />
      <ChangePassphraseForm session={session} />
      <RekeyForm session={session} />
    </div>
  );
}
