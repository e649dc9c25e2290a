import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { looksLikeRecipientCard } from '../../../shared/signoff/recipient-card';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { addTrustedSigner } from './identities';
import { KeyTextField } from './KeyTextField';
import { importSignerCard } from './recipient-keys';
import { RoleSelect } from './RoleSelect';

/**
 * 新增受信任簽章者: a colleague's public key (a name needed) or signer card (named as on the
 * card unless a name is given), which for a key already trusted adds the recipient to its entry.
 */
export function AddSignerForm({
  session,
  onAdded,
}: {
  session: VaultSession;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const [publicKey, setPublicKey] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [error, setError] = useState<string | null>(null);
  const isCard = looksLikeRecipientCard(publicKey);
  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setError(null);
    try {
      if (isCard) {
        await importSignerCard(session, { text: publicKey, name, role: role || null });
      } else {
        await addTrustedSigner(session, { publicKey, name: name.trim(), role: role || null });
      }
      setPublicKey('');
      setName('');
      onAdded();
    } catch (e) {
      setError(describeError(e, t));
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('signoff.addSigner')}>
      <h3>{t('signoff.addSigner')}</h3>
      <KeyTextField value={publicKey} onChange={setPublicKey} />
      <div className="row">
        <Field label={t('signoff.signerName')}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <RoleSelect value={role} onChange={setRole} />
      </div>
      <ErrorText message={error} />
      <div className="actions">
        <button type="submit" disabled={!publicKey.trim() || (!isCard && !name.trim())}>
          {t('signoff.addSignerSubmit')}
        </button>
      </div>
    </form>
  );
}
