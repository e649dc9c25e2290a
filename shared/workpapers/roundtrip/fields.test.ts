import { describe, expect, it } from 'vitest';
import { restoreMasked } from './diff';
import { EDITABLE_FIELDS, parseDateText, parseField, type FieldDef } from './fields';

function def(table: 'itemResults' | 'findings', field: string): FieldDef {
  const found = EDITABLE_FIELDS[table].find((d) => d.field === field);
  if (found === undefined) throw new Error(`no field ${field}`);
  return found;
}

describe('parseDateText', () => {
  it('reads ISO and Gregorian dates, and ROC dates as typed or exported', () => {
    for (const text of [
      '2025-06-30',
      '2025/6/30',
      '114/06/30',
      '114-6-30',
      '民國 114 年 6 月 30 日',
      '民國114年6月30日',
      'ROC 114-06-30',
      '１１４／０６／３０',
    ]) {
      expect(parseDateText(text), text).toBe('2025-06-30');
    }
  });

  it('refuses what is no date', () => {
    for (const text of ['2025-02-30', '114/13/01', '明天', '30/06/2025', '2025']) {
      expect(parseDateText(text), text).toBeNull();
    }
  });
});

describe('parseField', () => {
  it('maps drop-down labels in either language, or the stored key, to the value', () => {
    const result = def('itemResults', 'result');
    expect(parseField(result, '部分符合')).toEqual({ ok: true, value: 'partial' });
    expect(parseField(result, ' partially COMPLIANT ')).toEqual({ ok: true, value: 'partial' });
    expect(parseField(result, 'not-applicable')).toEqual({ ok: true, value: 'not-applicable' });
    expect(parseField(result, null)).toEqual({ ok: true, value: null });
    expect(parseField(def('findings', 'severity'), null)).toMatchObject({
      ok: false,
      issue: { code: 'required' },
    });
    expect(parseField(def('findings', 'status'), '完成')).toMatchObject({
      ok: false,
      issue: { code: 'unknown-label' },
    });
  });

  it('takes text as text, numbers as Excel shows them, and refuses formulas and errors', () => {
    const notes = def('itemResults', 'notes');
    expect(parseField(notes, '=1+1')).toEqual({ ok: true, value: '=1+1' });
    expect(parseField(notes, 0.1 + 0.2)).toEqual({ ok: true, value: '0.3' });
    expect(parseField(notes, 'a\r\nb')).toEqual({ ok: true, value: 'a\nb' });
    expect(parseField(notes, { formula: 'A1', result: 'x' })).toMatchObject({
      ok: false,
      issue: { code: 'formula' },
    });
    expect(parseField(notes, { error: '#REF!' })).toMatchObject({
      ok: false,
      issue: { code: 'error-value' },
    });
  });

  it('takes date cells and date text, and refuses bare numbers in a date column', () => {
    const due = def('findings', 'dueDate');
    expect(parseField(due, { date: '2025-06-30' as never })).toEqual({
      ok: true,
      value: '2025-06-30',
    });
    expect(parseField(due, '114/06/30')).toEqual({ ok: true, value: '2025-06-30' });
    expect(parseField(due, '')).toEqual({ ok: true, value: null });
    expect(parseField(due, 45838)).toMatchObject({ ok: false, issue: { code: 'invalid-date' } });
  });
});

describe('restoreMasked', () => {
  it('puts back what was masked where the masked form was kept', () => {
    const stored = '受訪者 A123456789，電話 0912-345-678';
    expect(restoreMasked(stored, '受訪者 A12****789（已補簽），電話 0912-***-678')).toEqual({
      text: '受訪者 A123456789（已補簽），電話 0912-345-678',
      unresolved: false,
    });
    expect(restoreMasked(stored, '已刪除個資')).toEqual({ text: '已刪除個資', unresolved: false });
  });

  it('leaves a masked form standing for two values as it is, and says so', () => {
    const stored = '0912-345-678 與 0912-000-678';
    expect(restoreMasked(stored, '0912-***-678')).toEqual({
      text: '0912-***-678',
      unresolved: true,
    });
  });
});
