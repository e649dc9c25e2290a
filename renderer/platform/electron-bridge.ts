/** The Electron implementation: a thin wrapper over the preload bridge's named functions. */
import { BRIDGE_KEY, type IpcResult, type WorkbenchBridge } from '../../shared/ipc/contract';
import { type Platform, PlatformError } from './platform';

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
    onLockRequest: (listener) =>
      bridge.subscribe['session:lock']((event) => listener(event.reason)),
  };
}
