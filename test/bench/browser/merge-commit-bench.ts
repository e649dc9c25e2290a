/**
 * Runs inside Chromium: the merge of 5, 10 and 20 returns committed into a real encrypted vault
 * (`commitMerge`: one transaction, the merged records, their provenance, the evidence files,
 * the merged-package records and one trail entry), against the same records created fresh in
 * another vault through `writeBatch` in the same run. Also one return package opened from its
 * `.awpkg` bytes (age scrypt at the workbench's work factor for a typed and for a generated
 * passphrase, ZIP and record checks), which the lead pays once per package before the plan. Figures only; the runner prints them.
 */
import { z } from 'zod';
import { planMerge, resolveMerge } from '../../../shared/merge';
import {
  BENCH_MERGE_ID,
  CHECKLIST_ITEMS,
  EVIDENCE_PER_RETURN,
  PEOPLE,
  decideAll,
  scenario,
} from '../../../shared/merge/bench';
import { SCHEMAS } from '../../../shared/merge/test-support';
import { newPackagePassphrase, workFactorFor } from '../../../shared/package';
import type { MergeInput } from '../../../shared/merge/types';
import { browserIdb } from '../../../renderer/data/idb';
import type { SealedRecordTable } from '../../../renderer/data/tables';
import type { BatchGroup } from '../../../renderer/data/session-write';
import type { ExactWrite } from '../../../renderer/data/session-exact';
import { createVaultStore } from '../../../renderer/data/vaults';
import type { RecordId } from '../../../shared/domain/records';
import { sha256Hex, type Bytes } from '../../../shared/crypto/bytes';
import { awpkgCodec } from '../../../renderer/features/team/awpkg-codec';
import { commitMerge, type ReceivedReturn } from '../../../renderer/features/team/merge';
import type {
  EvidenceFile,
  ReturnContents,
} from '../../../renderer/features/team/package-contents';

z.config({ jitless: true });

const EVIDENCE_BYTES = 200 * 1024;
const PASSPHRASE = 'merge benchmark passphrase 2025';

export interface MergeCommitCase {
  returns: number;
  writes: number;
  evidenceMiB: number;
  planMs: number;
  commitMs: number;
  baselineMs: number;
}

export interface MergeCommitResult {
  cases: MergeCommitCase[];
  /** Opening one return package from its file (median of 3), typed passphrase: log2 N = 16. */
  openPackageMs: number;
  /** The same with a generated passphrase: `GENERATED_PASSPHRASE_LOG_N`. */
  openGeneratedMs: number;
  packageMiB: number;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function freshVault() {
  const store = createVaultStore({ idb: browserIdb() });
  const { session } = await store.create({
    label: 'merge bench',
    passphrase: PASSPHRASE,
    owner: '組長',
    engagement: {
      entity: 'bench',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      scope: '',
      team: [{ name: '組長', role: 'lead' }],
    },
  });
  return { store, session };
}

/** The bytes of one evidence file: random, so nothing compresses it away. */
function fileBytes(): Uint8Array {
  const bytes = new Uint8Array(EVIDENCE_BYTES);
  for (let i = 0; i < bytes.length; i += 65_536)
    crypto.getRandomValues(bytes.subarray(i, i + 65_536));
  return bytes;
}

/** The returns as the app holds them once read: their evidence files by SHA-256. */
function received(input: MergeInput): ReceivedReturn[] {
  return input.returns.map((pkg) => {
    const evidence = pkg.changes
      .filter((c) => c.table === 'evidence' && !c.deleted)
      .map((c) => ({ sha256: (c.data as { sha256: string }).sha256, bytes: fileBytes() }));
    const contents = { evidence, trail: [] } as unknown as ReturnContents;
    return { fileName: `${pkg.packageId}.awpkg`, contents, hash: pkg.packageHash, signer: null };
  });
}

async function commitCase(returns: number): Promise<MergeCommitCase> {
  const input = scenario(returns, CHECKLIST_ITEMS, PEOPLE);
  const accepted = received(input);
  const t0 = performance.now();
  const plan = await planMerge(input, {
    mergeId: BENCH_MERGE_ID,
    at: '2025-04-01T00:00:00.000Z',
    by: '組長',
    schemas: SCHEMAS,
  });
  const result = await resolveMerge(plan, decideAll(plan), { schemas: SCHEMAS });
  const planMs = performance.now() - t0;

  // The lead's vault holding the hand-out's records, as `placed` rows (not timed).
  const lead = await freshVault();
  const base: ExactWrite[] = input.current.records.map((r) => ({
    table: r.table as SealedRecordTable,
    id: r.id as RecordId,
    rev: r.rev,
    deleted: r.deleted,
    data: r.data,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
  }));
  await lead.session.writeExact(
    base,
    { action: 'team.package-opened', target: null, summary: 'bench base' },
    { placed: true },
  );
  const t1 = performance.now();
  await commitMerge(lead.session, plan, result, accepted);
  const commitMs = performance.now() - t1;
  lead.session.lock();
  await lead.store.remove(lead.session.vaultId);
  lead.store.close();

  // The same records created fresh through writeBatch: the vault's plain bulk write.
  const fresh = await freshVault();
  const byTable = new Map<string, object[]>();
  for (const w of result.writes) {
    if (w.deleted) continue;
    byTable.set(w.table, [...(byTable.get(w.table) ?? []), w.data]);
  }
  const groups = [...byTable].map(
    ([table, items]) =>
      ({ table, items: items.map((data) => ({ data })) }) as unknown as BatchGroup,
  );
  const t2 = performance.now();
  await fresh.session.writeBatch(groups, { action: 'records.imported', summary: 'bench' });
  const baselineMs = performance.now() - t2;
  fresh.session.lock();
  await fresh.store.remove(fresh.session.vaultId);
  fresh.store.close();

  return {
    returns,
    writes: result.writes.length,
    evidenceMiB: (returns * EVIDENCE_PER_RETURN * EVIDENCE_BYTES) / 1024 / 1024,
    planMs,
    commitMs,
    baselineMs,
  };
}

/** One return of the scenario written as a real package, then opened from its bytes. */
async function openPackageCase(): Promise<Omit<MergeCommitResult, 'cases'>> {
  const [pkg] = scenario(5, CHECKLIST_ITEMS, PEOPLE).returns;
  if (pkg === undefined) throw new Error('no return');
  // A package names each file by its real SHA-256, so the evidence records get theirs.
  const evidence: EvidenceFile[] = [];
  const changes = await Promise.all(
    pkg.changes.map(async (c) => {
      if (c.table !== 'evidence') return { ...c, rev: (c.baseRev ?? 0) + 1 };
      const bytes = fileBytes();
      const sha256 = await sha256Hex(bytes as Bytes);
      evidence.push({ sha256, bytes });
      return { ...c, rev: 1, data: { ...c.data, sha256, size: bytes.length } };
    }),
  );
  const contents: ReturnContents = {
    meta: {
      kind: 'return',
      packageId: pkg.packageId,
      baseId: pkg.baseId,
      engagementId: '01950000-0000-7000-8000-00000000e000',
      auditor: pkg.auditor,
      createdBy: pkg.auditor,
      createdAt: '2025-04-01T00:00:00.000Z',
    },
    basePackageId: null,
    changes,
    evidence,
    trail: [],
  };
  const opening = async (passphrase: string, generated: boolean) => {
    const logN = workFactorFor(passphrase, generated);
    const bytes = await awpkgCodec.write(contents, passphrase, { logN });
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await awpkgCodec.read(bytes, passphrase);
      runs.push(performance.now() - t);
    }
    return { ms: median(runs), bytes };
  };
  const typed = await opening(PASSPHRASE, false);
  const generated = await opening(newPackagePassphrase(), true);
  return {
    openPackageMs: typed.ms,
    openGeneratedMs: generated.ms,
    packageMiB: typed.bytes.length / 1024 / 1024,
  };
}

export async function run(counts: readonly number[]): Promise<MergeCommitResult> {
  await commitCase(2); // warm-up: the JIT, IndexedDB's first database
  const cases: MergeCommitCase[] = [];
  for (const returns of counts) cases.push(await commitCase(returns));
  return { cases, ...(await openPackageCase()) };
}

(globalThis as unknown as { awMergeCommitBench: { run: typeof run } }).awMergeCommitBench = {
  run,
};
