/**
 * The activity trail: an append-only list of who did what when. Each entry carries the hash of
 * the one before it, and the vault keeps the hash of the newest entry (the head), so an entry
 * that is edited, removed, reordered or cut from the end breaks the chain visibly.
 */
import { z } from 'zod';
import { sha256Hex } from '../crypto/bytes';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export const activityActions = [
  'vault.created',
  'vault.unlocked',
  'vault.unlocked-with-recovery',
  'vault.passphrase-changed',
  'record.created',
  'record.updated',
  'record.deleted',
  'records.imported',
  'personal-data.revealed',
] as const;
export type ActivityAction = (typeof activityActions)[number];

export const activityEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.iso.datetime(),
  actor: z.string().min(1),
  action: z.enum(activityActions),
  target: z.object({ table: z.string(), id: z.string() }).nullable(),
  /** Short human-readable description, e.g. the record's title. */
  summary: z.string().max(500),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;
export type ActivityDraft = Pick<ActivityEntry, 'action' | 'target' | 'summary'>;
export interface ChainHead {
  seq: number;
  hash: string;
}

async function hashOf(entry: Omit<ActivityEntry, 'hash'>): Promise<string> {
  return sha256Hex(canonicalJson(entry));
}

/** Builds the next entry of the chain after `head` (null for the first entry). */
export async function chainEntry(
  head: ChainHead | null,
  draft: ActivityDraft,
  actor: string,
  at: string,
): Promise<ActivityEntry> {
  const body = {
    seq: (head?.seq ?? 0) + 1,
    at,
    actor,
    action: draft.action,
    target: draft.target,
    summary: draft.summary.slice(0, 500),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  return { ...body, hash: await hashOf(body) };
}

export type ChainProblem =
  | { kind: 'edited'; seq: number }
  | { kind: 'missing'; afterSeq: number }
  | { kind: 'broken-link'; seq: number }
  | { kind: 'head-mismatch'; expectedSeq: number; foundSeq: number };

export interface ChainReport {
  ok: boolean;
  entries: number;
  problems: ChainProblem[];
}

/** Checks a whole trail, sorted by seq, against the head the vault recorded. */
export async function verifyChain(
  entries: readonly ActivityEntry[],
  head: ChainHead | null,
): Promise<ChainReport> {
  const problems: ChainProblem[] = [];
  let prev: ActivityEntry | null = null;
  for (const entry of entries) {
    const { hash, ...body } = entry;
    if ((await hashOf(body)) !== hash) problems.push({ kind: 'edited', seq: entry.seq });
    const expectedSeq = (prev?.seq ?? 0) + 1;
    if (entry.seq !== expectedSeq) problems.push({ kind: 'missing', afterSeq: prev?.seq ?? 0 });
    else if (entry.prevHash !== (prev?.hash ?? GENESIS_HASH))
      problems.push({ kind: 'broken-link', seq: entry.seq });
    prev = entry;
  }
  const last = entries.at(-1);
  if (head && (!last || last.seq !== head.seq || last.hash !== head.hash)) {
    problems.push({ kind: 'head-mismatch', expectedSeq: head.seq, foundSeq: last?.seq ?? 0 });
  }
  return { ok: problems.length === 0, entries: entries.length, problems };
}
