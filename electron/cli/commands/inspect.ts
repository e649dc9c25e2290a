/** `audit-workbench inspect FILE.xlsx [--password P]` */
import { parseArgs } from 'node:util';
import { assertFileSize, DEFAULT_MAX_BYTES, ImportError } from '../../../shared/import/errors';
import {
  RESULTS,
  RESULT_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  type Result,
  type Severity,
} from '../../../shared/domain/inspection';
import type { Bilingual } from '../../../shared/domain/inspection/text';
import {
  META_SHEET_NAME,
  WorkpaperEncryptionError,
  decryptOoxml,
  isEncryptedOoxml,
  readWorkpaperMeta,
  rowHashes,
  sheetHash,
  type CellValue,
  type ColumnSpec,
  type SheetEntry,
  type WorkpaperMeta,
} from '../../../shared/workpapers';
import { COVER } from '../../../shared/workpapers/labels';
import {
  plainGrid,
  readWorkbookCells,
  type ReadSheet,
} from '../../../shared/workpapers/roundtrip/read-workbook';
import {
  EXIT_OK,
  EXIT_REFUSED,
  PASSWORD_ENV,
  UsageError,
  errorMessage,
  givenPassword,
  type CliIo,
  type GivenPassword,
} from '../io';

export const INSPECT_HELP = `audit-workbench inspect FILE.xlsx [--password P]

Checks a workpaper exported by the workbench and prints a JSON summary: the inspection, the
library version, results and severities as the visible sheets hold them, and which sheets or
rows were changed since export. Exits 1 for a file it cannot trust (not a workpaper, altered
hidden sheet, unreadable, password-protected without the right password).
  --password P     the password of a password-protected file (ECMA-376 agile encryption);
                   others can see a command line (ps, shell history): prefer setting
                   ${PASSWORD_ENV}, used when --password is not given`;

/** A difference between the visible sheets and the hashes the hidden sheet recorded. */
export type HashProblem =
  | { sheet: string; problem: 'missing-sheet' }
  | { sheet: string; problem: 'sheet-changed' }
  | { sheet: string; row: number; problem: 'locked-cells-changed' | 'editable-cells-changed' };

export interface InspectSummary {
  file: string;
  /** The file was encrypted and opened with the given password. */
  passwordProtected: boolean;
  inspection: { id: string; title: string | null };
  libraryVersion: string;
  lang: WorkpaperMeta['header']['lang'];
  generatedAt: string;
  counts: {
    /** Checklist rows by result; `untested` rows have none, `unrecognised` an unknown label. */
    results: Record<Result | 'untested' | 'unrecognised', number>;
    findings: Record<Severity | 'unrecognised', number>;
  };
  hashCheck: 'ok' | HashProblem[];
}

/** Refusal with a one-line reason. */
export class Refused extends Error {
  override name = 'Refused';
}

function cellsOf(sheets: readonly ReadSheet[], entry: SheetEntry): CellValue[][] | null {
  const sheet = sheets.find((s) => s.name === entry.name);
  return sheet === undefined ? null : plainGrid(sheet, entry.columns.length);
}

/** Recomputes a sheet's hash from the file, as `buildInspectionWorkbook` computed it. */
async function fileSheetHash(entry: SheetEntry, cells: CellValue[][]): Promise<string> {
  const hasHeader = entry.role !== 'cover';
  const columns: ColumnSpec[] | null = hasHeader
    ? (cells[0] ?? []).map((header, i) => ({
        key: String(i),
        header: typeof header === 'string' ? header : '',
        width: 10,
      }))
    : null;
  const body = hasHeader ? cells.slice(1) : cells;
  return sheetHash(columns, body.slice(0, entry.hashedRows));
}

export async function checkHashes(
  meta: WorkpaperMeta,
  sheets: ReadonlyMap<string, CellValue[][] | null>,
): Promise<HashProblem[]> {
  const problems: HashProblem[] = [];
  for (const entry of meta.sheets) {
    const cells = sheets.get(entry.name) ?? null;
    if (cells === null) {
      problems.push({ sheet: entry.name, problem: 'missing-sheet' });
      continue;
    }
    if ((await fileSheetHash(entry, cells)) === entry.hash) continue;
    problems.push({ sheet: entry.name, problem: 'sheet-changed' });
    const columns = entry.columns.map((c) => ({ ...c, header: c.key, width: 10 }));
    for (const row of meta.rows.filter((r) => r.sheet === entry.name)) {
      const hashes = await rowHashes(columns, cells[row.row - 1] ?? []);
      if (hashes.lockedHash !== row.lockedHash) {
        problems.push({ sheet: entry.name, row: row.row, problem: 'locked-cells-changed' });
      }
      if (hashes.editableHash !== row.editableHash) {
        problems.push({ sheet: entry.name, row: row.row, problem: 'editable-cells-changed' });
      }
    }
  }
  return problems;
}

function labelLookup<K extends string>(
  labels: Readonly<Record<K, Bilingual>>,
  keys: readonly K[],
): Map<string, K> {
  const map = new Map<string, K>();
  for (const key of keys) {
    map.set(labels[key]['zh-TW'], key);
    map.set(labels[key].en, key);
  }
  return map;
}

/** The values of one column (by key) in the rows the meta lists for a sheet role. */
function columnValues(
  meta: WorkpaperMeta,
  sheets: ReadonlyMap<string, CellValue[][] | null>,
  role: SheetEntry['role'],
  key: string,
): CellValue[] {
  const entry = meta.sheets.find((s) => s.role === role);
  if (entry === undefined) return [];
  const column = entry.columns.findIndex((c) => c.key === key);
  const cells = sheets.get(entry.name) ?? null;
  if (column < 0 || cells === null) return [];
  return meta.rows
    .filter((row) => row.sheet === entry.name)
    .map((row) => cells[row.row - 1]?.[column] ?? null);
}

export function countsOf(
  meta: WorkpaperMeta,
  sheets: ReadonlyMap<string, CellValue[][] | null>,
): InspectSummary['counts'] {
  const results: InspectSummary['counts']['results'] = {
    compliant: 0,
    partial: 0,
    'non-compliant': 0,
    'not-applicable': 0,
    untested: 0,
    unrecognised: 0,
  };
  const resultByLabel = labelLookup(RESULT_LABELS, RESULTS);
  for (const value of columnValues(meta, sheets, 'checklist', 'result')) {
    if (value === null || value === '') results.untested++;
    else results[(typeof value === 'string' && resultByLabel.get(value)) || 'unrecognised']++;
  }
  const findings: InspectSummary['counts']['findings'] = {
    high: 0,
    medium: 0,
    low: 0,
    unrecognised: 0,
  };
  const severityByLabel = labelLookup(SEVERITY_LABELS, SEVERITIES);
  for (const value of columnValues(meta, sheets, 'findings', 'severity')) {
    findings[(typeof value === 'string' && severityByLabel.get(value)) || 'unrecognised']++;
  }
  return { results, findings };
}

export function titleOf(meta: WorkpaperMeta, sheets: ReadonlyMap<string, CellValue[][] | null>) {
  const cover = meta.sheets.find((s) => s.role === 'cover');
  const label = COVER.inspection[meta.header.lang];
  const row = (cover && sheets.get(cover.name))?.find((line) => line[0] === label);
  const value = row?.[1];
  return typeof value === 'string' ? value : null;
}

/** A workpaper's checked meta sheet and its visible sheets as grids (null: sheet missing). */
export interface ReadWorkpaper {
  meta: WorkpaperMeta;
  sheets: Map<string, CellValue[][] | null>;
}

/** Reads a workpaper and checks its meta sheet; throws `Refused` for a file it cannot trust. */
export async function readWorkpaper(bytes: Uint8Array): Promise<ReadWorkpaper> {
  let workbook: ReadSheet[];
  try {
    workbook = await readWorkbookCells(bytes);
  } catch (error) {
    if (error instanceof ImportError) throw new Refused(`${error.code}: ${error.message}`);
    throw error;
  }
  const metaSheet = workbook.find((sheet) => sheet.name === META_SHEET_NAME);
  if (metaSheet === undefined) {
    throw new Refused('not-a-workpaper: the file has no workbench meta sheet');
  }
  const reading = await readWorkpaperMeta(plainGrid(metaSheet, 2));
  if (!reading.ok) {
    const detail = reading.detail === undefined ? '' : ` (${reading.detail})`;
    throw new Refused(`${reading.problem}: ${reading.message.en}${detail}`);
  }
  const { meta } = reading;
  return {
    meta,
    sheets: new Map(meta.sheets.map((entry) => [entry.name, cellsOf(workbook, entry)])),
  };
}

/** Reads and checks a workpaper; throws `Refused` for a file it cannot trust. */
export async function inspectWorkpaper(
  file: string,
  bytes: Uint8Array,
  passwordProtected = false,
): Promise<InspectSummary> {
  const { meta, sheets } = await readWorkpaper(bytes);
  const problems = await checkHashes(meta, sheets);
  return {
    file,
    passwordProtected,
    inspection: { id: meta.header.inspectionId, title: titleOf(meta, sheets) },
    libraryVersion: meta.header.libraryVersion,
    lang: meta.header.lang,
    generatedAt: meta.header.generatedAt,
    counts: countsOf(meta, sheets),
    hashCheck: problems.length === 0 ? 'ok' : problems,
  };
}

export async function inspectCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help === true) {
    io.stdout(`${INSPECT_HELP}\n`);
    return EXIT_OK;
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) {
    throw new UsageError('inspect takes exactly one FILE.xlsx');
  }
  // Never printed or logged; only turned into keys by decryptOoxml.
  const password = givenPassword(values.password, io);
  const read = await readInput(io, file);
  if (read === null) return EXIT_REFUSED;
  let bytes = read;
  try {
    const encrypted = isEncryptedOoxml(bytes);
    if (encrypted) bytes = await decrypted(bytes, password);
    else if (password?.source === '--password') {
      io.stderr(`${file}: note: the file is not password-protected; --password was not used\n`);
    }
    const summary = await inspectWorkpaper(file, bytes, encrypted);
    io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    io.stderr(`${file}: refused: ${error.message}\n`);
    return EXIT_REFUSED;
  }
}

/**
 * A workpaper's bytes, or null after saying on stderr why not: a file over the readers' 50 MiB
 * is refused before it is read into memory, with their message.
 */
export async function readInput(io: CliIo, file: string): Promise<Uint8Array | null> {
  try {
    const size = await io.fileSize?.(file);
    if (size !== undefined) assertFileSize(size, DEFAULT_MAX_BYTES);
    return await io.readFile(file);
  } catch (error) {
    if (error instanceof ImportError) {
      io.stderr(`${file}: refused: ${error.code}: ${error.message}\n`);
    } else {
      io.stderr(`${file}: cannot read the file: ${errorMessage(error)}\n`);
    }
    return null;
  }
}

/** The ZIP inside a password-protected file; `Refused` without the right password. */
export async function decrypted(
  bytes: Uint8Array,
  password: GivenPassword | undefined,
): Promise<Uint8Array> {
  if (password === undefined) {
    throw new Refused(
      `password-protected: the file is password-protected; give its password with --password P or in ${PASSWORD_ENV}`,
    );
  }
  try {
    return await decryptOoxml(bytes, password.password);
  } catch (error) {
    if (!(error instanceof WorkpaperEncryptionError)) throw error;
    const from = error.code === 'wrong-password' ? ` (from ${password.source})` : '';
    throw new Refused(`${error.code}: ${error.message}${from}`);
  }
}
