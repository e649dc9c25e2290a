/**
 * The sample engagement (示範案件) as packages, so a lead can try a merge without colleagues:
 * the hand-out of the whole sample, and two auditors' returns of it with overlapping work —
 * each answers an item of their own, both answer one more item differently (a conflict on the
 * same field), each attaches an evidence file, and one deletes a finding the other edits (a
 * deletion against an edit). The records are the ones the renderer's "load the sample" writes.
 */
import { chainEntry, type ActivityDraft, type ActivityEntry } from '../domain/activity';
import { toIsoInstant } from '../domain/dates';
import { emptyItemResult } from '../domain/inspection/results';
import { newRecordId, type RecordMeta } from '../domain/records';
import { sha256Hex, utf8 } from '../crypto/bytes';
import { demoId, DEMO_ACTOR, type DemoEngagement } from '../sample/demo-engagement';
import { handoutContents, returnContents } from './adapters';
import type { PackageContents, PackageRecord } from './format';

export const SAMPLE_AUDITORS = ['林志明', '陳怡君'] as const;
/** The sample's own ids past those `demoEngagement` counts out. */
const EXTRA_ID = 0xe000;

function rec(table: string, stored: RecordMeta & Record<string, unknown>): PackageRecord {
  const { id, rev, updatedAt, updatedBy, deleted, ...data } = stored;
  return { table, id, rev, deleted, data, updatedAt, updatedBy };
}

/** Every record of the sample, as the lead's vault holds it after loading it. */
export function sampleRecords(demo: DemoEngagement): PackageRecord[] {
  const at = demo.inspection.updatedAt;
  const fresh = (n: number) => ({
    id: demoId(EXTRA_ID + n),
    rev: 1,
    deleted: false,
    updatedAt: at,
    updatedBy: DEMO_ACTOR,
  });
  const worked = new Set(demo.itemResults.map((r) => r.itemId));
  const untested = demo.items
    .filter((item) => !worked.has(item.id))
    .map((item, i) => ({
      ...fresh(100 + i),
      ...emptyItemResult(item.id),
      inspectionId: demo.inspection.id,
    }));
  const { registers: r } = demo;
  return [
    { ...rec('engagement', { ...fresh(0), ...demo.engagement }) },
    rec('inspections', demo.inspection),
    ...[...demo.itemResults, ...untested].map((x) => rec('itemResults', x)),
    ...demo.findings.map((x) => rec('findings', x)),
    ...(demo.evidence ?? []).map((x) => rec('evidence', x)),
    ...demo.systems.map((x) => rec('systems', x)),
    ...r.people.map((x) => rec('people', x)),
    ...r.vendors.map((x) => rec('vendors', x)),
    ...r.agreements.map((x) => rec('agreements', x)),
    ...r.disposals.map((x) => rec('disposals', x)),
    ...r.policyReviews.map((x) => rec('policyReviews', x)),
    rec('settings', { ...fresh(1), key: 'agreements.current-versions', value: r.currentVersions }),
    rec('settings', { ...fresh(2), key: 'agreements.raised-gaps', value: r.raisedGaps }),
  ];
}

export function sampleHandout(
  demo: DemoEngagement,
  now: Date,
  appVersion: string,
): PackageContents {
  const records = sampleRecords(demo);
  return handoutContents(
    { records, mergedPackages: [] },
    {
      packageId: newRecordId(),
      baseId: newRecordId(),
      engagementId: records[0]?.id ?? demoId(EXTRA_ID),
      auditor: SAMPLE_AUDITORS.join('、'),
      author: DEMO_ACTOR,
      createdAt: toIsoInstant(now),
      appVersion,
      files: new Map(),
      trailHead: null,
    },
  );
}

async function trailOf(auditor: string, changes: readonly PackageRecord[], at: string) {
  const trail: ActivityEntry[] = [];
  for (const change of changes) {
    const draft: ActivityDraft = {
      action: change.deleted
        ? 'record.deleted'
        : change.baseRev === null
          ? 'record.created'
          : 'record.updated',
      target: { table: change.table, id: change.id },
      summary: `${change.table} ${change.id}`,
    };
    trail.push(await chainEntry(trail.at(-1) ?? null, draft, auditor, at));
  }
  return trail;
}

/** The two auditors' returns of `handout` (its contents as written). */
export async function sampleReturns(
  handout: PackageContents,
  now: Date,
  appVersion: string,
): Promise<PackageContents[]> {
  const at = toIsoInstant(now);
  const byId = new Map(handout.records.map((r) => [r.id, r]));
  const open = handout.records.filter((r) => r.table === 'itemResults' && r.data.result === null);
  const finding = handout.records.find((r) => r.table === 'findings' && !r.deleted);
  const [mine0, mine1, shared] = open;
  if (mine0 === undefined || mine1 === undefined || shared === undefined || finding === undefined) {
    throw new Error('the sample has too few open items or no finding');
  }
  const returns: PackageContents[] = [];
  for (const [k, auditor] of SAMPLE_AUDITORS.entries()) {
    const change = (r: PackageRecord, data: object, deleted = false): PackageRecord => ({
      ...r,
      rev: r.rev + 1,
      deleted,
      data: { ...r.data, ...data },
      updatedAt: at,
      updatedBy: auditor,
    });
    const bytes = utf8(`%PDF-1.4\n% ${auditor} 的受查現場紀錄（示範）\n`);
    const sha = await sha256Hex(bytes);
    const own = k === 0 ? mine0 : mine1;
    const evidence: PackageRecord = {
      table: 'evidence',
      id: newRecordId(),
      rev: 1,
      deleted: false,
      updatedAt: at,
      updatedBy: auditor,
      data: {
        ownerId: own.id,
        name: `${auditor}-現場紀錄.pdf`,
        mimeType: 'application/pdf',
        size: bytes.length,
        sha256: sha,
        description: '',
      },
    };
    const edits: PackageRecord[] = [
      change(own, {
        result: 'compliant',
        workPerformed: `${auditor}檢視相關文件，未發現缺失。`,
        evidenceIds: [evidence.id],
      }),
      change(shared, {
        result: k === 0 ? 'compliant' : 'partial',
        reason: k === 0 ? '' : '部分文件未更新。',
      }),
      k === 0
        ? change(finding, {}, true)
        : change(finding, {
            recommendation: `${String(finding.data.recommendation)}（${auditor}補充：請於三個月內完成改善。）`,
          }),
      evidence,
    ];
    const vault = new Map(byId);
    for (const e of edits) vault.set(e.id, e);
    const contents = returnContents(handout, [...vault.values()], {
      packageId: newRecordId(),
      engagementId: handout.engagementId,
      auditor,
      author: auditor,
      createdAt: at,
      appVersion,
      files: new Map([[sha, bytes]]),
      trail: [],
      trailFrom: null,
      trailHead: null,
    });
    const trail = await trailOf(auditor, contents.records, at);
    const head = trail.at(-1);
    returns.push({
      ...contents,
      trail,
      trailHead: head === undefined ? null : { seq: head.seq, hash: head.hash },
    });
  }
  return returns;
}
