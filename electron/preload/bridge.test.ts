import { describe, expect, it, vi } from 'vitest';
import { eventChannelNames, invokeChannelNames } from '../../shared/ipc/contract';
import { createBridge, type IpcRendererLike } from './bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpcRenderer() {
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: vi.fn((channel: string, ...args: unknown[]) =>
      Promise.resolve({ ok: true, value: { channel, args } }),
    ),
    on: vi.fn((channel: string, listener: Listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
    }),
  } satisfies IpcRendererLike;
  const emit = (channel: string, payload: unknown): void => {
    const senderEvent = { sender: 'ipcRenderer', ports: [] };
    for (const listener of listeners.get(channel) ?? []) listener(senderEvent, payload);
  };
  return { ipc, emit, listeners };
}

describe('createBridge', () => {
  it('has one function per contract channel and nothing else', () => {
    const bridge = createBridge(fakeIpcRenderer().ipc);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'subscribe']);
    expect(Object.keys(bridge.invoke).sort()).toEqual([...invokeChannelNames].sort());
    expect(Object.keys(bridge.subscribe).sort()).toEqual([...eventChannelNames].sort());
    for (const fn of [...Object.values(bridge.invoke), ...Object.values(bridge.subscribe)]) {
      expect(typeof fn).toBe('function');
    }
  });

  it('forwards an invoke to its own channel with exactly one argument', async () => {
    const { ipc } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const request = { maxBytes: 1024 };
    await expect(bridge.invoke['file:open'](request)).resolves.toEqual({
      ok: true,
      value: { channel: 'file:open', args: [request] },
    });
    await bridge.invoke['app:info'](undefined);
    expect(ipc.invoke).toHaveBeenNthCalledWith(1, 'file:open', request);
    expect(ipc.invoke).toHaveBeenNthCalledWith(2, 'app:info', undefined);
    expect(ipc.invoke).toHaveBeenCalledTimes(2);
  });

  it('hands subscribers the payload only, never the IPC event', () => {
    const { ipc, emit } = fakeIpcRenderer();
    const listener = vi.fn();
    createBridge(ipc).subscribe['session:lock'](listener);
    emit('session:lock', { reason: 'suspend' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ reason: 'suspend' });
  });

  it('unsubscribes exactly the listener it added', () => {
    const { ipc, emit, listeners } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = bridge.subscribe['session:lock'](first);
    bridge.subscribe['session:lock'](second);
    unsubscribeFirst();
    emit('session:lock', { reason: 'lock-screen' });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
    expect(listeners.get('session:lock')?.size).toBe(1);
  });

  it('does not expose ipcRenderer or any of its methods', () => {
    const { ipc } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const reachable: unknown[] = [
      ...Object.values(bridge),
      ...Object.values(bridge.invoke),
      ...Object.values(bridge.subscribe),
    ];
    for (const value of reachable) {
      expect([ipc, ipc.invoke, ipc.on, ipc.removeListener]).not.toContain(value);
    }
  });
});
