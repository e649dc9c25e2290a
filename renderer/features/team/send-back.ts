/**
 * 繳回 / Send back: in an auditor's vault, every record created, changed or deleted since the
 * package it was opened from (with the revision it started from), the evidence files those
 * records name, and the vault's activity trail. Writing one is recorded in the origin and the
 * trail, so the auditor can see what they sent.
 */
import { newRecordId, type RecordId, type Stored } from '../../../shared/domain/records';
import type { Origin } from '../../../shared/domain/team';
import type { VaultSession } from '../../data/vault-session';
import { readEngagement, recordKey } from './engagement-records';
import { TeamError } from './handout';
import type { ReturnChange } from './package-contents';
import type { EvidenceFile, ReturnContents } from './package-contents';

/** The origin of an auditor's vault, or null for a vault not opened from a package. */
export async function originOf(session: VaultSession): Promise<Stored<Origin> | null> {
  return (await session.list('origin')).at(-1) ?? null;
}

/** The records changed since the hand-out, as the merge engine takes them. */
export async function changesSince(session: VaultSession, origin: Origin): Promise<ReturnChange[]> {
  const changes: ReturnChange[] = [];
  for (const record of await readEngagement(session)) {
    const baseRev = origin.baseRevs[recordKey(record.table, record.id)] ?? null;
    if (baseRev === record.rev) continue;
    if (baseRev === null && record.deleted) continue; // created and deleted here: never existed for the lead
    const { table, id, rev, deleted, data, updatedAt, updatedBy } = record;
    changes.push({ table, id, rev, baseRev, deleted, data, updatedAt, updatedBy });
  }
  return changes;
}

/** Builds the return and records it in the origin (one trail entry, `team.returned`). */
export async function sendBack(session: VaultSession): Promise<ReturnContents> {
  const origin = await originOf(session);
  if (!origin) {
    throw new TeamError('not-handed-out', {
      'zh-TW': '這個案件庫不是由工作包開啟的，無法繳回',
      en: 'This vault was not opened from a package, so there is nothing to send back',
    });
  }
  const changes = await changesSince(session, origin);
  const evidence = new Map<string, EvidenceFile>();
  for (const change of changes) {
    if (change.table !== 'evidence' || change.deleted) continue;
    const { evidence: record, bytes } = await session.readAttachment(change.id as RecordId);
    evidence.set(record.sha256, { sha256: record.sha256, bytes });
  }
  const at = new Date().toISOString();
  const packageId = newRecordId();
  const { id: _id, rev, updatedAt: _at, updatedBy: _by, deleted: _d, ...data } = origin;
  await session.writeExact(
    [
      {
        table: 'origin',
        id: origin.id,
        rev: rev + 1,
        deleted: false,
        data: { ...data, returned: [...data.returned, { packageId, at }] },
        updatedAt: at,
        updatedBy: session.actor,
      },
    ],
    {
      action: 'team.returned',
      target: { table: 'origin', id: packageId },
      summary: `${changes.length} · ${packageId}`,
    },
  );
  return {
    meta: {
      kind: 'return',
      packageId,
      baseId: origin.baseId,
      engagementId: origin.engagementId,
      auditor: origin.auditor,
      createdBy: session.actor,
      createdAt: at,
    },
    basePackageId: origin.packageId,
    changes,
    evidence: [...evidence.values()],
    trail: await session.activity(),
  };
}
