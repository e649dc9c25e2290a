/**
 * Committing a returned workpaper: the item results and findings that `applyWorkpaperEdits`
 * accepts are written together in one transaction with one `workpaper.imported` trail entry.
 * If any of them moved on in the vault since the file was compared, or the write fails, none
 * is written (`VaultSession.writeBatch` is all or nothing).
 */
import {
  type AppliedEdits,
  applyWorkpaperEdits,
  type WorkpaperDiff,
} from '../../../shared/workpapers/roundtrip';
import type { RecordId } from '../../../shared/domain/records';
import type { VaultSession } from '../../data/vault-session';

export interface CommitWorkpaperArgs {
  inspectionId: RecordId;
  /** The file's name, for the trail. */
  fileName: string;
  diff: WorkpaperDiff;
  /** Keys of the conflicting changes the user took from the file. */
  takeFromFile: Iterable<string>;
}

/** Writes the accepted edits (nothing when there are none) and says how many were written. */
export async function commitWorkpaperEdits(
  session: VaultSession,
  { inspectionId, fileName, diff, takeFromFile }: CommitWorkpaperArgs,
): Promise<AppliedEdits['counts']> {
  const applied = applyWorkpaperEdits(diff, { takeFromFile });
  if (applied.groups.length > 0) {
    await session.writeBatch(applied.groups, {
      action: 'workpaper.imported',
      target: { table: 'inspections', id: inspectionId },
      summary: `${fileName} · ${diff.contentHash.slice(0, 16)} · ${applied.counts.fields} fields`,
    });
  }
  return applied.counts;
}
