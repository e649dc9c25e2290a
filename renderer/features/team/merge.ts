/**
 * Merging returns into the lead's vault: check each package (engagement, base, trail chain,
 * evidence files), build the engine's input from the vault, plan in a worker, resolve with the
 * lead's decisions, and commit the result's records, their merge info, the merged packages and
 * ONE trail entry naming every package and its hash, in one transaction. A cancelled or failed
 * merge writes nothing; a package merged before is recognised by its hash and changes nothing.
 */
import { sha256Hex } from '../../../shared/crypto';
import { verifyChain } from '../../../shared/domain/activity';
import type { Bilingual } from '../../../shared/domain/inspection/text';
import { newRecordId, type RecordId } from '../../../shared/domain/records';
import type { MergedPackageRecord } from '../../../shared/domain/team';
import {
  type MergeDecisions,
  type MergePlan,
  type MergeResult,
  resolveMerge,
  type ReturnPackage,
} from '../../../shared/merge';
import { type PackageSignerInfo, type SignerTrust, signerTrust } from '../../../shared/package';
import { runWorkerJob } from '../../jobs/run-worker-job';
import type { JobProgress } from '../../jobs/protocol';
import type { SealedRecordTable } from '../../data/tables';
import { type ExactWrite, payloadOf, type VaultSession } from '../../data/vault-session';
import { currentRecords, engagementIdOf } from './engagement-records';
import { engagementSchemas, type PlanRequest } from './merge-plan-job';
import { readEngagementPolicy, untrustedReturns } from './engagement-policy';
import { TeamError } from './handout';
import { forgedSignature } from './merge-signatures';
import type { EvidenceFile, ReturnContents } from './package-contents';

/** A return package as read from its file. */
export interface ReceivedReturn {
  fileName: string;
  contents: ReturnContents;
  hash: string;
  /** Its verified author signature (`readPackage` refuses one that does not verify), or null. */
  signer: PackageSignerInfo | null;
}

/** A package refused before the plan, with the reason. */
export interface Refusal {
  fileName: string;
  packageId: string | null;
  auditor: string | null;
  text: Bilingual;
}

export interface PreparedMerge {
  request: PlanRequest;
  refusals: Refusal[];
  accepted: ReceivedReturn[];
  /**
   * Per package hash, its signer against this vault's trusted signers (the engagement's) at
   * the package's `createdAt`. Shown; enforced only under 僅接受受信任簽章者簽署的繳回
   * (`requireTrustedSigner`), which refuses an unsigned or untrusted return whole.
   */
  trust: Map<string, SignerTrust>;
  requireTrustedSigner: boolean;
}

const refuse = (r: ReceivedReturn, text: Bilingual): Refusal => ({
  fileName: r.fileName,
  packageId: r.contents.meta.packageId,
  auditor: r.contents.meta.auditor,
  text,
});

/** Why a package cannot be merged here, or null. */
async function checkReturn(
  received: ReceivedReturn,
  engagementId: string,
  knownBases: ReadonlySet<string>,
): Promise<Bilingual | null> {
  const { meta, trail, evidence, changes } = received.contents;
  if (meta.engagementId !== engagementId) {
    return { 'zh-TW': '這份繳回屬於另一個案件', en: 'This return belongs to another engagement' };
  }
  if (!knownBases.has(meta.baseId)) {
    return {
      'zh-TW': '這份繳回所依據的分派不在這個案件庫中',
      en: 'This return was made from a hand-out this vault did not write',
    };
  }
  const chain = await verifyChain(trail, null);
  if (!chain.ok || trail.length === 0) {
    return {
      'zh-TW': `查核員的活動紀錄鏈已中斷（${chain.problems.map((p) => p.kind).join('、') || '空白'}）`,
      en: `The auditor's activity trail chain is broken (${chain.problems.map((p) => p.kind).join(', ') || 'empty'})`,
    };
  }
  const forged = await forgedSignature(changes);
  if (forged) return forged;
  const hashes = new Set<string>();
  for (const file of evidence) {
    if ((await sha256Hex(file.bytes as Uint8Array<ArrayBuffer>)) !== file.sha256) {
      return {
        'zh-TW': `佐證檔案 ${file.sha256.slice(0, 12)}… 與其雜湊值不符`,
        en: `Evidence file ${file.sha256.slice(0, 12)}… does not match its hash`,
      };
    }
    hashes.add(file.sha256);
  }
  for (const change of changes) {
    const sha = (change.data as { sha256?: unknown }).sha256;
    if (change.table === 'evidence' && !change.deleted && !hashes.has(String(sha))) {
      return {
        'zh-TW': `繳回缺少佐證檔案（紀錄 ${change.id}）`,
        en: `The return lacks an evidence file (record ${change.id})`,
      };
    }
  }
  return null;
}

/** Checks the packages and builds the engine's input from the vault. */
export async function prepareMerge(
  session: VaultSession,
  received: readonly ReceivedReturn[],
): Promise<PreparedMerge> {
  const [engagementId, bases, current, merged, trusted, policy, unsigned] = await Promise.all([
    engagementIdOf(session),
    session.list('handoutBases'),
    currentRecords(session),
    session.list('mergedPackages'),
    session.list('trustedSigners'),
    readEngagementPolicy(session),
    untrustedReturns(session, received),
  ]);
  const signers = trusted.map(payloadOf);
  const trust = new Map(
    received.map((r) => [r.hash, signerTrust(r.signer, signers, r.contents.meta.createdAt)]),
  );
  const known = new Set(bases.map((b) => b.id));
  const refusals: Refusal[] = [...unsigned.values()];
  const accepted: ReceivedReturn[] = [];
  for (const r of received) {
    if (unsigned.has(r)) continue;
    const reason = await checkReturn(r, engagementId, known);
    if (reason) refusals.push(refuse(r, reason));
    else accepted.push(r);
  }
  // One base per merge: the newest round any accepted return names; the engine refuses the
  // returns of other rounds with its own reason.
  const named = new Set(accepted.map((r) => r.contents.meta.baseId));
  const base = [...bases].reverse().find((b) => named.has(b.id)) ?? bases.at(-1);
  const returns: ReturnPackage[] = accepted.map(({ contents, hash }) => ({
    packageId: contents.meta.packageId,
    packageHash: hash,
    auditor: contents.meta.auditor,
    baseId: contents.meta.baseId,
    changes: contents.changes,
  }));
  return {
    refusals,
    accepted,
    trust,
    requireTrustedSigner: policy.requireTrustedSigner,
    request: {
      input: {
        base: { id: base?.id ?? newRecordId(), records: base?.records ?? [] },
        current: {
          records: current,
          mergedPackages: merged.map((m) => ({
            packageId: m.packageId,
            packageHash: m.packageHash,
          })),
        },
        returns,
      },
      mergeId: newRecordId(),
      at: new Date().toISOString(),
      by: session.actor,
    },
  };
}

/** Plans the merge in a Web Worker, with progress; `signal` cancels it (nothing is written). */
export function planInWorker(
  request: PlanRequest,
  options: { signal?: AbortSignal; onProgress?: (progress: JobProgress) => void } = {},
): Promise<MergePlan> {
  return runWorkerJob<MergePlan>(
    () => new Worker(new URL('./merge.worker.ts', import.meta.url), { type: 'module' }),
    request,
    options,
  );
}

/** The records to write, once every conflict is decided (throws MergeDecisionError otherwise). */
export function resolve(
  plan: MergePlan,
  decisions: MergeDecisions,
  signal?: AbortSignal,
): Promise<MergeResult> {
  return resolveMerge(plan, decisions, {
    schemas: engagementSchemas(),
    ...(signal ? { signal } : {}),
  });
}

function evidenceHash(data: object): string | null {
  const sha = (data as { sha256?: unknown }).sha256;
  return typeof sha === 'string' ? sha : null;
}

/** The trail entry's summary: every package merged, by auditor, id and hash. */
export function mergeSummary(result: MergeResult): string {
  const names = result.merged.map((p) => `${p.auditor} ${p.packageId} sha256:${p.packageHash}`);
  return `merge ${result.mergeId}: ${names.join('; ')}`;
}

/**
 * Commits a resolved merge in one transaction. Returns false when there is nothing to write
 * (every package merged before).
 */
export async function commitMerge(
  session: VaultSession,
  plan: MergePlan,
  result: MergeResult,
  accepted: readonly ReceivedReturn[],
): Promise<boolean> {
  if (result.writes.length === 0 && result.merged.length === 0) return false;
  // The setting may have been turned on since the preview: checked again before any write.
  const [refused] = (await untrustedReturns(session, accepted)).values();
  if (refused) throw new TeamError('untrusted-return', refused.text);
  const files = new Map<string, EvidenceFile>();
  for (const r of accepted) for (const f of r.contents.evidence) files.set(f.sha256, f);
  const current = new Map(plan.records.map((p) => [p.id, p.current]));
  for (const record of plan.related) current.set(record.id, record);
  const infoRevs = new Map((await session.list('mergeInfo')).map((i) => [i.id, i.rev]));
  const writes: ExactWrite[] = [];
  const blobs: { id: RecordId; bytes: Uint8Array<ArrayBuffer> }[] = [];
  const removeBlobs: RecordId[] = [];
  for (const write of result.writes) {
    const id = write.id as RecordId;
    writes.push({
      table: write.table as SealedRecordTable,
      id,
      rev: write.rev,
      deleted: write.deleted,
      data: write.data,
      updatedAt: write.updatedAt,
      updatedBy: write.updatedBy,
    });
    const infoRev = infoRevs.get(id) ?? 0;
    if (infoRev > 0 || write.merge.provenance.length > 0 || write.merge.losing.length > 0) {
      writes.push({
        table: 'mergeInfo',
        id,
        rev: infoRev + 1,
        deleted: false,
        data: { table: write.table, info: write.merge },
        updatedAt: write.updatedAt,
        updatedBy: write.updatedBy,
      });
    }
    if (write.table !== 'evidence') continue;
    const before = current.get(write.id) ?? null;
    const held = before && !before.deleted ? evidenceHash(before.data) : null;
    const sha = write.deleted ? null : evidenceHash(write.data);
    if (sha !== null && sha !== held) {
      const file = files.get(sha);
      if (!file)
        throw new Error(`evidence/${write.id}: no file with SHA-256 ${sha} in the returns`);
      blobs.push({ id, bytes: file.bytes as Uint8Array<ArrayBuffer> });
    } else if (sha === null && held !== null) {
      removeBlobs.push(id);
    }
  }
  const trails = new Map(accepted.map((r) => [r.hash, r.contents.trail]));
  for (const p of result.merged) {
    const record: MergedPackageRecord = {
      packageId: p.packageId,
      packageHash: p.packageHash,
      auditor: p.auditor,
      baseId: plan.baseId,
      mergeId: result.mergeId,
      at: result.at,
      by: result.by,
      trail: trails.get(p.packageHash) ?? [],
    };
    writes.push({
      table: 'mergedPackages',
      id: newRecordId(),
      rev: 1,
      deleted: false,
      data: record,
      updatedAt: result.at,
      updatedBy: result.by,
    });
  }
  await session.writeExact(
    writes,
    {
      action: 'team.merged',
      target: { table: 'mergedPackages', id: result.mergeId },
      summary: mergeSummary(result),
    },
    { blobs, removeBlobs },
  );
  return true;
}
