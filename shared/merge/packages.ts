/**
 * Which returns take part: each is checked against the base and the lead's vault before any
 * record is compared. A package merged before (by hash) or given twice contributes nothing; one
 * made from another hand-out, re-issued under a merged package's id, or holding a record that
 * does not fit the base or the table's schema is refused with its reason, and the others go on.
 */
import { PACKAGE_PROBLEMS, problem } from './messages';
import type { Pacer } from './pace';
import type {
  BaseRecord,
  CurrentState,
  EngineOptions,
  MergeBase,
  PackagePlan,
  PackageProblem,
  ReturnPackage,
} from './types';
import { payloadProblem, schemaFor } from './validate';
import { samePayload } from './values';

/** Enough to say what is wrong without drowning the lead in one broken package's rows. */
const MAX_PROBLEMS = 50;

export const recordKey = (table: string, id: string) => `${table}\u0000${id}`;

/** The engine's order of returns: by hash, then id, so the input order never matters. */
export function sortReturns(returns: readonly ReturnPackage[]): ReturnPackage[] {
  return [...returns].sort((a, b) =>
    a.packageHash !== b.packageHash
      ? a.packageHash < b.packageHash
        ? -1
        : 1
      : a.packageId < b.packageId
        ? -1
        : a.packageId > b.packageId
          ? 1
          : 0,
  );
}

function emptyPlan(pkg: ReturnPackage): PackagePlan {
  return {
    packageId: pkg.packageId,
    packageHash: pkg.packageHash,
    auditor: pkg.auditor,
    status: 'ready',
    problems: [],
    counts: { added: 0, changed: 0, deleted: 0, identical: 0, conflicts: 0 },
    records: [],
    ignored: [],
  };
}

async function recordProblems(
  pkg: ReturnPackage,
  base: ReadonlyMap<string, BaseRecord>,
  options: EngineOptions,
  pacer: Pacer,
): Promise<PackageProblem[]> {
  const problems: PackageProblem[] = [];
  const seen = new Set<string>();
  let done = 0;
  for (const change of pkg.changes) {
    if (problems.length >= MAX_PROBLEMS) break;
    await pacer.step('index', ++done, pkg.changes.length);
    const { table, id } = change;
    const where = { table, id };
    const key = recordKey(table, id);
    const schema = schemaFor(options, table);
    if (options.schemas !== undefined && schema === undefined) {
      problems.push(problem('unknown-table', PACKAGE_PROBLEMS.unknownTable(table), where));
      continue;
    }
    if (seen.has(key)) {
      problems.push(problem('record-twice', PACKAGE_PROBLEMS.recordTwice(table, id), where));
      continue;
    }
    seen.add(key);
    const inBase = base.get(key);
    if (change.baseRev === null && inBase !== undefined) {
      problems.push(problem('created-exists', PACKAGE_PROBLEMS.createdExists(table, id), where));
    } else if (change.baseRev !== null && change.baseRev !== inBase?.rev) {
      const text = PACKAGE_PROBLEMS.baseRevMismatch(table, id, change.baseRev, inBase?.rev ?? null);
      problems.push(problem('base-rev-mismatch', text, where));
    } else if (schema !== undefined && !(inBase && samePayload(change.data, inBase.data))) {
      // A record as the base had it was valid then: only what changed is checked.
      const detail = payloadProblem(schema, change.data);
      if (detail !== null) {
        problems.push(
          problem('invalid-record', PACKAGE_PROBLEMS.invalidRecord(table, id, detail), where),
        );
      }
    }
  }
  return problems;
}

/** One plan per return (in the engine's order), and the returns that are ready to merge. */
export async function checkPackages(
  returns: readonly ReturnPackage[],
  base: MergeBase,
  baseIndex: ReadonlyMap<string, BaseRecord>,
  current: CurrentState,
  options: EngineOptions,
  pacer: Pacer,
): Promise<{ plans: PackagePlan[]; ready: { pkg: ReturnPackage; plan: PackagePlan }[] }> {
  const mergedHashes = new Set(current.mergedPackages.map((p) => p.packageHash));
  const mergedIds = new Map(current.mergedPackages.map((p) => [p.packageId, p.packageHash]));
  const seenHashes = new Set<string>();
  const seenIds = new Map<string, string>();
  const plans: PackagePlan[] = [];
  const ready: { pkg: ReturnPackage; plan: PackagePlan }[] = [];
  for (const pkg of returns) {
    const plan = emptyPlan(pkg);
    plans.push(plan);
    const earlierHash = mergedIds.get(pkg.packageId) ?? seenIds.get(pkg.packageId);
    if (mergedHashes.has(pkg.packageHash)) plan.status = 'already-merged';
    else if (seenHashes.has(pkg.packageHash)) plan.status = 'repeated';
    else if (earlierHash !== undefined && earlierHash !== pkg.packageHash) {
      plan.problems.push(problem('reissued', PACKAGE_PROBLEMS.reissued(pkg.packageId)));
    } else if (pkg.baseId !== base.id) {
      plan.problems.push(problem('other-base', PACKAGE_PROBLEMS.otherBase(pkg.baseId, base.id)));
    } else {
      plan.problems.push(...(await recordProblems(pkg, baseIndex, options, pacer)));
    }
    if (plan.problems.length > 0) plan.status = 'refused';
    seenHashes.add(pkg.packageHash);
    if (!seenIds.has(pkg.packageId)) seenIds.set(pkg.packageId, pkg.packageHash);
    if (plan.status === 'ready') ready.push({ pkg, plan });
    else if (plan.status !== 'refused') {
      // Nothing of a package merged before (or given twice) is new: every record is identical.
      for (const change of pkg.changes) {
        plan.records.push({ table: change.table, id: change.id, effect: 'identical' });
      }
      plan.counts.identical = pkg.changes.length;
    }
  }
  return { plans, ready };
}
