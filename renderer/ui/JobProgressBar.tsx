import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../jobs/protocol';

export interface JobProgressBarProps {
  label: string;
  progress: JobProgress | null;
  onCancel: () => void;
}

/** Progress of a long job (import, export) with its cancel button; indeterminate until known. */
export function JobProgressBar({ label, progress, onCancel }: JobProgressBarProps) {
  const { t } = useTranslation();
  const known = progress !== null && progress.total !== null && progress.total > 0;
  return (
    <div className="job-progress" role="status" aria-live="polite">
      <span className="small">
        {label}
        {known && ` ${Math.min(progress.done, progress.total ?? 0)} / ${progress.total}`}
      </span>
      {known ? (
        <progress value={progress.done} max={progress.total ?? 1} aria-label={label} />
      ) : (
        <progress aria-label={label} />
      )}
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
