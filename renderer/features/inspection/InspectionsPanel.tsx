import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordId } from '../../../shared/domain/records';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { useRecords } from '../workspace/use-records';
import { InspectionView } from './InspectionView';
import { NewInspectionForm } from './NewInspectionForm';

/** The self-inspections of this engagement; one is opened at a time. */
export function InspectionsPanel({ session }: { session: VaultSession }) {
  const { t } = useTranslation();
  const { formatDate } = useApp();
  const { records, error, reload } = useRecords(session, 'inspections');
  const [openId, setOpenId] = useState<RecordId | null>(null);
  const [creating, setCreating] = useState(false);

  if (openId) {
    return (
      <InspectionView session={session} inspectionId={openId} onClose={() => setOpenId(null)} />
    );
  }
  if (creating) {
    return (
      <NewInspectionForm
        session={session}
        onCancel={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          reload();
          setOpenId(id);
        }}
      />
    );
  }
  return (
    <div>
      <div className="page-title">
        <h1>{t('inspection.heading')}</h1>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          {t('inspection.new')}
        </button>
      </div>
      <ErrorText message={error ? describeError(error, t) : null} />
      {records?.length === 0 && <p className="empty">{t('inspection.empty')}</p>}
      <ul className="vault-list" aria-label={t('inspection.heading')}>
        {records?.map((inspection) => (
          <li key={inspection.id} className="card">
            <div>
              <div className="vault-label">{inspection.title}</div>
              <div className="muted small">
                {formatDate(inspection.periodStart)} – {formatDate(inspection.periodEnd)} ·{' '}
                {t('inspection.libraryVersion', { version: inspection.libraryVersion })} ·{' '}
                {t(`inspection.status.${inspection.status}`)}
              </div>
            </div>
            <button type="button" className="primary" onClick={() => setOpenId(inspection.id)}>
              {t('vaults.open')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
