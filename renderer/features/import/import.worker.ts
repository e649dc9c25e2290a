/** The import worker: parsing and validation off the UI thread (see import-job.ts). */
import { serveJob } from '../../jobs/serve-job';
import {
  analyseFile,
  type ImportJobRequest,
  type ImportJobResult,
  validateFile,
} from './import-job';

serveJob<ImportJobRequest, ImportJobResult>(async (request, context) => {
  if (request.kind === 'analyse') {
    context.progress({ phase: 'read', done: 0, total: null });
    return { value: await analyseFile(request) };
  }
  context.progress({ phase: 'read', done: 0, total: null });
  const value = await validateFile(request, (done, total) => {
    context.progress({ phase: 'validate', done, total });
  });
  return { value };
});
