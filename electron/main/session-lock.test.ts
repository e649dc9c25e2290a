import { describe, expect, it } from 'vitest';
import { forwardLockEvents, type PowerEvents } from './session-lock';

function fakeWindow(destroyed = false) {
  const sent: { channel: string; payload: unknown }[] = [];
  return {
    sent,
    webContents: {
      isDestroyed: () => destroyed,
      send: (channel: string, payload: unknown) => {
        sent.push({ channel, payload });
      },
    },
  };
}

function fakePower() {
  const listeners = new Map<string, () => void>();
  const power: PowerEvents = {
    on: (event: string, listener: () => void) => listeners.set(event, listener),
  };
  return { power, emit: (event: string) => listeners.get(event)?.() };
}

describe('forwardLockEvents', () => {
  it.each(['suspend', 'lock-screen'] as const)(
    "sends 'session:lock' to every window on %s",
    (reason) => {
      const windows = [fakeWindow(), fakeWindow()];
      const { power, emit } = fakePower();
      forwardLockEvents(power, () => windows);
      emit(reason);
      for (const window of windows) {
        expect(window.sent).toEqual([{ channel: 'session:lock', payload: { reason } }]);
      }
    },
  );

  it('skips windows that are already gone and sees windows opened later', () => {
    const windows = [fakeWindow(true)];
    const { power, emit } = fakePower();
    forwardLockEvents(power, () => windows);
    const later = fakeWindow();
    windows.push(later);
    emit('suspend');
    expect(windows[0]?.sent).toEqual([]);
    expect(later.sent).toHaveLength(1);
  });
});
