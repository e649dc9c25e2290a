/**
 * The fields an auditor may edit in Excel (the yellow columns) and how a cell's content is read
 * back into a record value. Drop-down columns map the label shown in either language (or the
 * stored key) back to the value, using the same labels the export wrote; date columns take a
 * date cell, `2025-06-30`, `2025/6/30`, or a ROC date as typed or as the export formats it
 * (`114/06/30`, `民國 114 年 6 月 30 日`, `ROC 114-06-30`).
 */
import { isIsoDate, parseRocDate, type IsoDate } from '../../domain/dates';
import {
  CATEGORY_LABELS,
  FINDING_CATEGORIES,
  FINDING_STATUSES,
  RESULTS,
  RESULT_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from '../../domain/inspection';
import type { Bilingual } from '../../domain/inspection/text';
import { CHECKLIST_HEADERS, FINDING_HEADERS } from '../labels';
import { cleanText } from '../sanitize';
import { ISSUES, type Issue } from './messages';
import { isErrorCell, isFormulaCell, type ReadCell } from './read-workbook';

/** The tables whose records a workpaper import may change. */
export type EditableTable = 'itemResults' | 'findings';

/** A field's value as stored: text, an enum key, an ISO date, or null. */
export type FieldValue = string | null;

interface FieldBase {
  /** The record field, also the column key in the sheet. */
  field: string;
  label: Bilingual;
}
export type FieldDef =
  | (FieldBase & { kind: 'text' })
  | (FieldBase & {
      kind: 'choice';
      values: readonly string[];
      labels: Readonly<Record<string, Bilingual>>;
      /** An empty cell means null (an untested item) rather than a missing value. */
      nullable: boolean;
    })
  | (FieldBase & { kind: 'date' });

const text = (field: string, label: Bilingual): FieldDef => ({ field, label, kind: 'text' });
const date = (field: string, label: Bilingual): FieldDef => ({ field, label, kind: 'date' });
const choice = (
  field: string,
  label: Bilingual,
  values: readonly string[],
  labels: Readonly<Record<string, Bilingual>>,
  nullable = false,
): FieldDef => ({ field, label, kind: 'choice', values, labels, nullable });

export const EDITABLE_FIELDS: Readonly<Record<EditableTable, readonly FieldDef[]>> = {
  itemResults: [
    choice('result', CHECKLIST_HEADERS.result, RESULTS, RESULT_LABELS, true),
    text('reason', CHECKLIST_HEADERS.reason),
    text('workPerformed', CHECKLIST_HEADERS.workPerformed),
    text('sampleDescription', CHECKLIST_HEADERS.sampleDescription),
    text('notes', CHECKLIST_HEADERS.notes),
  ],
  findings: [
    text('title', FINDING_HEADERS.title),
    text('deficiency', FINDING_HEADERS.deficiency),
    choice('severity', FINDING_HEADERS.severity, SEVERITIES, SEVERITY_LABELS),
    choice('category', FINDING_HEADERS.category, FINDING_CATEGORIES, CATEGORY_LABELS),
    text('risk', FINDING_HEADERS.risk),
    text('recommendation', FINDING_HEADERS.recommendation),
    text('owner', FINDING_HEADERS.owner),
    date('dueDate', FINDING_HEADERS.dueDate),
    text('managementResponse', FINDING_HEADERS.managementResponse),
    choice('status', FINDING_HEADERS.status, FINDING_STATUSES, STATUS_LABELS),
    date('closedOn', FINDING_HEADERS.closedOn),
  ],
};

export function fieldDef(table: EditableTable, field: string): FieldDef | undefined {
  return EDITABLE_FIELDS[table].find((def) => def.field === field);
}

export type ParsedField = { ok: true; value: FieldValue } | { ok: false; issue: Issue };

const fold = (value: string) => value.normalize('NFKC').trim().toLowerCase();

/** Excel shows 15 significant digits; so does the text we take from a number cell. */
function numberText(value: number): string {
  return String(Number(value.toPrecision(15)));
}

/** A cell as text, the way the user sees it; null for formulas and error values. */
export function cellText(cell: ReadCell): string | null {
  if (cell === null) return '';
  if (typeof cell === 'string') return cleanText(cell);
  if (typeof cell === 'number') return numberText(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if ('date' in cell) return cell.date;
  return null;
}

const GREGORIAN = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

/** A date typed or shown in the file; null when it is none. */
export function parseDateText(input: string): IsoDate | null {
  const value = input.normalize('NFKC').trim();
  const gregorian = GREGORIAN.exec(value);
  if (gregorian !== null) {
    const iso = `${gregorian[1]}-${gregorian[2]?.padStart(2, '0')}-${gregorian[3]?.padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : null;
  }
  // `formatDate` writes ROC dates as `ROC 114-06-30` in English.
  const roc = parseRocDate(value.replace(/^roc\s*/i, ''));
  return roc.ok ? roc.value : null;
}

function allowedLabels(def: Extract<FieldDef, { kind: 'choice' }>): Bilingual {
  const list = (lang: keyof Bilingual, separator: string) =>
    def.values.map((value) => def.labels[value]?.[lang] ?? value).join(separator);
  return { 'zh-TW': list('zh-TW', '、'), en: list('en', ', ') };
}

/**
 * The value a cell stands for in a field, or why it stands for none. Formulas and error
 * values are refused: a formula's cached result is not what the user typed, and taking the
 * formula's text would store something nobody wrote.
 */
export function parseField(def: FieldDef, cell: ReadCell): ParsedField {
  if (isFormulaCell(cell))
    return { ok: false, issue: { code: 'formula', message: ISSUES.formula(cell.formula) } };
  if (isErrorCell(cell)) {
    return { ok: false, issue: { code: 'error-value', message: ISSUES.errorValue(cell.error) } };
  }
  if (def.kind === 'date' && cell !== null && typeof cell === 'object' && 'date' in cell) {
    return { ok: true, value: cell.date };
  }
  const shown = cellText(cell) ?? '';
  switch (def.kind) {
    case 'text':
      return { ok: true, value: shown };
    case 'date': {
      if (shown.trim() === '') return { ok: true, value: null };
      if (typeof cell === 'number') {
        return { ok: false, issue: { code: 'invalid-date', message: ISSUES.invalidDate(shown) } };
      }
      const parsed = parseDateText(shown);
      return parsed === null
        ? { ok: false, issue: { code: 'invalid-date', message: ISSUES.invalidDate(shown) } }
        : { ok: true, value: parsed };
    }
    case 'choice': {
      const wanted = fold(shown);
      if (wanted === '') {
        return def.nullable
          ? { ok: true, value: null }
          : { ok: false, issue: { code: 'required', message: ISSUES.required(def.label) } };
      }
      const value = def.values.find((key) => {
        const label = def.labels[key];
        return (
          fold(key) === wanted ||
          (label !== undefined && (fold(label['zh-TW']) === wanted || fold(label.en) === wanted))
        );
      });
      return value === undefined
        ? {
            ok: false,
            issue: {
              code: 'unknown-label',
              message: ISSUES.unknownLabel(shown.trim(), allowedLabels(def)),
            },
          }
        : { ok: true, value };
    }
  }
}

/** Whether a parsed value is what is stored (text compared as the schema trims it). */
export function sameValue(def: FieldDef, stored: FieldValue, parsed: FieldValue): boolean {
  if (def.kind === 'text') return (stored ?? '').trim() === (parsed ?? '').trim();
  return stored === parsed;
}
