import { useTranslation } from 'react-i18next';
import type { PackageSignerInfo, SignerTrust } from '../../../shared/package';
import { signerLine } from './package-signer';

/** A merge row's 簽章者 cell: trust against the engagement's trusted signers, then who signed. */
export function PackageSignerCell({
  signer,
  trust,
}: {
  signer: PackageSignerInfo | null;
  /** Missing only for a package the merge did not check: a signed one is then not trusted. */
  trust: SignerTrust | undefined;
}) {
  const { t } = useTranslation();
  const unchecked: SignerTrust = signer
    ? { status: 'untrusted', detail: '' }
    : { status: 'unsigned' };
  const line = signerLine(signer, trust ?? unchecked, t);
  return (
    <td data-testid="package-signer" data-trust={line.status}>
      <span className={line.status === 'trusted' ? 'ok' : 'warning'}>{line.label}</span>
      {line.who !== null && <div className="small mono">{line.who}</div>}
    </td>
  );
}
