/**
 * The dashboard's figures per auditor (各查核員進度): assigned, done, handed out, returned,
 * merged, open conflicts. Pure: counted from what the Team tab has read and from the merge on
 * screen, if any.
 *
 * A merge is atomic (planned in memory, committed in one transaction, 完成合併 only with no
 * conflict open), so the vault never holds a half-done merge: "open conflicts" are those of
 * the merge being prepared on screen, gone if it is left, and 0 once merged. A return counts
 * as returned once it is in the lead's hands: merged, or read into the merge on screen and not
 * refused by its checks; each package once, however often it is opened.
 */
import type { Conflict } from '../../../shared/merge';

export interface AuditorProgress {
  auditor: string;
  /** Checklist items assigned to them (their own or their section's assignment). */
  assigned: number;
  /** Of those, items with a result. */
  done: number;
  handedOut: number;
  returned: number;
  merged: number;
  openConflicts: number;
}

/** What the merge on screen holds: its returns and its conflicts still undecided. */
export interface MergeOnScreen {
  returns: readonly { packageId: string; auditor: string }[];
  openConflicts: readonly Conflict[];
}

export interface ProgressInput {
  assignments: readonly { auditor: string }[];
  items: readonly { assignee: string | null; done: boolean }[];
  handouts: readonly { auditor: string }[];
  merged: readonly { packageId: string; auditor: string }[];
}

/** Auditors of a conflict: every return holding one of its values (the lead's side is not one). */
function auditorsOf(conflict: Conflict): Set<string> {
  const names = new Set<string>();
  for (const option of conflict.options) {
    for (const source of option.sources) if (source.packageId !== null) names.add(source.auditor);
  }
  return names;
}

const tally = (counts: Map<string, number>, name: string) =>
  counts.set(name, (counts.get(name) ?? 0) + 1);

/**
 * One row per auditor named by an assignment, a hand-out, a merged return or the merge on
 * screen, in that order of first appearance. A conflict between two auditors counts for both.
 */
export function auditorProgress(
  data: ProgressInput,
  onScreen: MergeOnScreen | null,
): AuditorProgress[] {
  const returns = [...data.merged, ...(onScreen?.returns ?? [])];
  const auditors = new Set([
    ...data.assignments.map((a) => a.auditor),
    ...data.handouts.map((h) => h.auditor),
    ...returns.map((r) => r.auditor),
  ]);
  const returnedIds = new Map<string, Set<string>>();
  for (const r of returns) {
    const ids = returnedIds.get(r.auditor) ?? new Set<string>();
    returnedIds.set(r.auditor, ids.add(r.packageId));
  }
  const open = new Map<string, number>();
  for (const conflict of onScreen?.openConflicts ?? []) {
    for (const name of auditorsOf(conflict)) tally(open, name);
  }
  return [...auditors].map((auditor) => {
    const mine = data.items.filter((i) => i.assignee === auditor);
    return {
      auditor,
      assigned: mine.length,
      done: mine.filter((i) => i.done).length,
      handedOut: data.handouts.filter((h) => h.auditor === auditor).length,
      returned: returnedIds.get(auditor)?.size ?? 0,
      merged: new Set(data.merged.filter((m) => m.auditor === auditor).map((m) => m.packageId))
        .size,
      openConflicts: open.get(auditor) ?? 0,
    };
  });
}
