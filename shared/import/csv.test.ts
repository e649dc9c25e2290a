import { describe, expect, it } from 'vitest';
import { encodeBig5 } from './big5-encode';
import { csvRecords, detectDelimiter, MAX_FIELD_LENGTH, parseCsv, readCsv } from './csv';
import { ImportError } from './errors';

function importError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('parseCsv', () => {
  it('splits plain fields and records', () => {
    expect(parseCsv('a,b,c\n1,2,3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('accepts CRLF, LF and lone CR line breaks, even mixed', () => {
    expect(parseCsv('a,b\r\n1,2\n3,4\r5,6')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('does not make an empty record of a final line break', () => {
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a\n')).toEqual([['a']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('keeps a blank line in the middle as a record (Excel shows an empty row)', () => {
    expect(parseCsv('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
  });

  it('reads quoted fields with delimiters, escaped quotes and line breaks', () => {
    const text = 'name,note\r\n"Wang, Xiaoming","He said ""hi""\r\nand left"\r\n"",x\r\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'note'],
      ['Wang, Xiaoming', 'He said "hi"\r\nand left'],
      ['', 'x'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c,\n,,,')).toEqual([
      ['a', '', 'c', ''],
      ['', '', '', ''],
    ]);
  });

  it('follows Excel where RFC 4180 is silent', () => {
    // A quote inside an unquoted field is literal; text after a closing quote is kept.
    expect(parseCsv('5" disk,"ab"c,d')).toEqual([['5" disk', 'abc', 'd']]);
  });

  it('drops a leading BOM', () => {
    expect(parseCsv('\uFEFFid,name\n1,x')).toEqual([
      ['id', 'name'],
      ['1', 'x'],
    ]);
  });

  it('honours an Excel sep= line and does not count it as a row', () => {
    const records = [...csvRecords('sep=;\r\na;b,c\r\n1;2\r\n')];
    expect(records).toEqual([
      { cells: ['a', 'b,c'], line: 2 },
      { cells: ['1', '2'], line: 3 },
    ]);
  });

  it('uses the given delimiter', () => {
    expect(parseCsv('a;b\t1', { delimiter: '\t' })).toEqual([['a;b', '1']]);
  });

  it('reports an unterminated quote with the line where it opens', () => {
    const text = 'id,note\n1,ok\n2,"never closed\n3,x\n4,y\n';
    const error = importError(() => parseCsv(text));
    expect(error).toMatchObject({ code: 'unterminated-quote', line: 3 });
    expect(error.text.en).toContain('line 3');
    expect(error.text['zh-TW']).toContain('第 3 行');
  });

  it('counts lines inside quoted fields for later errors', () => {
    const text = 'a,"x\ny\r\nz"\nb,"open';
    expect(importError(() => parseCsv(text))).toMatchObject({ line: 4 });
  });

  it('calls a stray opening quote that swallows the file what it is', () => {
    const text = `a,"${'x'.repeat(MAX_FIELD_LENGTH + 10)}"\n`;
    const error = importError(() => parseCsv(text));
    expect(error).toMatchObject({ code: 'unterminated-quote', line: 1 });
    expect(error.text.en).toContain('probably missing');
  });

  it('stops when the row callback returns false (a preview)', () => {
    const seen: number[] = [];
    const rows = parseCsv('a\nb\nc\nd\n', {
      onRow: (_cells, { index }) => {
        seen.push(index);
        return index < 1;
      },
    });
    expect(rows).toEqual([['a'], ['b']]);
    expect(seen).toEqual([0, 1]);
  });

  it('gives each record the text line it starts on', () => {
    const lines = [...csvRecords('h1,h2\n"multi\nline",x\nlast,y\n')].map((r) => r.line);
    expect(lines).toEqual([1, 2, 4]);
  });

  it('parses 20,000 rows of 10 quoted and plain columns', () => {
    const row =
      'E000001,王小明,A123456789,"資訊處, 系統組",工程師,2019-04-01,a@b.tw,0912345678,在職,"說""明"';
    const text = `${Array.from({ length: 20_000 }, () => row).join('\r\n')}\r\n`;
    const rows = parseCsv(text);
    expect(rows).toHaveLength(20_000);
    expect(rows.every((cells) => cells.length === 10)).toBe(true);
    expect(rows[19_999]?.[3]).toBe('資訊處, 系統組');
    expect(rows[0]?.[9]).toBe('說"明');
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1;2;3;4;5', ','],
    ['a;b;c\n1,2', ';'],
    ['a\tb\tc', '\t'],
    ['"x;y;z",a,b', ','], // quoted delimiters do not count
    ['single', ','],
    ['a;b,c', ','], // a tie goes to the comma
    ['\uFEFFa;b', ';'],
    ['sep=\t\na,b,c', '\t'],
  ] as const)('%j → %j', (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe('readCsv', () => {
  it('detects encoding and delimiter from the bytes', () => {
    const table = readCsv(encodeBig5('員工編號;姓名\r\nE001;王小明\r\n'));
    expect(table).toEqual({
      detected: { encoding: 'big5', bom: false, confidence: 'likely' },
      encoding: 'big5',
      delimiter: ';',
      rows: [
        ['員工編號', '姓名'],
        ['E001', '王小明'],
      ],
    });
  });

  it('lets the user override the encoding', () => {
    const table = readCsv(new TextEncoder().encode('a,b\n'), { encoding: 'big5' });
    expect(table.detected).toBeNull();
    expect(table.encoding).toBe('big5');
  });

  it('refuses a file over the size limit before decoding it', () => {
    expect(importError(() => readCsv(new Uint8Array(11), { maxBytes: 10 })).code).toBe('too-large');
    expect(importError(() => readCsv(new Uint8Array())).code).toBe('empty-file');
  });
});

describe('CSV past the limits, refused with the line', () => {
  it("more than Excel's 1,048,576 rows: blank lines count, as Excel shows them", () => {
    const error = importError(() => readCsv(new Uint8Array(1_048_577).fill(0x0a)));
    expect(error).toMatchObject({ code: 'too-many-rows', line: 1_048_577 });
    expect(error.text.en).toContain("Row 1,048,577 is beyond Excel's limit of 1,048,576 rows");
    expect(parseCsv('\n'.repeat(1_048_576))).toHaveLength(1_048_576);
  });

  it('more than 16,384 columns, named XFE', () => {
    const error = importError(() => readCsv(new TextEncoder().encode(`a\n${','.repeat(16_384)}`)));
    expect(error).toMatchObject({ code: 'too-many-columns', line: 2, row: 2 });
    expect(error.text['zh-TW']).toContain('XFE 欄超過 Excel 的上限 16,384 欄');
    expect(parseCsv(','.repeat(16_383))[0]).toHaveLength(16_384);
  });

  it('more cells than the limit, at the cell that crosses it', () => {
    const text = 'a,b,c\n'.repeat(10);
    expect(parseCsv(text, { maxCells: 30 })).toHaveLength(10);
    const error = importError(() => parseCsv(text, { maxCells: 29 }));
    expect(error).toMatchObject({ code: 'too-many-cells', line: 10, row: 10, column: 'C' });
  });

  it("a field longer than Excel's 32,767 characters, quoted or not", () => {
    const long = 'x'.repeat(32_768);
    const error = importError(() => parseCsv(`a,b\nok,${long}\n`));
    expect(error).toMatchObject({ code: 'cell-too-long', line: 2, row: 2, column: 'B' });
    expect(error.text.en).toBe(
      "A cell holds 32,768 characters, over Excel's limit of 32,767 (row 2, column B, line 2).",
    );
    // Text after a closing quote is kept, and counted.
    expect(importError(() => parseCsv(`"${'y'.repeat(32_000)}"${'z'.repeat(1000)}`)).code).toBe(
      'cell-too-long',
    );
    expect(parseCsv('x'.repeat(32_767))[0]?.[0]).toHaveLength(32_767);
  });
});
