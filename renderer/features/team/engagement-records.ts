/**
 * The records that make up an engagement, read from a vault as the merge engine takes them:
 * every table but the team bookkeeping, tombstones included, each with its revision.
 */
import type { Stored } from '../../../shared/domain/records';
import type { BaseRecord, CurrentRecord, RecordMergeInfo } from '../../../shared/merge';
import { ENGAGEMENT_TABLES, type SealedRecordTable } from '../../data/tables';
import { payloadOf, type VaultSession } from '../../data/vault-session';

export interface EngagementRecord extends BaseRecord {
  updatedAt: string;
  updatedBy: string;
}

export function recordKey(table: string, id: string): string {
  return `${table}/${id}`;
}

function toRecord(table: SealedRecordTable, stored: Stored<object>): EngagementRecord {
  return {
    table,
    id: stored.id,
    rev: stored.rev,
    deleted: stored.deleted,
    data: payloadOf(stored) as Record<string, unknown>,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
  };
}

/** Every record of the engagement tables, tombstones included. */
export async function readEngagement(session: VaultSession): Promise<EngagementRecord[]> {
  const lists = await Promise.all(
    ENGAGEMENT_TABLES.map(async (table) =>
      (await session.list(table, { includeDeleted: true })).map((r) => toRecord(table, r)),
    ),
  );
  return lists.flat();
}

/** The vault's engagement record id (one per vault). */
export async function engagementIdOf(session: VaultSession): Promise<string> {
  const [engagement] = await session.list('engagement');
  if (!engagement) throw new Error('This vault holds no engagement.');
  return engagement.id;
}

/** The lead's vault as the engine sees it: records with the merge info stored for each. */
export async function currentRecords(session: VaultSession): Promise<CurrentRecord[]> {
  const [records, infos] = await Promise.all([readEngagement(session), session.list('mergeInfo')]);
  const byId = new Map<string, RecordMergeInfo>(infos.map((i) => [i.id, i.info]));
  return records.map((record) => {
    const merge = byId.get(record.id);
    return merge ? { ...record, merge } : record;
  });
}
