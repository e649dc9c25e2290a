/** `audit-workbench package-info FILE.awpkg [--signers team.json] [--passphrase P | --identity F]` */
import { parseArgs } from 'node:util';
import { EXIT_OK, EXIT_REFUSED, PASSPHRASE_ENV, UsageError, type CliIo } from '../io';
import { IDENTITY_HELP, IDENTITY_OPTIONS, withPackageKey } from '../package-key';
import { describePackage, openPackageFile } from './package-file';
import { signerReport, signersOption, trustedSignersOf } from './signers';

export const PACKAGE_INFO_HELP = `audit-workbench package-info FILE.awpkg [--signers team.json] [--passphrase P | --identity F]

Decrypts and verifies an engagement package (案件包) — every part's size and SHA-256 against
its manifest, every record against its table's rules, the activity trail's chain, the
author's signature when there is one — and prints what it is as JSON: kind (handout 分派 /
return 繳回), engagement, auditor, base, record counts per table, evidence files, trail
entries, parts, and "signer": who signed it (name, fingerprint, key id) and whether they are
a trusted signer ("trust": trusted / untrusted / retired / unsigned) of the package's own
trusted signers records (a hand-out carries the engagement's) or of --signers. Record
contents are not printed. Exit 1 when the package is refused, with the reason (wrong
passphrase, damaged, altered, bad-signature…); an untrusted signer is reported, not refused
(\`verify --signers\` refuses it).
  --signers FILE   the team's trusted signers file (as \`verify --signers\` reads it)
  --passphrase P   the package's passphrase (prefer ${PASSPHRASE_ENV})
${IDENTITY_HELP}`;

export async function packageInfoCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      signers: { type: 'string' },
      passphrase: { type: 'string' },
      ...IDENTITY_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help === true) {
    io.stdout(`${PACKAGE_INFO_HELP}\n`);
    return EXIT_OK;
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new UsageError('package-info needs one FILE.awpkg');
  const signers = await signersOption(io, file, values.signers);
  if (signers === 'refused') return EXIT_REFUSED;
  const opened = await withPackageKey(io, values, (key) => openPackageFile(io, file, key));
  if (!opened.ok) {
    io.stdout(
      `${JSON.stringify({ file, verified: false, refused: { code: opened.code, reason: opened.reason, ...opened.where } })}\n`,
    );
    io.stderr(`${file}: refused (${opened.code}): ${opened.reason}\n`);
    return EXIT_REFUSED;
  }
  const own = trustedSignersOf(opened.pkg);
  const signer = signerReport(
    opened.pkg,
    signers ?? own,
    values.signers ?? `the package's own trusted signers (${own.length})`,
  );
  io.stdout(`${JSON.stringify({ ...describePackage(file, opened.pkg), signer }, null, 2)}\n`);
  return EXIT_OK;
}
