/** Test helpers for the workpaper export: its worker run in this thread. */
import { toJobFailure, type JobProgress, type JobReply } from '../../jobs/protocol';
import type { WorkerLike } from '../../jobs/run-worker-job';
import type { JobContext, JobOutcome } from '../../jobs/serve-job';
import { runExportJob, runExportSpecJob, type ExportJobRequest } from './export-job';

/** A worker stand-in that runs the export job functions in this thread, recording both ways. */
export function inProcessWorker(requests: unknown[], replies: unknown[] = []): () => WorkerLike {
  return () => {
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      terminate: () => undefined,
      postMessage: (message: unknown) => {
        requests.push(message);
        const request = message as ExportJobRequest | { mode: 'spec' };
        const post = (reply: JobReply<unknown>) =>
          worker.onmessage?.({ data: reply } as MessageEvent);
        const context: JobContext = {
          progress: (progress: JobProgress) => {
            post({ type: 'progress', progress });
          },
        };
        const run: Promise<JobOutcome<unknown>> =
          request.mode === 'spec'
            ? runExportSpecJob(message as Parameters<typeof runExportSpecJob>[0], context)
            : runExportJob(message as ExportJobRequest, context);
        run.then(
          ({ value }) => {
            replies.push(value);
            post({ type: 'done', value });
          },
          (error: unknown) => {
            post({ type: 'failed', failure: toJobFailure(error) });
          },
        );
      },
    };
    return worker;
  };
}
