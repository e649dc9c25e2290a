/**
 * 繳回 / Send back: in an auditor's vault, every record created, changed or deleted since the
 * package it was opened from (with the revision it started from), the evidence files those
 * records name, and the vault's activity trail. A return saved to a file is recorded in the
 * origin and the trail, so the auditor can see what they sent; one never saved is not.
 */
import { newRecordId, type RecordId, type Stored } from '../../../shared/domain/records';
import type { Origin } from '../../../shared/domain/team';
import type { VaultSession } from '../../data/vault-session';
import { readEngagement, recordKey } from './engagement-records';
import { TeamError } from './handout';
import type { ReturnChange } from './package-contents';
import type { EvidenceFile, ReturnContents } from './package-contents';
import type { PreparedPackage } from './package-file';

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

function notHandedOut(): TeamError {
  return new TeamError('not-handed-out', {
    'zh-TW': '這個案件庫不是由工作包開啟的，無法繳回',
    en: 'This vault was not opened from a package, so there is nothing to send back',
  });
}

/** Adds the return to the origin's list, with its one trail entry (`team.returned`). */
async function recordReturn(
  session: VaultSession,
  packageId: string,
  at: string,
  changed: number,
): Promise<void> {
  // Read again: the origin is only ever changed here, but never write from a stale copy.
  const origin = await originOf(session);
  if (!origin) throw notHandedOut();
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
      summary: `${changed} · ${packageId}`,
    },
  );
}

/**
 * Builds the return without writing anything; `record` notes it in the origin once the file
 * is saved (`savePackageFile`). The trail it carries is the vault's up to now.
 */
export async function prepareReturn(
  session: VaultSession,
): Promise<PreparedPackage<ReturnContents>> {
  const origin = await originOf(session);
  if (!origin) throw notHandedOut();
  const changes = await changesSince(session, origin);
  const evidence = new Map<string, EvidenceFile>();
  for (const change of changes) {
    if (change.table !== 'evidence' || change.deleted) continue;
    const { evidence: record, bytes } = await session.readAttachment(change.id as RecordId);
    evidence.set(record.sha256, { sha256: record.sha256, bytes });
  }
  const at = new Date().toISOString();
  const packageId = newRecordId();
  const contents: ReturnContents = {
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
  return { contents, record: () => recordReturn(session, packageId, at, changes.length) };
}

/** Builds and records a return with no file (tests, the CLI parity check). */
export async function sendBack(session: VaultSession): Promise<ReturnContents> {
  const prepared = await prepareReturn(session);
  await prepared.record();
  return prepared.contents;
}
