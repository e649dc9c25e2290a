/**
 * How the merge screen names a package's signer: the trust first (受信任 / 非受信任簽章者 /
 * 未簽署), then who signed as the signature says (the claimed name and the key's fingerprint,
 * which is what identifies them). A trusted key is named as the lead's vault names it.
 */
import type { TFunction } from 'i18next';
import type { PackageSignerInfo, SignerTrust } from '../../../shared/package';

export interface SignerLine {
  status: SignerTrust['status'];
  /** The trust, in the interface language. */
  label: string;
  /** `name · fingerprint` as signed, or null when unsigned. */
  who: string | null;
}

export function signerLine(
  signer: PackageSignerInfo | null,
  trust: SignerTrust,
  t: TFunction,
): SignerLine {
  const who = signer === null ? null : `${signer.name} · ${signer.fingerprint}`;
  switch (trust.status) {
    case 'trusted':
      return {
        status: 'trusted',
        label: t('packageSigner.trusted', { name: trust.signer.name }),
        who,
      };
    case 'retired':
      return { status: 'retired', label: t('packageSigner.retired'), who };
    case 'untrusted':
      return { status: 'untrusted', label: t('packageSigner.untrusted'), who };
    case 'unsigned':
      return { status: 'unsigned', label: t('packageSigner.unsigned'), who: null };
  }
}
