/**
 * Serves the built renderer on `app://workbench/…` (registered with `protocol.handle`). Reads
 * only inside the renderer folder, and every answer, 404s included, carries the CSP.
 */
import { loadStaticFile, SECURITY_HEADERS, type StaticFs } from '../node/static-files';
import { APP_HOST } from './app-origin';

export interface AppProtocolDeps {
  /** `node:fs/promises` (Electron's copy reads inside asar archives). */
  fs: StaticFs;
  /** Absolute path of `build/renderer`. */
  rendererRoot: string;
}

export function createAppProtocolHandler(
  deps: AppProtocolDeps,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const answer = (status: number, body: Uint8Array | null = null, type?: string): Response =>
      new Response(request.method === 'HEAD' ? null : body, {
        status,
        headers: type ? { ...SECURITY_HEADERS, 'Content-Type': type } : SECURITY_HEADERS,
      });

    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405);
    const url = new URL(request.url);
    if (url.host.toLowerCase() !== APP_HOST) return answer(404);

    const file = await loadStaticFile(deps.fs, deps.rendererRoot, url.pathname);
    return file.status === 200 ? answer(200, file.body, file.contentType) : answer(file.status);
  };
}
