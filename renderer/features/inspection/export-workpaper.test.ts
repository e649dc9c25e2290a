/**
 * Both ways an export is written, with the worker run in-process (the same job functions the
 * worker runs) and the platform faked: Electron hands the description to `saveWorkpaper`, the
 * browser edition saves the bytes; either way the trail records a saved export.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ActivityDraft } from '../../../shared/domain/activity';
import { engagement, sampleInput } from '../../../shared/workpapers/testing/factories';
import type { VaultSession } from '../../data/vault-session';
import { JobCancelledError, type JobProgress } from '../../jobs/protocol';
import type { Platform } from '../../platform';
import type { Preferences } from '../../prefs/preferences';
import { exportWorkpaper } from './export-workpaper';
import { inProcessWorker } from './testing';

async function setUp() {
  const input = await sampleInput();
  const logged: ActivityDraft[] = [];
  const session = {
    // Registers and settings empty: the register sheets have their own tests.
    list: (table: string) =>
      Promise.resolve(
        (
          {
            engagement: [engagement()],
            systems: input.systems,
            evidence: input.evidence ?? [],
          } as Record<string, readonly unknown[]>
        )[table] ?? [],
      ),
    // No sign-off policy: the workpaper keeps its empty signature lines.
    listChildren: () => Promise.resolve([]),
    activity: () => Promise.resolve(input.activity),
    log: (draft: ActivityDraft) => {
      logged.push(draft);
      return Promise.resolve();
    },
  } as unknown as VaultSession;
  const data = {
    inspection: input.inspection,
    results: [...input.itemResults],
    findings: [...input.findings],
    evidence: [...(input.evidence ?? [])],
  };
  const base = {
    host: 'browser',
    appInfo: () => Promise.resolve({ version: '0.1.0', host: 'browser', hostVersion: 'test' }),
    saveFile: vi.fn((_request: Parameters<Platform['saveFile']>[0]) =>
      Promise.resolve({ saved: true }),
    ),
    openFile: () => Promise.resolve(null),
    openFiles: () => Promise.resolve([]),
    anchors: { read: () => Promise.resolve(null), write: () => Promise.resolve() },
    onLockRequest: () => () => undefined,
  } satisfies Platform;
  return { input, session, data, logged, base };
}

const prefs: Preferences = { language: 'zh-TW', calendar: 'roc', idleMinutes: 10 };

describe('exportWorkpaper', () => {
  it('in Electron, hands the description and the password to saveWorkpaper', async () => {
    const { session, data, logged, base } = await setUp();
    const requests: unknown[] = [];
    const replies: unknown[] = [];
    const progress: JobProgress[] = [];
    const saveWorkpaper = vi.fn(
      (
        _request: Parameters<NonNullable<Platform['saveWorkpaper']>>[0],
        options?: Parameters<NonNullable<Platform['saveWorkpaper']>>[1],
      ) => {
        options?.onProgress?.(4, 4);
        return Promise.resolve({ saved: true, bytes: 9_876 });
      },
    );
    const platform: Platform = { ...base, host: 'electron', saveWorkpaper };
    const result = await exportWorkpaper(session, platform, data, {
      includePersonalData: false,
      password: 'file password 1',
      prefs,
      job: { onProgress: (p) => progress.push(p) },
      spawnWorker: inProcessWorker(requests, replies),
    });

    expect(requests).toEqual([expect.objectContaining({ mode: 'spec' })]);
    expect(requests[0]).not.toHaveProperty('password');
    const [request] = saveWorkpaper.mock.calls[0] ?? [];
    expect(request?.password).toBe('file password 1');
    expect(request?.suggestedName).toMatch(/^113 年度資訊安全自評-\d{4}-\d{2}-\d{2}\.xlsx$/);
    // Exactly the description the worker built, which the browser edition would write.
    expect(replies).toHaveLength(1);
    expect(request?.spec).toBe((replies[0] as { spec: unknown }).spec);
    expect(request?.spec.sheets.at(-1)?.name).toBe('_aw_meta');
    expect(progress.at(-1)).toEqual({ phase: 'write', done: 4, total: 4 });
    expect(base.saveFile).not.toHaveBeenCalled();
    expect(result.saved).toBe(true);
    expect(logged).toEqual([
      expect.objectContaining({
        action: 'workpaper.exported',
        summary: `${result.contentHash.slice(0, 16)} · password-protected`,
      }),
    ]);
  });

  it('in Electron, a cancel while writing is a cancelled job and leaves the trail alone', async () => {
    const { session, data, logged, base } = await setUp();
    const controller = new AbortController();
    const platform: Platform = {
      ...base,
      host: 'electron',
      saveWorkpaper: () => {
        controller.abort();
        return Promise.resolve({ saved: false, bytes: 0 });
      },
    };
    await expect(
      exportWorkpaper(session, platform, data, {
        includePersonalData: false,
        password: null,
        prefs,
        job: { signal: controller.signal },
        spawnWorker: inProcessWorker([]),
      }),
    ).rejects.toBeInstanceOf(JobCancelledError);
    expect(logged).toEqual([]);
  });

  it('in Electron, a dialog the user closes is simply not saved', async () => {
    const { session, data, logged, base } = await setUp();
    const platform: Platform = {
      ...base,
      host: 'electron',
      saveWorkpaper: () => Promise.resolve({ saved: false, bytes: 0 }),
    };
    const result = await exportWorkpaper(session, platform, data, {
      includePersonalData: false,
      password: null,
      prefs,
      spawnWorker: inProcessWorker([]),
    });
    expect(result.saved).toBe(false);
    expect(logged).toEqual([]);
  });

  it('in the browser edition, writes the bytes in the worker and saves them', async () => {
    const { session, data, logged, base } = await setUp();
    const requests: unknown[] = [];
    const result = await exportWorkpaper(session, base, data, {
      includePersonalData: true,
      password: null,
      prefs,
      spawnWorker: inProcessWorker(requests),
    });
    expect(requests).toEqual([expect.not.objectContaining({ mode: 'spec' })]);
    const [saved] = base.saveFile.mock.calls[0] ?? [];
    expect([...(saved?.data.subarray(0, 2) ?? [])]).toEqual([0x50, 0x4b]);
    expect(saved?.filters).toEqual([{ name: 'Excel', extensions: ['xlsx'] }]);
    expect(logged[0]?.summary).toBe(`${result.contentHash.slice(0, 16)} · personal data included`);
  });
});
