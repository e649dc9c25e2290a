/**
 * The two workpaper writers on one large sheet, in Node: figures, not assertions. A sheet of
 * 100,000 rows and 10 columns (ids, drop-down values, user text, dates, numbers, booleans; a
 * header row, frozen pane, auto filter, print setup, a drop-down list and a highlight, so both
 * writers do their full work) is written to a file:
 *
 * - `memory`: `writeWorkbook` (exceljs's in-memory workbook, what the browser edition's worker
 *   runs) and the bytes written to disk;
 * - `stream`: `streamWorkbook` (exceljs's streaming writer, what Electron's export utility
 *   process runs) straight to the file;
 * - `stream-encrypted`: the same with a password, which holds the file in memory to encrypt it
 *   (Excel's default 100,000 SHA-512 spins).
 *
 * Each run is its own Node process, so the peak RSS (`process.resourceUsage().maxRSS`, the
 * kernel's high-water mark) is that writer's alone. The description is generated before the
 * clock starts; `base` is the RSS once it is (what the process holds anyway: Node, the modules
 * and the description itself), `peak − base` what writing added.
 *
 *   npx tsx test/bench/stream-vs-memory.ts [rows=100000] [rounds=1]
 *
 * or from another script: `await benchStreamVsMemory(rows, rounds)`.
 */
import { runCaseInChild } from './child-case';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { streamWorkbook } from '../../electron/node/xlsx-stream-write';
import { asIsoDate, asIsoInstant } from '../../shared/domain/dates';
import type { CellValue, WorkbookSpec } from '../../shared/workpapers/model';
import { writeWorkbook } from '../../shared/workpapers/xlsx-write';

export const WRITER_CASES = ['memory', 'stream', 'stream-encrypted'] as const;
export type WriterCase = (typeof WRITER_CASES)[number];

export interface WriterCaseResult {
  case: WriterCase;
  rows: number;
  columns: number;
  ms: number;
  /** RSS once the description was generated, before writing. */
  baseRssBytes: number;
  /** The process's peak RSS. */
  peakRssBytes: number;
  fileBytes: number;
}

const RESULTS = ['符合', '部分符合', '不符合', '不適用'] as const;
const STATUSES = ['待改善', '改善中', '已結案'] as const;

/** One sheet of `rows` rows and 10 columns, with text about as long as auditors write. */
export function largeSheetSpec(rows: number): WorkbookSpec {
  const body: CellValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const month = String((r % 12) + 1).padStart(2, '0');
    const day = String((r % 28) + 1).padStart(2, '0');
    body.push([
      `A-${String(r + 1).padStart(6, '0')}`,
      RESULTS[r % RESULTS.length] ?? null,
      {
        text: `抽查第 ${r + 1} 筆紀錄：檢視簽核流程與存取權限，${r % 7 === 0 ? '發現權限未即時移除。' : '未發現異常。'}`,
      },
      { date: asIsoDate(`2025-${month}-${day}`) },
      (r * 37) % 10_000,
      STATUSES[r % STATUSES.length] ?? null,
      { text: `承辦人 ${r % 50}` },
      r % 5 === 0,
      `REF-${r % 997}`,
      r % 3 === 0 ? { text: `備註：第 ${r + 1} 筆需於下次查核追蹤。` } : null,
    ]);
  }
  return {
    properties: {
      title: 'stream vs memory bench',
      creator: 'Audit Workbench bench',
      created: asIsoInstant('2025-03-04T16:30:00.000Z'),
    },
    sheets: [
      {
        name: '查核紀錄',
        state: 'visible',
        columns: [
          { key: 'id', header: '編號', width: 12 },
          { key: 'result', header: '查核結果', width: 12, editable: true },
          { key: 'work', header: '查核說明', width: 50, wrap: true, editable: true },
          { key: 'date', header: '日期', width: 12, numFmt: 'yyyy-mm-dd' },
          { key: 'amount', header: '筆數', width: 10 },
          { key: 'status', header: '狀態', width: 10 },
          { key: 'owner', header: '承辦人', width: 12, editable: true },
          { key: 'flag', header: '例外', width: 8 },
          { key: 'ref', header: '參照', width: 12 },
          { key: 'notes', header: '備註', width: 40, wrap: true, editable: true },
        ],
        rows: body,
        frozenRows: 1,
        autoFilter: true,
        print: { landscape: true, fitToWidth: 1, repeatHeaderRows: 1 },
        validations: [{ column: 'result', allowed: [...RESULTS] }],
        conditional: [{ column: 'result', kind: 'equals', value: '不符合', style: 'deficient' }],
      },
    ],
  };
}

/** Runs one case in this process: generate, then time the write. */
export async function runWriterCase(which: WriterCase, rows: number): Promise<WriterCaseResult> {
  const spec = largeSheetSpec(rows);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'aw-bench-writers-'));
  const file = path.join(dir, 'bench.xlsx');
  try {
    globalThis.gc?.();
    const baseRssBytes = process.memoryUsage().rss;
    const start = performance.now();
    if (which === 'memory') {
      await writeFile(file, await writeWorkbook(spec));
    } else {
      await streamWorkbook(spec, file, {
        password: which === 'stream-encrypted' ? 'bench password 2025' : null,
      });
    }
    const ms = performance.now() - start;
    return {
      case: which,
      rows,
      columns: 10,
      ms,
      baseRssBytes,
      // maxRSS is in KiB.
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      fileBytes: (await stat(file)).size,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const SELF = fileURLToPath(import.meta.url);

function runInChild(which: WriterCase, rows: number): Promise<WriterCaseResult> {
  return runCaseInChild<WriterCaseResult>(
    SELF,
    ['--case', which, String(rows)],
    `writer bench case ${which}`,
  );
}

const MiB = 1024 * 1024;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(0).padStart(5)} MiB`;

/** Every case `rounds` times, each in a fresh process; prints and returns the runs. */
export async function benchStreamVsMemory(rows = 100_000, rounds = 1): Promise<WriterCaseResult[]> {
  console.log(`\nWorkpaper writers, one sheet of ${rows.toLocaleString('en')} rows × 10 columns`);
  const results: WriterCaseResult[] = [];
  for (const which of WRITER_CASES) {
    for (let round = 0; round < rounds; round++) {
      const r = await runInChild(which, rows);
      results.push(r);
      console.log(
        `${which.padEnd(17)} ${(r.ms / 1000).toFixed(1).padStart(6)} s   peak RSS ${mib(r.peakRssBytes)}` +
          `   base ${mib(r.baseRssBytes)}   added ${mib(r.peakRssBytes - r.baseRssBytes)}` +
          `   file ${(r.fileBytes / MiB).toFixed(1)} MiB`,
      );
    }
  }
  return results;
}

if (process.argv[1] === SELF) {
  const args = process.argv.slice(2);
  if (args[0] === '--case') {
    const which = args[1] as WriterCase;
    if (!WRITER_CASES.includes(which)) throw new Error(`unknown case ${which}`);
    const result = await runWriterCase(which, Number(args[2] ?? 100_000));
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    await benchStreamVsMemory(Number(args[0] ?? 100_000), Number(args[1] ?? 1));
  }
}
