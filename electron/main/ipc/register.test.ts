import { describe, expect, it } from 'vitest';
import { invokeChannelNames } from '../../../shared/ipc/contract';
import type { InvokeEvent } from './handle';
import { createIpcHandlers } from './handlers';
import { registerIpc } from './register';
import { invokeEvent } from './testing';

type Listener = (event: InvokeEvent, request: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const registered = new Map<string, Listener>();
  return {
    registered,
    handle(channel: string, listener: Listener) {
      if (registered.has(channel)) throw new Error(`twice: ${channel}`);
      registered.set(channel, listener);
    },
  };
}

const handlers = createIpcHandlers({
  app: { getVersion: () => '0.1.0' },
  electronVersion: '45.4.1',
  dialog: {
    showSaveDialog: () => Promise.resolve({ canceled: true }),
    showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
  },
  fs: {
    stat: () => Promise.reject(new Error('unused')),
    readFile: () => Promise.reject(new Error('unused')),
    writeFile: () => Promise.reject(new Error('unused')),
  },
  forkExportProcess: () => {
    throw new Error('unused');
  },
  safeStorage: {
    isEncryptionAvailable: () => false,
    encryptString: () => Buffer.alloc(0),
    decryptString: () => '',
  },
  anchorFs: {
    readFile: () => Promise.reject(new Error('unused')),
    writeFile: () => Promise.reject(new Error('unused')),
    rename: () => Promise.reject(new Error('unused')),
    mkdir: () => Promise.reject(new Error('unused')),
  },
  anchorDir: '/unused',
});

describe('registerIpc', () => {
  it('registers exactly the contract invoke channels, once each', () => {
    const ipcMain = fakeIpcMain();
    registerIpc(ipcMain, handlers);
    expect([...ipcMain.registered.keys()].sort()).toEqual([...invokeChannelNames].sort());
  });

  it('wires each channel to its wrapped handler', async () => {
    const ipcMain = fakeIpcMain();
    registerIpc(ipcMain, handlers);
    const info = ipcMain.registered.get('app:info');
    expect(await info?.(invokeEvent(), undefined)).toEqual({
      ok: true,
      value: { version: '0.1.0', host: 'electron', hostVersion: '45.4.1' },
    });
    expect(await info?.(invokeEvent('https://evil.example/'), undefined)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    const save = ipcMain.registered.get('file:save');
    expect(
      await save?.(invokeEvent(), { suggestedName: 'a.xlsx', data: new Uint8Array(1) }),
    ).toEqual({
      ok: true,
      value: { saved: false },
    });
  });
});
