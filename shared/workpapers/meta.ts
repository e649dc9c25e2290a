/**
 * The hidden `_aw_meta` sheet: what an import needs to match a workpaper back to the vault
 * and to notice that the sheet was altered.
 *
 * Layout: a header row (`kind`, `value`), then one row per entry, the value being canonical
 * JSON: `header` (format, inspection, options, generation time), one `sheet` per visible sheet
 * (its columns, which are editable, and a hash of its cells), one `row` per exported record
 * (sheet, row number, table, record id and revision, hashes of its locked and editable cells),
 * and last `contentHash`: SHA-256 over the canonical JSON of `{ header, sheets, rows }`.
 *
 * The hash detects an edited, truncated or foreign meta sheet. It is not a signature: anyone
 * can recompute a SHA-256, so it does not stop a deliberate forgery (a keyed MAC would need a
 * key that the file's recipients do not hold). Cell hashes are over `hashableCell` values of
 * the cleaned text (see `sanitize.ts`), as they read back from the file.
 */
import { z } from 'zod';
import { sha256Hex } from '../crypto/bytes';
import { canonicalJson } from '../domain/canonical-json';
import { isoDateSchema, isoInstantSchema } from '../domain/dates';
import type { Bilingual } from '../domain/inspection/text';
import { hashableCell, type CellValue, type ColumnSpec } from './model';
import {
  isSigningKind,
  readSigningEntries,
  signingMetaRows,
  type SigningMeta,
} from './signing-meta';

export const META_SHEET_NAME = '_aw_meta';
export const META_FORMAT = 'aw-workpaper';
export const META_FORMAT_VERSION = 1;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const workpaperHeaderSchema = z.strictObject({
  format: z.literal(META_FORMAT),
  version: z.literal(META_FORMAT_VERSION),
  kind: z.literal('inspection'),
  inspectionId: z.string().min(1),
  inspectionRev: z.int().positive(),
  libraryVersion: z.string().min(1),
  lang: z.enum(['zh-TW', 'en']),
  calendar: z.enum(['roc', 'iso']),
  includePersonalData: z.boolean(),
  generatedAt: isoInstantSchema,
  /** The day overdue highlighting and system statuses were judged on (Asia/Taipei). */
  asOf: isoDateSchema,
  appVersion: z.string().min(1),
  /**
   * The vault's newest activity-trail entry when the file was made: a vault that no longer has
   * it was put back from an older copy since (see ARCHITECTURE.md, tamper evidence). Absent in
   * files made before it was recorded; null for a vault without a trail (the CLI's sample).
   */
  trailHead: z.strictObject({ seq: z.int().positive(), hash: hex64 }).nullable().optional(),
});
export type WorkpaperHeader = z.infer<typeof workpaperHeaderSchema>;

/**
 * The register sheets: written for reference only, never imported (every column locked, no
 * row entries), like the activity trail. Only workpapers exported with registers have them.
 */
export const REGISTER_ROLES = [
  'agreements',
  'coverage',
  'disposals',
  'policies',
  // The list of sign-offs of a signed workpaper (`signoff-sheets.ts`): for reference too.
  'signoffs',
] as const;
export type RegisterRole = (typeof REGISTER_ROLES)[number];

export const SHEET_ROLES = [
  'cover',
  'checklist',
  'findings',
  'systems',
  'activity',
  ...REGISTER_ROLES,
] as const;
export type SheetRole = (typeof SHEET_ROLES)[number];

export function isRegisterRole(role: SheetRole): role is RegisterRole {
  return (REGISTER_ROLES as readonly SheetRole[]).includes(role);
}

export const sheetEntrySchema = z.strictObject({
  name: z.string().min(1),
  role: z.enum(SHEET_ROLES),
  /** Column keys in order (A, B, …) and whether an import takes the column's values. */
  columns: z.array(z.strictObject({ key: z.string().min(1), editable: z.boolean() })),
  /** Data rows covered by `hash` (the cover's own hash row is not). */
  hashedRows: z.int().nonnegative(),
  /** SHA-256 over the header row and the first `hashedRows` data rows. */
  hash: hex64,
});
export type SheetEntry = z.infer<typeof sheetEntrySchema>;

export const RECORD_TABLES = ['itemResults', 'findings', 'systems'] as const;
export type ExportedTable = (typeof RECORD_TABLES)[number];

export const rowEntrySchema = z.strictObject({
  sheet: z.string().min(1),
  /** Spreadsheet row number (1-based, header included). */
  row: z.int().min(2),
  table: z.enum(RECORD_TABLES),
  /** null: no record yet (a checklist item not worked on); an import would create one. */
  id: z.string().min(1).nullable(),
  rev: z.int().positive().nullable(),
  /** The catalog item id for checklist rows, else the record id. */
  key: z.string().min(1),
  lockedHash: hex64,
  editableHash: hex64,
});
export type RowEntry = z.infer<typeof rowEntrySchema>;

export interface WorkpaperMeta {
  header: WorkpaperHeader;
  sheets: SheetEntry[];
  rows: RowEntry[];
  /** Signed workpapers only (issue 12): what `verify` needs to check every sign-off. */
  signing?: SigningMeta;
  contentHash: string;
}

type Hashable = ReturnType<typeof hashableCell>;

/** Hashes of a row's locked and editable cells, each keyed by column key. */
export async function rowHashes(
  columns: readonly ColumnSpec[],
  row: readonly CellValue[],
): Promise<{ lockedHash: string; editableHash: string }> {
  const locked: Record<string, Hashable> = {};
  const editable: Record<string, Hashable> = {};
  columns.forEach((column, i) => {
    (column.editable === true ? editable : locked)[column.key] = hashableCell(row[i] ?? null);
  });
  return {
    lockedHash: await sha256Hex(canonicalJson(locked)),
    editableHash: await sha256Hex(canonicalJson(editable)),
  };
}

function cellJson(cell: Hashable): string {
  if (cell === null) return 'null';
  if (typeof cell === 'string') return JSON.stringify(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (typeof cell === 'number' && Number.isFinite(cell)) return JSON.stringify(cell);
  if (typeof cell === 'object' && Object.keys(cell).length === 1 && typeof cell.date === 'string') {
    return `{"date":${JSON.stringify(cell.date)}}`;
  }
  return canonicalJson(cell); // anything else: its checks and its errors
}

/**
 * `canonicalJson(lines)` for a sheet's lines, written directly: the generic writer keeps a
 * path for every value, which costs a large share of the export on sheets of 20,000 rows. The
 * text is the same (`meta.test.ts` checks it), so hashes of earlier files still verify.
 */
export function sheetLinesJson(lines: readonly (readonly Hashable[])[]): string {
  const out: string[] = [];
  for (const line of lines) {
    const cells: string[] = [];
    for (const cell of line) cells.push(cellJson(cell));
    out.push(`[${cells.join(',')}]`);
  }
  return `[${out.join(',')}]`;
}

/** SHA-256 of a sheet's header row (null: the sheet has none) and data rows. */
export async function sheetHash(
  columns: readonly ColumnSpec[] | null,
  rows: readonly (readonly CellValue[])[],
): Promise<string> {
  const lines: Hashable[][] = rows.map((row) => row.map(hashableCell));
  if (columns !== null) lines.unshift(columns.map((column) => column.header));
  return sha256Hex(sheetLinesJson(lines));
}

export async function contentHashOf(
  meta: Pick<WorkpaperMeta, 'header' | 'sheets' | 'rows' | 'signing'>,
): Promise<string> {
  const { header, sheets, rows, signing } = meta;
  // Without signing entries the text (and so every earlier file's hash) is as before.
  return sha256Hex(
    canonicalJson(
      signing === undefined ? { header, sheets, rows } : { header, sheets, rows, signing },
    ),
  );
}

export const META_COLUMNS: readonly ColumnSpec[] = [
  { key: 'kind', header: 'kind', width: 14 },
  { key: 'value', header: 'value', width: 120 },
];

/** The meta sheet's data rows (below the `kind` / `value` header). */
export function metaRows(meta: WorkpaperMeta): CellValue[][] {
  return [
    ['header', canonicalJson(meta.header)],
    ...meta.sheets.map((sheet) => ['sheet', canonicalJson(sheet)]),
    ...meta.rows.map((row) => ['row', canonicalJson(row)]),
    ...(meta.signing === undefined ? [] : signingMetaRows(meta.signing, canonicalJson)),
    ['contentHash', meta.contentHash],
  ];
}

export type MetaProblem =
  'not-a-workpaper' | 'unsupported-version' | 'malformed' | 'altered' | 'other-inspection';

export type MetaReading =
  | { ok: true; meta: WorkpaperMeta }
  | { ok: false; problem: MetaProblem; message: Bilingual; detail?: string };

const MESSAGES: Readonly<Record<MetaProblem, Bilingual>> = {
  'not-a-workpaper': {
    'zh-TW': '此檔案不是稽核工作台產製的工作底稿',
    en: 'This file is not a workpaper produced by the workbench',
  },
  'unsupported-version': {
    'zh-TW': '此工作底稿的格式版本不受支援，請以較新版本的稽核工作台開啟',
    en: 'This workpaper has a format version this workbench does not support; open it with a newer version',
  },
  malformed: {
    'zh-TW': '工作底稿的隱藏資料不完整或格式錯誤',
    en: 'The hidden data of this workpaper is incomplete or malformed',
  },
  altered: {
    'zh-TW': '工作底稿的隱藏資料已被修改，無法確認其內容',
    en: 'The hidden data of this workpaper was altered, so its content cannot be trusted',
  },
  'other-inspection': {
    'zh-TW': '此工作底稿屬於另一個自評查核',
    en: 'This workpaper belongs to another self-inspection',
  },
};

function fail(problem: MetaProblem, detail?: string): MetaReading {
  return detail === undefined
    ? { ok: false, problem, message: MESSAGES[problem] }
    : { ok: false, problem, message: MESSAGES[problem], detail };
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads and checks the meta sheet from its cell values, row by row from row 1 (what a reader
 * gets from the file; extra empty cells are fine). Refuses a sheet that is not ours, has an
 * unknown format version, was altered (the content hash does not match), or, when
 * `inspectionId` is given, belongs to another inspection.
 */
export async function readWorkpaperMeta(
  cells: readonly (readonly unknown[])[],
  expected: { inspectionId?: string } = {},
): Promise<MetaReading> {
  const [head, ...body] = cells;
  if (head?.[0] !== 'kind' || head[1] !== 'value') return fail('not-a-workpaper');
  const first = parseJson(body[0]?.[1]);
  if (body[0]?.[0] !== 'header' || typeof first !== 'object' || first === null) {
    return fail('not-a-workpaper');
  }
  if (!('format' in first) || first.format !== META_FORMAT) return fail('not-a-workpaper');
  if (!('version' in first) || first.version !== META_FORMAT_VERSION) {
    return fail('unsupported-version');
  }
  const header = workpaperHeaderSchema.safeParse(first);
  if (!header.success) return fail('malformed', 'header');

  const sheets: SheetEntry[] = [];
  const rows: RowEntry[] = [];
  const signingLines: { kind: string; value: unknown; row: number }[] = [];
  let contentHash: string | null = null;
  for (const [index, line] of body.slice(1).entries()) {
    const kind = line[0];
    if (contentHash !== null) return fail('malformed', `entry after contentHash (${index + 3})`);
    if (kind === 'contentHash') {
      if (typeof line[1] !== 'string' || !hex64.safeParse(line[1]).success) {
        return fail('malformed', 'contentHash');
      }
      contentHash = line[1];
    } else if (kind === 'sheet') {
      const sheet = sheetEntrySchema.safeParse(parseJson(line[1]));
      if (!sheet.success) return fail('malformed', `sheet entry in row ${index + 3}`);
      sheets.push(sheet.data);
    } else if (kind === 'row') {
      const row = rowEntrySchema.safeParse(parseJson(line[1]));
      if (!row.success) return fail('malformed', `row entry in row ${index + 3}`);
      rows.push(row.data);
    } else if (isSigningKind(kind)) {
      signingLines.push({ kind, value: line[1], row: index + 3 });
    } else if (!(kind === undefined || kind === null || kind === '')) {
      return fail('malformed', `unknown entry in row ${index + 3}`);
    }
  }
  if (contentHash === null) return fail('malformed', 'no contentHash');

  const signing = readSigningEntries(signingLines);
  if (typeof signing === 'string') return fail('malformed', signing);
  const meta: WorkpaperMeta = { header: header.data, sheets, rows, contentHash };
  if (signing !== null) meta.signing = signing;
  if ((await contentHashOf(meta)) !== contentHash) return fail('altered');
  if (expected.inspectionId !== undefined && expected.inspectionId !== meta.header.inspectionId) {
    return fail('other-inspection');
  }
  return { ok: true, meta };
}
