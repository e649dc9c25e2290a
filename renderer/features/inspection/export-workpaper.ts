/**
 * Exporting an inspection as an Excel workpaper: gather the decrypted records, build the
 * workbook description (pure, shared/), write it with exceljs (loaded on demand: it is large),
 * save it through the platform, and record the export in the activity trail.
 *
 * Two ways to write, one workbook: in Electron (`platform.saveWorkpaper`) the worker only builds
 * the description and the host writes it after its save dialog, in a utility process with
 * exceljs's streaming writer (memory stays flat on large inspections); in the browser edition
 * the worker writes the bytes with exceljs's in-memory workbook and they are downloaded.
 */
import { z } from 'zod';
import { toIsoInstant } from '../../../shared/domain/dates';
import {
  currentVersionsSchema,
  defaultCurrentVersions,
} from '../../../shared/registers/agreements/current-versions';
import type { RegistersInput } from '../../../shared/workpapers/register-sheets';
import { readSetting } from '../../data/settings';
import { SETTING_KEYS } from '../registers/setting-keys';
import { JobCancelledError } from '../../jobs/protocol';
import { runWorkerJob, type RunJobOptions, type WorkerLike } from '../../jobs/run-worker-job';
import type { Preferences } from '../../prefs/preferences';
import type { Platform } from '../../platform';
import type { VaultSession } from '../../data/vault-session';
import type {
  ExportJobRequest,
  ExportJobResult,
  ExportSpecJobRequest,
  ExportSpecJobResult,
} from './export-job';
import { workpaperSignoffs } from '../signoff/workpaper-signoffs';
import { catalogItem } from './library';
import type { InspectionData } from './use-inspection';

export interface ExportOptions {
  includePersonalData: boolean;
  /** Null: no password protection. */
  password: string | null;
  prefs: Preferences;
  /** Progress and cancel of the worker that builds the file and of the host writing it. */
  job?: Pick<RunJobOptions, 'signal' | 'onProgress'>;
  /** For tests: how the export worker is started. */
  spawnWorker?: () => WorkerLike;
}

/** The registers as the workpaper's register sheets show them, with their settings. */
async function readRegisters(session: VaultSession): Promise<RegistersInput> {
  const [people, vendors, agreements, disposals, policyReviews, currentVersions, raisedGaps] =
    await Promise.all([
      session.list('people'),
      session.list('vendors'),
      session.list('agreements'),
      session.list('disposals'),
      session.list('policyReviews'),
      readSetting(session, SETTING_KEYS.currentVersions, currentVersionsSchema),
      readSetting(session, SETTING_KEYS.raisedGaps, z.record(z.string(), z.string())),
    ]);
  return {
    people,
    vendors,
    agreements,
    disposals,
    policyReviews,
    currentVersions: currentVersions ?? defaultCurrentVersions(),
    raisedGaps: raisedGaps ?? {},
  };
}

function spawnExportWorker() {
  return new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
}

const safeFileName = (name: string) => name.replace(/[\\/:*?"<>|]/g, '_');

export async function exportWorkpaper(
  session: VaultSession,
  platform: Platform,
  data: InspectionData,
  options: ExportOptions,
): Promise<{ saved: boolean; contentHash: string }> {
  const [engagements, systems, activity, info, registers, evidence, merges, signoff] =
    await Promise.all([
      session.list('engagement'),
      session.list('systems'),
      session.activity(),
      platform.appInfo(),
      readRegisters(session),
      // Every evidence record, so register sheets can name agreement scans and certificates.
      session.list('evidence'),
      // What merges recorded on item results: the checklist names whose work each one holds.
      session.list('mergeInfo'),
      // The sign-offs, signed into the file so a third party can verify it (issue 12).
      workpaperSignoffs(session, data.inspection.id),
    ]);
  const engagement = engagements[0];
  if (!engagement) throw new Error('This vault has no engagement record.');
  const generatedAt = toIsoInstant(new Date());
  const build: Omit<ExportSpecJobRequest, 'mode'> = {
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
      evidence,
      registers,
      mergeInfo: Object.fromEntries(
        merges.filter((m) => m.table === 'itemResults').map((m) => [m.id, m.info]),
      ),
      ...(signoff === null ? {} : { signoff }),
      appVersion: info.version,
      generatedAt,
    },
    options: {
      lang: options.prefs.language,
      calendar: options.prefs.calendar,
      includePersonalData: options.includePersonalData,
    },
  };
  const suggestedName = safeFileName(`${data.inspection.title}-${generatedAt.slice(0, 10)}.xlsx`);
  const spawn = options.spawnWorker ?? spawnExportWorker;
  let saved: boolean;
  let contentHash: string;
  if (platform.saveWorkpaper) {
    const request: ExportSpecJobRequest = { mode: 'spec', ...build };
    const built = await runWorkerJob<ExportSpecJobResult>(spawn, request, options.job);
    contentHash = built.contentHash;
    const signal = options.job?.signal;
    const onProgress = options.job?.onProgress;
    ({ saved } = await platform.saveWorkpaper(
      { suggestedName, spec: built.spec, password: options.password },
      {
        ...(signal ? { signal } : {}),
        onProgress: (done, total) => onProgress?.({ phase: 'write', done, total }),
      },
    ));
    // Cancelled while writing: nothing was written, as when the worker is cancelled.
    if (!saved && signal?.aborted) throw new JobCancelledError();
  } else {
    const request: ExportJobRequest = { ...build, password: options.password };
    const written = await runWorkerJob<ExportJobResult>(spawn, request, options.job);
    contentHash = written.contentHash;
    ({ saved } = await platform.saveFile({
      suggestedName,
      data: written.bytes,
      filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    }));
  }
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
