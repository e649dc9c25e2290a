/**
 * The messages between the main process and the export utility process
 * (`main/export-utility.ts`): one `start`, perhaps a `cancel`; back come `progress` messages
 * and one final `done`, `cancelled` or `failed`. Both sides are ours and the request was
 * validated by the IPC contract before it got here; the main process still checks the shape of
 * what comes back, since the process may also die half-way.
 */
import type { WorkbookSpec } from '../../../shared/workpapers/model';

export interface ExportStart {
  type: 'start';
  spec: WorkbookSpec;
  /** Chosen by the user in the save dialog; the utility writes nowhere else. */
  filePath: string;
  password: string | null;
}

export type ToExportUtility = ExportStart | { type: 'cancel' };

export type FromExportUtility =
  | { type: 'progress'; rowsWritten: number; totalRows: number }
  | { type: 'done'; bytes: number }
  | { type: 'cancelled' }
  /** `code`: Node's error code (`ENOSPC`, `EBUSY` …) when the file system refused. */
  | { type: 'failed'; name: string; message: string; code?: string };

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** A message from the utility process, or null for anything else. */
export function parseUtilityMessage(message: unknown): FromExportUtility | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'progress':
      return isCount(m.rowsWritten) && isCount(m.totalRows)
        ? { type: 'progress', rowsWritten: m.rowsWritten, totalRows: m.totalRows }
        : null;
    case 'done':
      return isCount(m.bytes) ? { type: 'done', bytes: m.bytes } : null;
    case 'cancelled':
      return { type: 'cancelled' };
    case 'failed': {
      if (typeof m.name !== 'string' || typeof m.message !== 'string') return null;
      const failed: FromExportUtility = { type: 'failed', name: m.name, message: m.message };
      if (typeof m.code === 'string') failed.code = m.code;
      return failed;
    }
    default:
      return null;
  }
}

/** A message from the main process, or null for anything else. */
export function parseMainMessage(message: unknown): ToExportUtility | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  if (m.type === 'cancel') return { type: 'cancel' };
  if (
    m.type === 'start' &&
    typeof m.filePath === 'string' &&
    typeof m.spec === 'object' &&
    m.spec !== null &&
    (m.password === null || typeof m.password === 'string')
  ) {
    return {
      type: 'start',
      spec: m.spec as WorkbookSpec,
      filePath: m.filePath,
      password: m.password,
    };
  }
  return null;
}
