import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FileDialogs, formatBytes, openFile, openFiles, saveFile } from './files';
import { handle } from './handle';
import { bytes, invokeEvent } from './testing';

const fs = { stat, readFile, writeFile };

/** A dialog the "user" answers with `answer` (null: cancelled), plus spies on both calls. */
function dialogs(answer: { save?: string | null; open?: string[] | null }) {
  const showSaveDialog = vi.fn((_options: Parameters<FileDialogs['showSaveDialog']>[0]) =>
    Promise.resolve(
      answer.save ? { canceled: false, filePath: answer.save } : { canceled: true, filePath: '' },
    ),
  );
  const showOpenDialog = vi.fn((_options: Parameters<FileDialogs['showOpenDialog']>[0]) =>
    Promise.resolve(
      answer.open ? { canceled: false, filePaths: answer.open } : { canceled: true, filePaths: [] },
    ),
  );
  return { showSaveDialog, showOpenDialog } satisfies FileDialogs;
}

describe('file handlers', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'aw-files-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe('file:save', () => {
    it('writes the bytes where the user chose', async () => {
      const target = path.join(dir, 'chosen.xlsx');
      const dialog = dialogs({ save: target });
      const save = handle('file:save', saveFile({ dialog, fs }));
      const filters = [{ name: 'Excel', extensions: ['xlsx'] }];
      const result = await save(invokeEvent(), {
        suggestedName: '稽核工作底稿.xlsx',
        data: bytes(80, 75, 3, 4),
        filters,
      });
      expect(result).toEqual({ ok: true, value: { saved: true } });
      expect([...(await readFile(target))]).toEqual([80, 75, 3, 4]);
      expect(dialog.showSaveDialog).toHaveBeenCalledWith(
        expect.objectContaining({ defaultPath: '稽核工作底稿.xlsx', filters }),
      );
    });

    it('answers saved: false when the user cancels', async () => {
      const save = handle('file:save', saveFile({ dialog: dialogs({ save: null }), fs }));
      const result = await save(invokeEvent(), { suggestedName: 'a.xlsx', data: bytes(1) });
      expect(result).toEqual({ ok: true, value: { saved: false } });
    });

    it('reports a failed write as failed, not as a throw', async () => {
      const target = path.join(dir, 'no-such-folder', 'a.xlsx');
      const save = handle(
        'file:save',
        saveFile({ dialog: dialogs({ save: target }), fs }),
        () => undefined,
      );
      const result = await save(invokeEvent(), { suggestedName: 'a.xlsx', data: bytes(1) });
      expect(result).toMatchObject({ ok: false, error: { code: 'failed' } });
    });
  });

  describe('file:open', () => {
    it('returns the base name and the bytes as a plain Uint8Array', async () => {
      const source = path.join(dir, 'evidence.csv');
      await writeFile(source, 'a,b\n1,2\n');
      const dialog = dialogs({ open: [source] });
      const open = handle('file:open', openFile({ dialog, fs }));
      const result = await open(invokeEvent(), { maxBytes: 1024 });
      expect(result.ok).toBe(true);
      if (!result.ok || !result.value) throw new Error('expected a file');
      expect(result.value.name).toBe('evidence.csv');
      expect(result.value.data.constructor).toBe(Uint8Array);
      expect(new TextDecoder().decode(result.value.data)).toBe('a,b\n1,2\n');
      expect(dialog.showOpenDialog).toHaveBeenCalledWith({ properties: ['openFile'] });
    });

    it('answers null when the user cancels', async () => {
      const open = handle('file:open', openFile({ dialog: dialogs({ open: null }), fs }));
      expect(await open(invokeEvent(), { maxBytes: 10 })).toEqual({ ok: true, value: null });
    });

    it('refuses a file larger than maxBytes with a message that says so', async () => {
      const source = path.join(dir, 'big.csv');
      await writeFile(source, new Uint8Array(2048));
      const read = vi.fn((filePath: string) => readFile(filePath));
      const open = handle(
        'file:open',
        openFile({ dialog: dialogs({ open: [source] }), fs: { ...fs, readFile: read } }),
      );
      const result = await open(invokeEvent(), { maxBytes: 1024 });
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'failed',
          message: 'big.csv is 2.0 KiB, larger than the 1.0 KiB allowed here',
        },
      });
      expect(read).not.toHaveBeenCalled();
    });

    it('refuses a folder', async () => {
      const open = handle('file:open', openFile({ dialog: dialogs({ open: [dir] }), fs }));
      const result = await open(invokeEvent(), { maxBytes: 1024 });
      expect(result).toMatchObject({ ok: false, error: { code: 'failed' } });
      expect(!result.ok && result.error.message).toContain('not a regular file');
    });
  });
});

describe('files:open', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'aw-files-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function files(sizes: number[]): Promise<string[]> {
    return Promise.all(
      sizes.map(async (size, i) => {
        const file = path.join(dir, `return-${i + 1}.awpkg`);
        await writeFile(file, new Uint8Array(size).fill(i + 1));
        return file;
      }),
    );
  }

  it('returns every file chosen, in order, from a dialog that allows several', async () => {
    const dialog = dialogs({ open: await files([10, 20, 30]) });
    const open = handle('files:open', openFiles({ dialog, fs }));
    const result = await open(invokeEvent(), { maxBytes: 1024, maxFiles: 20 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.map((f) => [f.name, f.data.byteLength, f.data[0]])).toEqual([
      ['return-1.awpkg', 10, 1],
      ['return-2.awpkg', 20, 2],
      ['return-3.awpkg', 30, 3],
    ]);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith({
      properties: ['openFile', 'multiSelections'],
    });
  });

  it('answers an empty list when the user cancels', async () => {
    const open = handle('files:open', openFiles({ dialog: dialogs({ open: null }), fs }));
    expect(await open(invokeEvent(), { maxBytes: 10, maxFiles: 5 })).toEqual({
      ok: true,
      value: [],
    });
  });

  it('refuses more files than asked for, and one too large, before reading any', async () => {
    const read = vi.fn((filePath: string) => readFile(filePath));
    const tooMany = handle(
      'files:open',
      openFiles({
        dialog: dialogs({ open: await files([1, 1, 1]) }),
        fs: { ...fs, readFile: read },
      }),
    );
    expect(await tooMany(invokeEvent(), { maxBytes: 10, maxFiles: 2 })).toMatchObject({
      ok: false,
      error: { message: '3 files chosen; at most 2 at once' },
    });
    const oneLarge = handle(
      'files:open',
      openFiles({
        dialog: dialogs({ open: await files([10, 2048, 10]) }),
        fs: { ...fs, readFile: read },
      }),
    );
    expect(await oneLarge(invokeEvent(), { maxBytes: 1024, maxFiles: 5 })).toMatchObject({
      ok: false,
      error: { message: 'return-2.awpkg is 2.0 KiB, larger than the 1.0 KiB allowed here' },
    });
    expect(read).not.toHaveBeenCalled();
  });

  it('refuses a request whose limits together exceed what the host will hold', async () => {
    const open = handle('files:open', openFiles({ dialog: dialogs({ open: [] }), fs }));
    const result = await open(invokeEvent(), { maxBytes: 512 * 1024 * 1024, maxFiles: 50 });
    expect(result).toMatchObject({ ok: false });
  });
});

describe('formatBytes', () => {
  it('picks a readable unit', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(512 * 1024 * 1024)).toBe('512 MiB');
  });
});
