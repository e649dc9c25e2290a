/**
 * The one way the renderer reaches its host (files, app version, lock requests). Two
 * implementations: the Electron preload bridge and the plain browser; a fake for tests.
 */
import type { IpcEvent, IpcRequest, IpcValue } from '../../shared/ipc/contract';

export type AppInfo = IpcValue<'app:info'>;
export type SaveFileRequest = IpcRequest<'file:save'>;
export type OpenFileRequest = IpcRequest<'file:open'>;
export type OpenedFile = NonNullable<IpcValue<'file:open'>>;
export type OpenFilesRequest = IpcRequest<'files:open'>;
export type LockReason = IpcEvent<'session:lock'>['reason'];
export type TrailAnchor = NonNullable<IpcValue<'anchor:read'>>;
/** A workpaper to write from its description; the host names the job itself. */
export type SaveWorkpaperRequest = Omit<IpcRequest<'workpaper:save'>, 'jobId'>;

export interface SaveWorkpaperOptions {
  /** Rows written so far, over all sheets. */
  onProgress?: (rowsWritten: number, totalRows: number) => void;
  /** Stops the save; nothing is written and it resolves `{ saved: false }`. */
  signal?: AbortSignal;
}

export interface Platform {
  readonly host: 'electron' | 'browser';
  appInfo(): Promise<AppInfo>;
  /** Resolves `{ saved: false }` when the user cancels. */
  saveFile(request: SaveFileRequest): Promise<{ saved: boolean }>;
  /** Resolves null when the user cancels. */
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  /** Several files in one dialog (the merge's returns); an empty list when the user cancels. */
  openFiles(request: OpenFilesRequest): Promise<OpenedFile[]>;
  /**
   * Electron only: asks where to save, then writes the workpaper described by `request.spec`
   * in a separate process with exceljs's streaming writer, which needs Node and keeps memory
   * flat however many rows there are. Resolves `{ saved: false }` when the user cancels the
   * dialog or the signal aborts. Absent in the browser edition, which writes the bytes in a
   * worker and hands them to `saveFile`.
   */
  saveWorkpaper?(
    request: SaveWorkpaperRequest,
    options?: SaveWorkpaperOptions,
  ): Promise<{ saved: boolean; bytes: number }>;
  /**
   * Where each vault's newest trail head is remembered outside its database, so a database put
   * back from an older copy is noticed at unlock. Electron: sealed by the OS key store in the
   * user-data folder. Browser edition: the page's localStorage, in the same profile as the
   * database, so it only catches a database copied back without the rest of the profile.
   */
  readonly anchors: {
    read(vaultId: string): Promise<TrailAnchor | null>;
    write(vaultId: string, anchor: TrailAnchor): Promise<void>;
  };
  /** The host asks to lock (machine sleeping, screen locked). Returns an unsubscribe. */
  onLockRequest(listener: (reason: LockReason) => void): () => void;
}

export class PlatformError extends Error {
  override name = 'PlatformError';
}
