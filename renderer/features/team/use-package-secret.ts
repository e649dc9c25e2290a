/**
 * The state of the package form (`PackageSecretFields`), shared by 發出工作包 and 繳回: how the
 * package is locked (a package passphrase, typed or generated and not edited since, or the
 * trusted signers it is encrypted to) and whose signing identity signs, with its signing
 * passphrase. Nothing of it is stored: it lives in this state until the package is written.
 */
import { useEffect, useState } from 'react';
import { MIN_PASSPHRASE_LENGTH, newPackagePassphrase } from '../../../shared/package';
import type { RecordId, Stored } from '../../../shared/domain/records';
import type { IdentityFile } from '../../../shared/signoff/identity';
import type { TrustedSigner } from '../../../shared/signoff/records';
import { payloadOf, type VaultSession } from '../../data/vault-session';
import { listSigningIdentities } from '../signoff/identities';
import type { PackageSecret } from './package-file';

export type LockMode = 'passphrase' | 'recipients';

export interface PackageSecretForm {
  mode: LockMode;
  setMode: (mode: LockMode) => void;
  /** Trusted signers packages can be encrypted to: live, not retired, with a recipient. */
  candidates: readonly Stored<TrustedSigner>[] | null;
  /** Who it is encrypted to, the signer's own entry included (so they can open it again). */
  recipients: readonly Stored<TrustedSigner>[];
  /** The entry of the signing identity, always a recipient while it signs; null if none. */
  ownRecipient: Stored<TrustedSigner> | null;
  toggleRecipient: (id: RecordId) => void;
  passphrase: string;
  /** The passphrase as generated while it is unedited: shown, and written with cheap scrypt. */
  generated: string | null;
  /** The vault's signing identities (null while loading). */
  identities: readonly Stored<IdentityFile>[] | null;
  identityId: RecordId | '';
  signingPassphrase: string;
  /** Everything needed is there: the lock (passphrase or recipients), and a signing passphrase if signing. */
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

/** The recipients: those chosen, and the signer's own entry when it has a recipient. */
export function recipientsFor(
  candidates: readonly Stored<TrustedSigner>[],
  chosen: readonly RecordId[],
  signingFingerprint: string | null,
): Stored<TrustedSigner>[] {
  return candidates.filter((c) => chosen.includes(c.id) || c.fingerprint === signingFingerprint);
}

const canReceive = (s: Stored<TrustedSigner>) =>
  !s.deleted && s.retiredAt === null && s.recipient !== undefined;

export function usePackageSecret(session: VaultSession): PackageSecretForm {
  const [mode, setMode] = useState<LockMode>('passphrase');
  const [candidates, setCandidates] = useState<Stored<TrustedSigner>[] | null>(null);
  const [chosen, setChosen] = useState<RecordId[]>([]);
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
    void session.list('trustedSigners').then((list) => {
      if (live) setCandidates(list.filter(canReceive));
    });
    return () => {
      live = false;
    };
  }, [session]);
  // 不簽署 until an identity is chosen: signing asks for that identity's own passphrase.
  const identity = identities?.find((i) => i.id === identityId);
  const recipients = recipientsFor(candidates ?? [], chosen, identity?.fingerprint ?? null);
  const locked =
    mode === 'passphrase' ? passphrase.length >= MIN_PASSPHRASE_LENGTH : recipients.length > 0;
  return {
    mode,
    setMode,
    candidates,
    recipients,
    ownRecipient: recipients.find((r) => r.fingerprint === identity?.fingerprint) ?? null,
    toggleRecipient: (id) =>
      setChosen((list) => (list.includes(id) ? list.filter((c) => c !== id) : [...list, id])),
    passphrase,
    generated: generated !== null && generated === passphrase ? generated : null,
    identities,
    identityId,
    signingPassphrase,
    ready:
      identities !== null && locked && (identity === undefined || signingPassphrase.length > 0),
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
      ...(mode === 'recipients' ? { recipients: recipients.map(payloadOf) } : {}),
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
