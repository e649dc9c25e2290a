/**
 * Test set-up for the sign-off service: a vault (Dexie on fake-indexeddb) holding an inspection
 * of three items, each with a result (one with a finding, one with an evidence file, the one
 * the sample leaves open marked 不適用, since an item with no result cannot be signed), three
 * signing identities (Argon2id at its floor) and their keys as trusted signers with the
 * default roles.
 */
import { utf8 } from '../../../shared/crypto';
import { emptyItemResult } from '../../../shared/domain/inspection/results';
import type { Stored } from '../../../shared/domain/records';
import type { IdentityFile } from '../../../shared/signoff/identity';
import type { Subject } from '../../../shared/signoff/records';
import { PASSPHRASE, fastKdf } from '../../../shared/signoff/testing';
import { sampleInput } from '../../../shared/workpapers/testing/factories';
import { freshIdb, manualClock, sampleEngagement } from '../../data/testing/factories';
import { payloadOf } from '../../data/vault-session';
import { createVaultStore } from '../../data/vaults';
import { addTrustedSigner, createSigningIdentity, exportPublicKey } from './identities';
import { ensurePolicy, loadSignoff } from './signoff-state';
import { signOff } from './sign';

export const VAULT_PASS = 'sign-off service passphrase';
export { PASSPHRASE };

export async function signoffVault(options: { roles?: (string | null)[] } = {}) {
  const idb = freshIdb();
  const clock = manualClock('2026-03-04T02:00:00.000Z');
  const now = () => {
    clock.advance(1000);
    return clock.now();
  };
  const store = createVaultStore({ idb });
  const { session } = await store.create({
    label: 'sign-off',
    passphrase: VAULT_PASS,
    owner: '張核定',
    engagement: sampleEngagement(),
  });
  const sample = await sampleInput();
  const inspectionId = sample.inspection.id;
  const results = sample.items.map((item) => {
    const stored = sample.itemResults.find((r) => r.itemId === item.id);
    return stored
      ? { ...payloadOf(stored), evidenceIds: [] }
      : {
          inspectionId,
          ...emptyItemResult(item.id),
          result: 'not-applicable' as const,
          reason: 'Not in this test',
        };
  });
  const [finding] = sample.findings;
  if (!finding) throw new Error('sample without a finding');
  await session.createBatch(
    [
      { table: 'inspections', items: [{ id: inspectionId, data: payloadOf(sample.inspection) }] },
      { table: 'itemResults', items: results.map((data) => ({ data })) },
      { table: 'findings', items: [{ id: finding.id, data: payloadOf(finding) }] },
    ],
    'inspection',
  );
  const evidence = await session.attach(inspectionId, {
    name: 'roster.txt',
    mimeType: 'text/plain',
    bytes: utf8('roster'),
  });
  const names = ['林編製', '黃覆核', '張核定'];
  const roles = options.roles ?? ['preparer', 'reviewer', 'approver'];
  const people: Stored<IdentityFile>[] = [];
  for (const [i, name] of names.entries()) {
    const { record } = await createSigningIdentity(session, {
      name,
      passphrase: PASSPHRASE,
      kdf: fastKdf(),
      now,
    });
    people.push(record);
    await addTrustedSigner(session, {
      publicKey: exportPublicKey(record),
      name,
      role: roles[i] ?? null,
      now,
    });
  }
  await ensurePolicy(session, inspectionId); // the default levels, as the screen makes them
  const itemIds = sample.items.map((item) => item.id);
  const person = (who: number) => {
    const p = people[who];
    if (!p) throw new Error(`no person ${who}`);
    return p;
  };
  const sign = (who: number, subjects: readonly Subject[], level: number) =>
    signOff(session, {
      inspectionId,
      subjects,
      level,
      identityId: person(who).id,
      passphrase: PASSPHRASE,
      now,
    });
  const items: Subject[] = itemIds.map((itemId) => ({ kind: 'item', itemId }));
  /** Every level of every item, then of the inspection: the approver's last sign-off locks. */
  const signEverything = async () => {
    for (const level of [1, 2, 3]) await sign(level - 1, items, level);
    for (const level of [1, 2, 3]) await sign(level - 1, [{ kind: 'inspection' }], level);
  };
  const load = () => loadSignoff(session, inspectionId);
  return {
    idb,
    store,
    session,
    sample,
    inspectionId,
    itemIds,
    items,
    finding,
    evidence,
    people,
    person,
    now,
    sign,
    signEverything,
    load,
  };
}
