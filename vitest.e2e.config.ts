import { defineConfig } from 'vitest/config';

// End-to-end specs drive the built app in Debian's Chromium through playwright-core.
// One file at a time: the machine has two cores and each spec runs a whole browser.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // expect.poll retries an assertion until it holds: generous, since the page renders
    // decrypted data asynchronously and the suite must pass on a busy two-core machine.
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
});
