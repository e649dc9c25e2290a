/**
 * The app's export carries the vault's sign-offs (issue 12): an inspection signed at every
 * level in a real vault (Dexie on fake-indexeddb, real Ed25519), exported through
 * `exportWorkpaper` with its worker run in this thread, verifies from the file's own cells
 * against the engagement's trusted signers; a cell edited in a copy fails, naming its item.
 */
import { describe, expect, it, vi } from 'vitest';
import { must } from '../../../shared/signoff/testing';
import {
  editWorkbook,
  readMetaAndGrids,
  verifyBytes,
} from '../../../shared/workpapers/testing/verify-bytes';
import { payloadOf } from '../../data/vault-session';
import type { Platform } from '../../platform';
import { exportWorkpaper } from '../inspection/export-workpaper';
import { inProcessWorker } from '../inspection/testing';
import { signoffVault } from './testing';

type Vault = Awaited<ReturnType<typeof signoffVault>>;

async function exportBytes(vault: Vault, includePersonalData = false): Promise<Uint8Array> {
  const { session, inspectionId } = vault;
  const [inspection, results, findings, evidence] = await Promise.all([
    session.get('inspections', inspectionId),
    session.listChildren('itemResults', inspectionId),
    session.listChildren('findings', inspectionId),
    session.listChildren('evidence', inspectionId),
  ]);
  let written: Uint8Array | null = null;
  const platform: Platform = {
    host: 'browser',
    appInfo: () => Promise.resolve({ version: '0.1.0', host: 'browser', hostVersion: 'test' }),
    saveFile: vi.fn((request: Parameters<Platform['saveFile']>[0]) => {
      written = request.data;
      return Promise.resolve({ saved: true });
    }),
    openFile: () => Promise.resolve(null),
    openFiles: () => Promise.resolve([]),
    anchors: { read: () => Promise.resolve(null), write: () => Promise.resolve() },
    onLockRequest: () => () => undefined,
  };
  await exportWorkpaper(
    session,
    platform,
    { inspection: must(inspection), results, findings, evidence },
    {
      includePersonalData,
      password: null,
      prefs: { language: 'zh-TW', calendar: 'roc', idleMinutes: 10 },
      spawnWorker: inProcessWorker([]),
    },
  );
  return must<Uint8Array>(written);
}

const trustedOf = async (vault: Vault) =>
  (await vault.session.list('trustedSigners')).map(payloadOf);

describe('the exported workpaper carries the sign-offs', () => {
  it('verifies every sign-off of the vault from the file, and names an item edited since', async () => {
    const vault = await signoffVault();
    await vault.signEverything();
    const bytes = await exportBytes(vault);
    const { meta, result } = await verifyBytes(bytes, await trustedOf(vault));
    expect(result.problems).toEqual([]);
    const signoffs = await vault.session.listChildren('signoffs', vault.inspectionId);
    expect(result.signoffs).toHaveLength(signoffs.length);
    expect(result.signoffs.length).toBe(3 * (vault.itemIds.length + 1));
    expect(new Set(result.signoffs.map((s) => s.status))).toEqual(new Set(['valid']));

    const row = must(meta.rows.find((r) => r.table === 'itemResults' && r.id !== null));
    const edited = await editWorkbook(bytes, (wb) => {
      must(wb.getWorksheet(row.sheet)).getCell(row.row, 6).value = '不適用';
    });
    const after = await verifyBytes(edited, await trustedOf(vault));
    expect(after.result.problems.some((p) => p.includes(row.key))).toBe(true);
    expect(
      after.result.signoffs.filter((s) => s.status === 'altered').map((s) => s.subject),
    ).toContain(`item:${row.key}`);
  }, 60_000);

  it('verifies a masked export and one with personal data alike', async () => {
    const vault = await signoffVault();
    await vault.signEverything();
    for (const included of [false, true]) {
      const { result } = await verifyBytes(await exportBytes(vault, included));
      expect(result.problems).toEqual([]);
    }
  }, 60_000);

  it('marks a sign-off made stale in the vault, and a signer the list does not trust', async () => {
    const vault = await signoffVault();
    await vault.sign(0, vault.items, 1);
    const [result] = await vault.session.listChildren('itemResults', vault.inspectionId);
    const changed = must(result);
    await vault.session.update(
      'itemResults',
      changed.id,
      changed.rev,
      { ...payloadOf(changed), workPerformed: `${changed.workPerformed} 補充。` },
      'edited after sign-off',
    );
    const bytes = await exportBytes(vault);
    const { result: verified } = await verifyBytes(bytes, await trustedOf(vault));
    const item = verified.signoffs.filter((s) => s.subject === `item:${changed.itemId}`);
    expect(item.map((s) => s.status)).toEqual(['stale']);
    expect(must(item[0]).changed).toEqual(['workPerformed']);
    // The same file against a list without the preparer: the preparer's sign-offs are untrusted.
    const others = (await trustedOf(vault)).filter((s) => s.name !== '林編製');
    const { result: strict } = await verifyBytes(bytes, others);
    expect(strict.signoffs.every((s) => s.status === 'untrusted')).toBe(true);
    expect(strict.problems.length).toBeGreaterThan(0);
  }, 60_000);

  it('leaves the signature lines empty for an inspection without a sign-off policy', async () => {
    const vault = await signoffVault();
    for (const policy of await vault.session.listChildren('signoffPolicies', vault.inspectionId)) {
      await vault.session.remove('signoffPolicies', policy.id, policy.rev, 'test');
    }
    const { meta } = await readMetaAndGrids(await exportBytes(vault));
    expect(meta.signing).toBeUndefined();
  }, 60_000);
});
