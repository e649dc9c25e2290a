/** Registers one wrapped handler per contract channel, iterating the contract's own names. */
import { invokeChannelNames } from '../../../shared/ipc/contract';
import { type ErrorLog, handle, type IpcHandlers, type InvokeEvent } from './handle';

/** The part of Electron's `ipcMain` used here. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEvent, request: unknown) => Promise<unknown>,
  ): void;
}

export function registerIpc(ipcMain: IpcMainLike, handlers: IpcHandlers, log?: ErrorLog): void {
  for (const channel of invokeChannelNames) {
    ipcMain.handle(channel, handle(channel, handlers[channel], log));
  }
}
