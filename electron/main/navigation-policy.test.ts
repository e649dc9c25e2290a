import { describe, expect, it, vi } from 'vitest';
import { type GuardedContents, hardenWebContents, isAllowedNavigation } from './navigation-policy';

type Listener = (event: { url?: string; preventDefault(): void }) => void;

/** A stand-in for WebContents that records what the policy attached. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler;
    },
  };
  const emit = (event: string, url?: string): boolean => {
    const preventDefault = vi.fn();
    listeners.get(event)?.({ url, preventDefault });
    return preventDefault.mock.calls.length > 0;
  };
  return {
    contents: contents as GuardedContents,
    emit,
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('isAllowedNavigation', () => {
  it('allows our own pages only', () => {
    expect(isAllowedNavigation('app://workbench/index.html#/vaults')).toBe(true);
    expect(isAllowedNavigation('https://evil.example/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('app://elsewhere/')).toBe(false);
  });
});

describe('hardenWebContents', () => {
  it('blocks navigation away from app://workbench, in the main frame and in sub-frames', () => {
    const { contents, emit } = fakeContents();
    hardenWebContents(contents);
    for (const event of ['will-navigate', 'will-frame-navigate']) {
      expect(emit(event, 'https://evil.example/phish')).toBe(true);
      expect(emit(event, 'file:///home/auditor/')).toBe(true);
      expect(emit(event, 'app://workbench/index.html')).toBe(false);
    }
  });

  it('refuses every <webview> and every new window', () => {
    const { contents, emit, open } = fakeContents();
    hardenWebContents(contents);
    expect(emit('will-attach-webview')).toBe(true);
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('app://workbench/index.html')).toEqual({ action: 'deny' });
  });
});
