import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultSession } from '../../data/vault-session';
import type { MergeOnScreen } from './auditor-progress';
import { AssignmentsSection } from './AssignmentsSection';
import { HandOutSection } from './HandOutSection';
import { MergeView } from './MergeView';
import { ProvenanceView } from './ProvenanceView';
import { SendBackPanel } from './SendBackPanel';
import { loadTeamData, type TeamData } from './team-data';
import { TeamDashboard } from './TeamDashboard';

/** 團隊分工 / Team: the lead assigns, hands out and merges; an auditor sends back. */
export function TeamPanel({ session }: { session: VaultSession }) {
  const { t } = useTranslation();
  const [data, setData] = useState<TeamData | null>(null);
  const [onScreen, setOnScreen] = useState<MergeOnScreen | null>(null);
  const reload = useCallback(() => {
    void loadTeamData(session).then(setData);
  }, [session]);
  useEffect(reload, [reload]);
  if (!data) return <p className="muted">{t('common.loading')}</p>;
  if (data.origin) return <SendBackPanel session={session} origin={data.origin} onDone={reload} />;
  return (
    <div className="team">
      <h1>{t('team.title')}</h1>
      <AssignmentsSection session={session} data={data} onChange={reload} />
      <TeamDashboard data={data} onScreen={onScreen} />
      <HandOutSection session={session} data={data} onChange={reload} />
      <MergeView session={session} onMerged={reload} onScreenChange={setOnScreen} />
      <ProvenanceView session={session} refresh={data} />
    </div>
  );
}
