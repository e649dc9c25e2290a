/**
 * A `WorkbookSpec` arriving from somewhere else (the renderer, over IPC, asking the Electron
 * main process to write it): its shape and bounded sizes as a zod schema, then the writer's own
 * checks (`workbookSpecProblems`: duplicate sheet names, unknown columns and the like).
 *
 * The cells are checked by hand inside one refinement rather than with a zod union per cell: a
 * 100,000-row, 10-column sheet takes about 20 ms that way against about 700 ms through
 * `z.union`, and the main process must not stall for that long. Problems name their place
 * (`sheets.2.rows.517.3`) and never echo a value: cells may hold confidential text.
 */
import { z } from 'zod';
import { isIsoDate, isIsoInstant, type IsoInstant } from '../domain/dates';
import {
  MAX_CELL_CHARS,
  MAX_LIST_CHARS,
  MAX_SHEET_NAME_CHARS,
  workbookSpecProblems,
  type CellValue,
  type WorkbookSpec,
} from './model';

/** Bounds on what one request may ask to write. */
export const SPEC_LIMITS = {
  sheets: 64,
  columns: 256,
  /** Excel's 1,048,576 rows, less the header row. */
  rowsPerSheet: 1_048_575,
  /** Cells over all sheets: 500,000 rows of 10 columns. */
  cells: 5_000_000,
  /**
   * Characters over all cells: five times the text of a 100,000-row, 10-column workpaper, and
   * about 100 MB when Chinese text is serialised for IPC (two bytes a character).
   */
  textChars: 50_000_000,
  /** Per sheet: drop-down lists and highlight rules. */
  rules: 64,
} as const;

/** Issues reported per request at most; the first ones are enough to find the fault. */
const MAX_ISSUES = 20;

const shortText = z.string().max(255);
const columnKey = z.string().min(1).max(100);

const columnSchema = z.strictObject({
  key: columnKey,
  header: z.string().max(MAX_CELL_CHARS),
  width: z.number().positive().max(255),
  wrap: z.boolean().optional(),
  numFmt: z.string().min(1).max(255).optional(),
  editable: z.boolean().optional(),
});

const printSchema = z.strictObject({
  landscape: z.boolean(),
  fitToWidth: z.number().int().min(0).max(100),
  repeatHeaderRows: z.number().int().min(0).max(100),
  footer: z
    .strictObject({
      left: shortText.optional(),
      center: shortText.optional(),
      right: shortText.optional(),
    })
    .optional(),
});

const validationSchema = z.strictObject({
  column: columnKey,
  allowed: z.array(z.string().max(MAX_LIST_CHARS)).min(1).max(MAX_LIST_CHARS),
});

const conditionalSchema = z.strictObject({
  column: columnKey,
  kind: z.enum(['equals', 'date-before', 'not-empty']),
  value: shortText,
  style: z.enum(['deficient', 'overdue', 'ok']),
  unless: z.strictObject({ column: columnKey, equals: shortText }).optional(),
  wholeRow: z.boolean().optional(),
});

/** Why a value is not a `CellValue`, or null when it is one. */
export function cellProblem(value: unknown): string | null {
  switch (typeof value) {
    case 'string':
      return value.length > MAX_CELL_CHARS ? `is longer than ${MAX_CELL_CHARS}` : null;
    case 'number':
      return Number.isFinite(value) ? null : 'is not a finite number';
    case 'boolean':
      return null;
    case 'object': {
      if (value === null) return null;
      if (Object.getPrototypeOf(value) !== Object.prototype) return 'is not a cell value';
      const keys = Object.keys(value);
      const record = value as Record<string, unknown>;
      if (keys.length === 1 && keys[0] === 'text' && typeof record.text === 'string') {
        return record.text.length > MAX_CELL_CHARS ? `is longer than ${MAX_CELL_CHARS}` : null;
      }
      if (keys.length === 1 && keys[0] === 'date') {
        return isIsoDate(record.date) ? null : 'is not an ISO date';
      }
      return 'is not a cell value';
    }
    default:
      return 'is not a cell value';
  }
}

const rowsSchema = z
  .custom<readonly (readonly CellValue[])[]>((rows) => Array.isArray(rows), {
    message: 'must be an array of rows',
  })
  .superRefine((rows, ctx) => {
    if (rows.length > SPEC_LIMITS.rowsPerSheet) {
      ctx.addIssue({ code: 'custom', message: `has more than ${SPEC_LIMITS.rowsPerSheet} rows` });
      return;
    }
    let issues = 0;
    const report = (path: number[], message: string) => {
      ctx.addIssue({ code: 'custom', path, message });
      issues += 1;
    };
    for (let r = 0; r < rows.length && issues < MAX_ISSUES; r++) {
      const row: unknown = rows[r];
      if (!Array.isArray(row)) {
        report([r], 'must be an array of cells');
        continue;
      }
      if (row.length > SPEC_LIMITS.columns) {
        report([r], `has more than ${SPEC_LIMITS.columns} cells`);
        continue;
      }
      for (let c = 0; c < row.length && issues < MAX_ISSUES; c++) {
        const problem = cellProblem(row[c]);
        if (problem !== null) report([r, c], problem);
      }
    }
  });

const sheetSchema = z.strictObject({
  name: z.string().min(1).max(MAX_SHEET_NAME_CHARS),
  state: z.enum(['visible', 'veryHidden']),
  columns: z.array(columnSchema).min(1).max(SPEC_LIMITS.columns),
  rows: rowsSchema,
  rowKinds: z
    .array(z.enum(['data', 'title', 'section', 'sign']))
    .max(SPEC_LIMITS.rowsPerSheet)
    .optional(),
  headerRow: z.boolean().optional(),
  frozenRows: z.number().int().min(0).max(1000),
  autoFilter: z.boolean().optional(),
  print: printSchema.optional(),
  validations: z.array(validationSchema).max(SPEC_LIMITS.rules).optional(),
  conditional: z.array(conditionalSchema).max(SPEC_LIMITS.rules).optional(),
  protect: z.boolean().optional(),
});

/** Cells and characters over the whole workbook. */
export function specSize(spec: WorkbookSpec): { cells: number; textChars: number } {
  let cells = 0;
  let textChars = 0;
  for (const sheet of spec.sheets) {
    for (const row of sheet.rows) {
      cells += row.length;
      for (const value of row) {
        if (typeof value === 'string') textChars += value.length;
        else if (value !== null && typeof value === 'object' && 'text' in value) {
          textChars += value.text.length;
        }
      }
    }
  }
  return { cells, textChars };
}

/**
 * Totals and the writer's checks only on a well-formed spec: zod would otherwise run them after
 * non-aborting issues too, counting (and, for an invalid date, quoting) what was refused.
 */
const NO_EARLIER_ISSUES = {
  when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0,
};

/**
 * A workbook description as a request may carry it. Typed as `WorkbookSpec` both ways, so a
 * caller passes the builder's output as it is and the handler gets a `WorkbookSpec`.
 */
export const workbookSpecSchema: z.ZodType<WorkbookSpec, WorkbookSpec> = z
  .strictObject({
    properties: z.strictObject({
      title: shortText,
      creator: shortText,
      created: z.custom<IsoInstant>(isIsoInstant, { message: 'must be an ISO instant' }),
    }),
    sheets: z.array(sheetSchema).min(1).max(SPEC_LIMITS.sheets),
  })
  .superRefine((spec, ctx) => {
    const { cells, textChars } = specSize(spec);
    if (cells > SPEC_LIMITS.cells) {
      ctx.addIssue({ code: 'custom', message: `has more than ${SPEC_LIMITS.cells} cells` });
      return;
    }
    if (textChars > SPEC_LIMITS.textChars) {
      ctx.addIssue({
        code: 'custom',
        message: `holds more than ${SPEC_LIMITS.textChars} characters of text`,
      });
      return;
    }
    // What the writer would refuse (duplicate names, unknown columns …): refused here already,
    // before anyone is asked where to save it. The problems name sheets and columns, not cells.
    for (const problem of workbookSpecProblems(spec).slice(0, MAX_ISSUES)) {
      ctx.addIssue({ code: 'custom', message: problem });
    }
  }, NO_EARLIER_ISSUES);
