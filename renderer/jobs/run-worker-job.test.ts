import { describe, expect, it } from 'vitest';
import { ImportError, bi } from '../../shared/import/errors';
import { JobCancelledError, JobError, type JobProgress } from './protocol';
import { runWorkerJob, type WorkerLike } from './run-worker-job';
import { serveJob, type JobContext, type JobOutcome } from './serve-job';

/** A worker and its scope wired to each other in one thread, with structured cloning. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- mirrors serveJob
function fakeWorker<Req, Res>(
  handler: (request: Req, context: JobContext) => Promise<JobOutcome<Res>>,
) {
  const state = { terminated: false };
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      setTimeout(() => scope.onmessage?.({ data: structuredClone(message) } as MessageEvent), 0);
    },
    terminate() {
      state.terminated = true;
    },
  };
  const scope = {
    onmessage: null as ((event: MessageEvent) => void) | null,
    postMessage(message: unknown) {
      if (state.terminated) return;
      worker.onmessage?.({ data: structuredClone(message) } as MessageEvent);
    },
  };
  serveJob(handler, scope);
  return { worker, state };
}

describe('worker jobs', () => {
  it('reports progress and resolves with the result, then terminates the worker', async () => {
    const { worker, state } = fakeWorker<{ n: number }, number>(async ({ n }, context) => {
      for (let i = 1; i <= n; i++) context.progress({ phase: 'count', done: i, total: n });
      return Promise.resolve({ value: n * 2 });
    });
    const seen: JobProgress[] = [];
    const result = await runWorkerJob<number>(
      () => worker,
      { n: 3 },
      {
        onProgress: (p) => seen.push(p),
      },
    );
    expect(result).toBe(6);
    expect(seen.map((p) => p.done)).toEqual([1, 2, 3]);
    expect(state.terminated).toBe(true);
  });

  it('rebuilds a bilingual error from the worker', async () => {
    const { worker } = fakeWorker<null, never>(() =>
      Promise.reject(new ImportError('damaged', bi('檔案已損毀。', 'The file is damaged.'))),
    );
    const error = await runWorkerJob(() => worker, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobError);
    expect(error).toMatchObject({
      message: 'The file is damaged.',
      code: 'damaged',
      text: { 'zh-TW': '檔案已損毀。', en: 'The file is damaged.' },
    });
  });

  it('cancels: rejects at once and terminates the worker, whose late reply is ignored', async () => {
    let release = () => {};
    const { worker, state } = fakeWorker<null, string>(
      () =>
        new Promise((resolve) => {
          release = () => resolve({ value: 'late' });
        }),
    );
    const controller = new AbortController();
    const job = runWorkerJob<string>(() => worker, null, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(job).rejects.toBeInstanceOf(JobCancelledError);
    expect(state.terminated).toBe(true);
    release();
  });

  it('does not start a job whose signal is already aborted', async () => {
    let spawned = false;
    const controller = new AbortController();
    controller.abort();
    await expect(
      runWorkerJob(
        () => {
          spawned = true;
          return fakeWorker(() => Promise.resolve({ value: 1 })).worker;
        },
        null,
        { signal: controller.signal },
      ),
    ).rejects.toBeInstanceOf(JobCancelledError);
    expect(spawned).toBe(false);
  });
});
