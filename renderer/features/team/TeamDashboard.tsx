import { useTranslation } from 'react-i18next';
import type { TeamData } from './team-data';

/** 各查核員進度: per auditor, what they were given and how far it got. */
export function TeamDashboard({ data }: { data: TeamData }) {
  const { t } = useTranslation();
  const auditors = [
    ...new Set([...data.assignments.map((a) => a.auditor), ...data.handouts.map((h) => h.auditor)]),
  ];
  return (
    <section aria-labelledby="team-dashboard">
      <h3 id="team-dashboard">{t('team.dashboard')}</h3>
      <table aria-label={t('team.dashboard')}>
        <thead>
          <tr>
            <th>{t('team.auditor')}</th>
            <th>{t('team.assigned')}</th>
            <th>{t('team.done')}</th>
            <th>{t('team.handedOut')}</th>
            <th>{t('team.merged')}</th>
          </tr>
        </thead>
        <tbody>
          {auditors.map((name) => (
            <tr key={name} data-auditor={name}>
              <td>{name}</td>
              <td>{data.items.filter((i) => i.assignee === name).length}</td>
              <td>{data.items.filter((i) => i.assignee === name && i.done).length}</td>
              <td>{data.handouts.filter((h) => h.auditor === name).length}</td>
              <td>{data.merged.filter((m) => m.auditor === name).length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
