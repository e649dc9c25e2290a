/**
 * The lock-down guard (issue 12): the ONE place where a write touching a locked inspection is
 * refused. `commit` (session-commit.ts) calls it before sealing anything, and every write path
 * goes through `commit`: single saves and deletes, batches (the workpaper round-trip import,
 * register imports and the findings they raise, merges), evidence files added or removed.
 *
 * A write touches an inspection when it writes the inspection record itself, or a record whose
 * clear parent is (or, for an update, was) that inspection: item results, findings, samples,
 * evidence attached to it, its sign-off policy and its review notes. Sign-offs and unlocks are
 * not refused here: they are how the lock is set and lifted, and the sign-off rules decide them.
 */
import { InspectionLockedError } from '../../shared/signoff/state';
import { lockingSignoff } from '../../shared/signoff/lockdown';
import type { RowWrite } from './session-commit';
import type { SessionCore } from './session-core';
import { listChildRecords, listRecords } from './session-read';
import type { SealedRecordTable } from './tables';

/** Tables whose records belong to an inspection by their clear `parent`. */
const INSPECTION_CHILDREN: ReadonlySet<SealedRecordTable> = new Set([
  'itemResults',
  'findings',
  'samples',
  'evidence',
  'signoffPolicies',
  'reviewNotes',
]);

/** A write refused because it touches a locked inspection; says so in zh-TW and English. */
export class InspectionLockedWriteError extends InspectionLockedError {
  override name = 'InspectionLockedWriteError';
  constructor(
    readonly inspectionId: string,
    readonly table: SealedRecordTable,
  ) {
    super();
    this.message = `The inspection ${inspectionId} is locked by its final sign-off; the write to ${table} was refused`;
  }
}

/** Whether the inspection is locked down now (see `lockingSignoff`). */
export async function isInspectionLocked(
  core: SessionCore,
  inspectionId: string,
): Promise<boolean> {
  if (core.state.childrenOf('signoffs', inspectionId).size === 0) return false;
  const [signoffs, unlocks, policies, signers] = await Promise.all([
    listChildRecords(core, 'signoffs', inspectionId),
    listChildRecords(core, 'unlocks', inspectionId),
    listChildRecords(core, 'signoffPolicies', inspectionId),
    listRecords(core, 'trustedSigners', false),
  ]);
  const policy = policies[0] ?? null;
  return lockingSignoff({ inspectionId, policy, signoffs, unlocks, signers }) !== null;
}

/** The inspections a commit's rows touch, each with the first table that touches it. */
function touchedInspections(core: SessionCore, writes: readonly RowWrite[]) {
  const touched = new Map<string, SealedRecordTable>();
  const note = (id: string | null | undefined, table: SealedRecordTable) => {
    if (id && !touched.has(id)) touched.set(id, table);
  };
  for (const write of writes) {
    if (write.table === 'inspections') {
      for (const row of write.rows) note(row.id, write.table);
    } else if (INSPECTION_CHILDREN.has(write.table)) {
      const manifest = core.state.manifest(write.table);
      for (const row of write.rows) {
        note(row.parent, write.table);
        note(manifest.get(row.id)?.parent, write.table); // where an updated record was
      }
    }
  }
  return touched;
}

/** Refuses the commit if any of its rows touches a locked inspection. */
export async function assertWritesAllowed(
  core: SessionCore,
  writes: readonly RowWrite[],
): Promise<void> {
  // Nothing was ever signed in this vault: nothing is locked (and imports stay as fast).
  if (core.state.manifest('signoffs').size === 0) return;
  for (const [inspectionId, table] of touchedInspections(core, writes)) {
    if (await isInspectionLocked(core, inspectionId)) {
      throw new InspectionLockedWriteError(inspectionId, table);
    }
  }
}
