/**
 * Maps a request path onto a file inside one folder, for both hosts of the built renderer: the
 * Electron `app://` protocol and the browser edition's HTTP server. The resolved path must stay
 * inside the folder whatever the request says (`..`, `%2e%2e`, encoded slashes, NUL bytes).
 */
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';
import { mimeTypeFor } from './mime';

/** Headers on every response either host sends, successful or not. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // The build changes under a running app during development; stale bundles cost more than bytes.
  'Cache-Control': 'no-store',
};

export type ResolvedPath = { ok: true; path: string } | { ok: false; status: 403 };

/**
 * Resolves the pathname of a request URL (still percent-encoded, without query) to a file path
 * inside `root`. `/` and any path ending in `/` mean that folder's `index.html`.
 */
export function resolveInside(root: string, encodedPathname: string): ResolvedPath {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedPathname);
  } catch {
    return { ok: false, status: 403 };
  }
  // Backslashes are separators on Windows; no file of the build has one in its name.
  if (/[\0\\]/.test(decoded) || !decoded.startsWith('/')) return { ok: false, status: 403 };

  const base = path.resolve(root);
  const wanted = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const resolved = path.resolve(base, `.${wanted}`);
  const relative = path.relative(base, resolved);
  const escapes =
    relative === '' ||
    relative === '..' ||
    relative.startsWith(`..${path.sep}`) ||
    path.isAbsolute(relative);
  return escapes ? { ok: false, status: 403 } : { ok: true, path: resolved };
}

/** The parts of `node:fs/promises` a static host reads with (Electron's version reads asar). */
export interface StaticFs {
  stat(filePath: string): Promise<{ isFile(): boolean }>;
  readFile(filePath: string): Promise<Uint8Array<ArrayBuffer>>;
}

export type StaticFile =
  { status: 200; body: Uint8Array<ArrayBuffer>; contentType: string } | { status: 403 | 404 };

/** Loads the file a request path names, or says why not. Never throws for a missing file. */
export async function loadStaticFile(
  fs: StaticFs,
  root: string,
  encodedPathname: string,
): Promise<StaticFile> {
  const resolved = resolveInside(root, encodedPathname);
  if (!resolved.ok) return { status: resolved.status };
  try {
    // Directories, sockets and devices are not pages; only regular files are served.
    if (!(await fs.stat(resolved.path)).isFile()) return { status: 404 };
    const body = await fs.readFile(resolved.path);
    return { status: 200, body, contentType: mimeTypeFor(resolved.path) };
  } catch {
    return { status: 404 };
  }
}
