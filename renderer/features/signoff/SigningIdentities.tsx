import { type SyntheticEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stored } from '../../../shared/domain/records';
import type { IdentityFile } from '../../../shared/signoff/identity';
import { MIN_SIGNING_PASSPHRASE_LENGTH } from '../../../shared/signoff/identity';
import { DEFAULT_ROLES } from '../../../shared/signoff/records';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { SecretInput } from '../../ui/SecretInput';
import { IdentityActions } from './IdentityActions';
import { ImportIdentityForm } from './ImportIdentityForm';
import { PublicKeyActions } from './PublicKeyActions';
import { RoleSelect } from './RoleSelect';
import { exportPublicKey, listSigningIdentities } from './identities';
import { createOwnIdentity } from './recipient-keys';
import { SigningPassphraseField } from './SigningPassphraseField';

/**
 * Settings → 簽章身分: the signing identities kept in this vault (one per person who signs
 * here), each with its own signing passphrase; a new or imported one is also a trusted signer
 * with the role chosen and its recipient statement, so it can sign and be encrypted to at once.
 */
export function SigningIdentities({
  session,
  onChanged,
}: {
  session: VaultSession;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [identities, setIdentities] = useState<Stored<IdentityFile>[]>([]);
  const reload = useCallback(() => {
    void listSigningIdentities(session).then((all) => setIdentities(all.filter((i) => !i.deleted)));
  }, [session]);
  useEffect(reload, [reload]);
  const changed = () => {
    reload();
    onChanged();
  };
  return (
    <section className="card" aria-label={t('signoff.identities')}>
      <h2>{t('signoff.identities')}</h2>
      <p className="muted small">{t('signoff.identitiesHint')}</p>
      {identities.length === 0 ? (
        <p className="muted small">{t('signoff.noIdentity')}</p>
      ) : (
        <ul className="plain" aria-label={t('signoff.identityList')}>
          {identities.map((identity) => (
            <li key={identity.id}>
              <strong>{identity.name}</strong> ·{' '}
              <span className="mono" data-testid="identity-fingerprint">
                {identity.fingerprint}
              </span>{' '}
              <PublicKeyActions name={identity.name} text={exportPublicKey(identity)} />
              <IdentityActions session={session} identity={identity} onChanged={onChanged} />
            </li>
          ))}
        </ul>
      )}
      <NewIdentityForm session={session} onCreated={changed} />
      <ImportIdentityForm session={session} onImported={changed} />
    </section>
  );
}

function NewIdentityForm({ session, onCreated }: { session: VaultSession; onCreated: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<string>(DEFAULT_ROLES[0]?.key ?? 'preparer');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setDone(null);
    if (passphrase !== confirm) {
      setError(t('create.mismatch'));
      return;
    }
    if (passphrase.length < MIN_SIGNING_PASSPHRASE_LENGTH) {
      setError(t('signoff.passphraseTooShort', { min: MIN_SIGNING_PASSPHRASE_LENGTH }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const record = await createOwnIdentity(session, {
        name: name.trim(),
        passphrase,
        role: role || null,
      });
      setName('');
      setPassphrase('');
      setConfirm('');
      setDone(record.fingerprint);
      onCreated();
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('signoff.newIdentity')}>
      <h3>{t('signoff.newIdentity')}</h3>
      <fieldset disabled={busy}>
        <div className="row">
          <Field label={t('signoff.signerName')}>
            {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <RoleSelect value={role} onChange={setRole} />
        </div>
        <SigningPassphraseField
          value={passphrase}
          onChange={setPassphrase}
          hint={t('signoff.signingPassphraseHint')}
        />
        <Field label={t('signoff.confirmSigningPassphrase')}>
          {(p) => (
            <SecretInput {...p} value={confirm} onChange={(e) => setConfirm(e.target.value)} />
          )}
        </Field>
      </fieldset>
      <ErrorText message={error} />
      {done && (
        <p className="ok small" role="status">
          {t('signoff.identityCreated', { fingerprint: done })}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !name.trim() || !passphrase}>
          {busy ? t('signoff.creating') : t('signoff.createIdentity')}
        </button>
      </div>
    </form>
  );
}
