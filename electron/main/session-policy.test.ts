import { describe, expect, it } from 'vitest';
import { isBlockedRequestUrl, type LockableSession, lockDownSession } from './session-policy';

function fakeSession() {
  const installed: {
    request?: Parameters<LockableSession['setPermissionRequestHandler']>[0];
    check?: Parameters<LockableSession['setPermissionCheckHandler']>[0];
    filter?: { urls: string[] };
    beforeRequest?: Parameters<LockableSession['webRequest']['onBeforeRequest']>[1];
  } = {};
  const session: LockableSession = {
    setPermissionRequestHandler: (handler) => (installed.request = handler),
    setPermissionCheckHandler: (handler) => (installed.check = handler),
    webRequest: {
      onBeforeRequest: (filter, listener) => {
        installed.filter = filter;
        installed.beforeRequest = listener;
      },
    },
  };
  return { session, installed };
}

describe('lockDownSession', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])(
    'denies the %s permission, when asked and when checked',
    (permission) => {
      const { session, installed } = fakeSession();
      lockDownSession(session);
      let granted: boolean | undefined;
      installed.request?.({}, permission, (answer) => (granted = answer));
      expect(granted).toBe(false);
      expect(installed.check?.({}, permission)).toBe(false);
    },
  );

  it('cancels network requests and lets app:// through', () => {
    const { session, installed } = fakeSession();
    lockDownSession(session);
    expect(installed.filter).toEqual({ urls: ['<all_urls>'] });
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      installed.beforeRequest?.({ url }, (response) => (cancel = response.cancel));
      return cancel;
    };
    expect(decide('https://telemetry.example/collect')).toBe(true);
    expect(decide('app://workbench/assets/app.js')).toBe(false);
  });
});

describe('isBlockedRequestUrl', () => {
  it.each([
    'http://x/',
    'https://x/',
    'ws://x/',
    'wss://x/',
    'ftp://x/',
    'file:///etc/passwd',
    '::',
  ])('blocks %s', (url) => {
    expect(isBlockedRequestUrl(url)).toBe(true);
  });

  it.each(['app://workbench/index.html', 'data:image/png;base64,AAAA', 'blob:app://workbench/1'])(
    'allows %s',
    (url) => {
      expect(isBlockedRequestUrl(url)).toBe(false);
    },
  );
});
