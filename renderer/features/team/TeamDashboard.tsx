import { useTranslation } from 'react-i18next';
import { auditorProgress, type MergeOnScreen } from './auditor-progress';
import type { TeamData } from './team-data';

/** 各查核員進度: per auditor, what they were given and how far it got (auditor-progress.ts). */
export function TeamDashboard({
  data,
  onScreen,
}: {
  data: TeamData;
  onScreen: MergeOnScreen | null;
}) {
  const { t } = useTranslation();
  const rows = auditorProgress(data, onScreen);
  return (
    <section aria-labelledby="team-dashboard">
      <h2 id="team-dashboard">{t('team.dashboard')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('team.noAuditors')}</p>
      ) : (
        <>
          <table className="grid" aria-label={t('team.dashboard')}>
            <thead>
              <tr>
                <th>{t('team.auditor')}</th>
                <th>{t('team.assigned')}</th>
                <th>{t('team.done')}</th>
                <th>{t('team.handedOut')}</th>
                <th>{t('team.returned')}</th>
                <th>{t('team.merged')}</th>
                <th>{t('team.openConflictsColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.auditor} data-auditor={row.auditor}>
                  <td>{row.auditor}</td>
                  <td>{row.assigned}</td>
                  <td>{row.done}</td>
                  <td>{row.handedOut}</td>
                  <td>{row.returned}</td>
                  <td>{row.merged}</td>
                  <td>{row.openConflicts}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{t('team.dashboardNote')}</p>
        </>
      )}
    </section>
  );
}
