/**
 * The sample engagement (示範案件) offered to new users: the same data the CLI's `sample`
 * command exports, written into a freshly created vault in one transaction so a new user sees
 * a working inspection, findings, a system inventory and the registers straight away. The
 * demo's scanned files are descriptions only (no bytes): each is added as a short text file
 * saying what it stands for, so every record that links one links a real evidence file (the
 * sign-off digests cover evidence hashes, and a dangling link could not be signed).
 */
import { emptyItemResult } from '../../../shared/domain/inspection/results';
import type { RecordId, Stored } from '../../../shared/domain/records';
import { utf8 } from '../../../shared/crypto/bytes';
import type { Evidence } from '../../../shared/domain/evidence';
import type { DemoEngagement } from '../../../shared/sample/demo-engagement';
import type { VaultSession } from '../../data/vault-session';
import { SETTING_KEYS } from '../registers/setting-keys';

function withoutMeta<T>(record: Stored<T>): { id: RecordId; data: T } {
  const { id, rev: _rev, updatedAt: _at, updatedBy: _by, deleted: _deleted, ...data } = record;
  return { id, data: data as unknown as T };
}

/** The placeholder file added for one of the demo's scans. */
function placeholder(scan: Stored<Evidence>) {
  return {
    name: `${scan.name}（示範說明）.txt`,
    mimeType: 'text/plain',
    bytes: utf8(
      `示範案件的佐證檔案：此為說明文字，並非實際文件。\n` +
        `Sample engagement evidence: a description, not a real document.\n` +
        `原檔名 / Original name: ${scan.name}\n`,
    ),
  };
}

/** Every string in `value` that is an old evidence id, replaced by the new id (ids are UUIDs). */
function relinked<T>(value: T, ids: ReadonlyMap<string, string>): T {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
    typeof v === 'string' ? (ids.get(v) ?? v) : v,
  ) as T;
}

export async function loadDemo(session: VaultSession, sample: DemoEngagement): Promise<void> {
  const ids = new Map<string, string>();
  for (const scan of sample.evidence ?? []) {
    const added = await session.attach(scan.ownerId, placeholder(scan));
    ids.set(scan.id, added.id);
  }
  const { evidence: _added, ...records } = sample;
  const demo = relinked(records, ids);
  // Like a scoped inspection, every item in scope has a result record; the demo fills 20.
  const worked = new Set(demo.itemResults.map((result) => result.itemId));
  const untested = demo.items
    .filter((item) => !worked.has(item.id))
    .map((item) => ({ data: { ...emptyItemResult(item.id), inspectionId: demo.inspection.id } }));
  await session.createBatch(
    [
      { table: 'inspections', items: [withoutMeta(demo.inspection)] },
      { table: 'itemResults', items: [...demo.itemResults.map(withoutMeta), ...untested] },
      { table: 'findings', items: demo.findings.map(withoutMeta) },
      { table: 'systems', items: demo.systems.map(withoutMeta) },
      { table: 'people', items: demo.registers.people.map(withoutMeta) },
      { table: 'vendors', items: demo.registers.vendors.map(withoutMeta) },
      { table: 'agreements', items: demo.registers.agreements.map(withoutMeta) },
      { table: 'disposals', items: demo.registers.disposals.map(withoutMeta) },
      { table: 'policyReviews', items: demo.registers.policyReviews.map(withoutMeta) },
      {
        table: 'settings',
        items: [
          { data: { key: SETTING_KEYS.currentVersions, value: demo.registers.currentVersions } },
          { data: { key: SETTING_KEYS.raisedGaps, value: demo.registers.raisedGaps } },
        ],
      },
    ],
    '示範案件',
  );
}
