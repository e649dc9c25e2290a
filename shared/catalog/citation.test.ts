import { describe, expect, it } from 'vitest';
import { A1_APPENDIX, a1, a2, citationKey, formatCitation, fsc, sr, zhNumber } from './citation';
import { citationSchema, type Citation } from './schema';

describe('zhNumber', () => {
  it.each([
    [1, '一'],
    [6, '六'],
    [10, '十'],
    [11, '十一'],
    [13, '十三'],
    [20, '二十'],
    [21, '二十一'],
  ])('%i → %s', (n, zh) => expect(zhNumber(n)).toBe(zh));

  it('refuses numbers it cannot write', () => {
    expect(() => zhNumber(0)).toThrow(RangeError);
    expect(() => zhNumber(100)).toThrow(RangeError);
  });
});

const cases: [Citation, string, string, string][] = [
  [sr(4, { item: 6 }), 'SR-04-06', '自律規範第四條第六款', 'Self-regulation rules art. 4(6)'],
  [
    sr(6, { item: 2, subItem: 1 }),
    'SR-06-02-01',
    '自律規範第六條第二款第一目',
    'Self-regulation rules art. 6(2)(1)',
  ],
  [
    sr(10, { paragraph: 2 }),
    'SR-10-P2',
    '自律規範第十條第二項',
    'Self-regulation rules art. 10 para. 2',
  ],
  [sr(11), 'SR-11', '自律規範第十一條', 'Self-regulation rules art. 11'],
  [a1(3, 2), 'A1-03-02', '附件一第三條第二點', 'Annex 1 art. 3 pt. 2'],
  [A1_APPENDIX, 'A1-APX', '附件一附錄（用語及定義）', 'Annex 1 appendix (terms and definitions)'],
  [a2(4, 1, 3, 1), 'A2-IV-1-3-1', '附件二 肆、一、(三)1', 'Annex 2 IV.1(3).1'],
  [a2(3, 1, 2), 'A2-III-1-2', '附件二 參、一、第二類', 'Annex 2 III.1 class 2'],
  [a2(6), 'A2-VI', '附件二 陸', 'Annex 2 VI'],
  [a2(8), 'A2-VIII', '附件二 捌', 'Annex 2 VIII'],
  [
    fsc(5, 2, 3),
    'FSC-5-PD-03',
    '保險局簡報(109.12.4) 五、個資管理面第3點',
    'FSC briefing 2020-12-04 §5 personal data, pt. 3',
  ],
  [
    fsc(1, 3, 4),
    'FSC-1-3-04',
    '保險局簡報(109.12.4) 一(三)第4點',
    'FSC briefing 2020-12-04 §1(3), pt. 4',
  ],
  [
    fsc(3, undefined, 5),
    'FSC-3-05',
    '保險局簡報(109.12.4) 三、第5點',
    'FSC briefing 2020-12-04 §3, pt. 5',
  ],
  [fsc(6), 'FSC-6', '保險局簡報(109.12.4) 六', 'FSC briefing 2020-12-04 §6'],
];

describe('citations', () => {
  it.each(cases)('%o is %s, %s, %s', (citation, key, zh, en) => {
    expect(citationSchema.safeParse(citation).success).toBe(true);
    expect(citationKey(citation)).toBe(key);
    expect(formatCitation(citation, 'zh-TW')).toBe(zh);
    expect(formatCitation(citation, 'en')).toBe(en);
  });

  it('refuses citations that skip a level or leave the documents', () => {
    const bad: unknown[] = [
      { document: 'SR', article: 6, subItem: 1 },
      { document: 'SR', article: 14 },
      { document: 'SR-A1', article: 6 },
      { document: 'SR-A2', section: 4, item: 1, point: 1 },
      { document: 'SR-A2', section: 9 },
      { document: 'FSC-2020', section: 3, subsection: 1 },
      { document: 'FSC-2020', section: 5, item: 1, extra: true },
      { document: 'OTHER', article: 1 },
    ];
    for (const citation of bad) expect(citationSchema.safeParse(citation).success).toBe(false);
  });
});
