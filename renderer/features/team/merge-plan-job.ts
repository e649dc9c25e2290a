/**
 * What the merge worker does, as a plain function (tested in Node): `planMerge` with the
 * vault tables' schemas, reporting progress; cancelling terminates the worker, and workers
 * never write, so a cancelled plan leaves the vault as it was.
 */
import {
  type MergeInput,
  type MergePlan,
  type MergeProgress,
  type PayloadSchema,
  planMerge,
} from '../../../shared/merge';
import { ENGAGEMENT_TABLES, tableSpec } from '../../data/tables';

export interface PlanRequest {
  input: MergeInput;
  mergeId: string;
  at: string;
  by: string;
}

/** The payload schemas of the tables a merge may write: the engagement's, never the team's. */
export function engagementSchemas(): Record<string, PayloadSchema> {
  return Object.fromEntries(ENGAGEMENT_TABLES.map((t) => [t, tableSpec(t).schema]));
}

export function runPlan(
  request: PlanRequest,
  onProgress?: (progress: MergeProgress) => void,
  signal?: AbortSignal,
): Promise<MergePlan> {
  return planMerge(request.input, {
    schemas: engagementSchemas(),
    mergeId: request.mergeId,
    at: request.at,
    by: request.by,
    ...(onProgress ? { onProgress } : {}),
    ...(signal ? { signal } : {}),
  });
}
