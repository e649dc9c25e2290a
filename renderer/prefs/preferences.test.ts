import { describe, expect, it } from 'vitest';
import { loadPreferences, savePreferences } from './preferences';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('preferences', () => {
  it('default to zh-TW, the ROC calendar and a 10-minute idle lock', () => {
    expect(loadPreferences(memoryStorage())).toEqual({
      language: 'zh-TW',
      calendar: 'roc',
      idleMinutes: 10,
    });
  });

  it('round-trip and repair invalid values field by field', () => {
    const storage = memoryStorage();
    savePreferences({ language: 'en', calendar: 'iso', idleMinutes: 30 }, storage);
    expect(loadPreferences(storage)).toEqual({ language: 'en', calendar: 'iso', idleMinutes: 30 });
    const damaged = memoryStorage({
      'aw-preferences': '{"language":"fr","calendar":"iso","idleMinutes":0}',
    });
    expect(loadPreferences(damaged)).toEqual({
      language: 'zh-TW',
      calendar: 'iso',
      idleMinutes: 10,
    });
    expect(loadPreferences(memoryStorage({ 'aw-preferences': 'not json' })).language).toBe('zh-TW');
  });
});
