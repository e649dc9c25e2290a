import { describe, expect, it } from 'vitest';
import { createWindowOptions, WINDOW_TITLE } from './window-options';

describe('createWindowOptions', () => {
  const options = createWindowOptions({
    preloadPath: '/app/build/electron/preload.cjs',
    devTools: false,
  });

  it('isolates and sandboxes the renderer, without Node', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('loads our preload and nothing else', () => {
    expect(options.webPreferences.preload).toBe('/app/build/electron/preload.cjs');
  });

  it('opens a 1280x800 window, at least 1024x640, shown when ready', () => {
    expect(options).toMatchObject({
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 640,
      show: false,
      title: 'Audit Workbench 稽核工作台',
    });
    expect(WINDOW_TITLE).toBe(options.title);
  });

  it('allows DevTools only when asked (development builds)', () => {
    expect(createWindowOptions({ preloadPath: 'p', devTools: true }).webPreferences.devTools).toBe(
      true,
    );
  });
});
