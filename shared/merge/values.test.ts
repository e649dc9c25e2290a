import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint, samePayload, sameValue } from './values';

describe('sameValue', () => {
  it('agrees with canonical JSON on every JSON value, key order and undefined members aside', () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    const pair = fc.oneof(
      fc.tuple(json, json),
      json.map((v) => [v, JSON.parse(JSON.stringify(v)) as unknown] as const),
    );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(sameValue(a, b)).toBe(fingerprint(a) === fingerprint(b));
      }),
    );
  });

  it('tells an absent field from null and compares objects whatever their key order', () => {
    expect(sameValue(undefined, null)).toBe(false);
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(samePayload({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(samePayload({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameValue([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });
});
