/**
 * What the export worker does: build the workbook description of an inspection (pure, in
 * `shared/`), write it with exceljs and hand back the bytes. The records come decrypted from
 * the UI thread and live only in the worker's memory, which is dropped when the job ends.
 */
import {
  buildInspectionWorkbook,
  type InspectionWorkbookInput,
  type InspectionWorkbookOptions,
} from '../../../shared/workpapers/build-inspection';
import type { Bytes } from '../../../shared/crypto/bytes';
import type { JobContext, JobOutcome } from '../../jobs/serve-job';

export interface ExportJobRequest {
  input: InspectionWorkbookInput;
  options: InspectionWorkbookOptions;
}

export interface ExportJobResult {
  bytes: Bytes;
  contentHash: string;
}

export async function runExportJob(
  request: ExportJobRequest,
  context: JobContext,
): Promise<JobOutcome<ExportJobResult>> {
  context.progress({ phase: 'build', done: 0, total: 2 });
  const { spec, contentHash } = await buildInspectionWorkbook(request.input, request.options);
  context.progress({ phase: 'write', done: 1, total: 2 });
  // exceljs is large: loaded only when an export runs.
  const { writeWorkbook } = await import('../../../shared/workpapers/xlsx-write');
  const bytes = await writeWorkbook(spec);
  context.progress({ phase: 'write', done: 2, total: 2 });
  return { value: { bytes, contentHash }, transfer: [bytes.buffer] };
}
