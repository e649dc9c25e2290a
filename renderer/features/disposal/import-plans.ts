/** Disposal-log and asset-list imports: rows → disposal records → what the import would do. */
import type { ValidRow } from '../../../shared/import';
import type { DisposalRecord } from '../../../shared/registers/disposal/disposal';
import {
  assetRowToDisposal,
  disposalRowToRecord,
  importColumns,
  vendorLookup,
} from '../../../shared/registers/disposal/import';
import type { RowConversion } from '../../../shared/registers/agreements/support';
import type { VaultSession } from '../../data/vault-session';
import type { ImportContext } from '../import/ImportWizard';
import { type ImportPlanDetail, planImport } from '../registers/import-plan';

/** A row the log already has: the file's values, keeping the certificate the auditor attached. */
function mergeDisposal(before: DisposalRecord, imported: DisposalRecord): DisposalRecord {
  return {
    ...imported,
    certificateId: imported.certificateId ?? before.certificateId,
    note: imported.note === '' ? before.note : imported.note,
  };
}

export async function planDisposalImport(
  session: VaultSession,
  rows: readonly ValidRow[],
  context: ImportContext,
): Promise<ImportPlanDetail<'disposals'>> {
  const [vendors, existing] = await Promise.all([
    session.list('vendors'),
    session.list('disposals'),
  ]);
  const options = {
    vendorByName: vendorLookup(vendors),
    columns: importColumns(context.columns.headers, context.columns.mapping),
  };
  const conversions = rows.map((row): RowConversion<DisposalRecord> => {
    const result = disposalRowToRecord(row, options);
    return result.ok
      ? { ok: true, rowNumber: row.rowNumber, value: result.record, key: result.key }
      : { ok: false, rowNumber: row.rowNumber, errors: result.errors };
  });
  return planImport({
    session,
    table: 'disposals',
    existing,
    conversions,
    keyOf: (record) => record.rowKey,
    merge: mergeDisposal,
    context,
  });
}

/**
 * Seeds the log from an asset list: one pending record per device. Devices the log already
 * has are left as they are (the log, not the asset list, says how they were disposed of).
 */
export async function planAssetImport(
  session: VaultSession,
  rows: readonly ValidRow[],
  context: ImportContext,
): Promise<ImportPlanDetail<'disposals'>> {
  const existing = await session.list('disposals');
  let skipped = 0;
  const conversions = rows.flatMap((row): RowConversion<DisposalRecord>[] => {
    const result = assetRowToDisposal(row);
    if (!result.ok) {
      skipped++;
      return [];
    }
    return [{ ok: true, rowNumber: row.rowNumber, value: result.record, key: result.key }];
  });
  const plan = planImport({
    session,
    table: 'disposals',
    existing,
    conversions,
    keyOf: (record) => record.rowKey,
    merge: (before) => before,
    context,
  });
  return { ...plan, skipped };
}
