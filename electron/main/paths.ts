/**
 * Where the built files sit relative to the bundled main process (`build/electron/main.cjs`);
 * the same layout holds inside the packaged asar.
 */
import path from 'node:path';

export function builtPaths(mainDir: string): {
  preload: string;
  renderer: string;
  exportUtility: string;
} {
  return {
    preload: path.join(mainDir, 'preload.cjs'),
    renderer: path.join(mainDir, '..', 'renderer'),
    exportUtility: path.join(mainDir, 'export-utility.cjs'),
  };
}
