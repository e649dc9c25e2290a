import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from './app-origin';

describe('isAppUrl', () => {
  it.each([APP_ENTRY_URL, 'app://workbench/', 'app://workbench/assets/x.js?v=1#top'])(
    'accepts %s',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
    },
  );

  it.each([
    'https://evil.example/',
    'http://workbench/index.html',
    'file:///index.html',
    'app://evil/index.html',
    'app://workbench.evil.example/',
    'app://workbench:8080/',
    'app://user:pass@workbench/',
    'app:workbench/index.html',
    'not a url',
    '',
  ])('rejects %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});
