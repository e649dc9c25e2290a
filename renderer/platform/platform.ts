/**
 * The one way the renderer reaches its host (files, app version, lock requests). Two
 * implementations: the Electron preload bridge and the plain browser; a fake for tests.
 */
import type { IpcEvent, IpcRequest, IpcValue } from '../../shared/ipc/contract';

export type AppInfo = IpcValue<'app:info'>;
export type SaveFileRequest = IpcRequest<'file:save'>;
export type OpenFileRequest = IpcRequest<'file:open'>;
export type OpenedFile = NonNullable<IpcValue<'file:open'>>;
export type LockReason = IpcEvent<'session:lock'>['reason'];

export interface Platform {
  readonly host: 'electron' | 'browser';
  appInfo(): Promise<AppInfo>;
  /** Resolves `{ saved: false }` when the user cancels. */
  saveFile(request: SaveFileRequest): Promise<{ saved: boolean }>;
  /** Resolves null when the user cancels. */
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  /** The host asks to lock (machine sleeping, screen locked). Returns an unsubscribe. */
  onLockRequest(listener: (reason: LockReason) => void): () => void;
}

export class PlatformError extends Error {
  override name = 'PlatformError';
}
