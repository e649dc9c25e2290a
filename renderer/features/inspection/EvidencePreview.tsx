import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { MaskedText } from '../../ui/MaskedText';

const IMAGE = /\.(png|jpe?g|gif|webp|bmp)$/i;
const TEXT = /\.(txt|csv|log|md|json|xml)$/i;

/** Whether the file can be shown inside the workbench (no temporary file, no other program). */
export function canPreview(name: string): boolean {
  return IMAGE.test(name) || TEXT.test(name);
}

/**
 * Shows an evidence file from memory: images through a blob URL, text as text with personal
 * data masked until the user reveals it (which is recorded).
 */
export function EvidencePreview({
  name,
  bytes,
  onClose,
  onReveal,
}: {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
  onClose: () => void;
  /** Records that personal data in the file was shown in full. */
  onReveal: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState(false);
  const url = useMemo(
    () => (IMAGE.test(name) ? URL.createObjectURL(new Blob([bytes])) : null),
    [name, bytes],
  );
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  return (
    <Dialog title={name} onClose={onClose}>
      <div className="preview">
        {IMAGE.test(name) ? (
          url && <img src={url} alt={name} />
        ) : (
          <MaskedText
            text={new TextDecoder().decode(bytes)}
            revealed={revealed}
            onReveal={() => void onReveal().then(() => setRevealed(true))}
            onHide={() => setRevealed(false)}
          />
        )}
      </div>
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('evidence.close')}
        </button>
      </div>
    </Dialog>
  );
}
