/**
 * Only two entry files may import 'electron': the main-process entry and the preload. Everything
 * else takes Electron's objects as parameters, so it runs (and is tested) in plain Node.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;
const ELECTRON_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]electron['"]/;

async function sources(): Promise<string[]> {
  const entries = await readdir(here, { recursive: true });
  return entries
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => file.split(path.sep).join('/'));
}

describe('electron/ boundaries', () => {
  it("imports 'electron' only in main/index.ts and preload/index.ts", async () => {
    const importers: string[] = [];
    for (const file of await sources()) {
      if (ELECTRON_IMPORT.test(await readFile(path.join(here, file), 'utf8'))) importers.push(file);
    }
    expect(importers.sort()).toEqual(['main/index.ts', 'preload/index.ts']);
  });

  it('keeps node/ and the launcher free of main/ and preload/', async () => {
    const nodeSide = (await sources()).filter((f) => f.startsWith('node/') || f === 'launch.ts');
    for (const file of nodeSide) {
      const text = await readFile(path.join(here, file), 'utf8');
      expect(text, file).not.toMatch(/from\s+['"]\.\.?\/(?:\.\.\/)?(?:main|preload)\//);
    }
  });
});
