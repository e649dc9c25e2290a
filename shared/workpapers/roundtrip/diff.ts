/**
 * Step 2: what the returned file changes, field by field, against the vault as it is now.
 *
 * The meta sheet holds only hashes of each row's cells, not the exported values (they may be
 * personal data). The exported row is therefore rebuilt from the stored record with the same
 * sheet builders and options the export used, and checked against the row's hashes:
 * - the record is at the exported revision (or unchanged since): the rebuilt row matches the
 *   editable hash, so every cell that differs in the file is an edit made in Excel;
 * - the record changed in the vault after the export: each cell that differs between the file
 *   and the rebuilt row was changed either in Excel or in the vault. Of the combinations, the
 *   one whose hash matches the export tells which; a field changed on both sides with
 *   different results is a **conflict**, and the vault's value is kept unless the user takes
 *   the file's. If no combination matches (a field changed on both sides), every such field is
 *   a conflict: nothing stored is overwritten silently.
 * - a checklist row exported without a record (an item not worked on): the exported editable
 *   cells were empty, so what is filled in now is new; the import creates the record (or, if
 *   one was created in the vault since, compares with it as above).
 * - a record deleted since the export: its edits are listed in `skipped`, not imported.
 *
 * Changes to locked cells are named cell by cell when the rebuilt row matches the locked hash,
 * else by row (`ignored`). Edited values are read back into record values (`fields.ts`) and
 * the record as it would be saved is checked with the domain schema, so the diff screen shows
 * every problem before anything is written. Personal data masked in the export is put back
 * where the masked text was left as it was (`restoreMasked`).
 */
import { formatCitation, type ChecklistItem } from '../../catalog';
import { sha256Hex } from '../../crypto/bytes';
import { canonicalJson } from '../../domain/canonical-json';
import type { Evidence } from '../../domain/evidence';
import {
  FINDING_MESSAGES,
  ITEM_RESULT_MESSAGES,
  emptyItemResult,
  type InspectedSystem,
} from '../../domain/inspection';
import type { Bilingual } from '../../domain/inspection/text';
import {
  storedFindingSchema,
  storedItemResultSchema,
  type StoredFinding,
  type StoredItemResult,
} from '../../domain/inspections';
import { maskPersonalData } from '../../domain/personal-data';
import type { RecordId, Stored } from '../../domain/records';
import { userText } from '../build-inspection';
import {
  checklistSheet,
  findingsSheet,
  systemsSheet,
  type SheetContext,
} from '../inspection-sheets';
import { rowHashes, type SheetEntry, type WorkpaperHeader } from '../meta';
import {
  MAX_CELL_CHARS,
  columnLetter,
  hashableCell,
  type CellValue,
  type ColumnSpec,
} from '../model';
import { fieldDef, parseField, sameValue, type EditableTable, type FieldValue } from './fields';
import { CONFLICT, IGNORED, ISSUES, SKIPPED, type Issue } from './messages';
import {
  hashColumns,
  hashableRead,
  type EditedRow,
  type IgnoredCell,
  type WorkpaperEdits,
} from './read-edits';
import type { ReadCell } from './read-workbook';
import type { z } from 'zod';

/** The vault as it is now: what the export was built from, read again before importing. */
export interface WorkpaperVaultState {
  inspection: { id: string };
  /** Checklist items, to rebuild locked cells (citation, requirement); the library's or the in-scope ones. */
  items: readonly ChecklistItem[];
  itemResults: readonly Stored<StoredItemResult>[];
  findings: readonly Stored<StoredFinding>[];
  /** Optional: without them, changes on the system inventory are named by row only. */
  systems?: readonly Stored<InspectedSystem>[];
  /** Optional: evidence file names appear in locked cells. */
  evidence?: readonly Stored<Evidence>[];
}

export interface FieldChange {
  /** Unique in the diff: `${record.key}/${field}`; `applyWorkpaperEdits` takes conflicts by it. */
  key: string;
  field: string;
  label: Bilingual;
  /** The cell in the file (A1). */
  cell: string;
  /** The stored value now: text, an enum key (`compliant`), an ISO date, or null. */
  before: FieldValue;
  /** The value to store (personal data masked in the export put back); null when `errors`. */
  after: FieldValue;
  /** The cell as it reads in the file, for display (a formula as `=…`). */
  afterText: string;
  /**
   * The field was changed in the vault after the export too, to something else. The vault's
   * value is kept unless the user chooses the file's. `exported` is the value in the file as
   * exported, when it could be worked out (`known`).
   */
  conflict: null | { known: boolean; exported: FieldValue; message: Bilingual };
  /** Problems that keep the record from being imported. */
  errors: Issue[];
  /** Imported, but worth a look (masked or shortened text replacing the stored text). */
  warnings: Issue[];
}

interface RecordDiffBase {
  /** Unique in the diff: `${table}/${id}`, or `itemResults/new:${itemId}` for a new result. */
  key: string;
  /** Where the row is in the file. */
  sheet: string;
  row: number;
  /** For the list: the item ID and citation, or the finding's number and title. */
  label: Bilingual;
  /** The checklist item the record belongs to, if any. */
  itemId: string | null;
  exportedRev: number | null;
  /** The stored revision the changes apply to (optimistic check); null: a record to create. */
  currentRev: number | null;
  changes: FieldChange[];
  /** Problems of the record as a whole (the domain's rules), not tied to one changed cell. */
  errors: Issue[];
}

export type RecordDiff =
  | (RecordDiffBase & { table: 'itemResults'; id: RecordId | null; base: StoredItemResult })
  | (RecordDiffBase & { table: 'findings'; id: RecordId; currentRev: number; base: StoredFinding });

export interface SkippedRecord {
  table: EditableTable;
  id: string;
  sheet: string;
  row: number;
  reason: 'deleted';
  message: Bilingual;
}

export interface WorkpaperDiff {
  header: WorkpaperHeader;
  contentHash: string;
  /** Records with at least one change or conflict, in file order. */
  records: RecordDiff[];
  /** Records edited in the file that no longer exist in the vault. */
  skipped: SkippedRecord[];
  /** Cells whose content is not imported, and why. */
  ignored: IgnoredCell[];
  counts: { records: number; changes: number; conflicts: number; errors: number; ignored: number };
}

type Hashable = ReturnType<typeof hashableCell>;

function same(a: Hashable, b: Hashable): boolean {
  if (a !== null && typeof a === 'object') {
    return b !== null && typeof b === 'object' && a.date === b.date;
  }
  return a === b;
}

async function editableHashOf(columns: readonly ColumnSpec[], cells: readonly Hashable[]) {
  const editable: Record<string, Hashable> = {};
  columns.forEach((column, i) => {
    if (column.editable === true) editable[column.key] = cells[i] ?? null;
  });
  return sha256Hex(canonicalJson(editable));
}

/** The most cells changed on either side that are worth sorting out by trying combinations. */
const MAX_COMBINED = 11;

/**
 * The editable cells as exported, when they can be worked out: the rebuilt row itself, empty
 * cells for a row exported without a record, or the one mix of file and rebuilt cells whose
 * hash matches the export.
 */
async function exportedCells(
  columns: readonly ColumnSpec[],
  row: EditedRow,
  file: readonly Hashable[],
  rebuilt: readonly Hashable[] | null,
): Promise<readonly Hashable[] | null> {
  const wanted = row.entry.editableHash;
  if (rebuilt !== null && (await editableHashOf(columns, rebuilt)) === wanted) return rebuilt;
  if (row.entry.id === null) {
    const empty = columns.map((column, i) => (column.editable === true ? null : (file[i] ?? null)));
    return (await editableHashOf(columns, empty)) === wanted ? empty : null;
  }
  if (rebuilt === null) return null;
  const differing = columns.flatMap((column, i) =>
    column.editable === true && !same(file[i] ?? null, rebuilt[i] ?? null) ? [i] : [],
  );
  if (differing.length === 0 || differing.length > MAX_COMBINED) return null;
  // 0 (all rebuilt) was tried above; all file cells would mean no edit at all.
  for (let mask = 1; mask < 2 ** differing.length - 1; mask++) {
    const candidate = [...rebuilt];
    differing.forEach((index, bit) => {
      if ((mask >> bit) & 1) candidate[index] = file[index] ?? null;
    });
    if ((await editableHashOf(columns, candidate)) === wanted) return candidate;
  }
  return null;
}

/**
 * Puts back personal data that the export masked, where the user left the masked text as it
 * was (`0912-***-678` → the stored number). A masked form that stands for two different
 * stored values cannot be put back; `unresolved` says so.
 */
export function restoreMasked(
  stored: string,
  edited: string,
): { text: string; unresolved: boolean } {
  const { spans } = maskPersonalData(stored);
  const originals = new Map<string, Set<string>>();
  for (const span of spans) {
    const set = originals.get(span.masked) ?? new Set<string>();
    set.add(stored.slice(span.start, span.end));
    originals.set(span.masked, set);
  }
  let text = edited;
  let unresolved = false;
  // Longest first, so a masked form inside a longer one is not replaced in part.
  const forms = [...originals.keys()].sort((a, b) => b.length - a.length);
  for (const masked of forms) {
    if (masked === '' || !text.includes(masked)) continue;
    const values = [...(originals.get(masked) ?? [])];
    if (values.length === 1 && values[0] !== undefined) {
      text = text.replaceAll(masked, values[0]);
    } else {
      unresolved = true;
    }
  }
  return { text, unresolved };
}

function displayText(cell: ReadCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if ('date' in cell) return cell.date;
  if ('formula' in cell) return `=${cell.formula}`;
  return cell.error;
}

/** A zod issue as a bilingual message; refinements carry the key of their message. */
function issueMessage(issue: z.core.$ZodIssue): Bilingual {
  const key: unknown = issue.code === 'custom' ? issue.params?.['messageKey'] : undefined;
  if (typeof key === 'string') {
    const known =
      (FINDING_MESSAGES as Record<string, Bilingual>)[key] ??
      (ITEM_RESULT_MESSAGES as Record<string, Bilingual>)[key];
    if (known !== undefined) return known;
  }
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') {
    return ISSUES.tooLong(issue.maximum);
  }
  if (issue.code === 'too_small') {
    return { 'zh-TW': '不可空白。', en: 'Must not be empty.' };
  }
  return ISSUES.schema(issue.path.map(String).join('.'), issue.message);
}

const META_KEYS = new Set(['id', 'rev', 'updatedAt', 'updatedBy', 'deleted']);

function payloadOf<T extends object>(record: Stored<T>): T {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !META_KEYS.has(key))) as T;
}

/**
 * Validates a record with its changes (those without errors, conflicts only when taken) and
 * puts each problem on the change of its field, or on the record.
 */
export function validateRecord(
  record: Pick<RecordDiff, 'table' | 'base' | 'changes'>,
  take: (change: FieldChange) => boolean,
):
  | { ok: true; data: StoredItemResult | StoredFinding }
  | { ok: false; issues: { field: string | null; issue: Issue }[] } {
  const values: Record<string, FieldValue> = {};
  for (const change of record.changes) {
    if (change.errors.length === 0 && take(change)) values[change.field] = change.after;
  }
  const candidate = { ...record.base, ...values };
  const parsed =
    record.table === 'itemResults'
      ? storedItemResultSchema.safeParse(candidate)
      : storedFindingSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => {
      const field = typeof issue.path[0] === 'string' ? issue.path[0] : null;
      return { field, issue: { code: 'schema', message: issueMessage(issue) } };
    }),
  };
}

interface Lookup {
  ctx: SheetContext;
  inspectionId: string;
  items: readonly ChecklistItem[];
  itemsById: ReadonlyMap<string, ChecklistItem>;
  state: WorkpaperVaultState;
}

function liveRecord(row: EditedRow, lookup: Lookup): Stored<object> | null {
  const { entry } = row;
  const { state, inspectionId } = lookup;
  const own = (r: { deleted: boolean; inspectionId: string }) =>
    !r.deleted && r.inspectionId === inspectionId;
  switch (entry.table) {
    case 'itemResults':
      return (
        (entry.id === null
          ? state.itemResults.find((r) => own(r) && r.itemId === entry.key)
          : state.itemResults.find((r) => own(r) && r.id === entry.id)) ?? null
      );
    case 'findings':
      return state.findings.find((r) => own(r) && r.id === entry.id) ?? null;
    case 'systems':
      return state.systems?.find((r) => !r.deleted && r.id === entry.id) ?? null;
  }
}

/** The row as the export would write it from `record` now, or null when it cannot be. */
function rebuildRow(
  row: EditedRow,
  entry: SheetEntry,
  record: Stored<object> | null,
  lookup: Lookup,
): Hashable[] | null {
  const { ctx, items, itemsById } = lookup;
  let cells: readonly CellValue[] | undefined;
  switch (row.entry.table) {
    case 'itemResults': {
      const result = record as Stored<StoredItemResult> | null;
      const item = itemsById.get(result?.itemId ?? row.entry.key);
      if (result === null && item === undefined) return null;
      cells = checklistSheet(ctx, item === undefined ? [] : [item], result === null ? [] : [result])
        .sheet.rows[0];
      break;
    }
    case 'findings':
      if (record === null) return null;
      cells = findingsSheet(ctx, [record as Stored<StoredFinding>], items).sheet.rows[0];
      break;
    case 'systems':
      if (record === null) return null;
      cells = systemsSheet(ctx, [record as Stored<InspectedSystem>]).sheet.rows[0];
      break;
  }
  if (cells === undefined) return null;
  const out = entry.columns.map((_, i) => hashableCell(cells[i] ?? null));
  const no = entry.columns.findIndex((c) => c.key === 'no');
  if (no >= 0) out[no] = row.entry.row - 1;
  return out;
}

function recordLabel(
  table: EditableTable,
  row: EditedRow,
  record: Stored<object> | null,
  lookup: Lookup,
): { label: Bilingual; itemId: string | null } {
  if (table === 'itemResults') {
    const itemId = (record as Stored<StoredItemResult> | null)?.itemId ?? row.entry.key;
    const item = lookup.itemsById.get(itemId);
    if (item === undefined) return { label: { 'zh-TW': itemId, en: itemId }, itemId };
    return {
      label: {
        'zh-TW': `${itemId}（${formatCitation(item.citation, 'zh-TW')}）`,
        en: `${itemId} (${formatCitation(item.citation, 'en')})`,
      },
      itemId,
    };
  }
  const finding = record as Stored<StoredFinding>;
  const no = row.entry.row - 1;
  return {
    label: { 'zh-TW': `缺失 ${no}：${finding.title}`, en: `Finding ${no}: ${finding.title}` },
    itemId: finding.itemId,
  };
}

function ignoredCell(sheet: string, cell: string, scope: IgnoredCell['scope']): IgnoredCell {
  return { sheet, cell, scope, reason: 'locked-column', message: IGNORED['locked-column'] };
}

/**
 * Compares a read workpaper with the vault as it is now. Pure apart from WebCrypto's SHA-256.
 * Throws a RangeError if `current` is another inspection than the file's (a caller's mistake:
 * `readWorkpaperEdits` has already refused such a file).
 */
export async function diffWorkpaper(
  edits: WorkpaperEdits,
  current: WorkpaperVaultState,
): Promise<WorkpaperDiff> {
  const { header } = edits.meta;
  if (current.inspection.id !== header.inspectionId) {
    throw new RangeError('diffWorkpaper: the vault state is of another inspection than the file');
  }
  const lookup: Lookup = {
    ctx: {
      lang: header.lang,
      calendar: header.calendar,
      user: userText(header.includePersonalData),
      asOf: header.asOf,
      print: { landscape: true, fitToWidth: 1, repeatHeaderRows: 1 },
      evidenceById: new Map(
        (current.evidence ?? []).filter((e) => !e.deleted).map((e) => [e.id, e]),
      ),
    },
    inspectionId: header.inspectionId,
    items: current.items,
    itemsById: new Map(current.items.map((item) => [item.id, item])),
    state: current,
  };
  const records: RecordDiff[] = [];
  const skipped: SkippedRecord[] = [];
  const ignored: IgnoredCell[] = [...edits.ignored];

  for (const row of edits.rows) {
    if (!row.lockedChanged && !row.editableChanged) continue;
    const sheetEntry = edits.meta.sheets.find((s) => s.name === row.sheet);
    if (sheetEntry === undefined) continue;
    const columns = hashColumns(sheetEntry);
    const file = row.cells.map(hashableRead);
    const record = liveRecord(row, lookup);
    const rebuilt = rebuildRow(row, sheetEntry, record, lookup);

    if (row.lockedChanged) {
      const exact =
        rebuilt !== null &&
        (await rowHashes(columns, rebuilt as CellValue[])).lockedHash === row.entry.lockedHash;
      if (exact) {
        columns.forEach((column, i) => {
          if (column.editable !== true && !same(file[i] ?? null, rebuilt[i] ?? null)) {
            ignored.push(ignoredCell(row.sheet, `${columnLetter(i + 1)}${row.fileRow}`, 'cell'));
          }
        });
      } else {
        const last = columnLetter(columns.length);
        ignored.push(ignoredCell(row.sheet, `A${row.fileRow}:${last}${row.fileRow}`, 'row'));
      }
    }
    if (!row.editableChanged || row.entry.table === 'systems') continue;
    const table: EditableTable = row.entry.table;

    if (record === null && row.entry.id !== null) {
      skipped.push({
        table,
        id: row.entry.id,
        sheet: row.sheet,
        row: row.fileRow,
        reason: 'deleted',
        message: SKIPPED.deleted,
      });
      continue;
    }
    const exported = await exportedCells(columns, row, file, rebuilt);
    const base: Record<string, unknown> =
      record === null
        ? { inspectionId: header.inspectionId, ...emptyItemResult(row.entry.key) }
        : (payloadOf(record) as Record<string, unknown>);
    const key = record === null ? `itemResults/new:${row.entry.key}` : `${table}/${record.id}`;

    const changes: FieldChange[] = [];
    for (const [i, column] of columns.entries()) {
      if (column.editable !== true) continue;
      const fileCell = file[i] ?? null;
      const now = rebuilt?.[i] ?? null;
      const was = exported?.[i] ?? null;
      const editedInFile = exported === null ? !same(fileCell, now) : !same(fileCell, was);
      if (!editedInFile) continue;
      const changedInVault = exported === null ? record !== null : !same(now, was);
      if (changedInVault && same(fileCell, now)) continue;
      const cell = `${columnLetter(i + 1)}${row.fileRow}`;
      const def = fieldDef(table, column.key);
      if (def === undefined) {
        // An editable column this version cannot import (none in format version 1).
        ignored.push(ignoredCell(row.sheet, cell, 'cell'));
        continue;
      }
      const stored = (base[def.field] ?? null) as FieldValue;
      const raw = row.cells[i] ?? null;
      const parsed = parseField(def, raw);
      let after: FieldValue = parsed.ok ? parsed.value : null;
      // The schema trims text; show what will be stored.
      if (def.kind === 'text' && after !== null) after = after.trim();
      const warnings: Issue[] = [];
      if (parsed.ok && def.kind === 'text' && typeof stored === 'string' && after !== null) {
        if (!header.includePersonalData) {
          const restored = restoreMasked(stored, after);
          after = restored.text;
          if (restored.unresolved)
            warnings.push({ code: 'masked-text', message: ISSUES.maskedText });
        }
        if (stored.length > MAX_CELL_CHARS)
          warnings.push({ code: 'cut-text', message: ISSUES.cutText });
      }
      if (parsed.ok && sameValue(def, stored, after)) continue;
      let conflict: FieldChange['conflict'] = null;
      if (changedInVault) {
        const exportedValue = exported === null ? null : parseField(def, was as ReadCell);
        conflict = {
          known: exported !== null,
          exported: exportedValue?.ok === true ? exportedValue.value : null,
          message: CONFLICT,
        };
      }
      changes.push({
        key: `${key}/${def.field}`,
        field: def.field,
        label: def.label,
        cell,
        before: stored,
        after,
        afterText: displayText(raw),
        conflict,
        errors: parsed.ok ? [] : [parsed.issue],
        warnings,
      });
    }
    if (changes.length === 0) continue;

    const { label, itemId } = recordLabel(table, row, record, lookup);
    const common = {
      key,
      sheet: row.sheet,
      row: row.fileRow,
      label,
      itemId,
      exportedRev: row.entry.rev,
      currentRev: record === null ? null : record.rev,
      changes,
      errors: [] as Issue[],
    };
    const diff: RecordDiff =
      table === 'itemResults'
        ? {
            ...common,
            table,
            id: record === null ? null : record.id,
            base: base as StoredItemResult,
          }
        : {
            ...common,
            table,
            id: (record as Stored<object>).id,
            currentRev: (record as Stored<object>).rev,
            base: base as StoredFinding,
          };
    const validation = validateRecord(diff, (change) => change.conflict === null);
    if (!validation.ok) {
      for (const { field, issue } of validation.issues) {
        // On the change whose value was checked; a value that could not be read is not.
        const change = changes.find(
          (c) => c.field === field && c.conflict === null && c.errors.length === 0,
        );
        if (change !== undefined) change.errors.push(issue);
        else diff.errors.push(issue);
      }
    }
    records.push(diff);
  }

  const all = records.flatMap((r) => r.changes);
  return {
    header,
    contentHash: edits.meta.contentHash,
    records,
    skipped,
    ignored,
    counts: {
      records: records.length,
      changes: all.length,
      conflicts: all.filter((c) => c.conflict !== null).length,
      errors:
        all.filter((c) => c.errors.length > 0).length +
        records.reduce((n, r) => n + r.errors.length, 0),
      ignored: ignored.length,
    },
  };
}
