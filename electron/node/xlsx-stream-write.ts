/**
 * Node only: writes a `WorkbookSpec` to a file with exceljs's streaming `WorkbookWriter`, for
 * large exports in Electron's export utility process (`main/export-utility.ts`). exceljs's
 * in-memory workbook keeps an object per cell (about 15 KB a 10-column row); this writer turns
 * each row into XML and hands it to the zip stream as soon as it is filled in, so memory stays
 * about flat however many rows there are. The streaming writer exists only in Node (it needs
 * `fs` and `archiver`), so the browser edition keeps `writeWorkbook` in a worker.
 *
 * It writes the workbook `writeWorkbook` writes: every style, view, print setting, validation
 * and highlight comes from the helpers `shared/workpapers/xlsx-write.ts` exports, and the tests
 * read both files back and compare them sheet by sheet. exceljs stays behind these two modules
 * (and the readers); nothing else imports it. Differences, all invisible in Excel:
 * - Text goes in as inline strings (`t="inlineStr"`, one unformatted run) instead of the shared
 *   string table: exceljs keeps that table and its XML in memory, which cost 3.5 times the
 *   memory and twice the time here. exceljs's plain inline form (`t="str"`) is meant for
 *   formula results and its own reader decodes XML entities twice in it (`&amp;lt;` comes back
 *   as `<`), so every text cell is written as a one-run rich text instead; readers see a
 *   string (Excel, LibreOffice) or a one-run rich text (exceljs: `shared/import/xlsx-read.ts`
 *   joins the runs). Either way it is a text cell, never a formula.
 * - Drop-down lists are added per column range rather than per cell; the file holds the same
 *   ranges (`writeWorkbook`'s per-cell rules are merged by exceljs on writing).
 *
 * The file appears only when it is complete: the workbook is written to a temporary file
 * beside the target, which is renamed over it on success and removed on failure or abort.
 * With a password the workbook is streamed into memory instead, encrypted there and only then
 * written: a clear-text copy of a protected workpaper never touches the disk, so protected
 * exports are not memory-bounded (the compressed file and its encrypted copy are held).
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { encryptOoxml } from '../../shared/workpapers/encryption';
import {
  assertWorkbookSpec,
  columnIndex,
  columnLetter,
  sheetRowNumber,
  type SheetSpec,
  type WorkbookSpec,
} from '../../shared/workpapers/model';
import {
  autoFilterRef,
  cellStyles,
  columnStyle,
  conditionalFormattings,
  dataRows,
  HEADER_STYLE,
  headerRowHeight,
  listValidation,
  rowHeight,
  setWorkbookProperties,
  toExcelValue,
  worksheetOptions,
} from '../../shared/workpapers/xlsx-write';

export interface StreamWorkbookOptions {
  /** After every batch of rows and once at the end; rows of all sheets together. */
  onProgress?: (rowsWritten: number, totalRows: number) => void;
  /** Stops between batches of rows; the temporary file is removed and nothing is written. */
  signal?: AbortSignal;
  /** Encrypts the file (ECMA-376 agile, as `encryptOoxml`); see above for its memory cost. */
  password?: string | null;
}

/** Rows between yields to the event loop (zip, disk) and checks for abort. */
export const BATCH_ROWS = 500;

/** A file name beside the target, unlikely to collide and easy to recognise if ever left. */
export function temporaryPathFor(filePath: string): string {
  const dir = path.dirname(filePath);
  return path.join(dir, `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes the workbook to `filePath` (replacing a file there) and resolves with its size.
 * Throws a `WorkbookSpecError` for an invalid description before creating anything, the
 * signal's reason when aborted, or the file system's error; in every case no file is left.
 */
export async function streamWorkbook(
  spec: WorkbookSpec,
  filePath: string,
  options: StreamWorkbookOptions = {},
): Promise<{ bytes: number }> {
  assertWorkbookSpec(spec);
  options.signal?.throwIfAborted();
  const temporary = temporaryPathFor(filePath);
  try {
    if (options.password === undefined || options.password === null) {
      await streamToFile(spec, temporary, options);
    } else {
      const chunks: Buffer[] = [];
      const memory = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          chunks.push(chunk);
          callback();
        },
      });
      await streamTo(spec, memory, options);
      const zipped = Buffer.concat(chunks);
      chunks.length = 0;
      const encrypted = await encryptOoxml(zipped, options.password);
      options.signal?.throwIfAborted();
      await writeFile(temporary, encrypted, { flag: 'wx' });
    }
    options.signal?.throwIfAborted();
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return { bytes: (await stat(filePath)).size };
}

async function streamToFile(
  spec: WorkbookSpec,
  temporary: string,
  options: StreamWorkbookOptions,
): Promise<void> {
  // 'wx': never follow or reuse something already there.
  const file = createWriteStream(temporary, { flags: 'wx' });
  const closed = new Promise<void>((resolve) => file.once('close', resolve));
  try {
    await streamTo(spec, file, options);
  } catch (error) {
    file.destroy();
    throw error;
  } finally {
    // Closed before it is renamed or removed (Windows refuses both on an open file).
    await closed;
  }
}

/** The parts of exceljs's streaming worksheet (4.4.0) its declarations leave out. */
interface WorksheetWriterInternals {
  dataValidations: { add(ref: string, rule: ExcelJS.DataValidation): void };
  stream: { write(text: string): unknown };
  _writeCloseSheetData(): void;
  _writeSheetProtection(): void;
  _writePageMargins(): void;
}

/** exceljs's archiver, which it does not declare either. */
interface ZipExtras {
  zip: { on(event: 'error', listener: (error: Error) => void): unknown; abort(): unknown };
}

async function streamTo(
  spec: WorkbookSpec,
  sink: Writable,
  options: StreamWorkbookOptions,
): Promise<void> {
  const { signal, onProgress } = options;
  // Shared strings would keep every string and the table's XML in memory (see above).
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
  });
  const { zip } = workbook as unknown as ZipExtras;

  // An error of the file or the zip is kept and thrown between batches: left unheard, it
  // would crash the process; and `commit()` would wait forever for a stream that failed.
  let failure: Error | null = null;
  let fail: (error: Error) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => {
    fail = reject;
  });
  failed.catch(() => undefined);
  const onError = (error: Error) => {
    failure ??= error;
    fail(error);
  };
  sink.on('error', onError);
  zip.on('error', onError);
  const check = () => {
    if (failure !== null) throw failure;
    signal?.throwIfAborted();
  };

  const totalRows = spec.sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
  let written = 0;
  onProgress?.(0, totalRows);
  try {
    const firstVisible = setWorkbookProperties(workbook, spec);
    for (const [index, sheet] of spec.sheets.entries()) {
      const ws = workbook.addWorksheet(sheet.name, worksheetOptions(sheet, index === firstVisible));
      writeColumns(ws, sheet);
      const styleOf = cellStyles();
      for (const [r, values] of sheet.rows.entries()) {
        const kind = sheet.rowKinds?.[r] ?? 'data';
        const row = ws.getRow(sheetRowNumber(sheet, r));
        sheet.columns.forEach((column, c) => {
          const value = values[c] ?? null;
          const cell = row.getCell(c + 1);
          cell.value = inline(toExcelValue(value));
          cell.style = styleOf(c, column, value, kind);
        });
        const height = rowHeight(sheet, values, kind);
        if (height !== undefined) row.height = height;
        row.commit();
        written += 1;
        if (written % BATCH_ROWS === 0) {
          await Promise.race([nextBatch(sink), failed]);
          check();
          onProgress?.(written, totalRows);
        }
      }
      await finishSheet(ws, sheet);
      check();
    }
    await Promise.race([workbook.commit(), failed]);
    check();
  } catch (error) {
    zip.abort();
    throw error;
  }
  onProgress?.(written, totalRows);
}

/** Lets the zip and the disk catch up: the next turn of the event loop, after a drain if due. */
async function nextBatch(sink: Writable): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (!sink.writableNeedDrain) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      sink.off('drain', done);
      sink.off('close', done);
      resolve();
    };
    sink.on('drain', done);
    sink.on('close', done);
  });
}

/** Text as a one-run inline string (see the top of the file); every other value as it is. */
function inline(value: ExcelJS.CellValue): ExcelJS.CellValue {
  return typeof value === 'string' ? { richText: [{ text: value }] } : value;
}

function writeColumns(ws: ExcelJS.Worksheet, sheet: SheetSpec): void {
  sheet.columns.forEach((column, i) => {
    const col = ws.getColumn(i + 1);
    col.width = column.width;
    col.style = columnStyle(column);
  });
  if (sheet.headerRow === false) return;
  const header = ws.getRow(1);
  sheet.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = inline(column.header);
    cell.style = HEADER_STYLE;
  });
  const height = headerRowHeight(sheet);
  if (height !== undefined) header.height = height;
  header.commit();
}

/**
 * exceljs 4.4.0's streaming worksheet writes two parts of the sheet out of the schema's order,
 * which Excel answers with "We found a problem with some content" (exceljs pull request 2685,
 * never released): `sheetProtection` after the auto filter, highlights and drop-downs, where it
 * belongs right after the rows; and no `printOptions` at all (centring on the page). Both are
 * put where `writeWorkbook` puts them, by wrapping the two private steps around them; the
 * tests compare the order of the elements in both writers' sheet XML.
 */
function writeInSchemaOrder(ws: ExcelJS.Worksheet): WorksheetWriterInternals {
  const internals = ws as unknown as WorksheetWriterInternals;
  const writeProtection = internals._writeSheetProtection.bind(internals);
  const closeSheetData = internals._writeCloseSheetData.bind(internals);
  const writeMargins = internals._writePageMargins.bind(internals);
  internals._writeSheetProtection = () => undefined;
  internals._writeCloseSheetData = () => {
    closeSheetData();
    writeProtection();
  };
  internals._writePageMargins = () => {
    internals.stream.write(printOptionsXml(ws.pageSetup));
    writeMargins();
  };
  return internals;
}

/** As exceljs's in-memory writer renders it (`PrintOptionsXform`): the options that are set. */
export function printOptionsXml(setup: Partial<ExcelJS.PageSetup>): string {
  const attributes = [
    ['headings', setup.showRowColHeaders],
    ['gridLines', setup.showGridLines],
    ['horizontalCentered', setup.horizontalCentered],
    ['verticalCentered', setup.verticalCentered],
  ]
    .filter(([, on]) => on === true)
    .map(([name]) => ` ${String(name)}="1"`);
  return attributes.length === 0 ? '' : `<printOptions${attributes.join('')}/>`;
}

/** What follows the rows in a sheet's XML, collected before it is committed. */
async function finishSheet(ws: ExcelJS.Worksheet, sheet: SheetSpec): Promise<void> {
  const internals = writeInSchemaOrder(ws);
  const filter = autoFilterRef(sheet);
  if (filter !== null) ws.autoFilter = filter;
  const { firstRow, lastRow } = dataRows(sheet);
  const { dataValidations } = internals;
  for (const validation of sheet.validations ?? []) {
    const letter = columnLetter(columnIndex(sheet, validation.column));
    const ref =
      firstRow === lastRow ? `${letter}${firstRow}` : `${letter}${firstRow}:${letter}${lastRow}`;
    dataValidations.add(ref, listValidation(validation));
  }
  for (const formatting of conditionalFormattings(sheet)) ws.addConditionalFormatting(formatting);
  if (sheet.protect === true) await ws.protect('', {});
  ws.commit();
}
