import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parsePort, PortTakenError, serveBrowserEdition } from './browser-edition';
import { startStaticServer } from './static-server';

describe('parsePort', () => {
  it('defaults to 5178', () => {
    expect(parsePort(undefined)).toBe(DEFAULT_PORT);
    expect(parsePort('')).toBe(5178);
  });

  it('reads a port number, 0 included', () => {
    expect(parsePort('8080')).toBe(8080);
    expect(parsePort('0')).toBe(0);
  });

  it.each(['http', '80.5', '-1', '65536'])('rejects %s', (value) => {
    expect(() => parsePort(value)).toThrow(/AW_PORT/);
  });
});

describe('serveBrowserEdition', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'aw-edition-'));
    await writeFile(path.join(dir, 'index.html'), 'x');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses to start on another port when its own is taken, and says why', async () => {
    const squatter = await startStaticServer({ root: dir, port: 0 });
    try {
      const attempt = serveBrowserEdition(dir, squatter.port);
      await expect(attempt).rejects.toBeInstanceOf(PortTakenError);
      await expect(attempt).rejects.toThrow(
        new RegExp(`Port ${squatter.port} .* does not move to another port`),
      );
    } finally {
      await squatter.close();
    }
  });

  it('serves on its port when it is free', async () => {
    const server = await serveBrowserEdition(dir, 0);
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    } finally {
      await server.close();
    }
  });
});
