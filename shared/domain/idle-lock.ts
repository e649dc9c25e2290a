/**
 * Auto-lock after a period without user activity.
 *
 * Activity arrives on every key press and mouse move, so `activity()` only stores a timestamp;
 * the single pending timer, when it fires, checks how long the user has really been idle and
 * re-arms for the remainder if there was activity meanwhile. The clock and the timer are
 * injected, which keeps this module pure and testable: in the app pass a monotonic clock
 * (`performance.now`) so that wall-clock changes neither lock early nor postpone the lock.
 *
 * The lock fires once per idle period. After it has fired no timer is pending; the next
 * `activity()` (typically once the vault is unlocked again) starts a new period. Activity
 * reported while the lock screen is up therefore starts a period too, so `onLock` must be
 * harmless when the vault is already locked.
 */

export const MINUTE_MS = 60_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 10 * MINUTE_MS;
export const MIN_IDLE_TIMEOUT_MS = 1 * MINUTE_MS;
export const MAX_IDLE_TIMEOUT_MS = 240 * MINUTE_MS;

export interface IdleLockOptions<Handle> {
  /** Idle time before locking, 1–240 minutes. Defaults to 10 minutes. */
  timeoutMs?: number;
  /** Milliseconds on a clock that only moves forward, e.g. `() => performance.now()`. */
  now: () => number;
  setTimer: (fn: () => void, ms: number) => Handle;
  clearTimer: (handle: Handle) => void;
  onLock: () => void;
}

export interface IdleLock {
  /** The user did something: the idle countdown starts over. Cheap enough for every event. */
  activity(): void;
  /** Changes the idle timeout; time already spent idle counts against the new one. */
  setTimeout(ms: number): void;
  /** Cancels for good: no lock will fire and later calls do nothing. */
  stop(): void;
  /** Milliseconds until the lock fires; 0 once locked or stopped. */
  remainingMs(): number;
}

/** Throws a RangeError unless `ms` is a whole number of milliseconds in 1–240 minutes. */
export function validateIdleTimeout(ms: number): number {
  if (!Number.isInteger(ms) || ms < MIN_IDLE_TIMEOUT_MS || ms > MAX_IDLE_TIMEOUT_MS) {
    throw new RangeError(
      `Idle timeout must be a whole number of milliseconds from 1 to 240 minutes, got ${ms}`,
    );
  }
  return ms;
}

export function createIdleLock<Handle>(options: IdleLockOptions<Handle>): IdleLock {
  const { now, setTimer, clearTimer, onLock } = options;
  let timeoutMs = validateIdleTimeout(options.timeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS);
  let lastActivity = now();
  let stopped = false;
  // Each arming gets an id; only the timer of the current id may fire. A timer that was
  // cleared but runs anyway (a race in the host) then cannot lock. 0 means none is pending.
  let pendingId = 0;
  let lastId = 0;
  let pendingHandle: { value: Handle } | null = null;

  function remaining(): number {
    // Clamp: a clock that went backwards must not stretch the timeout beyond its length.
    const idle = Math.max(0, now() - lastActivity);
    return Math.max(0, timeoutMs - idle);
  }

  function arm(ms: number): void {
    const id = ++lastId;
    pendingId = id;
    const handle = setTimer(() => {
      if (pendingId === id) fire();
    }, ms);
    // Unless the timer already ran synchronously and moved on.
    if (pendingId === id) pendingHandle = { value: handle };
  }

  function disarm(): void {
    if (pendingHandle !== null) clearTimer(pendingHandle.value);
    pendingId = 0;
    pendingHandle = null;
  }

  function fire(): void {
    pendingId = 0;
    pendingHandle = null;
    const left = remaining();
    if (left > 0) {
      // There was activity since this timer was set: wait for the rest of the period.
      arm(left);
      return;
    }
    onLock();
  }

  arm(timeoutMs);

  return {
    activity() {
      if (stopped) return;
      lastActivity = now();
      if (pendingId === 0) arm(timeoutMs);
    },
    setTimeout(ms) {
      timeoutMs = validateIdleTimeout(ms);
      if (stopped || pendingId === 0) return;
      disarm();
      arm(remaining());
    },
    stop() {
      stopped = true;
      disarm();
    },
    remainingMs() {
      return pendingId === 0 ? 0 : remaining();
    },
  };
}
