/**
 * Demo signers for the sample packages (`sample --package/--returns`): the lead 張雅婷 signs
 * the hand-out, the auditors 林志明 and 陳怡君 sign their returns, and the hand-out carries the
 * three as the engagement's trusted signers, so `package-info` and `merge` show a trusted
 * signer at once. Keys are made fresh on each call, with passphrases printed here on purpose:
 * demo keys, never to be trusted for anything else (as `demo-signoff.ts`).
 */
import type { KdfParams } from '../crypto/kdf';
import { toIsoInstant } from '../domain/dates';
import { newRecordId } from '../domain/records';
import type { PackageRecord } from '../package/format';
import { SAMPLE_AUDITORS } from '../package/sample';
import type { PackageSigner } from '../package/signature';
import { recipientStatementOf } from '../signoff/age-key';
import { createIdentity, signWithIdentity } from '../signoff/identity';
import type { TrustedSigner } from '../signoff/records';
import { DEMO_ACTOR } from './demo-engagement';
import type { DemoSigner } from './demo-signoff';

export interface DemoPackageSigners {
  /** Signs the hand-out (and a merged one). */
  lead: DemoSigner;
  /** In `SAMPLE_AUDITORS` order: each signs their return. */
  auditors: DemoSigner[];
  /** The three, as the engagement's trusted signers, each with its age recipient statement. */
  trusted: TrustedSigner[];
}

const PEOPLE = [
  { name: DEMO_ACTOR, passphrase: 'demo lead passphrase', roleKey: 'approver' },
  ...SAMPLE_AUDITORS.map((name, i) => ({
    name,
    passphrase: `demo auditor ${i + 1} passphrase`,
    roleKey: 'preparer',
  })),
];

export async function demoPackageSigners(
  now: Date,
  options: { kdf?: () => KdfParams } = {},
): Promise<DemoPackageSigners> {
  const made = toIsoInstant(now.getTime() - 30 * 3_600_000);
  const signers: DemoSigner[] = [];
  for (const person of PEOPLE) {
    const created = await createIdentity({
      name: person.name,
      passphrase: person.passphrase,
      now: made,
      ...(options.kdf === undefined ? {} : { kdf: options.kdf() }),
    });
    signers.push({ ...created, passphrase: person.passphrase, roleKey: person.roleKey });
  }
  const trusted: TrustedSigner[] = [];
  for (const [i, s] of signers.entries()) {
    trusted.push({
      personId: `demo-package-${i}`,
      name: s.identity.name,
      role: s.roleKey,
      fingerprint: s.identity.fingerprint,
      publicKey: s.identity.publicKey,
      addedBy: DEMO_ACTOR,
      addedAt: made,
      retiredAt: null,
      replacedBy: null,
      ...(await recipientStatementOf(s.identity, s.passphrase)),
    });
  }
  const [lead, ...auditors] = signers;
  if (lead === undefined) throw new Error('no demo lead');
  return { lead, auditors, trusted };
}

/** The trusted signers as the hand-out's `trustedSigners` records. */
export function trustedSignerRecords(
  trusted: readonly TrustedSigner[],
  at: string,
): PackageRecord[] {
  return trusted.map((signer) => ({
    table: 'trustedSigners',
    id: newRecordId(),
    rev: 1,
    deleted: false,
    data: { ...signer },
    updatedAt: at,
    updatedBy: DEMO_ACTOR,
  }));
}

/** Runs `work` with the demo signer's key open (its passphrase is the demo one). */
export function withDemoSigner<T>(
  signer: DemoSigner,
  work: (packageSigner: PackageSigner) => Promise<T>,
): Promise<T> {
  return signWithIdentity(signer.identity, signer.passphrase, work);
}
