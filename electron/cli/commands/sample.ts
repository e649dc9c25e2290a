/** `audit-workbench sample --out FILE.xlsx [--lang zh-TW|en] [--password P]` */
import { parseArgs } from 'node:util';
import type { DisplayLanguage } from '../../../shared/domain/dates';
import { toIsoInstant } from '../../../shared/domain/dates';
import { demoEngagement } from '../../../shared/sample/demo-engagement';
import { buildInspectionWorkbook, encryptOoxml, writeWorkbook } from '../../../shared/workpapers';
import {
  EXIT_OK,
  EXIT_REFUSED,
  PASSWORD_ENV,
  UsageError,
  errorMessage,
  givenPassword,
  type CliIo,
} from '../io';

export const SAMPLE_HELP = `audit-workbench sample --out FILE.xlsx [--lang zh-TW|en] [--password P]

Writes the workpaper of the built-in sample engagement (示範案件). Personal data is masked.
  --out FILE       where to write the .xlsx (required)
  --lang LANG      zh-TW (default, ROC dates) or en (ISO dates)
  --password P     protect the whole file with password P (ECMA-376 agile encryption,
                   AES-256, as Excel does): Excel and LibreOffice ask for it to open the file.
                   Others can see a command line (ps, shell history): prefer setting
                   ${PASSWORD_ENV}, used when --password is not given.`;

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
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help === true) {
    io.stdout(`${SAMPLE_HELP}\n`);
    return EXIT_OK;
  }
  if (values.out === undefined || values.out === '')
    throw new UsageError('sample needs --out FILE.xlsx');
  const lang = parseLang(values.lang);
  // Never printed or logged; only turned into keys by encryptOoxml.
  const password = givenPassword(values.password, io);

  const now = io.now?.() ?? new Date();
  const demo = await demoEngagement(now);
  const built = await buildInspectionWorkbook(
    { ...demo, appVersion, generatedAt: toIsoInstant(now) },
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
  } catch (error) {
    io.stderr(`cannot write ${values.out}: ${errorMessage(error)}\n`);
    return EXIT_REFUSED;
  }
  io.stdout(
    `${JSON.stringify({ file: values.out, passwordProtected: password !== undefined, inspection: { id: demo.inspection.id, title: demo.inspection.title }, contentHash: built.contentHash })}\n`,
  );
  return EXIT_OK;
}
