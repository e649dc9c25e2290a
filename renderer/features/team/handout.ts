/**
 * Handing work out and opening it: the lead writes a hand-out's contents (every record of the
 * engagement with its revision, the evidence bytes) with a `handouts` record and the base in
 * one transaction; the auditor opens them into a new vault of their own that keeps the lead's
 * ids and revisions, and remembers where it came from (`origin`).
 */
import { sha256Hex } from '../../../shared/crypto';
import { engagementSchema } from '../../../shared/domain/engagement';
import { newRecordId, type RecordId } from '../../../shared/domain/records';
import type { Handout, HandoutBase, Origin } from '../../../shared/domain/team';
import type { MergeBase } from '../../../shared/merge';
import type { IdentityFile } from '../../../shared/signoff/identity';
import { ENGAGEMENT_TABLES, type SealedRecordTable } from '../../data/tables';
import type { ExactWrite, VaultSession } from '../../data/vault-session';
import type { CreatedVault, VaultStore } from '../../data/vaults';
import {
  engagementIdOf,
  type EngagementRecord,
  readEngagement,
  recordKey,
} from './engagement-records';
import type { EvidenceFile, HandoutContents } from './package-contents';
import type { PreparedPackage } from './package-file';

/** A team-work input that cannot be used, with its reason in both languages. */
export class TeamError extends Error {
  override name = 'TeamError';
  constructor(
    readonly code: string,
    readonly text: { 'zh-TW': string; en: string },
  ) {
    super(text.en);
  }
}

function fingerprint(records: readonly { table: string; id: string; rev: number }[]): string {
  return records
    .map((r) => `${recordKey(r.table, r.id)}@${r.rev}`)
    .sort()
    .join('\n');
}

/** The evidence bytes of the live evidence records, once per SHA-256. */
async function evidenceFiles(
  session: VaultSession,
  records: readonly EngagementRecord[],
): Promise<EvidenceFile[]> {
  const files = new Map<string, EvidenceFile>();
  for (const record of records) {
    if (record.table !== 'evidence' || record.deleted) continue;
    const { evidence, bytes } = await session.readAttachment(record.id as RecordId);
    if (!files.has(evidence.sha256)) files.set(evidence.sha256, { sha256: evidence.sha256, bytes });
  }
  return [...files.values()];
}

/**
 * The base of this round: the latest stored base if no engagement record changed since it
 * was made (every package of one round shares it), else a new one to store.
 */
async function baseFor(
  session: VaultSession,
  records: readonly EngagementRecord[],
): Promise<{ id: string; stored: boolean }> {
  const bases = await session.list('handoutBases');
  const latest = bases.at(-1);
  if (latest && fingerprint(latest.records) === fingerprint(records)) {
    return { id: latest.id, stored: true };
  }
  return { id: newRecordId(), stored: false };
}

/** The `handouts` record and, for a new round, its base: written together once saved. */
function handoutWrites(
  actor: string,
  handout: Handout,
  base: { id: string; stored: boolean },
  records: HandoutBase['records'],
): ExactWrite[] {
  const write = (table: 'handouts' | 'handoutBases', id: RecordId, data: object): ExactWrite => ({
    table,
    id,
    rev: 1,
    deleted: false,
    data,
    updatedAt: handout.at,
    updatedBy: actor,
  });
  const writes = [write('handouts', newRecordId(), handout)];
  if (!base.stored) {
    const stored: HandoutBase = { at: handout.at, records };
    writes.push(write('handoutBases', base.id as RecordId, stored));
  }
  return writes;
}

/**
 * Builds the hand-out for `auditor` without writing anything; `record` stores the `handouts`
 * record (and the round's base, if new) in one transaction, once the file is saved
 * (`savePackageFile`).
 */
export async function prepareHandout(
  session: VaultSession,
  auditor: string,
  scope: readonly string[],
): Promise<PreparedPackage<HandoutContents>> {
  const name = auditor.trim();
  const records = await readEngagement(session);
  const [engagementId, base, evidence] = await Promise.all([
    engagementIdOf(session),
    baseFor(session, records),
    evidenceFiles(session, records),
  ]);
  const at = new Date().toISOString();
  const packageId = newRecordId();
  const baseRecords = records.map(({ table, id, rev, deleted, data }) => ({
    table,
    id,
    rev,
    deleted,
    data,
  }));
  const handout: Handout = {
    packageId,
    baseId: base.id,
    auditor: name,
    scope: [...scope],
    at,
    by: session.actor,
  };
  const writes = handoutWrites(session.actor, handout, base, baseRecords);
  const record = async () => {
    await session.writeExact(writes, {
      action: 'team.handed-out',
      target: { table: 'handouts', id: packageId },
      summary: `${name} · ${packageId} · ${scope.length}`,
    });
  };
  const mergeBase: MergeBase = { id: base.id, records: baseRecords };
  const contents: HandoutContents = {
    meta: {
      kind: 'handout',
      packageId,
      baseId: base.id,
      engagementId,
      auditor: name,
      createdBy: session.actor,
      createdAt: at,
    },
    scope: [...scope],
    base: mergeBase,
    evidence,
  };
  return { contents, record };
}

/** Builds and records a hand-out with no file (tests, the CLI parity check). */
export async function handOut(
  session: VaultSession,
  auditor: string,
  scope: readonly string[],
): Promise<HandoutContents> {
  const prepared = await prepareHandout(session, auditor, scope);
  await prepared.record();
  return prepared.contents;
}

export interface OpenHandoutInput {
  label: string;
  passphrase: string;
  /** The auditor working in the new vault (the trail names them). */
  owner: string;
  /** The signing identity the package was opened with, kept in the new vault. */
  identity?: IdentityFile;
}

/**
 * Opens a hand-out into a new vault (own passphrase, own recovery key): the lead's records
 * with their ids and revisions, the evidence bytes (each checked against its SHA-256) and the
 * origin, in the one transaction that fills the vault. Refused as a whole if anything is wrong.
 */
export async function openHandout(
  store: VaultStore,
  contents: HandoutContents,
  input: OpenHandoutInput,
): Promise<CreatedVault> {
  const { meta, base } = contents;
  const byHash = new Map<string, EvidenceFile>();
  for (const file of contents.evidence) {
    if ((await sha256Hex(file.bytes as Uint8Array<ArrayBuffer>)) !== file.sha256) {
      throw new TeamError('evidence-altered', {
        'zh-TW': `工作包中的佐證檔案 ${file.sha256.slice(0, 12)}… 與其雜湊值不符`,
        en: `The package's evidence file ${file.sha256.slice(0, 12)}… does not match its hash`,
      });
    }
    byHash.set(file.sha256, file);
  }
  const engagement = base.records.find((r) => r.table === 'engagement' && !r.deleted);
  if (!engagement || engagement.id !== meta.engagementId) {
    throw new TeamError('no-engagement', {
      'zh-TW': '工作包中沒有其案件資料',
      en: 'The package does not hold its engagement',
    });
  }
  const writes: ExactWrite[] = [];
  const blobs: { id: RecordId; bytes: Uint8Array<ArrayBuffer> }[] = [];
  for (const record of base.records) {
    if (!(ENGAGEMENT_TABLES as readonly string[]).includes(record.table)) {
      throw new TeamError('unknown-table', {
        'zh-TW': `工作包含有不明的資料表 ${record.table}`,
        en: `The package holds an unknown table ${record.table}`,
      });
    }
    writes.push({
      table: record.table as SealedRecordTable,
      id: record.id as RecordId,
      rev: record.rev,
      deleted: record.deleted,
      data: record.data,
      updatedAt: meta.createdAt,
      updatedBy: meta.createdBy,
    });
    if (record.table === 'evidence' && !record.deleted) {
      const sha = (record.data as { sha256?: unknown }).sha256;
      const file = typeof sha === 'string' ? byHash.get(sha) : undefined;
      if (!file) {
        throw new TeamError('evidence-missing', {
          'zh-TW': `工作包缺少佐證檔案（紀錄 ${record.id}）`,
          en: `The package lacks an evidence file (record ${record.id})`,
        });
      }
      blobs.push({ id: record.id as RecordId, bytes: file.bytes as Uint8Array<ArrayBuffer> });
    }
  }
  const receivedAt = new Date().toISOString();
  const origin: Origin = {
    packageId: meta.packageId,
    baseId: meta.baseId,
    engagementId: meta.engagementId,
    auditor: meta.auditor,
    lead: meta.createdBy,
    scope: contents.scope,
    receivedAt,
    baseRevs: Object.fromEntries(base.records.map((r) => [recordKey(r.table, r.id), r.rev])),
    returned: [],
  };
  if (input.identity) {
    writes.push({
      table: 'signingIdentities',
      id: newRecordId(),
      rev: 1,
      deleted: false,
      data: input.identity,
      updatedAt: receivedAt,
      updatedBy: input.owner,
    });
  }
  writes.push({
    table: 'origin',
    id: newRecordId(),
    rev: 1,
    deleted: false,
    data: origin,
    updatedAt: receivedAt,
    updatedBy: input.owner,
  });
  return store.create({
    label: input.label,
    passphrase: input.passphrase,
    owner: input.owner,
    engagement: engagementSchema.parse(engagement.data),
    fill: async (session) => {
      await session.writeExact(
        writes,
        {
          action: 'team.package-opened',
          target: { table: 'origin', id: meta.packageId },
          summary: `${meta.createdBy} → ${meta.auditor} · ${meta.packageId}`,
        },
        { blobs, placed: true },
      );
    },
  });
}
