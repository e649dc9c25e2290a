/**
 * What the hostile-file checks cost on legitimate large files (figures, not assertions): the
 * 20,000-row roster and asset list of the import benchmark and the largest workpaper of the
 * export benchmark, each read as the app reads it (`readXlsx` for imports, `readWorkbookCells`
 * for the round trip), against the check alone (`openCheckedZip` + `checkXlsxParts`: every part
 * inflated once with its bytes counted, the worksheets scanned). The check is part of the read;
 * its share is the overhead. Each file is measured in a fresh process holding only its bytes,
 * as a fresh worker does (median of `rounds`, in CPU milliseconds).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchWorkbooks } from '../../shared/import/bench';
import { openCheckedZip } from '../../shared/import/checked-zip';
import { checkXlsxParts } from '../../shared/import/xlsx-check';
import { readXlsx } from '../../shared/import/xlsx-read';
import { buildInspectionWorkbook, writeWorkbook } from '../../shared/workpapers';
import { readWorkbookCells } from '../../shared/workpapers/roundtrip/read-workbook';
import { runCaseInChild } from './child-case';
import { generateExportInput } from './export-bench';

export interface CheckedReadCase {
  file: string;
  bytes: number;
  unpackedBytes: number;
  cells: number;
  checkMs: number;
  readMs: number;
  /** The check's share of the whole read. */
  overhead: number;
}

const READERS = { import: readXlsx, workpaper: readWorkbookCells } as const;
type ReaderName = keyof typeof READERS;

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
}

async function timed(rounds: number, work: () => unknown): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    gc();
    // CPU time rather than wall time: the figure holds on a machine shared with other work.
    const started = process.cpuUsage();
    await work();
    const used = process.cpuUsage(started);
    times.push((used.user + used.system) / 1000);
  }
  return median(times);
}

/** One file, in this process. */
export async function measureCheckedRead(
  file: string,
  bytes: Uint8Array,
  reader: ReaderName,
  rounds: number,
): Promise<CheckedReadCase> {
  const check = checkXlsxParts(openCheckedZip(bytes));
  const checkMs = await timed(rounds, () => checkXlsxParts(openCheckedZip(bytes)));
  const readMs = await timed(rounds, () => READERS[reader](bytes));
  return {
    file,
    bytes: bytes.length,
    unpackedBytes: check.unpackedBytes,
    cells: check.cells,
    checkMs,
    readMs,
    overhead: checkMs / readMs,
  };
}

const SELF = fileURLToPath(import.meta.url);

/** Writes the files, then measures each in a child process. */
export async function benchCheckedRead(rows: number, rounds = 3): Promise<CheckedReadCase[]> {
  const dir = await mkdtemp(join(tmpdir(), 'aw-checked-read-'));
  try {
    const files: [string, string, ReaderName][] = [];
    for (const { dataset, bytes } of await benchWorkbooks(rows)) {
      const path = join(dir, `${dataset}.xlsx`);
      await writeFile(path, bytes);
      files.push([`${dataset} (${rows.toLocaleString('en')} rows)`, path, 'import']);
    }
    const built = await buildInspectionWorkbook(await generateExportInput(), {
      lang: 'zh-TW',
      calendar: 'roc',
      includePersonalData: false,
    });
    const workpaper = join(dir, 'workpaper.xlsx');
    await writeFile(workpaper, await writeWorkbook(built.spec));
    files.push(['largest export-bench workpaper', workpaper, 'workpaper']);
    const cases: CheckedReadCase[] = [];
    for (const [label, path, reader] of files) {
      cases.push(
        await runCaseInChild<CheckedReadCase>(
          SELF,
          [label, path, reader, String(rounds)],
          `checked read of ${label}`,
        ),
      );
    }
    return cases;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function printCheckedRead(cases: readonly CheckedReadCase[]): void {
  const MiB = 1024 * 1024;
  console.log(
    '\nHostile-file checks on legitimate large files (every part inflated with its bytes counted, worksheets scanned; part of every read), each in a fresh process',
  );
  for (const c of cases) {
    console.log(
      `${c.file.padEnd(32)} ${(c.bytes / MiB).toFixed(1).padStart(5)} MiB → ${(c.unpackedBytes / MiB).toFixed(1).padStart(5)} MiB, ${c.cells.toLocaleString('en').padStart(9)} cells   check ${c.checkMs.toFixed(0).padStart(5)} ms of read ${c.readMs.toFixed(0).padStart(6)} ms CPU (${(c.overhead * 100).toFixed(0)}%)`,
    );
  }
}

// `node --import tsx checked-read-bench.ts LABEL FILE import|workpaper ROUNDS`: one file, JSON
// on stdout; without arguments, the whole bench.
if (process.argv[1] === SELF) {
  const [label, path, reader, rounds] = process.argv.slice(2);
  if (label === undefined || path === undefined) {
    printCheckedRead(await benchCheckedRead(20_000));
  } else {
    const bytes = new Uint8Array(await readFile(path));
    const result = await measureCheckedRead(label, bytes, reader as ReaderName, Number(rounds));
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}
