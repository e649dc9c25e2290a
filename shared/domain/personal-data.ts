/**
 * Taiwanese personal identifiers: validation, and masking for display.
 *
 * Identifiers (10 characters, a letter then nine more):
 * - 國民身分證統一編號 (national ID): letter, 1 or 2, eight digits.
 * - 新式居留證號 (resident certificate, 2021 on): letter, 8 or 9, eight digits; same checksum.
 * - 舊式居留證號 (resident certificate, old): letter, A–D, eight digits; the second letter counts
 *   as the last digit of its letter code (A→0, B→1, C→2, D→3).
 * The checksum maps the first letter to its two-digit code (the table below is not
 * alphabetical: I, O, W–Z were added later), weighs the eleven digits 1,9,8,7,6,5,4,3,2,1,1 and
 * requires the sum to be a multiple of 10.
 *
 * Masking is for safety, not validation: free text is searched for anything shaped like an
 * identifier, phone number or e-mail address, and a mistyped identifier is masked like a valid
 * one. Full-width digits and letters (０９１２…, Ａ１２３…) are out of scope and not found.
 */

/** A string with personal data masked out; keeps masked text apart from raw input. */
export type Masked = string & { readonly __brand: 'Masked' };

/** A checked identifier, upper case and without surrounding space. */
export type PersonId = string & { readonly __brand: 'PersonId' };

export type PersonIdKind = 'national-id' | 'resident-new' | 'resident-old';

export type PersonIdInvalidReason =
  'length' | 'first-letter' | 'second-char' | 'digits' | 'checksum';

export type PersonIdClassification =
  | { kind: PersonIdKind; id: PersonId }
  | { kind: 'invalid'; reason: PersonIdInvalidReason; message: string };

// prettier-ignore
const LETTER_CODES: Readonly<Record<string, number>> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};

/** Weights of the letter code's two digits, the second character and the eight digits. */
const WEIGHTS = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1] as const;

function checksumHolds(letterCode: number, secondDigit: number, lastEight: string): boolean {
  const digits = [Math.floor(letterCode / 10), letterCode % 10, secondDigit];
  for (const char of lastEight) digits.push(Number(char));
  const sum = digits.reduce((total, digit, i) => total + digit * (WEIGHTS[i] ?? 0), 0);
  return sum % 10 === 0;
}

function invalid(reason: PersonIdInvalidReason, message: string): PersonIdClassification {
  return { kind: 'invalid', reason, message };
}

/**
 * Which kind of identifier `input` is, ignoring case and surrounding space, or why it is
 * none. The reason codes let the UI translate the message.
 */
export function classifyPersonId(input: string): PersonIdClassification {
  const id = input.trim().toUpperCase();
  if (id.length !== 10) return invalid('length', `Must be 10 characters, got ${id.length}`);

  const letterCode = LETTER_CODES[id.charAt(0)];
  if (letterCode === undefined) return invalid('first-letter', 'Must start with a letter A–Z');

  const lastEight = id.slice(2);
  if (!/^\d{8}$/.test(lastEight)) {
    return invalid('digits', 'Characters 3 to 10 must be digits');
  }

  const second = id.charAt(1);
  let kind: PersonIdKind;
  let secondDigit: number;
  if (second === '1' || second === '2') {
    kind = 'national-id';
    secondDigit = Number(second);
  } else if (second === '8' || second === '9') {
    kind = 'resident-new';
    secondDigit = Number(second);
  } else if (second >= 'A' && second <= 'D') {
    kind = 'resident-old';
    secondDigit = (LETTER_CODES[second] ?? 0) % 10;
  } else {
    return invalid(
      'second-char',
      'The second character must be 1 or 2 (national ID), 8 or 9 (resident certificate) or A–D (old resident certificate)',
    );
  }

  if (!checksumHolds(letterCode, secondDigit, lastEight)) {
    return invalid('checksum', 'The check digit does not match; the number is probably mistyped');
  }
  return { kind, id: id as PersonId };
}

/** A valid 國民身分證統一編號 (not a resident certificate number); case-insensitive. */
export function isValidNationalId(input: string): boolean {
  return classifyPersonId(input).kind === 'national-id';
}

/** A valid national ID or resident certificate number, old or new format. */
export function isValidPersonId(input: string): boolean {
  return classifyPersonId(input).kind !== 'invalid';
}

// ——— Masking ———

/**
 * `A123456789` → `A12****789`: the first three and last three characters stay, enough to tell
 * records apart on screen. Anything that is not 10 characters long is masked completely.
 */
export function maskId(id: string): Masked {
  if (id.length !== 10) return '*'.repeat(id.length) as Masked;
  return `${id.slice(0, 3)}****${id.slice(7)}` as Masked;
}

/** Replaces the digits at the given positions (counted among digits only) with `*`. */
function maskDigits(text: string, shouldMask: (digitIndex: number) => boolean): Masked {
  let digitIndex = 0;
  let out = '';
  for (const char of text) {
    if (char >= '0' && char <= '9') {
      out += shouldMask(digitIndex) ? '*' : char;
      digitIndex++;
    } else {
      out += char;
    }
  }
  return out as Masked;
}

/**
 * Masks a Taiwanese phone number, keeping its separators:
 * - mobile `0912345678` → `0912***678`, `+886 912 345 678` → `+886 912 ***678`;
 * - landline: the area code and the last four digits stay, `02-2345-6789` → `02-****-6789`,
 *   `(037)123456` → `(037)**3456`. Without a separator the area code is taken as two digits.
 * Anything else has all its digits masked.
 */
export function maskPhone(phone: string): Masked {
  const digits = phone.replace(/\D/g, '');
  const groups = phone.match(/\d+/g) ?? [];
  const international = phone.trimStart().startsWith('+') && digits.startsWith('886');
  // Work on the national form (0 + subscriber digits); `shift` maps its positions back.
  const national = international ? `0${digits.slice(3)}` : digits;
  const shift = international ? 2 : 0;

  if (/^09\d{8}$/.test(national)) {
    return maskDigits(phone, (i) => i - shift >= 4 && i - shift <= 6);
  }
  if (/^0[1-8]\d{7,8}$/.test(national)) {
    // The area code is the first group when the number is written in groups, else 2 digits.
    const areaIndex = international ? 1 : 0;
    const areaGroup = groups.length > areaIndex + 1 ? groups[areaIndex] : undefined;
    let areaLength = areaGroup === undefined ? 2 : areaGroup.length + (international ? 1 : 0);
    if (areaLength < 2 || areaLength > 4) areaLength = 2;
    const keepFrom = national.length - 4;
    return maskDigits(phone, (i) => i - shift >= areaLength && i - shift < keepFrom);
  }
  return maskDigits(phone, () => true);
}

/**
 * `wang.xiaoming@gmail.com` → `wa***@gmail.com`: two characters of the local part stay (one if
 * it is short, none if it is a single character), the length is hidden, the domain stays.
 */
export function maskEmail(email: string): Masked {
  const at = email.lastIndexOf('@');
  if (at < 0) return '*'.repeat(email.length) as Masked;
  const local = email.slice(0, at);
  const keep = local.length >= 4 ? 2 : local.length >= 2 ? 1 : 0;
  return `${local.slice(0, keep)}***${email.slice(at)}` as Masked;
}

export type PersonalDataKind = 'person-id' | 'mobile' | 'landline' | 'email';

export interface PersonalDataSpan {
  kind: PersonalDataKind;
  /** Where the value sits in the original text (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  /** What replaces it in the masked text. */
  masked: Masked;
}

export interface MaskedText {
  text: Masked;
  /** In order of position, not overlapping. */
  spans: PersonalDataSpan[];
}

// A phone number must not continue a longer number or a date (`2025-03-05 1234`).
const NOT_AFTER_NUMBER = String.raw`(?<![\d\-/])`;

const MAY_HOLD_PERSONAL_DATA = /[0-9@]/;

const PATTERNS: readonly { kind: PersonalDataKind; pattern: RegExp }[] = [
  {
    kind: 'email',
    // The lookbehind makes a match start only where a run starts: linear time on long runs.
    pattern:
      /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?![A-Za-z0-9-])/g,
  },
  {
    // Letter, then the second characters real identifiers use, then eight digits; the
    // checksum is deliberately not checked. Not inside a longer run of letters and digits.
    kind: 'person-id',
    pattern: /(?<![A-Za-z0-9])[A-Za-z][1289A-Da-d]\d{8}(?![A-Za-z0-9])/g,
  },
  {
    // 0912345678, 0912-345-678, 0912 345 678, 0912-345678, +886 912 345 678, +886912345678.
    kind: 'mobile',
    pattern: new RegExp(
      String.raw`${NOT_AFTER_NUMBER}(?:\+886[- ]?|0)9\d{2}[- ]?\d{3}[- ]?\d{3}(?!\d)`,
      'g',
    ),
  },
  {
    // (02)2345-6789, (02) 23456789, (037)123456.
    kind: 'landline',
    pattern: new RegExp(
      String.raw`${NOT_AFTER_NUMBER}\(0[1-8]\d{0,2}\) ?\d{1,4}[- ]?\d{4}(?!\d)`,
      'g',
    ),
  },
  {
    // 02-2345-6789, 02-23456789, 037-123456, 0826-23456. The dash after the area code is
    // required: a bare run of digits is too often an account or policy number.
    kind: 'landline',
    pattern: new RegExp(String.raw`${NOT_AFTER_NUMBER}0[1-8]\d{0,2}-\d{1,4}[- ]?\d{4}(?!\d)`, 'g'),
  },
  {
    // +886-2-2345-6789, +886 2 2345 6789.
    kind: 'landline',
    pattern: new RegExp(
      String.raw`${NOT_AFTER_NUMBER}\+886[- ]?[1-8]\d{0,2}[- ]\d{1,4}[- ]?\d{4}(?!\d)`,
      'g',
    ),
  },
];

/** `05-03-2025`, `03-5-2025`: day–month–year dates that the landline pattern would also match. */
const DATE_LIKE = /^\d{1,2}-\d{1,2}-\d{4}$/;

function maskerFor(kind: PersonalDataKind): (value: string) => Masked {
  switch (kind) {
    case 'person-id':
      return maskId;
    case 'mobile':
    case 'landline':
      return maskPhone;
    case 'email':
      return maskEmail;
  }
}

/**
 * Finds national IDs and resident certificate numbers, Taiwanese mobile and landline numbers
 * and e-mail addresses in free text and masks each in place. Returns the masked text and the
 * spans found, so that a UI can render the original with each span masked and offer to reveal
 * it. Amounts (NT$200,000), ISO and ROC dates and other plain numbers are left alone.
 */
export function maskPersonalData(text: string): MaskedText {
  // Every pattern needs an ASCII digit or an `@`: text with neither (most names, units,
  // labels) is returned without running them, which matters on registers of many rows.
  if (!MAY_HOLD_PERSONAL_DATA.test(text)) return { text: text as Masked, spans: [] };
  const found: Omit<PersonalDataSpan, 'masked'>[] = [];
  for (const { kind, pattern } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      if (kind === 'landline' && DATE_LIKE.test(match[0])) continue;
      found.push({ kind, start: match.index, end: match.index + match[0].length });
    }
  }
  // Earliest first, the longest of those; drop whatever overlaps an accepted span (an e-mail
  // address wins over an identifier or phone number inside its local part).
  found.sort((a, b) => a.start - b.start || b.end - a.end);

  const spans: PersonalDataSpan[] = [];
  let out = '';
  let cursor = 0;
  for (const span of found) {
    if (span.start < cursor) continue;
    const masked = maskerFor(span.kind)(text.slice(span.start, span.end));
    out += text.slice(cursor, span.start) + masked;
    cursor = span.end;
    spans.push({ ...span, masked });
  }
  out += text.slice(cursor);
  return { text: out as Masked, spans };
}
