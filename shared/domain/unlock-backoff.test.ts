import { describe, expect, it } from 'vitest';
import { asIsoInstant, type IsoInstant } from './dates';
import {
  MAX_DELAY_MS,
  initialBackoffState,
  nextAllowedAt,
  recordFailure,
  recordSuccess,
  unlockDelayMs,
  unlockWaitMs,
  type UnlockBackoffState,
} from './unlock-backoff';

const T0 = Date.parse('2025-03-05T01:00:00.000Z');
/** The instant `ms` milliseconds after T0. */
function at(ms: number): IsoInstant {
  return asIsoInstant(new Date(T0 + ms).toISOString());
}

function failTimes(count: number, when: IsoInstant): UnlockBackoffState {
  let state = initialBackoffState;
  for (let i = 0; i < count; i++) state = recordFailure(state, when);
  return state;
}

describe('unlockDelayMs', () => {
  it('lets the first three failures through without delay', () => {
    expect([0, 1, 2, 3].map(unlockDelayMs)).toEqual([0, 0, 0, 0]);
  });

  it('doubles from 2 s after the third failure', () => {
    expect([4, 5, 6, 7, 8, 9, 10, 11].map(unlockDelayMs)).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000,
    ]);
  });

  it('caps at 5 minutes, even for absurd counts', () => {
    expect(unlockDelayMs(12)).toBe(300_000);
    expect(unlockDelayMs(13)).toBe(MAX_DELAY_MS);
    expect(unlockDelayMs(5_000)).toBe(MAX_DELAY_MS);
    expect(unlockDelayMs(Number.MAX_SAFE_INTEGER)).toBe(MAX_DELAY_MS);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s attempts', (bad) => {
    expect(() => unlockDelayMs(bad)).toThrow(RangeError);
  });
});

describe('recordFailure / recordSuccess', () => {
  it('counts failures and remembers the last one', () => {
    const once = recordFailure(initialBackoffState, at(0));
    const twice = recordFailure(once, at(5_000));
    expect(once).toEqual({ failures: 1, lastFailureAt: '2025-03-05T01:00:00.000Z' });
    expect(twice).toEqual({ failures: 2, lastFailureAt: '2025-03-05T01:00:05.000Z' });
  });

  it('does not mutate the state it is given', () => {
    const state = recordFailure(initialBackoffState, at(0));
    recordFailure(state, at(1_000));
    expect(state.failures).toBe(1);
    expect(initialBackoffState).toEqual({ failures: 0, lastFailureAt: null });
  });

  it('starts over after a success', () => {
    expect(recordSuccess()).toEqual({ failures: 0, lastFailureAt: null });
    expect(nextAllowedAt(recordSuccess(), at(0))).toBe(at(0));
  });

  it('rejects a time that is not an ISO instant', () => {
    expect(() => recordFailure(initialBackoffState, '2025-03-05' as IsoInstant)).toThrow(
      RangeError,
    );
  });
});

describe('nextAllowedAt / unlockWaitMs', () => {
  it('allows an attempt straight away with no failures', () => {
    expect(nextAllowedAt(initialBackoffState, at(0))).toBe(at(0));
    expect(unlockWaitMs(initialBackoffState, at(0))).toBe(0);
  });

  it('allows an attempt straight away after three failures', () => {
    const state = failTimes(3, at(0));
    expect(nextAllowedAt(state, at(0))).toBe(at(0));
  });

  it('makes the fourth failure cost 2 s counted from that failure', () => {
    const state = failTimes(4, at(0));
    expect(nextAllowedAt(state, at(0))).toBe(at(2_000));
    expect(unlockWaitMs(state, at(500))).toBe(1_500);
    expect(nextAllowedAt(state, at(500))).toBe(at(2_000));
    expect(nextAllowedAt(state, at(2_000))).toBe(at(2_000));
    expect(unlockWaitMs(state, at(2_000))).toBe(0);
  });

  it('returns now once the delay has passed', () => {
    const state = failTimes(6, at(0)); // 8 s
    expect(nextAllowedAt(state, at(60_000))).toBe(at(60_000));
  });

  it('waits the full 5 minutes at the cap', () => {
    const state = failTimes(20, at(0));
    expect(nextAllowedAt(state, at(0))).toBe(at(300_000));
    expect(nextAllowedAt(state, at(299_999))).toBe(at(300_000));
  });

  it('follows the sequence of a user who keeps trying as soon as allowed', () => {
    let state = initialBackoffState;
    let now = 0;
    const waits: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      now = Date.parse(nextAllowedAt(state, at(now))) - T0;
      state = recordFailure(state, at(now));
      waits.push(unlockWaitMs(state, at(now)));
    }
    expect(waits).toEqual([0, 0, 0, 2_000, 4_000, 8_000, 16_000]);
    expect(now).toBe(2_000 + 4_000 + 8_000);
  });

  it('never waits more than one delay when the clock has been set back', () => {
    const state = failTimes(5, at(24 * 3_600_000)); // failure recorded "tomorrow": 4 s delay
    expect(unlockWaitMs(state, at(0))).toBe(4_000);
    expect(nextAllowedAt(state, at(0))).toBe(at(4_000));
  });

  it('rejects a stored lastFailureAt that is not an ISO instant', () => {
    const corrupt = { failures: 5, lastFailureAt: 'yesterday' as IsoInstant };
    expect(() => nextAllowedAt(corrupt, at(0))).toThrow(RangeError);
  });
});
