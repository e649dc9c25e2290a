import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson } from './canonical-json';

describe('canonicalJson: output', () => {
  it('sorts keys recursively and writes no whitespace', () => {
    const value = { b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } };
    expect(canonicalJson(value)).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('is independent of key insertion order', () => {
    const one = { seq: 1, actor: '王小明', target: { table: 'notes', id: 'n1' } };
    const other = { target: { id: 'n1', table: 'notes' }, actor: '王小明', seq: 1 };
    expect(canonicalJson(one)).toBe(canonicalJson(other));
  });

  it('keeps array order', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson([3, 1, 2])).not.toBe(canonicalJson([1, 2, 3]));
  });

  it('sorts by UTF-16 code units, not locale', () => {
    // Upper case before lower case, digits before letters, CJK after ASCII;
    // U+FF21 (full-width A) sorts after U+D83D (a surrogate of 😀) by code unit.
    const value = { b: 0, B: 0, '1': 0, 稽: 0, a: 0, Ａ: 0, '😀': 0 };
    expect(canonicalJson(value)).toBe('{"1":0,"B":0,"a":0,"b":0,"稽":0,"😀":0,"Ａ":0}');
  });

  it('writes primitives as JSON does, numbers in shortest round-trip form', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(false)).toBe('false');
    expect(canonicalJson(0)).toBe('0');
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson(1.5e-7)).toBe('1.5e-7');
    expect(canonicalJson(1e21)).toBe('1e+21');
    expect(canonicalJson(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(canonicalJson(200000)).toBe('200000');
  });

  it('escapes strings as JSON does and keeps non-ASCII text as is', () => {
    expect(canonicalJson('稽核 "quote" \\ \n\t\u0001')).toBe(
      '"稽核 \\"quote\\" \\\\ \\n\\t\\u0001"',
    );
    // A lone surrogate is escaped rather than turned into U+FFFD, so it stays distinguishable.
    expect(canonicalJson('\ud800')).toBe('"\\ud800"');
  });

  it('leaves out object properties that are undefined', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('accepts null-prototype objects and a "__proto__" own key', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.k = 'v';
    expect(canonicalJson(bare)).toBe('{"k":"v"}');
    const parsed: unknown = JSON.parse('{"__proto__":{"x":1},"a":2}');
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"x":1},"a":2}');
  });

  it('allows the same object twice when it is not circular', () => {
    const shared = { n: 1 };
    expect(canonicalJson({ a: shared, b: [shared, shared] })).toBe(
      '{"a":{"n":1},"b":[{"n":1},{"n":1}]}',
    );
  });

  it('round-trips through JSON.parse to an equal value', () => {
    const value = { list: [1, 'two', null, { nested: [true, false] }], text: '民國 114 年' };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it('ignores inherited and non-enumerable properties', () => {
    const value = { own: 1 };
    Object.defineProperty(value, 'hidden', { value: 2, enumerable: false });
    expect(canonicalJson(value)).toBe('{"own":1}');
  });
});

describe('canonicalJson: rejections', () => {
  function rejection(value: unknown): CanonicalJsonError {
    try {
      canonicalJson(value);
    } catch (error) {
      if (error instanceof CanonicalJsonError) return error;
      throw error;
    }
    throw new Error('expected canonicalJson to throw');
  }

  it('rejects undefined at the top level and in arrays', () => {
    expect(rejection(undefined).message).toBe('canonicalJson: $ is undefined');
    expect(rejection({ items: [1, undefined] }).path).toBe('$.items[1]');
  });

  it('rejects array holes', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(rejection([1, , 3]).message).toMatch(/\$\[1\] is a hole/);
    expect(rejection(new Array(2)).path).toBe('$[0]');
  });

  it.each([
    ['NaN', Number.NaN, /is NaN/],
    ['Infinity', Number.POSITIVE_INFINITY, /is Infinity/],
    ['-Infinity', Number.NEGATIVE_INFINITY, /is -Infinity/],
    ['a bigint', 10n, /bigint/],
    ['a function', () => 1, /function/],
    ['a symbol', Symbol('s'), /symbol/],
  ])('rejects %s', (_name, bad, message) => {
    const error = rejection({ amount: { value: bad } });
    expect(error.path).toBe('$.amount.value');
    expect(error.message).toMatch(message);
  });

  it('rejects binary data with a hint', () => {
    expect(rejection({ blob: new Uint8Array([1, 2]) }).message).toMatch(
      /\$\.blob is binary data \(encode bytes as base64 or hex first\)/,
    );
    expect(rejection(new ArrayBuffer(4)).message).toMatch(/binary data/);
    expect(rejection(new DataView(new ArrayBuffer(4))).message).toMatch(/binary data/);
  });

  it.each([
    ['a Date', new Date(0), /is a Date/],
    ['a Map', new Map(), /is a Map/],
    ['a Set', new Set(), /is a Set/],
    ['a RegExp', /x/, /is a RegExp/],
    ['a boxed string', Object('s'), /is a String/],
    [
      'a class instance',
      new (class Money {
        constructor(readonly amount = 1) {}
      })(),
      /is a Money/,
    ],
  ])('rejects %s', (_name, bad, message) => {
    expect(rejection([bad]).message).toMatch(message);
  });

  it('rejects objects with a toJSON method instead of calling it', () => {
    expect(rejection({ toJSON: () => 'x' }).path).toBe('$.toJSON');
  });

  it('rejects circular references', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(rejection(loop).message).toBe('canonicalJson: $.self is a circular reference');
    const list: unknown[] = [];
    list.push({ back: list });
    expect(rejection(list).path).toBe('$[0].back');
  });

  it('rejects symbol keys', () => {
    expect(rejection({ [Symbol('k')]: 1 }).message).toMatch(/symbol keys/);
  });

  it('quotes paths through keys that are not identifiers', () => {
    expect(rejection({ '保單 號碼': Number.NaN }).path).toBe('$["保單 號碼"]');
  });

  it('is a TypeError', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
  });
});
