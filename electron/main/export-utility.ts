/**
 * The export utility process (Electron's `utilityProcess.fork`, bundled on its own as
 * `build/electron/export-utility.cjs`): streams one large workpaper to the file the user
 * chose, off the main process, and exits. It is plain Node plus `process.parentPort`, which
 * Electron adds; it never imports 'electron'. The logic is in `export/serve-export.ts`.
 */
import { streamWorkbook } from '../node/xlsx-stream-write';
import { type ParentPortLike, serveExport } from './export/serve-export';

// Electron's types declare it on every process; it exists only in a utility process.
const { parentPort } = process as unknown as { parentPort?: ParentPortLike };
if (parentPort === undefined) {
  console.error('export-utility runs as an Electron utility process (process.parentPort).');
  process.exit(1);
} else {
  serveExport(parentPort, {
    write: streamWorkbook,
    exit: (code) => process.exit(code),
  });
}
