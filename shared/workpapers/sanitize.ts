/**
 * User text on its way into a spreadsheet: formula injection (OWASP "CSV injection") and
 * characters that XML cannot carry.
 *
 * What we chose for .xlsx, and why:
 * - The text is kept **verbatim**. Audit notes often start with `-` (bullets), `+886` (phone
 *   numbers) or `=` (quoted configuration); a visible `'` in front of them would spoil the
 *   workpaper and come back on import as part of the text.
 * - It is stored as a **string cell** (exceljs writes a JS string as a shared string, never a
 *   `<f>` formula; the tests read the file back to prove it), and the writer gives every user
 *   text cell, and every editable column, the **Text number format `@`**. A cell formatted as
 *   Text stays text when the user edits it in Excel or LibreOffice (F2, Enter), which is where a
 *   string that looks like a formula would otherwise turn into one.
 *   (Excel's own `quotePrefix` style flag would do the same, but exceljs 4.4.0 cannot write it.)
 * - CSV has no cell types, so `csvSafeText` applies OWASP's advice there: a leading `'`.
 *
 * `isFormulaLike` is deliberately broad: OWASP's `=`, `+`, `-`, `@`, tab and carriage return;
 * the full-width `＝ ＋ － ＠` that CJK input methods type (Excel accepts `＝` as a formula
 * start); a line feed (a carriage return becomes one in XML); and any of these after leading
 * spaces, because some importers trim before they parse. The text is never trimmed here.
 */
import { MAX_CELL_CHARS } from './model';

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠']);
/** Spaces an importer might strip: ASCII space, no-break space, ideographic (full-width) space. */
const LEADING_SPACE = /^[ \u00a0\u3000]*/;

/** Would a spreadsheet (or a trimming importer) read this text as the start of a formula? */
export function isFormulaLike(text: string): boolean {
  if (text === '') return false;
  if (TRIGGERS.has(text.charAt(0))) return true;
  const afterSpaces = text.slice(LEADING_SPACE.exec(text)?.[0].length ?? 0);
  return afterSpaces !== text && TRIGGERS.has(afterSpaces.charAt(0));
}

/** C0 controls other than tab and line feed, which XML 1.0 cannot carry (exceljs drops them). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const TRUNCATED_MARK = '…';

/**
 * Text as it will read back from the file: line endings as `\n` (XML turns `\r\n` and `\r`
 * into `\n`), characters XML forbids removed, unpaired surrogates as U+FFFD, and cut to
 * Excel's 32,767 characters (ending in `…`). Hashes are taken over this form, so a file read
 * back hashes the same.
 */
export function cleanText(text: string): string {
  let out = text.replace(/\r\n?/g, '\n').replace(XML_ILLEGAL, '').replace(LONE_SURROGATE, '\ufffd');
  if (out.length > MAX_CELL_CHARS) {
    out = out.slice(0, MAX_CELL_CHARS - TRUNCATED_MARK.length);
    // Do not leave half a surrogate pair at the cut.
    if (/[\ud800-\udbff]$/.test(out)) out = out.slice(0, -1);
    out += TRUNCATED_MARK;
  }
  return out;
}

/**
 * A cell for text a user typed: cleaned, marked as user text, so the writer stores it as a
 * string with the Text format. Nothing a user typed becomes a formula.
 */
export function safeText(userText: string): { text: string } {
  return { text: cleanText(userText) };
}

/** For CSV, which has no cell types: OWASP's leading `'` when the text looks like a formula. */
export function csvSafeText(userText: string): string {
  const text = cleanText(userText);
  return isFormulaLike(text) ? `'${text}` : text;
}
