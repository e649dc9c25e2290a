import { mkdtemp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../node/csp';
import { createAppProtocolHandler } from './app-protocol';

describe('app:// protocol handler', () => {
  let dir: string;
  let serve: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'aw-protocol-'));
    await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>AW</title>');
    await writeFile(path.join(dir, 'renderer', 'assets', 'style.css'), 'body{}');
    await writeFile(path.join(dir, 'secret.txt'), 'secret');
    serve = createAppProtocolHandler({
      fs: { stat, readFile },
      rendererRoot: path.join(dir, 'renderer'),
    });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the entry page with the CSP', async () => {
    const res = await serve(new Request('app://workbench/index.html'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>AW</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets with their MIME type', async () => {
    const res = await serve(new Request('app://workbench/assets/style.css'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it.each([
    'app://workbench/../secret.txt',
    'app://workbench/%2e%2e/secret.txt',
    'app://workbench/..%2fsecret.txt',
    'app://workbench/..%5csecret.txt',
  ])('never reads outside the renderer folder: %s', async (url) => {
    const res = await serve(new Request(url));
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('secret');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('404s another host and a missing file, still with the CSP', async () => {
    for (const url of ['app://other/index.html', 'app://workbench/missing.js']) {
      const res = await serve(new Request(url));
      expect(res.status).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('405s anything but GET and HEAD', async () => {
    const res = await serve(
      new Request('app://workbench/index.html', { method: 'POST', body: 'x' }),
    );
    expect(res.status).toBe(405);
  });
});
