import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordId, Stored } from '../../../shared/domain/records';
import type { IdentityFile } from '../../../shared/signoff/identity';
import { payloadOf, type VaultSession } from '../../data/vault-session';
import { IdentityPicker } from '../signoff/IdentityPicker';
import { listSigningIdentities } from '../signoff/identities';
import type { OpenKeys } from './package-keys';
import { SigningPassphraseField } from '../signoff/SigningPassphraseField';

export interface OpenIdentityForm {
  identities: readonly Stored<IdentityFile>[];
  identityId: RecordId | '';
  setIdentityId: (id: RecordId | '') => void;
  signingPassphrase: string;
  setSigningPassphrase: (value: string) => void;
  /** The identity chosen with its signing passphrase, or null: packages open by passphrase. */
  chosen: () => OpenKeys['identity'];
}

/** Which of the vault's identities opens packages encrypted to recipients; nothing stored. */
export function useOpenIdentity(session: VaultSession): OpenIdentityForm {
  const [identities, setIdentities] = useState<Stored<IdentityFile>[]>([]);
  const [identityId, setIdentityId] = useState<RecordId | ''>('');
  const [signingPassphrase, setSigningPassphrase] = useState('');
  useEffect(() => {
    let live = true;
    void listSigningIdentities(session).then((list) => {
      if (live) setIdentities(list.filter((i) => !i.deleted));
    });
    return () => {
      live = false;
    };
  }, [session]);
  const identity = identities.find((i) => i.id === identityId);
  return {
    identities,
    identityId,
    setIdentityId,
    signingPassphrase,
    setSigningPassphrase,
    chosen: () =>
      identity === undefined
        ? null
        : { identity: payloadOf(identity), passphrase: signingPassphrase },
  };
}

/** 以簽章身分開啟: for returns encrypted to the lead instead of a package passphrase. */
export function OpenIdentityFields({ form }: { form: OpenIdentityForm }) {
  const { t } = useTranslation();
  if (form.identities.length === 0) return null;
  return (
    <div className="row">
      <IdentityPicker
        identities={form.identities}
        value={form.identityId}
        onChange={form.setIdentityId}
        label={t('team.openAs')}
        noneLabel={t('team.openAsNone')}
      />
      {form.identityId !== '' && (
        <SigningPassphraseField
          value={form.signingPassphrase}
          onChange={form.setSigningPassphrase}
        />
      )}
    </div>
  );
}
