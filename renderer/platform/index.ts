/** Picks the implementation for where we run: the preload bridge if present, else the browser. */
import { browserPlatform } from './browser';
import { electronPlatform, findBridge } from './electron-bridge';
import type { Platform } from './platform';

export type {
  Platform,
  LockReason,
  AppInfo,
  OpenedFile,
  SaveWorkpaperOptions,
  SaveWorkpaperRequest,
} from './platform';

export function detectPlatform(): Platform {
  const bridge = findBridge();
  return bridge ? electronPlatform(bridge) : browserPlatform();
}
