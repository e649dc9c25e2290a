import { describe, expect, it } from 'vitest';
import { normaliseKeyPart, rowKey } from './row-key';

describe('rowKey', () => {
  it('is the same for the same values written differently', () => {
    const a = rowKey({ personId: 'A123456789' }, ['personId']);
    expect(rowKey({ personId: ' a123456789 ' }, ['personId'])).toBe(a);
    expect(rowKey({ personId: 'Ａ１２３４５６７８９' }, ['personId'])).toBe(a);
    expect(a).toBe('[["personId","A123456789"]]');
  });

  it('folds inner runs of space', () => {
    expect(rowKey({ tag: 'IT  2024\t001' }, ['tag'])).toBe(rowKey({ tag: 'it 2024 001' }, ['tag']));
  });

  it('ignores fields outside the key', () => {
    expect(rowKey({ id: 'X1', name: '王' }, ['id'])).toBe(rowKey({ id: 'X1', name: '陳' }, ['id']));
  });

  it('keeps composite parts apart', () => {
    expect(rowKey({ a: 'A', b: 'BC' }, ['a', 'b'])).not.toBe(
      rowKey({ a: 'AB', b: 'C' }, ['a', 'b']),
    );
    expect(rowKey({ a: 'A', b: 'B' }, ['a', 'b'])).not.toBe(rowKey({ a: 'A', b: 'B' }, ['b', 'a']));
    expect(rowKey({ a: 'x' }, ['a'])).not.toBe(rowKey({ b: 'x' }, ['b']));
  });

  it('is null when a key field is empty', () => {
    expect(rowKey({ a: 'x', b: null }, ['a', 'b'])).toBeNull();
    expect(rowKey({ a: '  ' }, ['a'])).toBeNull();
    expect(rowKey({}, ['a'])).toBeNull();
  });

  it('needs a key field', () => {
    expect(() => rowKey({ a: 'x' }, [])).toThrow(RangeError);
  });

  it('normalises a part as blindIndex does, plus space folding', () => {
    expect(normaliseKeyPart(' ｉｔ－００１ ')).toBe('IT-001');
  });
});
