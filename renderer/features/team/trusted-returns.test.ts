/**
 * 僅接受受信任簽章者簽署的繳回, through real parts: vaults on fake IndexedDB, returns written
 * and read back by the real `.awpkg` codec (signed or not), the merge prepared, planned,
 * resolved and committed. Off by default; when the lead turns it on, an unsigned, untrusted or
 * retired-key return is refused whole, naming its file and why; an auditor's vault cannot
 * change it and a return that does is ignored.
 */
import { describe, expect, it } from 'vitest';
import { sampleNote } from '../../data/testing/factories';
import type { VaultSession } from '../../data/vault-session';
import { addTrustedSigner, exportPublicKey, retireTrustedSigner } from '../signoff/identities';
import { readEngagementPolicy, setRequireTrustedSigner } from './engagement-policy';
import { commitMerge, prepareMerge, type ReceivedReturn, resolve } from './merge';
import { runPlan } from './merge-plan-job';
import { auditorVault, identityIn, leadVault, returnSignedBy } from './testing';

async function merge(lead: VaultSession, returns: ReceivedReturn[]) {
  const prepared = await prepareMerge(lead, returns);
  const plan = await runPlan(prepared.request);
  const result = await resolve(plan, { conflicts: {} });
  return { prepared, plan, commit: () => commitMerge(lead, plan, result, prepared.accepted) };
}

const titles = async (session: VaultSession) =>
  (await session.list('notes')).map((n) => n.title).sort();

describe('accept only returns signed by a trusted signer', () => {
  it('is off by default; on, it refuses unsigned and untrusted returns by file and reason', async () => {
    const lead = await leadVault();
    expect(await readEngagementPolicy(lead)).toEqual({ requireTrustedSigner: false });
    const auditor = await auditorVault(lead);
    const lin = await identityIn(auditor, '林甲');
    const stranger = await identityIn(auditor, '林甲');
    const trusted = await addTrustedSigner(lead, {
      publicKey: exportPublicKey(lin),
      name: '林甲',
      role: null,
    });
    await auditor.create('notes', sampleNote({ title: '甲新增' }), 'a');
    const signed = await returnSignedBy(auditor, 'signed.awpkg', lin);
    const other = await returnSignedBy(auditor, 'other.awpkg', stranger);
    const unsigned = await returnSignedBy(auditor, 'unsigned.awpkg', null);
    await retireTrustedSigner(lead, trusted.id);
    const late = await returnSignedBy(auditor, 'late.awpkg', lin);

    await setRequireTrustedSigner(lead, true);
    const entry = (await lead.activity()).at(-1);
    expect(entry?.target?.table).toBe('engagementPolicies');
    expect(entry?.summary).toBe('accept only returns signed by a trusted signer: on');

    const { prepared, plan, commit } = await merge(lead, [signed, other, unsigned, late]);
    expect(prepared.requireTrustedSigner).toBe(true);
    expect(prepared.accepted.map((r) => r.fileName)).toEqual(['signed.awpkg']);
    expect(plan.packages.map((p) => p.status)).toEqual(['ready']);
    const rule = '本案件設定僅接受受信任簽章者簽署的繳回';
    expect(prepared.refusals.map((r) => r.text['zh-TW'])).toEqual([
      `「other.awpkg」的簽章者 林甲（${stranger.fingerprint}）不是本案件的受信任簽章者；${rule}`,
      `「unsigned.awpkg」未簽署；${rule}`,
      `「late.awpkg」的簽章者 林甲（${lin.fingerprint}）的金鑰在繳回製作時已停用；${rule}`,
    ]);
    expect(prepared.refusals.map((r) => r.text.en)).toEqual([
      `other.awpkg is signed by 林甲 (${stranger.fingerprint}), who is not a trusted signer of this engagement; this engagement accepts only returns signed by a trusted signer`,
      'unsigned.awpkg is not signed; this engagement accepts only returns signed by a trusted signer',
      `late.awpkg is signed by 林甲 (${lin.fingerprint}), whose key was retired when the return was made; this engagement accepts only returns signed by a trusted signer`,
    ]);
    expect(await commit()).toBe(true);
    expect(await titles(lead)).toContain('甲新增');
    expect((await lead.list('mergedPackages')).map((m) => m.packageHash)).toEqual([signed.hash]);
  });

  it('turned on after the preview, refuses at the commit and writes nothing', async () => {
    const lead = await leadVault();
    const auditor = await auditorVault(lead);
    await auditor.create('notes', sampleNote({ title: '甲新增' }), 'a');
    const unsigned = await returnSignedBy(auditor, 'unsigned.awpkg', null);
    const { prepared, commit } = await merge(lead, [unsigned]);
    expect(prepared.refusals).toEqual([]);
    await setRequireTrustedSigner(lead, true);
    const before = { titles: await titles(lead), trail: (await lead.activity()).length };
    await expect(commit()).rejects.toMatchObject({
      code: 'untrusted-return',
      text: { 'zh-TW': '「unsigned.awpkg」未簽署；本案件設定僅接受受信任簽章者簽署的繳回' },
    });
    expect({ titles: await titles(lead), trail: (await lead.activity()).length }).toEqual(before);
    expect(await lead.list('mergedPackages')).toEqual([]);
  });

  it("is the lead's: an auditor's vault cannot change it, and a return that does is ignored", async () => {
    const lead = await leadVault();
    await setRequireTrustedSigner(lead, true);
    const auditor = await auditorVault(lead);
    expect(await readEngagementPolicy(auditor)).toEqual({ requireTrustedSigner: true });
    await expect(setRequireTrustedSigner(auditor, false)).rejects.toMatchObject({
      code: 'lead-only',
    });
    // A modified app could still write the record; the merge never takes it from a return.
    const [held] = await auditor.list('engagementPolicies');
    if (!held) throw new Error('the hand-out carried no engagement policy');
    await auditor.update(
      'engagementPolicies',
      held.id,
      held.rev,
      { requireTrustedSigner: false },
      'x',
    );
    const lin = await identityIn(auditor, '林甲');
    await addTrustedSigner(lead, { publicKey: exportPublicKey(lin), name: '林甲', role: null });
    const signed = await returnSignedBy(auditor, 'signed.awpkg', lin);
    expect(signed.contents.changes.map((c) => c.table)).toContain('engagementPolicies');
    const { plan, commit } = await merge(lead, [signed]);
    expect(plan.packages[0]?.ignored).toEqual([{ table: 'engagementPolicies', id: held.id }]);
    await commit();
    expect(await readEngagementPolicy(lead)).toEqual({ requireTrustedSigner: true });
  });
});
