/**
 * The preload: runs sandboxed before the page, and exposes the contract's bridge as
 * `window.workbench`. Bundled to CommonJS; only `contextBridge` and `ipcRenderer` come from
 * 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY } from '../../shared/ipc/channels';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld(BRIDGE_KEY, createBridge(ipcRenderer));
