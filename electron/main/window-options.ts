/**
 * Options for the one workbench window, hardened per Electron's security checklist: an
 * isolated, sandboxed renderer without Node, whose only way out is the preload's named
 * functions.
 */
export const WINDOW_TITLE = 'Audit Workbench 稽核工作台';

export interface WindowOptionsInput {
  /** Absolute path of `build/electron/preload.cjs`. */
  preloadPath: string;
  /** DevTools in development only; a packaged build hides them. */
  devTools: boolean;
}

export function createWindowOptions(input: WindowOptionsInput) {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: WINDOW_TITLE,
    // Shown on 'ready-to-show', so the user never sees a blank white frame.
    show: false,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium's spellchecker downloads dictionaries; the workbench stays offline.
      spellcheck: false,
      devTools: input.devTools,
    },
  } as const;
}
