/**
 * From converted rows to what an import will do: which rows are new, which match a record
 * already in the register (by the row's natural key) and are identical, and which differ.
 * Nothing already stored is overwritten unless the user asks for it, and the commit is one
 * transaction. A file with any problem, found by the row check or by the register, commits
 * nothing at all: the commit refuses it (`ImportHasErrorsError`) whatever the screen allows.
 * Keys are compared in memory after decryption: a register of tens of thousands of people
 * opens in well under a second, and no key is kept in clear for an index.
 */
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { bi, type Bilingual } from '../../../shared/domain/inspection/text';
import type { RecordId, Stored } from '../../../shared/domain/records';
import type { RowError } from '../../../shared/import';
import type { RowConversion } from '../../../shared/registers/agreements/support';
import type { Payloads, SealedRecordTable } from '../../data/tables';
import { type BatchGroup, payloadOf, type VaultSession } from '../../data/vault-session';
import type { ImportContext, ImportPlan } from '../import/ImportWizard';

export interface PlanImportArgs<T extends SealedRecordTable> {
  session: VaultSession;
  table: T;
  /** Live records of the table. */
  existing: readonly Stored<Payloads[T]>[];
  conversions: readonly RowConversion<Payloads[T]>[];
  /** The stored natural key of a record (null if it has none). */
  keyOf: (record: Payloads[T]) => string | null;
  /** A re-imported row over its existing record; default: the row replaces it. */
  merge?: (existing: Payloads[T], imported: Payloads[T]) => Payloads[T];
  /** The file, and how many problems the row check found in it. */
  context: Pick<ImportContext, 'fileName' | 'checkErrors'>;
}

/** How many rows an error names before "…". */
const ROWS_NAMED = 5;

/**
 * Refuses to commit the plan of a file with problems: all rows are imported or none, so a
 * corrected file can be imported again without leaving half of it behind.
 */
export class ImportHasErrorsError extends Error {
  override name = 'ImportHasErrorsError';
  readonly text: Bilingual;

  constructor(
    readonly fileName: string,
    readonly errorCount: number,
    /** Rows named by the register's errors (the row check's errors are only counted). */
    readonly rows: readonly number[],
  ) {
    const named = rows.slice(0, ROWS_NAMED);
    const more = rows.length > ROWS_NAMED ? '…' : '';
    const zhRows = named.length > 0 ? `（第 ${named.join('、')}${more} 列）` : '';
    const enRows =
      named.length > 0
        ? ` (${named.length === 1 ? 'row' : 'rows'} ${named.join(', ')}${more})`
        : '';
    const text = bi(
      `「${fileName}」有 ${errorCount} 個問題${zhRows}，未匯入任何資料；請修正後重新匯入。`,
      `${fileName} has ${errorCount} ${errorCount === 1 ? 'problem' : 'problems'}${enRows}; nothing was imported. Fix ${errorCount === 1 ? 'it' : 'them'} and import the file again.`,
    );
    super(text.en);
    this.text = text;
  }
}

export interface ImportPlanDetail<T extends SealedRecordTable> extends ImportPlan {
  creates: Payloads[T][];
  updates: { id: RecordId; expectedRev: number; data: Payloads[T] }[];
}

export function planImport<T extends SealedRecordTable>(
  args: PlanImportArgs<T>,
): ImportPlanDetail<T> {
  const { session, table, existing, conversions, keyOf, context } = args;
  const merge = args.merge ?? ((_existing: Payloads[T], imported: Payloads[T]) => imported);
  const byKey = new Map<string, Stored<Payloads[T]>>();
  for (const record of existing) {
    const key = keyOf(record);
    if (key !== null) byKey.set(key, record);
  }
  const errors: RowError[] = [];
  const creates: Payloads[T][] = [];
  const updates: { id: RecordId; expectedRev: number; data: Payloads[T] }[] = [];
  let unchanged = 0;
  for (const conversion of conversions) {
    if (!conversion.ok) {
      errors.push(...conversion.errors);
      continue;
    }
    const match = conversion.key === null ? undefined : byKey.get(conversion.key);
    if (!match) {
      creates.push(conversion.value);
      continue;
    }
    const before = payloadOf(match);
    const after = merge(before, conversion.value);
    if (canonicalJson(after) === canonicalJson(before)) unchanged++;
    else updates.push({ id: match.id, expectedRev: match.rev, data: after });
  }
  return {
    created: creates.length,
    unchanged,
    changed: updates.length,
    errors,
    creates,
    updates,
    async commit({ updateChanged }) {
      const problems = context.checkErrors + errors.length;
      if (problems > 0) {
        const rows = [...new Set(errors.map((e) => e.rowNumber))].sort((a, b) => a - b);
        throw new ImportHasErrorsError(context.fileName, problems, rows);
      }
      const items = [...creates.map((data) => ({ data })), ...(updateChanged ? updates : [])];
      // TypeScript cannot relate a generic table to its member of the BatchGroup union.
      const group = { table, items } as unknown as BatchGroup;
      await session.writeBatch([group], {
        action: 'records.imported',
        summary: context.fileName,
      });
    },
  };
}
