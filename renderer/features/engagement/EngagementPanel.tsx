import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { useRecords } from '../workspace/use-records';

/** The engagement this vault holds: entity, period, scope, team. */
export function EngagementPanel({ session }: { session: VaultSession }) {
  const { t } = useTranslation();
  const { formatDate, formatDateTime } = useApp();
  const { records, error } = useRecords(session, 'engagement');
  const engagement = records?.[0];
  if (error) return <ErrorText message={describeError(error, t)} />;
  if (!engagement) return <p className="muted">{t('common.loading')}</p>;
  return (
    <div>
      <h1>{engagement.entity}</h1>
      <dl className="details">
        <dt>{t('engagement.period')}</dt>
        <dd>
          {formatDate(engagement.periodStart)} – {formatDate(engagement.periodEnd)}
        </dd>
        <dt>{t('engagement.scope')}</dt>
        <dd className="prewrap">{engagement.scope || '—'}</dd>
        <dt>{t('engagement.team')}</dt>
        <dd>
          <ul className="plain">
            {engagement.team.map((member) => (
              <li key={member.name}>
                {member.name} · {t(`engagement.role.${member.role}`)}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('engagement.updated')}</dt>
        <dd className="muted">
          {formatDateTime(engagement.updatedAt)} · {engagement.updatedBy} ·{' '}
          {t('engagement.revision', { rev: engagement.rev })}
        </dd>
      </dl>
    </div>
  );
}
