/**
 * A package is recorded as handed out or returned only once its file was saved: real vaults
 * on fake IndexedDB, the real .awpkg codec, and a fake host whose save dialog is cancelled,
 * fails, or saves.
 */
import { describe, expect, it } from 'vitest';
import { installWriteFailure } from '../../data/testing/failing-writes';
import type { VaultSession } from '../../data/vault-session';
import { awpkgCodec } from './awpkg-codec';
import { prepareHandout } from './handout';
import { packageFileName, savePackageFile } from './package-file';
import { originOf, prepareReturn } from './send-back';
import { auditorVault, fakeHost, leadVault } from './testing';

const PKG_PASS = 'package passphrase 33';
/** A typed package passphrase, unsigned: what the form gives when nothing else is chosen. */
const TYPED = { passphrase: PKG_PASS, generated: false, signing: null };

const actions = async (session: VaultSession) => (await session.activity()).map((e) => e.action);

describe('savePackageFile', () => {
  it('records a return only after its file was saved', async () => {
    const auditor = await auditorVault(await leadVault());
    const host = fakeHost();
    const trailBefore = await actions(auditor);

    for (const outcome of ['cancel', 'fail'] as const) {
      host.set(outcome);
      const attempt = savePackageFile(host.platform, await prepareReturn(auditor), TYPED);
      if (outcome === 'cancel') await expect(attempt).resolves.toEqual({ saved: false });
      else await expect(attempt).rejects.toThrow('disk full');
      expect((await originOf(auditor))?.returned).toEqual([]);
      expect(await actions(auditor)).toEqual(trailBefore);
    }

    host.set('save');
    const prepared = await prepareReturn(auditor);
    await expect(savePackageFile(host.platform, prepared, TYPED)).resolves.toEqual({
      saved: true,
    });
    const { packageId } = prepared.contents.meta;
    expect((await originOf(auditor))?.returned.map((r) => r.packageId)).toEqual([packageId]);
    expect(await actions(auditor)).toEqual([...trailBefore, 'team.returned']);
    // What was saved is that very package, under the return's name, filtered to .awpkg.
    const request = host.requests.at(-1);
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
      const attempt = savePackageFile(host.platform, await prepareHandout(lead, '林甲', []), TYPED);
      await (outcome === 'cancel'
        ? expect(attempt).resolves.toEqual({ saved: false })
        : expect(attempt).rejects.toThrow());
      expect(await lead.list('handouts')).toEqual([]);
      expect(await lead.list('handoutBases')).toEqual([]);
      expect(await actions(lead)).toEqual(trailBefore);
    }

    host.set('save');
    const prepared = await prepareHandout(lead, '林甲', ['SR-04']);
    await savePackageFile(host.platform, prepared, TYPED);
    const handouts = await lead.list('handouts');
    expect(handouts.map((h) => [h.packageId, h.auditor])).toEqual([
      [prepared.contents.meta.packageId, '林甲'],
    ]);
    expect((await lead.list('handoutBases')).map((b) => b.id)).toEqual([
      prepared.contents.meta.baseId,
    ]);
    expect(await actions(lead)).toEqual([...trailBefore, 'team.handed-out']);
    expect(host.requests.at(-1)?.suggestedName).toBe('林甲.awpkg');
  });

  it('says so when the file was saved but the vault could not record it', async () => {
    const failure = installWriteFailure();
    try {
      const lead = await leadVault();
      const host = fakeHost();
      const prepared = await prepareHandout(lead, '林甲', []);
      failure.arm('handouts');
      await expect(savePackageFile(host.platform, prepared, TYPED)).rejects.toMatchObject({
        code: 'saved-not-recorded',
      });
      failure.arm(null);
      expect(host.requests).toHaveLength(1);
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
