/**
 * The one wrapper every IPC handler runs inside. In order: the sender must be a frame of our own
 * `app://workbench` page; the argument must pass the channel's request schema; then the handler
 * runs. Every outcome is an `IpcResult` — nothing is thrown across the process boundary.
 */
import type { z } from 'zod';
import {
  invokeChannels,
  type InvokeChannel,
  type IpcErrorCode,
  type IpcResult,
  type IpcValue,
} from '../../../shared/ipc/contract';
import { isAppUrl } from '../app-origin';
import type { EventReceiver } from '../session-lock';

/** The request after its schema has parsed it. */
export type ParsedRequest<C extends InvokeChannel> = z.output<
  (typeof invokeChannels)[C]['request']
>;

/** Runs after the sender check and validation; `event.sender` is the page that asked. */
export type ChannelHandler<C extends InvokeChannel> = (
  request: ParsedRequest<C>,
  event: InvokeEvent,
) => IpcValue<C> | Promise<IpcValue<C>>;

/** One handler per contract channel: the compiler rejects a missing or an unknown channel. */
export type IpcHandlers = { [C in InvokeChannel]: ChannelHandler<C> };

/** The parts of Electron's `IpcMainInvokeEvent` used here. */
export interface InvokeEvent {
  /** Checked before anything runs: it must be our own page. */
  readonly senderFrame: { readonly url: string } | null | undefined;
  /** The page's WebContents, for events that belong to the request (a save's progress). */
  readonly sender: EventReceiver;
}

export type IpcListener<C extends InvokeChannel> = (
  event: InvokeEvent,
  request: unknown,
) => Promise<IpcResult<IpcValue<C>>>;

/**
 * A refusal the user should read (e.g. "file too large"). Its message crosses the boundary;
 * any other error is logged here and reported only as "failed".
 */
export class RefusedError extends Error {
  override name = 'RefusedError';
}

export type ErrorLog = (message: string, error: unknown) => void;

const defaultLog: ErrorLog = (message, error) => {
  console.error(message, error);
};

export function isTrustedSender(event: Pick<InvokeEvent, 'senderFrame'>): boolean {
  try {
    const frame = event.senderFrame;
    return frame != null && isAppUrl(frame.url);
  } catch {
    // Electron throws when a frame was disposed between the send and this check.
    return false;
  }
}

/** Describes each problem as "field: what is wrong", so the caller can find it. */
export function describeIssues(error: z.ZodError, request: unknown): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : 'request';
      // zod's message for a failed instanceof check is a bare "Invalid input"; say what came
      // (its type only: the value itself may be confidential).
      const bare = issue.code === 'custom' && issue.message === 'Invalid input';
      const got = bare ? ` (got ${typeName(valueAt(request, issue.path))})` : '';
      return `${field}: ${issue.message}${got}`;
    })
    .join('; ');
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function typeName(value: unknown): string {
  // "[object Array]" → "Array"; primitives keep typeof's lower-case names.
  return typeof value === 'object'
    ? Object.prototype.toString.call(value).slice(8, -1)
    : typeof value;
}

export function handle<C extends InvokeChannel>(
  channel: C,
  handler: ChannelHandler<C>,
  log: ErrorLog = defaultLog,
): IpcListener<C> {
  const schema = invokeChannels[channel].request;
  return async (event, request) => {
    if (!isTrustedSender(event)) {
      return failure('forbidden-sender', `${channel} is only answered for the workbench page`);
    }
    const parsed = schema.safeParse(request);
    if (!parsed.success) return failure('invalid-request', describeIssues(parsed.error, request));
    try {
      // TypeScript cannot correlate the union of schemas with C; the schema is C's own.
      return { ok: true, value: await handler(parsed.data as ParsedRequest<C>, event) };
    } catch (error) {
      if (error instanceof RefusedError) return failure('failed', error.message);
      log(`IPC ${channel} failed`, error);
      return failure('failed', `${channel} could not be completed`);
    }
  };
}

function failure(code: IpcErrorCode, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}
