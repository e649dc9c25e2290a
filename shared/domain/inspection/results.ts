/**
 * Checklist item results: the auditor's conclusion on one catalog item and the working record
 * behind it (what was done, on which sample, which evidence supports it).
 */
import { z } from 'zod';
import { isRecordId } from '../records';
import type { Bilingual } from './text';

export const RESULTS = ['compliant', 'partial', 'non-compliant', 'not-applicable'] as const;
export type Result = (typeof RESULTS)[number];
export const resultSchema = z.enum(RESULTS);

export const RESULT_LABELS: Readonly<Record<Result, Bilingual>> = {
  compliant: { 'zh-TW': '符合', en: 'Compliant' },
  partial: { 'zh-TW': '部分符合', en: 'Partially compliant' },
  'non-compliant': { 'zh-TW': '不符合', en: 'Non-compliant' },
  'not-applicable': { 'zh-TW': '不適用', en: 'Not applicable' },
};

/** Results that mean a deficiency exists, so a finding must be raised on the item. */
export function isDeficientResult(result: Result | null): result is 'partial' | 'non-compliant' {
  return result === 'partial' || result === 'non-compliant';
}

export const ITEM_RESULT_MESSAGES = {
  naReasonRequired: {
    'zh-TW': '判定為「不適用」時須說明理由（例如：本公司無此類系統或業務）',
    en: 'A "not applicable" result needs a reason (e.g. the company has no such system or business)',
  },
  duplicateEvidence: {
    'zh-TW': '同一佐證資料不可重複連結',
    en: 'The same evidence is linked more than once',
  },
} as const satisfies Record<string, Bilingual>;

const text = (max: number) => z.string().trim().max(max);

/** Evidence is linked by record id (UUIDv7), so a typo cannot point at nothing silently. */
export const evidenceIdsSchema = z
  .array(z.string().refine(isRecordId, { error: 'must be an evidence record id (UUID)' }))
  .max(500)
  .refine((ids) => new Set(ids).size === ids.length, {
    error: ITEM_RESULT_MESSAGES.duplicateEvidence.en,
  });

export const itemResultSchema = z
  .object({
    /** The catalog item's id. */
    itemId: z.string().trim().min(1).max(100),
    /** null: not tested yet. */
    result: resultSchema.nullable(),
    /** Why the item does not apply; required when `result` is not-applicable. */
    reason: text(4000),
    /** Procedures performed: inquiry, inspection of documents, observation, re-performance. */
    workPerformed: text(20_000),
    /** Which population was sampled, how, and which items were picked (or the sample seed). */
    sampleDescription: text(4000),
    notes: text(20_000),
    evidenceIds: evidenceIdsSchema,
  })
  .superRefine((item, ctx) => {
    if (item.result === 'not-applicable' && item.reason.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: ITEM_RESULT_MESSAGES.naReasonRequired.en,
        // A stable key lets the UI show the zh-TW text from ITEM_RESULT_MESSAGES.
        params: { messageKey: 'naReasonRequired' },
      });
    }
  });
export type ItemResult = z.infer<typeof itemResultSchema>;

/** A fresh, untested working record for a catalog item. */
export function emptyItemResult(itemId: string): ItemResult {
  return {
    itemId,
    result: null,
    reason: '',
    workPerformed: '',
    sampleDescription: '',
    notes: '',
    evidenceIds: [],
  };
}
