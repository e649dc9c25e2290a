/**
 * The renderer's origin inside Electron: `app://workbench`. A privileged, standard, secure
 * scheme rather than `file://`, so the page is a secure context (`crypto.subtle`, IndexedDB),
 * has a real origin for the CSP and the sender checks, and cannot read the disk.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Passed to `protocol.registerSchemesAsPrivileged` before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  // Never bypass the CSP; no service workers (nothing to cache offline beyond the bundle).
  bypassCSP: false,
  allowServiceWorkers: false,
} as const;

/**
 * True for URLs on our app's origin. Compared by parts, not by `URL.origin`: Node's URL parser
 * does not know `app:` is a standard scheme and reports its origin as "null".
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host.toLowerCase() === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
