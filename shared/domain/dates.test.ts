import { describe, expect, it } from 'vitest';
import {
  asIsoDate,
  asIsoInstant,
  daysInMonth,
  formatDate,
  formatDateTime,
  fromRocYear,
  isIsoDate,
  isIsoInstant,
  isoDateSchema,
  isoInstantSchema,
  localDateOf,
  parseRocDate,
  toIsoInstant,
  toRocYear,
  type IsoDate,
} from './dates';

const d = asIsoDate;
const t = asIsoInstant;

const zhRoc = { calendar: 'roc', lang: 'zh-TW' } as const;
const enRoc = { calendar: 'roc', lang: 'en' } as const;
const zhIso = { calendar: 'iso', lang: 'zh-TW' } as const;
const enIso = { calendar: 'iso', lang: 'en' } as const;

describe('isIsoDate', () => {
  it.each(['2025-03-05', '2024-02-29', '2000-02-29', '1912-01-01', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (value) => {
      expect(isIsoDate(value)).toBe(true);
    },
  );

  it.each([
    '2025-02-29', // 2025 is not a leap year
    '1900-02-29', // divisible by 100, not by 400
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '0000-01-01',
    '2025-3-5',
    '2025/03/05',
    ' 2025-03-05',
    '2025-03-05T00:00:00Z',
    '',
  ])('rejects %j', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isIsoDate(20250305)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(isIsoDate(new Date())).toBe(false);
  });

  it('asIsoDate throws a RangeError for an invalid date', () => {
    expect(() => asIsoDate('2025-02-29')).toThrow(RangeError);
    expect(asIsoDate('2024-02-29')).toBe('2024-02-29');
  });
});

describe('daysInMonth', () => {
  it('knows month ends and leap Februaries', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });
});

describe('isIsoInstant / toIsoInstant', () => {
  it.each([
    '2025-03-04T16:30:00.000Z',
    '2025-03-04T16:30:00Z',
    '2025-03-04T16:30:00.123456Z',
    '2024-02-29T23:59:59.999Z',
  ])('accepts %s', (value) => {
    expect(isIsoInstant(value)).toBe(true);
  });

  it.each([
    '2025-03-04T16:30:00+08:00', // offsets are not stored
    '2025-03-04T16:30:00', // no zone at all
    '2025-03-04T16:30Z',
    '2025-03-04 16:30:00Z',
    '2025-03-04T24:00:00Z',
    '2025-03-04T23:60:00Z',
    '2025-12-31T23:59:60Z',
    '2025-02-29T00:00:00Z',
    '2025-03-04',
  ])('rejects %s', (value) => {
    expect(isIsoInstant(value)).toBe(false);
  });

  it('toIsoInstant writes toISOString form from a Date or epoch milliseconds', () => {
    expect(toIsoInstant(Date.UTC(2025, 2, 4, 16, 30))).toBe('2025-03-04T16:30:00.000Z');
    expect(toIsoInstant(new Date('2025-03-04T16:30:00Z'))).toBe('2025-03-04T16:30:00.000Z');
    expect(isIsoInstant(toIsoInstant(0))).toBe(true);
  });

  it('toIsoInstant rejects invalid dates and years beyond 9999', () => {
    expect(() => toIsoInstant(Number.NaN)).toThrow(RangeError);
    expect(() => toIsoInstant(Date.UTC(10000, 0, 1))).toThrow(RangeError);
  });

  it('asIsoInstant throws for a non-UTC string', () => {
    expect(() => asIsoInstant('2025-03-05T08:00:00+08:00')).toThrow(RangeError);
  });
});

describe('isoDateSchema / isoInstantSchema', () => {
  it('accept what the guards accept and reject the rest', () => {
    const parsed: IsoDate = isoDateSchema.parse('2024-02-29'); // the brand comes out typed
    expect(formatDate(parsed, zhRoc)).toBe('民國 113 年 2 月 29 日');
    expect(isoDateSchema.safeParse('2025-02-29').success).toBe(false);
    expect(isoDateSchema.safeParse(20250305).success).toBe(false);
    expect(isoInstantSchema.safeParse('2025-03-04T16:30:00.000Z').success).toBe(true);
    expect(isoInstantSchema.safeParse('2025-03-05T00:30:00+08:00').success).toBe(false);
  });
});

describe('ROC years', () => {
  it('converts between Gregorian and ROC years', () => {
    expect(toRocYear(2025)).toBe(114);
    expect(toRocYear(1912)).toBe(1);
    expect(fromRocYear(114)).toBe(2025);
    expect(fromRocYear(1)).toBe(1912);
  });

  it('has no ROC year before 1912 or below 1', () => {
    expect(() => toRocYear(1911)).toThrow(RangeError);
    expect(() => toRocYear(2025.5)).toThrow(RangeError);
    expect(() => fromRocYear(0)).toThrow(RangeError);
    expect(() => fromRocYear(-3)).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  it('writes the ROC date in zh-TW without zero padding', () => {
    expect(formatDate(d('2025-03-05'), zhRoc)).toBe('民國 114 年 3 月 5 日');
    expect(formatDate(d('2025-12-31'), zhRoc)).toBe('民國 114 年 12 月 31 日');
  });

  it('writes the ROC date in English with padded month and day', () => {
    expect(formatDate(d('2025-03-05'), enRoc)).toBe('ROC 114-03-05');
    expect(formatDate(d('2010-10-10'), enRoc)).toBe('ROC 99-10-10');
  });

  it('writes ISO the same in both languages', () => {
    expect(formatDate(d('2025-03-05'), zhIso)).toBe('2025-03-05');
    expect(formatDate(d('2025-03-05'), enIso)).toBe('2025-03-05');
  });

  it('handles leap days and month ends', () => {
    expect(formatDate(d('2024-02-29'), zhRoc)).toBe('民國 113 年 2 月 29 日');
    expect(formatDate(d('2025-02-28'), enRoc)).toBe('ROC 114-02-28');
    expect(formatDate(d('2025-04-30'), zhRoc)).toBe('民國 114 年 4 月 30 日');
  });

  it('starts the ROC calendar on 1912-01-01 and throws before it', () => {
    expect(formatDate(d('1912-01-01'), zhRoc)).toBe('民國 1 年 1 月 1 日');
    expect(formatDate(d('1912-01-01'), enRoc)).toBe('ROC 1-01-01');
    expect(() => formatDate(d('1911-12-31'), zhRoc)).toThrow(RangeError);
    expect(() => formatDate(d('1911-12-31'), enRoc)).toThrow(/before 1912-01-01/);
    // ISO display has no such limit.
    expect(formatDate(d('1911-12-31'), zhIso)).toBe('1911-12-31');
  });

  it('throws for a value that only claims to be an IsoDate', () => {
    expect(() => formatDate('2025-02-29' as never, zhIso)).toThrow(RangeError);
  });
});

describe('formatDateTime', () => {
  // 16:30 UTC on 4 March is 00:30 on 5 March in Taipei (UTC+8).
  const acrossMidnight = t('2025-03-04T16:30:00Z');

  it('reads the Taipei wall clock by default, across the day boundary', () => {
    expect(formatDateTime(acrossMidnight, zhRoc)).toBe('民國 114 年 3 月 5 日 00:30');
    expect(formatDateTime(acrossMidnight, enRoc)).toBe('ROC 114-03-05 00:30');
    expect(formatDateTime(acrossMidnight, enIso)).toBe('2025-03-05 00:30');
  });

  it('stays on the previous day just before Taipei midnight', () => {
    expect(formatDateTime(t('2025-03-04T15:59:59.999Z'), zhIso)).toBe('2025-03-04 23:59');
    expect(formatDateTime(t('2025-03-04T16:00:00.000Z'), zhIso)).toBe('2025-03-05 00:00');
  });

  it('uses a 24-hour clock', () => {
    expect(formatDateTime(t('2025-03-05T05:07:00Z'), enIso)).toBe('2025-03-05 13:07');
  });

  it('crosses month, year and leap-day boundaries in Taipei', () => {
    expect(formatDateTime(t('2024-02-28T16:00:00Z'), zhRoc)).toBe('民國 113 年 2 月 29 日 00:00');
    expect(formatDateTime(t('2025-02-28T16:00:00Z'), zhRoc)).toBe('民國 114 年 3 月 1 日 00:00');
    expect(formatDateTime(t('2024-12-31T16:00:00Z'), enRoc)).toBe('ROC 114-01-01 00:00');
  });

  it('honours another time zone', () => {
    expect(formatDateTime(acrossMidnight, { ...enIso, timeZone: 'UTC' })).toBe('2025-03-04 16:30');
    expect(formatDateTime(acrossMidnight, { ...enIso, timeZone: 'America/New_York' })).toBe(
      '2025-03-04 11:30',
    );
  });

  it('throws for an unknown time zone or an invalid instant', () => {
    expect(() => formatDateTime(acrossMidnight, { ...enIso, timeZone: 'Mars/Olympus' })).toThrow(
      RangeError,
    );
    expect(() => formatDateTime('2025-03-05' as never, enIso)).toThrow(RangeError);
  });

  it('throws for ROC display of an instant that is before 1912 in Taipei', () => {
    expect(() => formatDateTime(t('1911-12-31T15:00:00Z'), zhRoc)).toThrow(RangeError);
    expect(formatDateTime(t('1911-12-31T15:00:00Z'), zhIso)).toBe('1911-12-31 23:00');
  });
});

describe('localDateOf', () => {
  it('gives the Taipei calendar date of an instant', () => {
    expect(localDateOf(t('2025-03-04T16:30:00Z'))).toBe('2025-03-05');
    expect(localDateOf(t('2025-03-04T15:59:59Z'))).toBe('2025-03-04');
    expect(localDateOf(t('2025-03-04T16:30:00Z'), 'UTC')).toBe('2025-03-04');
  });
});

describe('parseRocDate', () => {
  it.each([
    ['114/03/05', '2025-03-05'],
    ['114-3-5', '2025-03-05'],
    ['114/3/05', '2025-03-05'],
    ['民國114年3月5日', '2025-03-05'],
    ['民國 114 年 3 月 5 日', '2025-03-05'], // what formatDate writes
    ['114年3月5日', '2025-03-05'],
    ['  99/12/31 ', '2010-12-31'],
    ['1/1/1', '1912-01-01'],
    ['113/02/29', '2024-02-29'], // 2024 is a leap year
    ['114/12/31', '2025-12-31'],
    ['１１４／０３／０５', '2025-03-05'], // full-width input from an IME
  ])('reads %j as %s', (input, expected) => {
    expect(parseRocDate(input)).toEqual({ ok: true, value: expected });
  });

  it('round-trips formatDate output', () => {
    for (const iso of ['1912-01-01', '2024-02-29', '2025-12-31']) {
      const parsed = parseRocDate(formatDate(d(iso), zhRoc));
      expect(parsed).toEqual({ ok: true, value: iso });
    }
  });

  it('rejects days that do not exist', () => {
    const leap = parseRocDate('114/02/29');
    expect(leap).toMatchObject({ ok: false, code: 'day' });
    expect(leap.ok ? '' : leap.error).toMatch(/has 28 days/);
    expect(parseRocDate('114/04/31')).toMatchObject({ ok: false, code: 'day' });
    expect(parseRocDate('114/01/00')).toMatchObject({ ok: false, code: 'day' });
  });

  it('rejects months that do not exist', () => {
    expect(parseRocDate('114/13/01')).toMatchObject({ ok: false, code: 'month' });
    expect(parseRocDate('114/0/01')).toMatchObject({ ok: false, code: 'month' });
  });

  it('rejects ROC year 0 and points out Gregorian years', () => {
    expect(parseRocDate('0/01/01')).toMatchObject({ ok: false, code: 'year' });
    const gregorian = parseRocDate('2025/03/05');
    expect(gregorian).toMatchObject({ ok: false, code: 'year' });
    expect(gregorian.ok ? '' : gregorian.error).toMatch(/Gregorian year \(ROC 114\)/);
  });

  it.each(['', '114/03', '114/03-05', '114.03.05', '民國114年3月', 'abc', '114/03/05 12:00'])(
    'rejects the format of %j',
    (input) => {
      expect(parseRocDate(input)).toMatchObject({ ok: false, code: 'format' });
    },
  );
});
