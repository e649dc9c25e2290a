import { useEffect, useState } from 'react';
import type { Assignment } from '../../../shared/domain/team';
import type { VaultSession } from '../../data/vault-session';
import { listAssignments } from './assignments';

/** The assignments of one inspection, for showing the assignee on its checklist items. */
export function useAssignments(session: VaultSession, inspectionId: string): Assignment[] {
  const [assignments, setAssignments] = useState<Assignment[]>([]);
  useEffect(() => {
    let live = true;
    void listAssignments(session, inspectionId).then((list) => {
      if (live) setAssignments(list);
    });
    return () => {
      live = false;
    };
  }, [session, inspectionId]);
  return assignments;
}
