import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A destructive action asked twice, in place: the first click turns the button into
 * "confirm / keep". Deletions are tombstones in the vault (kept for merges), so this guards
 * against a slip, not against loss.
 */
export function ConfirmButton({
  label,
  confirmLabel,
  onConfirm,
}: {
  label: string;
  confirmLabel: string;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="link danger-ghost" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm">
      <button
        type="button"
        className="link danger-ghost"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>{' '}
      <button type="button" className="link" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
