/** The export worker: workpapers are built and written off the UI thread (see export-job.ts). */
import { serveJob } from '../../jobs/serve-job';
import { type ExportJobRequest, type ExportJobResult, runExportJob } from './export-job';

serveJob<ExportJobRequest, ExportJobResult>(runExportJob);
