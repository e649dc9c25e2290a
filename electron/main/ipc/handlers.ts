/**
 * The registration table: one entry per invoke channel of the contract. `IpcHandlers` is
 * derived from the contract, so a channel added there fails to compile here until it is handled.
 */
import { type AnchorDeps, anchorHandlers } from './anchors';
import { appInfo, type AppInfoDeps } from './app-info';
import { type FileDeps, openFile, openFiles, saveFile } from './files';
import type { IpcHandlers } from './handle';
import { type WorkpaperDeps, workpaperHandlers } from './workpaper';

export type IpcHandlerDeps = AppInfoDeps & FileDeps & WorkpaperDeps & AnchorDeps;

export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  const workpaper = workpaperHandlers(deps);
  const anchors = anchorHandlers(deps);
  return {
    'app:info': appInfo(deps),
    'file:save': saveFile(deps),
    'file:open': openFile(deps),
    'files:open': openFiles(deps),
    'workpaper:save': workpaper.save,
    'workpaper:cancel': workpaper.cancel,
    'anchor:read': anchors.read,
    'anchor:write': anchors.write,
  };
}
