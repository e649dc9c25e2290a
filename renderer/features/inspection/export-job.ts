/**
 * What the export worker does: build the workbook description of an inspection (pure, in
 * `shared/`), write it with exceljs and hand back the bytes. The records come decrypted from
 * the UI thread and live only in the worker's memory, which is dropped when the job ends.
 *
 * In Electron the worker only builds the description (`mode: 'spec'`): the main process writes
 * it in a utility process with exceljs's streaming writer, which needs Node (see
 * `platform.saveWorkpaper`), and encrypts it there when a password is set.
 */
import {
  buildInspectionWorkbook,
  type InspectionWorkbookInput,
  type InspectionWorkbookOptions,
} from '../../../shared/workpapers/build-inspection';
import type { Bytes } from '../../../shared/crypto/bytes';
import type { WorkbookSpec } from '../../../shared/workpapers/model';
import type { JobContext, JobOutcome } from '../../jobs/serve-job';

export interface ExportJobRequest {
  /** The default: build, write (and encrypt) here, answer the file's bytes. */
  mode?: 'bytes';
  input: InspectionWorkbookInput;
  options: InspectionWorkbookOptions;
  /** Encrypts the whole file (ECMA-376 agile) so Excel asks for it; never stored or logged. */
  password: string | null;
}

/** Only build the description, for a host that writes it (no password: the host encrypts). */
export interface ExportSpecJobRequest {
  mode: 'spec';
  input: InspectionWorkbookInput;
  options: InspectionWorkbookOptions;
}

export interface ExportJobResult {
  bytes: Bytes;
  contentHash: string;
}

export interface ExportSpecJobResult {
  spec: WorkbookSpec;
  contentHash: string;
}

export async function runExportSpecJob(
  request: ExportSpecJobRequest,
  context: JobContext,
): Promise<JobOutcome<ExportSpecJobResult>> {
  context.progress({ phase: 'build', done: 0, total: 1 });
  const { spec, contentHash } = await buildInspectionWorkbook(request.input, request.options);
  context.progress({ phase: 'build', done: 1, total: 1 });
  // Plain objects: cloned to the UI thread, nothing to transfer.
  return { value: { spec, contentHash } };
}

export async function runExportJob(
  request: ExportJobRequest,
  context: JobContext,
): Promise<JobOutcome<ExportJobResult>> {
  const steps = request.password === null ? 2 : 3;
  context.progress({ phase: 'build', done: 0, total: steps });
  const { spec, contentHash } = await buildInspectionWorkbook(request.input, request.options);
  context.progress({ phase: 'write', done: 1, total: steps });
  // exceljs is large: loaded only when an export runs.
  const { writeWorkbook } = await import('../../../shared/workpapers/xlsx-write');
  let bytes = await writeWorkbook(spec);
  if (request.password !== null) {
    context.progress({ phase: 'encrypt', done: 2, total: steps });
    const { encryptOoxml } = await import('../../../shared/workpapers/encryption');
    bytes = await encryptOoxml(bytes, request.password);
  }
  context.progress({ phase: 'done', done: steps, total: steps });
  return { value: { bytes, contentHash }, transfer: [bytes.buffer] };
}
