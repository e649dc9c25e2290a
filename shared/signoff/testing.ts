/** Test helpers: Argon2id at its floor (19 MiB, 2 passes) so tests create identities quickly. */
import { randomBytes, toBase64 } from '../crypto/bytes';
import type { KdfParams } from '../crypto/kdf';
import { ARGON2ID_BOUNDS } from '../crypto/kdf';
import { asIsoInstant, type IsoInstant } from '../domain/dates';
import { sampleInput } from '../workpapers/testing/factories';
import { contentsOf, digestKeyOf, inspectionRecordsOf, type InspectionRecords } from './digest';
import { createIdentity, type IdentityFile } from './identity';
import {
  DEFAULT_ROLES,
  type ReviewNote,
  type Signoff,
  type SignoffPolicy,
  type Subject,
  type TrustedSigner,
  type Unlock,
} from './records';
import { basisOf, signContents } from './signing';
import { contentFacts, type SignoffState } from './state';

export function fastKdf(): KdfParams {
  return {
    alg: 'Argon2id',
    version: 19,
    memoryKiB: ARGON2ID_BOUNDS.memoryKiB.min,
    iterations: ARGON2ID_BOUNDS.iterations.min,
    parallelism: 1,
    salt: toBase64(randomBytes(16)),
  };
}

export const PASSPHRASE = 'test signing passphrase';

export interface Fixture {
  records: InspectionRecords;
  policy: SignoffPolicy;
  people: IdentityFile[];
  trusted: TrustedSigner[];
  signoffs: Signoff[];
  notes: ReviewNote[];
  unlocks: Unlock[];
  /** The state machine's view of the fixture now. */
  state(records?: InspectionRecords): SignoffState;
  /** Signs a subject at a level as person `who` (0, 1, 2) and keeps the sign-off. */
  sign(who: number, subject: Subject, level: number, at: IsoInstant): Promise<Signoff>;
  /** Signs every item at a level as person `who`, with one passphrase entry. */
  signItems(who: number, level: number, at: IsoInstant): Promise<Signoff[]>;
}

/** Three items of the workpaper factories, three people (preparer, reviewer, approver). */
export async function signoffFixture(names = ['林編製', '黃覆核', '張核定']): Promise<Fixture> {
  const input = await sampleInput();
  const records: InspectionRecords = inspectionRecordsOf(input);
  const policy: SignoffPolicy = {
    inspectionId: input.inspection.id,
    roles: [...DEFAULT_ROLES],
    digestKey: toBase64(randomBytes(32)),
  };
  const people: IdentityFile[] = [];
  for (const name of names) {
    const made = await createIdentity({
      name,
      passphrase: PASSPHRASE,
      now: asIsoInstant('2026-01-01T00:00:00.000Z'),
      kdf: fastKdf(),
    });
    people.push(made.identity);
  }
  const trusted: TrustedSigner[] = people.map((p, i) => ({
    personId: `person-${i}`,
    name: p.name,
    role: DEFAULT_ROLES[i]?.key ?? null,
    fingerprint: p.fingerprint,
    publicKey: p.publicKey,
    addedBy: '張核定',
    addedAt: asIsoInstant('2026-01-01T00:00:00.000Z'),
    retiredAt: null,
    replacedBy: null,
  }));
  const fixture: Fixture = {
    records,
    policy,
    people,
    trusted,
    signoffs: [],
    notes: [],
    unlocks: [],
    state(current = fixture.records) {
      const contents = contentsOf(current, digestKeyOf(policy));
      return {
        policy,
        signoffs: fixture.signoffs,
        notes: fixture.notes,
        unlocks: fixture.unlocks,
        signers: fixture.trusted,
        ...contentFacts(contents),
      };
    },
    async sign(who, subject, level, at) {
      const person = people[who];
      const role = policy.roles[level - 1];
      if (person === undefined || role === undefined)
        throw new RangeError('no such person or level');
      const contents = contentsOf(fixture.records, digestKeyOf(policy));
      const content =
        subject.kind === 'item' ? contents.items.get(subject.itemId) : contents.inspection;
      if (content === undefined) throw new RangeError('no such item');
      const [signoff] = await signContents(person, PASSPHRASE, [
        {
          subject,
          level,
          roleKey: role.key,
          roleName: role.name,
          content,
          now: at,
          ...(subject.kind === 'inspection'
            ? { basis: basisOf(fixture.signoffs, policy.inspectionId, level, at) }
            : {}),
        },
      ]);
      if (signoff === undefined) throw new Error('nothing signed');
      fixture.signoffs.push(signoff);
      return signoff;
    },
    async signItems(who, level, at) {
      const person = people[who];
      const role = policy.roles[level - 1];
      if (person === undefined || role === undefined)
        throw new RangeError('no such person or level');
      const contents = contentsOf(fixture.records, digestKeyOf(policy));
      const signed = await signContents(
        person,
        PASSPHRASE,
        [...contents.items.values()].map((content) => ({
          subject: { kind: 'item', itemId: content.itemId },
          level,
          roleKey: role.key,
          roleName: role.name,
          content,
          now: at,
        })),
      );
      fixture.signoffs.push(...signed);
      return signed;
    },
  };
  return fixture;
}

/** The value, or a test failure naming what was missing. */
export function must<T>(value: T | undefined | null, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`test fixture: no ${what}`);
  return value;
}
