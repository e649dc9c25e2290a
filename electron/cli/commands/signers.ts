/**
 * Whose keys count, for the package and workpaper commands: the team file `--signers` reads,
 * the trusted signers a package carries, and one report of a package's author signature.
 */
import type { ReadPackage, SignerTrust } from '../../../shared/package';
import { signerTrust } from '../../../shared/package';
import { RecipientStatementError, verifiedRecipients } from '../../../shared/signoff/age-key';
import {
  trustedSignerSchema,
  trustedSignersFileSchema,
  type TrustedSigner,
} from '../../../shared/signoff/records';
import { errorMessage, type CliIo } from '../io';
import { Refused } from './inspect';

/** The `--signers team.json` file (`{"format":"aw-trusted-signers",…}`), or a clear refusal. */
export async function readSigners(io: CliIo, file: string): Promise<TrustedSigner[]> {
  let text: string;
  try {
    text = new TextDecoder().decode(await io.readFile(file));
  } catch (error) {
    throw new Refused(`${file}: cannot read the signers file: ${errorMessage(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    throw new Refused(`${file}: the signers file is not JSON`);
  }
  const parsed = trustedSignersFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Refused(
      `${file}: not a trusted signers file (${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'})`,
    );
  }
  try {
    // A recipient someone put beside a colleague's key is refused with the whole file.
    await verifiedRecipients(parsed.data.signers);
  } catch (error) {
    if (!(error instanceof RecipientStatementError)) throw error;
    throw new Refused(`${file}: ${error.message}`);
  }
  return parsed.data.signers;
}

/**
 * `--signers` for a command on `file`: the list, null without the option, or "refused" after
 * printing why (the command then exits with EXIT_REFUSED).
 */
export async function signersOption(
  io: CliIo,
  file: string,
  signersFile: string | undefined,
): Promise<TrustedSigner[] | null | 'refused'> {
  if (signersFile === undefined) return null;
  try {
    return await readSigners(io, signersFile);
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    io.stderr(`${file}: refused: ${error.message}\n`);
    return 'refused';
  }
}

/** The live `trustedSigners` records a package holds (a hand-out: the engagement's). */
export function trustedSignersOf(pkg: Pick<ReadPackage, 'records'>): TrustedSigner[] {
  const out: TrustedSigner[] = [];
  for (const record of pkg.records) {
    if (record.table !== 'trustedSigners' || record.deleted) continue;
    const parsed = trustedSignerSchema.safeParse(record.data);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export interface SignerReport {
  signed: boolean;
  name: string | null;
  fingerprint: string | null;
  keyId: string | null;
  trust: SignerTrust['status'];
  /** Which list was asked: a file, or the trusted signers of a package. */
  against: string;
  trustedAs: { name: string; role: string | null; personId: string } | null;
  detail: string | null;
  /** The author the manifest names, when the signer's signed name is another. */
  otherAuthor: string | null;
}

/** The author signature of a package, and whether `signers` trusts its key. */
export function signerReport(
  pkg: Pick<ReadPackage, 'signer' | 'createdAt' | 'author'>,
  signers: readonly TrustedSigner[],
  against: string,
): SignerReport {
  const trust = signerTrust(pkg.signer, signers, pkg.createdAt);
  return {
    signed: pkg.signer !== null,
    name: pkg.signer?.name ?? null,
    fingerprint: pkg.signer?.fingerprint ?? null,
    keyId: pkg.signer?.keyId ?? null,
    trust: trust.status,
    against,
    trustedAs:
      trust.status === 'trusted'
        ? { name: trust.signer.name, role: trust.signer.role, personId: trust.signer.personId }
        : null,
    detail: 'detail' in trust ? trust.detail : null,
    otherAuthor: pkg.signer !== null && pkg.signer.name !== pkg.author ? pkg.author : null,
  };
}

/** One line for a person: who signed, and whether the list trusts them. */
export function signerLine(report: SignerReport): string {
  if (!report.signed) return 'unsigned (no author signature)';
  const other =
    report.otherAuthor === null
      ? ''
      : `, not by the author the manifest names (${report.otherAuthor})`;
  const who = `signed by ${report.name ?? '?'} (${report.fingerprint ?? '?'}, key ${report.keyId ?? '?'})${other}`;
  const as = report.trustedAs;
  if (as !== null)
    return `${who} — trusted: ${as.name}${as.role === null ? '' : ` (${as.role})`} in ${report.against}`;
  const why =
    report.trust === 'retired' ? (report.detail ?? 'retired') : `not in ${report.against}`;
  return `${who} — NOT TRUSTED: ${why}`;
}
