import fs from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

describe('findElectronBinary', () => {
  let dir: string;
  let packageDir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'aw-electron-'));
    packageDir = path.join(dir, 'node_modules', 'electron');
    await mkdir(packageDir, { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const find = (env: Record<string, string> = {}) =>
    findElectronBinary({ env, fs, packageDir, platform: 'linux' });

  it('reports a package installed without its binary (no path.txt)', () => {
    expect(find()).toEqual({ ok: false, reason: 'no binary in node_modules/electron/dist' });
  });

  it('reports a path.txt whose binary is missing', async () => {
    await writeFile(path.join(packageDir, 'path.txt'), 'electron');
    const found = find();
    expect(found.ok).toBe(false);
    expect(!found.ok && found.reason).toContain('no binary in node_modules/electron/dist');
  });

  it('finds the binary that path.txt names', async () => {
    await writeFile(path.join(packageDir, 'path.txt'), 'electron');
    await mkdir(path.join(packageDir, 'dist'));
    await writeFile(path.join(packageDir, 'dist', 'electron'), '');
    expect(find()).toEqual({ ok: true, path: path.join(packageDir, 'dist', 'electron') });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH when the binary is there', async () => {
    const override = path.join(dir, 'custom-dist');
    await mkdir(override);
    await writeFile(path.join(override, 'electron'), '');
    expect(find({ ELECTRON_OVERRIDE_DIST_PATH: override })).toEqual({
      ok: true,
      path: path.join(override, 'electron'),
    });
  });

  it('reports an override folder without the binary, and ignores dist then', async () => {
    await writeFile(path.join(packageDir, 'path.txt'), 'electron');
    await mkdir(path.join(packageDir, 'dist'));
    await writeFile(path.join(packageDir, 'dist', 'electron'), '');
    const found = find({ ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'nowhere') });
    expect(found.ok).toBe(false);
    expect(!found.ok && found.reason).toContain('ELECTRON_OVERRIDE_DIST_PATH');
  });

  it('uses the platform executable name inside an override folder', async () => {
    const override = path.join(dir, 'win-dist');
    await mkdir(override);
    await writeFile(path.join(override, 'electron.exe'), '');
    const found = findElectronBinary({
      env: { ELECTRON_OVERRIDE_DIST_PATH: override },
      fs,
      packageDir,
      platform: 'win32',
    });
    expect(found).toEqual({ ok: true, path: path.join(override, 'electron.exe') });
  });
});
