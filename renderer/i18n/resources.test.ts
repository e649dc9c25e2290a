import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhTW from './zh-TW.json';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

/** The keys as i18next resolves them: `x_one` / `x_other` are both the key `x`. */
function baseKeys(tree: object): Set<string> {
  return new Set(keys(tree).map((key) => key.replace(/_(one|other)$/, '')));
}

// The renderer's sources as text, through Vite's glob import (no Node API in renderer/).
const sources = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('interface text', () => {
  it('has the same keys in zh-TW and English', () => {
    expect(keys(en).sort()).toEqual(keys(zhTW).sort());
  });

  it('has no empty string in either language', () => {
    for (const tree of [en, zhTW]) {
      const flat = JSON.stringify(tree);
      expect(flat).not.toMatch(/:""/);
    }
  });

  it('defines every literal key the renderer asks for', () => {
    const known = baseKeys(zhTW);
    const used = Object.entries(sources).flatMap(([file, text]) =>
      [...text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)].map((m) => ({ file, key: m[1] })),
    );
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter(({ key }) => key && !known.has(key))).toEqual([]);
  });
});
