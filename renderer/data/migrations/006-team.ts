/**
 * Team work (issue 11): who works on what (`assignments`, children of their inspection), the
 * packages handed out (`handouts`) and the base each round was made from (`handoutBases`), the
 * return packages merged (`mergedPackages`), what the merges recorded per record
 * (`mergeInfo`, keyed by the record's id) and, in an auditor's vault, where it came from
 * (`origin`). Sealed like every record table, with the revision index the unlock check uses.
 * Added after vault format 2, so an upgraded vault counts them only once written
 * (`laterSpec` in tables.ts).
 */
export const migration006 = {
  version: 6,
  stores: {
    assignments: 'id, deleted, parent, rev',
    handouts: 'id, deleted, rev',
    handoutBases: 'id, deleted, rev',
    mergedPackages: 'id, deleted, rev',
    mergeInfo: 'id, deleted, rev',
    origin: 'id, deleted, rev',
  },
} as const;
