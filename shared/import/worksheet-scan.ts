/**
 * Counts what a worksheet part would make exceljs and the readers hold, while it is being
 * inflated and before exceljs parses anything: rows, columns and cells, and the ranges exceljs
 * 4.4.0 expands cell by cell (a merged range becomes a Cell per covered cell, a data
 * validation an entry per covered address, a defined name an entry per covered cell; a `<col
 * max>` a Column object per column). A 1 KB file can otherwise ask for billions of objects:
 * one `<row r="20000000">`, one `<mergeCell ref="A1:XFD1048576"/>`.
 *
 * It reads bytes, not text: only start tags of `row`, `c`, `mergeCell`, `dataValidation` and
 * `col` (any namespace prefix) are looked at; a tag split between two chunks is carried over.
 * Markup inside comments or CDATA is counted too: over-counting only errs on the safe side.
 */
import { columnLetter } from './columns';
import { bi, type ImportErrorDetails } from './errors';
import { LIMIT_ERRORS, type CellCount } from './limit-errors';
import { MAX_COLUMNS, MAX_ROWS } from './limits';

/** The longest start tag carried from one chunk to the next (a long `sqref` fits). */
const MAX_TAG_BYTES = 1024 * 1024;

const DECODER = new TextDecoder();
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;

/** Cells of one workbook, counted two ways against one limit (see `MAX_CELLS`). */
export class CellBudget {
  /** Cells exceljs creates: `<c>` elements and the ranges it expands. */
  cells = 0;
  /** Slots the readers fill: each row up to its last cell, and one per empty row between. */
  padded = 0;

  constructor(readonly max: number) {}

  addCells(n: number, what: CellCount, where: () => ImportErrorDetails): void {
    this.cells += n;
    if (this.cells > this.max) throw LIMIT_ERRORS.tooManyCells(this.max, what, where());
  }

  addPadded(n: number, where: () => ImportErrorDetails): void {
    this.padded += n;
    if (this.padded > this.max) throw LIMIT_ERRORS.tooManyCells(this.max, 'padded', where());
  }
}

/** A cell reference as exceljs decodes it: capital letters, then digits; `$` ignored. */
export interface CellRef {
  /** 1-based; 0 when there are no letters. */
  col: number;
  /** 0 when there are no digits. */
  row: number;
  letters: string;
}

function decodeRef(text: string): CellRef {
  let col = 0;
  let row = 0;
  let letters = '';
  let digits = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!digits && c >= 65 && c <= 90) {
      letters += text.charAt(i);
      // Capped so a long run of letters cannot overflow into a small number.
      col = Math.min(col * 26 + c - 64, 2 ** 40);
    } else if (c >= 48 && c <= 57) {
      digits = true;
      row = Math.min(row * 10 + c - 48, 2 ** 40);
    } else if (digits && letters !== '' && c !== 36) break;
  }
  return { col, row, letters };
}

/** `A1:C3` → its corners; a single reference is a range of one cell. */
export function decodeRange(text: string): { from: CellRef; to: CellRef } {
  const [a = '', b] = text.split(':');
  const from = decodeRef(a);
  return { from, to: b === undefined ? from : decodeRef(b) };
}

/** Cells a range covers, as exceljs loops over them (no rows or no columns: it loops zero times). */
export function rangeArea(range: { from: CellRef; to: CellRef }): number {
  const { from, to } = range;
  if (from.col === 0 || to.col === 0 || from.row === 0 || to.row === 0) return 1;
  return (Math.abs(to.row - from.row) + 1) * (Math.abs(to.col - from.col) + 1);
}

function letterOf(ref: CellRef, col: number): string {
  return ref.letters !== '' && ref.letters.length <= 8 ? ref.letters : columnLetter(col - 1);
}

type Kind = 'row' | 'c' | 'mergeCell' | 'dataValidation' | 'col';

/** Bytes of an XML name as they occur here: letters, digits, `:`, `_`, `-`, `.`. */
const NAME_BYTE = (() => {
  const table = new Uint8Array(256);
  for (let b = 0; b < 256; b++) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9:_.-]/.test(c)) table[b] = 1;
  }
  return table;
})();

const NAMES: readonly [Kind, Uint8Array][] = (
  ['row', 'c', 'mergeCell', 'dataValidation', 'col'] as const
).map((name) => [name, Uint8Array.from(name, (c) => c.charCodeAt(0))]);

/** Which of the counted elements `data[start..end)` names, a namespace prefix dropped. */
function kindOf(data: Uint8Array, start: number, end: number): Kind | null {
  let s = start;
  for (let i = start; i < end; i++) if (data[i] === 0x3a) s = i + 1;
  const length = end - s;
  for (const [kind, name] of NAMES) {
    if (name.length !== length) continue;
    let k = 0;
    while (k < length && data[s + k] === name[k]) k++;
    if (k === length) return kind;
  }
  return null;
}

const ASCII = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const ATTR = {
  r: ASCII('r'),
  ref: ASCII('ref'),
  sqref: ASCII('sqref'),
  max: ASCII('max'),
} as const;

/**
 * Where the value of attribute `name` lies in the start tag `data[from..to)`, or null. Quoted
 * values are skipped whole, so `x="r=1"` is no `r`. Works on bytes: this runs once a cell.
 */
function attributeValue(
  data: Uint8Array,
  from: number,
  to: number,
  name: Uint8Array,
): [number, number] | null {
  let p = from;
  while (p < to) {
    const b = data[p] as number;
    if (b === 0x22 || b === 0x27) {
      const close = data.indexOf(b, p + 1);
      if (close < 0 || close >= to) return null;
      p = close + 1;
      continue;
    }
    if (b <= 0x20 && p + 1 + name.length < to) {
      let k = 0;
      while (k < name.length && data[p + 1 + k] === name[k]) k++;
      let q = p + 1 + k;
      if (k === name.length) {
        while (q < to && (data[q] as number) <= 0x20) q++;
        if (data[q] === EQUALS) {
          q++;
          while (q < to && (data[q] as number) <= 0x20) q++;
          const quote = data[q];
          if (quote === 0x22 || quote === 0x27) {
            const close = data.indexOf(quote, q + 1);
            return close < 0 || close >= to ? null : [q + 1, close];
          }
        }
      }
    }
    p++;
  }
  return null;
}

function attributeText(data: Uint8Array, from: number, to: number, name: Uint8Array): string {
  const at = attributeValue(data, from, to, name);
  return at === null ? '' : DECODER.decode(data.subarray(at[0], at[1]));
}

/** A cell reference straight from the bytes of its `r` value (see `decodeRef`). */
function refAt(data: Uint8Array, at: [number, number] | null): CellRef {
  if (at === null) return { col: 0, row: 0, letters: '' };
  let col = 0;
  let row = 0;
  let digits = false;
  let lettersEnd = at[0];
  for (let i = at[0]; i < at[1]; i++) {
    const c = data[i] as number;
    if (!digits && c >= 65 && c <= 90) {
      col = Math.min(col * 26 + c - 64, 2 ** 40);
      lettersEnd = i + 1;
    } else if (c >= 48 && c <= 57) {
      digits = true;
      row = Math.min(row * 10 + c - 48, 2 ** 40);
    } else if (digits && col > 0 && c !== 36) break;
  }
  // The letters only matter for an error message: decoded lazily there.
  const letters = col > MAX_COLUMNS ? DECODER.decode(data.subarray(at[0], lettersEnd)) : '';
  return { col, row, letters };
}

/**
 * One worksheet part, fed chunk by chunk (`push`) as `CheckedZip.inflate` produces them.
 * Throws an `ImportError` naming the sheet, the row and the column as soon as a limit is
 * crossed.
 */
export class WorksheetScan {
  private carry: Uint8Array | null = null;
  private row = 0;
  private maxRow = 0;
  private lastCol = 0;
  private rowMaxCol = 0;

  constructor(
    private readonly where: { part: string; sheet?: string },
    private readonly budget: CellBudget,
  ) {}

  push(chunk: Uint8Array): void {
    let data = chunk;
    if (this.carry !== null) {
      data = new Uint8Array(this.carry.length + chunk.length);
      data.set(this.carry);
      data.set(chunk, this.carry.length);
      this.carry = null;
    }
    let pos = 0;
    for (;;) {
      const lt = data.indexOf(LT, pos);
      if (lt < 0) return;
      const next = this.tag(data, lt);
      if (next < 0) {
        if (data.length - lt > MAX_TAG_BYTES) {
          throw LIMIT_ERRORS.damaged(bi('XML 標籤過長', 'an XML tag is too long'), this.at());
        }
        this.carry = data.slice(lt);
        return;
      }
      pos = next;
    }
  }

  private at(column?: string): ImportErrorDetails {
    const where: ImportErrorDetails = { ...this.where };
    if (this.row > 0) where.row = this.row;
    if (column !== undefined) where.column = column;
    return where;
  }

  /** Handles the markup at `lt`; returns where scanning goes on, or -1 if it is incomplete. */
  private tag(data: Uint8Array, lt: number): number {
    let p = lt + 1;
    if (p >= data.length) return -1;
    const first = data[p] as number;
    if (first === SLASH || first === 0x3f || first === 0x21) return p + 1; // </…, <?…, <!…
    const nameStart = p;
    while (p < data.length && NAME_BYTE[data[p] as number] === 1) p++;
    if (p >= data.length) return -1;
    const kind = kindOf(data, nameStart, p);
    if (kind === null) return p;
    let q = p;
    let quote = 0;
    for (; q < data.length; q++) {
      const b = data[q] as number;
      if (quote !== 0) {
        if (b === quote) quote = 0;
      } else if (b === 0x22 || b === 0x27) quote = b;
      else if (b === GT) break;
    }
    if (q >= data.length) return -1;
    this.element(kind, data, p, q);
    return q + 1;
  }

  private element(kind: Kind, data: Uint8Array, from: number, to: number): void {
    switch (kind) {
      case 'row': {
        const r = refAt(data, attributeValue(data, from, to, ATTR.r)).row;
        this.row = r > 0 ? r : this.row + 1;
        this.lastCol = 0;
        this.rowMaxCol = 0;
        if (this.row > MAX_ROWS) throw LIMIT_ERRORS.tooManyRows(this.row, this.at());
        if (this.row > this.maxRow) {
          const skipped = this.row - this.maxRow - 1;
          this.maxRow = this.row;
          if (skipped > 0) this.budget.addPadded(skipped, () => this.at());
        }
        return;
      }
      case 'c': {
        const ref = refAt(data, attributeValue(data, from, to, ATTR.r));
        const col = ref.col > 0 ? ref.col : this.lastCol + 1;
        if (col > MAX_COLUMNS) throw LIMIT_ERRORS.tooManyColumns(letterOf(ref, col), this.at());
        this.lastCol = col;
        // Once a cell: counted inline, the location built only for the error.
        const budget = this.budget;
        if (++budget.cells > budget.max) {
          throw LIMIT_ERRORS.tooManyCells(budget.max, 'cells', this.at(columnLetter(col - 1)));
        }
        if (col > this.rowMaxCol) {
          budget.padded += col - this.rowMaxCol;
          this.rowMaxCol = col;
          if (budget.padded > budget.max) {
            throw LIMIT_ERRORS.tooManyCells(budget.max, 'padded', this.at(columnLetter(col - 1)));
          }
        }
        return;
      }
      case 'mergeCell':
        this.ranges(attributeText(data, from, to, ATTR.ref), 'merged');
        return;
      case 'dataValidation':
        this.ranges(attributeText(data, from, to, ATTR.sqref), 'validation');
        return;
      case 'col': {
        const max = Number.parseInt(attributeText(data, from, to, ATTR.max), 10);
        if (Number.isFinite(max) && max > MAX_COLUMNS) {
          throw LIMIT_ERRORS.tooManyColumns(columnLetter(Math.min(max, 2 ** 40) - 1), this.at());
        }
        return;
      }
    }
  }

  /** Space-separated ranges (`sqref`), each checked against Excel's grid and counted. */
  private ranges(text: string, what: 'merged' | 'validation'): void {
    for (const item of text.split(/\s+/)) {
      if (item === '') continue;
      const range = decodeRange(item);
      const where = () => ({ ...this.where, range: item });
      checkRange(range, where);
      const area = rangeArea(range);
      this.budget.addCells(area, what, where);
      // A merged cell reads back with its master's value, so the readers fill it too.
      if (what === 'merged') this.budget.addPadded(area, where);
    }
  }
}

/** A range's corners must lie inside Excel's grid. */
export function checkRange(
  range: { from: CellRef; to: CellRef },
  where: () => ImportErrorDetails,
): void {
  for (const ref of [range.from, range.to]) {
    if (ref.row > MAX_ROWS) throw LIMIT_ERRORS.tooManyRows(ref.row, where());
    if (ref.col > MAX_COLUMNS) throw LIMIT_ERRORS.tooManyColumns(letterOf(ref, ref.col), where());
  }
}
