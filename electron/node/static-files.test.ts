import { mkdtemp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp';
import { loadStaticFile, resolveInside } from './static-files';

const root = path.resolve('/srv/renderer');

describe('resolveInside', () => {
  it('maps / and folder paths to index.html', () => {
    expect(resolveInside(root, '/')).toEqual({ ok: true, path: path.join(root, 'index.html') });
    expect(resolveInside(root, '/docs/')).toEqual({
      ok: true,
      path: path.join(root, 'docs', 'index.html'),
    });
  });

  it('resolves ordinary and percent-encoded names inside the folder', () => {
    expect(resolveInside(root, '/assets/app-1a2b.js')).toEqual({
      ok: true,
      path: path.join(root, 'assets', 'app-1a2b.js'),
    });
    expect(resolveInside(root, '/%E7%A8%BD%E6%A0%B8.png')).toEqual({
      ok: true,
      path: path.join(root, '稽核.png'),
    });
  });

  it.each([
    '/../../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    '/..%5c..%5cwindows%5cwin.ini',
    '/..',
    '/index.html%00.png',
    '/%E0%A4%A',
    'etc/passwd',
  ])('refuses %s', (requestPath) => {
    expect(resolveInside(root, requestPath)).toEqual({ ok: false, status: 403 });
  });

  it('allows a name that merely starts with two dots', () => {
    expect(resolveInside(root, '/..hidden.txt')).toEqual({
      ok: true,
      path: path.join(root, '..hidden.txt'),
    });
  });
});

describe('loadStaticFile', () => {
  let dir: string;
  const fs = { stat, readFile };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'aw-static-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>AW</title>');
    await writeFile(path.join(dir, 'assets', 'main.js'), 'export {};');
    await writeFile(path.join(os.tmpdir(), `${path.basename(dir)}-secret.txt`), 'secret');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(path.join(os.tmpdir(), `${path.basename(dir)}-secret.txt`), { force: true });
  });

  it('reads a file with its content type', async () => {
    const file = await loadStaticFile(fs, dir, '/assets/main.js');
    expect(file.status).toBe(200);
    if (file.status !== 200) return;
    expect(file.contentType).toBe('text/javascript; charset=utf-8');
    expect(new TextDecoder().decode(file.body)).toBe('export {};');
  });

  it('serves index.html for /', async () => {
    const file = await loadStaticFile(fs, dir, '/');
    expect(file.status === 200 && file.contentType).toBe('text/html; charset=utf-8');
  });

  it('404s missing files and folders, 403s a sibling outside the folder', async () => {
    expect(await loadStaticFile(fs, dir, '/nope.js')).toEqual({ status: 404 });
    expect(await loadStaticFile(fs, dir, '/assets')).toEqual({ status: 404 });
    const sibling = `/../${path.basename(dir)}-secret.txt`;
    expect(await loadStaticFile(fs, dir, sibling)).toEqual({ status: 403 });
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the agreed policy, word for word', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it("is repeated in index.html's meta tag (which cannot carry frame-ancestors), word for word", async () => {
    const html = await readFile(
      path.resolve(import.meta.dirname, '../../renderer/index.html'),
      'utf8',
    );
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });
});
