import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import type { JobProgress } from '../../jobs/protocol';
import { ErrorText } from '../../ui/ErrorText';
import { JobProgressBar } from '../../ui/JobProgressBar';
import { exportWorkpaper } from './export-workpaper';
import type { InspectionData } from './use-inspection';
import { SecretInput } from '../../ui/SecretInput';

/** Long enough to resist guessing against a file that can be attacked offline. */
const MIN_WORKPAPER_PASSWORD = 10;

/**
 * Export the inspection as an Excel workpaper; personal data stays masked unless asked, and
 * the file can be password-protected (Excel and LibreOffice ask for the password to open it).
 */
export function ExportWorkpaper({
  session,
  data,
}: {
  session: VaultSession;
  data: InspectionData;
}) {
  const { t } = useTranslation();
  const { platform, prefs } = useApp();
  const [includePersonalData, setIncludePersonalData] = useState(false);
  const [protect, setProtect] = useState(false);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const abort = useRef<AbortController | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    if (protect && password.length < MIN_WORKPAPER_PASSWORD) {
      setError(t('inspection.passwordTooShort', { min: MIN_WORKPAPER_PASSWORD }));
      return;
    }
    if (protect && password !== confirm) {
      setError(t('inspection.passwordMismatch'));
      return;
    }
    setBusy(true);
    setProgress(null);
    setError(null);
    setDone(null);
    const controller = new AbortController();
    abort.current = controller;
    try {
      const result = await exportWorkpaper(session, platform, data, {
        includePersonalData,
        password: protect ? password : null,
        prefs,
        job: { signal: controller.signal, onProgress: setProgress },
      });
      if (result.saved) setDone(result.contentHash.slice(0, 16));
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
      abort.current = null;
    }
  }

  return (
    <div className="export">
      <label className="checkbox small">
        <input
          type="checkbox"
          checked={includePersonalData}
          onChange={(e) => setIncludePersonalData(e.target.checked)}
        />
        {t('inspection.includePersonalData')}
      </label>
      <label className="checkbox small">
        <input type="checkbox" checked={protect} onChange={(e) => setProtect(e.target.checked)} />
        {t('inspection.protectWithPassword')}
      </label>
      {protect && (
        <div className="row">
          <SecretInput
            aria-label={t('inspection.workpaperPassword')}
            placeholder={t('inspection.workpaperPassword')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <SecretInput
            aria-label={t('inspection.workpaperPasswordAgain')}
            placeholder={t('inspection.workpaperPasswordAgain')}
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
        </div>
      )}
      <button type="button" onClick={() => void run()} disabled={busy}>
        {busy ? t('inspection.exporting') : t('inspection.export')}
      </button>
      {done && (
        <p className="ok small" role="status">
          {t('inspection.exported', { hash: done })}
        </p>
      )}
      {busy && (
        <JobProgressBar
          label={t('inspection.exporting')}
          progress={progress}
          onCancel={() => abort.current?.abort()}
        />
      )}
      <ErrorText message={error} />
    </div>
  );
}
