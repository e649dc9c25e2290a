/**
 * Saving a package to a file, for both directions (分派 hand-out and 繳回 return): one place
 * for the file's name, its `.awpkg` filter, and the rule that a package is recorded as handed
 * out or returned only once the file was actually saved. A cancelled save dialog or a failed
 * save records nothing, so the vault never claims a package nobody has.
 */
import { workFactorFor, type PackageLock } from '../../../shared/package';
import { verifiedRecipients } from '../../../shared/signoff/age-key';
import { signWithIdentity, type IdentityFile } from '../../../shared/signoff/identity';
import type { TrustedSigner } from '../../../shared/signoff/records';
import type { Platform } from '../../platform/platform';
import { TeamError } from './handout';
import { type PackageCodec, type PackageContents, packageCodec } from './package-contents';

/** What the package form gives: the package passphrase or recipients, and whose signature. */
export interface PackageSecret {
  passphrase: string;
  /**
   * Encrypt to these trusted signers' age recipients instead of the passphrase (each
   * statement is verified first); absent: the passphrase protects the package.
   */
  recipients?: readonly TrustedSigner[];
  /** The passphrase is the one `newPackagePassphrase` gave, unedited: scrypt can be cheap. */
  generated: boolean;
  /** Sign as this identity, opened with its signing passphrase; null: unsigned. */
  signing: { identity: IdentityFile; passphrase: string } | null;
}

/** A package built but not yet recorded: `record` writes its bookkeeping and trail entry. */
export interface PreparedPackage<C extends PackageContents = PackageContents> {
  contents: C;
  record(): Promise<void>;
}

/** Characters no file system takes in a name become `_` (the auditor's name is free text). */
const safe = (name: string) => name.replace(/[\\/:*?"<>|]/g, '_');

/** `林甲.awpkg` for a hand-out, `林甲-return.awpkg` for a return. */
export function packageFileName(contents: PackageContents, extension: string): string {
  const suffix = contents.meta.kind === 'return' ? '-return' : '';
  return `${safe(contents.meta.auditor.trim())}${suffix}.${extension}`;
}

/**
 * Signs and encrypts the package, asks the host to save it, and records it only if it was
 * saved. A wrong signing passphrase rejects (`SigningPassphraseError`) before anything is
 * saved; `{ saved: false }` (nothing recorded) when the user cancels; a failed save rejects
 * before anything is recorded.
 */
export async function savePackageFile(
  platform: Platform,
  prepared: PreparedPackage,
  secret: PackageSecret,
  codec: PackageCodec = packageCodec,
): Promise<{ saved: boolean }> {
  const { signing } = secret;
  const lock = await lockOf(secret);
  const logN = typeof lock === 'string' ? workFactorFor(lock, secret.generated) : undefined;
  const options = logN === undefined ? {} : { logN };
  // The private key is open only inside signWithIdentity, while the package is written.
  const data = signing
    ? await signWithIdentity(signing.identity, signing.passphrase, (signer) =>
        codec.write(prepared.contents, lock, { ...options, signer }),
      )
    : await codec.write(prepared.contents, lock, options);
  const { saved } = await platform.saveFile({
    suggestedName: packageFileName(prepared.contents, codec.extension),
    data,
    filters: [{ name: '工作包 / Engagement package', extensions: [codec.extension] }],
  });
  if (!saved) return { saved: false };
  try {
    await prepared.record();
  } catch (error) {
    // The file exists but the vault does not know it: say so, so it is not handed on.
    throw new TeamError('saved-not-recorded', {
      'zh-TW': `工作包檔案已儲存，但未能記錄於案件庫（${describe(error)}）；請勿使用該檔案，重新寫出一次`,
      en: `The package file was saved but could not be recorded in the vault (${describe(error)}); do not use that file, write it again`,
    });
  }
  return { saved: true };
}

/** The passphrase, or the recipients' verified age keys; refused when none has one. */
async function lockOf(secret: PackageSecret): Promise<PackageLock> {
  if (secret.recipients === undefined) return secret.passphrase;
  const recipients = await verifiedRecipients(secret.recipients);
  if (recipients.length === 0) {
    throw new TeamError('no-recipients', {
      'zh-TW': '所選的收件者都沒有加密收件金鑰；請匯入其簽章收件卡，或改用工作包密碼',
      en: 'None of the recipients chosen has an encryption key; import their signer cards, or use a package passphrase',
    });
  }
  return { recipients };
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
