/**
 * A stand-in for the parts of the 'electron' module `main/index.ts` uses, recording what the
 * built main process does with them. Only for tests that run the bundled `main.cjs` in Node.
 */
type Listener = (...args: unknown[]) => void;

interface FakeWindow {
  options: unknown;
  loaded: string[];
}

export function fakeElectron(options: { singleInstanceLock?: boolean } = {}) {
  let markReady: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  let isReady = false;

  const calls = {
    privilegedSchemes: [] as unknown[],
    registeredBeforeReady: false,
    sandboxEnabled: false,
    quit: false,
    appEvents: [] as string[],
    permissionHandlers: [] as string[],
    ipcChannels: [] as string[],
    powerEvents: [] as string[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    windows: [] as FakeWindow[],
  };

  class BrowserWindow {
    static getAllWindows = (): BrowserWindow[] => windows;
    readonly webContents = { send: () => undefined, isDestroyed: () => false };
    readonly record: FakeWindow;
    constructor(windowOptions: unknown) {
      this.record = { options: windowOptions, loaded: [] };
      calls.windows.push(this.record);
      windows.push(this);
    }
    once(): this {
      return this;
    }
    on(): this {
      return this;
    }
    loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  }
  const windows: BrowserWindow[] = [];

  const module = {
    app: {
      requestSingleInstanceLock: () => options.singleInstanceLock ?? true,
      enableSandbox: () => {
        calls.sandboxEnabled = true;
      },
      on: (event: string, _listener: Listener) => {
        calls.appEvents.push(event);
      },
      whenReady: () => whenReady,
      getVersion: () => '0.1.0',
      getPath: (name: string) => `/nonexistent/${name}`,
      isPackaged: false,
      quit: () => {
        calls.quit = true;
      },
      exit: () => undefined,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        calls.privilegedSchemes.push(...schemes);
        calls.registeredBeforeReady = !isReady;
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        calls.protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => calls.permissionHandlers.push('request'),
        setPermissionCheckHandler: () => calls.permissionHandlers.push('check'),
        webRequest: { onBeforeRequest: () => undefined },
      },
    },
    ipcMain: {
      handle: (channel: string) => {
        calls.ipcChannels.push(channel);
      },
    },
    powerMonitor: {
      on: (event: string) => {
        calls.powerEvents.push(event);
      },
    },
    dialog: {},
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
    },
    BrowserWindow,
  };

  return {
    module,
    calls,
    /** Fires 'ready' and lets the main process's ready handler run. */
    ready: async (): Promise<void> => {
      isReady = true;
      markReady();
      await whenReady;
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}
