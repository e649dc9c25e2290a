/**
 * Packages to and from the merge engine. A hand-out is the engine's `MergeBase` (its records
 * under its `baseId`) and, for a lead without a vault (the CLI), also the `CurrentState`; a
 * return is a `ReturnPackage` whose `packageHash` is the package's manifest hash (`read.ts`),
 * so the same return given twice, or merged in an earlier round, is recognised by the engine.
 */
import type { CurrentState, MergeBase, ReturnPackage } from '../merge/types';
import { recordKey } from '../merge/packages';
import { refusal } from './errors';
import type { PackageContents, PackageRecord } from './format';
import type { ReadPackage } from './read';

export function mergeBaseOf(handout: ReadPackage): MergeBase {
  requireKind(handout, 'handout');
  return {
    id: handout.baseId,
    records: handout.records.map(({ table, id, rev, deleted, data }) => ({
      table,
      id,
      rev,
      deleted,
      data,
    })),
  };
}

/** The hand-out's records as the lead's vault, with the returns merged into it before. */
export function currentStateOf(handout: ReadPackage): CurrentState {
  requireKind(handout, 'handout');
  return {
    records: handout.records.map(({ baseRev: _base, ...record }) => record),
    mergedPackages: handout.mergedPackages.map(({ packageId, packageHash }) => ({
      packageId,
      packageHash,
    })),
  };
}

function requireKind(pkg: ReadPackage, kind: PackageContents['kind']) {
  if (pkg.kind !== kind) {
    throw refusal(
      'wrong-kind',
      kind === 'handout' ? '這是繳回案件包，不是分派案件包' : '這是分派案件包，不是繳回案件包',
      kind === 'handout'
        ? 'this is a return package, not a hand-out'
        : 'this is a hand-out package, not a return',
    );
  }
}

/** A return as the engine takes it; refused when it is a hand-out or of another engagement. */
export function returnPackageOf(ret: ReadPackage, handout: ReadPackage): ReturnPackage {
  requireKind(ret, 'return');
  if (ret.engagementId !== handout.engagementId) {
    throw refusal(
      'other-engagement',
      '此繳回案件包屬於另一個查核案件',
      'this return package belongs to another engagement',
    );
  }
  return {
    packageId: ret.packageId,
    packageHash: ret.packageHash,
    auditor: ret.auditor,
    baseId: ret.baseId,
    changes: ret.records.map((r) => ({
      table: r.table,
      id: r.id,
      baseRev: r.baseRev ?? null,
      deleted: r.deleted,
      data: r.data,
      updatedAt: r.updatedAt,
      updatedBy: r.updatedBy,
    })),
  };
}

export type PackageHeader = Pick<
  PackageContents,
  'packageId' | 'engagementId' | 'auditor' | 'author' | 'createdAt' | 'appVersion'
>;

/** A hand-out of `state` (every record, tombstones too) as the round `baseId`. */
export function handoutContents(
  state: CurrentState,
  header: PackageHeader & {
    baseId: string;
    files: ReadonlyMap<string, Uint8Array>;
    trailHead: PackageContents['trailHead'];
  },
): PackageContents {
  return {
    ...header,
    kind: 'handout',
    basePackageId: null,
    records: state.records.map(
      ({ table, id, rev, deleted, data, updatedAt, updatedBy, merge }) => ({
        table,
        id,
        rev,
        deleted,
        data,
        updatedAt,
        updatedBy,
        ...(merge === undefined ? {} : { merge }),
      }),
    ),
    trail: [],
    trailFrom: header.trailHead,
    mergedPackages: state.mergedPackages,
  };
}

/**
 * A return: every record of the auditor's vault `now` that is new or at another revision than
 * in the hand-out, each with the hand-out's revision as its base, the evidence files of those
 * records (from `files`), and the trail piece given.
 */
export function returnContents(
  handout: Pick<PackageContents, 'records' | 'files' | 'baseId' | 'packageId'>,
  now: readonly PackageRecord[],
  header: PackageHeader & Pick<PackageContents, 'files' | 'trail' | 'trailFrom' | 'trailHead'>,
): PackageContents {
  const base = new Map(handout.records.map((r) => [recordKey(r.table, r.id), r]));
  const records = now
    .filter((r) => base.get(recordKey(r.table, r.id))?.rev !== r.rev)
    .map(({ merge: _merge, ...r }) => ({
      ...r,
      baseRev: base.get(recordKey(r.table, r.id))?.rev ?? null,
    }));
  const needed = new Set(
    records.filter((r) => r.table === 'evidence').map((r) => String(r.data.sha256)),
  );
  const files = new Map(
    [...header.files].filter(([sha]) => needed.has(sha) && !handout.files.has(sha)),
  );
  return {
    ...header,
    kind: 'return',
    baseId: handout.baseId,
    basePackageId: handout.packageId,
    records,
    files,
    mergedPackages: [],
  };
}
