import { describe, expect, it } from 'vitest';
import { MAX_CELL_CHARS } from './model';
import { cleanText, csvSafeText, isFormulaLike, safeText } from './sanitize';

describe('isFormulaLike', () => {
  it.each([
    '=HYPERLINK("http://x","y")',
    '+1+1',
    '-2',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
    '\n=1',
    '＝SUM(A1)',
    '＋1',
    '－2',
    '＠SUM(A1)',
  ])('flags %j (OWASP triggers and their full-width forms)', (text) => {
    expect(isFormulaLike(text)).toBe(true);
  });

  it.each(['  =1+1', '\u00a0+1', '\u3000＝1', '   @SUM(A1)'])(
    'flags %j: a trigger after leading spaces that an importer might trim',
    (text) => {
      expect(isFormulaLike(text)).toBe(true);
    },
  );

  it.each(['', ' ', '檢視防火牆規則', 'a=b', 'SUM(A1)', '1+1', '０９１２', '  檢視 - 說明'])(
    'leaves %j alone',
    (text) => {
      expect(isFormulaLike(text)).toBe(false);
    },
  );
});

describe('cleanText', () => {
  it('keeps ordinary text, tabs and line feeds as they are, without trimming', () => {
    const text = '  - 第一點\n\t- 第二點  ';
    expect(cleanText(text)).toBe(text);
  });

  it('writes line endings as \\n, as XML reads them back', () => {
    expect(cleanText('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
  });

  it('removes control characters that XML cannot carry', () => {
    expect(cleanText('a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg\u007fh\ufffei')).toBe(
      'abcdefghi',
    );
  });

  it('replaces unpaired surrogates and keeps pairs', () => {
    expect(cleanText('a\ud800b')).toBe('a\ufffdb');
    expect(cleanText('a\udc00b')).toBe('a\ufffdb');
    expect(cleanText('𠀋')).toBe('𠀋');
  });

  it("cuts text to Excel's cell limit, marking the cut and not splitting a pair", () => {
    const long = 'x'.repeat(MAX_CELL_CHARS + 10);
    const cut = cleanText(long);
    expect(cut).toHaveLength(MAX_CELL_CHARS);
    expect(cut.endsWith('…')).toBe(true);

    const pairAtCut = 'x'.repeat(MAX_CELL_CHARS - 2) + '𠀋'.repeat(5);
    const out = cleanText(pairAtCut);
    expect(out.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(out).toBe(cleanText(out)); // no lone surrogate left behind
  });

  it('leaves text at the limit untouched', () => {
    const text = 'y'.repeat(MAX_CELL_CHARS);
    expect(cleanText(text)).toBe(text);
  });
});

describe('safeText', () => {
  it('marks user text and keeps formula-like text verbatim (the writer stores it as text)', () => {
    expect(safeText('=HYPERLINK("http://x","y")')).toEqual({ text: '=HYPERLINK("http://x","y")' });
    expect(safeText('+886 912 345 678')).toEqual({ text: '+886 912 345 678' });
  });

  it('cleans the text', () => {
    expect(safeText('a\r\nb\u0000')).toEqual({ text: 'a\nb' });
  });
});

describe('csvSafeText', () => {
  it("prefixes OWASP's single quote to formula-like text", () => {
    expect(csvSafeText('=1+1')).toBe("'=1+1");
    expect(csvSafeText('＠SUM(A1)')).toBe("'＠SUM(A1)");
    expect(csvSafeText('  -2')).toBe("'  -2");
  });

  it('leaves other text as it is', () => {
    expect(csvSafeText('檢視 = 通過')).toBe('檢視 = 通過');
  });
});
