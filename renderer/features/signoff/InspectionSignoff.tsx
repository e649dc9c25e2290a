import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../../shared/domain/inspections';
import { useApp } from '../../app/app-context';
import { LevelStrip } from './LevelStrip';
import { ReviewNotes } from './ReviewNotes';
import { SignDialog } from './SignDialog';
import { SignoffError } from './SignoffError';
import { staleCount } from './signoff-state';
import { useSignoffView } from './use-signoff';

/** On the dashboard: the inspection's own sign-off levels, its stale count and its notes. */
export function InspectionSignoff({
  inspection,
  findings,
  onShowStale,
}: {
  inspection: Inspection;
  findings: number;
  /** Opens the checklist filtered to the items edited after sign-off. */
  onShowStale: () => void;
}) {
  const { t } = useTranslation();
  const { formatDate } = useApp();
  const view = useSignoffView();
  const [signing, setSigning] = useState<'inspection' | 'items' | null>(null);
  const loaded = view?.loaded;
  if (view?.error) return <SignoffError error={view.error} />;
  if (!view || !loaded) return null;
  const stale = staleCount(loaded);
  return (
    <section className="card signoff" aria-label={t('signoff.inspectionHeading')}>
      <h2>{t('signoff.inspectionHeading')}</h2>
      <p className="small">
        {t('signoff.staleCount')}{' '}
        <strong className={stale > 0 ? 'warning' : ''} data-testid="stale-count">
          {stale}
        </strong>{' '}
        {stale > 0 && (
          <button type="button" className="link" onClick={onShowStale}>
            {t('signoff.showStale')}
          </button>
        )}
      </p>
      <LevelStrip
        loaded={loaded}
        subject={{ kind: 'inspection' }}
        label={t('signoff.inspectionLevels')}
      />
      <div className="actions">
        <button
          type="button"
          onClick={() => setSigning('items')}
          disabled={loaded.lockedBy !== null}
        >
          {t('signoff.signAllItems')}
        </button>
        <button
          type="button"
          onClick={() => setSigning('inspection')}
          disabled={loaded.lockedBy !== null}
        >
          {t('signoff.signInspection')}
        </button>
      </div>
      {signing === 'items' && (
        <SignDialog
          view={view}
          loaded={loaded}
          subjects={[...loaded.contents.items.keys()].map((itemId) => ({
            kind: 'item' as const,
            itemId,
          }))}
          title={t('signoff.signAllItems')}
          onClose={() => setSigning(null)}
          summary={<p className="small">{t('signoff.signAllItemsHint')}</p>}
        />
      )}
      {signing === 'inspection' && (
        <SignDialog
          view={view}
          loaded={loaded}
          subjects={[{ kind: 'inspection' }]}
          title={t('signoff.signInspection')}
          onClose={() => setSigning(null)}
          summary={
            <dl className="small facts">
              <dt>{t('signoff.inspectionTitle')}</dt>
              <dd>{inspection.title}</dd>
              <dt>{t('signoff.period')}</dt>
              <dd>
                {formatDate(inspection.periodStart)} – {formatDate(inspection.periodEnd)}
              </dd>
              <dt>{t('signoff.itemsCount')}</dt>
              <dd>{loaded.contents.inspection.items.length}</dd>
              <dt>{t('signoff.findingsCount')}</dt>
              <dd>{findings}</dd>
            </dl>
          }
        />
      )}
      <ReviewNotes view={view} loaded={loaded} target={{ kind: 'inspection' }} />
    </section>
  );
}
