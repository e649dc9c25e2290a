import { useTranslation } from 'react-i18next';
import type { Subject } from '../../../shared/signoff/records';
import { useApp } from '../../app/app-context';
import { levelsOf, type LevelView, type LoadedSignoff } from './signoff-state';

/** When, in the user's calendar, with the time of day in UTC (as the signature records it). */
export function useSignedAt() {
  const { formatDate } = useApp();
  return (at: string) => `${formatDate(at.slice(0, 10))} ${at.slice(11, 16)} UTC`;
}

/** Each sign-off level of a subject: 未簽, 已簽 (who, when) or 簽核後已修改 (and what changed). */
export function LevelStrip({
  loaded,
  subject,
  label,
}: {
  loaded: LoadedSignoff;
  subject: Subject;
  label: string;
}) {
  return (
    <ol className="signoff-strip plain" aria-label={label}>
      {levelsOf(loaded, subject).map((level) => (
        <LevelCell key={level.level} level={level} />
      ))}
    </ol>
  );
}

function LevelCell({ level }: { level: LevelView }) {
  const { t } = useTranslation();
  const signedAt = useSignedAt();
  const field = (name: string) => t(`signoff.field.${name}`, { defaultValue: name });
  return (
    <li className={`signoff-level ${level.status}`} aria-label={level.roleName}>
      <strong>{level.roleName}</strong>{' '}
      {level.status === 'unsigned' ? (
        <span className="muted">{t('signoff.unsigned')}</span>
      ) : (
        <>
          <span className={level.status === 'stale' ? 'warning' : 'ok'}>
            {level.status === 'stale' ? t('signoff.stale') : t('signoff.signed')}
          </span>{' '}
          <span className="small">
            {t('signoff.signedBy', {
              name: level.signoff.signer.name,
              at: signedAt(level.signoff.signedAt),
            })}
          </span>
          {level.status === 'stale' && (
            <span className="small warning">
              {' '}
              {level.staleBecause === 'unlocked'
                ? t('signoff.staleUnlocked')
                : t('signoff.changedSince', { fields: level.changed.map(field).join('、') })}
            </span>
          )}
        </>
      )}
    </li>
  );
}
