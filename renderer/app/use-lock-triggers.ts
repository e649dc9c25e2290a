/**
 * Everything that locks an open vault besides the lock button: the idle timer, the keyboard
 * shortcut (Ctrl/⌘+L) and the host (machine sleeping, screen locked).
 */
import { useEffect, useRef } from 'react';
import { createIdleLock } from '../../shared/domain/idle-lock';
import type { LockReason, Platform } from '../platform';

export interface LockTriggerOptions {
  active: boolean;
  idleMinutes: number;
  platform: Platform;
  lock: (reason: 'idle' | LockReason) => void;
}

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export function useLockTriggers({ active, idleMinutes, platform, lock }: LockTriggerOptions): void {
  const lockRef = useRef(lock);
  useEffect(() => {
    lockRef.current = lock;
  }, [lock]);

  useEffect(() => {
    if (!active) return;
    const idle = createIdleLock({
      timeoutMs: idleMinutes * 60_000,
      now: () => Date.now(),
      setTimer: (fn, ms) => window.setTimeout(fn, ms),
      clearTimer: (handle) => window.clearTimeout(handle),
      onLock: () => lockRef.current('idle'),
    });
    const onActivity = () => idle.activity();
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        lockRef.current('user');
      }
    };
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onActivity, { passive: true });
    window.addEventListener('keydown', onKey);
    const unsubscribe = platform.onLockRequest((reason) => lockRef.current(reason));
    return () => {
      idle.stop();
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity);
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [active, idleMinutes, platform]);
}
