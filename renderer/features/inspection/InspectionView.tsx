import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordId } from '../../../shared/domain/records';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { LockBanner } from '../signoff/LockBanner';
import { SignoffContext, useSignoff } from '../signoff/use-signoff';
import { TabBar } from '../../ui/TabBar';
import { ChecklistView, type ChecklistFilter } from './ChecklistView';
import { Dashboard } from './Dashboard';
import { ExportWorkpaper } from './ExportWorkpaper';
import { FindingsView, type FindingFilter } from './FindingsView';
import { SamplingView } from './SamplingView';
import { useInspection } from './use-inspection';
import { WorkpaperImport } from './WorkpaperImport';

const VIEWS = ['dashboard', 'checklist', 'findings', 'sampling'] as const;
type View = (typeof VIEWS)[number];

/** One self-inspection: its dashboard, checklist, findings and samples. */
export function InspectionView({
  session,
  inspectionId,
  onClose,
}: {
  session: VaultSession;
  inspectionId: RecordId;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { formatDate } = useApp();
  const { data, error, reload } = useInspection(session, inspectionId);
  const [view, setView] = useState<View>('checklist');
  const [checklistFilter, setChecklistFilter] = useState<ChecklistFilter>({});
  const [findingFilter, setFindingFilter] = useState<FindingFilter>({});
  const [importing, setImporting] = useState(false);
  // Reloaded with the inspection's data, so an edit shows as 簽核後已修改 at once.
  const signoff = useSignoff(session, inspectionId, data);

  if (error) return <ErrorText message={describeError(error, t)} />;
  if (!data) return <p className="muted">{t('common.loading')}</p>;
  const { inspection } = data;
  return (
    <SignoffContext.Provider value={signoff}>
      <div className="page-title">
        <div>
          <button type="button" className="link" onClick={onClose}>
            ← {t('inspection.all')}
          </button>
          <h1>{inspection.title}</h1>
          <p className="muted small">
            {formatDate(inspection.periodStart)} – {formatDate(inspection.periodEnd)} ·{' '}
            {t('inspection.libraryVersion', { version: inspection.libraryVersion })}
          </p>
        </div>
        <div className="page-actions">
          <ExportWorkpaper session={session} data={data} />
          <button type="button" onClick={() => setImporting(true)} disabled={importing}>
            {t('roundtrip.heading')}
          </button>
        </div>
      </div>
      <LockBanner />
      {importing && (
        <WorkpaperImport
          session={session}
          data={data}
          onClose={(changed) => {
            setImporting(false);
            if (changed) reload();
          }}
        />
      )}
      <TabBar
        className="tabs sub"
        label={inspection.title}
        tabs={VIEWS}
        selected={view}
        labelOf={(name) => t(`inspection.view.${name}`)}
        onSelect={setView}
      />
      {view === 'dashboard' && (
        <Dashboard
          session={session}
          data={data}
          onShowItems={(filter) => {
            setChecklistFilter(filter);
            setView('checklist');
          }}
          onShowFindings={(filter) => {
            setFindingFilter(filter);
            setView('findings');
          }}
        />
      )}
      {view === 'checklist' && (
        <ChecklistView
          session={session}
          data={data}
          reload={reload}
          filter={checklistFilter}
          onFilter={setChecklistFilter}
          onFindingRaised={() => setView('findings')}
        />
      )}
      {view === 'findings' && (
        <FindingsView
          session={session}
          data={data}
          reload={reload}
          filter={findingFilter}
          onFilter={setFindingFilter}
        />
      )}
      {view === 'sampling' && <SamplingView session={session} inspectionId={inspectionId} />}
    </SignoffContext.Provider>
  );
}
