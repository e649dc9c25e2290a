/**
 * Citations: builders, the canonical key (which is also the stem of item ids) and display in
 * both languages, e.g. `自律規範第四條第六款` / `Self-regulation rules art. 4(6)`,
 * `附件二 肆、一、(三)1` / `Annex 2 IV.1(3).1`.
 */
import type { Bilingual, Citation, Lang } from './schema';

type Sr = Extract<Citation, { document: 'SR' }>;
type A1 = Extract<Citation, { document: 'SR-A1' }>;
type A2 = Extract<Citation, { document: 'SR-A2' }>;
type Fsc = Extract<Citation, { document: 'FSC-2020' }>;

/** 自律規範 article, with an optional paragraph (項), item (款) and sub-item (目). */
export function sr(
  article: number,
  at: { paragraph?: number; item?: number; subItem?: number } = {},
): Sr {
  return { document: 'SR', article, ...at };
}

/** 附件一 article and point (點). */
export function a1(article: number, point?: number): A1 {
  return point === undefined
    ? { document: 'SR-A1', article }
    : { document: 'SR-A1', article, point };
}

/** 附件一 附錄（用語及定義）. */
export const A1_APPENDIX: A1 = { document: 'SR-A1', appendix: true };

/** 附件二 section (壹 = 1 … 捌 = 8), item (一、), sub-item ((一) or 第n類), point (1.). */
export function a2(section: number, item?: number, subItem?: number, point?: number): A2 {
  const c: A2 = { document: 'SR-A2', section };
  if (item !== undefined) c.item = item;
  if (subItem !== undefined) c.subItem = subItem;
  if (point !== undefined) c.point = point;
  return c;
}

/** Briefing section (一 = 1 … 六 = 6), subsection and bullet. */
export function fsc(section: number, subsection?: number, item?: number): Fsc {
  const c: Fsc = { document: 'FSC-2020', section };
  if (subsection !== undefined) c.subsection = subsection;
  if (item !== undefined) c.item = item;
  return c;
}

/**
 * The briefing's subsections: (一)(二)… in sections 1 and 2; unnumbered headings in sections
 * 4 and 5, numbered here in the order printed, each with a two-letter code for ids.
 */
export const FSC_SUBSECTIONS: Readonly<
  Record<number, readonly { code: string; title: Bilingual }[]>
> = {
  1: [
    { code: '1', title: { 'zh-TW': '完備資安內控規範', en: 'internal-control rules' } },
    { code: '2', title: { 'zh-TW': '資安風險因子鼓勵誘因', en: 'incentives' } },
    { code: '3', title: { 'zh-TW': '金融資安行動方案', en: 'financial cyber-security plan' } },
    { code: '4', title: { 'zh-TW': '培育保險資安人才', en: 'security talent' } },
  ],
  2: [
    { code: '1', title: { 'zh-TW': '自律規範最新版本重點', en: 'latest self-regulation' } },
    { code: '2', title: { 'zh-TW': '未來檢討方向', en: 'future review' } },
  ],
  4: [
    { code: 'PF', title: { 'zh-TW': '建置網路投保平台', en: 'online sales platform' } },
    { code: 'IS', title: { 'zh-TW': '強化資訊安全', en: 'information security' } },
    { code: 'ID', title: { 'zh-TW': '身分驗證防護機制', en: 'identity verification' } },
    { code: 'PR', title: { 'zh-TW': '保險商品上架限制', en: 'product restrictions' } },
    { code: 'UW', title: { 'zh-TW': '遵循核保及通報規範', en: 'underwriting and reporting' } },
  ],
  5: [
    { code: 'MG', title: { 'zh-TW': '資安管理面', en: 'security management' } },
    { code: 'PD', title: { 'zh-TW': '個資管理面', en: 'personal data' } },
    { code: 'EC', title: { 'zh-TW': '電子商務系統管理', en: 'e-commerce systems' } },
  ],
};

function fscSubsection(section: number, subsection: number) {
  const found = FSC_SUBSECTIONS[section]?.[subsection - 1];
  if (found === undefined)
    throw new RangeError(`no subsection ${subsection} in section ${section}`);
  return found;
}

const ZH_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const ZH_FORMAL = ['壹', '貳', '參', '肆', '伍', '陸', '柒', '捌'] as const;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'] as const;

/** 1 → 一, 10 → 十, 13 → 十三, 20 → 二十, 21 → 二十一 (1 to 99). */
export function zhNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`out of range: ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const onesText = ones === 0 ? '' : ZH_DIGITS[ones];
  if (tens === 0) return onesText ?? '';
  return `${tens === 1 ? '' : (ZH_DIGITS[tens] ?? '')}十${onesText ?? ''}`;
}

function formal(section: number): string {
  const s = ZH_FORMAL[section - 1];
  if (s === undefined) throw new RangeError(`no section ${section}`);
  return s;
}

function roman(section: number): string {
  const s = ROMAN[section - 1];
  if (s === undefined) throw new RangeError(`no section ${section}`);
  return s;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The canonical key of a citation, and the stem of the ids of the items citing it:
 * `SR-04-06`, `SR-06-02-01`, `SR-10-P2`, `A1-03-02`, `A1-APX`, `A2-IV-1-3-1`, `A2-VI`,
 * `FSC-1-3-04`, `FSC-3-05`, `FSC-5-PD-03`.
 */
export function citationKey(c: Citation): string {
  switch (c.document) {
    case 'SR': {
      let key = `SR-${pad(c.article)}`;
      if (c.paragraph !== undefined) key += `-P${c.paragraph}`;
      if (c.item !== undefined) key += `-${pad(c.item)}`;
      if (c.subItem !== undefined) key += `-${pad(c.subItem)}`;
      return key;
    }
    case 'SR-A1':
      if ('appendix' in c) return 'A1-APX';
      return c.point === undefined
        ? `A1-${pad(c.article)}`
        : `A1-${pad(c.article)}-${pad(c.point)}`;
    case 'SR-A2':
      return ['A2', roman(c.section), c.item, c.subItem, c.point]
        .filter((part) => part !== undefined)
        .join('-');
    case 'FSC-2020': {
      let key = `FSC-${c.section}`;
      if (c.subsection !== undefined) key += `-${fscSubsection(c.section, c.subsection).code}`;
      if (c.item !== undefined) key += `-${pad(c.item)}`;
      return key;
    }
  }
}

/** Two citations address the same provision. */
export function sameCitation(a: Citation, b: Citation): boolean {
  return citationKey(a) === citationKey(b);
}

function formatSr(c: Sr, lang: Lang): string {
  if (lang === 'zh-TW') {
    let s = `自律規範第${zhNumber(c.article)}條`;
    if (c.paragraph !== undefined) s += `第${zhNumber(c.paragraph)}項`;
    if (c.item !== undefined) s += `第${zhNumber(c.item)}款`;
    if (c.subItem !== undefined) s += `第${zhNumber(c.subItem)}目`;
    return s;
  }
  let s = `Self-regulation rules art. ${c.article}`;
  if (c.paragraph !== undefined) s += ` para. ${c.paragraph}`;
  if (c.item !== undefined) s += `(${c.item})`;
  if (c.subItem !== undefined) s += `(${c.subItem})`;
  return s;
}

function formatA1(c: A1, lang: Lang): string {
  if ('appendix' in c) {
    return lang === 'zh-TW'
      ? '附件一附錄（用語及定義）'
      : 'Annex 1 appendix (terms and definitions)';
  }
  if (lang === 'zh-TW') {
    const point = c.point === undefined ? '' : `第${zhNumber(c.point)}點`;
    return `附件一第${zhNumber(c.article)}條${point}`;
  }
  return `Annex 1 art. ${c.article}${c.point === undefined ? '' : ` pt. ${c.point}`}`;
}

/** Sub-items of 參、一 are the system classes. */
const isClassRow = (c: A2) => c.section === 3 && c.item === 1;

function formatA2(c: A2, lang: Lang): string {
  if (lang === 'zh-TW') {
    const parts = [formal(c.section)];
    if (c.item !== undefined) parts.push(zhNumber(c.item));
    if (c.subItem !== undefined) {
      parts.push(isClassRow(c) ? `第${zhNumber(c.subItem)}類` : `(${zhNumber(c.subItem)})`);
    }
    return `附件二 ${parts.join('、')}${c.point === undefined ? '' : String(c.point)}`;
  }
  let s = `Annex 2 ${roman(c.section)}`;
  if (c.item !== undefined) s += `.${c.item}`;
  if (c.subItem !== undefined) s += isClassRow(c) ? ` class ${c.subItem}` : `(${c.subItem})`;
  if (c.point !== undefined) s += `.${c.point}`;
  return s;
}

function formatFsc(c: Fsc, lang: Lang): string {
  const sub = c.subsection === undefined ? undefined : fscSubsection(c.section, c.subsection);
  const headed = c.section === 4 || c.section === 5;
  if (lang === 'zh-TW') {
    let s = `保險局簡報(109.12.4) ${zhNumber(c.section)}`;
    if (c.subsection !== undefined && sub !== undefined) {
      s += headed ? `、${sub.title['zh-TW']}` : `(${zhNumber(c.subsection)})`;
    }
    if (c.item !== undefined) s += `${c.subsection === undefined ? '、' : ''}第${c.item}點`;
    return s;
  }
  let s = `FSC briefing 2020-12-04 §${c.section}`;
  if (c.subsection !== undefined && sub !== undefined) {
    s += headed ? ` ${sub.title.en}` : `(${c.subsection})`;
  }
  if (c.item !== undefined) s += `, pt. ${c.item}`;
  return s;
}

/** The citation as an auditor writes it in a workpaper. */
export function formatCitation(c: Citation, lang: Lang): string {
  switch (c.document) {
    case 'SR':
      return formatSr(c, lang);
    case 'SR-A1':
      return formatA1(c, lang);
    case 'SR-A2':
      return formatA2(c, lang);
    case 'FSC-2020':
      return formatFsc(c, lang);
  }
}
