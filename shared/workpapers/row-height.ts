/**
 * Row heights for wrapped text. A spreadsheet file stores a row's height; the program that
 * opens it does not lay the text out again: Excel keeps a row without a stored height at one
 * line, and LibreOffice prints it so, with the rest of a wrapped requirement cut off. So, as
 * workbook generators do (xlsxwriter's autofit, openpyxl and PhpSpreadsheet recipes), the
 * height is estimated from the text: each paragraph (explicit line break) wrapped greedily at
 * the column's width, CJK characters about twice as wide as Latin ones, times the line height
 * of the font size, plus a small margin, capped at Excel's 409 points. Pure; `xlsx-write.ts`
 * applies it in both writers, so they write the same heights.
 *
 * The figures are those of the fonts that render the file. Excel's column unit is the width
 * of a `0` in the workbook's default font (Calibri 11: 7 pixels at 96 dpi), plus 5 pixels of
 * padding; a 10-point CJK character is 13.3 pixels wide, 1.9 units, in 微軟正黑體 as in
 * LibreOffice's fallback, Noto Sans CJK, whose line is 1.45 em (the taller of the two). Latin
 * letters are counted at 0.6 (i, l, t, space, punctuation), 1.1 (most lower case) or 1.3
 * units (capitals, digits, m, w), the widths of DejaVu Sans, LibreOffice's Latin fallback and
 * wider than 微軟正黑體's. Where the estimate errs it errs tall: cut-off text in a printed workpaper
 * is a defect, some white space under it is not. `test/office/libreoffice.test.ts` checks
 * every row against the height LibreOffice's own layout needs.
 */
import { isWideCharacter, type ColumnSpec } from './model';

/** Excel's largest row height, in points (the file format allows more; Excel refuses it). */
export const MAX_ROW_HEIGHT = 409;
/** The height of a row without one (exceljs's `defaultRowHeight`, Excel's for Calibri 11). */
export const DEFAULT_ROW_HEIGHT = 15;

/** Line height as a multiple of the font size (Noto Sans CJK: ascent 1.16 + descent 0.288). */
const LINE_FACTOR = 1.45;
/** Points above and below the text inside a cell. */
const CELL_MARGIN = 3;
/** Units of a column's width taken by the cell's padding (5 of Calibri's 7-pixel `0`). */
const CELL_PADDING = 0.7;
/** Width of an East Asian wide character, in Excel's character units, at 10 points. */
const WIDE = 1.9;
/** Widths of other characters, in three classes (DejaVu Sans, the widest of the fonts). */
const SLIM = 0.6;
const LATIN = 1.1;
const BROAD = 1.3;
const SLIM_CHARS = new Set(" iljtfr.,:;!|'()[]-");
const BROAD_CHARS = /[A-Z0-9mw@%#&]/;

function narrowWidth(char: string): number {
  if (SLIM_CHARS.has(char)) return SLIM;
  return BROAD_CHARS.test(char) ? BROAD : LATIN;
}
/** The font size the column widths are chosen for; larger text fits fewer characters. */
const BASE_FONT_SIZE = 10;

/**
 * Wide punctuation that may not start a line (kinsoku): when it does not fit, Excel and
 * LibreOffice carry the character before it to the next line too.
 */
const NO_LINE_START = new Set('，。、；：？！）」』】〕〉》％．・…');

/**
 * How many lines `text` takes in a wrapping cell `capacity` units wide: each paragraph
 * wrapped greedily, breaking after any wide character and at spaces; a Latin word longer
 * than the line is broken inside it, as Excel and LibreOffice do.
 */
export function wrappedLineCount(text: string, capacity: number): number {
  const room = Math.max(capacity, 2 * WIDE);
  let lines = 0;
  for (const paragraph of text.split('\n')) lines += paragraphLines(paragraph, room);
  return lines;
}

function paragraphLines(paragraph: string, room: number): number {
  // Most cells fit on one line whatever their characters: no layout needed.
  if (paragraph.length * WIDE <= room) return 1;
  let lines = 1;
  let used = 0;
  let word = 0;
  /** Width of the last thing placed on the line, carried along by a closing mark. */
  let last = 0;
  const newLine = (carried: number) => {
    lines += 1;
    used = carried;
  };
  const placeWord = () => {
    if (word === 0) return;
    if (used + word <= room) {
      used += word;
    } else if (word <= room) {
      newLine(word);
    } else {
      // Longer than a line: broken inside, whole lines of it, the rest starts the next one.
      const full = Math.ceil(word / room) - 1;
      if (used > 0) lines += 1;
      lines += full;
      used = word - full * room;
    }
    last = Math.min(word, room - WIDE);
    word = 0;
  };
  for (const char of paragraph) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x20 || code === 0x09) {
      placeWord();
      // A space that does not fit ends the line; it is not carried over.
      if (used + SLIM <= room) used += SLIM;
      else newLine(0);
      last = 0;
    } else if (isWideCharacter(code)) {
      placeWord();
      if (used + WIDE > room) newLine(NO_LINE_START.has(char) ? last : 0);
      used += WIDE;
      last = WIDE;
    } else {
      word += narrowWidth(char);
    }
  }
  placeWord();
  return lines;
}

/** The height in points of `lines` lines of text at `fontSize`, margin included, capped. */
export function heightOfLines(lines: number, fontSize: number): number {
  const points = Math.ceil(lines * fontSize * LINE_FACTOR + CELL_MARGIN);
  return Math.min(points, MAX_ROW_HEIGHT);
}

/**
 * The height a row needs for every wrapping cell to show whole, or `undefined` when the
 * default height does. `texts[c]` is what column `c` shows. Cells of columns that do not
 * wrap stay on one line, as in Excel, unless `wrapAll` (the header row, whose style wraps).
 */
export function wrappedRowHeight(
  columns: readonly Pick<ColumnSpec, 'width' | 'wrap'>[],
  texts: readonly string[],
  fontSize: number,
  wrapAll = false,
): number | undefined {
  const scale = BASE_FONT_SIZE / fontSize;
  let lines = 1;
  columns.forEach((column, c) => {
    const text = texts[c] ?? '';
    if (text === '' || (column.wrap !== true && !wrapAll)) return;
    const capacity = (column.width - CELL_PADDING) * scale;
    lines = Math.max(lines, wrappedLineCount(text, capacity));
  });
  if (lines === 1 && fontSize * LINE_FACTOR <= DEFAULT_ROW_HEIGHT) return undefined;
  return heightOfLines(lines, fontSize);
}
