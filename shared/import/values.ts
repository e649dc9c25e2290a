/**
 * Cell values as users type them in HR and asset exports, checked and normalised one kind at a
 * time. Each parser folds full-width characters (NFKC) and surrounding space first and returns
 * the normalised value or a bilingual message that does not repeat the value (error lists
 * show the value separately, masked).
 */
import type { Bilingual } from '../catalog/schema';
import { daysInMonth, isIsoDate, parseRocDate, type IsoDate } from '../domain/dates';
import {
  classifyPersonId,
  type PersonId,
  type PersonIdInvalidReason,
  type PersonIdKind,
} from '../domain/personal-data';
import { bi } from './errors';

export type Parsed<T extends string> = { ok: true; value: T } | { ok: false; message: Bilingual };

const fail = (zh: string, en: string): { ok: false; message: Bilingual } => ({
  ok: false,
  message: bi(zh, en),
});

// ——— Dates ———

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A time of day after the date, as Excel and HR systems append it: dropped. */
const TIME_SUFFIX =
  /(?:[ T]+|(?<=\d))(?:上午|下午|AM|PM)?\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:上午|下午|AM|PM)?(?:Z|[+-]\d{2}:?\d{2})?$/i;
const GREGORIAN = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
  /^(\d{4})(\d{2})(\d{2})$/,
] as const;
const ROC = [
  /^(?:民國)?(\d{1,3})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  /^(?:民國)?(\d{1,3})年(\d{1,2})月(\d{1,2})日$/,
  // 1140305: the compact ROC form of government and HR systems.
  /^(\d{3})(\d{2})(\d{2})$/,
] as const;

function matchParts(patterns: readonly RegExp[], text: string): [number, number, number] | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match !== null) return [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  return null;
}

function badDay(year: number, month: number, day: number, roc: number | null) {
  const last = daysInMonth(year, month);
  const english = MONTHS[month - 1] ?? String(month);
  return roc === null
    ? fail(
        `${year} 年 ${month} 月只有 ${last} 天，沒有 ${day} 日。`,
        `${english} ${year} has ${last} days; there is no day ${day}.`,
      )
    : fail(
        `民國 ${roc} 年（${year} 年）${month} 月只有 ${last} 天，沒有 ${day} 日。`,
        `${english} of ROC ${roc} (${year}) has ${last} days; there is no day ${day}.`,
      );
}

const badMonth = (month: number) =>
  fail(`月份 ${month} 不存在（應為 1–12）。`, `Month ${month} does not exist (1–12).`);

/**
 * A calendar date in any form the import accepts: ISO `2025-03-05`, `2025/3/5`, `2025.03.05`,
 * `2025年3月5日`, `20250305`; ROC `114/03/05`, `114-3-5`, `114.3.5`, `民國114年3月5日`,
 * `1140305`. A time of day after the date (`2025/3/5 上午 12:00:00`) is dropped. A date that
 * does not exist (2025-02-30, 114/13/01) is refused with what is wrong.
 */
export function parseDateValue(input: string): Parsed<IsoDate> {
  const folded = input.normalize('NFKC').trim();
  const text = (folded.includes(':') ? folded.replace(TIME_SUFFIX, '') : folded).replace(
    /\s+/g,
    '',
  );
  const gregorian = matchParts(GREGORIAN, text);
  if (gregorian !== null) {
    const [year, month, day] = gregorian;
    if (month < 1 || month > 12) return badMonth(month);
    if (day < 1 || day > daysInMonth(year, month)) return badDay(year, month, day, null);
    const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (!isIsoDate(iso)) {
      return fail(`年份 ${year} 超出範圍。`, `The year ${year} is out of range.`);
    }
    return { ok: true, value: iso };
  }
  const roc = matchParts(ROC, text);
  if (roc !== null) {
    const [rocYear, month, day] = roc;
    const parsed = parseRocDate(`${rocYear}/${month}/${day}`);
    if (parsed.ok) return { ok: true, value: parsed.value };
    switch (parsed.code) {
      case 'month':
        return badMonth(month);
      case 'day':
        return badDay(rocYear + 1911, month, day, rocYear);
      case 'year':
      case 'format':
        return fail(
          `民國年 ${rocYear} 超出範圍（民國 1 年是 1912 年）。`,
          `ROC year ${rocYear} is out of range (ROC 1 is 1912).`,
        );
    }
  }
  return fail(
    '無法辨識的日期；請寫成 2025-03-05、2025/3/5 或民國 114/03/05。',
    'Not a date this import reads; write it as 2025-03-05, 2025/3/5 or ROC 114/03/05.',
  );
}

// ——— Personal identifiers ———

const PERSON_ID_MESSAGES: Record<PersonIdInvalidReason, (length: number) => Bilingual> = {
  length: (length) =>
    bi(
      `身分證字號或居留證號應為 10 碼，此值有 ${length} 碼。`,
      `A national ID or resident certificate number has 10 characters; this one has ${length}.`,
    ),
  'first-letter': () => bi('第 1 碼應為英文字母。', 'The first character must be a letter A–Z.'),
  'second-char': () =>
    bi(
      '第 2 碼應為 1 或 2（身分證）、8 或 9（新式居留證）、A–D（舊式居留證）。',
      'The second character must be 1 or 2 (national ID), 8 or 9 (resident certificate) or A–D (old resident certificate).',
    ),
  digits: () => bi('第 3 至 10 碼應為數字。', 'Characters 3 to 10 must be digits.'),
  checksum: () =>
    bi(
      '檢查碼不符，號碼可能輸入錯誤。',
      'The check digit does not match; the number is probably mistyped.',
    ),
};

export type ParsedPersonId =
  | { ok: true; value: PersonId; kind: PersonIdKind }
  | { ok: false; message: Bilingual; reason: PersonIdInvalidReason };

/**
 * A national ID or a resident certificate number (new or old format), checked with
 * `classifyPersonId` (check digit included); full-width input is folded first.
 */
export function parsePersonIdValue(input: string): ParsedPersonId {
  const text = input.normalize('NFKC').trim();
  const result = classifyPersonId(text);
  if (result.kind === 'invalid') {
    return {
      ok: false,
      reason: result.reason,
      message: PERSON_ID_MESSAGES[result.reason](text.length),
    };
  }
  return { ok: true, value: result.id, kind: result.kind };
}

// ——— E-mail and phone ———

// The WHATWG definition of a valid e-mail address (input type=email).
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** An e-mail address; a `mailto:` prefix is dropped and the domain lower-cased. */
export function parseEmailValue(input: string): Parsed<string> {
  const text = input
    .normalize('NFKC')
    .trim()
    .replace(/^mailto:/i, '');
  if (!EMAIL.test(text)) {
    return fail(
      'E-mail 格式不正確（例：wang@example.com.tw）。',
      'Not a valid e-mail address (e.g. wang@example.com.tw).',
    );
  }
  const at = text.lastIndexOf('@');
  return { ok: true, value: text.slice(0, at + 1) + text.slice(at + 1).toLowerCase() };
}

const EXTENSION = /(?:#|ext\.?|x|轉|分機)\s*(\d{1,6})$/i;

/**
 * A Taiwanese mobile or landline number, or an international one (`+` and 8–15 digits).
 * Separators go; `+886` becomes `0`; an extension is kept as `#123`. A 9-digit number starting
 * with 9 is a mobile number whose leading 0 Excel dropped (it stored the number as a number).
 * Result: `0912345678`, `0223456789#123`, `+14155550123`.
 */
export function parsePhoneValue(input: string): Parsed<string> {
  const text = input.normalize('NFKC').trim();
  const extension = EXTENSION.exec(text);
  const main = (extension === null ? text : text.slice(0, extension.index)).replace(
    /[\s\-().]/g,
    '',
  );
  const suffix = extension === null ? '' : `#${extension[1] ?? ''}`;
  if (/^\+\d{8,15}$/.test(main) && !main.startsWith('+886')) {
    return { ok: true, value: main + suffix };
  }
  const national = main.startsWith('+886')
    ? `0${main.slice(4).replace(/^0/, '')}`
    : /^9\d{8}$/.test(main)
      ? `0${main}`
      : main;
  if (/^09\d{8}$/.test(national) || /^0[2-8]\d{7,8}$/.test(national)) {
    return { ok: true, value: national + suffix };
  }
  return fail(
    '電話號碼格式不正確（例：0912-345-678、02-2345-6789#123）。',
    'Not a phone number this import reads (e.g. 0912-345-678, 02-2345-6789#123).',
  );
}

// ——— Enumerations ———

export interface EnumOption {
  /** The value stored. */
  value: string;
  /** Other ways exports write it (男 / M / Male); matched like headers. */
  aliases?: readonly string[];
}

/** Folds what users vary without meaning to: width, case, spaces and punctuation. */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

const enumIndexes = new WeakMap<readonly EnumOption[], Map<string, string>>();

/** Normalised name → allowed value, built once per list of options. */
function enumIndex(allowed: readonly EnumOption[]): Map<string, string> {
  let index = enumIndexes.get(allowed);
  if (index === undefined) {
    index = new Map();
    for (const option of allowed) {
      for (const name of [option.value, ...(option.aliases ?? [])]) {
        const key = normaliseLabel(name);
        if (!index.has(key)) index.set(key, option.value);
      }
    }
    enumIndexes.set(allowed, index);
  }
  return index;
}

/** One of the allowed values (or an alias of one), returned as the allowed value. */
export function parseEnumValue(input: string, allowed: readonly EnumOption[]): Parsed<string> {
  const value = enumIndex(allowed).get(normaliseLabel(input));
  if (value !== undefined) return { ok: true, value };
  const shown = allowed.slice(0, 12).map((option) => option.value);
  const more = allowed.length > shown.length ? ' …' : '';
  return fail(
    `不是允許的值；可用：${shown.join('、')}${more}。`,
    `Not an allowed value; use one of: ${shown.join(', ')}${more}.`,
  );
}
