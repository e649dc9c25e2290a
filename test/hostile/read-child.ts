/**
 * Runs one file through one of the app's real readers, in a process of its own started with a
 * heap limit by `hostile.test.ts` (bundled first, so it starts fast), and prints one JSON line:
 * what the reader said, how long it took and the process's peak RSS.
 *
 *   node --max-old-space-size=256 read-child.mjs register-import|workpaper-import FILE [PASSWORD]
 *
 * The readers are the worker jobs' own functions, as the import wizard and the workpaper
 * import run them in a Web Worker: `analyseFile` (→ `readTable`) and `runImportWorkpaperJob`
 * (→ `decryptOoxml`, `readWorkpaperEdits`). The command line is run as its shipped bundle.
 */
import { readFileSync } from 'node:fs';
import { ROSTER_FIELDS } from '../../shared/import';
import { analyseFile } from '../../renderer/features/import/import-job';
import { runImportWorkpaperJob } from '../../renderer/features/inspection/import-workpaper-job';

export interface ChildReport {
  outcome: 'refused' | 'accepted';
  code: string | null;
  en: string | null;
  zh: string | null;
  ms: number;
  peakRssMiB: number;
}

interface Bilingual {
  'zh-TW': string;
  en: string;
}

function refusedBy(error: unknown): Omit<ChildReport, 'ms' | 'peakRssMiB'> {
  const { code, text } = error as { code?: unknown; text?: Bilingual };
  if (typeof code !== 'string' || text === undefined) throw error;
  return { outcome: 'refused', code, en: text.en, zh: text['zh-TW'] };
}

async function read(
  reader: string,
  bytes: Uint8Array<ArrayBuffer>,
  password: string | null,
): Promise<Omit<ChildReport, 'ms' | 'peakRssMiB'>> {
  const accepted = { outcome: 'accepted', code: null, en: null, zh: null } as const;
  try {
    if (reader === 'register-import') {
      await analyseFile({
        kind: 'analyse',
        bytes,
        options: {},
        fields: ROSTER_FIELDS,
        preset: null,
      });
      return accepted;
    }
    if (reader === 'workpaper-import') {
      const state = { inspection: { id: 'hostile' }, items: [], itemResults: [], findings: [] };
      const { value } = await runImportWorkpaperJob(
        { bytes, password, state },
        { progress: () => undefined },
      );
      if (value.ok) return accepted;
      if ('needsPassword' in value) {
        return { outcome: 'refused', code: 'needs-password', en: null, zh: null };
      }
      const { kind, message } = value.refusal;
      return { outcome: 'refused', code: kind, en: message.en, zh: message['zh-TW'] };
    }
  } catch (error) {
    return refusedBy(error);
  }
  throw new Error(`unknown reader ${reader}`);
}

const [reader = '', file = '', password] = process.argv.slice(2);
const bytes = Uint8Array.from(readFileSync(file));
const started = performance.now();
const result = await read(reader, bytes, password ?? null);
const report: ChildReport = {
  ...result,
  ms: Math.round(performance.now() - started),
  // maxRSS is in KiB.
  peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
};
process.stdout.write(`${JSON.stringify(report)}\n`);
