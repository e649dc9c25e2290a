/**
 * The browser edition's host: a tiny read-only HTTP server for the built renderer. It listens on
 * 127.0.0.1 only — loopback is a secure context, so `crypto.subtle` and IndexedDB work, and
 * nothing on the network can reach the page. Responses carry the same CSP as `app://`.
 */
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadStaticFile, SECURITY_HEADERS } from './static-files';

/** Loopback only, never configurable: the server must not be reachable from other machines. */
export const LOOPBACK_HOST = '127.0.0.1';

export interface StaticServerOptions {
  /** The folder to serve, usually `build/renderer`. */
  root: string;
  /** 0 picks any free port. */
  port: number;
}

export interface StaticServer {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  port: number;
  close(): Promise<void>;
}

const ALLOWED_METHODS = 'GET, HEAD';

/** Starts serving; rejects with the listen error (e.g. `EADDRINUSE`) if the port is taken. */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const server = http.createServer((request, response) => {
    void respond(options.root, server, request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo; // a TCP listener always has an AddressInfo
  return {
    url: `http://${LOOPBACK_HOST}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Browsers hold keep-alive sockets open; without this, close() waits for them.
        server.closeAllConnections();
      }),
  };
}

async function respond(
  root: string,
  server: http.Server,
  request: http.IncomingMessage,
  response: http.ServerResponse,
): Promise<void> {
  const send = (status: number, extra: Record<string, string> = {}, body?: Uint8Array): void => {
    response.writeHead(status, { ...SECURITY_HEADERS, ...extra });
    response.end(request.method === 'HEAD' ? undefined : body);
  };

  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(405, { Allow: ALLOWED_METHODS });
    return;
  }
  // A page on another site that rebinds its DNS name to 127.0.0.1 arrives with its own Host.
  if (!isLoopbackHost(request.headers.host, server)) {
    send(421);
    return;
  }
  const file = await loadStaticFile({ stat, readFile }, root, pathnameOf(request.url ?? '/'));
  if (file.status !== 200) {
    send(file.status);
    return;
  }
  send(
    200,
    { 'Content-Type': file.contentType, 'Content-Length': String(file.body.byteLength) },
    file.body,
  );
}

/** The raw, still-encoded path: no query, no fragment, not normalised (resolveInside judges it). */
function pathnameOf(requestTarget: string): string {
  const end = requestTarget.search(/[?#]/);
  return end === -1 ? requestTarget : requestTarget.slice(0, end);
}

function isLoopbackHost(hostHeader: string | undefined, server: http.Server): boolean {
  const { port } = server.address() as AddressInfo;
  return hostHeader === `${LOOPBACK_HOST}:${port}` || hostHeader === `localhost:${port}`;
}
