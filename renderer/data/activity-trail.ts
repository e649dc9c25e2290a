/**
 * Reading and checking a vault's activity trail. Writing stays in VaultSession, where each
 * entry is appended in the same transaction as the change it records.
 */
import { z } from 'zod';
import type { Sealed } from '../../shared/crypto';
import {
  type ActivityEntry,
  activityEntrySchema,
  type ChainHead,
  type ChainReport,
  verifyChain,
} from '../../shared/domain/activity';
import { CorruptRecordError, LockedError } from './errors';
import type { VaultDb } from './vault-db';

/** Opens one sealed value of the vault (the session supplies its key). */
export type SealedOpener = (table: string, id: string | number, sealed: Sealed) => Promise<unknown>;

const headSchema = z.object({ seq: z.number().int().positive(), hash: z.string() });

/** The newest entry's sequence number and hash, as the vault recorded it. */
export async function readHead(db: VaultDb, open: SealedOpener): Promise<ChainHead | null> {
  const row = await db.meta.get('activity-head');
  if (!row || row.key !== 'activity-head') return null;
  const head = headSchema.parse(await open('meta', 'activity-head', row.sealed));
  if (head.seq !== row.seq)
    throw new CorruptRecordError('meta', 'activity-head', 'sequence mismatch');
  return head;
}

/** Every entry that opens, oldest first, and the sequence numbers of those that do not. */
export async function readTrail(
  db: VaultDb,
  open: SealedOpener,
): Promise<{ entries: ActivityEntry[]; unreadable: number[] }> {
  const rows = await db.activity.toArray();
  const entries: ActivityEntry[] = [];
  const unreadable: number[] = [];
  for (const row of rows) {
    try {
      const entry = activityEntrySchema.parse(await open('activity', row.seq, row.sealed));
      if (entry.seq !== row.seq) throw new Error('sequence mismatch');
      entries.push(entry);
    } catch {
      unreadable.push(row.seq);
    }
  }
  return { entries, unreadable };
}

/**
 * The chain checked end to end; an entry that does not open counts as edited, and so does a
 * head that does not open.
 */
export async function verifyTrail(db: VaultDb, open: SealedOpener): Promise<ChainReport> {
  const { entries, unreadable } = await readTrail(db, open);
  let head: ChainHead | null = null;
  const headProblems: ChainReport['problems'] = [];
  try {
    head = await readHead(db, open);
    if (!head)
      headProblems.push({ kind: 'head-missing', entries: entries.length + unreadable.length });
  } catch (error) {
    if (error instanceof LockedError) throw error;
    const row = await db.meta.get('activity-head');
    headProblems.push({ kind: 'edited', seq: row && 'seq' in row ? row.seq : 0 });
  }
  const report = await verifyChain(entries, head);
  const problems = [
    ...unreadable.map((seq) => ({ kind: 'edited' as const, seq })),
    ...headProblems,
    ...report.problems,
  ];
  return { ok: problems.length === 0, entries: entries.length + unreadable.length, problems };
}
