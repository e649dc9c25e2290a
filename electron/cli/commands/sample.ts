/** `audit-workbench sample --out FILE.xlsx [--lang zh-TW|en] [--password P] [--signed --keys DIR]` */
import { parseArgs } from 'node:util';
import type { DisplayLanguage } from '../../../shared/domain/dates';
import { toIsoInstant } from '../../../shared/domain/dates';
import { utf8 } from '../../../shared/crypto/bytes';
import { demoEngagement } from '../../../shared/sample/demo-engagement';
import { demoSignoff, type DemoSignoff } from '../../../shared/sample/demo-signoff';
import { trustedSignersFileText } from '../../../shared/signoff/team-file';
import { buildInspectionWorkbook, encryptOoxml, writeWorkbook } from '../../../shared/workpapers';
import {
  EXIT_OK,
  EXIT_REFUSED,
  PASSPHRASE_ENV,
  PASSWORD_ENV,
  UsageError,
  errorMessage,
  givenPassword,
  type CliIo,
} from '../io';
import { samplePackages } from './sample-package';

export const SAMPLE_HELP = `audit-workbench sample --out FILE.xlsx [--lang zh-TW|en] [--password P] [--signed --keys DIR]
audit-workbench sample --package OUT.awpkg [--returns DIR] [--keys DIR] [--passphrase P | --to team.json]

Writes the workpaper of the built-in sample engagement (示範案件). Personal data is masked.
  --out FILE       where to write the .xlsx (required)
  --lang LANG      zh-TW (default, ROC dates) or en (ISO dates)
  --password P     protect the whole file with password P (ECMA-376 agile encryption,
                   AES-256, as Excel does): Excel and LibreOffice ask for it to open the file.
                   Others can see a command line (ps, shell history): prefer setting
                   ${PASSWORD_ENV}, used when --password is not given.
  --signed         sign the sample's twenty worked checklist items (the workpaper lists only
                   them: an item with no result cannot be signed) and the inspection at every
                   level (編製, 覆核, 核定) with three demo identities made for this run (demo
                   keys: trust them for nothing else); needs --keys
  --keys DIR       with --signed: write the demo signers' minisign public keys
                   (DIR/L<level>-<role>.pub) and DIR/team.json, the trusted signers file for
                   \`verify --signers\`; with --package/--returns: the package signers' keys
                   (DIR/lead.pub, DIR/auditor-<n>.pub), their identity files
                   (DIR/lead.identity.json, DIR/auditor-<n>.identity.json; signing
                   passphrases "demo lead passphrase", "demo auditor <n> passphrase") and
                   DIR/team.json, with their age recipients
  --package FILE   instead of the workpaper: write the sample engagement as a hand-out
                   package (分派案件包, .awpkg), encrypted with --passphrase or ${PASSPHRASE_ENV},
                   signed by the lead's demo identity (張雅婷, made for this run) and carrying
                   the lead and both auditors as the engagement's trusted signers
  --returns DIR    also write two auditors' return packages of it (DIR/return-1.awpkg,
                   DIR/return-2.awpkg; the hand-out to DIR/handout.awpkg unless --package):
                   overlapping work to try \`merge\` on (two conflicts: the same field of one
                   item answered differently, and a finding deleted by one and edited by the
                   other), an evidence file each; each return signed by its auditor's demo
                   identity (林志明, 陳怡君)
  --to TEAM        with --package/--returns, instead of a passphrase: encrypt the packages
                   to the age recipients of the team file's trusted signers (not retired),
                   each checked against its signing key; open them with --identity`;

/** The demo signers' public keys and the team file `verify --signers` reads. */
async function writeKeys(io: CliIo, dir: string, signed: DemoSignoff): Promise<void> {
  await io.mkdir?.(dir);
  for (const [i, signer] of signed.signers.entries()) {
    await io.writeFile(`${dir}/L${i + 1}-${signer.roleKey}.pub`, utf8(signer.publicKeyFile));
  }
  await io.writeFile(`${dir}/team.json`, utf8(trustedSignersFileText(signed.trusted)));
}

export function parseLang(value: string | undefined): DisplayLanguage {
  if (value === undefined || value === 'zh-TW') return 'zh-TW';
  if (value === 'en') return 'en';
  throw new UsageError(`--lang must be zh-TW or en, not ${value}`);
}

export async function sampleCommand(
  args: readonly string[],
  io: CliIo,
  appVersion: string,
): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      out: { type: 'string', short: 'o' },
      lang: { type: 'string' },
      password: { type: 'string' },
      signed: { type: 'boolean' },
      keys: { type: 'string' },
      package: { type: 'string' },
      returns: { type: 'string' },
      passphrase: { type: 'string' },
      to: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help === true) {
    io.stdout(`${SAMPLE_HELP}\n`);
    return EXIT_OK;
  }
  if (values.package !== undefined || values.returns !== undefined) {
    if (values.out !== undefined || values.signed === true) {
      throw new UsageError(
        'sample --package/--returns writes packages; --out and --signed are for the workpaper',
      );
    }
    return samplePackages(values, io, appVersion);
  }
  if (values.passphrase !== undefined || values.to !== undefined)
    throw new UsageError('--passphrase and --to go with --package or --returns');
  if (values.out === undefined || values.out === '')
    throw new UsageError('sample needs --out FILE.xlsx (or --package FILE.awpkg, --returns DIR)');
  const lang = parseLang(values.lang);
  if (values.signed === true && (values.keys === undefined || values.keys === '')) {
    throw new UsageError("sample --signed needs --keys DIR for the signers' public keys");
  }
  if (values.signed !== true && values.keys !== undefined) {
    throw new UsageError('--keys goes with --signed, --package or --returns');
  }
  // Never printed or logged; only turned into keys by encryptOoxml.
  const password = givenPassword(values.password, io);

  const now = io.now?.() ?? new Date();
  const demo = await demoEngagement(now);
  const signed =
    values.signed === true
      ? await demoSignoff(demo, now, io.kdf === undefined ? {} : { kdf: io.kdf })
      : null;
  const built = await buildInspectionWorkbook(
    {
      ...(signed?.demo ?? demo),
      ...(signed === null
        ? {}
        : {
            signoff: {
              policy: signed.policy,
              signoffs: signed.signoffs,
              unlocks: [],
              signers: signed.trusted,
            },
          }),
      appVersion,
      generatedAt: toIsoInstant(now),
    },
    { lang, calendar: lang === 'zh-TW' ? 'roc' : 'iso', includePersonalData: false },
  );
  const workbook = await writeWorkbook(built.spec);
  const bytes =
    password === undefined
      ? workbook
      : await encryptOoxml(
          workbook,
          password.password,
          io.spinCount === undefined ? {} : { spinCount: io.spinCount },
        );
  try {
    await io.writeFile(values.out, bytes);
    if (signed !== null && values.keys !== undefined) await writeKeys(io, values.keys, signed);
  } catch (error) {
    io.stderr(`cannot write ${values.out}: ${errorMessage(error)}\n`);
    return EXIT_REFUSED;
  }
  io.stdout(
    `${JSON.stringify({ file: values.out, passwordProtected: password !== undefined, ...(signed === null ? {} : { signers: signed.signers.map((s, i) => ({ level: i + 1, name: s.identity.name, fingerprint: s.identity.fingerprint })), keys: values.keys }), inspection: { id: demo.inspection.id, title: demo.inspection.title }, contentHash: built.contentHash })}\n`,
  );
  return EXIT_OK;
}
