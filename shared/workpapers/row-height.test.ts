import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ROW_HEIGHT,
  MAX_ROW_HEIGHT,
  heightOfLines,
  wrappedLineCount,
  wrappedRowHeight,
} from './row-height';

describe('wrappedLineCount', () => {
  it('fits a line of CJK text as wide as the column and wraps one character more', () => {
    // 1.9 units a character: 20 characters take 38 units.
    expect(wrappedLineCount('查'.repeat(20), 38)).toBe(1);
    expect(wrappedLineCount('查'.repeat(21), 38)).toBe(2);
    expect(wrappedLineCount('查'.repeat(200), 38)).toBe(10);
  });

  it('counts each explicit line break, empty lines included', () => {
    expect(wrappedLineCount('一\n二\n\n四', 38)).toBe(4);
    expect(wrappedLineCount('查'.repeat(25) + '\n短', 38)).toBe(3);
  });

  it('wraps Latin text at spaces, never inside a word that fits a line', () => {
    // "word " is about 5 units: seven fit in 38 units, the eighth goes to the next line.
    const words = Array.from({ length: 16 }, () => 'word').join(' ');
    const lines = wrappedLineCount(words, 38);
    expect(lines).toBeGreaterThanOrEqual(2);
    expect(lines).toBeLessThanOrEqual(3);
    // A word that does not fit the rest of the line moves whole to the next one.
    expect(wrappedLineCount(`${'a'.repeat(20)} ${'b'.repeat(20)}`, 38)).toBe(2);
  });

  it('breaks a word longer than the line inside it (a hash, a URL)', () => {
    const hash = 'e'.repeat(64); // 1.1 units a character: about 70 units
    expect(wrappedLineCount(hash, 33)).toBe(3);
    // After other text, it starts on a line of its own first, as Excel and LibreOffice do.
    expect(wrappedLineCount(`ab ${hash}`, 33)).toBe(4);
  });

  it('counts Latin letters narrower than CJK characters and capitals wider than i and l', () => {
    expect(wrappedLineCount('a'.repeat(34), 38)).toBe(1);
    expect(wrappedLineCount('查'.repeat(34), 38)).toBe(2);
    expect(wrappedLineCount('i'.repeat(60), 38)).toBe(1);
    expect(wrappedLineCount('M'.repeat(60), 38)).toBe(3);
  });

  it('carries the character before a closing mark that would start a line (kinsoku)', () => {
    // Twenty characters fill the line; the closing 。 may not start the next, so 查 comes along.
    expect(wrappedLineCount(`${'查'.repeat(20)}。`, 38)).toBe(2);
    expect(wrappedLineCount(`${'查'.repeat(39)}。${'查'.repeat(19)}`, 38)).toBe(3);
  });
});

describe('wrappedRowHeight', () => {
  const columns = [{ width: 10 }, { width: 40, wrap: true }, { width: 20, wrap: true }];

  it('leaves a row whose cells fit on one line at the default height', () => {
    expect(
      wrappedRowHeight(columns, ['很長很長很長很長很長很長很長', '短', ''], 10),
    ).toBeUndefined();
    expect(wrappedRowHeight(columns, [], 10)).toBeUndefined();
  });

  it('takes the tallest wrapping cell, ignoring columns that do not wrap', () => {
    const height = wrappedRowHeight(columns, ['不換行'.repeat(50), '查'.repeat(60), '查'], 10);
    expect(height).toBe(heightOfLines(3, 10));
    expect(wrappedRowHeight(columns, ['', '查', '查'.repeat(60)], 10)).toBe(heightOfLines(6, 10));
  });

  it('wraps every column when asked (header cells always wrap)', () => {
    expect(wrappedRowHeight(columns, ['查'.repeat(12), '', ''], 10, true)).toBe(
      heightOfLines(3, 10),
    );
  });

  it('fits fewer characters a line in a larger font, and gives it taller lines', () => {
    const text = '查'.repeat(20);
    expect(wrappedRowHeight([{ width: 40, wrap: true }], [text], 10)).toBeUndefined();
    expect(wrappedRowHeight([{ width: 40, wrap: true }], [text], 11)).toBe(heightOfLines(2, 11));
    // One line of 11-point text is taller than the default row.
    expect(heightOfLines(1, 11)).toBeGreaterThan(DEFAULT_ROW_HEIGHT);
    expect(wrappedRowHeight([{ width: 40, wrap: true }], ['查'], 11)).toBe(heightOfLines(1, 11));
  });

  it("caps a row at Excel's 409 points", () => {
    expect(MAX_ROW_HEIGHT).toBe(409);
    expect(wrappedRowHeight(columns, ['', '查'.repeat(5000), ''], 10)).toBe(409);
    expect(heightOfLines(10, 10)).toBeLessThan(409);
    expect(heightOfLines(10, 10)).toBeGreaterThan(10 * 10);
  });
});
