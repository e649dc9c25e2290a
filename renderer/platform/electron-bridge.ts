/** The Electron implementation: a thin wrapper over the preload bridge's named functions. */
import { BRIDGE_KEY, type IpcResult, type WorkbenchBridge } from '../../shared/ipc/contract';
import {
  type Platform,
  PlatformError,
  type SaveWorkpaperOptions,
  type SaveWorkpaperRequest,
} from './platform';

function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new PlatformError(`${result.error.code}: ${result.error.message}`);
}

export function findBridge(): WorkbenchBridge | null {
  const candidate = (globalThis as Record<string, unknown>)[BRIDGE_KEY];
  return typeof candidate === 'object' && candidate !== null
    ? (candidate as WorkbenchBridge)
    : null;
}

export function electronPlatform(bridge: WorkbenchBridge): Platform {
  return {
    host: 'electron',
    appInfo: async () => unwrap(await bridge.invoke['app:info'](undefined)),
    saveFile: async (request) => unwrap(await bridge.invoke['file:save'](request)),
    openFile: async (request) => unwrap(await bridge.invoke['file:open'](request)),
    openFiles: async (request) => unwrap(await bridge.invoke['files:open'](request)),
    saveWorkpaper: (request, options) => saveWorkpaper(bridge, request, options),
    anchors: {
      read: async (vaultId) => unwrap(await bridge.invoke['anchor:read']({ vaultId })),
      write: async (vaultId, anchor) => {
        unwrap(await bridge.invoke['anchor:write']({ vaultId, anchor }));
      },
    },
    onLockRequest: (listener) =>
      bridge.subscribe['session:lock']((event) => listener(event.reason)),
  };
}

/**
 * One `workpaper:save`: its own job id, so only its progress events reach `onProgress` and an
 * abort cancels exactly it (the main process then answers `saved: false`).
 */
async function saveWorkpaper(
  bridge: WorkbenchBridge,
  request: SaveWorkpaperRequest,
  { onProgress, signal }: SaveWorkpaperOptions = {},
): Promise<{ saved: boolean; bytes: number }> {
  if (signal?.aborted) return { saved: false, bytes: 0 };
  const jobId = crypto.randomUUID();
  const unsubscribe = bridge.subscribe['workpaper:progress']((event) => {
    if (event.jobId === jobId) onProgress?.(event.rowsWritten, event.totalRows);
  });
  const onAbort = () => {
    // The save's own answer reports the outcome; a cancel that came too late changes nothing.
    void bridge.invoke['workpaper:cancel']({ jobId });
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return unwrap(await bridge.invoke['workpaper:save']({ ...request, jobId }));
  } finally {
    signal?.removeEventListener('abort', onAbort);
    unsubscribe();
  }
}
