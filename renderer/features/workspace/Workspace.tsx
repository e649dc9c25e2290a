import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultSession } from '../../data/vault-session';
import { TabBar } from '../../ui/TabBar';
import { ActivityPanel } from '../activity/ActivityPanel';
import { AgreementsPanel } from '../agreements/AgreementsPanel';
import { DisposalPanel } from '../disposal/DisposalPanel';
import { PoliciesPanel } from '../policies/PoliciesPanel';
import { EngagementPanel } from '../engagement/EngagementPanel';
import { InspectionsPanel } from '../inspection/InspectionsPanel';
import { NotesPanel } from '../notes/NotesPanel';
import { SystemsPanel } from '../systems/SystemsPanel';
import { SettingsPanel } from '../settings/SettingsPanel';
import { TeamPanel } from '../team/TeamPanel';

const TABS = [
  'engagement',
  'inspection',
  'agreements',
  'disposal',
  'policies',
  'systems',
  'notes',
  'team',
  'activity',
  'settings',
] as const;
type Tab = (typeof TABS)[number];

/** An unlocked vault. Everything below holds decrypted data and unmounts when it locks. */
export function Workspace({ session }: { session: VaultSession }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('engagement');
  return (
    <div className="workspace">
      <TabBar
        label={t('workspace.sections')}
        tabs={TABS}
        selected={tab}
        labelOf={(name) => t(`workspace.tab.${name}`)}
        onSelect={setTab}
      />
      <section className="page" role="tabpanel">
        {tab === 'engagement' && <EngagementPanel session={session} />}
        {tab === 'inspection' && <InspectionsPanel session={session} />}
        {tab === 'agreements' && <AgreementsPanel session={session} />}
        {tab === 'disposal' && <DisposalPanel session={session} />}
        {tab === 'policies' && <PoliciesPanel session={session} />}
        {tab === 'systems' && <SystemsPanel session={session} />}
        {tab === 'notes' && <NotesPanel session={session} />}
        {tab === 'team' && <TeamPanel session={session} />}
        {tab === 'activity' && <ActivityPanel session={session} />}
        {tab === 'settings' && <SettingsPanel session={session} />}
      </section>
    </div>
  );
}
