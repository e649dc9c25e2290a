/**
 * What the lead's Team tab shows, read in one go: assignments, hand-outs, merged returns and,
 * per checklist item result, its assignee and whether it is done.
 */
import type { Stored } from '../../../shared/domain/records';
import type { Assignment, Handout, MergedPackageRecord, Origin } from '../../../shared/domain/team';
import type { VaultSession } from '../../data/vault-session';
import { catalogItem } from '../inspection/library';
import { assigneeOf } from './assignments';
import { originOf } from './send-back';

export interface TeamData {
  origin: Stored<Origin> | null;
  inspections: { id: string; title: string }[];
  assignments: Stored<Assignment>[];
  handouts: Stored<Handout>[];
  merged: Stored<MergedPackageRecord>[];
  /** Per checklist item result: who it is assigned to and whether it has a result. */
  items: { assignee: string | null; done: boolean }[];
}

export async function loadTeamData(session: VaultSession): Promise<TeamData> {
  const [origin, inspections, assignments, handouts, merged, results] = await Promise.all([
    originOf(session),
    session.list('inspections'),
    session.list('assignments'),
    session.list('handouts'),
    session.list('mergedPackages'),
    session.list('itemResults'),
  ]);
  const items = results.map((r) => {
    const own = assignments.filter((a) => a.inspectionId === r.inspectionId);
    const section = catalogItem(r.itemId)?.section ?? '';
    return { assignee: assigneeOf(own, r.itemId, section), done: r.result !== null };
  });
  return {
    origin,
    inspections: inspections.map((i) => ({ id: i.id, title: i.title })),
    assignments,
    handouts,
    merged,
    items,
  };
}
