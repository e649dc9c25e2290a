/**
 * Slowing down passphrase guessing at the unlock screen.
 *
 * The first few mistakes are free (people mistype), after that each failure doubles the wait:
 * 2 s, 4 s, 8 s … up to 5 minutes. The key derivation is already slow; this adds a cost that an
 * attacker at the keyboard cannot parallelise. The state is plain data so the caller can persist
 * it next to the vault, which keeps a restart of the application from resetting the count.
 */
import { asIsoInstant, toIsoInstant, type IsoInstant } from './dates';

export interface UnlockBackoffState {
  /** Consecutive failed unlock attempts since the last success. */
  failures: number;
  lastFailureAt: IsoInstant | null;
}

/** Failures that cost nothing: the fourth one is the first to be delayed. */
export const FREE_FAILURES = 3;
export const FIRST_DELAY_MS = 2_000;
export const MAX_DELAY_MS = 5 * 60_000;

export const initialBackoffState: UnlockBackoffState = Object.freeze({
  failures: 0,
  lastFailureAt: null,
});

/** Wait imposed after `failedAttempts` consecutive failures: 0,0,0,0, 2 s, 4 s, 8 s … ≤ 5 min. */
export function unlockDelayMs(failedAttempts: number): number {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 0) {
    throw new RangeError(`failedAttempts must be a whole number ≥ 0, got ${failedAttempts}`);
  }
  if (failedAttempts <= FREE_FAILURES) return 0;
  // For huge counts 2 ** n overflows to Infinity, which the cap turns back into 5 minutes.
  return Math.min(FIRST_DELAY_MS * 2 ** (failedAttempts - FREE_FAILURES - 1), MAX_DELAY_MS);
}

function epochMs(instant: IsoInstant): number {
  // Re-validate: persisted state comes back from storage as whatever was written.
  return Date.parse(asIsoInstant(instant));
}

/** Milliseconds to wait at `now` before the next attempt may be made (0 = allowed now). */
export function unlockWaitMs(state: UnlockBackoffState, now: IsoInstant): number {
  const delay = unlockDelayMs(state.failures);
  if (delay === 0 || state.lastFailureAt === null) return 0;
  const elapsed = epochMs(now) - epochMs(state.lastFailureAt);
  // A clock set back makes elapsed negative; never wait longer than one full delay, or a
  // wrong clock could lock the auditor out of their own vault for days.
  return Math.min(delay, Math.max(0, delay - elapsed));
}

/** The earliest instant the next attempt may be made: `now` when it may be made straight away. */
export function nextAllowedAt(state: UnlockBackoffState, now: IsoInstant): IsoInstant {
  const wait = unlockWaitMs(state, now);
  return wait === 0 ? now : toIsoInstant(epochMs(now) + wait);
}

/** State after a wrong passphrase at `now`. */
export function recordFailure(state: UnlockBackoffState, now: IsoInstant): UnlockBackoffState {
  return { failures: state.failures + 1, lastFailureAt: asIsoInstant(now) };
}

/** State after a successful unlock: the count starts over. */
export function recordSuccess(): UnlockBackoffState {
  return { failures: 0, lastFailureAt: null };
}
