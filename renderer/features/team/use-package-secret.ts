/**
 * The state of the package form (`PackageSecretFields`), shared by 發出工作包 and 繳回: the
 * package passphrase (typed, or generated and not edited since) and whose signing identity
 * signs, with its signing passphrase. Nothing of it is stored: it lives in this state until
 * the package is written.
 */
import { useEffect, useState } from 'react';
import { MIN_PASSPHRASE_LENGTH, newPackagePassphrase } from '../../../shared/package';
import type { RecordId, Stored } from '../../../shared/domain/records';
import type { IdentityFile } from '../../../shared/signoff/identity';
import { payloadOf, type VaultSession } from '../../data/vault-session';
import { listSigningIdentities } from '../signoff/identities';
import type { PackageSecret } from './package-file';

export interface PackageSecretForm {
  passphrase: string;
  /** The passphrase as generated while it is unedited: shown, and written with cheap scrypt. */
  generated: string | null;
  /** The vault's signing identities (null while loading). */
  identities: readonly Stored<IdentityFile>[] | null;
  identityId: RecordId | '';
  signingPassphrase: string;
  /** Everything needed is there: a long enough passphrase, and a signing one if signing. */
  ready: boolean;
  setPassphrase: (value: string) => void;
  generate: () => void;
  setIdentityId: (id: RecordId | '') => void;
  setSigningPassphrase: (value: string) => void;
  /** What `savePackageFile` needs. */
  secret: () => PackageSecret;
  /** After a package was written: both passphrases forgotten, the chosen identity kept. */
  reset: () => void;
}

export function usePackageSecret(session: VaultSession): PackageSecretForm {
  const [passphrase, setPassphraseValue] = useState('');
  const [generated, setGenerated] = useState<string | null>(null);
  const [identities, setIdentities] = useState<Stored<IdentityFile>[] | null>(null);
  const [identityId, setIdentityId] = useState<RecordId | ''>('');
  const [signingPassphrase, setSigningPassphrase] = useState('');
  useEffect(() => {
    let live = true;
    void listSigningIdentities(session).then((list) => {
      if (live) setIdentities(list);
    });
    return () => {
      live = false;
    };
  }, [session]);
  // 不簽署 until an identity is chosen: signing asks for that identity's own passphrase.
  const identity = identities?.find((i) => i.id === identityId);
  return {
    passphrase,
    generated: generated !== null && generated === passphrase ? generated : null,
    identities,
    identityId,
    signingPassphrase,
    ready:
      identities !== null &&
      passphrase.length >= MIN_PASSPHRASE_LENGTH &&
      (identity === undefined || signingPassphrase.length > 0),
    setPassphrase: (value) => {
      setPassphraseValue(value);
      setGenerated(null);
    },
    generate: () => {
      const fresh = newPackagePassphrase();
      setPassphraseValue(fresh);
      setGenerated(fresh);
    },
    setIdentityId,
    setSigningPassphrase,
    secret: () => ({
      passphrase,
      generated: generated !== null && generated === passphrase,
      signing: identity ? { identity: payloadOf(identity), passphrase: signingPassphrase } : null,
    }),
    reset: () => {
      setPassphraseValue('');
      setGenerated(null);
      setSigningPassphrase('');
    },
  };
}
