/**
 * What a page may open: only our own `app://workbench` pages, in the window it is in. No new
 * windows, no `<webview>`, no navigation elsewhere — an injected link cannot take the user (or
 * the vault contents on screen) to another site.
 */
import { isAppUrl } from './app-origin';

export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of Electron's `WebContents` the policy attaches to. */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-frame-navigate',
    listener: (event: PreventableEvent & { url: string }) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Applied to every web contents the app creates (`app.on('web-contents-created')`). */
export function hardenWebContents(contents: GuardedContents): void {
  const guard = (event: PreventableEvent & { url: string }): void => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  // Sub-frames navigate without 'will-navigate'; the same rule applies to them.
  contents.on('will-frame-navigate', guard);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
