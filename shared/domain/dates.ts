/**
 * Calendar dates and instants: validation, display and ROC (民國) date entry.
 *
 * At rest a calendar date is `YYYY-MM-DD` and an instant is ISO 8601 in UTC
 * (`Date.prototype.toISOString()` form). The two share a prefix and are easy to mix up, so each
 * has its own brand; obtain them through `isIsoDate` / `asIsoDate` / `isIsoInstant` /
 * `asIsoInstant` / `toIsoInstant`. Years outside 0001–9999 are rejected: audit records have no
 * use for them and ISO strings beyond them need a sign.
 *
 * Display follows the user's preference: the ROC calendar (year 1 = 1912) or ISO, in zh-TW or
 * English. The ROC calendar has no years before 1912, so ROC display of an earlier date throws a
 * RangeError rather than inventing a "民國前" form; callers that may hold such dates should fall
 * back to `calendar: 'iso'`.
 */
import { z } from 'zod';

export type IsoDate = string & { readonly __brand: 'IsoDate' };
export type IsoInstant = string & { readonly __brand: 'IsoInstant' };

export type DisplayCalendar = 'roc' | 'iso';
export type DisplayLanguage = 'zh-TW' | 'en';

export interface DateDisplayOptions {
  calendar: DisplayCalendar;
  lang: DisplayLanguage;
}

export interface DateTimeDisplayOptions extends DateDisplayOptions {
  /** IANA time zone for the wall-clock reading. Defaults to Asia/Taipei. */
  timeZone?: string;
}

/** Taiwan is UTC+8 without daylight saving today; Intl still applies the historic rules. */
export const DEFAULT_TIME_ZONE = 'Asia/Taipei';

/** ROC year = Gregorian year − 1911; ROC year 1 is 1912. */
const ROC_YEAR_OFFSET = 1911;
/** Three digits cover ROC 1–999 (1912–2910) and keep "2025/03/05" from reading as ROC 2025. */
const MAX_ROC_YEAR = 999;

interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a Gregorian month (1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDate({ year, month, day }: YearMonthDay): boolean {
  return (
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function isoFromParts({ year, month, day }: YearMonthDay): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as IsoDate;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function splitIsoDate(value: string): YearMonthDay | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDate(parts) ? parts : null;
}

/** True for a real calendar date written exactly as `YYYY-MM-DD` (0001–9999). */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && splitIsoDate(value) !== null;
}

/** Brands a `YYYY-MM-DD` string, throwing a RangeError if it is not a real calendar date. */
export function asIsoDate(value: string): IsoDate {
  if (!isIsoDate(value)) {
    throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  }
  return value;
}

// Any number of fraction digits is accepted (other systems write micro- or nanoseconds);
// only the UTC designator Z is, so an instant at rest never depends on an offset.
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z$/;

/** True for `YYYY-MM-DDTHH:mm:ss[.fraction]Z` naming a real date and time of day. */
export function isIsoInstant(value: unknown): value is IsoInstant {
  if (typeof value !== 'string') return false;
  const match = ISO_INSTANT.exec(value);
  if (!match || splitIsoDate(match[1] ?? '') === null) return false;
  // No leap seconds: Date cannot represent 23:59:60 either.
  return Number(match[2]) <= 23 && Number(match[3]) <= 59 && Number(match[4]) <= 59;
}

/** Brands an ISO 8601 UTC instant string, throwing a RangeError if it is not one. */
export function asIsoInstant(value: string): IsoInstant {
  if (!isIsoInstant(value)) {
    throw new RangeError(`Not an ISO 8601 UTC instant: ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * For record schemas in place of `z.iso.date()` / `z.iso.datetime()`: same checks, but the
 * parsed value carries the brand (the type-guard refinement narrows the output type).
 */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { error: 'must be a calendar date written YYYY-MM-DD' });
export const isoInstantSchema = z
  .string()
  .refine(isIsoInstant, { error: 'must be an ISO 8601 UTC instant (…Z)' });

/** The instant of a Date or epoch milliseconds, in `toISOString()` form. */
export function toIsoInstant(time: Date | number): IsoInstant {
  const date = new Date(time);
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1 || year > 9999) {
    throw new RangeError('toIsoInstant: the time is invalid or outside the years 0001–9999');
  }
  return date.toISOString() as IsoInstant;
}

/** Gregorian year → ROC year. Throws a RangeError before 1912, which has no ROC year. */
export function toRocYear(gregorianYear: number): number {
  if (!Number.isInteger(gregorianYear) || gregorianYear <= ROC_YEAR_OFFSET) {
    throw new RangeError(
      `Gregorian year ${gregorianYear} has no ROC year (ROC year 1 is 1912; whole years only)`,
    );
  }
  return gregorianYear - ROC_YEAR_OFFSET;
}

/** ROC year → Gregorian year. Throws a RangeError for ROC years below 1. */
export function fromRocYear(rocYear: number): number {
  if (!Number.isInteger(rocYear) || rocYear < 1) {
    throw new RangeError(`ROC year must be a whole number of at least 1, got ${rocYear}`);
  }
  return rocYear + ROC_YEAR_OFFSET;
}

function formatParts(parts: YearMonthDay, { calendar, lang }: DateDisplayOptions): string {
  if (calendar === 'iso') return isoFromParts(parts);
  if (parts.year <= ROC_YEAR_OFFSET) {
    throw new RangeError(
      `${isoFromParts(parts)} is before 1912-01-01 and has no ROC date; display it as ISO`,
    );
  }
  const rocYear = toRocYear(parts.year);
  return lang === 'zh-TW'
    ? `民國 ${rocYear} 年 ${parts.month} 月 ${parts.day} 日`
    : `ROC ${rocYear}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

/**
 * `2025-03-05` → `民國 114 年 3 月 5 日` (ROC, zh-TW), `ROC 114-03-05` (ROC, en) or `2025-03-05`
 * (ISO, either language). Throws a RangeError for an invalid date, and for ROC display of a date
 * before 1912-01-01.
 */
export function formatDate(isoDate: IsoDate, options: DateDisplayOptions): string {
  const parts = splitIsoDate(isoDate);
  if (parts === null) {
    throw new RangeError(`formatDate: not an ISO calendar date: ${JSON.stringify(isoDate)}`);
  }
  return formatParts(parts, options);
}

interface WallClock extends YearMonthDay {
  hour: number;
  minute: number;
}

// Building a DateTimeFormat is far costlier than using one; lists format many rows.
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (format === undefined) {
    // Parts are read by type, so the locale only has to be one with Gregorian, Latin digits.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

function wallClock(isoInstant: IsoInstant, timeZone: string): WallClock {
  if (!isIsoInstant(isoInstant)) {
    throw new RangeError(`Not an ISO 8601 UTC instant: ${JSON.stringify(isoInstant)}`);
  }
  const fields = new Map<string, string>();
  for (const part of wallClockFormat(timeZone).formatToParts(new Date(isoInstant))) {
    fields.set(part.type, part.value);
  }
  const clock = {
    year: Number(fields.get('year')),
    month: Number(fields.get('month')),
    day: Number(fields.get('day')),
    hour: Number(fields.get('hour')),
    minute: Number(fields.get('minute')),
  };
  // 0001-01-01T00:00Z is still 1 BC west of Greenwich; such a reading has no ISO form here.
  if (fields.get('era') !== 'AD' || !isRealDate(clock)) {
    throw new RangeError(`${isoInstant} falls outside the years 0001–9999 in ${timeZone}`);
  }
  return clock;
}

/** The calendar date an instant falls on in a time zone (default Asia/Taipei). */
export function localDateOf(isoInstant: IsoInstant, timeZone = DEFAULT_TIME_ZONE): IsoDate {
  return isoFromParts(wallClock(isoInstant, timeZone));
}

/**
 * The date as `formatDate` writes it plus ` HH:mm` (24-hour), read on the wall clock of
 * `timeZone` (default Asia/Taipei): `2025-03-04T16:30:00Z` → `民國 114 年 3 月 5 日 00:30`.
 * Throws a RangeError for an invalid instant or time zone.
 */
export function formatDateTime(isoInstant: IsoInstant, options: DateTimeDisplayOptions): string {
  const clock = wallClock(isoInstant, options.timeZone ?? DEFAULT_TIME_ZONE);
  return `${formatParts(clock, options)} ${pad(clock.hour, 2)}:${pad(clock.minute, 2)}`;
}

export type RocDateErrorCode = 'format' | 'year' | 'month' | 'day';

export type ParseRocDateResult =
  { ok: true; value: IsoDate } | { ok: false; code: RocDateErrorCode; error: string };

const ROC_NUMERIC = /^(\d+)([/-])(\d{1,2})\2(\d{1,2})$/;
const ROC_CHINESE = /^(?:民國)?\s*(\d+)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

function failure(code: RocDateErrorCode, error: string): ParseRocDateResult {
  return { ok: false, code, error };
}

/**
 * Reads a ROC date as typed by a user: `114/03/05`, `114-3-5`, `民國114年3月5日` (spaces allowed,
 * 民國 optional, so `formatDate` output reads back). Full-width digits and separators are folded
 * to ASCII first. Returns the ISO date, or an error with a code for translated messages.
 */
export function parseRocDate(input: string): ParseRocDateResult {
  const text = input.normalize('NFKC').trim();
  const match = ROC_NUMERIC.exec(text) ?? ROC_CHINESE.exec(text);
  if (!match) {
    return failure(
      'format',
      `Not a ROC date: ${JSON.stringify(input)} (expected 114/03/05, 114-3-5 or 民國114年3月5日)`,
    );
  }
  // ROC_NUMERIC captures the separator in group 2.
  const [yearText, monthText, dayText] =
    match.length === 5 ? [match[1], match[3], match[4]] : [match[1], match[2], match[3]];
  const rocYear = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);

  if (rocYear < 1) return failure('year', 'ROC year must be at least 1 (ROC 1 is 1912)');
  if (rocYear > MAX_ROC_YEAR) {
    const hint =
      rocYear > ROC_YEAR_OFFSET && rocYear <= 9999
        ? `; ${rocYear} looks like a Gregorian year (ROC ${rocYear - ROC_YEAR_OFFSET})`
        : '';
    return failure('year', `ROC year ${rocYear} is out of range (1–${MAX_ROC_YEAR})${hint}`);
  }
  if (month < 1 || month > 12) return failure('month', `Month ${month} does not exist (1–12)`);

  const year = fromRocYear(rocYear);
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    return failure(
      'day',
      `Day ${day} does not exist: month ${month} of ROC ${rocYear} (${year}) has ${lastDay} days`,
    );
  }
  return { ok: true, value: isoFromParts({ year, month, day }) };
}
