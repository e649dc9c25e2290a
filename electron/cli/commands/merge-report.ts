/**
 * The merge report (`merge --report merge.json`): per package what the merge would do, every
 * refused package with its reason, every open conflict with its options and who holds each,
 * every likely duplicate. Values are left out (they may be personal data and the report is a
 * plain file); the lead answers conflicts by option id in `--decisions`.
 */
import type { Conflict, MergePlan } from '../../../shared/merge';

export interface RefusedFile {
  file: string;
  code: string;
  reason: string;
  where: object;
}

const conflictEntry = (c: Conflict) => ({
  id: c.id,
  kind: c.kind,
  table: c.table,
  recordId: c.recordId,
  field: c.field,
  key: c.key,
  options: c.options.map((o) => ({
    id: o.id,
    deleted: o.deleted,
    from: o.sources.map((s) => ({
      auditor: s.auditor,
      packageId: s.packageId,
      updatedAt: s.updatedAt,
    })),
  })),
});

export function mergeReport(
  plan: MergePlan | null,
  files: ReadonlyMap<string, string>,
  refused: readonly RefusedFile[],
  open: readonly Conflict[],
) {
  return {
    format: 'audit-workbench-merge-report',
    version: 1,
    mergeId: plan?.mergeId ?? null,
    baseId: plan?.baseId ?? null,
    complete: plan !== null && refused.length === 0 && open.length === 0,
    packages: (plan?.packages ?? []).map((p) => ({
      file: files.get(p.packageId) ?? null,
      packageId: p.packageId,
      packageHash: p.packageHash,
      auditor: p.auditor,
      status: p.status,
      counts: p.counts,
      problems: p.problems.map((q) => ({
        code: q.code,
        reason: q.text.en,
        table: q.table,
        id: q.id,
      })),
    })),
    refused: [
      ...refused,
      ...(plan?.packages ?? [])
        .filter((p) => p.status === 'refused')
        .map((p) => ({
          file: files.get(p.packageId) ?? null,
          code: p.problems[0]?.code ?? 'refused',
          reason: p.problems[0]?.text.en ?? '',
          where: {},
        })),
    ],
    conflicts: plan?.conflicts.map(conflictEntry) ?? [],
    openConflicts: open.map((c) => c.id),
    duplicates: plan?.duplicates ?? [],
  };
}
