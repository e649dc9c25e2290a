import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SheetSpec } from '../../../shared/workpapers/model';
import { sheetSpec, workbookSpec } from '../../../shared/workpapers/testing/specs';
import { BATCH_ROWS, streamWorkbook } from '../../node/xlsx-stream-write';
import type { FromExportUtility } from './protocol';
import { type ExportUtilityDeps, serveExport } from './serve-export';

/** A stand-in for `process.parentPort`: what the main process sends, what comes back. */
function fakePort() {
  let listener: (event: { data: unknown }) => void = () => undefined;
  const posted: FromExportUtility[] = [];
  const waiters: (() => void)[] = [];
  return {
    posted,
    port: {
      on: (_event: 'message', l: (event: { data: unknown }) => void) => {
        listener = l;
      },
      postMessage: (message: FromExportUtility) => {
        posted.push(message);
        for (const wake of waiters.splice(0)) wake();
      },
    },
    send: (data: unknown) => {
      listener({ data });
    },
    /** Resolves once a final message (done, cancelled, failed) has been posted. */
    final: async (): Promise<FromExportUtility> => {
      for (;;) {
        const last = posted.find((m) => m.type !== 'progress');
        if (last) return last;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
  };
}

const rows = (n: number): SheetSpec['rows'] =>
  Array.from({ length: n }, (_, r) => [`A-${r}`, null, { text: `note ${r}` }, null, 'open']);

describe('serveExport', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'aw-utility-'));
  });
  afterEach(async () => {
    vi.useRealTimers();
    await rm(dir, { recursive: true, force: true });
  });

  function serve(write: ExportUtilityDeps['write'] = streamWorkbook) {
    const port = fakePort();
    const exit = vi.fn();
    serveExport(port.port, { write, exit });
    return { ...port, exit };
  }

  it('streams the workbook to the chosen file, reporting progress, then exits', async () => {
    const utility = serve();
    const filePath = path.join(dir, 'workpaper.xlsx');
    const spec = workbookSpec([sheetSpec({ rows: rows(BATCH_ROWS * 2) })]);
    utility.send({ type: 'start', spec, filePath, password: null });
    const final = await utility.final();
    expect(final).toMatchObject({ type: 'done', bytes: expect.any(Number) as unknown });
    expect(utility.posted[0]).toEqual({ type: 'progress', rowsWritten: 0, totalRows: 1000 });
    expect(utility.posted).toContainEqual({ type: 'progress', rowsWritten: 500, totalRows: 1000 });
    expect(utility.posted.at(-2)).toEqual({
      type: 'progress',
      rowsWritten: 1000,
      totalRows: 1000,
    });
    expect(await readdir(dir)).toEqual(['workpaper.xlsx']);
    await vi.waitFor(() => {
      expect(utility.exit).toHaveBeenCalledExactlyOnceWith(0);
    });
  });

  it('answers cancelled and leaves no file when cancelled mid-way', async () => {
    const utility = serve();
    const spec = workbookSpec([sheetSpec({ rows: rows(BATCH_ROWS * 20) })]);
    utility.send({ type: 'start', spec, filePath: path.join(dir, 'a.xlsx'), password: null });
    await vi.waitFor(() => {
      expect(utility.posted.some((m) => m.type === 'progress' && m.rowsWritten > 0)).toBe(true);
    });
    utility.send({ type: 'cancel' });
    expect(await utility.final()).toEqual({ type: 'cancelled' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('answers cancelled at once when cancelled before it started', () => {
    vi.useFakeTimers();
    const write = vi.fn(streamWorkbook);
    const utility = serve(write);
    utility.send({ type: 'cancel' });
    utility.send({ type: 'start', spec: workbookSpec(), filePath: path.join(dir, 'a.xlsx') });
    expect(utility.posted).toEqual([{ type: 'cancelled' }]);
    expect(write).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(utility.exit).toHaveBeenCalledExactlyOnceWith(0);
  });

  it("reports the file system's refusal with its code", async () => {
    const utility = serve();
    const filePath = path.join(dir, 'no-such-folder', 'a.xlsx');
    utility.send({ type: 'start', spec: workbookSpec(), filePath, password: null });
    expect(await utility.final()).toMatchObject({ type: 'failed', code: 'ENOENT' });
  });

  it('ignores malformed messages and a second start', async () => {
    let release: (value: { bytes: number }) => void = () => undefined;
    const write = vi.fn(
      () =>
        new Promise<{ bytes: number }>((resolve) => {
          release = resolve;
        }),
    );
    const utility = serve(write);
    for (const junk of [
      null,
      'start',
      { type: 'start' },
      { type: 'start', spec: {}, filePath: 1 },
    ]) {
      utility.send(junk);
    }
    expect(write).not.toHaveBeenCalled();
    const start = { type: 'start', spec: workbookSpec(), filePath: '/x.xlsx', password: 'pw' };
    utility.send(start);
    utility.send(start);
    expect(write).toHaveBeenCalledOnce();
    expect(write.mock.calls[0]).toMatchObject([start.spec, '/x.xlsx', { password: 'pw' }]);
    release({ bytes: 7 });
    expect(await utility.final()).toEqual({ type: 'done', bytes: 7 });
  });
});
