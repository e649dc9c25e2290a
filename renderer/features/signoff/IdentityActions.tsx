import { type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { utf8 } from '../../../shared/crypto/bytes';
import type { Stored } from '../../../shared/domain/records';
import { identityFileText, type IdentityFile } from '../../../shared/signoff/identity';
import { recipientCardText } from '../../../shared/signoff/recipient-card';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import { payloadOf, type VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { ownRecipientCard } from './recipient-keys';
import { SigningPassphraseField } from './SigningPassphraseField';

const safe = (name: string) => name.replace(/[\\/:*?"<>|]/g, '_');

/**
 * What one of the vault's identities can hand on: its identity file (to use it in another
 * vault; sealed by the signing passphrase, so private but not in clear) and its signer card
 * (public: colleagues import it to encrypt packages to this person), which the signing
 * passphrase makes.
 */
export function IdentityActions({
  session,
  identity,
  onChanged,
}: {
  session: VaultSession;
  identity: Stored<IdentityFile>;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { platform } = useApp();
  const [open, setOpen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const name = safe(identity.name);

  async function exportIdentity() {
    setError(null);
    try {
      await platform.saveFile({
        suggestedName: `${name}.identity.json`,
        data: utf8(identityFileText(payloadOf(identity))),
        filters: [{ name: 'Signing identity', extensions: ['json'] }],
      });
    } catch (e) {
      setError(describeError(e, t));
    }
  }

  async function saveCard(event: SyntheticEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const card = await ownRecipientCard(session, identity.id, passphrase);
      setPassphrase('');
      onChanged();
      const { saved } = await platform.saveFile({
        suggestedName: `${name}.age-recipient.json`,
        data: utf8(recipientCardText(card)),
        filters: [{ name: 'Signer card', extensions: ['json'] }],
      });
      setDone(saved);
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="identity-actions">
      <span className="actions inline">
        <button type="button" className="link" onClick={() => void exportIdentity()}>
          {t('signoff.exportIdentity')}
        </button>
        <button type="button" className="link" onClick={() => setOpen((o) => !o)}>
          {t('signoff.signerCard')}
        </button>
      </span>
      {open && (
        <form
          onSubmit={(e) => void saveCard(e)}
          aria-label={t('signoff.signerCardOf', { name: identity.name })}
        >
          <p className="hint">{t('signoff.signerCardHint')}</p>
          <SigningPassphraseField value={passphrase} onChange={setPassphrase} />
          <ErrorText message={error} />
          {done && (
            <p className="ok small" role="status">
              {t('signoff.signerCardSaved')}
            </p>
          )}
          <div className="actions">
            <button type="submit" disabled={busy || !passphrase}>
              {t('signoff.saveSignerCard')}
            </button>
          </div>
        </form>
      )}
      {!open && <ErrorText message={error} />}
    </div>
  );
}
