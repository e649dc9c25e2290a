import { useTranslation } from 'react-i18next';
import type { IntegrityProblem } from '../../data/integrity';
import { ProblemList } from './ProblemList';

/**
 * What the unlock checks found changed outside the workbench, said plainly, with what to do;
 * shown before the workspace, and again from the workspace's banner.
 */
export function IntegrityReportPage({
  problems,
  onContinue,
}: {
  problems: readonly IntegrityProblem[];
  onContinue: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="page integrity-report" aria-labelledby="integrity-title">
      <h1 id="integrity-title">{t('integrity.title')}</h1>
      <p role="alert" className="error">
        {t('integrity.count', { count: problems.length })}
      </p>
      <p>{t('integrity.explain')}</p>
      <ProblemList problems={problems} />
      <h2>{t('integrity.whatToDo')}</h2>
      <ul>
        <li>{t('integrity.doBackup')}</li>
        <li>{t('integrity.doPackage')}</li>
        <li>{t('integrity.doTell')}</li>
      </ul>
      <div className="actions">
        <button type="button" className="primary" onClick={onContinue}>
          {t('integrity.continue')}
        </button>
      </div>
    </section>
  );
}
