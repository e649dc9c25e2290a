/**
 * 'file:save', 'file:open' and 'files:open': the only file access the renderer has, always through a native
 * dialog the user answers, so the page can never name a path itself.
 */
import path from 'node:path';
import type { ChannelHandler } from './handle';
import { RefusedError } from './handle';

interface FileFilter {
  name: string;
  extensions: string[];
}

/** The parts of Electron's `dialog` used here (the entry file binds them to the window). */
export interface FileDialogs {
  showSaveDialog(options: {
    defaultPath: string;
    filters?: FileFilter[];
    properties: ('createDirectory' | 'showOverwriteConfirmation')[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: {
    filters?: FileFilter[];
    properties: ('openFile' | 'multiSelections')[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

/** The parts of `node:fs/promises` used here. */
export interface FileSystem {
  stat(filePath: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(filePath: string): Promise<Uint8Array<ArrayBuffer>>;
  writeFile(filePath: string, data: Uint8Array): Promise<void>;
}

export interface FileDeps {
  dialog: FileDialogs;
  fs: FileSystem;
}

export function saveFile(deps: FileDeps): ChannelHandler<'file:save'> {
  return async ({ suggestedName, data, filters }) => {
    const choice = await deps.dialog.showSaveDialog({
      defaultPath: suggestedName,
      ...(filters ? { filters } : {}),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    await deps.fs.writeFile(choice.filePath, data);
    return { saved: true };
  };
}

export function openFile(deps: FileDeps): ChannelHandler<'file:open'> {
  return async ({ filters, maxBytes }) => {
    const choice = await deps.dialog.showOpenDialog({
      ...(filters ? { filters } : {}),
      properties: ['openFile'],
    });
    const filePath = choice.canceled ? undefined : choice.filePaths[0];
    if (!filePath) return null;

    const name = path.basename(filePath);
    const info = await deps.fs.stat(filePath);
    if (!info.isFile()) throw new RefusedError(`${name} is not a regular file`);
    if (info.size > maxBytes) throw tooLarge(name, info.size, maxBytes);
    const data = await deps.fs.readFile(filePath);
    // The file may have grown between stat and read.
    if (data.byteLength > maxBytes) throw tooLarge(name, data.byteLength, maxBytes);
    // A plain Uint8Array view, not a Node Buffer, is what the contract promises the renderer.
    return { name, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  };
}

export function openFiles(deps: FileDeps): ChannelHandler<'files:open'> {
  return async ({ filters, maxBytes, maxFiles }) => {
    const choice = await deps.dialog.showOpenDialog({
      ...(filters ? { filters } : {}),
      properties: ['openFile', 'multiSelections'],
    });
    if (choice.canceled || choice.filePaths.length === 0) return [];
    if (choice.filePaths.length > maxFiles) {
      throw new RefusedError(
        `${choice.filePaths.length} files chosen; at most ${maxFiles} at once`,
      );
    }
    // Every file checked before any is read: a refusal costs nothing.
    for (const filePath of choice.filePaths) {
      const name = path.basename(filePath);
      const info = await deps.fs.stat(filePath);
      if (!info.isFile()) throw new RefusedError(`${name} is not a regular file`);
      if (info.size > maxBytes) throw tooLarge(name, info.size, maxBytes);
    }
    const files: { name: string; data: Uint8Array<ArrayBuffer> }[] = [];
    for (const filePath of choice.filePaths) {
      const name = path.basename(filePath);
      const data = await deps.fs.readFile(filePath);
      if (data.byteLength > maxBytes) throw tooLarge(name, data.byteLength, maxBytes);
      files.push({ name, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
    }
    return files;
  };
}

function tooLarge(name: string, size: number, maxBytes: number): RefusedError {
  return new RefusedError(
    `${name} is ${formatBytes(size)}, larger than the ${formatBytes(maxBytes)} allowed here`,
  );
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0);
  return `${shown} ${units[unit] ?? 'bytes'}`;
}
