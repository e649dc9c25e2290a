/**
 * From converted rows to what an import will do: which rows are new, which match a record
 * already in the register (by the row's natural key) and are identical, and which differ.
 * Nothing already stored is overwritten unless the user asks for it, and the commit is one
 * transaction. Keys are compared in memory after decryption: a register of tens of thousands
 * of people opens in well under a second, and no key is kept in clear for an index.
 */
import { canonicalJson } from '../../../shared/domain/canonical-json';
import type { RecordId, Stored } from '../../../shared/domain/records';
import type { RowError } from '../../../shared/import';
import type { RowConversion } from '../../../shared/registers/agreements/support';
import type { Payloads, SealedRecordTable } from '../../data/tables';
import { type BatchGroup, payloadOf, type VaultSession } from '../../data/vault-session';
import type { ImportPlan } from '../import/ImportWizard';

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
  fileName: string;
}

export interface ImportPlanDetail<T extends SealedRecordTable> extends ImportPlan {
  creates: Payloads[T][];
  updates: { id: RecordId; expectedRev: number; data: Payloads[T] }[];
}

export function planImport<T extends SealedRecordTable>(
  args: PlanImportArgs<T>,
): ImportPlanDetail<T> {
  const { session, table, existing, conversions, keyOf, fileName } = args;
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
      const items = [...creates.map((data) => ({ data })), ...(updateChanged ? updates : [])];
      // TypeScript cannot relate a generic table to its member of the BatchGroup union.
      const group = { table, items } as unknown as BatchGroup;
      await session.writeBatch([group], { action: 'records.imported', summary: fileName });
    },
  };
}
