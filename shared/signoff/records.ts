/**
 * The sign-off record types, as zod schemas, so the vault can store them as sealed records like
 * any other (a numbered migration adds the tables): the inspection's sign-off policy, sign-offs,
 * review notes, unlocks and the engagement's trusted signers. Sign-offs and unlocks are never
 * changed once written (a new signature is a new record), so history is kept and merging two
 * vaults is a union; review notes and trusted signers change by revision like other records.
 */
import { z } from 'zod';
import { isoInstantSchema } from '../domain/dates';
import { ageRecipientSchema, recipientSignatureSchema } from './age-key';
import { digestSchema } from './digest';
import { fingerprintSchema, publicKeyLineSchema, withoutPersonalData } from './identity';

const inspectionId = z.string().min(1);
const text = (max: number) => z.string().trim().max(max);

export const MIN_LEVELS = 2;
export const MAX_LEVELS = 5;

export const signoffRoleSchema = z.strictObject({
  /** Stable key, kept when the role is renamed (e.g. `preparer`). */
  key: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  /** What the team calls it, e.g. 編製; the lead may rename it. */
  name: withoutPersonalData(z.string().trim().min(1).max(40)),
  /**
   * Levels (1-based) that must hold a valid sign-off before this one signs; all lower levels
   * when absent. Only lower levels may be named, so the order cannot loop.
   */
  requires: z.array(z.int().min(1).max(MAX_LEVELS)).max(MAX_LEVELS).optional(),
});
export type SignoffRole = z.infer<typeof signoffRoleSchema>;

/** One per inspection: its ordered sign-off roles and the key its text commitments use. */
export const signoffPolicySchema = z
  .strictObject({
    inspectionId,
    /** Level 1 first (preparer); the last level is the approver whose sign-off locks. */
    roles: z.array(signoffRoleSchema).min(MIN_LEVELS).max(MAX_LEVELS),
    /** base64 of 32 random bytes: see `digest.ts` (salts of the text commitments). */
    digestKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  })
  .superRefine((policy, ctx) => {
    const keys = new Set<string>();
    policy.roles.forEach((role, i) => {
      if (keys.has(role.key)) {
        ctx.addIssue({ code: 'custom', path: ['roles', i, 'key'], message: 'duplicate role key' });
      }
      keys.add(role.key);
      for (const level of role.requires ?? []) {
        if (level >= i + 1) {
          ctx.addIssue({
            code: 'custom',
            path: ['roles', i, 'requires'],
            message: `level ${i + 1} may require only lower levels, not ${level}`,
          });
        }
      }
    });
  });
export type SignoffPolicy = z.infer<typeof signoffPolicySchema>;

/** The default three levels: 編製 (preparer), 覆核 (reviewer), 核定 (approver). */
export const DEFAULT_ROLES: readonly SignoffRole[] = [
  { key: 'preparer', name: '編製' },
  { key: 'reviewer', name: '覆核' },
  { key: 'approver', name: '核定' },
];

export const subjectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('item'), itemId: z.string().min(1).max(100) }),
  z.strictObject({ kind: z.literal('inspection') }),
]);
export type Subject = z.infer<typeof subjectSchema>;

export function subjectKey(subject: Subject): string {
  return subject.kind === 'item' ? `item:${subject.itemId}` : 'inspection';
}

/** Who signed, as the sign-off and the trusted-signer list name them. */
export const signerSchema = z.strictObject({
  name: withoutPersonalData(z.string().trim().min(1).max(100)),
  fingerprint: fingerprintSchema,
  publicKey: publicKeyLineSchema,
});
export type Signer = z.infer<typeof signerSchema>;

/**
 * One signature at one level on one subject. `content` is the exact canonical JSON that was
 * signed (commitments, never the text itself), so "what changed since" can be shown and a
 * stale sign-off can still be verified; `signature` is the minisign signature file over it,
 * whose trusted comment is the `statement` (see `signing.ts`).
 */
export const signoffSchema = z.strictObject({
  inspectionId,
  subject: subjectSchema,
  level: z.int().min(1).max(MAX_LEVELS),
  roleKey: z.string().min(1),
  roleName: withoutPersonalData(z.string().min(1).max(40)),
  signer: signerSchema,
  signedAt: isoInstantSchema,
  digest: digestSchema,
  /**
   * For the inspection: the digest of the item sign-offs it rests on (`basisOf`), so a removed
   * item sign-off is noticed; null for an item.
   */
  basis: digestSchema.nullable(),
  content: z.string().min(2).max(2_000_000),
  signature: z.string().min(1).max(20_000),
});
export type Signoff = z.infer<typeof signoffSchema>;

export const noteTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('item'), itemId: z.string().min(1).max(100) }),
  z.strictObject({
    kind: z.literal('finding'),
    findingId: z.string().min(1),
    /** The item the finding is raised on (null: outside the checklist), for blocking. */
    itemId: z.string().min(1).max(100).nullable(),
  }),
  z.strictObject({ kind: z.literal('inspection') }),
]);
export type NoteTarget = z.infer<typeof noteTargetSchema>;

const personSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  fingerprint: fingerprintSchema,
});

/** 覆核意見: raised by a reviewer at a level, answered by the preparer, cleared by its author. */
export const reviewNoteSchema = z.strictObject({
  inspectionId,
  target: noteTargetSchema,
  /** The level of the reviewer who raised it: the note blocks sign-off at this level and above. */
  level: z.int().min(1).max(MAX_LEVELS),
  author: personSchema,
  text: text(4000).min(1),
  raisedAt: isoInstantSchema,
  responses: z
    .array(z.strictObject({ by: personSchema, text: text(4000).min(1), at: isoInstantSchema }))
    .max(200),
  /** Cleared notes stay (struck through); null while open. */
  cleared: z.strictObject({ by: personSchema, at: isoInstantSchema }).nullable(),
});
export type ReviewNote = z.infer<typeof reviewNoteSchema>;

/**
 * A lifted lock-down: the approver's signature over the unlock statement (inspection, time,
 * reason) proves their signing passphrase was given; it stales the final sign-off before it.
 */
export const unlockSchema = z.strictObject({
  inspectionId,
  signer: signerSchema,
  at: isoInstantSchema,
  reason: withoutPersonalData(text(2000).min(1)),
  /** minisign signature over the canonical JSON of `{ inspectionId, at, reason, fingerprint }`. */
  signature: z.string().min(1).max(20_000),
});
export type Unlock = z.infer<typeof unlockSchema>;

/** The engagement's trusted signers (and `--signers team.json`): whose keys count. */
export const trustedSignerSchema = z
  .strictObject({
    /** Keys of one person share it, so a replaced key still counts as the same person. */
    personId: z.string().min(1).max(100),
    name: z.string().trim().min(1).max(100),
    /** The sign-off role they hold in the engagement (a role key), or null for any. */
    role: z.string().min(1).max(40).nullable(),
    fingerprint: fingerprintSchema,
    publicKey: publicKeyLineSchema,
    addedBy: z.string().trim().min(1).max(100),
    addedAt: isoInstantSchema,
    /** From when the key no longer signs: later signatures are refused, earlier ones stand. */
    retiredAt: isoInstantSchema.nullable(),
    /** The key that replaced this one, if any. */
    replacedBy: fingerprintSchema.nullable(),
    /**
     * The person's age recipient (`age-key.ts`) for packages encrypted to them, with the
     * signing key's signature binding it to `publicKey`; both or neither. Optional, so records
     * and team files written before them still parse. The signature is checked where the list is
     * used (add, team file read, before encrypting), since zod cannot verify it.
     */
    recipient: ageRecipientSchema.optional(),
    recipientSignature: recipientSignatureSchema.optional(),
  })
  .refine(
    (signer) => (signer.recipient === undefined) === (signer.recipientSignature === undefined),
    {
      message: 'an age recipient and its recipient signature go together',
      path: ['recipientSignature'],
    },
  );
export type TrustedSigner = z.infer<typeof trustedSignerSchema>;

/** The team file for `verify --signers`: `{ "format": "aw-trusted-signers", "signers": […] }`. */
export const trustedSignersFileSchema = z.strictObject({
  format: z.literal('aw-trusted-signers'),
  version: z.literal(1),
  signers: z.array(trustedSignerSchema).max(500),
});
export type TrustedSignersFile = z.infer<typeof trustedSignersFileSchema>;
