/**
 * Upgrading a vault written before format 2 (no record manifests): at its first unlock by this
 * version, every row is opened, the manifests are built from what the rows' sealed copies say
 * (clear fields are not trusted), and manifests, the new header and a `vault.upgraded` trail
 * entry carrying the first state digest are written in one transaction. Rows that do not open
 * are left out of the manifests and reported.
 *
 * Nothing can tell an old vault's earlier tampering apart from its history: the upgrade vouches
 * for the vault as it stands, and says so in the trail.
 */
import type { IntegrityProblem } from './integrity';
import type { MetaRow, SealedRow } from './rows';
import { commit } from './session-commit';
import { openSealedRecord, type SessionCore } from './session-core';
import { SEALED_RECORD_TABLES, tableSpec } from './tables';
import type { RowChange } from './vault-state';

export async function upgradeToFormat2(
  core: SessionCore,
  header: Extract<MetaRow, { key: 'header' }>,
): Promise<void> {
  const problems: IntegrityProblem[] = await core.state.load();
  const changes: RowChange[] = [];
  for (const table of SEALED_RECORD_TABLES) {
    const rows = await core.db.table<SealedRow, string>(table).toArray();
    const parentOf = tableSpec(table).parentOf as ((payload: object) => string) | null;
    for (const row of rows) {
      const record = await openSealedRecord(core, table, row);
      if (typeof record === 'string') {
        problems.push({ kind: 'altered', table, id: row.id, detail: record });
        continue;
      }
      const parent = parentOf ? parentOf(record.data) : null;
      changes.push({
        table,
        id: row.id,
        entry: { rev: record.rev, deleted: record.deleted, parent },
      });
    }
  }
  core.integrity.report(problems);
  await commit(
    core,
    { action: 'vault.upgraded', target: null, summary: `format 2: ${changes.length} records` },
    [],
    { changes, meta: [{ ...header, formatVersion: 2 }] },
  );
}
