/**
 * 'workpaper:save' and 'workpaper:cancel': a workpaper too large to build in memory is written
 * by a utility process with exceljs's streaming writer (`main/export-utility.ts`), so neither
 * the page nor the main process holds exceljs's per-cell objects. The main process asks where
 * to save (a native dialog, so the page never names a path), starts one utility process per
 * save, relays its progress to the page that asked as `workpaper:progress` events and answers
 * `{ saved, bytes }` once the file is complete. Cancelling asks the utility to stop between
 * batches of rows, which removes its temporary file; one that does not answer in time is
 * killed.
 */
import path from 'node:path';
import { parseUtilityMessage, type ExportStart, type ToExportUtility } from '../export/protocol';
import { sendEvent } from '../session-lock';
import type { FileDialogs } from './files';
import { type ChannelHandler, RefusedError } from './handle';

/** The parts of Electron's `UtilityProcess` used here. */
export interface ExportProcess {
  postMessage(message: ToExportUtility): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface WorkpaperDeps {
  dialog: Pick<FileDialogs, 'showSaveDialog'>;
  /** A fresh export utility process (the entry file: `utilityProcess.fork`). */
  forkExportProcess: () => ExportProcess;
}

/**
 * How long a cancelled export may take to stop on its own before it is killed. Rows stop
 * within a batch (milliseconds); a password-protected file is encrypted in one uninterruptible
 * step of a few seconds, before anything is written.
 */
export const CANCEL_GRACE_MS = 15_000;

/** File system refusals worth telling the user as they are; anything else is only logged. */
const REFUSALS: Readonly<Record<string, string>> = {
  EBUSY: 'it is open in another program',
  EPERM: 'it is open in another program or the folder is read-only',
  EACCES: 'the folder is not writable',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EISDIR: 'a folder has that name',
};

export class ExportProcessError extends Error {
  override name = 'ExportProcessError';
}

/**
 * Runs one export in a fresh utility process. Resolves with the file's size, or null when it
 * was cancelled (nothing written); rejects when it failed.
 */
export function runExportProcess(
  fork: () => ExportProcess,
  start: Omit<ExportStart, 'type'>,
  options: { signal: AbortSignal; onProgress: (rowsWritten: number, totalRows: number) => void },
): Promise<{ bytes: number } | null> {
  const { signal, onProgress } = options;
  if (signal.aborted) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const child = fork();
    let settled = false;
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(killTimer);
      signal.removeEventListener('abort', onAbort);
      // Its work is done (or abandoned): it would exit by itself in a moment anyway.
      child.kill();
      outcome();
    };
    const onAbort = () => {
      child.postMessage({ type: 'cancel' });
      killTimer = setTimeout(() => {
        settle(() => {
          resolve(null);
        });
      }, CANCEL_GRACE_MS);
    };
    signal.addEventListener('abort', onAbort, { once: true });

    child.on('message', (raw: unknown) => {
      const message = parseUtilityMessage(raw);
      if (message === null || settled) return;
      switch (message.type) {
        case 'progress':
          onProgress(message.rowsWritten, message.totalRows);
          break;
        case 'done':
          settle(() => {
            resolve({ bytes: message.bytes });
          });
          break;
        case 'cancelled':
          settle(() => {
            resolve(null);
          });
          break;
        case 'failed':
          settle(() => {
            reject(failure(start.filePath, message));
          });
          break;
      }
    });
    child.on('exit', (code: number) => {
      settle(() => {
        reject(new ExportProcessError(`The export process ended unexpectedly (exit code ${code})`));
      });
    });
    child.postMessage({ type: 'start', ...start });
  });
}

function failure(
  filePath: string,
  message: { name: string; message: string; code?: string },
): Error {
  const reason = message.code === undefined ? undefined : REFUSALS[message.code];
  if (reason !== undefined) {
    return new RefusedError(`${path.basename(filePath)} could not be written: ${reason}`);
  }
  // Logged by the IPC wrapper, reported to the page only as "could not be completed".
  return new ExportProcessError(`${message.name}: ${message.message}`);
}

export function workpaperHandlers(deps: WorkpaperDeps): {
  save: ChannelHandler<'workpaper:save'>;
  cancel: ChannelHandler<'workpaper:cancel'>;
} {
  const running = new Map<string, AbortController>();

  const save: ChannelHandler<'workpaper:save'> = async (request, event) => {
    const { jobId, suggestedName, spec, password } = request;
    if (running.has(jobId)) throw new RefusedError('This workpaper is already being saved');
    const controller = new AbortController();
    running.set(jobId, controller);
    try {
      const choice = await deps.dialog.showSaveDialog({
        defaultPath: suggestedName,
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (choice.canceled || !choice.filePath) return { saved: false, bytes: 0 };
      const result = await runExportProcess(
        deps.forkExportProcess,
        { spec, filePath: choice.filePath, password },
        {
          signal: controller.signal,
          onProgress: (rowsWritten, totalRows) => {
            sendEvent(event.sender, 'workpaper:progress', { jobId, rowsWritten, totalRows });
          },
        },
      );
      return result === null ? { saved: false, bytes: 0 } : { saved: true, bytes: result.bytes };
    } finally {
      running.delete(jobId);
    }
  };

  const cancel: ChannelHandler<'workpaper:cancel'> = ({ jobId }) => {
    const controller = running.get(jobId);
    if (controller === undefined) return { cancelled: false };
    controller.abort();
    return { cancelled: true };
  };

  return { save, cancel };
}
