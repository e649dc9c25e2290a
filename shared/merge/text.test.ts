import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeTexts, sentences } from './text';

describe('sentences', () => {
  it('splits zh-TW and English text after end punctuation and line breaks, spaces kept', () => {
    expect(
      sentences('訪談經理。檢視清單，抽核 25 筆！\n結論：「符合」。」 Done. v3.2 ok? End'),
    ).toEqual([
      '訪談經理。',
      '檢視清單，抽核 25 筆！\n',
      '結論：「符合」。」 ',
      'Done. ',
      'v3.2 ok? ',
      'End',
    ]);
    expect(sentences('')).toEqual([]);
  });

  it('gives the text back exactly when joined, whatever the text', () => {
    const alphabet = fc.constantFrom(
      '。',
      '！',
      '.',
      ' ',
      '\n',
      '\r',
      '」',
      'a',
      '字',
      '3',
      '?',
      '…',
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((chars) => chars.join('')),
        (text) => {
          expect(sentences(text).join('')).toBe(text);
          expect(sentences(text).every((piece) => piece.length > 0)).toBe(true);
        },
      ),
    );
  });
});

describe('mergeTexts', () => {
  const base = '一、訪談經理。二、取得清單。三、抽核 25 筆。四、比對異動。五、作成結論。';

  it('combines edits of sentences apart from each other, from any number of sides', () => {
    expect(
      mergeTexts(base, [
        '一、訪談資訊處經理。二、取得清單。三、抽核 25 筆。四、比對異動。五、作成結論。',
        '一、訪談經理。二、取得清單。三、抽核 30 筆。四、比對異動。五、作成結論。',
        '一、訪談經理。二、取得清單。三、抽核 25 筆。四、比對異動。五、作成結論：符合。六、追蹤。',
      ]),
    ).toEqual({
      clean: true,
      text: '一、訪談資訊處經理。二、取得清單。三、抽核 30 筆。四、比對異動。五、作成結論：符合。六、追蹤。',
    });
  });

  it('is a conflict for edits of the same sentence, and of neighbouring ones', () => {
    const same = mergeTexts(base, [base.replace('經理', '陳經理'), base.replace('經理', '林經理')]);
    expect(same.clean).toBe(false);
    const neighbours = mergeTexts(base, [
      base.replace('訪談經理', '訪談陳經理'),
      base.replace('取得清單', '取得帳號清單'),
    ]);
    expect(neighbours).toEqual({
      clean: false,
      suggestion:
        '一、訪談陳經理。二、取得清單。一、訪談經理。二、取得帳號清單。三、抽核 25 筆。四、比對異動。五、作成結論。',
    });
  });

  it('is a conflict for two texts written into an empty field, and takes one side as it is', () => {
    expect(mergeTexts('', ['A wrote this.', 'B wrote that.']).clean).toBe(false);
    expect(mergeTexts(base, [`${base}追加。`])).toEqual({ clean: true, text: `${base}追加。` });
  });
});
