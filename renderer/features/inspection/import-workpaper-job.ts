/**
 * Reading a returned workpaper, in a worker: open it (with the password if it is protected),
 * check its hidden sheet and compare its editable cells with the vault. Nothing is written
 * here; the UI shows the diff and commits the accepted changes in one transaction.
 */
import type { Bytes } from '../../../shared/crypto/bytes';
import { decryptOoxml, isEncryptedOoxml } from '../../../shared/workpapers/encryption';
import {
  diffWorkpaper,
  readWorkpaperEdits,
  type WorkpaperDiff,
  type WorkpaperRefusal,
  type WorkpaperVaultState,
} from '../../../shared/workpapers/roundtrip';
import type { JobContext, JobOutcome } from '../../jobs/serve-job';

export interface ImportWorkpaperRequest {
  bytes: Bytes;
  password: string | null;
  state: WorkpaperVaultState;
}

export type ImportWorkpaperResult =
  | { ok: true; diff: WorkpaperDiff; passwordProtected: boolean }
  | { ok: false; refusal: WorkpaperRefusal }
  | { ok: false; needsPassword: true };

export async function runImportWorkpaperJob(
  request: ImportWorkpaperRequest,
  context: JobContext,
): Promise<JobOutcome<ImportWorkpaperResult>> {
  let bytes: Uint8Array = request.bytes;
  const passwordProtected = isEncryptedOoxml(bytes);
  if (passwordProtected) {
    if (request.password === null) return { value: { ok: false, needsPassword: true } };
    context.progress({ phase: 'decrypt', done: 0, total: 3 });
    bytes = await decryptOoxml(bytes, request.password);
  }
  context.progress({ phase: 'read', done: 1, total: 3 });
  const reading = await readWorkpaperEdits(bytes, { inspectionId: request.state.inspection.id });
  if (!reading.ok) return { value: { ok: false, refusal: reading } };
  context.progress({ phase: 'compare', done: 2, total: 3 });
  const diff = await diffWorkpaper(reading, request.state);
  return { value: { ok: true, diff, passwordProtected } };
}
