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
  'vault.kdf-upgraded',
  'vault.upgraded',
  'vault.rekeyed',
  'vault.integrity-alert',
  'record.created',
  'record.updated',
  'record.deleted',
  'records.imported',
  'personal-data.revealed',
  'workpaper.exported',
  'workpaper.imported',
  'signoff.signed',
  'inspection.unlocked',
  'team.handed-out',
  'team.package-opened',
  'team.returned',
  'team.merged',
] as const;
export type ActivityAction = (typeof activityActions)[number];

/** What each action is called, in both interface languages. */
export const ACTIVITY_ACTION_LABELS: Readonly<
  Record<ActivityAction, Readonly<{ 'zh-TW': string; en: string }>>
> = {
  'vault.created': { 'zh-TW': '建立案件庫', en: 'Vault created' },
  'vault.unlocked': { 'zh-TW': '解鎖', en: 'Unlocked' },
  'vault.unlocked-with-recovery': { 'zh-TW': '以復原金鑰解鎖', en: 'Unlocked with recovery key' },
  'vault.passphrase-changed': { 'zh-TW': '變更通關密語', en: 'Passphrase changed' },
  'vault.kdf-upgraded': {
    'zh-TW': '升級通關密語金鑰衍生（Argon2id）',
    en: 'Passphrase key derivation upgraded (Argon2id)',
  },
  'vault.upgraded': { 'zh-TW': '升級案件庫格式', en: 'Vault format upgraded' },
  'vault.rekeyed': { 'zh-TW': '重新產生加密金鑰', en: 'Vault re-keyed' },
  'vault.integrity-alert': {
    'zh-TW': '偵測到工作台以外的修改',
    en: 'Changes made outside the workbench detected',
  },
  'record.created': { 'zh-TW': '新增', en: 'Created' },
  'record.updated': { 'zh-TW': '修改', en: 'Edited' },
  'record.deleted': { 'zh-TW': '刪除', en: 'Deleted' },
  'records.imported': { 'zh-TW': '批次匯入', en: 'Imported in bulk' },
  'personal-data.revealed': { 'zh-TW': '顯示個資', en: 'Personal data shown' },
  'workpaper.exported': { 'zh-TW': '匯出工作底稿', en: 'Workpaper exported' },
  'workpaper.imported': { 'zh-TW': '匯入工作底稿', en: 'Workpaper imported' },
  'signoff.signed': { 'zh-TW': '簽核', en: 'Signed off' },
  'inspection.unlocked': { 'zh-TW': '解除定稿', en: 'Inspection unlocked' },
  'team.handed-out': { 'zh-TW': '分派工作包', en: 'Work handed out' },
  'team.package-opened': { 'zh-TW': '開啟工作包', en: 'Package opened' },
  'team.returned': { 'zh-TW': '繳回', en: 'Work sent back' },
  'team.merged': { 'zh-TW': '合併繳回', en: 'Returns merged' },
};

export const activityEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.iso.datetime(),
  actor: z.string().min(1),
  action: z.enum(activityActions),
  target: z.object({ table: z.string(), id: z.string() }).nullable(),
  /**
   * Short human-readable description, e.g. the record's title; a merge names every package
   * and its hash (20 packages take about 2,200 characters).
   */
  summary: z.string().max(4000),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * The vault's state digest after this entry's change (see `renderer/data/manifest.ts`):
   * binds the record manifests to the chain. Absent in entries written before format 2 and in
   * trails kept outside a vault (the sample engagement).
   */
  state: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;
export type ActivityDraft = Pick<ActivityEntry, 'action' | 'target' | 'summary'>;
export interface ChainHead {
  seq: number;
  hash: string;
}

/** An entry's own hash: SHA-256 of the canonical JSON of every field but `hash`. */
export async function activityEntryHash(entry: Omit<ActivityEntry, 'hash'>): Promise<string> {
  return sha256Hex(canonicalJson(entry));
}

/** Builds the next entry of the chain after `head` (null for the first entry). */
export async function chainEntry(
  head: ChainHead | null,
  draft: ActivityDraft,
  actor: string,
  at: string,
  state?: string,
): Promise<ActivityEntry> {
  const body: Omit<ActivityEntry, 'hash'> = {
    seq: (head?.seq ?? 0) + 1,
    at,
    actor,
    action: draft.action,
    target: draft.target,
    summary: draft.summary.slice(0, 4000),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  if (state !== undefined) body.state = state;
  return { ...body, hash: await activityEntryHash(body) };
}

export type ChainProblem =
  | { kind: 'edited'; seq: number }
  | { kind: 'missing'; afterSeq: number }
  | { kind: 'broken-link'; seq: number }
  | { kind: 'head-mismatch'; expectedSeq: number; foundSeq: number }
  /** A vault's trail has a head from its creation on: none means the trail was erased. */
  | { kind: 'head-missing'; entries: number };

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
    if ((await activityEntryHash(body)) !== hash) problems.push({ kind: 'edited', seq: entry.seq });
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
