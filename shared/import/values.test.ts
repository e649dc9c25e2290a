import { describe, expect, it } from 'vitest';
import {
  normaliseLabel,
  parseDateValue,
  parseEmailValue,
  parseEnumValue,
  parsePersonIdValue,
  parsePhoneValue,
} from './values';

describe('parseDateValue', () => {
  it.each([
    ['2025-03-05', '2025-03-05'],
    ['2025/03/05', '2025-03-05'],
    ['2025/3/5', '2025-03-05'],
    ['2025.3.5', '2025-03-05'],
    ['2025年3月5日', '2025-03-05'],
    ['20250305', '2025-03-05'],
    ['2024-02-29', '2024-02-29'],
    ['114/03/05', '2025-03-05'],
    ['114-3-5', '2025-03-05'],
    ['114.03.05', '2025-03-05'],
    ['民國114年3月5日', '2025-03-05'],
    ['民國 114 年 3 月 5 日', '2025-03-05'],
    ['114年3月5日', '2025-03-05'],
    ['民國114/03/05', '2025-03-05'],
    ['1140305', '2025-03-05'],
    ['99/12/31', '2010-12-31'],
    ['１１４／０３／０５', '2025-03-05'], // full-width
    ['  2025-03-05  ', '2025-03-05'],
    ['2025/3/5 上午 12:00:00', '2025-03-05'], // zh-TW Excel's date-time export
    ['2025-03-05 14:30', '2025-03-05'],
    ['2025-03-05T00:00:00Z', '2025-03-05'],
    ['2025/3/5 02:15 PM', '2025-03-05'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseDateValue(input)).toEqual({ ok: true, value: expected });
  });

  it('says which day does not exist (2025-02-30)', () => {
    const result = parseDateValue('2025-02-30');
    expect(result).toEqual({
      ok: false,
      message: {
        'zh-TW': '2025 年 2 月只有 28 天，沒有 30 日。',
        en: 'February 2025 has 28 days; there is no day 30.',
      },
    });
  });

  it('says which month does not exist (114/13/01)', () => {
    expect(parseDateValue('114/13/01')).toEqual({
      ok: false,
      message: { 'zh-TW': '月份 13 不存在（應為 1–12）。', en: 'Month 13 does not exist (1–12).' },
    });
  });

  it('gives the ROC and Gregorian years for a bad ROC day', () => {
    const result = parseDateValue('113/02/30');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message.en).toBe('February of ROC 113 (2024) has 29 days; there is no day 30.');
      expect(result.message['zh-TW']).toContain('民國 113 年（2024 年）2 月只有 29 天');
    }
  });

  it.each(['2025-13-01', '2025-00-10', '114/00/05', '1141305'])(
    'refuses the month in %s',
    (input) => {
      expect(parseDateValue(input)).toMatchObject({ ok: false });
    },
  );

  it.each(['', 'abc', '03/05/2025', '5 March 2025', '2025-03', '12345', '2025-3-5-1'])(
    'refuses %j as not a date',
    (input) => {
      expect(parseDateValue(input)).toMatchObject({
        ok: false,
        message: {
          en: 'Not a date this import reads; write it as 2025-03-05, 2025/3/5 or ROC 114/03/05.',
        },
      });
    },
  );

  it('refuses ROC year 0', () => {
    expect(parseDateValue('0/03/05')).toMatchObject({
      ok: false,
      message: { en: 'ROC year 0 is out of range (ROC 1 is 1912).' },
    });
  });
});

describe('parsePersonIdValue', () => {
  it.each([
    ['A123456789', 'national-id'],
    ['a123456789', 'national-id'],
    [' Ａ１２３４５６７８９ ', 'national-id'], // full-width, from a Big5 form
    ['A800000014', 'resident-new'],
    ['FA12345689', 'resident-old'],
  ])('accepts %j as %s', (input, kind) => {
    expect(parsePersonIdValue(input)).toMatchObject({ ok: true, kind });
  });

  it('returns the identifier upper-cased and half-width', () => {
    expect(parsePersonIdValue('ａ１２３４５６７８９')).toMatchObject({ value: 'A123456789' });
  });

  it.each([
    ['A123456788', 'checksum', 'The check digit does not match; the number is probably mistyped.'],
    [
      'A12345678',
      'length',
      'A national ID or resident certificate number has 10 characters; this one has 9.',
    ],
    ['1123456789', 'first-letter', 'The first character must be a letter A–Z.'],
    [
      'A323456789',
      'second-char',
      'The second character must be 1 or 2 (national ID), 8 or 9 (resident certificate) or A–D (old resident certificate).',
    ],
    ['A1234567X9', 'digits', 'Characters 3 to 10 must be digits.'],
  ])('refuses %s (%s)', (input, reason, en) => {
    const result = parsePersonIdValue(input);
    expect(result).toMatchObject({ ok: false, reason, message: { en } });
  });
});

describe('parseEmailValue', () => {
  it('accepts an address and lower-cases its domain only', () => {
    expect(parseEmailValue(' Wang.XM@Example.COM.tw ')).toEqual({
      ok: true,
      value: 'Wang.XM@example.com.tw',
    });
    expect(parseEmailValue('mailto:a@b.tw')).toEqual({ ok: true, value: 'a@b.tw' });
    expect(parseEmailValue('ｗａｎｇ＠ｅｘａｍｐｌｅ．ｔｗ')).toEqual({
      ok: true,
      value: 'wang@example.tw',
    });
  });

  it.each(['wang', 'wang@', '@example.tw', 'wang@example', 'wang xm@example.tw', 'a@b..tw'])(
    'refuses %j',
    (input) => {
      expect(parseEmailValue(input)).toMatchObject({ ok: false });
    },
  );
});

describe('parsePhoneValue', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0912-345-678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['+886 912 345 678', '0912345678'],
    ['+886-2-2345-6789', '0223456789'],
    ['+886 (0)2 2345 6789', '0223456789'],
    ['(02)2345-6789', '0223456789'],
    ['02-2345-6789#123', '0223456789#123'],
    ['02-2345-6789 分機 45', '0223456789#45'],
    ['037-123456', '037123456'],
    ['0826-23456', '082623456'],
    ['912345678', '0912345678'], // Excel dropped the leading 0
    ['+1 415 555 0123', '+14155550123'],
    ['０９１２－３４５－６７８', '0912345678'],
  ])('reads %j as %s', (input, expected) => {
    expect(parsePhoneValue(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['12345', '0912-345', 'abc', '1234567890', '+12', '0112345678'])(
    'refuses %j',
    (input) => {
      expect(parsePhoneValue(input)).toMatchObject({ ok: false });
    },
  );
});

describe('parseEnumValue', () => {
  const allowed = [
    { value: '在職', aliases: ['Active', 'A'] },
    { value: '離職', aliases: ['Resigned'] },
  ];

  it('accepts a value or an alias, whatever the width, case and spacing', () => {
    expect(parseEnumValue('在職', allowed)).toEqual({ ok: true, value: '在職' });
    expect(parseEnumValue(' active ', allowed)).toEqual({ ok: true, value: '在職' });
    expect(parseEnumValue('ＲＥＳＩＧＮＥＤ', allowed)).toEqual({ ok: true, value: '離職' });
  });

  it('lists the allowed values when refusing', () => {
    expect(parseEnumValue('退休', allowed)).toEqual({
      ok: false,
      message: {
        'zh-TW': '不是允許的值；可用：在職、離職。',
        en: 'Not an allowed value; use one of: 在職, 離職.',
      },
    });
  });
});

describe('normaliseLabel', () => {
  it('folds width, case, spaces and punctuation', () => {
    expect(normaliseLabel(' ＩＤ　Ｎｏ． ')).toBe('idno');
    expect(normaliseLabel('E-mail')).toBe('email');
    expect(normaliseLabel('*身分證字號（必填）')).toBe('身分證字號必填');
  });
});
