/** The export worker: workpapers are built and written off the UI thread (see export-job.ts). */
import { serveJob } from '../../jobs/serve-job';
import {
  type ExportJobRequest,
  type ExportJobResult,
  type ExportSpecJobRequest,
  type ExportSpecJobResult,
  runExportJob,
  runExportSpecJob,
} from './export-job';

serveJob<ExportJobRequest | ExportSpecJobRequest, ExportJobResult | ExportSpecJobResult>(
  (request, context) =>
    request.mode === 'spec' ? runExportSpecJob(request, context) : runExportJob(request, context),
);
