/**
 * A reviewer signs on their own laptop (issue 12): the inspection travels to them as a
 * hand-out, they sign an item and raise a review note in their own vault with their own
 * identity, send it back, and the lead's merge brings the sign-off and the note in like any
 * other records, the sign-off valid in the lead's vault and its signature the reviewer's.
 */
import { describe, expect, it } from 'vitest';
import { levelStatus } from '../../../shared/signoff/state';
import { PASSPHRASE, fastKdf } from '../../../shared/signoff/testing';
import { freshIdb } from '../../data/testing/factories';
import type { VaultSession } from '../../data/vault-session';
import { createVaultStore } from '../../data/vaults';
import { addTrustedSigner, createSigningIdentity, exportPublicKey } from '../signoff/identities';
import { raiseReviewNote } from '../signoff/review-notes';
import { signOff } from '../signoff/sign';
import { signoffVault } from '../signoff/testing';
import { awpkgCodec } from './awpkg-codec';
import { handOut, openHandout } from './handout';
import { commitMerge, prepareMerge, resolve } from './merge';
import { runPlan } from './merge-plan-job';
import { isReturn } from './package-contents';
import { sendBack } from './send-back';

const PKG_PASS = 'reviewer package passphrase';

/** The lead's vault with the preparer's sign-off, and a reviewer's vault opened from it. */
async function leadAndReviewer() {
  const lead = await signoffVault();
  const [item] = lead.items;
  if (item?.kind !== 'item') throw new Error('no item');
  await lead.sign(0, [item], 1); // the preparer, in the lead's vault
  const written = await awpkgCodec.write(await handOut(lead.session, '周覆核', []), PKG_PASS);
  const handout = (await awpkgCodec.read(written, PKG_PASS)).contents;
  if (isReturn(handout)) throw new Error('not a hand-out');
  const reviewer = await openHandout(createVaultStore({ idb: freshIdb() }), handout, {
    label: '周覆核',
    passphrase: 'reviewer vault passphrase',
    owner: '周覆核',
  });
  const { record: identity } = await createSigningIdentity(reviewer.session, {
    name: '周覆核',
    passphrase: PASSPHRASE,
    kdf: fastKdf(),
  });
  /** The reviewer signs the item at level 2 in their own vault. */
  const signAsReviewer = () =>
    signOff(reviewer.session, {
      inspectionId: lead.inspectionId,
      subjects: [item],
      level: 2,
      identityId: identity.id,
      passphrase: PASSPHRASE,
    });
  return { lead, item, reviewer: reviewer.session, identity, signAsReviewer };
}

/** The reviewer's return merged into the lead's vault; the plan, for what it ignored. */
async function mergeBack(lead: VaultSession, reviewer: VaultSession) {
  const back = await awpkgCodec.read(
    await awpkgCodec.write(await sendBack(reviewer), PKG_PASS),
    PKG_PASS,
  );
  const contents = back.contents;
  if (!isReturn(contents)) throw new Error('not a return');
  const prepared = await prepareMerge(lead, [
    { fileName: 'r.awpkg', contents, hash: back.hash, signer: back.signer },
  ]);
  expect(prepared.refusals).toEqual([]);
  const plan = await runPlan(prepared.request);
  const result = await resolve(plan, { conflicts: {} });
  expect(await commitMerge(lead, plan, result, prepared.accepted)).toBe(true);
  return plan;
}

describe('sign-offs travel in packages', () => {
  it('merges a reviewer’s sign-off and note made in their own vault, valid in the lead’s', async () => {
    const { lead, item, reviewer, identity, signAsReviewer } = await leadAndReviewer();
    const key = { publicKey: exportPublicKey(identity), name: '周覆核', role: 'reviewer' };
    // Read out over the phone: the lead trusts the key; the reviewer's vault does too.
    await addTrustedSigner(lead.session, key);
    await addTrustedSigner(reviewer, key);
    await raiseReviewNote(reviewer, {
      inspectionId: lead.inspectionId,
      target: { kind: 'inspection' },
      level: 2,
      identityId: identity.id,
      text: '請補充整體結論。',
    });
    await signAsReviewer();
    const plan = await mergeBack(lead.session, reviewer);

    const loaded = await lead.load();
    const status = levelStatus(loaded.state, item, 2);
    expect(status.status).toBe('valid');
    expect(status.status === 'valid' && status.signoff.signer.fingerprint).toBe(
      identity.fingerprint,
    );
    expect(levelStatus(loaded.state, item, 1).status).toBe('valid');
    expect(loaded.notes.map((n) => [n.text, n.author.name])).toEqual([
      ['請補充整體結論。', '周覆核'],
    ]);
    // The reviewer's own trusted-signer record is not merged: the lead's is the one that counts.
    expect(plan.packages[0]?.ignored.map((i) => i.table)).toEqual(['trustedSigners']);
    expect(
      (await lead.session.list('trustedSigners')).filter((s) => s.name === '周覆核'),
    ).toHaveLength(1);
    // The reviewer's signing identity stayed on their laptop: identities never travel.
    expect((await lead.session.list('signingIdentities')).map((i) => i.name)).not.toContain(
      '周覆核',
    );
  }, 60_000);

  it('does not let a return make its author a trusted approver of the lead’s engagement', async () => {
    const { lead, item, reviewer, identity, signAsReviewer } = await leadAndReviewer();
    const before = await lead.session.list('trustedSigners');
    // In their own vault the author trusts themselves as the approver and signs level 2.
    await addTrustedSigner(reviewer, {
      publicKey: exportPublicKey(identity),
      name: '周覆核',
      role: null,
    });
    await signAsReviewer();
    const plan = await mergeBack(lead.session, reviewer);
    expect(plan.packages[0]?.ignored).toHaveLength(1);
    expect(await lead.session.list('trustedSigners')).toEqual(before);
    // The sign-off arrived, as a record, but the lead's vault does not count it.
    const loaded = await lead.load();
    expect(loaded.state.signoffs.some((s) => s.signer.fingerprint === identity.fingerprint)).toBe(
      true,
    );
    expect(levelStatus(loaded.state, item, 2).status).not.toBe('valid');
  }, 60_000);

  it('refuses a return whose sign-off claims a trusted key it was not made with', async () => {
    const { lead, reviewer, identity, signAsReviewer } = await leadAndReviewer();
    await addTrustedSigner(reviewer, {
      publicKey: exportPublicKey(identity),
      name: '周覆核',
      role: 'reviewer',
    });
    await signAsReviewer();
    const back = await awpkgCodec.read(
      await awpkgCodec.write(await sendBack(reviewer), PKG_PASS),
      PKG_PASS,
    );
    const contents = back.contents;
    if (!isReturn(contents)) throw new Error('not a return');
    // The approver's key put on the reviewer's signature: as a crafted package would.
    const approver = (await lead.session.list('trustedSigners')).find((s) => s.role === 'approver');
    if (approver === undefined) throw new Error('no approver');
    const forged = {
      ...contents,
      changes: contents.changes.map((c) =>
        c.table === 'signoffs'
          ? {
              ...c,
              data: {
                ...c.data,
                level: 3,
                signer: {
                  ...(c.data.signer as object),
                  fingerprint: approver.fingerprint,
                  publicKey: approver.publicKey,
                },
              },
            }
          : c,
      ),
    };
    const prepared = await prepareMerge(lead.session, [
      { fileName: 'forged.awpkg', contents: forged, hash: back.hash, signer: back.signer },
    ]);
    expect(prepared.accepted).toEqual([]);
    expect(prepared.refusals.map((r) => r.text['zh-TW'])).toEqual([
      expect.stringMatching(/^繳回中的簽核紀錄 .+ 簽章無效/),
    ]);
  }, 60_000);
});
