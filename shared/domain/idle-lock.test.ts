import { describe, expect, it } from 'vitest';
import {
  DEFAULT_IDLE_TIMEOUT_MS,
  MINUTE_MS,
  createIdleLock,
  validateIdleTimeout,
  type IdleLockOptions,
} from './idle-lock';

/** A manual clock with timers that fire, in due order, only when time is advanced. */
function fakeScheduler() {
  let time = 0;
  let nextHandle = 1;
  const timers = new Map<number, { due: number; fn: () => void }>();
  const log = { scheduled: 0, cleared: 0 };
  return {
    log,
    now: () => time,
    setTimer: (fn: () => void, ms: number): number => {
      log.scheduled++;
      const handle = nextHandle++;
      timers.set(handle, { due: time + ms, fn });
      return handle;
    },
    clearTimer: (handle: number): void => {
      log.cleared++;
      timers.delete(handle);
    },
    pending: () => timers.size,
    /** Moves the clock forward by `ms`, running each timer at its due time. */
    advance(ms: number): void {
      const end = time + ms;
      for (;;) {
        let nextEntry: [number, { due: number; fn: () => void }] | undefined;
        for (const entry of timers) {
          if (entry[1].due <= end && (!nextEntry || entry[1].due < nextEntry[1].due)) {
            nextEntry = entry;
          }
        }
        if (!nextEntry) break;
        timers.delete(nextEntry[0]);
        time = Math.max(time, nextEntry[1].due);
        nextEntry[1].fn();
      }
      time = end;
    },
    /** Moves the clock without running timers, like a host that fires late. */
    jump(ms: number): void {
      time += ms;
    },
    /** Runs the timer with `handle` even if it was cleared, like a racing host. */
    runAnyway(handle: number, fn: () => void): void {
      timers.delete(handle);
      fn();
    },
    timers,
  };
}

function setup(timeoutMs?: number) {
  const clock = fakeScheduler();
  let locks = 0;
  const options: IdleLockOptions<number> = {
    now: clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    onLock: () => {
      locks++;
    },
  };
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
  const lock = createIdleLock(options);
  return { clock, lock, locks: () => locks };
}

describe('createIdleLock', () => {
  it('locks after 10 minutes by default', () => {
    const { clock, lock, locks } = setup();
    expect(DEFAULT_IDLE_TIMEOUT_MS).toBe(10 * MINUTE_MS);
    expect(lock.remainingMs()).toBe(10 * MINUTE_MS);
    clock.advance(10 * MINUTE_MS - 1);
    expect(locks()).toBe(0);
    expect(lock.remainingMs()).toBe(1);
    clock.advance(1);
    expect(locks()).toBe(1);
    expect(lock.remainingMs()).toBe(0);
  });

  it('uses the given timeout', () => {
    const { clock, locks } = setup(3 * MINUTE_MS);
    clock.advance(3 * MINUTE_MS - 1);
    expect(locks()).toBe(0);
    clock.advance(1);
    expect(locks()).toBe(1);
  });

  it('postpones the lock on activity just before expiry', () => {
    const { clock, lock, locks } = setup(5 * MINUTE_MS);
    clock.advance(5 * MINUTE_MS - 1_000);
    lock.activity();
    expect(lock.remainingMs()).toBe(5 * MINUTE_MS);
    clock.advance(1_000); // the original expiry passes
    expect(locks()).toBe(0);
    clock.advance(5 * MINUTE_MS - 1_001);
    expect(locks()).toBe(0);
    clock.advance(1);
    expect(locks()).toBe(1);
  });

  it('does not touch the timer on activity, only when it fires', () => {
    const { clock, lock, locks } = setup(MINUTE_MS);
    for (let i = 0; i < 1_000; i++) {
      clock.advance(50);
      lock.activity();
    }
    // 50 s of mouse movement: still only the first timer.
    expect(clock.log).toEqual({ scheduled: 1, cleared: 0 });
    clock.advance(MINUTE_MS);
    expect(locks()).toBe(1);
    // One re-arm for the remainder after the first timer found recent activity.
    expect(clock.log.scheduled).toBe(2);
  });

  it('locks exactly once per idle period', () => {
    const { clock, lock, locks } = setup(MINUTE_MS);
    clock.advance(MINUTE_MS);
    clock.advance(60 * MINUTE_MS);
    expect(locks()).toBe(1);
    expect(clock.pending()).toBe(0);
    // Activity after the lock (e.g. after unlocking) starts a new period.
    lock.activity();
    expect(lock.remainingMs()).toBe(MINUTE_MS);
    clock.advance(MINUTE_MS);
    expect(locks()).toBe(2);
    clock.advance(10 * MINUTE_MS);
    expect(locks()).toBe(2);
  });

  it('does not arm a second timer when activity repeats before the lock', () => {
    const { clock, lock } = setup(MINUTE_MS);
    lock.activity();
    lock.activity();
    expect(clock.pending()).toBe(1);
  });

  it('stop() cancels the pending lock for good', () => {
    const { clock, lock, locks } = setup(MINUTE_MS);
    clock.advance(30_000);
    lock.stop();
    expect(clock.pending()).toBe(0);
    expect(lock.remainingMs()).toBe(0);
    lock.activity();
    lock.setTimeout(2 * MINUTE_MS);
    expect(clock.pending()).toBe(0);
    clock.advance(60 * MINUTE_MS);
    expect(locks()).toBe(0);
  });

  it('ignores a cleared timer that fires anyway', () => {
    const { clock, lock, locks } = setup(MINUTE_MS);
    const first = [...clock.timers][0];
    if (!first) throw new Error('expected a pending timer');
    const [handle, stale] = first;
    lock.stop();
    clock.jump(2 * MINUTE_MS);
    clock.runAnyway(handle, stale.fn);
    expect(locks()).toBe(0);
  });

  describe('setTimeout', () => {
    it('shortening counts the time already idle', () => {
      const { clock, lock, locks } = setup(10 * MINUTE_MS);
      clock.advance(3 * MINUTE_MS);
      lock.setTimeout(5 * MINUTE_MS);
      expect(lock.remainingMs()).toBe(2 * MINUTE_MS);
      clock.advance(2 * MINUTE_MS - 1);
      expect(locks()).toBe(0);
      clock.advance(1);
      expect(locks()).toBe(1);
    });

    it('lengthening postpones the lock', () => {
      const { clock, lock, locks } = setup(MINUTE_MS);
      clock.advance(50_000);
      lock.setTimeout(30 * MINUTE_MS);
      clock.advance(MINUTE_MS);
      expect(locks()).toBe(0);
      expect(lock.remainingMs()).toBe(30 * MINUTE_MS - 110_000);
      clock.advance(30 * MINUTE_MS - 110_000);
      expect(locks()).toBe(1);
    });

    it('locks on the next tick when the user has already been idle longer', () => {
      const { clock, lock, locks } = setup(30 * MINUTE_MS);
      clock.advance(20 * MINUTE_MS);
      lock.setTimeout(5 * MINUTE_MS);
      expect(locks()).toBe(0);
      clock.advance(0);
      expect(locks()).toBe(1);
    });

    it('replaces the pending timer instead of adding one', () => {
      const { clock, lock, locks } = setup(10 * MINUTE_MS);
      lock.setTimeout(2 * MINUTE_MS);
      lock.setTimeout(3 * MINUTE_MS);
      expect(clock.pending()).toBe(1);
      clock.advance(3 * MINUTE_MS);
      expect(locks()).toBe(1);
    });

    it('applies to the next period when set while locked', () => {
      const { clock, lock, locks } = setup(MINUTE_MS);
      clock.advance(MINUTE_MS);
      expect(locks()).toBe(1);
      lock.setTimeout(2 * MINUTE_MS);
      expect(clock.pending()).toBe(0);
      lock.activity();
      clock.advance(2 * MINUTE_MS - 1);
      expect(locks()).toBe(1);
      clock.advance(1);
      expect(locks()).toBe(2);
    });

    it('rejects an invalid timeout and keeps the old one', () => {
      const { clock, lock, locks } = setup(MINUTE_MS);
      expect(() => {
        lock.setTimeout(0);
      }).toThrow(RangeError);
      clock.advance(MINUTE_MS);
      expect(locks()).toBe(1);
    });
  });

  it('treats a clock that went backwards as no idle time, never more than the timeout', () => {
    const { clock, lock } = setup(MINUTE_MS);
    clock.jump(30_000);
    lock.activity(); // lastActivity = 30 s
    clock.jump(-20_000); // clock now reads 10 s
    expect(lock.remainingMs()).toBe(MINUTE_MS);
  });
});

describe('timeout validation', () => {
  it.each([MINUTE_MS, 10 * MINUTE_MS, 240 * MINUTE_MS])('accepts %d ms', (ms) => {
    expect(validateIdleTimeout(ms)).toBe(ms);
  });

  it.each([0, -1, MINUTE_MS - 1, 240 * MINUTE_MS + 1, 90_000.5, Number.NaN, Infinity])(
    'rejects %d ms',
    (ms) => {
      expect(() => validateIdleTimeout(ms)).toThrow(RangeError);
      expect(() => setup(ms)).toThrow(/1 to 240 minutes/);
    },
  );
});
