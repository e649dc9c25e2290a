/**
 * The checklist library's schema: what a citation, an item and the library look like.
 *
 * Sources (see `../../../shared/seeds/`), each addressed by `Citation.document`:
 * - `SR`: 財產保險業辦理資訊安全防護自律規範 (self-regulation rules, as amended 105.12.2).
 *   條 article / 項 paragraph (only where an article has several) / 款 item / 目 sub-item.
 * - `SR-A1`: 附件一 財產保險業行動應用程式(App)資訊安全作業準則: 條 article / 點 point, or
 *   the appendix of terms and definitions.
 * - `SR-A2`: 附件二 產險業辦理電腦系統資訊安全評估作業原則, numbered 壹–捌 (section 1–8) /
 *   一、 item / (一) sub-item / 1. point. In 參、一 the sub-items are the system classes (第一類…).
 * - `FSC-2020`: 保險局 2020-12-04 (民國 109.12.4) briefing, numbered 一–六 (section 1–6) /
 *   subsection / bullet (item, counted from 1 in the order printed). Subsections are (一)(二)…
 *   in sections 1 and 2, and the unnumbered headings of sections 4 and 5 (see `FSC_SUBSECTIONS`).
 *
 * Item ids: `<stem>.<n>`, where the stem is `citationKey(citation)` (e.g. `SR-04-06`,
 * `SR-10-P2`, `A1-03-02`, `A2-IV-1-3-1`, `A2-III-1-2`, `FSC-5-PD-03`, `FSC-1-3-04`) and `n`
 * counts the tests of that citation from 1 (`SR-04-06.1`, `SR-04-06.2`). An id is never reused
 * once published: a withdrawn item's id goes into `RETIRED_ITEM_IDS` and a replacement takes
 * the next free `n`.
 */
import { z } from 'zod';
import { citationKey } from './citation';
import { SECTION_IDS } from './sections';

const text = z.string().trim().min(1);

/** A text in both languages; zh-TW is the source language, English a faithful translation. */
export const bilingualSchema = z.strictObject({ 'zh-TW': text, en: text });
export type Bilingual = z.infer<typeof bilingualSchema>;
export type Lang = keyof Bilingual;

const positive = (max: number) => z.int().min(1).max(max);

export const srCitationSchema = z
  .strictObject({
    document: z.literal('SR'),
    article: positive(13),
    paragraph: positive(9).optional(),
    item: positive(20).optional(),
    subItem: positive(20).optional(),
  })
  .refine((c) => c.subItem === undefined || c.item !== undefined, 'a sub-item needs its item');

export const a1CitationSchema = z.union([
  z.strictObject({
    document: z.literal('SR-A1'),
    article: positive(5),
    point: positive(20).optional(),
  }),
  /** 附錄：用語及定義 (terms and definitions). */
  z.strictObject({ document: z.literal('SR-A1'), appendix: z.literal(true) }),
]);

export const a2CitationSchema = z
  .strictObject({
    document: z.literal('SR-A2'),
    /** 壹 = 1 … 捌 = 8. */
    section: positive(8),
    item: positive(20).optional(),
    subItem: positive(20).optional(),
    point: positive(20).optional(),
  })
  .refine((c) => c.subItem === undefined || c.item !== undefined, 'a sub-item needs its item')
  .refine((c) => c.point === undefined || c.subItem !== undefined, 'a point needs its sub-item');

export const fscCitationSchema = z
  .strictObject({
    document: z.literal('FSC-2020'),
    section: positive(6),
    subsection: positive(9).optional(),
    item: positive(20).optional(),
  })
  .refine(
    (c) => c.subsection === undefined || [1, 2, 4, 5].includes(c.section),
    'only sections 一, 二, 四 and 五 have subsections',
  );

export const citationSchema = z.union([
  srCitationSchema,
  a1CitationSchema,
  a2CitationSchema,
  fscCitationSchema,
]);
export type Citation = z.infer<typeof citationSchema>;
export type CitedDocument = Citation['document'];

/**
 * The scoping questions' keys (see `scoping.ts` for the questions). An item that depends on
 * one of them is instantiated only where the answer is yes.
 */
export const SCOPING_KEYS = [
  'hasMobileApp',
  'hasAgentApp',
  'usesCloud',
  'ownSocialMedia',
  'outsourcing',
  'thirdPartyDisposal',
  'byodAllowed',
  'onlineSales',
  'remoteWork',
  'usesIot',
] as const;
export const scopingKeySchema = z.enum(SCOPING_KEYS);
export type ScopingKey = z.infer<typeof scopingKeySchema>;

/** `'always'`, or every (`all`) or at least one (`any`) of the scoping answers is yes. */
export const applicabilitySchema = z.union([
  z.literal('always'),
  z.strictObject({ all: z.array(scopingKeySchema).min(1) }),
  z.strictObject({ any: z.array(scopingKeySchema).min(2) }),
]);
export type Applicability = z.infer<typeof applicabilitySchema>;

/** The engagement registers an item is tested against (the lead's domain records). */
export const REGISTERS = [
  'confidentiality-agreements',
  'device-disposal',
  'policy-reviews',
  'system-inventory',
] as const;
export const registerSchema = z.enum(REGISTERS);
export type Register = z.infer<typeof registerSchema>;

/**
 * The regulator's grouping of findings (briefing section 五) extended with `technical` for
 * controls that are neither management, personal data nor e-commerce.
 */
export const CATEGORIES = ['management', 'personal-data', 'e-commerce', 'technical'] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

/**
 * Where the duty comes from: `obligation`, a rule's own words (the self-regulation rules and
 * their annexes, or rules the briefing summarises); `supervisory`, what the regulator asks or
 * encourages in the briefing; `penalty-pattern`, a deficiency the regulator has fined
 * (briefing section 五), turned into a test.
 */
export const NATURES = ['obligation', 'supervisory', 'penalty-pattern'] as const;
export const natureSchema = z.enum(NATURES);
export type Nature = z.infer<typeof natureSchema>;

export const sectionIdSchema = z.enum(SECTION_IDS);
export type SectionId = z.infer<typeof sectionIdSchema>;

export const ITEM_ID_PATTERN = /^(SR|A1|A2|FSC)(-[0-9A-Z]{1,4})+\.[1-9][0-9]?$/;

export const checklistItemSchema = z
  .strictObject({
    id: z.string().regex(ITEM_ID_PATTERN),
    citation: citationSchema,
    /** Further provisions the same test also satisfies (they count for coverage). */
    related: z.array(citationSchema).min(1).optional(),
    requirement: bilingualSchema,
    /** What to inspect, whom to ask and what to sample. */
    procedure: bilingualSchema,
    evidence: z.array(bilingualSchema).min(1),
    applicability: applicabilitySchema,
    register: registerSchema.optional(),
    category: categorySchema,
    nature: natureSchema,
    section: sectionIdSchema,
  })
  .refine((item) => item.id.slice(0, item.id.lastIndexOf('.')) === citationKey(item.citation), {
    message: 'the id must be the citation key followed by .n',
    path: ['id'],
  });
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** `YYYY.MM-n`: the year and month of the rules' amendment, then our revision. */
export const LIBRARY_VERSION_PATTERN = /^\d{4}\.\d{2}-[1-9]\d*$/;

export const sourceDocumentSchema = z.strictObject({
  document: z.enum(['SR', 'SR-A1', 'SR-A2', 'FSC-2020']),
  title: bilingualSchema,
  /** The version the library was built from, as the source dates it (ISO date). */
  asOf: z.iso.date(),
});
export type SourceDocument = z.infer<typeof sourceDocumentSchema>;

export const checklistLibrarySchema = z
  .strictObject({
    version: z.string().regex(LIBRARY_VERSION_PATTERN),
    sources: z.array(sourceDocumentSchema).min(1),
    items: z.array(checklistItemSchema).min(1),
  })
  .superRefine((library, ctx) => {
    const seen = new Set<string>();
    library.items.forEach((item, index) => {
      if (seen.has(item.id)) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate item id ${item.id}`,
          path: ['items', index, 'id'],
        });
      }
      seen.add(item.id);
    });
  });
export type ChecklistLibrary = z.infer<typeof checklistLibrarySchema>;
