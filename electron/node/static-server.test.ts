import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp';
import { type StaticServer, startStaticServer } from './static-server';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request: fetch() would normalise `..` away before the server could refuse it. */
function request(
  server: StaticServer,
  requestPath: string,
  options: { method?: string; host?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: requestPath,
        method: options.method ?? 'GET',
        headers: options.host ? { Host: options.host } : {},
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** This machine's first non-loopback IPv4 address, if it has one. */
const EXTERNAL = Object.values(os.networkInterfaces())
  .flat()
  .find((info) => info && info.family === 'IPv4' && !info.internal)?.address;
if (!EXTERNAL) {
  console.log(
    'SKIPPED: "is not reachable on other addresses of this machine" did not run, because this ' +
      'machine has no non-loopback IPv4 interface: there is no other address to try.',
  );
}

/** A GET to one of this machine's own addresses: its status, or the socket error. */
function probe(host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(
        { host, port, path: '/', headers: { Host: `127.0.0.1:${port}` }, timeout: 2000 },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      )
      .on('error', reject)
      .on('timeout', function (this: http.ClientRequest) {
        this.destroy(new Error(`no answer from ${host}:${port} in 2 s`));
      });
  });
}

describe('startStaticServer', () => {
  let dir: string;
  let server: StaticServer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'aw-server-'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>AW</title>');
    await writeFile(path.join(dir, 'app.wasm'), new Uint8Array([0, 97, 115, 109]));
    server = await startStaticServer({ root: dir, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and reports its URL', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('serves index.html for / with the CSP and the other security headers', async () => {
    const res = await request(server, '/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>AW</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('serves wasm with its MIME type and ignores the query string', async () => {
    const res = await request(server, '/app.wasm?v=2');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/wasm');
  });

  it('answers HEAD with headers and no body', async () => {
    const res = await request(server, '/index.html', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String('<!doctype html><title>AW</title>'.length));
    expect(res.body).toBe('');
  });

  it.each(['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd'])(
    'refuses the traversal %s',
    async (requestPath) => {
      const res = await request(server, requestPath);
      expect([403, 404]).toContain(res.status);
      expect(res.body).not.toContain('root:');
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    },
  );

  it('404s a missing file, with the CSP', async () => {
    const res = await request(server, '/missing.js');
    expect(res.status).toBe(404);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])('405s %s', async (method) => {
    const res = await request(server, '/', { method });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it('accepts localhost but refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await request(server, '/', { host: `localhost:${server.port}` })).status).toBe(200);
    expect((await request(server, '/', { host: `evil.example:${server.port}` })).status).toBe(421);
  });

  it.skipIf(!EXTERNAL)('is not reachable on other addresses of this machine', async () => {
    if (!EXTERNAL) throw new Error('skipIf runs this test only with an external address');
    // The control: a server bound to that address answers there, so the probe can reach the
    // address, and a refusal below means our server is not listening on it.
    const control = http.createServer((_req, res) => res.end('control'));
    await new Promise<void>((resolve) => control.listen(0, EXTERNAL, resolve));
    try {
      const { port } = control.address() as AddressInfo;
      await expect(probe(EXTERNAL, port)).resolves.toBe(200);
    } finally {
      await new Promise((resolve) => control.close(resolve));
    }
    await expect(probe(EXTERNAL, server.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect(probe('127.0.0.1', server.port)).resolves.toBe(200);
  });
});

describe('close', () => {
  it('frees the port even with a keep-alive connection open', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'aw-close-'));
    await writeFile(path.join(dir, 'index.html'), 'x');
    const server = await startStaticServer({ root: dir, port: 0 });
    const agent = new http.Agent({ keepAlive: true });
    await new Promise<void>((resolve) => {
      http.get({ host: '127.0.0.1', port: server.port, path: '/', agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
    });
    await server.close();
    const again = await startStaticServer({ root: dir, port: server.port });
    await again.close();
    agent.destroy();
    await rm(dir, { recursive: true, force: true });
  });
});
