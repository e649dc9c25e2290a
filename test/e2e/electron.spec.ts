/**
 * The desktop app itself, in Electron. It needs the Electron binary, which comes from outside
 * the npm registry: where it is missing (as on our own offline machines) this spec is skipped
 * and says why, in the test output. The browser-edition specs cover the same renderer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../electron/node/electron-binary';

const root = resolve(import.meta.dirname, '../..');
const binary = findElectronBinary({
  env: process.env,
  fs: { existsSync, readFileSync },
  packageDir: resolve(root, 'node_modules/electron'),
});

if (!binary.ok) {
  console.log(
    `SKIPPED: the Electron end-to-end test did not run, because the Electron binary is not available here (${binary.reason}). ` +
      'Install it (npx install-electron) or set ELECTRON_OVERRIDE_DIST_PATH, then run npm run test:e2e.',
  );
}

describe.skipIf(!binary.ok)('the desktop app in Electron', () => {
  it('opens hardened on the vault list, with only the typed bridge exposed', async () => {
    if (!binary.ok) return;
    const app = await electron.launch({
      executablePath: binary.path,
      // The project folder, so package.json's "main" runs: the same app name, version and
      // user-data folder as the packaged app.
      args: [root],
    });
    try {
      const page = await app.firstWindow();
      await page.getByRole('heading', { name: '案件庫' }).waitFor();
      expect(page.url()).toMatch(/^app:\/\/workbench\//);
      const exposed = await page.evaluate(() => ({
        secure: window.isSecureContext,
        node: typeof (globalThis as { process?: unknown }).process,
        require: typeof (globalThis as { require?: unknown }).require,
        bridge: Object.keys((globalThis as unknown as { workbench: object }).workbench).sort(),
      }));
      expect(exposed).toEqual({
        secure: true,
        node: 'undefined',
        require: 'undefined',
        bridge: ['invoke', 'subscribe'],
      });
      const info = await page.evaluate(() =>
        (
          globalThis as unknown as {
            workbench: { invoke: { 'app:info': (r: undefined) => Promise<unknown> } };
          }
        ).workbench.invoke['app:info'](undefined),
      );
      expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
    } finally {
      await app.close();
    }
  });
});
