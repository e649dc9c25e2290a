import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Shown once, right after creation: the recovery key, to print or store away. */
export function RecoveryKeyPage({
  recoveryKey,
  onDone,
}: {
  recoveryKey: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  return (
    <section className="page narrow recovery-key-page">
      <h1>{t('recoveryKey.title')}</h1>
      <p>{t('recoveryKey.explain')}</p>
      <output
        className="recovery-key"
        data-testid="recovery-key"
        aria-label={t('recoveryKey.title')}
      >
        {recoveryKey}
      </output>
      <p className="warning">{t('recoveryKey.once')}</p>
      <div className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t('recoveryKey.print')}
        </button>
      </div>
      <label className="checkbox no-print">
        <input type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />
        {t('recoveryKey.confirm')}
      </label>
      <div className="actions no-print">
        <button type="button" className="primary" disabled={!stored} onClick={onDone}>
          {t('recoveryKey.continue')}
        </button>
      </div>
    </section>
  );
}
