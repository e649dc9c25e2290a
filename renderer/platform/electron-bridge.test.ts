import { describe, expect, it, vi } from 'vitest';
import type { IpcEvent, WorkbenchBridge } from '../../shared/ipc/contract';
import { workbookSpec } from '../../shared/workpapers/testing/specs';
import { electronPlatform } from './electron-bridge';
import { PlatformError } from './platform';

type ProgressListener = (event: IpcEvent<'workpaper:progress'>) => void;

/** A preload bridge whose `workpaper:save` the test answers by hand. */
function fakeBridge() {
  const progress = new Set<ProgressListener>();
  let answer: (value: unknown) => void = () => undefined;
  const save = vi.fn(
    (_request: unknown) =>
      new Promise((resolve) => {
        answer = resolve;
      }),
  );
  const cancel = vi.fn((_request: unknown) =>
    Promise.resolve({ ok: true, value: { cancelled: true } }),
  );
  const bridge = {
    invoke: { 'workpaper:save': save, 'workpaper:cancel': cancel },
    subscribe: {
      'workpaper:progress': (listener: ProgressListener) => {
        progress.add(listener);
        return () => progress.delete(listener);
      },
    },
  } as unknown as WorkbenchBridge;
  return {
    bridge,
    save,
    cancel,
    progress,
    emit: (event: IpcEvent<'workpaper:progress'>) => {
      for (const listener of progress) listener(event);
    },
    answer: (value: unknown) => {
      answer(value);
    },
  };
}

const request = { suggestedName: 'a.xlsx', spec: workbookSpec(), password: null };

describe('electronPlatform().saveWorkpaper', () => {
  it('sends the request under a fresh job id and passes on only its own progress', async () => {
    const fake = fakeBridge();
    const onProgress = vi.fn();
    const saving = electronPlatform(fake.bridge).saveWorkpaper?.(request, { onProgress });
    const sent = fake.save.mock.calls[0]?.[0] as { jobId: string };
    expect(sent).toEqual({
      ...request,
      jobId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
    });
    fake.emit({ jobId: 'someone-else', rowsWritten: 5, totalRows: 9 });
    fake.emit({ jobId: sent.jobId, rowsWritten: 3, totalRows: 9 });
    fake.answer({ ok: true, value: { saved: true, bytes: 1234 } });
    await expect(saving).resolves.toEqual({ saved: true, bytes: 1234 });
    expect(onProgress).toHaveBeenCalledExactlyOnceWith(3, 9);
    expect(fake.progress.size).toBe(0);
    expect(fake.cancel).not.toHaveBeenCalled();
  });

  it('cancels its own job when the signal aborts', async () => {
    const fake = fakeBridge();
    const controller = new AbortController();
    const saving = electronPlatform(fake.bridge).saveWorkpaper?.(request, {
      signal: controller.signal,
    });
    const { jobId } = fake.save.mock.calls[0]?.[0] as { jobId: string };
    controller.abort();
    expect(fake.cancel).toHaveBeenCalledExactlyOnceWith({ jobId });
    fake.answer({ ok: true, value: { saved: false, bytes: 0 } });
    await expect(saving).resolves.toEqual({ saved: false, bytes: 0 });
  });

  it('asks nothing when already aborted', async () => {
    const fake = fakeBridge();
    const controller = new AbortController();
    controller.abort();
    await expect(
      electronPlatform(fake.bridge).saveWorkpaper?.(request, { signal: controller.signal }),
    ).resolves.toEqual({ saved: false, bytes: 0 });
    expect(fake.save).not.toHaveBeenCalled();
  });

  it('turns a refusal into a PlatformError and stops listening', async () => {
    const fake = fakeBridge();
    const saving = electronPlatform(fake.bridge).saveWorkpaper?.(request);
    fake.answer({ ok: false, error: { code: 'failed', message: 'a.xlsx could not be written' } });
    await expect(saving).rejects.toBeInstanceOf(PlatformError);
    expect(fake.progress.size).toBe(0);
  });
});
