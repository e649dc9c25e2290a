import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as {
  version: string;
};

/**
 * cfb (SheetJS, the container of encrypted workpapers) sets `module.exports` only when a global
 * `require` exists; Rolldown leaves none in browser and worker bundles, so it would export
 * nothing. This makes the export unconditional, and fails the build if cfb changes that line.
 */
const CFB_EXPORT_GUARD =
  "if(typeof require !== 'undefined' && typeof module !== 'undefined' && typeof DO_NOT_EXPORT_CFB === 'undefined') { module.exports = CFB; }";
function cfbExports(): Plugin {
  return {
    name: 'aw:cfb-exports',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]cfb[\\/]cfb\.js$/.test(id)) return null;
      if (!code.includes(CFB_EXPORT_GUARD))
        this.error('cfb.js no longer has the export guard to rewrite');
      return { code: code.replace(CFB_EXPORT_GUARD, 'module.exports = CFB;'), map: null };
    },
  };
}

// The renderer is built once and served by Electron's app:// protocol or, in the browser
// edition, by the local static server: relative asset paths work for both.
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  publicDir: resolve(import.meta.dirname, 'assets'),
  base: './',
  plugins: [react(), cfbExports()],
  // Worker bundles (the export worker) do not get the top-level plugins.
  worker: { plugins: () => [cfbExports()] },
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
