/**
 * Every file of the hostile corpus (`corpus.ts`) through every reader it concerns, each in a
 * child process with a heap limit: the reader must refuse it with the expected `ImportError`
 * (code, English and zh-TW words) and the process must neither run out of memory nor hang. A
 * table of file, reader, code, time and peak RSS is printed: figures, not assertions.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, type CorpusFile, type Reader } from './corpus';
import type { ChildReport } from './read-child';
import { PROBE_MARK } from './rss-probe';

/** Old-space limit of every child: a reader that inflates or pads for real dies under it. */
const HEAP_MIB = 256;
/** A hang guard, not a timing assertion: a refusal takes well under a second here. */
const KILL_AFTER_MS = 60_000;
const ROOT = resolve(import.meta.dirname, '../..');

let dir = '';
const table: { file: string; reader: Reader; code: string; ms: number; rss: number }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aw-hostile-'));
  const started = performance.now();
  await Promise.all([
    build({
      entryPoints: [
        join(import.meta.dirname, 'read-child.ts'),
        join(import.meta.dirname, 'rss-probe.ts'),
      ],
      outdir: dir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
      // exceljs is CommonJS and require()s Node built-ins: an ESM bundle needs a real require.
      banner: {
        js: "import { createRequire as __awCreateRequire } from 'node:module'; const require = __awCreateRequire(import.meta.url);",
      },
    }),
    // The command line exactly as `npm run cli` builds it (into dir/cli/).
    promisify(execFile)(process.execPath, [
      join(ROOT, 'electron/build.mjs'),
      '--outdir',
      join(dir, 'electron'),
    ]),
  ]);
  const built = performance.now();
  for (const file of CORPUS) await writeFile(join(dir, file.name), await file.build());
  console.log(
    `hostile corpus: bundles ${Math.round(built - started)} ms, ${CORPUS.length} files generated in ${Math.round(performance.now() - built)} ms`,
  );
}, 180_000);

afterAll(async () => {
  const order = new Map(CORPUS.map((f, i) => [f.name, i]));
  table.sort(
    (a, b) =>
      (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.reader.localeCompare(b.reader),
  );
  const line = (cells: string[]) =>
    `${(cells[0] ?? '').padEnd(34)} ${(cells[1] ?? '').padEnd(17)} ${(cells[2] ?? '').padEnd(24)} ${(cells[3] ?? '').padStart(7)} ${(cells[4] ?? '').padStart(9)}`;
  console.log(
    [
      `Hostile files, each in its own process (--max-old-space-size=${HEAP_MIB}); cli-inspect ms is the whole process`,
      line(['file', 'reader', 'code', 'ms', 'peak RSS']),
      ...table.map((r) => line([r.file, r.reader, r.code, String(r.ms), `${r.rss} MiB`])),
    ].join('\n'),
  );
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** Two children at a time: the machine has two cores. */
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  while (running >= 2) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function runNode(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return slot(
    () =>
      new Promise((done, fail) => {
        const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MIB}`, ...args], {
          env: { ...process.env, ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
          timeout: KILL_AFTER_MS,
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.on('error', fail);
        child.on('close', (status, signal) => done({ status, signal, stdout, stderr }));
      }),
  );
}

/** The words expected of a refusal, or of an acceptance; no `zh` for the CLI (English only). */
function expectOutcome(
  file: CorpusFile,
  code: string | null,
  en: string | null,
  zh?: string | null,
) {
  if (file.expect === null) {
    expect(code, en ?? '').toBeNull();
    return;
  }
  expect(code, en ?? '').toBe(file.expect.code);
  expect(en).toContain(file.expect.en);
  if (zh !== undefined) expect(zh).toContain(file.expect.zh);
}

async function throughJob(file: CorpusFile, reader: Reader) {
  const args = [join(dir, 'read-child.mjs'), reader, join(dir, file.name)];
  const run = await runNode(file.password === undefined ? args : [...args, file.password]);
  expect(run.signal, run.stderr).toBeNull();
  expect(run.status, run.stderr).toBe(0);
  const report = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as ChildReport;
  expectOutcome(file, report.code, report.en, report.zh);
  return { code: report.code ?? 'accepted', ms: report.ms, rss: report.peakRssMiB };
}

async function throughCli(file: CorpusFile) {
  const run = await runNode(
    [
      '--import',
      pathToFileURL(join(dir, 'rss-probe.mjs')).href,
      join(dir, 'cli', 'audit-workbench.mjs'),
      'inspect',
      join(dir, file.name),
    ],
    file.password === undefined ? {} : { AW_WORKPAPER_PASSWORD: file.password },
  );
  expect(run.signal, run.stderr).toBeNull();
  const probe = run.stderr.split('\n').find((l) => l.startsWith(PROBE_MARK));
  expect(probe, run.stderr).toBeDefined();
  const measured = JSON.parse(probe?.slice(PROBE_MARK.length) ?? '{}') as {
    ms: number;
    peakRssMiB: number;
  };
  // `FILE: refused: CODE: message`, one line, exit 1; a workpaper it accepts, exit 0.
  const refused = /: refused: ([\w-]+): (.*)$/m.exec(run.stderr);
  if (file.expect === null) {
    expect(run.status, run.stderr).toBe(0);
    expectOutcome(file, refused?.[1] ?? null, refused?.[2] ?? null);
  } else {
    expect(run.status, run.stderr).toBe(1);
    expect(refused, run.stderr).not.toBeNull();
    expectOutcome(file, refused?.[1] ?? null, refused?.[2] ?? null);
  }
  return { code: refused?.[1] ?? 'accepted', ms: measured.ms, rss: measured.peakRssMiB };
}

describe.concurrent('hostile files are refused clearly, in bounded memory and time', () => {
  for (const file of CORPUS) {
    for (const reader of file.readers) {
      it(
        `${file.name} (${file.what}) through ${reader}`,
        async () => {
          const row =
            reader === 'cli-inspect' ? await throughCli(file) : await throughJob(file, reader);
          table.push({ file: file.name, reader, ...row });
        },
        KILL_AFTER_MS + 10_000,
      );
    }
  }
});
