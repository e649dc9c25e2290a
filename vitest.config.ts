import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit tests live beside their source (*.test.ts); test/office/ checks workpapers in real
// LibreOffice (skipped where it is not installed). End-to-end specs have their own config.
export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'electron/**/*.test.ts',
      'test/office/**/*.test.ts',
      // The hostile-file corpus, each file read in a child process with a heap limit.
      'test/hostile/**/*.test.ts',
      // The app's team services and the CLI on the same package files.
      'test/team/**/*.test.ts',
    ],
    environment: 'node',
    // vitest's default is one worker fewer than the cores: one worker on a two-core machine.
    // Most files wait on Argon2id, scrypt or a child process, so two workers on two cores
    // finish the suite in about 200 s instead of 350 s.
    maxWorkers: Math.max(2, availableParallelism()),
    // Vault and package tests derive real Argon2id and scrypt keys (~0.3 s each when idle); a
    // test with several takes about 6 s quiet and over 30 s when two workers share two busy
    // cores. The timeout only catches hangs: speed is measured in `npm run bench`.
    testTimeout: 60_000,
    env: {
      // require('electron') would try to download the binary; point it at nothing instead.
      ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron-dist',
    },
  },
});
