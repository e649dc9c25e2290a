import { useTranslation } from 'react-i18next';
import { looksLikeRecipientCard } from '../../../shared/signoff/recipient-card';
import { useApp } from '../../app/app-context';
import { TextAreaField } from '../../ui/TextAreaField';

/** A public-key file or a signer card is under 2 KiB; this bounds what is read. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

/**
 * A colleague's key, pasted or read from a file: minisign's public key (they can sign), or
 * their signer card (簽章收件卡: they can sign and packages can be encrypted to them).
 */
export function KeyTextField({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (text: string) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  const { platform } = useApp();
  async function readFile() {
    const picked = await platform.openFile({ maxBytes: MAX_KEY_FILE_BYTES });
    if (picked) onChange(new TextDecoder().decode(picked.data));
  }
  return (
    <>
      <TextAreaField
        label={label ?? t('signoff.publicKey')}
        rows={2}
        value={value}
        onChange={onChange}
      />
      <p>
        <button type="button" onClick={() => void readFile()}>
          {t('signoff.readKeyFile')}
        </button>{' '}
        {looksLikeRecipientCard(value) && (
          <span className="small">{t('signoff.cardRecognised')}</span>
        )}
      </p>
    </>
  );
}
