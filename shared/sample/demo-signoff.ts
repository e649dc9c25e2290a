/**
 * The sample engagement signed at every level by three demo identities (編製 林志明, 覆核
 * 黃建國, 核定 張雅婷), so anyone can try `verify` and minisign on a signed workpaper at once.
 * The identities are made fresh on each call (new keys), with passphrases printed here on
 * purpose: they are demo keys, never to be trusted for anything else. The reviewer raised a
 * note on one item, the preparer answered it and the reviewer cleared it before signing.
 * Only the twenty worked items are signed (an item with no result cannot be), so the signed
 * sample is the sample narrowed to them (`DemoSignoff.demo`).
 */
import { randomBytes, toBase64 } from '../crypto/bytes';
import type { KdfParams } from '../crypto/kdf';
import type { IsoInstant } from '../domain/dates';
import { toIsoInstant } from '../domain/dates';
import { contentsOf, digestKeyOf, inspectionRecordsOf } from '../signoff/digest';
import { createIdentity, type IdentityFile } from '../signoff/identity';
import {
  DEFAULT_ROLES,
  type ReviewNote,
  type Signoff,
  type SignoffPolicy,
  type TrustedSigner,
} from '../signoff/records';
import { basisOf, signContents, type SignRequest } from '../signoff/signing';
import { clearNote, raiseNote, respondToNote } from '../signoff/state';
import type { DemoEngagement } from './demo-engagement';

export interface DemoSigner {
  identity: IdentityFile;
  publicKeyFile: string;
  passphrase: string;
  roleKey: string;
}

export interface DemoSignoff {
  /** The sample as signed: its checklist narrowed to the items that have a result. */
  demo: DemoEngagement;
  policy: SignoffPolicy;
  signers: DemoSigner[];
  trusted: TrustedSigner[];
  signoffs: Signoff[];
  notes: ReviewNote[];
}

const PEOPLE = [
  { name: '林志明', passphrase: 'demo preparer passphrase', roleKey: 'preparer' },
  { name: '黃建國', passphrase: 'demo reviewer passphrase', roleKey: 'reviewer' },
  { name: '張雅婷', passphrase: 'demo approver passphrase', roleKey: 'approver' },
] as const;

/** The sample with its checklist narrowed to the items that have a result. */
export function workedOnly(demo: DemoEngagement): DemoEngagement {
  const worked = new Set(demo.itemResults.filter((r) => r.result !== null).map((r) => r.itemId));
  return { ...demo, items: demo.items.filter((item) => worked.has(item.id)) };
}

/** Signs the demo engagement's worked items and inspection at each level, an hour apart. */
export async function demoSignoff(
  sample: DemoEngagement,
  now: Date,
  options: { kdf?: () => KdfParams } = {},
): Promise<DemoSignoff> {
  const demo = workedOnly(sample);
  const at = (hoursAgo: number, minutes = 0): IsoInstant =>
    toIsoInstant(now.getTime() - hoursAgo * 3_600_000 + minutes * 60_000);
  const inspectionId = demo.inspection.id;
  const policy: SignoffPolicy = {
    inspectionId,
    roles: [...DEFAULT_ROLES],
    digestKey: toBase64(randomBytes(32)),
  };
  const signers: DemoSigner[] = [];
  for (const person of PEOPLE) {
    const made = await createIdentity({
      name: person.name,
      passphrase: person.passphrase,
      now: at(30),
      ...(options.kdf === undefined ? {} : { kdf: options.kdf() }),
    });
    signers.push({ ...made, passphrase: person.passphrase, roleKey: person.roleKey });
  }
  const trusted: TrustedSigner[] = signers.map((s, i) => ({
    personId: `demo-${s.roleKey}`,
    name: s.identity.name,
    role: s.roleKey,
    fingerprint: s.identity.fingerprint,
    publicKey: s.identity.publicKey,
    addedBy: PEOPLE[2].name,
    addedAt: at(29, i),
    retiredAt: null,
    replacedBy: null,
  }));

  const { items, inspection } = contentsOf(inspectionRecordsOf(demo), digestKeyOf(policy));

  const [preparer, reviewer] = signers;
  const firstItem = [...items.keys()][0];
  const notes: ReviewNote[] = [];
  if (preparer !== undefined && reviewer !== undefined && firstItem !== undefined) {
    const who = (s: DemoSigner) => ({ name: s.identity.name, fingerprint: s.identity.fingerprint });
    let note = raiseNote({
      inspectionId,
      target: { kind: 'item', itemId: firstItem },
      level: 2,
      author: who(reviewer),
      text: '請補充抽樣母體之取得來源及日期。',
      at: at(5),
    });
    note = respondToNote(
      note,
      who(preparer),
      '母體取自人資系統 1 月 7 日匯出之在職名冊，已補充於工作說明。',
      at(4, 30),
    );
    notes.push(clearNote(note, who(reviewer), at(4, 45)));
  }

  const signoffs: Signoff[] = [];
  for (const [index, signer] of signers.entries()) {
    const level = index + 1;
    const role = DEFAULT_ROLES[index];
    if (role === undefined) continue;
    const itemTime = at(4 - index);
    const requests: SignRequest[] = [...items.values()].map((content) => ({
      subject: { kind: 'item', itemId: content.itemId },
      level,
      roleKey: role.key,
      roleName: role.name,
      content,
      now: itemTime,
    }));
    signoffs.push(...(await signContents(signer.identity, signer.passphrase, requests)));
    const inspectionTime = at(4 - index, 10);
    signoffs.push(
      ...(await signContents(signer.identity, signer.passphrase, [
        {
          subject: { kind: 'inspection' },
          level,
          roleKey: role.key,
          roleName: role.name,
          content: inspection,
          now: inspectionTime,
          basis: basisOf(signoffs, inspectionId, level, inspectionTime),
        },
      ])),
    );
  }
  return { demo, policy, signers, trusted, signoffs, notes };
}
