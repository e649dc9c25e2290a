/**
 * The signing entries of the hidden `_aw_meta` sheet (see `signoff-sheets.ts` for what each
 * holds): their schemas, the rows they are written as (an entry longer than a cell continues
 * on `more` rows) and reading them back. Read by `readWorkpaperMeta` and covered by the
 * content hash like every other entry.
 */
import { z } from 'zod';
import {
  COVER_TEXT_FIELDS,
  FINDING_TEXT_FIELDS,
  ITEM_TEXT_FIELDS,
  evidenceRefSchema,
} from '../signoff/digest';
import { signoffSchema, unlockSchema, type Unlock } from '../signoff/records';
import type { CellValue } from './model';

export const SIGNING_FORMAT = 'aw-signoff-manifest';
export const SIGNING_VERSION = 1;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
export const revealSchema = z.union([
  z.strictObject({ salt: hex64 }),
  z.strictObject({ commitment: hex64 }),
]);
export type Reveal = z.infer<typeof revealSchema>;

const revealsOf = <K extends string>(keys: readonly [K, ...K[]]) =>
  z.strictObject(
    Object.fromEntries(keys.map((k) => [k, revealSchema])) as Record<K, typeof revealSchema>,
  );

export const findingRevealSchema = z.strictObject({
  id: z.string().min(1),
  text: revealsOf(FINDING_TEXT_FIELDS),
  closingEvidence: z.array(evidenceRefSchema),
});
export type FindingReveal = z.infer<typeof findingRevealSchema>;

export const signingEntrySchema = z.strictObject({
  format: z.literal(SIGNING_FORMAT),
  version: z.literal(SIGNING_VERSION),
  roles: z.array(z.strictObject({ level: z.int().min(1), key: z.string(), name: z.string() })),
  cover: z.strictObject({
    periodStart: z.iso.date(),
    periodEnd: z.iso.date(),
    libraryVersion: z.string().min(1),
    text: revealsOf(COVER_TEXT_FIELDS),
  }),
  findings: z.array(findingRevealSchema),
});
export type SigningEntry = z.infer<typeof signingEntrySchema>;

export const signedEntrySchema = z.strictObject({
  itemId: z.string().min(1),
  text: revealsOf(ITEM_TEXT_FIELDS),
  evidence: z.array(evidenceRefSchema),
  findings: z.array(findingRevealSchema),
});
export type SignedEntry = z.infer<typeof signedEntrySchema>;

export const signoffEntrySchema = signoffSchema.extend({ content: z.string().min(2).optional() });
export type SignoffEntry = z.infer<typeof signoffEntrySchema>;

/** The signing part of the meta sheet; absent from unsigned workpapers. */
export interface SigningMeta {
  signing: SigningEntry;
  signed: SignedEntry[];
  signoffs: SignoffEntry[];
  unlocks: Unlock[];
}

// ---------------------------------------------------------------------------------------------
// The meta sheet's rows

/** A cell holds at most 32,767 characters: longer entries continue on `more` rows. */
const CHUNK = 30_000;

export function signingMetaRows(
  meta: SigningMeta,
  json: (value: unknown) => string,
): CellValue[][] {
  const rows: CellValue[][] = [];
  const push = (kind: string, value: unknown) => {
    const text = json(value);
    rows.push([kind, text.slice(0, CHUNK)]);
    for (let at = CHUNK; at < text.length; at += CHUNK)
      rows.push(['more', text.slice(at, at + CHUNK)]);
  };
  push('signing', meta.signing);
  for (const entry of meta.signed) push('signed', entry);
  for (const entry of meta.signoffs) push('signoff', entry);
  for (const entry of meta.unlocks) push('unlock', entry);
  return rows;
}

export const SIGNING_KINDS = ['signing', 'signed', 'signoff', 'unlock', 'more'] as const;
export type SigningKind = (typeof SIGNING_KINDS)[number];

export function isSigningKind(kind: unknown): kind is SigningKind {
  return (SIGNING_KINDS as readonly unknown[]).includes(kind);
}

/**
 * Reads the signing entries back from the meta sheet's `kind`/`value` pairs (in order);
 * returns an error text naming the entry for anything malformed.
 */
export function readSigningEntries(
  lines: readonly { kind: string; value: unknown; row: number }[],
): SigningMeta | null | string {
  const joined: { kind: string; value: string; row: number }[] = [];
  for (const line of lines) {
    if (typeof line.value !== 'string') return `signing entry in row ${line.row}`;
    const last = joined.at(-1);
    if (line.kind === 'more') {
      if (last === undefined) return `continuation without an entry in row ${line.row}`;
      last.value += line.value;
    } else joined.push({ kind: line.kind, value: line.value, row: line.row });
  }
  if (joined.length === 0) return null;
  const meta: SigningMeta = {
    signing: undefined as unknown as SigningEntry,
    signed: [],
    signoffs: [],
    unlocks: [],
  };
  let seenSigning = false;
  for (const entry of joined) {
    let value: unknown;
    try {
      value = JSON.parse(entry.value) as unknown;
    } catch {
      return `${entry.kind} entry in row ${entry.row}`;
    }
    const parsed =
      entry.kind === 'signing'
        ? signingEntrySchema.safeParse(value)
        : entry.kind === 'signed'
          ? signedEntrySchema.safeParse(value)
          : entry.kind === 'signoff'
            ? signoffEntrySchema.safeParse(value)
            : unlockSchema.safeParse(value);
    if (!parsed.success) return `${entry.kind} entry in row ${entry.row}`;
    if (entry.kind === 'signing') {
      if (seenSigning) return `second signing entry in row ${entry.row}`;
      seenSigning = true;
      meta.signing = parsed.data as SigningEntry;
    } else if (entry.kind === 'signed') meta.signed.push(parsed.data as SignedEntry);
    else if (entry.kind === 'signoff') meta.signoffs.push(parsed.data as SignoffEntry);
    else meta.unlocks.push(parsed.data as Unlock);
  }
  if (!seenSigning) return 'signing entries without the signing header';
  return meta;
}
