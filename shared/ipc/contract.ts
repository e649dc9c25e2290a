/**
 * The one IPC contract between the renderer and the Electron main process.
 *
 * The preload bridge and the main-process registration table are both derived from
 * `invokeChannels` and `eventChannels`, so no channel name is typed twice. Every request is
 * validated with its schema in the main process; answers cross the boundary as `IpcResult`
 * values, never as thrown errors.
 */
import { z } from 'zod';
import { workbookSpecSchema } from '../workpapers/spec-schema';
import { BRIDGE_KEY, eventChannelNames, invokeChannelNames } from './channels';

/** A file name the user may be offered in a save dialog: a name, never a path. */
const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[\\/:*?"<>|\0]/.test(name) && name !== '.' && name !== '..', {
    message: 'must be a plain file name without path separators or reserved characters',
  });

const fileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/i))
    .min(1)
    .max(10),
});

/** The largest file the host will save or open for the renderer (512 MiB). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** At most this many files in one `files:open`, and this many bytes together (2 GiB). */
export const MAX_OPEN_FILES = 50;
export const MAX_OPEN_TOTAL_BYTES = 2 * 1024 * 1024 * 1024;

const bytes = z
  .instanceof(Uint8Array)
  .refine((data) => data.byteLength <= MAX_FILE_BYTES, { message: 'is larger than 512 MiB' });

/** A vault's id (UUIDv7, lower case), never a path or a name. */
const vaultId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

/** The newest trail entry of a vault this machine saw: its sequence number and hash. */
const trailAnchor = z
  .object({
    seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

/** Names one workpaper save, so its progress events and its cancel find it (a random UUID). */
const jobId = z.uuid();

export const invokeChannels = {
  /** Version and runtime of the host, shown in the about box and printed on workpapers. */
  'app:info': {
    request: z.undefined(),
    result: z.object({
      version: z.string(),
      host: z.enum(['electron', 'browser']),
      hostVersion: z.string(),
    }),
  },
  /** Save bytes through a native save dialog. `saved: false` when the user cancels. */
  'file:save': {
    request: z
      .object({
        suggestedName: fileName,
        data: bytes,
        filters: z.array(fileFilter).max(10).optional(),
      })
      .strict(),
    result: z.object({ saved: z.boolean() }),
  },
  /** Let the user pick one file to read. `null` when the user cancels. */
  'file:open': {
    request: z
      .object({
        filters: z.array(fileFilter).max(10).optional(),
        maxBytes: z.number().int().positive().max(MAX_FILE_BYTES),
      })
      .strict(),
    result: z.object({ name: z.string(), data: z.instanceof(Uint8Array) }).nullable(),
  },
  /**
   * Let the user pick several files at once (the merge's return packages). Each is checked
   * against `maxBytes` and all of them before any is read, so the answer stays bounded by
   * `maxFiles` × `maxBytes`. An empty list when the user cancels.
   */
  'files:open': {
    request: z
      .object({
        filters: z.array(fileFilter).max(10).optional(),
        maxBytes: z.number().int().positive().max(MAX_FILE_BYTES),
        maxFiles: z.number().int().min(1).max(MAX_OPEN_FILES),
      })
      .strict()
      .refine((r) => r.maxBytes * r.maxFiles <= MAX_OPEN_TOTAL_BYTES, {
        message: `maxBytes × maxFiles is at most ${MAX_OPEN_TOTAL_BYTES} bytes`,
      }),
    result: z
      .array(z.object({ name: z.string(), data: z.instanceof(Uint8Array) }))
      .max(MAX_OPEN_FILES),
  },
  /**
   * Save a workpaper described by `spec` through a native save dialog: the main process writes
   * it in an export utility process with exceljs's streaming writer (Electron only; the browser
   * edition writes the bytes in a worker and downloads them). Progress comes as
   * `workpaper:progress` events with the same `jobId`; `workpaper:cancel` stops it, leaving no
   * file. `saved: false` when the user cancels the dialog or the export.
   */
  'workpaper:save': {
    request: z
      .object({
        jobId,
        suggestedName: fileName,
        spec: workbookSpecSchema,
        /** Encrypts the file (ECMA-376 agile); at most 255 characters, as `encryptOoxml` takes. */
        password: z.string().min(1).max(255).nullable(),
      })
      .strict(),
    result: z.object({ saved: z.boolean(), bytes: z.number().int().nonnegative() }),
  },
  /** Stop the workpaper save `jobId`. `cancelled: false` when no such save is running. */
  'workpaper:cancel': {
    request: z.object({ jobId }).strict(),
    result: z.object({ cancelled: z.boolean() }),
  },
  /**
   * The trail head this machine last saw for a vault, kept outside the vault's database and
   * sealed with the operating system's key store (`safeStorage`), so a database put back from
   * an older copy is noticed. `null` when none is kept (or the key store is unavailable).
   */
  'anchor:read': {
    request: z.object({ vaultId }).strict(),
    result: trailAnchor.nullable(),
  },
  /** Remembers a vault's newest trail head. `written: false` when no key store is available. */
  'anchor:write': {
    request: z.object({ vaultId, anchor: trailAnchor }).strict(),
    result: z.object({ written: z.boolean() }),
  },
} as const;

/** Events the main process sends to the renderer. */
export const eventChannels = {
  /** The machine is going to sleep or the screen was locked: lock every open vault now. */
  'session:lock': z.object({ reason: z.enum(['suspend', 'lock-screen', 'user']) }),
  /** Rows of a `workpaper:save` written so far, over all sheets; sent to the page that asked. */
  'workpaper:progress': z.object({
    jobId: z.string(),
    rowsWritten: z.number().int().nonnegative(),
    totalRows: z.number().int().nonnegative(),
  }),
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
export type EventChannel = keyof typeof eventChannels;
export type IpcRequest<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['request']>;
export type IpcValue<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['result']>;
export type IpcEvent<C extends EventChannel> = z.output<(typeof eventChannels)[C]>;

export type IpcErrorCode = 'invalid-request' | 'forbidden-sender' | 'failed';
export type IpcResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode; message: string } };

/**
 * The API the preload exposes on `window.workbench`, derived from the contract: one named
 * function per invoke channel and one subscribe function per event channel. Never
 * `ipcRenderer` itself.
 */
export type WorkbenchBridge = {
  invoke: { [C in InvokeChannel]: (request: IpcRequest<C>) => Promise<IpcResult<IpcValue<C>>> };
  subscribe: { [C in EventChannel]: (listener: (event: IpcEvent<C>) => void) => () => void };
};

export { BRIDGE_KEY, eventChannelNames, invokeChannelNames };

// The zod-free name lists must name exactly the channels that have schemas.
type SameKeys<A extends string, B extends string> = [A] extends [B]
  ? [B] extends [A]
    ? true
    : never
  : never;
export const CHANNEL_LISTS_MATCH: [
  SameKeys<(typeof invokeChannelNames)[number], InvokeChannel>,
  SameKeys<(typeof eventChannelNames)[number], EventChannel>,
] = [true, true];
