import { describe, expect, it } from 'vitest';
import { asIsoDate, type IsoDate } from '../dates';
import { addDays, addMonths, daysBetween } from './calendar';

const d = asIsoDate;

/** Reference from Date, valid for the years Date.UTC handles without the two-digit quirk. */
function viaDate(date: IsoDate, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('addMonths', () => {
  it.each([
    // Month ends clamp to the target month's last day.
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2022-11-30', 3, '2023-02-28'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-05-31', 1, '2024-06-30'],
    ['2024-08-31', 1, '2024-09-30'],
    ['2024-10-31', 1, '2024-11-30'],
    ['2024-01-30', 1, '2024-02-29'],
    ['2024-01-29', 1, '2024-02-29'],
    ['2024-01-28', 1, '2024-02-28'],
    // Century rules: 1900 and 2100 are not leap years, 2000 is.
    ['1899-02-28', 12, '1900-02-28'],
    ['1999-11-30', 3, '2000-02-29'],
    ['2099-11-30', 3, '2100-02-28'],
    // Ordinary cases and year rollover.
    ['2024-06-15', 0, '2024-06-15'],
    ['2024-06-15', 1, '2024-07-15'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2024-11-30', 14, '2026-01-30'],
    ['2024-06-15', 36, '2027-06-15'],
    ['2024-06-15', 60, '2029-06-15'],
    ['0001-01-01', 12, '0002-01-01'],
    ['9999-11-30', 1, '9999-12-30'],
    // Going back.
    ['2024-03-31', -1, '2024-02-29'],
    ['2025-02-28', -12, '2024-02-28'],
    ['2024-01-15', -1, '2023-12-15'],
    ['2024-01-31', -2, '2023-11-30'],
    ['2024-05-31', -15, '2023-02-28'],
  ] as const)('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(d(from), months)).toBe(expected);
  });

  it('does not chain clamping back out: 01-31 +1 +1 is 03-29, not 03-31', () => {
    // Each step starts from the clamped date; deadlines are always counted from the source date.
    expect(addMonths(addMonths(d('2024-01-31'), 1), 1)).toBe('2024-03-29');
    expect(addMonths(d('2024-01-31'), 2)).toBe('2024-03-31');
  });

  it('rejects a fractional or non-finite count', () => {
    expect(() => addMonths(d('2024-01-31'), 1.5)).toThrow(RangeError);
    expect(() => addMonths(d('2024-01-31'), Number.NaN)).toThrow(RangeError);
    expect(() => addMonths(d('2024-01-31'), Infinity)).toThrow(RangeError);
  });

  it('rejects results outside the years 0001–9999', () => {
    expect(() => addMonths(d('9999-12-01'), 1)).toThrow(RangeError);
    expect(() => addMonths(d('0001-01-31'), -1)).toThrow(RangeError);
  });

  it('rejects an invalid date passed in despite the brand', () => {
    expect(() => addMonths('2025-02-29' as IsoDate, 1)).toThrow(RangeError);
    expect(() => addMonths('2025/01/01' as IsoDate, 1)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2024-01-01', '2024-01-01', 0],
    ['2024-01-01', '2024-01-02', 1],
    ['2024-01-02', '2024-01-01', -1],
    ['2024-02-28', '2024-03-01', 2], // leap year
    ['2023-02-28', '2023-03-01', 1],
    ['2100-02-28', '2100-03-01', 1], // 2100 is not a leap year
    ['2000-02-28', '2000-03-01', 2], // 2000 is
    ['2024-01-01', '2025-01-01', 366],
    ['2023-01-01', '2024-01-01', 365],
    ['2023-12-31', '2024-01-01', 1],
    ['1970-01-01', '2000-01-01', 10_957],
    ['0001-01-01', '9999-12-31', 3_652_058],
  ] as const)('%s → %s is %i days', (from, to, expected) => {
    expect(daysBetween(d(from), d(to))).toBe(expected);
  });

  it('matches Date for every day from 1900 to 2100', () => {
    const start = d('1900-01-01');
    for (let offset = 0; offset <= 73_414; offset += 1) {
      const date = d(viaDate(start, offset));
      if (daysBetween(start, date) !== offset) {
        expect.fail(`daysBetween(${start}, ${date}) is not ${offset}`);
      }
    }
  });

  it('is antisymmetric', () => {
    expect(daysBetween(d('2031-07-04'), d('1999-12-31'))).toBe(
      -daysBetween(d('1999-12-31'), d('2031-07-04')),
    );
  });
});

describe('addDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-01', 366, '2025-01-01'],
    ['0001-01-01', 0, '0001-01-01'],
    ['0001-01-01', 3_652_058, '9999-12-31'],
  ] as const)('%s + %i days = %s', (from, days, expected) => {
    expect(addDays(d(from), days)).toBe(expected);
  });

  it('matches Date and inverts daysBetween across 1900–2100', () => {
    const start = d('1900-01-01');
    for (let offset = 0; offset <= 73_414; offset += 37) {
      const date = addDays(start, offset);
      if (date !== viaDate(start, offset) || daysBetween(start, date) !== offset) {
        expect.fail(`addDays(${start}, ${offset}) gave ${date}`);
      }
    }
  });

  it('rejects fractional counts and results outside 0001–9999', () => {
    expect(() => addDays(d('2024-01-01'), 0.5)).toThrow(RangeError);
    expect(() => addDays(d('9999-12-31'), 1)).toThrow(RangeError);
    expect(() => addDays(d('0001-01-01'), -1)).toThrow(RangeError);
  });
});
