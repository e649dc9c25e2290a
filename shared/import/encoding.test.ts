import { describe, expect, it } from 'vitest';
import { encodeBig5 } from './big5-encode';
import { decodeText, detectEncoding } from './encoding';
import { ImportError } from './errors';

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];

function concat(...parts: (Uint8Array | readonly number[])[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The ImportError `fn` throws (fails the test if it throws nothing or something else). */
function importError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

const ROSTER = '員工編號,姓名,身分證字號\r\nE001,王小明,A123456789\r\nE002,陳美玲,B234567894\r\n';

describe('detectEncoding', () => {
  it('takes a BOM as certain UTF-8', () => {
    expect(detectEncoding(concat(BOM, utf8(ROSTER)))).toEqual({
      encoding: 'utf-8',
      bom: true,
      confidence: 'certain',
    });
  });

  it('calls valid UTF-8 with Chinese likely UTF-8', () => {
    expect(detectEncoding(utf8(ROSTER))).toEqual({
      encoding: 'utf-8',
      bom: false,
      confidence: 'likely',
    });
  });

  it('calls pure ASCII certain UTF-8 (it reads the same in Big5)', () => {
    expect(detectEncoding(utf8('id,name\r\nA123456789,Wang\r\n'))).toEqual({
      encoding: 'utf-8',
      bom: false,
      confidence: 'certain',
    });
    expect(detectEncoding(new Uint8Array())).toMatchObject({ encoding: 'utf-8' });
  });

  it('recognises Big5 from an HR system', () => {
    expect(detectEncoding(encodeBig5(ROSTER))).toEqual({
      encoding: 'big5',
      bom: false,
      confidence: 'likely',
    });
  });

  it('is not misled by Big5 characters that happen to be valid two-byte UTF-8', () => {
    // 伎优 (C9A1 C9A3 in Big5) are also well-formed UTF-8 by accident.
    const accidental = encodeBig5('伎优');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(accidental)).not.toThrow();
    const bytes = concat(encodeBig5('姓名,部門\n'), accidental, utf8(',x\n'));
    expect(detectEncoding(bytes).encoding).toBe('big5');
    expect(decodeText(bytes, 'big5')).toBe('姓名,部門\n伎优,x\n');
  });

  it('reports a UTF-8 file with a Big5 line as mixed, naming the Big5 line', () => {
    const header = utf8('員工編號,姓名\r\nE001,王小明\r\n');
    const bytes = concat(header, encodeBig5('E002,陳美玲\r\n'), utf8('E003,林志明\r\n'));
    const error = importError(() => detectEncoding(bytes));
    expect(error.code).toBe('mixed-encodings');
    expect(error.line).toBe(3);
    expect(error.offset).toBe(header.length + 'E002,'.length);
    expect(error.text.en).toContain('line 1 is UTF-8 and line 3 is not');
    expect(error.text['zh-TW']).toContain('第 3 行');
  });

  it('reports a Big5 file with a UTF-8 line as mixed, naming the UTF-8 line', () => {
    const big5 = encodeBig5('員工編號,姓名\nE001,王小明\n');
    const bytes = concat(big5, utf8('E002,陳美玲\n'));
    const error = importError(() => detectEncoding(bytes));
    expect(error.code).toBe('mixed-encodings');
    expect(error.line).toBe(3);
    expect(error.offset).toBe(big5.length + 'E002,'.length);
  });

  it('refuses bytes that are neither UTF-8 nor Big5, with offset and line', () => {
    const bytes = concat(utf8('id,name\r\n1,'), [0xff, 0x41], utf8('\r\n'));
    const error = importError(() => detectEncoding(bytes));
    expect(error.code).toBe('invalid-bytes');
    expect(error).toMatchObject({ line: 2, offset: 11 });
    expect(error.message).toContain('0xFF');
  });

  it('refuses UTF-16, binary files, workbooks and Office containers', () => {
    expect(importError(() => detectEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0]))).code).toBe(
      'unsupported-encoding',
    );
    expect(importError(() => detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x41]))).code).toBe(
      'unsupported-encoding',
    );
    expect(importError(() => detectEncoding(new Uint8Array([0x41, 0, 0x42, 0]))).code).toBe(
      'not-text',
    );
    const zip = importError(() => detectEncoding(new Uint8Array([0x50, 0x4b, 3, 4, 20, 0])));
    expect(zip.code).toBe('not-text');
    expect(zip.text.en).toContain('Excel workbook');
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    expect(importError(() => detectEncoding(new Uint8Array(ole))).code).toBe('not-text');
  });
});

describe('decodeText', () => {
  it('decodes UTF-8 and drops the BOM', () => {
    expect(decodeText(concat(BOM, utf8(ROSTER)), 'utf-8')).toBe(ROSTER);
    expect(decodeText(utf8(ROSTER), 'utf-8')).toBe(ROSTER);
  });

  it('decodes Big5', () => {
    expect(decodeText(encodeBig5(ROSTER), 'big5')).toBe(ROSTER);
  });

  it('drops a DOS end-of-file mark (Ctrl-Z) at the very end', () => {
    expect(decodeText(concat(encodeBig5('姓名\r\n'), [0x1a]), 'big5')).toBe('姓名\r\n');
  });

  it('names the first bad byte and its line when UTF-8 is wrong', () => {
    const bytes = concat(utf8('a,b\r\nc,d\re,'), [0xc3], utf8('\n'));
    const error = importError(() => decodeText(bytes, 'utf-8'));
    expect(error).toMatchObject({ code: 'invalid-bytes', line: 3, offset: 11 });
    expect(error.text.en).toBe(
      'Line 3: byte 0xC3 at offset 11 is not valid UTF-8; check the encoding or export the file again.',
    );
  });

  it('refuses UTF-8 text that already holds U+FFFD', () => {
    const error = importError(() => decodeText(utf8('姓名\n王\uFFFD明\n'), 'utf-8'));
    expect(error).toMatchObject({ code: 'invalid-bytes', line: 2, offset: 10 });
    expect(error.text.en).toContain('U+FFFD');
  });

  it('refuses a Big5 file read as UTF-8 at its first Chinese character', () => {
    const error = importError(() => decodeText(encodeBig5('id,name\n1,王小明\n'), 'utf-8'));
    expect(error).toMatchObject({ code: 'invalid-bytes', line: 2, offset: 10 });
  });

  it('refuses broken Big5: a lead byte without its trail byte', () => {
    const bytes = concat(encodeBig5('姓名\n王'), [0xa4, 0x2c], utf8('x\n'));
    const error = importError(() => decodeText(bytes, 'big5'));
    expect(error).toMatchObject({ code: 'invalid-bytes', line: 2, offset: 7 });
    expect(error.text.en).toContain('not valid Big5');
  });

  it('refuses Big5 byte pairs that map to no character', () => {
    // A3C0 is inside Big5's structure but unassigned.
    const bytes = concat(utf8('ab\n'), encodeBig5('中'), [0xa3, 0xc0], utf8('\n'));
    expect(importError(() => decodeText(bytes, 'big5'))).toMatchObject({
      code: 'invalid-bytes',
      line: 2,
      offset: 5,
    });
  });

  it('refuses a BOM file read as Big5', () => {
    expect(importError(() => decodeText(concat(BOM, utf8('a\n')), 'big5')).code).toBe(
      'invalid-bytes',
    );
  });

  it('reports mixed encodings whichever encoding is chosen', () => {
    const bytes = concat(utf8('姓名\n王小明\n'), encodeBig5('陳美玲\n'));
    for (const encoding of ['utf-8', 'big5'] as const) {
      expect(importError(() => decodeText(bytes, encoding))).toMatchObject({
        code: 'mixed-encodings',
        line: 3,
      });
    }
  });

  it('counts CRLF, LF and a lone CR as one line break each', () => {
    const bytes = concat(utf8('a\r\nb\nc\rd\r\n'), [0xff]);
    expect(importError(() => decodeText(bytes, 'utf-8'))).toMatchObject({ line: 5 });
  });
});
