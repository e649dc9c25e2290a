/**
 * Builds `window.workbench` from the IPC contract: one named function per invoke channel and one
 * subscribe function per event channel. The page gets these functions only — never
 * `ipcRenderer`, never the raw IPC event.
 */
import { eventChannelNames, invokeChannelNames } from '../../shared/ipc/channels';
import type {
  EventChannel,
  InvokeChannel,
  IpcEvent,
  IpcRequest,
  IpcResult,
  IpcValue,
  WorkbenchBridge,
} from '../../shared/ipc/contract';

// Generic in their keys so that `Invokers<C>[C]` reduces to that one channel's function.
type Invokers<K extends InvokeChannel = InvokeChannel> = {
  [C in K]: (request: IpcRequest<C>) => Promise<IpcResult<IpcValue<C>>>;
};
type Subscribers<K extends EventChannel = EventChannel> = {
  [C in K]: (listener: (event: IpcEvent<C>) => void) => () => void;
};

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The parts of Electron's `ipcRenderer` the bridge closes over. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

export function createBridge(ipc: IpcRendererLike): WorkbenchBridge {
  // Object.fromEntries forgets which key holds which function; each function is checked
  // against its channel by invoker() and subscriber(), and the names are the contract's own.
  const invoke = Object.fromEntries(
    invokeChannelNames.map((channel) => [channel, invoker(ipc, channel)]),
  ) as Invokers;
  const subscribe = Object.fromEntries(
    eventChannelNames.map((channel) => [channel, subscriber(ipc, channel)]),
  ) as Subscribers;
  return { invoke, subscribe } satisfies WorkbenchBridge;
}

function invoker<C extends InvokeChannel>(ipc: IpcRendererLike, channel: C): Invokers<C>[C] {
  return (request: IpcRequest<C>) =>
    // The main process answers each channel with the IpcResult the contract names for it.
    ipc.invoke(channel, request) as Promise<IpcResult<IpcValue<C>>>;
}

function subscriber<C extends EventChannel>(ipc: IpcRendererLike, channel: C): Subscribers<C>[C] {
  return (listener: (event: IpcEvent<C>) => void) => {
    const forward: IpcListener = (_event, payload) => {
      // The main process sends each channel's contract payload (see session-lock.ts sendEvent).
      listener(payload as IpcEvent<C>);
    };
    ipc.on(channel, forward);
    return () => {
      ipc.removeListener(channel, forward);
    };
  };
}
