/**
 * What `npm start` runs after the build (as `build/electron/launch.mjs`): the desktop app when an
 * Electron binary is installed, otherwise the same renderer served to the browser on 127.0.0.1.
 * Never imports 'electron' — requiring that package downloads its binary.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveBrowserEdition, parsePort } from './node/browser-edition';
import { findElectronBinary } from './node/electron-binary';

// This file runs as build/electron/launch.mjs, two levels below the project root.
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const binary = findElectronBinary({
  env: process.env,
  fs,
  packageDir: path.join(projectRoot, 'node_modules', 'electron'),
});

if (binary.ok) {
  runElectron(binary.path);
} else {
  console.log(
    `Electron is not installed here (${binary.reason}); serving the browser edition instead.`,
  );
  runBrowserEdition().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

/**
 * Starts Electron on the project folder, which runs `build/electron/main.cjs` through
 * package.json "main". Passing the folder rather than the file gives the app its own name and
 * version (app.getVersion()) and the same user-data folder — hence the same vaults — as the
 * packaged app.
 */
function runElectron(executable: string): void {
  const env = { ...process.env };
  // Inherited from a parent tool, this would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(executable, [projectRoot], { stdio: 'inherit', env });
  child.on('error', (error) => {
    console.error(`Could not start Electron: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      child.kill(signal);
    });
  }
}

async function runBrowserEdition(): Promise<void> {
  const root = path.join(projectRoot, 'build', 'renderer');
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${path.join(root, 'index.html')} is missing; run \`npm run build\` first.`);
  }
  const server = await serveBrowserEdition(root, parsePort(process.env.AW_PORT));
  console.log(`Audit Workbench (browser edition): ${server.url}`);

  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
