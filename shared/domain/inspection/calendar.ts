/**
 * Whole-day arithmetic on ISO calendar dates (`YYYY-MM-DD`), for assessment cycles, due dates
 * and ages. Pure integer arithmetic on the proleptic Gregorian calendar: no `Date`, so no time
 * zone and no two-digit-year quirk of `Date.UTC` can shift a day.
 */
import { asIsoDate, daysInMonth, type IsoDate } from '../dates';

interface Parts {
  year: number;
  month: number;
  day: number;
}

function parts(date: IsoDate): Parts {
  // Re-checked at run time: a brand is only a compile-time promise.
  const [year, month, day] = asIsoDate(date).split('-').map(Number);
  return { year: year ?? 0, month: month ?? 0, day: day ?? 0 };
}

function fromParts({ year, month, day }: Parts): IsoDate {
  if (year < 1 || year > 9999) {
    throw new RangeError(`The result falls outside the years 0001–9999 (year ${year})`);
  }
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return asIsoDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
}

/**
 * Days since 1970-01-01 (negative before). H. Hinnant's `days_from_civil`: years start in
 * March so the leap day is the last day of the (shifted) year.
 */
function epochDay({ year, month, day }: Parts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = (month + 9) % 12; // March = 0 … February = 11
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * `date` moved by `months` calendar months (negative goes back). A day that does not exist in
 * the target month is clamped to its last day, as deadlines are read ("within three months of
 * 11-30" ends on the last day of February): 2024-01-31 + 1 → 2024-02-29, 2024-02-29 + 12 →
 * 2025-02-28. Throws a RangeError for a non-integer count or a result outside 0001–9999.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isSafeInteger(months)) {
    throw new RangeError(`addMonths: months must be a whole number, got ${months}`);
  }
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  if (targetYear < 1 || targetYear > 9999) {
    throw new RangeError(`addMonths: ${date} + ${months} months falls outside 0001–9999`);
  }
  return fromParts({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** Whole days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return epochDay(parts(to)) - epochDay(parts(from));
}

/** `date` moved by whole `days` (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) {
    throw new RangeError(`addDays: days must be a whole number, got ${days}`);
  }
  // Walk from the epoch day back to a civil date (Hinnant's `civil_from_days`).
  const z = epochDay(parts(date)) + days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return fromParts({ year, month, day });
}
