/**
 * The main-process side of a large workpaper save, with Electron's dialog and utility process
 * replaced: a fake process that answers as `serveExport` does, and, in the last test, the real
 * `serveExport` and streaming writer behind an in-process stand-in for the utility process.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sheetSpec, workbookSpec } from '../../../shared/workpapers/testing/specs';
import { BATCH_ROWS, streamWorkbook } from '../../node/xlsx-stream-write';
import type { ExportStart, ToExportUtility } from '../export/protocol';
import { serveExport } from '../export/serve-export';
import { handle } from './handle';
import { invokeEvent } from './testing';
import {
  CANCEL_GRACE_MS,
  type ExportProcess,
  runExportProcess,
  type WorkpaperDeps,
  workpaperHandlers,
} from './workpaper';

const JOB = '0b0f1d7e-8c7a-4b8e-9d2a-3c4e5f607182';

/** A utility process the test drives by hand: what it was sent, and a way to answer. */
function fakeProcess() {
  const received: ToExportUtility[] = [];
  let onMessage: (message: unknown) => void = () => undefined;
  let onExit: (code: number) => void = () => undefined;
  const child = {
    received,
    killed: 0,
    postMessage(message: ToExportUtility) {
      received.push(message);
    },
    on(event: 'message' | 'exit', listener: (arg: never) => void) {
      if (event === 'message') onMessage = listener as (message: unknown) => void;
      else onExit = listener as (code: number) => void;
      return child;
    },
    kill() {
      child.killed += 1;
      return true;
    },
    /** A `FromExportUtility`, or junk. */
    answer(message: unknown) {
      onMessage(message);
    },
    exit(code: number) {
      onExit(code);
    },
  };
  return child;
}

function saveDialog(filePath: string | null) {
  return {
    showSaveDialog: vi.fn((_options: unknown) =>
      Promise.resolve(filePath === null ? { canceled: true } : { canceled: false, filePath }),
    ),
  };
}

function setUp(filePath: string | null = '/home/auditor/工作底稿.xlsx') {
  const children: ReturnType<typeof fakeProcess>[] = [];
  const deps: WorkpaperDeps = {
    dialog: saveDialog(filePath),
    forkExportProcess: () => {
      const child = fakeProcess();
      children.push(child);
      return child;
    },
  };
  const handlers = workpaperHandlers(deps);
  return {
    deps,
    children,
    save: handle('workpaper:save', handlers.save, () => undefined),
    cancel: handle('workpaper:cancel', handlers.cancel),
  };
}

const request = (overrides: Record<string, unknown> = {}) => ({
  jobId: JOB,
  suggestedName: '113 年度資訊安全自評-2025-03-05.xlsx',
  spec: workbookSpec(),
  password: null,
  ...overrides,
});

/** Lets the handler get past the dialog and fork. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('workpaper:save', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks where to save, streams there in a utility process and relays its progress', async () => {
    const { deps, children, save } = setUp();
    const event = invokeEvent();
    const answer = save(event, request({ password: 'file password 1' }));
    await settle();
    expect(deps.dialog.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: '113 年度資訊安全自評-2025-03-05.xlsx',
      filters: [{ name: 'Excel', extensions: ['xlsx'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    const [child] = children;
    if (child === undefined) throw new Error('no utility process');
    expect(child.received).toEqual([
      {
        type: 'start',
        spec: workbookSpec(),
        filePath: '/home/auditor/工作底稿.xlsx',
        password: 'file password 1',
      } satisfies ExportStart,
    ]);
    child.answer({ type: 'progress', rowsWritten: 0, totalRows: 2 });
    child.answer({ type: 'progress', rowsWritten: 2, totalRows: 2 });
    child.answer({ type: 'done', bytes: 6_543 });
    expect(await answer).toEqual({ ok: true, value: { saved: true, bytes: 6_543 } });
    expect(event.sender.sent).toEqual([
      { channel: 'workpaper:progress', payload: { jobId: JOB, rowsWritten: 0, totalRows: 2 } },
      { channel: 'workpaper:progress', payload: { jobId: JOB, rowsWritten: 2, totalRows: 2 } },
    ]);
    expect(child.killed).toBe(1);
  });

  it('starts nothing when the user cancels the dialog', async () => {
    const { children, save } = setUp(null);
    expect(await save(invokeEvent(), request())).toEqual({
      ok: true,
      value: { saved: false, bytes: 0 },
    });
    expect(children).toHaveLength(0);
  });

  it('validates the spec before asking anything, naming the cell', async () => {
    const { deps, save } = setUp();
    const spec = workbookSpec([sheetSpec({ rows: [['A-1', Number.NaN]] })]);
    const result = await save(invokeEvent(), request({ spec }));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'spec.sheets.0.rows.0.1: is not a finite number',
      },
    });
    expect(deps.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it.each([
    ['a path as name', { suggestedName: '../x.xlsx' }, 'suggestedName'],
    ['no job id', { jobId: 'job-1' }, 'jobId'],
    ['an empty password', { password: '' }, 'password'],
    ['an extra key', { filePath: '/etc/passwd' }, '"filePath"'],
  ])('refuses %s', async (_label, overrides, field) => {
    const { save } = setUp();
    const result = await save(invokeEvent(), request(overrides));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(!result.ok && result.error.message).toContain(field);
  });

  it('refuses a foreign sender', async () => {
    const { deps, save } = setUp();
    const result = await save(invokeEvent('https://evil.example/'), request());
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(deps.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('cancels: asks the utility to stop and answers saved: false when it has', async () => {
    const { children, save, cancel } = setUp();
    const answer = save(invokeEvent(), request());
    await settle();
    expect(await cancel(invokeEvent(), { jobId: JOB })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    const [child] = children;
    expect(child?.received.at(-1)).toEqual({ type: 'cancel' });
    child?.answer({ type: 'cancelled' });
    expect(await answer).toEqual({ ok: true, value: { saved: false, bytes: 0 } });
    // Finished: nothing left to cancel.
    expect(await cancel(invokeEvent(), { jobId: JOB })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });

  it('cancelled while the dialog is open: starts nothing', async () => {
    const { deps, children, save, cancel } = setUp();
    let choose: (value: { canceled: boolean; filePath: string }) => void = () => undefined;
    deps.dialog.showSaveDialog = () =>
      new Promise((resolve) => {
        choose = resolve;
      });
    const answer = save(invokeEvent(), request());
    await settle();
    await cancel(invokeEvent(), { jobId: JOB });
    choose({ canceled: false, filePath: '/tmp/a.xlsx' });
    expect(await answer).toEqual({ ok: true, value: { saved: false, bytes: 0 } });
    expect(children).toHaveLength(0);
  });

  it('kills a utility that does not stop after a cancel', async () => {
    vi.useFakeTimers();
    const child = fakeProcess();
    const controller = new AbortController();
    const run = runExportProcess(
      () => child,
      { spec: workbookSpec(), filePath: '/tmp/a.xlsx', password: null },
      { signal: controller.signal, onProgress: () => undefined },
    );
    controller.abort();
    await vi.advanceTimersByTimeAsync(CANCEL_GRACE_MS - 1);
    expect(child.killed).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(await run).toBeNull();
    expect(child.killed).toBe(1);
  });

  it('refuses a second save with the same job id while the first runs', async () => {
    const { children, save } = setUp();
    const first = save(invokeEvent(), request());
    await settle();
    expect(await save(invokeEvent(), request())).toEqual({
      ok: false,
      error: { code: 'failed', message: 'This workpaper is already being saved' },
    });
    children[0]?.answer({ type: 'done', bytes: 1 });
    expect(await first).toMatchObject({ ok: true });
  });

  it('tells the user a file system refusal, naming the file, not the folder', async () => {
    const { children, save } = setUp();
    const answer = save(invokeEvent(), request());
    await settle();
    children[0]?.answer({ type: 'failed', name: 'Error', message: 'EBUSY: …', code: 'EBUSY' });
    expect(await answer).toEqual({
      ok: false,
      error: {
        code: 'failed',
        message: '工作底稿.xlsx could not be written: it is open in another program',
      },
    });
  });

  it('reports other failures and a crashed utility only as failed', async () => {
    const { children, save } = setUp();
    for (const end of [
      (child: ReturnType<typeof fakeProcess>) => {
        child.answer({ type: 'failed', name: 'TypeError', message: 'x is undefined' });
      },
      (child: ReturnType<typeof fakeProcess>) => {
        child.exit(134);
      },
    ]) {
      const answer = save(invokeEvent(), request());
      await settle();
      const child = children.at(-1);
      if (child) end(child);
      expect(await answer).toEqual({
        ok: false,
        error: { code: 'failed', message: 'workpaper:save could not be completed' },
      });
    }
  });

  it('ignores malformed messages from the utility', async () => {
    const { children, save } = setUp();
    const event = invokeEvent();
    const answer = save(event, request());
    await settle();
    const [child] = children;
    for (const junk of [null, 'done', { type: 'done' }, { type: 'progress', rowsWritten: -1 }]) {
      child?.answer(junk);
    }
    child?.answer({ type: 'done', bytes: 10 });
    expect(await answer).toEqual({ ok: true, value: { saved: true, bytes: 10 } });
    expect(event.sender.sent).toEqual([]);
  });
});

describe('workpaper:save with the real utility logic', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'aw-save-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /**
   * A stand-in for `utilityProcess.fork`: `serveExport` with the real streaming writer, its
   * messages cloned both ways as Electron's structured clone would.
   */
  function inProcessUtility(): ExportProcess {
    const toMain: ((message: unknown) => void)[] = [];
    const exits: ((code: number) => void)[] = [];
    let toUtility: (event: { data: unknown }) => void = () => undefined;
    let alive = true;
    serveExport(
      {
        on: (_event, listener) => {
          toUtility = listener;
        },
        postMessage: (message) => {
          const copy = structuredClone(message);
          setImmediate(() => {
            for (const listener of toMain) listener(copy);
          });
        },
      },
      {
        write: streamWorkbook,
        exit: (code) => {
          if (!alive) return;
          alive = false;
          for (const listener of exits) listener(code);
        },
      },
    );
    const child = {
      postMessage: (message: ToExportUtility) => {
        toUtility({ data: structuredClone(message) });
      },
      on: (event: 'message' | 'exit', listener: (arg: never) => void) => {
        if (event === 'message') toMain.push(listener as (message: unknown) => void);
        else exits.push(listener as (code: number) => void);
        return child;
      },
      kill: () => {
        alive = false;
        return true;
      },
    };
    return child;
  }

  it('writes the file the user chose and answers its size', async () => {
    const filePath = path.join(dir, '工作底稿.xlsx');
    const handlers = workpaperHandlers({
      dialog: saveDialog(filePath),
      forkExportProcess: inProcessUtility,
    });
    const save = handle('workpaper:save', handlers.save);
    const rows = Array.from({ length: BATCH_ROWS + 1 }, (_, r) => [`A-${r}`]);
    const spec = workbookSpec([sheetSpec({ rows })]);
    const event = invokeEvent();
    const result = await save(event, request({ spec }));
    const bytes = await readFile(filePath);
    expect(result).toEqual({ ok: true, value: { saved: true, bytes: bytes.byteLength } });
    expect(await readdir(dir)).toEqual(['工作底稿.xlsx']);
    expect(event.sender.sent.map((sent) => sent.payload)).toEqual([
      { jobId: JOB, rowsWritten: 0, totalRows: BATCH_ROWS + 1 },
      { jobId: JOB, rowsWritten: BATCH_ROWS, totalRows: BATCH_ROWS + 1 },
      { jobId: JOB, rowsWritten: BATCH_ROWS + 1, totalRows: BATCH_ROWS + 1 },
    ]);
  });
});
