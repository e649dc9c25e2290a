import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/describe-error';
import type { IntegrityProblem } from '../../data/integrity';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { JobProgressBar } from '../../ui/JobProgressBar';
import { ProblemList } from './ProblemList';

/** The full check, on the activity trail screen: every record and file opened, with progress. */
export function VerifyIntegrity({ session }: { session: VaultSession }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ problems: IntegrityProblem[]; checked: number } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  async function run() {
    controller.current = new AbortController();
    setRunning(true);
    setError(null);
    setResult(null);
    let checked = 0;
    try {
      const problems = await session.verifyIntegrity((p) => {
        checked = p.total;
        setProgress(p);
      }, controller.current.signal);
      setResult({ problems, checked });
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setRunning(false);
      setProgress(null);
    }
  }

  return (
    <section className="card" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t('integrity.verify.heading')}</h2>
      <p className="muted small">{t('integrity.verify.explain')}</p>
      {running ? (
        <JobProgressBar
          label={t('integrity.verify.running')}
          progress={progress && { phase: 'verify', done: progress.done, total: progress.total }}
          onCancel={() => controller.current?.abort()}
        />
      ) : (
        <button type="button" onClick={() => void run()}>
          {t('integrity.verify.run')}
        </button>
      )}
      <ErrorText message={error} />
      {result && (
        <div data-testid="integrity-result">
          <p role="status" className={result.problems.length === 0 ? 'ok' : 'error'}>
            {result.problems.length === 0
              ? t('integrity.verify.ok', { count: result.checked })
              : t('integrity.verify.problems', { count: result.problems.length })}
          </p>
          {result.problems.length > 0 && <ProblemList problems={result.problems} />}
        </div>
      )}
    </section>
  );
}
