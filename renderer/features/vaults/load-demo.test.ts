/**
 * The sample engagement loaded into a new vault (Dexie on fake-indexeddb): every evidence link
 * of its records resolves to a file that reads back, and its inspection can be signed off.
 */
import { describe, expect, it } from 'vitest';
import { demoEngagement } from '../../../shared/sample/demo-engagement';
import { PASSPHRASE, fastKdf } from '../../../shared/signoff/testing';
import { freshIdb, sampleEngagement } from '../../data/testing/factories';
import { createVaultStore } from '../../data/vaults';
import { addTrustedSigner, createSigningIdentity, exportPublicKey } from '../signoff/identities';
import { signOff } from '../signoff/sign';
import { loadSignoff } from '../signoff/signoff-state';
import { loadDemo } from './load-demo';

async function demoVault() {
  const store = createVaultStore({ idb: freshIdb() });
  const { session } = await store.create({
    label: 'demo',
    passphrase: 'demo vault passphrase 2026',
    owner: '陳稽核',
    engagement: sampleEngagement(),
  });
  const demo = await demoEngagement(new Date('2026-03-04T02:00:00.000Z'));
  await loadDemo(session, demo);
  return { session, demo };
}

describe('loadDemo', () => {
  it('links every scan the demo names to an evidence file in the vault', async () => {
    const { session, demo } = await demoVault();
    const evidence = await session.list('evidence');
    expect(evidence).toHaveLength(demo.evidence?.length ?? 0);
    const [results, findings, agreements, disposals, reviews] = await Promise.all([
      session.list('itemResults'),
      session.list('findings'),
      session.list('agreements'),
      session.list('disposals'),
      session.list('policyReviews'),
    ]);
    const links = [
      ...results.flatMap((r) => r.evidenceIds),
      ...findings.flatMap((f) => f.closingEvidenceIds),
      ...agreements.flatMap((a) => (a.attachmentId === null ? [] : [a.attachmentId])),
      ...disposals.flatMap((d) => (d.certificateId === null ? [] : [d.certificateId])),
      ...reviews.flatMap((r) => r.document?.attachmentId ?? []),
    ];
    expect(links.length).toBeGreaterThan(4);
    for (const id of links) {
      const { bytes } = await session.readAttachment(id);
      expect(new TextDecoder().decode(bytes)).toContain('示範案件的佐證檔案');
    }
  });

  it('leaves an inspection whose items can be signed', async () => {
    const { session, demo } = await demoVault();
    const { record } = await createSigningIdentity(session, {
      name: '林編製',
      passphrase: PASSPHRASE,
      kdf: fastKdf(),
    });
    await addTrustedSigner(session, {
      publicKey: exportPublicKey(record),
      name: '林編製',
      role: 'preparer',
    });
    const loaded = await loadSignoff(session, demo.inspection.id);
    const worked = demo.itemResults.filter((r) => r.evidenceIds.length > 0);
    expect(worked.length).toBeGreaterThan(0);
    await signOff(session, {
      inspectionId: demo.inspection.id,
      subjects: worked.map((r) => ({ kind: 'item', itemId: r.itemId })),
      level: 1,
      identityId: record.id,
      passphrase: PASSPHRASE,
    });
    expect(loaded.contents.items.size).toBe(demo.items.length);
    const signed = await session.listChildren('signoffs', demo.inspection.id);
    expect(signed).toHaveLength(worked.length);
  });
});
