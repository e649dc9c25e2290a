/**
 * Step 1 of importing a workpaper back: read the file, check that it is ours, unaltered and
 * for this inspection, and match every exported record row to where it is now. Needs no vault
 * data; `diffWorkpaper` then compares the rows with the stored records.
 *
 * What is refused (a `WorkpaperRefusal`, nothing imported), and what is only ignored:
 * - refused: an unreadable file (see `read-workbook.ts`); no `_aw_meta` sheet; a meta sheet
 *   that is malformed, has another format version, fails its content hash (altered), or names
 *   another inspection; an exported sheet that is missing (renamed or deleted); a header row
 *   that differs (columns inserted, deleted, moved or renamed); an exported row that was
 *   deleted, or whose number (項次, the first column) appears twice away from its place, or a
 *   moved checklist row whose item ID changed. Deleting a row in Excel cannot delete a record,
 *   so saying so beats importing the rest as if nothing happened.
 * - matched: rows found by their number, so a sheet sorted or filtered in Excel still imports.
 * - ignored and listed (`IgnoredCell`): rows that were not exported (added, pasted below the
 *   data), cells right of the exported columns, sheets the workbench did not write, and any
 *   change to the cover, the activity trail or a register sheet (each compared with its hash;
 *   the hash says that something changed, not where, so the whole sheet is named). The
 *   register sheets (agreements, coverage gaps, disposal log, policy reviews) are for reference
 *   only: no change to them is a reason to refuse the file, not even renaming, deleting or
 *   rearranging them, since nothing is imported from them. Changes to locked cells of
 *   record rows are found here too (`lockedChanged`) and named cell by cell by `diffWorkpaper`,
 *   which can rebuild the exported row from the vault.
 */
import { ImportError } from '../../import/errors';
import {
  ACTIVITY_HEADERS,
  AGREEMENT_HEADERS,
  CHECKLIST_HEADERS,
  COVER,
  COVERAGE_HEADERS,
  DISPOSAL_HEADERS,
  FINDING_HEADERS,
  POLICY_HEADERS,
  SYSTEM_HEADERS,
} from '../labels';
import {
  META_SHEET_NAME,
  isRegisterRole,
  readWorkpaperMeta,
  rowHashes,
  sheetHash,
  type RowEntry,
  type SheetEntry,
  type SheetRole,
  type WorkpaperMeta,
} from '../meta';
import { SIGNOFF_LABELS } from '../signoff-sheets';
import { columnLetter, type CellValue, type ColumnSpec } from '../model';
import type { Bilingual } from '../../domain/inspection/text';
import { cleanText } from '../sanitize';
import {
  IGNORED,
  REFUSALS,
  refusal,
  refusalKindOf,
  type IgnoredReason,
  type WorkpaperRefusal,
} from './messages';
import {
  cellAt,
  columnCount,
  isErrorCell,
  isFormulaCell,
  plainCell,
  plainGrid,
  readWorkbookCells,
  type ReadCell,
  type ReadSheet,
  type ReadWorkbookOptions,
} from './read-workbook';

/** A cell (or row, or sheet) whose content the import does not take, and why. */
export interface IgnoredCell {
  sheet: string;
  /** A1 reference: a cell (`C5`), a row (`A5:K5`) or the sheet's range (`A1:B31`). */
  cell: string;
  /** How precisely the change could be located: the cell, its row, or only its sheet. */
  scope: 'cell' | 'row' | 'sheet';
  reason: IgnoredReason;
  message: Bilingual;
}

/** One exported record row as it is in the file now. */
export interface EditedRow {
  sheet: string;
  role: SheetRole;
  /** The meta sheet's entry: table, record id and revision, hashes as exported. */
  entry: RowEntry;
  /** Its row in the file: `entry.row` unless the sheet was sorted. */
  fileRow: number;
  /** Its cells in the exported columns, in order. */
  cells: ReadCell[];
  /** A cell outside the editable columns differs from the export. */
  lockedChanged: boolean;
  /** An editable cell differs from the export. */
  editableChanged: boolean;
}

export interface WorkpaperEdits {
  ok: true;
  meta: WorkpaperMeta;
  /** The inspection title printed on the cover (masked if the export masked it), if found. */
  inspectionTitle: string | null;
  /** Every exported record row, edited or not, in meta order. */
  rows: EditedRow[];
  /** Cells ignored whatever the vault holds (see the module comment). */
  ignored: IgnoredCell[];
}

export type WorkpaperReading = WorkpaperEdits | WorkpaperRefusal;

export interface ReadWorkpaperOptions extends ReadWorkbookOptions {
  /** The inspection being imported into; a file of another one is refused. */
  inspectionId: string;
}

type Hashable = string | number | boolean | { date: string } | null;

/**
 * A cell as the export hashed it (`hashableCell` of the cleaned text): an empty string reads
 * as empty (the export never writes one), a formula as its text, an error as its code.
 */
export function hashableRead(cell: ReadCell): Hashable {
  if (cell === null) return null;
  if (typeof cell === 'string') return cell === '' ? null : cleanText(cell);
  if (isFormulaCell(cell)) return `=${cell.formula}`;
  if (isErrorCell(cell)) return cell.error;
  return cell;
}

/** Column specs for hashing from a meta sheet entry (headers do not enter row hashes). */
export function hashColumns(entry: SheetEntry): ColumnSpec[] {
  return entry.columns.map((c) => ({ key: c.key, header: c.key, width: 10, editable: c.editable }));
}

const HEADERS: Readonly<Partial<Record<SheetRole, Readonly<Record<string, Bilingual>>>>> = {
  checklist: CHECKLIST_HEADERS,
  findings: FINDING_HEADERS,
  systems: SYSTEM_HEADERS,
  activity: ACTIVITY_HEADERS,
  agreements: AGREEMENT_HEADERS,
  coverage: COVERAGE_HEADERS,
  disposals: DISPOSAL_HEADERS,
  policies: POLICY_HEADERS,
  signoffs: SIGNOFF_LABELS.headers,
};

const TABLE_OF_ROLE: Readonly<Partial<Record<SheetRole, RowEntry['table']>>> = {
  checklist: 'itemResults',
  findings: 'findings',
  systems: 'systems',
};

function rowRange(row: number, columns: number): string {
  return `A${row}:${columnLetter(Math.max(1, columns))}${row}`;
}

function ignoredEntry(
  sheet: string,
  cell: string,
  scope: IgnoredCell['scope'],
  reason: IgnoredReason,
): IgnoredCell {
  return { sheet, cell, scope, reason, message: IGNORED[reason] };
}

function isEmpty(cell: ReadCell): boolean {
  return hashableRead(cell) === null;
}

function nonEmptyColumns(sheet: ReadSheet, row: number, from = 1): number[] {
  const cells = sheet.rows[row - 1] ?? [];
  const out: number[] = [];
  for (let c = from; c <= cells.length; c++) if (!isEmpty(cells[c - 1] ?? null)) out.push(c);
  return out;
}

function coverTitle(meta: WorkpaperMeta, sheets: readonly ReadSheet[]): string | null {
  const entry = meta.sheets.find((s) => s.role === 'cover');
  const cover = sheets.find((s) => s.name === entry?.name);
  if (cover === undefined) return null;
  const label = COVER.inspection[meta.header.lang];
  const row = plainGrid(cover, 2).find((line) => line[0] === label);
  const value = row?.[1];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The meta sheet's cells for `readWorkpaperMeta`: the two columns, plain values. */
function metaCells(sheet: ReadSheet): CellValue[][] {
  return plainGrid(sheet, 2);
}

function checkEntries(meta: WorkpaperMeta): string | null {
  const byName = new Map(meta.sheets.map((s) => [s.name, s]));
  if (byName.size !== meta.sheets.length) return 'duplicate sheet entry';
  const seen = new Set<string>();
  for (const row of meta.rows) {
    const sheet = byName.get(row.sheet);
    if (sheet === undefined) return `row entry for unknown sheet ${row.sheet}`;
    if (TABLE_OF_ROLE[sheet.role] !== row.table) return `row entry of ${row.table} on ${row.sheet}`;
    const at = `${row.sheet}!${row.row}`;
    if (seen.has(at)) return `duplicate row entry ${at}`;
    seen.add(at);
  }
  return null;
}

/** The header row must be the exported one, column for column. */
function checkHeader(
  entry: SheetEntry,
  sheet: ReadSheet,
  lang: 'zh-TW' | 'en',
): WorkpaperRefusal | null {
  // A register sheet's header is covered by its hash: a change there is ignored, not refused.
  if (isRegisterRole(entry.role)) return null;
  const headers = HEADERS[entry.role];
  if (headers === undefined) return null;
  for (const [i, column] of entry.columns.entries()) {
    const expected = headers[column.key]?.[lang];
    if (expected === undefined) continue;
    const found = plainCell(cellAt(sheet, 1, i + 1));
    if (typeof found !== 'string' || cleanText(found).trim() !== expected) {
      const letter = columnLetter(i + 1);
      return refusal('columns-changed', REFUSALS.columnsChanged(entry.name, letter, expected), {
        detail: `${entry.name}!${letter}1`,
      });
    }
  }
  return null;
}

/** The row number (項次) a data row carries in its first column, if it is a whole number. */
function rowNumberOf(sheet: ReadSheet, row: number, column: number): number | null {
  const value = plainCell(cellAt(sheet, row, column));
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d+\s*$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isInteger(number) ? number : null;
}

interface Matching {
  /** Meta row entry → file row. */
  rows: Map<RowEntry, number>;
  /** File rows below the header that hold no exported record. */
  unclaimed: number[];
}

/**
 * Finds each exported row of a record sheet: in place when its number (and, on the checklist,
 * its item ID) is where it was written, else by its number anywhere below the header (a sorted
 * sheet). A checklist row must still carry its item ID: rows sorted and then renumbered would
 * otherwise hand one item's edits to another.
 */
function matchRows(
  entry: SheetEntry,
  sheet: ReadSheet,
  entries: readonly RowEntry[],
): Matching | WorkpaperRefusal {
  const noColumn = entry.columns.findIndex((c) => c.key === 'no') + 1;
  const itemColumn =
    entry.role === 'checklist' ? entry.columns.findIndex((c) => c.key === 'itemId') + 1 : 0;
  const last = sheet.rows.length;
  const claimed = new Map<number, RowEntry>();
  const rows = new Map<RowEntry, number>();
  const numberAt = (row: number) => (noColumn > 0 ? rowNumberOf(sheet, row, noColumn) : null);

  const itemAt = (row: number) => {
    const item = plainCell(cellAt(sheet, row, itemColumn));
    return typeof item === 'string' ? cleanText(item).trim() : item;
  };
  const pending: RowEntry[] = [];
  for (const row of entries) {
    const inPlace =
      noColumn === 0 ||
      (numberAt(row.row) === row.row - 1 && (itemColumn === 0 || itemAt(row.row) === row.key));
    if (inPlace) {
      rows.set(row, row.row);
      claimed.set(row.row, row);
    } else {
      pending.push(row);
    }
  }
  if (pending.length > 0) {
    const byNumber = new Map<number, number[]>();
    for (let r = 2; r <= last; r++) {
      if (claimed.has(r)) continue;
      const number = numberAt(r);
      if (number !== null) byNumber.set(number, [...(byNumber.get(number) ?? []), r]);
    }
    for (const row of pending) {
      const no = row.row - 1;
      const found = byNumber.get(no) ?? [];
      if (found.length === 0) {
        return refusal('rows-changed', REFUSALS.rowRemoved(entry.name, no), {
          detail: `${entry.name}: no row numbered ${no}`,
        });
      }
      if (found.length > 1) {
        return refusal('rows-changed', REFUSALS.rowDuplicated(entry.name, no), {
          detail: `${entry.name}: ${found.length} rows numbered ${no}`,
        });
      }
      const at = found[0] as number;
      if (itemColumn > 0 && itemAt(at) !== row.key) {
        return refusal('rows-changed', REFUSALS.rowItemChanged(entry.name, no, row.key), {
          detail: `${entry.name}!${at}: item ${JSON.stringify(itemAt(at))}, exported ${row.key}`,
        });
      }
      rows.set(row, at);
      claimed.set(at, row);
    }
  }
  const unclaimed: number[] = [];
  for (let r = 2; r <= last; r++) if (!claimed.has(r)) unclaimed.push(r);
  return { rows, unclaimed };
}

function plainSheetReason(role: SheetRole): IgnoredReason {
  if (role === 'cover') return 'cover-sheet';
  if (role === 'signoffs') return 'signoff-sheet';
  return isRegisterRole(role) ? 'register-sheet' : 'activity-sheet';
}

/**
 * The cover, the activity trail and the register sheets: the hash over their exported rows
 * says whether anything changed; what lies beyond them (rows, columns) is named cell by cell.
 */
async function checkPlainSheet(
  entry: SheetEntry,
  sheet: ReadSheet,
  meta: WorkpaperMeta,
  ignored: IgnoredCell[],
): Promise<void> {
  const reason = plainSheetReason(entry.role);
  const width = entry.columns.length;
  const hasHeader = entry.role !== 'cover';
  const first = hasHeader ? 2 : 1;
  const lastHashed = first + entry.hashedRows - 1;
  const headers = HEADERS[entry.role];
  const columns: ColumnSpec[] | null = hasHeader
    ? entry.columns.map((c) => ({
        key: c.key,
        header: headers?.[c.key]?.[meta.header.lang] ?? c.key,
        width: 10,
      }))
    : null;
  const body: Hashable[][] = [];
  for (let r = first; r <= lastHashed; r++) {
    const line: Hashable[] = [];
    for (let c = 1; c <= width; c++) line.push(hashableRead(cellAt(sheet, r, c)));
    body.push(line);
  }
  if ((await sheetHash(columns, body as CellValue[][])) !== entry.hash) {
    ignored.push(
      ignoredEntry(
        entry.name,
        `A1:${columnLetter(width)}${Math.max(lastHashed, 1)}`,
        'sheet',
        reason,
      ),
    );
  }
  // The cover's last row holds the content hash, outside the cover's own hash.
  const expectedTail: Hashable[] | null =
    entry.role === 'cover' ? [COVER.contentHash[meta.header.lang], meta.contentHash] : null;
  for (let r = 1; r <= sheet.rows.length; r++) {
    const inside = r <= lastHashed;
    for (const c of nonEmptyColumns(sheet, r, inside ? width + 1 : 1)) {
      const isTail = expectedTail !== null && r === lastHashed + 1 && c <= width;
      if (isTail && hashableRead(cellAt(sheet, r, c)) === expectedTail[c - 1]) continue;
      ignored.push(
        ignoredEntry(
          entry.name,
          `${columnLetter(c)}${r}`,
          'cell',
          c > width ? 'extra-column' : reason,
        ),
      );
    }
    if (expectedTail !== null && r === lastHashed + 1) {
      // A cleared content-hash cell is a change too.
      for (let c = 1; c <= width; c++) {
        if (isEmpty(cellAt(sheet, r, c)) && expectedTail[c - 1] !== null) {
          ignored.push(ignoredEntry(entry.name, `${columnLetter(c)}${r}`, 'cell', reason));
        }
      }
    }
  }
}

async function readRecordSheet(
  entry: SheetEntry,
  sheet: ReadSheet,
  entries: readonly RowEntry[],
  out: { rows: EditedRow[]; ignored: IgnoredCell[] },
): Promise<WorkpaperRefusal | null> {
  const matching = matchRows(entry, sheet, entries);
  if ('ok' in matching) return matching;
  const width = entry.columns.length;
  const columns = hashColumns(entry);
  for (const row of entries) {
    const fileRow = matching.rows.get(row) ?? row.row;
    const cells: ReadCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellAt(sheet, fileRow, c));
    const hashes = await rowHashes(columns, cells.map(hashableRead) as CellValue[]);
    out.rows.push({
      sheet: entry.name,
      role: entry.role,
      entry: row,
      fileRow,
      cells,
      lockedChanged: hashes.lockedHash !== row.lockedHash,
      editableChanged: hashes.editableHash !== row.editableHash,
    });
  }
  // The header row and record rows: anything right of the exported columns.
  const unclaimed = new Set(matching.unclaimed);
  for (let r = 1; r <= sheet.rows.length; r++) {
    if (unclaimed.has(r)) continue;
    for (const c of nonEmptyColumns(sheet, r, width + 1)) {
      out.ignored.push(ignoredEntry(entry.name, `${columnLetter(c)}${r}`, 'cell', 'extra-column'));
    }
  }
  // Rows that are not exported records: one entry a row.
  for (const r of matching.unclaimed) {
    const filled = nonEmptyColumns(sheet, r);
    if (filled.length === 0) continue;
    out.ignored.push(
      ignoredEntry(
        entry.name,
        rowRange(r, Math.max(width, filled.at(-1) ?? 1)),
        'row',
        'added-row',
      ),
    );
  }
  return null;
}

/**
 * Reads a workpaper returned from Excel: the checked meta sheet, every exported record row as
 * it is now, and the cells that will be ignored whatever the vault holds. Never throws for a
 * bad file: every reason to refuse it is a `WorkpaperRefusal` with a message in both languages.
 */
export async function readWorkpaperEdits(
  bytes: Uint8Array | ArrayBuffer,
  options: ReadWorkpaperOptions,
): Promise<WorkpaperReading> {
  let sheets: ReadSheet[];
  try {
    sheets = await readWorkbookCells(bytes, options);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    // The code and where in the file, for logs: `too-many-rows: sheet 查核項目, row 20000000`.
    const where = Object.entries(error.details).map(([key, value]) => `${key} ${String(value)}`);
    const detail = where.length === 0 ? error.code : `${error.code}: ${where.join(', ')}`;
    return refusal(refusalKindOf(error.code), error.text, { detail });
  }
  const metaSheet = sheets.find((s) => s.name === META_SHEET_NAME);
  if (metaSheet === undefined) return refusal('not-a-workpaper', REFUSALS.notAWorkpaper);
  const reading = await readWorkpaperMeta(metaCells(metaSheet));
  if (!reading.ok) {
    const kind = reading.problem === 'other-inspection' ? 'malformed' : reading.problem;
    return refusal(
      kind,
      kind === 'not-a-workpaper' ? REFUSALS.notAWorkpaper : reading.message,
      reading.detail === undefined ? {} : { detail: reading.detail },
    );
  }
  const { meta } = reading;
  const problem = checkEntries(meta);
  if (problem !== null) {
    return refusal('malformed', REFUSALS.notAWorkpaper, { detail: problem });
  }
  const inspectionTitle = coverTitle(meta, sheets);
  if (meta.header.inspectionId !== options.inspectionId) {
    return refusal(
      'other-inspection',
      REFUSALS.otherInspection(inspectionTitle, meta.header.inspectionId),
      { belongsTo: { inspectionId: meta.header.inspectionId, title: inspectionTitle } },
    );
  }

  const out: { rows: EditedRow[]; ignored: IgnoredCell[] } = { rows: [], ignored: [] };
  for (const entry of meta.sheets) {
    const sheet = sheets.find((s) => s.name === entry.name);
    if (sheet === undefined) {
      // Nothing is imported from a register sheet: without it the rest still imports.
      if (isRegisterRole(entry.role)) continue;
      return refusal('sheet-missing', REFUSALS.sheetMissing(entry.name), { detail: entry.name });
    }
    const header = checkHeader(entry, sheet, meta.header.lang);
    if (header !== null) return header;
  }
  for (const entry of meta.sheets) {
    const sheet = sheets.find((s) => s.name === entry.name);
    if (sheet === undefined) continue;
    if (entry.role === 'cover' || entry.role === 'activity' || isRegisterRole(entry.role)) {
      await checkPlainSheet(entry, sheet, meta, out.ignored);
    } else {
      const entries = meta.rows.filter((row) => row.sheet === entry.name);
      const refused = await readRecordSheet(entry, sheet, entries, out);
      if (refused !== null) return refused;
    }
  }
  for (const sheet of sheets) {
    if (sheet.name === META_SHEET_NAME || meta.sheets.some((s) => s.name === sheet.name)) continue;
    if (sheet.rows.some((_, i) => nonEmptyColumns(sheet, i + 1).length > 0)) {
      const range = `A1:${columnLetter(Math.max(1, columnCount(sheet)))}${sheet.rows.length}`;
      out.ignored.push(ignoredEntry(sheet.name, range, 'sheet', 'extra-sheet'));
    }
  }
  return { ok: true, meta, inspectionTitle, rows: out.rows, ignored: out.ignored };
}
