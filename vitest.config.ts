import { defineConfig } from 'vitest/config';

// Unit tests live beside their source (*.test.ts). End-to-end specs have their own config.
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'electron/**/*.test.ts'],
    environment: 'node',
    env: {
      // require('electron') would try to download the binary; point it at nothing instead.
      ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron-dist',
    },
  },
});
