/**
 * `npm run bench`: figures, not assertions. Bundles the in-browser benchmark, serves it on
 * 127.0.0.1 (a secure context, as the app needs) and runs it in Debian's Chromium.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { startStaticServer } from '../../electron/node/static-server';
import { launchChromium } from '../e2e/support/chromium';
import type { BenchResult } from './browser/vault-bench';

const RECORDS = Number(process.env.AW_BENCH_RECORDS ?? 10_000);
const ROUNDS = Number(process.env.AW_BENCH_ROUNDS ?? 3);
const outDir = resolve(import.meta.dirname, '../../build/bench');

await mkdir(outDir, { recursive: true });
await build({
  entryPoints: [resolve(import.meta.dirname, 'browser/vault-bench.ts')],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'chrome130',
  outfile: resolve(outDir, 'vault-bench.js'),
  logLevel: 'warning',
});
await writeFile(
  resolve(outDir, 'index.html'),
  '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="./vault-bench.js"></script>',
);

const server = await startStaticServer({ root: outDir, port: 0 });
const { context } = await launchChromium();
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
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
    `Key derivation (PBKDF2-SHA256, 600,000 iterations): ${result.pbkdf2Ms.toFixed(0)} ms`,
  );
  console.log(
    `Unlock (derive, unwrap, open, trail entry):         ${result.unlockMs.toFixed(0)} ms`,
  );
  console.log(row('write', result.plain.writeMs, result.encrypted.writeMs));
  console.log(row('read', result.plain.readMs, result.encrypted.readMs));
  const plainTotal = result.plain.writeMs + result.plain.readMs;
  const encryptedTotal = result.encrypted.writeMs + result.encrypted.readMs;
  console.log(
    `${'total'.padEnd(8)} ratio ${(encryptedTotal / plainTotal).toFixed(2)}x (target: at most 1.5x)`,
  );
} finally {
  await context.close();
  await server.close();
}
