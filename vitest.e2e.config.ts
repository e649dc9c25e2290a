import { defineConfig } from 'vitest/config';

// End-to-end specs drive the built app in Debian's Chromium through playwright-core.
// Two files at a time, each with its own served app (port 0), Chromium profile and temp
// folder: a spec spends most of its time waiting on the page, so two on two cores take the
// suite from about 220 s to about 150 s, and it passed at a load average of 12 (other test
// runs beside it). `npm run test:e2e:stress` runs it with CPU-bound processes beside it.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    maxWorkers: 2,
    // expect.poll retries an assertion until it holds: generous, since the page renders
    // decrypted data asynchronously and the suite must pass on a busy two-core machine.
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
});
