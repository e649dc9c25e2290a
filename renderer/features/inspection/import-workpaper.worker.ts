/** The workpaper import worker (see import-workpaper-job.ts). */
import { serveJob } from '../../jobs/serve-job';
import {
  type ImportWorkpaperRequest,
  type ImportWorkpaperResult,
  runImportWorkpaperJob,
} from './import-workpaper-job';

serveJob<ImportWorkpaperRequest, ImportWorkpaperResult>(runImportWorkpaperJob);
