import { describe, expect, it } from 'vitest';
import {
  classifyPersonId,
  isValidNationalId,
  isValidPersonId,
  maskEmail,
  maskId,
  maskPersonalData,
  maskPhone,
} from './personal-data';

describe('classifyPersonId', () => {
  it.each([
    ['A123456789', 'national-id'], // the textbook example
    ['B234567894', 'national-id'], // second digit 2
    ['Z123456780', 'national-id'],
    ['W123456789', 'national-id'], // W = 32, out of alphabetical order
    ['I100000003', 'national-id'], // I = 34
    ['O200000006', 'national-id'], // O = 35
    ['A800000014', 'resident-new'],
    ['F901234566', 'resident-new'],
    ['Y812345670', 'resident-new'],
    ['FA12345689', 'resident-old'], // A counts as 0
    ['AC00000003', 'resident-old'], // C counts as 2
    ['BD12345672', 'resident-old'], // D counts as 3
  ])('%s is a valid %s', (id, kind) => {
    expect(classifyPersonId(id)).toEqual({ kind, id });
  });

  it('normalises case and surrounding space', () => {
    expect(classifyPersonId('  a123456789 ')).toEqual({ kind: 'national-id', id: 'A123456789' });
    expect(classifyPersonId('fa12345689')).toEqual({ kind: 'resident-old', id: 'FA12345689' });
  });

  it('catches every single wrong check digit', () => {
    for (let digit = 0; digit <= 9; digit++) {
      const id = `A12345678${digit}`;
      const expected = digit === 9 ? 'national-id' : 'invalid';
      expect(classifyPersonId(id).kind, id).toBe(expected);
    }
  });

  it('catches a swap of two neighbouring digits with different weights', () => {
    // The last two digits both weigh 1, so swapping those is the one swap it cannot see.
    expect(classifyPersonId('A132456789')).toMatchObject({ kind: 'invalid', reason: 'checksum' });
  });

  it.each([
    ['', 'length'],
    ['A12345678', 'length'],
    ['A1234567890', 'length'],
    ['1123456789', 'first-letter'],
    ['中123456789', 'first-letter'],
    ['A323456789', 'second-char'], // 3–7 and 0 are no identifier
    ['A023456789', 'second-char'],
    ['AE12345678', 'second-char'], // old resident numbers use A–D only
    ['A1234567X9', 'digits'],
    ['A12345 789', 'digits'],
    ['A123456788', 'checksum'],
    ['FA12345688', 'checksum'],
    ['A800000015', 'checksum'],
  ])('%j is invalid: %s', (id, reason) => {
    const result = classifyPersonId(id);
    expect(result).toMatchObject({ kind: 'invalid', reason });
    expect(result.kind === 'invalid' ? result.message : '').not.toBe('');
  });

  it('counts the second letter of the old format as the last digit of its code', () => {
    // B (11) counts as 1: the same number with the digit 1 in its place is a valid national ID.
    expect(classifyPersonId('AB12345677').kind).toBe('resident-old');
    expect(classifyPersonId('A112345677').kind).toBe('national-id');
    expect(classifyPersonId('AB12345678').kind).toBe('invalid');
  });
});

describe('isValidNationalId / isValidPersonId', () => {
  it('accepts national IDs only', () => {
    expect(isValidNationalId('A123456789')).toBe(true);
    expect(isValidNationalId('a123456789')).toBe(true);
    expect(isValidNationalId('A800000014')).toBe(false); // valid, but a resident number
    expect(isValidNationalId('FA12345689')).toBe(false);
    expect(isValidNationalId('A123456788')).toBe(false);
  });

  it('accepts any valid identifier', () => {
    expect(['A123456789', 'A800000014', 'FA12345689'].map(isValidPersonId)).toEqual([
      true,
      true,
      true,
    ]);
    expect(isValidPersonId('A123456788')).toBe(false);
  });
});

describe('maskId', () => {
  it('keeps the first three and last three characters', () => {
    expect(maskId('A123456789')).toBe('A12****789');
    expect(maskId('FA12345689')).toBe('FA1****689');
    expect(maskId('a123456789')).toBe('a12****789');
  });

  it('masks anything that is not 10 characters completely', () => {
    expect(maskId('A12345678')).toBe('*********');
    expect(maskId('')).toBe('');
  });
});

describe('maskPhone', () => {
  it.each([
    ['0912345678', '0912***678'],
    ['0912-345-678', '0912-***-678'],
    ['0912 345 678', '0912 *** 678'],
    ['0912-345678', '0912-***678'],
    ['+886912345678', '+886912***678'],
    ['+886 912 345 678', '+886 912 *** 678'],
    ['+886-912-345-678', '+886-912-***-678'],
  ])('masks mobile %s as %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it.each([
    ['02-2345-6789', '02-****-6789'],
    ['02-23456789', '02-****6789'],
    ['(02)2345-6789', '(02)****-6789'],
    ['(02) 2345 6789', '(02) **** 6789'],
    ['07-123-4567', '07-***-4567'],
    ['037-123456', '037-**3456'],
    ['(037)12-3456', '(037)**-3456'],
    ['0826-23456', '0826-*3456'],
    ['0223456789', '02****6789'],
    ['+886-2-2345-6789', '+886-2-****-6789'],
    ['+886 7 123 4567', '+886 7 *** 4567'],
  ])('masks landline %s as %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('masks every digit of something that is no Taiwanese number', () => {
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone('+1 415 555 0100')).toBe('+* *** *** ****');
  });
});

describe('maskEmail', () => {
  it.each([
    ['wang.xiaoming@gmail.com', 'wa***@gmail.com'],
    ['abcd@example.com.tw', 'ab***@example.com.tw'],
    ['abc@example.com', 'a***@example.com'],
    ['ab@example.com', 'a***@example.com'],
    ['a@example.com', '***@example.com'],
  ])('masks %s as %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });

  it('hides the length of the local part', () => {
    expect(maskEmail('wangxiaoming@x.tw').length).toBe(maskEmail('wang@x.tw').length);
  });

  it('masks a string without @ completely', () => {
    expect(maskEmail('nobody')).toBe('******');
  });
});

describe('maskPersonalData', () => {
  it('masks an identifier inside Chinese text and reports its span', () => {
    const text = '受訪者王小明（身分證字號A123456789）表示';
    const result = maskPersonalData(text);
    expect(result.text).toBe('受訪者王小明（身分證字號A12****789）表示');
    expect(result.spans).toEqual([{ kind: 'person-id', start: 12, end: 22, masked: 'A12****789' }]);
    expect(text.slice(12, 22)).toBe('A123456789');
  });

  it('masks identifiers whose checksum is wrong, and lower-case ones', () => {
    expect(maskPersonalData('ID: A123456788').text).toBe('ID: A12****788');
    expect(maskPersonalData('id a123456789.').text).toBe('id a12****789.');
    expect(maskPersonalData('居留證FA12345689、A800000014').text).toBe(
      '居留證FA1****689、A80****014',
    );
  });

  it('masks several kinds in one text, in order', () => {
    const text =
      '聯絡人陳美玲，手機0912-345-678，公司電話(02)2345-6789 分機 12，' +
      'e-mail：chen.meiling@example.com.tw，身分證B234567894。';
    const result = maskPersonalData(text);
    expect(result.text).toBe(
      '聯絡人陳美玲，手機0912-***-678，公司電話(02)****-6789 分機 12，' +
        'e-mail：ch***@example.com.tw，身分證B23****894。',
    );
    expect(result.spans.map((s) => s.kind)).toEqual(['mobile', 'landline', 'email', 'person-id']);
    for (const span of result.spans) {
      expect(maskPersonalData(text.slice(span.start, span.end)).text).toBe(span.masked);
    }
  });

  it('lets a UI rebuild the masked text, or reveal one span, from the spans', () => {
    const text = '王先生 0912345678 / 李小姐 0933-111-222';
    const { text: masked, spans } = maskPersonalData(text);
    let rebuilt = '';
    let cursor = 0;
    for (const span of spans) {
      rebuilt += text.slice(cursor, span.start) + span.masked;
      cursor = span.end;
    }
    expect(rebuilt + text.slice(cursor)).toBe(masked);
    expect(masked).toBe('王先生 0912***678 / 李小姐 0933-***-222');
  });

  it.each([
    ['+886 912 345 678', '+886 912 *** 678'],
    ['+886912345678', '+886912***678'],
    ['TEL:02-23456789', 'TEL:02-****6789'],
    ['電話 07-123-4567', '電話 07-***-4567'],
    ['苗栗 037-123456', '苗栗 037-**3456'],
    ['+886-2-2345-6789', '+886-2-****-6789'],
    ['Tel0912345678', 'Tel0912***678'],
  ])('masks phone %j', (text, masked) => {
    expect(maskPersonalData(text).text).toBe(masked);
  });

  it('masks consecutive matches separated only by punctuation', () => {
    expect(maskPersonalData('0912345678,0922333444;a@b.tw').text).toBe(
      '0912***678,0922***444;***@b.tw',
    );
  });

  it('treats an identifier or number inside an e-mail address as part of the address', () => {
    const result = maskPersonalData('寄至 A123456789@example.com');
    expect(result.text).toBe('寄至 A1***@example.com');
    expect(result.spans).toHaveLength(1);
    expect(result.spans[0]?.kind).toBe('email');
  });

  it.each([
    '保額 NT$200,000 元',
    '保費 NT$12,345,678',
    '查核日 2025-03-05',
    '查核日 2025/03/05 09:30',
    '2025-03-05 1234 筆',
    '民國114年3月5日',
    '114/03/05、114-03-05、99-12-31',
    '日期 05-03-2025',
    '保單號碼 1234567890、統一編號 12345678',
    '共 0912345678901 筆', // a longer number that starts like a mobile
    'AA123456789 or A1234567890', // letters and digits running on
    'version 1.2.3, 3.1415926',
  ])('leaves %j alone', (text) => {
    expect(maskPersonalData(text)).toEqual({ text, spans: [] });
  });

  it('returns the text unchanged when there is nothing to mask', () => {
    expect(maskPersonalData('')).toEqual({ text: '', spans: [] });
  });

  it('does not find full-width digits (documented as out of scope)', () => {
    const fullWidth = '手機０９１２３４５６７８';
    expect(maskPersonalData(fullWidth).text).toBe(fullWidth);
  });

  it('stays fast on a long run of letters without @', () => {
    const text = 'x'.repeat(20_000);
    const started = performance.now();
    expect(maskPersonalData(text).spans).toEqual([]);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
