/**
 * A package is recorded as handed out or returned only once its file was saved: real vaults
 * on fake IndexedDB, the real .awpkg codec, and a fake host whose save dialog is cancelled,
 * fails, or saves.
 */
import { describe, expect, it, vi } from 'vitest';
import { freshIdb, sampleEngagement, sampleNote } from '../../data/testing/factories';
import { installWriteFailure } from '../../data/testing/failing-writes';
import type { VaultSession } from '../../data/vault-session';
import { createVaultStore } from '../../data/vaults';
import type { Platform, SaveFileRequest } from '../../platform/platform';
import { awpkgCodec } from './awpkg-codec';
import { openHandout, prepareHandout } from './handout';
import { packageFileName, savePackageFile } from './package-file';
import { originOf, prepareReturn } from './send-back';

const PASS = 'package file passphrase';
const PKG_PASS = 'package passphrase 33';

/** A host whose save dialog does what `outcome` says; keeps what it was asked to save. */
function fakeHost() {
  let outcome: 'cancel' | 'fail' | 'save' = 'save';
  const saveFile = vi.fn((_request: SaveFileRequest) => {
    if (outcome === 'fail') return Promise.reject(new Error('disk full'));
    return Promise.resolve({ saved: outcome === 'save' });
  });
  const platform = {
    host: 'browser',
    appInfo: () => Promise.resolve({ version: '0.1.0', host: 'browser', hostVersion: 'test' }),
    saveFile,
    openFile: () => Promise.resolve(null),
    openFiles: () => Promise.resolve([]),
    anchors: { read: () => Promise.resolve(null), write: () => Promise.resolve() },
    onLockRequest: () => () => undefined,
  } satisfies Platform;
  return {
    platform,
    saveFile,
    set: (next: typeof outcome) => {
      outcome = next;
    },
  };
}

async function leadVault(): Promise<VaultSession> {
  const store = createVaultStore({ idb: freshIdb() });
  const { session } = await store.create({
    label: 'lead',
    passphrase: PASS,
    owner: '陳組長',
    engagement: sampleEngagement(),
  });
  await session.create('notes', sampleNote({ title: '共同底稿' }), 'n');
  return session;
}

async function auditorVault(lead: VaultSession): Promise<VaultSession> {
  const prepared = await prepareHandout(lead, '林甲', ['SR-04']);
  await prepared.record();
  const store = createVaultStore({ idb: freshIdb() });
  const { session } = await openHandout(store, prepared.contents, {
    label: '林甲',
    passphrase: PASS,
    owner: '林甲',
  });
  return session;
}

const actions = async (session: VaultSession) => (await session.activity()).map((e) => e.action);

describe('savePackageFile', () => {
  it('records a return only after its file was saved', async () => {
    const auditor = await auditorVault(await leadVault());
    const host = fakeHost();
    const trailBefore = await actions(auditor);

    for (const outcome of ['cancel', 'fail'] as const) {
      host.set(outcome);
      const attempt = savePackageFile(host.platform, await prepareReturn(auditor), PKG_PASS);
      if (outcome === 'cancel') await expect(attempt).resolves.toEqual({ saved: false });
      else await expect(attempt).rejects.toThrow('disk full');
      expect((await originOf(auditor))?.returned).toEqual([]);
      expect(await actions(auditor)).toEqual(trailBefore);
    }

    host.set('save');
    const prepared = await prepareReturn(auditor);
    await expect(savePackageFile(host.platform, prepared, PKG_PASS)).resolves.toEqual({
      saved: true,
    });
    const { packageId } = prepared.contents.meta;
    expect((await originOf(auditor))?.returned.map((r) => r.packageId)).toEqual([packageId]);
    expect(await actions(auditor)).toEqual([...trailBefore, 'team.returned']);
    // What was saved is that very package, under the return's name, filtered to .awpkg.
    const request = host.saveFile.mock.calls.at(-1)?.[0];
    expect(request?.suggestedName).toBe('林甲-return.awpkg');
    expect(request?.filters?.[0]?.extensions).toEqual(['awpkg']);
    const read = await awpkgCodec.read(request?.data ?? new Uint8Array(), PKG_PASS);
    expect(read.contents.meta.packageId).toBe(packageId);
  });

  it('records a hand-out (and its base) only after its file was saved', async () => {
    const lead = await leadVault();
    const host = fakeHost();
    const trailBefore = await actions(lead);

    for (const outcome of ['cancel', 'fail'] as const) {
      host.set(outcome);
      const attempt = savePackageFile(
        host.platform,
        await prepareHandout(lead, '林甲', []),
        PKG_PASS,
      );
      await (outcome === 'cancel'
        ? expect(attempt).resolves.toEqual({ saved: false })
        : expect(attempt).rejects.toThrow());
      expect(await lead.list('handouts')).toEqual([]);
      expect(await lead.list('handoutBases')).toEqual([]);
      expect(await actions(lead)).toEqual(trailBefore);
    }

    host.set('save');
    const prepared = await prepareHandout(lead, '林甲', ['SR-04']);
    await savePackageFile(host.platform, prepared, PKG_PASS);
    const handouts = await lead.list('handouts');
    expect(handouts.map((h) => [h.packageId, h.auditor])).toEqual([
      [prepared.contents.meta.packageId, '林甲'],
    ]);
    expect((await lead.list('handoutBases')).map((b) => b.id)).toEqual([
      prepared.contents.meta.baseId,
    ]);
    expect(await actions(lead)).toEqual([...trailBefore, 'team.handed-out']);
    expect(host.saveFile.mock.calls.at(-1)?.[0].suggestedName).toBe('林甲.awpkg');
  });

  it('says so when the file was saved but the vault could not record it', async () => {
    const failure = installWriteFailure();
    try {
      const lead = await leadVault();
      const host = fakeHost();
      const prepared = await prepareHandout(lead, '林甲', []);
      failure.arm('handouts');
      await expect(savePackageFile(host.platform, prepared, PKG_PASS)).rejects.toMatchObject({
        code: 'saved-not-recorded',
      });
      failure.arm(null);
      expect(host.saveFile).toHaveBeenCalledTimes(1);
      expect(await lead.list('handouts')).toEqual([]);
    } finally {
      failure.restore();
    }
  });

  it('names files without characters a file system refuses', () => {
    const meta = { kind: 'return', auditor: ' 林/甲:? ' } as const;
    expect(packageFileName({ meta } as never, 'awpkg')).toBe('林_甲__-return.awpkg');
  });
});
