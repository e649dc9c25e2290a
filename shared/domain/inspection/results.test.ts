import { describe, expect, it } from 'vitest';
import { newRecordId } from '../records';
import {
  ITEM_RESULT_MESSAGES,
  RESULTS,
  RESULT_LABELS,
  emptyItemResult,
  isDeficientResult,
  itemResultSchema,
  resultSchema,
} from './results';

const base = {
  itemId: 'A2-4.1.1',
  result: 'compliant',
  reason: '',
  workPerformed: '檢視弱點掃描報告及修補紀錄',
  sampleDescription: '',
  notes: '',
  evidenceIds: [],
};

describe('results', () => {
  it('has the four results with zh-TW and English labels', () => {
    expect(RESULTS).toEqual(['compliant', 'partial', 'non-compliant', 'not-applicable']);
    expect(RESULTS.map((r) => RESULT_LABELS[r]['zh-TW'])).toEqual([
      '符合',
      '部分符合',
      '不符合',
      '不適用',
    ]);
    for (const result of RESULTS) expect(RESULT_LABELS[result].en).not.toBe('');
  });

  it('resultSchema accepts only the four values', () => {
    for (const result of RESULTS) expect(resultSchema.parse(result)).toBe(result);
    expect(resultSchema.safeParse('pass').success).toBe(false);
    expect(resultSchema.safeParse(null).success).toBe(false);
  });

  it('isDeficientResult is true for partial and non-compliant only', () => {
    expect(isDeficientResult('partial')).toBe(true);
    expect(isDeficientResult('non-compliant')).toBe(true);
    expect(isDeficientResult('compliant')).toBe(false);
    expect(isDeficientResult('not-applicable')).toBe(false);
    expect(isDeficientResult(null)).toBe(false);
  });
});

describe('itemResultSchema', () => {
  it('accepts a complete record and an untested one', () => {
    expect(itemResultSchema.parse(base)).toEqual(base);
    expect(itemResultSchema.parse(emptyItemResult('A2-4.1.1'))).toEqual({
      ...base,
      result: null,
      workPerformed: '',
    });
  });

  it('accepts every result', () => {
    for (const result of RESULTS) {
      const reason = result === 'not-applicable' ? '本公司無網路投保業務' : '';
      expect(itemResultSchema.safeParse({ ...base, result, reason }).success).toBe(true);
    }
  });

  it('trims text fields', () => {
    const parsed = itemResultSchema.parse({ ...base, itemId: ' A1 ', notes: '  note  ' });
    expect(parsed.itemId).toBe('A1');
    expect(parsed.notes).toBe('note');
  });

  it.each(['', '   ', '\n\t'])(
    'refuses not-applicable with reason %j, on the reason field',
    (reason) => {
      const parsed = itemResultSchema.safeParse({ ...base, result: 'not-applicable', reason });
      expect(parsed.success).toBe(false);
      const issue = parsed.error?.issues[0];
      expect(issue?.path).toEqual(['reason']);
      expect(issue?.message).toBe(ITEM_RESULT_MESSAGES.naReasonRequired.en);
      expect(issue?.message).toMatch(/not applicable.*reason/i);
      expect(issue).toMatchObject({ params: { messageKey: 'naReasonRequired' } });
    },
  );

  it('has a zh-TW message for the missing reason', () => {
    expect(ITEM_RESULT_MESSAGES.naReasonRequired['zh-TW']).toContain('不適用');
  });

  it('does not require a reason for other results', () => {
    for (const result of ['compliant', 'partial', 'non-compliant', null]) {
      expect(itemResultSchema.safeParse({ ...base, result, reason: '' }).success).toBe(true);
    }
  });

  it('requires an item id', () => {
    expect(itemResultSchema.safeParse({ ...base, itemId: '  ' }).success).toBe(false);
  });

  it('refuses unknown results and missing fields', () => {
    expect(itemResultSchema.safeParse({ ...base, result: 'pass' }).success).toBe(false);
    const { workPerformed: _omitted, ...withoutWork } = base;
    expect(itemResultSchema.safeParse(withoutWork).success).toBe(false);
  });

  it('links evidence by record id, each once', () => {
    const a = newRecordId();
    const b = newRecordId();
    expect(itemResultSchema.parse({ ...base, evidenceIds: [a, b] }).evidenceIds).toEqual([a, b]);
    expect(itemResultSchema.safeParse({ ...base, evidenceIds: ['scan.pdf'] }).success).toBe(false);
    const duplicate = itemResultSchema.safeParse({ ...base, evidenceIds: [a, a] });
    expect(duplicate.success).toBe(false);
    expect(duplicate.error?.issues[0]?.message).toBe(ITEM_RESULT_MESSAGES.duplicateEvidence.en);
  });

  it('bounds text lengths', () => {
    expect(itemResultSchema.safeParse({ ...base, notes: 'x'.repeat(20_001) }).success).toBe(false);
  });
});
