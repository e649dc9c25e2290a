/**
 * `npm run bench`: figures, not assertions. Bundles the in-browser benchmark, serves it on
 * 127.0.0.1 (a secure context, as the app needs) and runs it in Debian's Chromium.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { startStaticServer } from '../../electron/node/static-server';
import { benchImport } from '../../shared/import/bench';
import {
  CHECKLIST_ITEMS,
  EVIDENCE_PER_RETURN,
  FINDINGS_PER_RETURN,
  PEOPLE,
  benchMerge,
} from '../../shared/merge/bench';
import { benchCheckedRead, printCheckedRead } from './checked-read-bench';
import { benchExport } from './export-bench';
import { launchChromium } from '../e2e/support/chromium';
import type { run as runListBench } from './browser/list-bench';
import type { run as runRegisterImportBench } from './browser/register-import-bench';
import type { BenchResult } from './browser/vault-bench';
import type { MergeCommitResult } from './browser/merge-commit-bench';
import type { Page } from 'playwright-core';

type ListBenchResult = Awaited<ReturnType<typeof runListBench>>;
type RegisterImportResult = Awaited<ReturnType<typeof runRegisterImportBench>>;

const RECORDS = Number(process.env.AW_BENCH_RECORDS ?? 10_000);
const ROUNDS = Number(process.env.AW_BENCH_ROUNDS ?? 3);
const FINDINGS = Number(process.env.AW_BENCH_FINDINGS ?? 2_000);
const IMPORT_ROWS = Number(process.env.AW_BENCH_IMPORT_ROWS ?? 20_000);
const EXPORT_ROUNDS = Number(process.env.AW_BENCH_EXPORT_ROUNDS ?? 3);
const outDir = resolve(import.meta.dirname, '../../build/bench');

await mkdir(outDir, { recursive: true });
await build({
  entryPoints: [
    resolve(import.meta.dirname, 'browser/vault-bench.ts'),
    resolve(import.meta.dirname, 'browser/list-bench.tsx'),
    resolve(import.meta.dirname, 'browser/register-import-bench.ts'),
    resolve(import.meta.dirname, 'browser/merge-commit-bench.ts'),
  ],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'chrome130',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  minify: true,
  outdir: outDir,
  logLevel: 'warning',
});
await writeFile(
  resolve(outDir, 'index.html'),
  '<!doctype html><meta charset="utf-8"><title>bench</title>' +
    '<script type="module" src="./vault-bench.js"></script><script type="module" src="./list-bench.js"></script>' +
    '<script type="module" src="./register-import-bench.js"></script>' +
    '<script type="module" src="./merge-commit-bench.js"></script>',
);

/** The merge committed in Chromium: the vault's side of the merge benchmark. */
async function mergeCommitBench(page: Page): Promise<void> {
  await page.waitForFunction(() => 'awMergeCommitBench' in globalThis);
  const merged = await page.evaluate(() =>
    (
      globalThis as unknown as {
        awMergeCommitBench: { run: (counts: number[]) => Promise<MergeCommitResult> };
      }
    ).awMergeCommitBench.run([5, 10, 20]),
  );
  console.log(
    `\nMerge committed in Chromium (commitMerge: records, provenance, evidence files of 200 KiB, one trail entry) vs the same records created fresh through writeBatch`,
  );
  for (const c of merged.cases) {
    console.log(
      `${String(c.returns).padStart(2)} returns  ${c.writes.toLocaleString('en').padStart(6)} writes + ${c.evidenceMiB.toFixed(0).padStart(3)} MiB evidence   plan+decide ${c.planMs.toFixed(0).padStart(5)} ms   commit ${c.commitMs.toFixed(0).padStart(5)} ms   writeBatch (records only) ${c.baselineMs.toFixed(0).padStart(5)} ms   commit/writeBatch ${(c.commitMs / c.baselineMs).toFixed(2)}x`,
    );
  }
  const twenty = merged.cases.find((c) => c.returns === 20);
  const five = merged.cases.find((c) => c.returns === 5);
  console.log(
    `Opening one return package (${merged.packageMiB.toFixed(1)} MiB .awpkg, ZIP and record checks): typed passphrase (age scrypt log2 N = 16) ${merged.openPackageMs.toFixed(0)} ms, generated passphrase (log2 N = 10) ${merged.openGeneratedMs.toFixed(0)} ms`,
  );
  if (twenty && five) {
    const total = (open: number) => (20 * open + twenty.planMs + twenty.commitMs) / 1000;
    console.log(
      `20 returns end to end (open each, plan, decide, commit): ${total(merged.openGeneratedMs).toFixed(1)} s with generated passphrases, ${total(merged.openPackageMs).toFixed(1)} s with typed ones (target: under 10 s); plan+commit 20 vs 5 returns ${((twenty.planMs + twenty.commitMs) / (five.planMs + five.commitMs)).toFixed(2)}x (linear would be 4.00x)`,
    );
  }
}

const server = await startStaticServer({ root: outDir, port: 0 });
const { context } = await launchChromium();
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  if (process.env.AW_BENCH_ONLY === 'merge') {
    // `AW_BENCH_ONLY=merge npm run bench`: the merge committed in Chromium alone.
    await mergeCommitBench(page);
    await context.close();
    await server.close();
    process.exit(0);
  }
  await page.waitForFunction(() => 'awBench' in globalThis);
  console.log(
    `Encrypted vault layer vs plain Dexie: ${RECORDS} records, median of ${ROUNDS} rounds, Chromium ${context.browser()?.version() ?? ''}`,
  );
  const result = await page.evaluate(
    ([records, rounds]) =>
      (
        globalThis as unknown as {
          awBench: { run: (r: number, n: number) => Promise<BenchResult> };
        }
      ).awBench.run(records, rounds),
    [RECORDS, ROUNDS] as const,
  );
  const perSecond = (ms: number) => Math.round((result.records / ms) * 1000).toLocaleString('en');
  const row = (name: string, plainMs: number, encryptedMs: number) =>
    `${name.padEnd(8)} plain ${plainMs.toFixed(0).padStart(6)} ms (${perSecond(plainMs).padStart(9)} rec/s)   encrypted ${encryptedMs.toFixed(0).padStart(6)} ms (${perSecond(encryptedMs).padStart(9)} rec/s)   ratio ${(encryptedMs / plainMs).toFixed(2)}x`;
  console.log(
    `Key derivation, new vaults (Argon2id, 64 MiB, 3 passes): ${result.argon2idMs.toFixed(0)} ms (target: unlock under 1 s)`,
  );
  console.log(
    `Key derivation, older vaults (PBKDF2-SHA256, 600,000):   ${result.pbkdf2Ms.toFixed(0)} ms`,
  );
  console.log(
    `Unlock (derive, unwrap, open, trail entry):              ${result.unlockMs.toFixed(0)} ms`,
  );
  console.log(
    `Unlock of the vault holding them (derive, checks: trail, manifests, clear fields): ${result.unlockFullMs.toFixed(0)} ms`,
  );
  console.log(
    `${row('write', result.plain.writeMs, result.encrypted.writeMs)}   (target: at most 1.25x)`,
  );
  console.log(
    `${row('read', result.plain.readMs, result.encrypted.readMs)}   (first read; target: at most 2.2x)`,
  );
  console.log(
    `${row('re-read', result.plain.readMs, result.encrypted.repeatReadMs)}   (while unlocked; target: at most 1.2x)`,
  );
  // The machine may be shared: ratios within one round (plain and encrypted back to back) say
  // more than medians taken from different rounds.
  for (const [i, r] of result.perRound.entries()) {
    const ratio = (e: number, p: number) => `${(e / p).toFixed(2)}x`;
    console.log(
      `round ${i + 1}: write ${r.plain.writeMs.toFixed(0)} / ${r.encrypted.writeMs.toFixed(0)} ms ${ratio(r.encrypted.writeMs, r.plain.writeMs)}   read ${r.plain.readMs.toFixed(0)} / ${r.encrypted.readMs.toFixed(0)} ms ${ratio(r.encrypted.readMs, r.plain.readMs)}   re-read ${r.encrypted.repeatReadMs.toFixed(1)} ms ${ratio(r.encrypted.repeatReadMs, r.plain.readMs)}`,
    );
  }
  const b = result.breakdown;
  const us = (n: number) => `${n.toFixed(1)} µs`;
  console.log(
    `Per record, write: validate ${us(b.validateUs)} · seal ${us(b.sealUs)} · manifest ${us(b.manifestUs)}`,
  );
  console.log(
    `Per record, read: sealed rows from IndexedDB ${us(b.readRowsUs)} · open and check ${us(b.openUs)} (of which AES-GCM alone ${us(b.decryptUs)}, UTF-8 + JSON alone ${us(b.parseUs)}) · unlock scan ${us(b.scanUs)}`,
  );
  console.log(
    `Re-key of the sample engagement + 20,000 people (${result.rekey.records.toLocaleString('en')} records): ${(result.rekey.ms / 1000).toFixed(1)} s`,
  );
  const plainTotal = result.plain.writeMs + result.plain.readMs;
  const encryptedTotal = result.encrypted.writeMs + result.encrypted.readMs;
  console.log(`${'total'.padEnd(8)} ratio ${(encryptedTotal / plainTotal).toFixed(2)}x`);

  if (process.env.AW_BENCH_ONLY === 'vault') {
    // `AW_BENCH_ONLY=vault npm run bench`: the encrypted layer alone, while working on it.
    await context.close();
    await server.close();
    process.exit(0);
  }

  await page.waitForFunction(() => 'awListBench' in globalThis);
  const lists = await page.evaluate(
    (findings) =>
      (
        globalThis as unknown as { awListBench: { run: (n: number) => Promise<ListBenchResult> } }
      ).awListBench.run(findings),
    FINDINGS,
  );
  console.log(
    `\nLists: checklist of the whole library (${lists.items} items), ${lists.findings} findings`,
  );
  const line = (name: string, r: { firstPaintMs: number; filterMs: number }) =>
    `${name.padEnd(36)} first paint ${r.firstPaintMs.toFixed(1).padStart(7)} ms   filter ${r.filterMs.toFixed(1).padStart(7)} ms`;
  console.log(line('checklist (virtualised)', lists.checklist));
  console.log(line('findings (virtualised)', lists.list));
  console.log(line('baseline: findings as a plain list', lists.naive));
  console.log(
    `findings first paint vs the plain list: ${(lists.list.firstPaintMs / lists.naive.firstPaintMs).toFixed(2)}x`,
  );

  await page.waitForFunction(() => 'awRegisterImportBench' in globalThis);
  const imports = await page.evaluate(
    (rows) =>
      (
        globalThis as unknown as {
          awRegisterImportBench: { run: (n: number) => Promise<RegisterImportResult> };
        }
      ).awRegisterImportBench.run(rows),
    IMPORT_ROWS,
  );
  console.log(
    `\nRegister import in Chromium, as the app does it: ${IMPORT_ROWS.toLocaleString('en')} rows, read → validate → records → compare → encrypted commit → re-import`,
  );
  for (const c of imports) {
    const heap =
      c.peakHeapBytes === null ? '' : `   heap +${(c.peakHeapBytes / 1024 / 1024).toFixed(0)} MiB`;
    console.log(
      `${c.dataset.padEnd(8)} ${c.totalMs.toFixed(0).padStart(6)} ms   ${c.rowsPerSecond.toLocaleString('en').padStart(7)} rows/s   ${c.created} created, ${c.unchanged} unchanged on re-import, ${c.skipped} skipped${heap}`,
    );
    console.log(`         ${c.phases.map((p) => `${p.name} ${p.ms.toFixed(0)} ms`).join(' · ')}`);
  }
  await mergeCommitBench(page);
} finally {
  await context.close();
  await server.close();
}

// Import parsing runs in Node here (the same shared/ code the app runs in a worker).
console.log(
  `\nImport: ${IMPORT_ROWS.toLocaleString('en')}-row roster and asset list (detect, parse, validate)`,
);
for (const c of await benchImport(IMPORT_ROWS, {
  heapUsed: () => process.memoryUsage().heapUsed,
})) {
  const heap =
    c.peakHeapBytes === null ? '' : `   heap +${(c.peakHeapBytes / 1024 / 1024).toFixed(0)} MiB`;
  console.log(
    `${`${c.dataset} ${c.format}`.padEnd(18)} ${c.totalMs.toFixed(0).padStart(6)} ms   ${Math.round(c.rowsPerSecond).toLocaleString('en').padStart(8)} rows/s   ${c.validRows} valid, ${c.errorCount} errors${heap}`,
  );
}

// The merge engine runs in Node here (the same shared/ code the app runs in a worker).
console.log(
  `\nMerge: 5, 10 and 20 returns, each with ${CHECKLIST_ITEMS} results, ${FINDINGS_PER_RETURN} findings, ${EVIDENCE_PER_RETURN} evidence records and ${PEOPLE.toLocaleString('en')} register rows; median of 3`,
);
const merges = await benchMerge([5, 10, 20], { heapUsed: () => process.memoryUsage().heapUsed });
for (const c of merges) {
  const heap =
    c.peakHeapBytes === null ? '' : `   heap +${(c.peakHeapBytes / 1024 / 1024).toFixed(0)} MiB`;
  console.log(
    `${String(c.returns).padStart(2)} returns  ${c.changes.toLocaleString('en').padStart(7)} records   plan ${c.planMs.toFixed(0).padStart(5)} ms   result ${c.resultMs.toFixed(0).padStart(4)} ms   baseline (canonical JSON of every record) ${c.baselineMs.toFixed(0).padStart(5)} ms   plan/baseline ${(c.planMs / c.baselineMs).toFixed(2)}x   ${c.conflicts} conflicts, ${c.duplicates} duplicate groups, ${c.writes.toLocaleString('en')} writes${heap}`,
  );
}
const [five, , twenty] = merges;
if (five && twenty) {
  const perReturn = (twenty.planMs + twenty.resultMs - five.planMs - five.resultMs) / 15;
  const growth = (twenty.planMs + twenty.resultMs) / (five.planMs + five.resultMs);
  console.log(
    `growth: ${perReturn.toFixed(1)} ms per extra return; 20 vs 5 returns ${growth.toFixed(2)}x (linear would be 4.00x)`,
  );
}

// What the hostile-file checks cost on the same roster and asset list and the largest workpaper.
printCheckedRead(await benchCheckedRead(IMPORT_ROWS));

// The workpaper export runs in Node too (the same shared/ code the app runs in a worker), each
// case in its own process for clean memory figures: see export-bench.ts.
await benchExport(EXPORT_ROUNDS);
