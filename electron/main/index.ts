/**
 * The Electron main process entry: the only main-process file that imports 'electron'. It
 * wires the real Electron and Node objects into the modules beside it, which hold the logic
 * and are tested in plain Node.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  utilityProcess,
} from 'electron';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-origin';
import { createAppProtocolHandler } from './app-protocol';
import { createIpcHandlers } from './ipc/handlers';
import type { FileDialogs } from './ipc/files';
import { registerIpc } from './ipc/register';
import { hardenWebContents } from './navigation-policy';
import { builtPaths } from './paths';
import { lockDownSession } from './session-policy';
import { forwardLockEvents } from './session-lock';
import { createWindowOptions } from './window-options';

const paths = builtPaths(__dirname);
let mainWindow: BrowserWindow | null = null;

// Must happen before 'ready'; a privileged scheme is a secure context with a real origin.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

if (app.requestSingleInstanceLock()) {
  start();
} else {
  // Two instances would share one IndexedDB and race on it; the first one gets focus instead.
  app.quit();
}

function start(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
  });
  app.on('second-instance', focusMainWindow);
  // Closing the window ends the session, on macOS too: the vaults must not stay open unseen.
  app.on('window-all-closed', () => {
    app.quit();
  });
  app.whenReady().then(onReady).catch(fail);
}

function onReady(): void {
  lockDownSession(session.defaultSession);
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ fs: { stat, readFile }, rendererRoot: paths.renderer }),
  );
  registerIpc(
    ipcMain,
    createIpcHandlers({
      app,
      electronVersion: process.versions.electron,
      dialog: dialogsOverMainWindow(),
      fs: { stat, readFile, writeFile },
      // One process per large export, which exits when it is done (see export-utility.ts).
      forkExportProcess: () =>
        utilityProcess.fork(paths.exportUtility, [], { serviceName: 'Audit Workbench export' }),
      // Trail heads, sealed by the OS key store, beside (not inside) the vaults' databases.
      safeStorage,
      anchorFs: { readFile, writeFile, rename, mkdir },
      anchorDir: path.join(app.getPath('userData'), 'trail-anchors'),
    }),
  );
  forwardLockEvents(powerMonitor, () => BrowserWindow.getAllWindows());
  createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
}

function createMainWindow(): void {
  const window = new BrowserWindow(
    createWindowOptions({ preloadPath: paths.preload, devTools: !app.isPackaged }),
  );
  mainWindow = window;
  window.once('ready-to-show', () => {
    window.show();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(APP_ENTRY_URL).catch(fail);
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** Dialogs are modal to the workbench window, so they cannot slip behind it. */
function dialogsOverMainWindow(): FileDialogs {
  return {
    showSaveDialog: (options) =>
      mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
    showOpenDialog: (options) =>
      mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
  };
}

function fail(error: unknown): void {
  console.error('Audit Workbench could not start:', error);
  app.exit(1);
}
