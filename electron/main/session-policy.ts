/**
 * Locks down the browser session: the workbench needs no camera, microphone, location,
 * notifications or any other permission, and never talks to the network. The CSP already keeps
 * the page on its own origin; cancelling network requests here also covers anything that
 * escapes the page's CSP (devtools aside, there should be none).
 */

/** URL schemes that reach outside the app. `app:`, `data:`, `blob:` and `devtools:` stay open. */
const OUTSIDE_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

export function isBlockedRequestUrl(url: string): boolean {
  try {
    return OUTSIDE_SCHEMES.has(new URL(url).protocol);
  } catch {
    return true;
  }
}

/** The parts of Electron's `Session` the policy configures. */
export interface LockableSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  webRequest: {
    onBeforeRequest(
      filter: { urls: string[] },
      listener: (
        details: { url: string },
        callback: (response: { cancel: boolean }) => void,
      ) => void,
    ): void;
  };
}

export function lockDownSession(session: LockableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: isBlockedRequestUrl(details.url) });
  });
}
