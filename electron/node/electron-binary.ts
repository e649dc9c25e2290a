/**
 * Finds the Electron executable the way the `electron` package itself would, without ever
 * requiring that package: its `index.js` downloads the binary when it is missing, and this
 * machine may have no network. A missing binary is an answer (with a reason), not an error.
 */
import path from 'node:path';

export interface ElectronBinaryDeps {
  env: Readonly<Record<string, string | undefined>>;
  fs: {
    existsSync(filePath: string): boolean;
    readFileSync(filePath: string, encoding: 'utf8'): string;
  };
  /** The installed `node_modules/electron` folder. */
  packageDir: string;
  platform?: NodeJS.Platform;
}

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

/** Where the executable sits inside a dist folder, when `path.txt` does not say. */
function defaultExecutable(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

export function findElectronBinary(deps: ElectronBinaryDeps): ElectronBinary {
  const { env, fs, packageDir } = deps;
  const pathFile = path.join(packageDir, 'path.txt');
  const recorded = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(
      override,
      recorded || defaultExecutable(deps.platform ?? process.platform),
    );
    return fs.existsSync(binary)
      ? { ok: true, path: binary }
      : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${binary} does not exist` };
  }

  // path.txt is written by the package's install step once the binary is unpacked.
  if (!recorded) return { ok: false, reason: 'no binary in node_modules/electron/dist' };
  const binary = path.join(packageDir, 'dist', recorded);
  return fs.existsSync(binary)
    ? { ok: true, path: binary }
    : { ok: false, reason: `no binary in node_modules/electron/dist (expected ${recorded})` };
}
