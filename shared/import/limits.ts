/**
 * How much a file may ask of the readers, in one place (ARCHITECTURE.md lists them). Every
 * reader of user-supplied files (register imports, the workpaper round trip, the CLI's
 * `inspect`, the engagement packages) refuses a file past these with an `ImportError` before
 * the memory is spent: the ZIP reader counts bytes while it inflates, the worksheet scan counts
 * rows, columns and cells before exceljs parses, and the CSV parser counts as it goes.
 */

const MiB = 1024 * 1024;

/** Excel's sheet: 1,048,576 rows by 16,384 columns (A to XFD). No Excel file has more. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** Excel's limit on the characters one cell holds; also the limit on one CSV field. */
export const MAX_CELL_CHARS = 32_767;

/**
 * Cells in one table or workbook, counted the way memory is spent: exceljs keeps every cell as
 * an object (about 500 bytes each, measured: 1,000,000 numeric cells peak at 595 MiB RSS in
 * Node), and the readers pad each row to its last cell. 1,500,000 is twice the largest
 * workpaper the export benchmark writes (about 750,000 cells) and seven times a 20,000-row
 * register import, and keeps exceljs under about 800 MiB at the limit.
 */
export const MAX_CELLS = 1_500_000;

/**
 * Bytes a ZIP may inflate to, all parts together, counted while inflating. The largest
 * benchmark workpaper unpacks to 35 MB; exceljs holds about 2.5 times the XML it parses
 * (measured: 190 MiB of sheet XML peaks at 520 MiB RSS).
 */
export const MAX_UNPACKED_BYTES = 200 * MiB;

/** Parts in one ZIP: a workpaper has 25, a workbook with many images a few hundred. */
export const MAX_ZIP_ENTRIES = 10_000;
