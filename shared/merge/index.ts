/**
 * The merge engine: returns from several auditors into the lead's vault, three-way against
 * the hand-out they started from. `planMerge` → the lead decides → `resolveMerge` → the caller
 * writes `result.writes` in one transaction. The rules are in ARCHITECTURE.md ("Merge rules").
 */
export { planMerge } from './plan';
export { openConflicts, resolveMerge } from './resolve';
export { applyMergeResult, baseOf } from './apply';
export { MERGE_POLICY, tablePolicy, type TablePolicy } from './policy';
export { sentences, mergeTexts } from './text';
export { textSimilarity } from './duplicates';
export { MergeDecisionError, MergeInputError, type DecisionProblem } from './messages';
export * from './types';
