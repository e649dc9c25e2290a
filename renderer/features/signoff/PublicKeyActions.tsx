import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copy or download a minisign public-key file (public: safe to hand out and to keep on disk). */
export function PublicKeyActions({ name, text }: { name: string; text: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${name}.pub`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return (
    <span className="actions inline">
      <button
        type="button"
        className="link"
        onClick={() =>
          void navigator.clipboard.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? t('signoff.copied') : t('signoff.copyPublicKey')}
      </button>
      <button type="button" className="link" onClick={download}>
        {t('signoff.downloadPublicKey')}
      </button>
    </span>
  );
}
