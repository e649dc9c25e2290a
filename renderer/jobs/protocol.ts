/**
 * The messages between the UI and a job running in a Web Worker (an import, an export). Long
 * work runs off the UI thread so the window stays responsive; cancelling terminates the
 * worker, which is always safe because workers never write to the vault: they compute, the UI
 * commits the result in one transaction.
 */
import type { Bilingual } from '../../shared/domain/inspection/text';

export interface JobProgress {
  /** What is being done, for the label (`read`, `validate`, `write`, `encrypt` …). */
  phase: string;
  done: number;
  /** Null when the amount of work is not known in advance. */
  total: number | null;
}

/** An error as it crosses the worker boundary (class identity does not survive cloning). */
export interface JobFailure {
  name: string;
  message: string;
  /** Bilingual text of errors that carry one (ImportError and the like). */
  text?: Bilingual;
  code?: string;
}

export type JobReply<R> =
  | { type: 'progress'; progress: JobProgress }
  | { type: 'done'; value: R }
  | { type: 'failed'; failure: JobFailure };

export function toJobFailure(error: unknown): JobFailure {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const failure: JobFailure = { name: error.name, message: error.message };
  const { text, code } = error as { text?: unknown; code?: unknown };
  if (isBilingual(text)) failure.text = text;
  if (typeof code === 'string') failure.code = code;
  return failure;
}

function isBilingual(value: unknown): value is Bilingual {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record['zh-TW'] === 'string' && typeof record.en === 'string';
}

/** A job failed in its worker: the worker's error, rebuilt on this side. */
export class JobError extends Error {
  override name = 'JobError';
  readonly text: Bilingual | undefined;
  readonly code: string | undefined;
  constructor(readonly failure: JobFailure) {
    super(failure.message);
    this.text = failure.text;
    this.code = failure.code;
  }
}

/** The user cancelled: nothing was written. */
export class JobCancelledError extends Error {
  override name = 'JobCancelledError';
  constructor() {
    super('Cancelled; nothing was written.');
  }
}
