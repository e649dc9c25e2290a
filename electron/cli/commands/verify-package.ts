/** `audit-workbench verify FILE.awpkg [--signers team.json] [--export DIR] [--json] [--passphrase P]` */
import { openCheckedZip } from '../../../shared/import/checked-zip';
import type { PackageKey, ReadPackage } from '../../../shared/package';
import { decryptPackage } from '../../../shared/package/age';
import {
  MANIFEST_PART,
  PACKAGE_LIMITS,
  SIGNATURE_PART,
  SIGNER_KEY_PART,
} from '../../../shared/package/format';
import { signoffSchema, unlockSchema, type TrustedSigner } from '../../../shared/signoff/records';
import { checkSignoff, checkUnlock } from '../../../shared/signoff/signing';
import { EXIT_OK, EXIT_REFUSED, type CliIo } from '../io';
import { withPackageKey, type PackageKeyArgs } from '../package-key';
import { openPackageFile } from './package-file';
import {
  signerLine,
  signersOption,
  signerReport,
  trustedSignersOf,
  type SignerReport,
} from './signers';

export interface VerifyPackageArgs extends PackageKeyArgs {
  signers?: string | undefined;
  json?: boolean | undefined;
  export?: string | undefined;
}

const SIGNED_PARTS = [MANIFEST_PART, SIGNATURE_PART, SIGNER_KEY_PART] as const;

/**
 * Writes what the stock minisign checks: manifest.json, signature.minisig and signer.pub as
 * stored in the (already verified) package. They hold counts and digests, no records.
 */
async function exportSignature(io: CliIo, dir: string, file: string, key: PackageKey) {
  const plain = await decryptPackage(await io.readFile(file), key);
  const zip = openCheckedZip(plain, {
    maxUnpackedBytes: PACKAGE_LIMITS.maxUnpackedBytes,
    maxEntries: PACKAGE_LIMITS.maxParts,
  });
  await io.mkdir?.(dir);
  for (const name of SIGNED_PARTS) {
    const entry = zip.entry(name);
    if (entry !== undefined) await io.writeFile(`${dir}/${name}`, zip.read(entry));
  }
  return `wrote ${SIGNED_PARTS.join(', ')} to ${dir}: minisign -Vm ${dir}/manifest.json -x ${dir}/signature.minisig -p ${dir}/signer.pub`;
}

/** The sign-off and unlock records a package carries, each checked on its own. */
async function recordProblems(
  pkg: ReadPackage,
  signers: readonly TrustedSigner[] | null,
): Promise<{ checked: number; problems: string[] }> {
  const problems: string[] = [];
  let checked = 0;
  for (const record of pkg.records) {
    if (record.deleted) continue;
    if (record.table === 'signoffs') {
      checked++;
      const signoff = signoffSchema.parse(record.data);
      const check = await checkSignoff(signoff, signers);
      if (!check.ok) {
        problems.push(
          `sign-off ${record.id} (level ${signoff.level} by ${signoff.signer.name}): ${check.problem} — ${check.detail}`,
        );
      }
    } else if (record.table === 'unlocks') {
      checked++;
      const check = await checkUnlock(unlockSchema.parse(record.data));
      if (!check.ok) problems.push(`unlock ${record.id}: ${check.problem} — ${check.detail}`);
    }
  }
  return { checked, problems };
}

interface Result {
  pkg: ReadPackage;
  author: SignerReport;
  checked: number;
  problems: string[];
  notes: string[];
}

function jsonReport(file: string, r: Result): string {
  const { pkg } = r;
  const report = {
    file,
    verified: r.problems.length === 0,
    kind: pkg.kind,
    packageId: pkg.packageId,
    packageHash: pkg.packageHash,
    engagementId: pkg.engagementId,
    author: r.author,
    signaturesChecked: r.checked,
    problems: r.problems,
    notes: r.notes,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function textReport(file: string, r: Result, signers: readonly TrustedSigner[] | null): string {
  const { pkg, author, problems } = r;
  const lines = [
    `${file}: ${pkg.kind} package ${pkg.packageId} of engagement ${pkg.engagementId} (${pkg.kind === 'handout' ? 'for' : 'from'} ${pkg.auditor}, written by ${pkg.author} at ${pkg.createdAt})`,
    `  package hash ${pkg.packageHash}: every part, record and the trail verified`,
    `  author signature: ${author.signed ? '✓ valid, ' : ''}${signerLine(author)}`,
    `  sign-offs and unlocks inside: ${r.checked} checked`,
  ];
  if (signers === null) lines.push('No --signers given: the author is not required to be trusted.');
  lines.push(...r.notes.map((n) => `note: ${n}`));
  lines.push(
    problems.length === 0
      ? 'OK: the package verified.'
      : `FAILED: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * Opens and checks a package (every part, record and the trail, as `package-info` does), its
 * author signature, and the sign-offs inside; with `--signers`, the author and every signer
 * must be in the list. Without it, the author is reported against the package's own trusted
 * signers (a hand-out carries the engagement's) but that does not fail the check.
 */
export async function verifyPackageFile(
  file: string,
  args: VerifyPackageArgs,
  io: CliIo,
): Promise<number> {
  const signers = await signersOption(io, file, args.signers);
  if (signers === 'refused') return EXIT_REFUSED;
  return withPackageKey(io, args, (key) => verifyOpened(file, args, io, signers, key));
}

async function verifyOpened(
  file: string,
  args: VerifyPackageArgs,
  io: CliIo,
  signers: TrustedSigner[] | null,
  key: PackageKey,
): Promise<number> {
  const opened = await openPackageFile(io, file, key);
  if (!opened.ok) {
    const where = Object.values(opened.where).join(', ');
    const reason = `refused (${opened.code}): ${opened.reason}${where === '' ? '' : ` [${where}]`}`;
    if (args.json === true) {
      io.stdout(`${JSON.stringify({ file, verified: false, problems: [reason] }, null, 2)}\n`);
    }
    io.stderr(`${file}: FAILED: ${reason}\n`);
    return EXIT_REFUSED;
  }
  const pkg = opened.pkg;
  const own = trustedSignersOf(pkg);
  const author = signerReport(
    pkg,
    signers ?? own,
    args.signers ?? `the package's own trusted signers (${own.length})`,
  );
  const problems: string[] = [];
  if (signers !== null && author.trust === 'unsigned') {
    problems.push('the package is unsigned: --signers asks for an author signature by one of them');
  } else if (signers !== null && author.trust !== 'trusted') {
    problems.push(`author: ${signerLine(author)}`);
  }
  const records = await recordProblems(pkg, signers);
  problems.push(...records.problems);
  const notes: string[] = [];
  if (args.export !== undefined) {
    notes.push(
      pkg.signer === null
        ? 'nothing exported: the package is unsigned'
        : await exportSignature(io, args.export, file, key),
    );
  }
  const result = { pkg, author, checked: records.checked, problems, notes };
  io.stdout(args.json === true ? jsonReport(file, result) : textReport(file, result, signers));
  return problems.length === 0 ? EXIT_OK : EXIT_REFUSED;
}
