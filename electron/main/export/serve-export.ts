/**
 * The export utility process's message handling, apart from Electron: takes one `start`,
 * streams the workbook to the chosen file, reports progress, answers `done`, `cancelled` or
 * `failed`, and exits. A `cancel` aborts between batches of rows; the writer then removes its
 * temporary file, so a cancelled export leaves nothing behind. The entry file binds it to
 * `process.parentPort`; the tests bind it to a fake port.
 */
import type { StreamWorkbookOptions } from '../../node/xlsx-stream-write';
import type { WorkbookSpec } from '../../../shared/workpapers/model';
import { type FromExportUtility, parseMainMessage } from './protocol';

/** The part of Electron's `process.parentPort` used here. */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: FromExportUtility): void;
}

export interface ExportUtilityDeps {
  write: (
    spec: WorkbookSpec,
    filePath: string,
    options: StreamWorkbookOptions,
  ) => Promise<{ bytes: number }>;
  /** Ends the process (after the last message has had time to leave). */
  exit: (code: number) => void;
}

/** How long the process lingers after its last message, so the message is surely delivered. */
export const EXIT_DELAY_MS = 200;

export function serveExport(port: ParentPortLike, deps: ExportUtilityDeps): void {
  const controller = new AbortController();
  let started = false;
  let finished = false;
  const finish = (message: FromExportUtility) => {
    if (finished) return;
    finished = true;
    port.postMessage(message);
    setTimeout(() => {
      deps.exit(0);
    }, EXIT_DELAY_MS);
  };

  port.on('message', ({ data }) => {
    const message = parseMainMessage(data);
    if (message === null || finished) return;
    if (message.type === 'cancel') {
      controller.abort();
      // Nothing written yet: done at once. Otherwise the writer's rejection answers.
      if (!started) finish({ type: 'cancelled' });
      return;
    }
    if (started) return;
    started = true;
    deps
      .write(message.spec, message.filePath, {
        password: message.password,
        signal: controller.signal,
        onProgress: (rowsWritten, totalRows) => {
          if (!finished) port.postMessage({ type: 'progress', rowsWritten, totalRows });
        },
      })
      .then(
        ({ bytes }) => {
          finish({ type: 'done', bytes });
        },
        (error: unknown) => {
          finish(controller.signal.aborted ? { type: 'cancelled' } : failure(error));
        },
      );
  });
}

function failure(error: unknown): FromExportUtility {
  if (!(error instanceof Error)) return { type: 'failed', name: 'Error', message: String(error) };
  const failed: FromExportUtility = { type: 'failed', name: error.name, message: error.message };
  const { code } = error as { code?: unknown };
  if (typeof code === 'string') failed.code = code;
  return failed;
}
