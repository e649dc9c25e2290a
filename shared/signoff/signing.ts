/**
 * Making and checking one signature. A sign-off's minisign signature is over the signed
 * content's canonical JSON (the message) and carries, as its trusted comment, the statement:
 *
 *   {"aw":"signoff/1","at":"2026-03-04T02:00:00.000Z","digest":"<sha256>","fingerprint":"…",
 *    "inspection":"<id>","level":2,"role":"覆核","signer":"王小明","subject":"item:A-4-01"}
 *
 * (canonical JSON, so it is one line). The message binds the content (and so the inspection
 * and item ids inside it); the trusted comment binds who, at which level and when. A signature
 * moved to another item, level or person, or a record edited next to it, fails here.
 */
import { z } from 'zod';
import { utf8 } from '../crypto/bytes';
import { isoInstantSchema, type IsoInstant } from '../domain/dates';
import { digestOf, jcs, signedContentSchema, textSha256, type SignedContent } from './digest';
import { fingerprintOf, signWithIdentity, type IdentityFile } from './identity';
import { minisignVerify, parsePublicKey } from './minisign';
import {
  signoffSchema,
  subjectKey,
  unlockSchema,
  type Signoff,
  type Subject,
  type TrustedSigner,
  type Unlock,
} from './records';

export const STATEMENT_TAG = 'signoff/1';
export const UNLOCK_TAG = 'unlock/1';

export const statementSchema = z.strictObject({
  aw: z.literal(STATEMENT_TAG),
  at: isoInstantSchema,
  basis: z.string().nullable(),
  digest: z.string(),
  fingerprint: z.string(),
  inspection: z.string(),
  level: z.int(),
  role: z.string(),
  signer: z.string(),
  subject: z.string(),
});
export type Statement = z.infer<typeof statementSchema>;

export function statementOf(signoff: Omit<Signoff, 'signature' | 'content'>): Statement {
  return {
    aw: STATEMENT_TAG,
    at: signoff.signedAt,
    basis: signoff.basis,
    digest: signoff.digest,
    fingerprint: signoff.signer.fingerprint,
    inspection: signoff.inspectionId,
    level: signoff.level,
    role: signoff.roleName,
    signer: signoff.signer.name,
    subject: subjectKey(signoff.subject),
  };
}

/**
 * What an inspection sign-off at `level` rests on: the current sign-off of every item at that
 * level and below as of `at` (subject, level, fingerprint, time, digest), sorted, as the
 * SHA-256 of its canonical JSON. Removing any of them from a workpaper changes it.
 */
export function basisOf(
  signoffs: readonly Signoff[],
  inspectionId: string,
  level: number,
  at: string,
): string {
  const latest = new Map<string, Signoff>();
  for (const s of signoffs) {
    if (s.inspectionId !== inspectionId || s.subject.kind !== 'item') continue;
    if (s.level > level || s.signedAt > at) continue;
    const key = `${s.level}|${subjectKey(s.subject)}`;
    const seen = latest.get(key);
    if (seen === undefined || s.signedAt > seen.signedAt) latest.set(key, s);
  }
  const entries = [...latest.values()]
    .map((s) => ({
      at: s.signedAt,
      digest: s.digest,
      fingerprint: s.signer.fingerprint,
      level: s.level,
      subject: subjectKey(s.subject),
    }))
    .sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.level - b.level));
  return textSha256(jcs(entries));
}

function untrustedComment(statement: Statement): string {
  return `Audit Workbench sign-off: ${statement.subject} level ${statement.level} (${statement.role}) by ${statement.signer.replace(/[\r\n]+/g, ' ')}`;
}

export interface SignRequest {
  subject: Subject;
  level: number;
  roleKey: string;
  roleName: string;
  content: SignedContent;
  now: IsoInstant;
  /** For the inspection: `basisOf` the item sign-offs at this level and below. */
  basis?: string;
}

/**
 * Signs content with an identity; the passphrase is the one the user typed for this signing
 * (one entry may sign several subjects at once, e.g. a level's items). Does not check the
 * sign-off rules: `state.ts` does, before.
 */
export async function signContents(
  identity: IdentityFile,
  passphrase: string,
  requests: readonly SignRequest[],
): Promise<Signoff[]> {
  const prepared = requests.map((request) => {
    const content = signedContentSchema.parse(request.content);
    const subjectMatches =
      request.subject.kind === content.subject &&
      (request.subject.kind !== 'item' ||
        (content.subject === 'item' && content.itemId === request.subject.itemId));
    if (!subjectMatches) {
      throw new RangeError(`the content is not that of ${subjectKey(request.subject)}`);
    }
    const unsigned = {
      inspectionId: content.inspectionId,
      subject: request.subject,
      level: request.level,
      roleKey: request.roleKey,
      roleName: request.roleName,
      signer: {
        name: identity.name,
        fingerprint: identity.fingerprint,
        publicKey: identity.publicKey,
      },
      signedAt: request.now,
      digest: digestOf(content),
      basis: request.subject.kind === 'inspection' ? (request.basis ?? null) : null,
    };
    if (unsigned.subject.kind === 'inspection' && unsigned.basis === null) {
      throw new RangeError('an inspection sign-off needs the basis of its item sign-offs');
    }
    return { unsigned, text: jcs(content), statement: statementOf(unsigned) };
  });
  return signWithIdentity(identity, passphrase, async (signer) => {
    const out: Signoff[] = [];
    for (const { unsigned, text, statement } of prepared) {
      const signature = await signer.sign(utf8(text), {
        trusted: jcs(statement),
        untrusted: untrustedComment(statement),
      });
      out.push(signoffSchema.parse({ ...unsigned, content: text, signature }));
    }
    return out;
  });
}

export type SignatureProblem =
  /** The signature, its trusted comment or the key is not what was signed. */
  | 'invalid-signature'
  /** The statement in the signature does not match the record beside it. */
  | 'statement-mismatch'
  /** The content text is not canonical, or its digest is not the recorded one. */
  | 'content-mismatch'
  /** The key is not in the trusted signers given. */
  | 'unknown-signer'
  /** The key was retired before the signature's time. */
  | 'retired-key';

export type SignatureCheck =
  { ok: true } | { ok: false; problem: SignatureProblem; detail: string };

/** Finds the trusted signer of a key; undefined when none is given (no list to check). */
export function trustedSignerOf(
  fingerprint: string,
  signers: readonly TrustedSigner[],
): TrustedSigner | undefined {
  return signers.find((s) => s.fingerprint === fingerprint);
}

/** Checks a key against the trusted signers at a time: known, and not retired by then. */
export function checkSigner(
  fingerprint: string,
  publicKey: string,
  at: string,
  signers: readonly TrustedSigner[] | null,
): SignatureCheck {
  if (signers === null) return { ok: true };
  const trusted = trustedSignerOf(fingerprint, signers);
  if (trusted === undefined || trusted.publicKey !== publicKey) {
    return {
      ok: false,
      problem: 'unknown-signer',
      detail: `key ${fingerprint} is not a trusted signer`,
    };
  }
  if (trusted.retiredAt !== null && at >= trusted.retiredAt) {
    return {
      ok: false,
      problem: 'retired-key',
      detail: `key ${fingerprint} of ${trusted.name} was retired on ${trusted.retiredAt}, before this signature (${at})`,
    };
  }
  return { ok: true };
}

/**
 * Checks one sign-off on its own: the signature over its content with its key, the statement
 * against the record, the content's digest, and (when a list is given) the signer's trust.
 * Whether the content is still the current one (stale) is `state.ts`'s question.
 */
export async function checkSignoff(
  signoff: Signoff,
  signers: readonly TrustedSigner[] | null,
): Promise<SignatureCheck> {
  const parsed = signoffSchema.safeParse(signoff);
  if (!parsed.success) {
    return { ok: false, problem: 'content-mismatch', detail: 'the sign-off record is malformed' };
  }
  const record = parsed.data;
  if (fingerprintOf(record.signer.publicKey) !== record.signer.fingerprint) {
    return {
      ok: false,
      problem: 'statement-mismatch',
      detail: 'the fingerprint is not that of the key',
    };
  }
  let content: SignedContent;
  try {
    content = signedContentSchema.parse(JSON.parse(record.content));
  } catch {
    return { ok: false, problem: 'content-mismatch', detail: 'the signed content is not valid' };
  }
  if (jcs(content) !== record.content || digestOf(content) !== record.digest) {
    return {
      ok: false,
      problem: 'content-mismatch',
      detail: 'the signed content does not match its digest',
    };
  }
  const sameSubject =
    content.inspectionId === record.inspectionId &&
    content.subject === record.subject.kind &&
    (content.subject !== 'item' ||
      (record.subject.kind === 'item' && content.itemId === record.subject.itemId));
  if (!sameSubject) {
    return {
      ok: false,
      problem: 'content-mismatch',
      detail: 'the signed content is of another subject',
    };
  }
  const verdict = await minisignVerify(
    parsePublicKey(record.signer.publicKey),
    utf8(record.content),
    record.signature,
  );
  if (!verdict.ok) return { ok: false, problem: 'invalid-signature', detail: verdict.detail };
  if (verdict.trustedComment !== jcs(statementOf(record))) {
    return {
      ok: false,
      problem: 'statement-mismatch',
      detail: 'the signed statement (who, level, time) differs from the sign-off record',
    };
  }
  return checkSigner(record.signer.fingerprint, record.signer.publicKey, record.signedAt, signers);
}

function unlockStatement(unlock: Omit<Unlock, 'signature'>): string {
  return jcs({
    aw: UNLOCK_TAG,
    at: unlock.at,
    fingerprint: unlock.signer.fingerprint,
    inspection: unlock.inspectionId,
    reason: unlock.reason,
  });
}

/** The approver's signed unlock: proves the signing passphrase, records the reason. */
export async function signUnlock(request: {
  identity: IdentityFile;
  passphrase: string;
  inspectionId: string;
  reason: string;
  now: IsoInstant;
}): Promise<Unlock> {
  const reason = request.reason.trim();
  if (reason === '') throw new RangeError('Unlocking needs a reason');
  const unsigned = {
    inspectionId: request.inspectionId,
    signer: {
      name: request.identity.name,
      fingerprint: request.identity.fingerprint,
      publicKey: request.identity.publicKey,
    },
    at: request.now,
    reason,
  };
  const message = unlockStatement(unsigned);
  const signature = await signWithIdentity(request.identity, request.passphrase, (signer) =>
    signer.sign(utf8(message), { trusted: message, untrusted: 'Audit Workbench unlock' }),
  );
  return unlockSchema.parse({ ...unsigned, signature });
}

export async function checkUnlock(unlock: Unlock): Promise<SignatureCheck> {
  const message = unlockStatement(unlock);
  const verdict = await minisignVerify(
    parsePublicKey(unlock.signer.publicKey),
    utf8(message),
    unlock.signature,
  );
  if (!verdict.ok) return { ok: false, problem: 'invalid-signature', detail: verdict.detail };
  if (verdict.trustedComment !== message) {
    return { ok: false, problem: 'statement-mismatch', detail: 'the unlock statement was altered' };
  }
  return { ok: true };
}
