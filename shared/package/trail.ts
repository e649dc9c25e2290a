/**
 * A package's trail entries: a contiguous piece of the writer's hash-chained activity trail,
 * from just after `from` (null: the trail's start) to `head`. Every entry's hash is
 * recomputed and every link checked, so an entry edited, removed or reordered in the package
 * is refused, as is a piece that does not end at the head the manifest names.
 */
import {
  activityEntryHash,
  GENESIS_HASH,
  type ActivityEntry,
  type ChainHead,
} from '../domain/activity';
import { refusal } from './errors';
import { TRAIL_PART } from './format';

const broken = (zh: string, en: string) => refusal('trail-broken', zh, en, { part: TRAIL_PART });

export async function verifyTrailPiece(
  entries: readonly ActivityEntry[],
  from: ChainHead | null,
  head: ChainHead | null,
): Promise<void> {
  let prev: ChainHead = from ?? { seq: 0, hash: GENESIS_HASH };
  for (const entry of entries) {
    const { hash, ...body } = entry;
    if ((await activityEntryHash(body)) !== hash) {
      throw broken(
        `活動紀錄第 ${entry.seq} 筆已被修改`,
        `activity trail entry ${entry.seq} was altered`,
      );
    }
    if (entry.seq !== prev.seq + 1 || entry.prevHash !== prev.hash) {
      throw broken(
        `活動紀錄在第 ${prev.seq} 筆之後斷鏈（缺漏或順序錯亂）`,
        `the activity trail is broken after entry ${prev.seq} (missing or reordered entries)`,
      );
    }
    prev = { seq: entry.seq, hash: entry.hash };
  }
  const end = entries.length === 0 ? from : prev;
  if ((end?.seq ?? 0) !== (head?.seq ?? 0) || (end?.hash ?? null) !== (head?.hash ?? null)) {
    throw broken(
      '活動紀錄未延續到案件包記載的最新一筆',
      'the activity trail does not reach the head the manifest names',
    );
  }
}
