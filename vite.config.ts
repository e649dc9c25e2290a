import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as {
  version: string;
};

// The renderer is built once and served by Electron's app:// protocol or, in the browser
// edition, by the local static server: relative asset paths work for both.
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  publicDir: resolve(import.meta.dirname, 'assets'),
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: resolve(import.meta.dirname, 'build/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // A desktop app loads from disk, not the network: one 500 kB chunk costs nothing here.
    chunkSizeWarningLimit: 1500,
  },
});
