/**
 * Exporting an inspection as an Excel workpaper: gather the decrypted records, build the
 * workbook description (pure, shared/), write it with exceljs (loaded on demand: it is large),
 * save it through the platform, and record the export in the activity trail.
 */
import { toIsoInstant } from '../../../shared/domain/dates';
import { runWorkerJob, type RunJobOptions } from '../../jobs/run-worker-job';
import type { Preferences } from '../../prefs/preferences';
import type { Platform } from '../../platform';
import type { VaultSession } from '../../data/vault-session';
import type { ExportJobRequest, ExportJobResult } from './export-job';
import { catalogItem } from './library';
import type { InspectionData } from './use-inspection';

export interface ExportOptions {
  includePersonalData: boolean;
  /** Null: no password protection. */
  password: string | null;
  prefs: Preferences;
  /** Progress and cancel of the worker that builds and writes the file. */
  job?: Pick<RunJobOptions, 'signal' | 'onProgress'>;
}

function spawnExportWorker() {
  return new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
}

export async function exportWorkpaper(
  session: VaultSession,
  platform: Platform,
  data: InspectionData,
  options: ExportOptions,
): Promise<{ saved: boolean; contentHash: string }> {
  const [engagements, systems, activity, info] = await Promise.all([
    session.list('engagement'),
    session.list('systems'),
    session.activity(),
    platform.appInfo(),
  ]);
  const engagement = engagements[0];
  if (!engagement) throw new Error('This vault has no engagement record.');
  const generatedAt = toIsoInstant(new Date());
  const request: ExportJobRequest = {
    input: {
      engagement,
      inspection: data.inspection,
      items: data.results.flatMap((result) => {
        const item = catalogItem(result.itemId);
        return item ? [item] : [];
      }),
      itemResults: data.results,
      findings: data.findings,
      systems,
      activity,
      evidence: data.evidence,
      appVersion: info.version,
      generatedAt,
    },
    options: {
      lang: options.prefs.language,
      calendar: options.prefs.calendar,
      includePersonalData: options.includePersonalData,
    },
    password: options.password,
  };
  const { bytes, contentHash } = await runWorkerJob<ExportJobResult>(
    spawnExportWorker,
    request,
    options.job,
  );
  const { saved } = await platform.saveFile({
    suggestedName: `${data.inspection.title}-${generatedAt.slice(0, 10)}.xlsx`.replace(
      /[\\/:*?"<>|]/g,
      '_',
    ),
    data: bytes,
    filters: [{ name: 'Excel', extensions: ['xlsx'] }],
  });
  if (saved) {
    await session.log({
      action: 'workpaper.exported',
      target: { table: 'inspections', id: data.inspection.id },
      summary: [
        contentHash.slice(0, 16),
        ...(options.includePersonalData ? ['personal data included'] : []),
        ...(options.password !== null ? ['password-protected'] : []),
      ].join(' · '),
    });
  }
  return { saved, contentHash };
}
