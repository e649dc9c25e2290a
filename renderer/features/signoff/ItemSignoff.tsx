import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESULT_LABELS } from '../../../shared/domain/inspection/results';
import type { StoredItemResult } from '../../../shared/domain/inspections';
import type { Subject } from '../../../shared/signoff/records';
import { pick } from '../../i18n/pick';
import { LevelStrip } from './LevelStrip';
import { ReviewNotes } from './ReviewNotes';
import { SignDialog } from './SignDialog';
import { SignoffError } from './SignoffError';
import { useSignoffView } from './use-signoff';

/** On a checklist item: its sign-off levels, the 簽核 button and its review notes. */
export function ItemSignoff({
  itemId,
  result,
  findings,
}: {
  itemId: string;
  result: StoredItemResult;
  findings: number;
}) {
  const { t, i18n } = useTranslation();
  const view = useSignoffView();
  const [signing, setSigning] = useState(false);
  const loaded = view?.loaded;
  if (view?.error) return <SignoffError error={view.error} />;
  if (!view || !loaded) return null;
  const subject: Subject = { kind: 'item', itemId };
  const content = loaded.contents.items.get(itemId);
  const untested = loaded.state.untested.has(itemId);
  return (
    <section className="card signoff" aria-label={t('signoff.heading')}>
      <h3>{t('signoff.heading')}</h3>
      <LevelStrip loaded={loaded} subject={subject} label={t('signoff.levels')} />
      {untested && <p className="small">{t('signoff.untestedItem')}</p>}
      <div className="actions">
        <button
          type="button"
          onClick={() => setSigning(true)}
          disabled={loaded.lockedBy !== null || untested}
        >
          {t('signoff.sign')}
        </button>
      </div>
      {signing && (
        <SignDialog
          view={view}
          loaded={loaded}
          subjects={[subject]}
          title={t('signoff.signItem', { item: itemId })}
          onClose={() => setSigning(false)}
          summary={
            <dl className="small facts">
              <dt>{t('checklist.result')}</dt>
              <dd>{result.result ? pick(RESULT_LABELS[result.result], i18n.language) : '—'}</dd>
              <dt>{t('item.workPerformed')}</dt>
              <dd className="prewrap">{result.workPerformed || '—'}</dd>
              <dt>{t('signoff.findingsCount')}</dt>
              <dd>{findings}</dd>
              <dt>{t('signoff.evidenceHashes')}</dt>
              <dd>
                {content && content.evidence.length > 0 ? (
                  <ul className="plain mono">
                    {content.evidence.map((e) => (
                      <li key={e.sha256}>
                        SHA-256 {e.sha256} ({e.size} B)
                      </li>
                    ))}
                  </ul>
                ) : (
                  '—'
                )}
              </dd>
            </dl>
          }
        />
      )}
      <ReviewNotes view={view} loaded={loaded} target={{ kind: 'item', itemId }} />
    </section>
  );
}
