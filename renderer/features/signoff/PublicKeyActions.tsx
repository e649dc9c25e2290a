import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { utf8 } from '../../../shared/crypto/bytes';
import { useApp } from '../../app/app-context';

/** Copy or download a minisign public-key file (public: safe to hand out and to keep on disk). */
export function PublicKeyActions({ name, text }: { name: string; text: string }) {
  const { t } = useTranslation();
  const { platform } = useApp();
  const [copied, setCopied] = useState(false);
  // Through the platform, like every file the workbench saves (Electron's save dialog).
  const download = () =>
    void platform.saveFile({
      suggestedName: `${name}.pub`,
      data: utf8(text),
      filters: [{ name: 'minisign public key', extensions: ['pub'] }],
    });
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
