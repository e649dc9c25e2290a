/** `audit-workbench package-info FILE.awpkg [--passphrase P]` */
import { parseArgs } from 'node:util';
import {
  EXIT_OK,
  EXIT_REFUSED,
  PASSPHRASE_ENV,
  UsageError,
  givenPassphrase,
  type CliIo,
} from '../io';
import { describePackage, openPackageFile } from './package-file';

export const PACKAGE_INFO_HELP = `audit-workbench package-info FILE.awpkg [--passphrase P]

Decrypts and verifies an engagement package (案件包) — every part's size and SHA-256 against
its manifest, every record against its table's rules, the activity trail's chain — and prints
what it is as JSON: kind (handout 分派 / return 繳回), engagement, auditor, base, record
counts per table, evidence files, trail entries, parts. Record contents are not printed.
Exit 1 when the package is refused, with the reason (wrong passphrase, damaged, altered…).
  --passphrase P   the package's passphrase (prefer ${PASSPHRASE_ENV})`;

export async function packageInfoCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { passphrase: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
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
  const opened = await openPackageFile(io, file, givenPassphrase(values.passphrase, io));
  if (!opened.ok) {
    io.stdout(
      `${JSON.stringify({ file, verified: false, refused: { code: opened.code, reason: opened.reason, ...opened.where } })}\n`,
    );
    io.stderr(`${file}: refused (${opened.code}): ${opened.reason}\n`);
    return EXIT_REFUSED;
  }
  io.stdout(`${JSON.stringify(describePackage(file, opened.pkg), null, 2)}\n`);
  return EXIT_OK;
}
