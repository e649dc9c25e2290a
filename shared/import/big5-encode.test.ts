import { describe, expect, it } from 'vitest';
import { encodeBig5 } from './big5-encode';

describe('encodeBig5', () => {
  it('writes the well-known codes', () => {
    expect([...encodeBig5('中文')]).toEqual([0xa4, 0xa4, 0xa4, 0xe5]);
    expect([...encodeBig5('a,1\r\n')]).toEqual([0x61, 0x2c, 0x31, 0x0d, 0x0a]);
  });

  it('round-trips through the Big5 decoder', () => {
    const text = '員工編號,姓名,身分證字號\r\nE001,王小明,A123456789\r\n臺灣銀行，「備註」\r\n';
    expect(new TextDecoder('big5').decode(encodeBig5(text))).toBe(text);
  });

  it('refuses characters Big5 does not have', () => {
    expect(() => encodeBig5('😀')).toThrow(RangeError);
    expect(() => encodeBig5('é')).toThrow(RangeError);
  });
});
