/**
 * `audit-workbench`: a Node command line for the workpapers, without Electron.
 *   sample --out FILE.xlsx [--lang zh-TW|en] [--password P]
 *   inspect FILE.xlsx [--password P]
 *   verify FILE.xlsx [--signers team.json] [--export DIR] [--json] [--password P]
 *   verify FILE.awpkg [--signers team.json] [--export DIR] [--json] [--passphrase P]
 *   package-info FILE.awpkg [--signers team.json] [--passphrase P]
 *   merge --base lead.awpkg --out merged.awpkg [--report R] [--decisions D] RETURN.awpkg…
 *   identity --new F --name N | --age-recipient F [--add-to team.json] | --age-secret-key F --out K
 * Every command that opens a package takes --identity F instead of the passphrase.
 * `run(argv, io)` is what the tests call; the bundle runs it on `process.argv`.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { IDENTITY_COMMAND_HELP, identityCommand } from './commands/identity';
import { INSPECT_HELP, inspectCommand } from './commands/inspect';
import { MERGE_HELP, mergeCommand } from './commands/merge';
import { PACKAGE_INFO_HELP, packageInfoCommand } from './commands/package-info';
import { SAMPLE_HELP, sampleCommand } from './commands/sample';
import { VERIFY_HELP, verifyCommand } from './commands/verify';
import {
  EXIT_OK,
  EXIT_REFUSED,
  EXIT_USAGE,
  PASSPHRASE_ENV_HELP,
  PASSWORD_ENV_HELP,
  UsageError,
  errorMessage,
  type CliIo,
} from './io';

export type { CliIo } from './io';

/** Set by the bundle (esbuild `define`); a plain run reports a development version. */
export const APP_VERSION = process.env.AW_APP_VERSION ?? '0.0.0-dev';

export const HELP = `audit-workbench — 稽核工作台 command line

Usage:
  audit-workbench sample --out FILE.xlsx [--lang zh-TW|en] [--password P] [--signed --keys DIR]
  audit-workbench inspect FILE.xlsx [--password P]
  audit-workbench verify FILE.xlsx [--signers team.json] [--export DIR] [--json] [--password P]
  audit-workbench verify FILE.awpkg [--signers team.json] [--export DIR] [--json]
                        [--passphrase P | --identity F]
  audit-workbench sample --package OUT.awpkg [--returns DIR] [--keys DIR]
                        [--passphrase P | --to team.json]
  audit-workbench package-info FILE.awpkg [--signers team.json] [--passphrase P | --identity F]
  audit-workbench merge --base lead.awpkg --out merged.awpkg [--report merge.json]
                        [--decisions decisions.json] [--passphrase P | --identity F] RETURN.awpkg…
  audit-workbench identity --new FILE --name NAME | --age-recipient FILE [--add-to team.json]
                        | --age-secret-key FILE --out KEYFILE
  audit-workbench --help | <command> --help

${SAMPLE_HELP}

${INSPECT_HELP}

${VERIFY_HELP}

${PACKAGE_INFO_HELP}

${MERGE_HELP}

${IDENTITY_COMMAND_HELP}

${PASSWORD_ENV_HELP}

${PASSPHRASE_ENV_HELP}

Exit codes: 0 done, 1 refused or failed (including a missing or wrong password, and a
workpaper whose sign-offs do not verify, a refused package or an invalid package signature,
a package whose signer is not in verify --signers, a merge with conflicts open),
2 usage error.`;

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(`${HELP}\n`);
        return command === undefined ? EXIT_USAGE : EXIT_OK;
      case 'sample':
        return await sampleCommand(rest, io, APP_VERSION);
      case 'inspect':
        return await inspectCommand(rest, io);
      case 'verify':
        return await verifyCommand(rest, io);
      case 'package-info':
        return await packageInfoCommand(rest, io);
      case 'merge':
        return await mergeCommand(rest, io, APP_VERSION);
      case 'identity':
        return await identityCommand(rest, io);
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (error) {
    // parseArgs throws TypeErrors with codes such as ERR_PARSE_ARGS_UNKNOWN_OPTION.
    const usage =
      error instanceof UsageError ||
      (error instanceof TypeError &&
        String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS'));
    if (usage) {
      io.stderr(`audit-workbench: ${errorMessage(error)} (see --help)\n`);
      return EXIT_USAGE;
    }
    io.stderr(`audit-workbench: ${errorMessage(error)}\n`);
    return EXIT_REFUSED;
  }
}

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  writeFile: (path, bytes) => writeFile(path, bytes),
  writeSecretFile: (path, bytes) => writeFile(path, bytes, { mode: 0o600, flag: 'wx' }),
  readFile: async (path) => new Uint8Array(await readFile(path)),
  mkdir: async (path) => {
    await mkdir(path, { recursive: true });
  },
  fileSize: async (path) => (await stat(path)).size,
  env: process.env,
};

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = await run(process.argv.slice(2), nodeIo);
}
