import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stored } from '../../../shared/domain/records';
import type { TrustedSigner } from '../../../shared/signoff/records';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { KeyTextField } from './KeyTextField';
import { replaceTrustedSigner } from './recipient-keys';

/**
 * 更換金鑰: a trusted signer's new key (or new identity's signer card), added as the same
 * person with their role, the old key retired naming it. Earlier signatures stand.
 */
export function ReplaceKeyForm({
  session,
  signer,
  onDone,
}: {
  session: VaultSession;
  signer: Stored<TrustedSigner>;
  onDone: (replaced: boolean) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setError(null);
    try {
      await replaceTrustedSigner(session, signer.id, { text });
      onDone(true);
    } catch (e) {
      setError(describeError(e, t));
    }
  }
  const title = t('signoff.replaceKeyOf', { name: signer.name, fingerprint: signer.fingerprint });
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={title}>
      <h3>{title}</h3>
      <p className="hint">{t('signoff.replaceKeyHint')}</p>
      <KeyTextField value={text} onChange={setText} label={t('signoff.newPublicKey')} />
      <ErrorText message={error} />
      <div className="actions">
        <button type="button" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
        <button type="submit" disabled={!text.trim()}>
          {t('signoff.replaceKeySubmit')}
        </button>
      </div>
    </form>
  );
}
