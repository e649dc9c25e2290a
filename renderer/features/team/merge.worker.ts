/** The merge worker: plans a merge off the UI thread (see merge-plan-job.ts). */
import type { MergePlan } from '../../../shared/merge';
import { serveJob } from '../../jobs/serve-job';
import { type PlanRequest, runPlan } from './merge-plan-job';

serveJob<PlanRequest, MergePlan>(async (request, context) => {
  const value = await runPlan(request, (progress) => {
    context.progress({ phase: progress.phase, done: progress.done, total: progress.total });
  });
  return { value };
});
