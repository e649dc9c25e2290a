/**
 * The worker side of `runWorkerJob`: takes the one request, runs the handler, reports
 * progress, posts the result (transferring the buffers the handler names) or the failure.
 */
import { type JobProgress, type JobReply, toJobFailure } from './protocol';

/** The parts of a dedicated worker's global scope a job uses (the renderer compiles with DOM types). */
interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

export interface JobContext {
  progress(progress: JobProgress): void;
}

export interface JobOutcome<R> {
  value: R;
  transfer?: Transferable[];
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- names the request type the worker receives
export function serveJob<Request, Result>(
  handler: (request: Request, context: JobContext) => Promise<JobOutcome<Result>>,
  scope: WorkerScope = self as unknown as WorkerScope,
): void {
  const post = (reply: JobReply<Result>, transfer: Transferable[] = []) => {
    scope.postMessage(reply, transfer);
  };
  scope.onmessage = (event: MessageEvent) => {
    const context: JobContext = {
      progress: (progress) => {
        post({ type: 'progress', progress });
      },
    };
    handler(event.data as Request, context).then(
      ({ value, transfer }) => {
        post({ type: 'done', value }, transfer);
      },
      (error: unknown) => {
        post({ type: 'failed', failure: toJobFailure(error) });
      },
    );
  };
}
