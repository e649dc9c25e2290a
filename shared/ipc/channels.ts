/**
 * The IPC channel names alone, free of zod, so the sandboxed preload bundles a few lines instead
 * of the whole schema library. `contract.ts` checks that these lists match its schemas.
 */
export const BRIDGE_KEY = 'workbench';
export const invokeChannelNames = [
  'app:info',
  'file:save',
  'file:open',
  'files:open',
  'workpaper:save',
  'workpaper:cancel',
  'anchor:read',
  'anchor:write',
] as const;
export const eventChannelNames = ['session:lock', 'workpaper:progress'] as const;
