/**
 * Runs one job in a fresh worker and resolves with its result. One worker per job: nothing
 * lingers between jobs (no decrypted records left in a worker's memory), and cancelling is
 * `terminate()`, which stops even a library call that cannot be interrupted (exceljs).
 */
import { JobCancelledError, JobError, type JobProgress, type JobReply } from './protocol';

/** What the job runner needs of a Worker; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface RunJobOptions {
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
  /** Buffers handed to the worker rather than copied (the caller must not use them again). */
  transfer?: Transferable[];
}

export function runWorkerJob<Result>(
  spawn: () => WorkerLike,
  request: unknown,
  options: RunJobOptions = {},
): Promise<Result> {
  const { signal, onProgress, transfer = [] } = options;
  if (signal?.aborted) return Promise.reject(new JobCancelledError());
  return new Promise<Result>((resolve, reject) => {
    const worker = spawn();
    const finish = () => {
      worker.terminate();
      worker.onmessage = null;
      worker.onerror = null;
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new JobCancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent) => {
      const reply = event.data as JobReply<Result>;
      if (reply.type === 'progress') {
        onProgress?.(reply.progress);
        return;
      }
      finish();
      if (reply.type === 'done') resolve(reply.value);
      else reject(new JobError(reply.failure));
    };
    worker.onerror = (event: ErrorEvent) => {
      finish();
      reject(new JobError({ name: 'WorkerError', message: event.message || 'The worker failed.' }));
    };
    worker.postMessage(request, transfer);
  });
}
