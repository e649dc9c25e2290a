/**
 * The result applied to a vault held in memory (the CLI's merged package, the property tests),
 * and the next hand-out's base taken from it: what the renderer does with `writeBatch`, for
 * callers that have no vault.
 */
import { recordKey } from './packages';
import type { CurrentState, MergeBase, MergeResult } from './types';

/** The vault after the result's writes; refuses a write whose expected revision is stale. */
export function applyMergeResult(state: CurrentState, result: MergeResult): CurrentState {
  const records = new Map(state.records.map((r) => [recordKey(r.table, r.id), r]));
  for (const write of result.writes) {
    const key = recordKey(write.table, write.id);
    const held = records.get(key)?.rev ?? null;
    if (held !== write.expectedRev) {
      throw new Error(
        `${write.table}/${write.id} is at revision ${held ?? 'none'}, the merge expected ${write.expectedRev ?? 'none'}; plan the merge again.`,
      );
    }
    const { expectedRev: _expected, ...record } = write;
    records.set(key, record);
  }
  const known = new Set(state.mergedPackages.map((p) => p.packageHash));
  const added = result.merged
    .filter((p) => !known.has(p.packageHash))
    .map(({ packageId, packageHash }) => ({ packageId, packageHash }));
  return { records: [...records.values()], mergedPackages: [...state.mergedPackages, ...added] };
}

/** A hand-out's base: the vault's records as they are now, under the hand-out's id. */
export function baseOf(state: CurrentState, id: string): MergeBase {
  return {
    id,
    records: state.records.map(({ table, id: recordId, rev, deleted, data }) => ({
      table,
      id: recordId,
      rev,
      deleted,
      data,
    })),
  };
}
