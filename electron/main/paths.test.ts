import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPaths } from './paths';

describe('builtPaths', () => {
  it('finds the preload and the export utility beside main.cjs, the renderer beside build/electron', () => {
    const dir = path.join('/opt', 'aw', 'resources', 'app.asar', 'build', 'electron');
    expect(builtPaths(dir)).toEqual({
      preload: path.join(dir, 'preload.cjs'),
      renderer: path.join('/opt', 'aw', 'resources', 'app.asar', 'build', 'renderer'),
      exportUtility: path.join(dir, 'export-utility.cjs'),
    });
  });
});
