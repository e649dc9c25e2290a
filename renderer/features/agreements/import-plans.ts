/** What a roster or agreement import would do to the register, and its one-transaction commit. */
import type { ValidRow } from '../../../shared/import';
import {
  type Agreement,
  agreementRowsToAgreements,
  partyDirectory,
} from '../../../shared/registers/agreements/agreements';
import { mergeRosterPerson, rosterRowToPerson } from '../../../shared/registers/agreements/people';
import type { RowConversion } from '../../../shared/registers/agreements/support';
import type { VaultSession } from '../../data/vault-session';
import type { ImportContext } from '../import/ImportWizard';
import { type ImportPlanDetail, planImport } from '../registers/import-plan';

export async function planRosterImport(
  session: VaultSession,
  rows: readonly ValidRow[],
  context: ImportContext,
): Promise<ImportPlanDetail<'people'>> {
  const existing = await session.list('people');
  const conversions = rows.map((row) => rosterRowToPerson(row, { columns: context.columns }));
  return planImport({
    session,
    table: 'people',
    existing,
    conversions,
    keyOf: (person) => person.rowKey,
    merge: mergeRosterPerson,
    context,
  });
}

export async function planAgreementImport(
  session: VaultSession,
  rows: readonly ValidRow[],
  context: ImportContext,
): Promise<ImportPlanDetail<'agreements'>> {
  const [people, vendors, existing] = await Promise.all([
    session.list('people'),
    session.list('vendors'),
    session.list('agreements'),
  ]);
  const directory = partyDirectory(people, vendors);
  const result = agreementRowsToAgreements(rows, directory, context.columns);
  const conversions: RowConversion<Agreement>[] = [
    ...result.agreements.map(({ rowNumber, value, key }) => ({
      ok: true as const,
      rowNumber,
      value,
      key,
    })),
    ...(result.errors.length > 0
      ? [{ ok: false as const, rowNumber: 0, errors: result.errors }]
      : []),
  ];
  return planImport({
    session,
    table: 'agreements',
    existing,
    conversions,
    // An imported row never carries the scan or signature the auditor added in the app.
    merge: (before, imported) => ({
      ...imported,
      attachmentId: before.attachmentId,
      signature: before.signature,
      note: imported.note === '' ? before.note : imported.note,
    }),
    keyOf: (agreement) => agreement.rowKey,
    context,
  });
}
