import { useTranslation } from 'react-i18next';
import type { IntegrityProblem } from '../../data/integrity';

/** Stays above the workspace while the vault has problems, so they are never out of mind. */
export function IntegrityBanner({
  problems,
  onShow,
}: {
  problems: readonly IntegrityProblem[];
  onShow: () => void;
}) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div className="integrity-banner" role="alert">
      <span>{t('integrity.count', { count: problems.length })}</span>
      <button type="button" onClick={onShow}>
        {t('integrity.show')}
      </button>
    </div>
  );
}
