import { describe, expect, it } from 'vitest';
import type { Conflict, Source } from '../../../shared/merge';
import { auditorProgress, type ProgressInput } from './auditor-progress';

const source = (auditor: string, packageId: string | null): Source => ({
  packageId,
  packageHash: packageId && `${packageId}-hash`,
  auditor,
  updatedAt: '2025-03-06T01:00:00.000Z',
  updatedBy: auditor,
});

/** A field conflict whose options come from the given sides. */
function conflict(id: string, ...sides: Source[]): Conflict {
  return {
    id,
    kind: 'field',
    table: 'notes',
    recordId: id,
    field: 'title',
    key: null,
    baseDeleted: false,
    options: sides.map((s, i) => ({
      id: s.packageId ?? 'lead',
      value: i,
      deleted: false,
      sources: [s],
    })),
  };
}

const data: ProgressInput = {
  assignments: [{ auditor: '林甲' }, { auditor: '王乙' }],
  items: [
    { assignee: '林甲', done: true },
    { assignee: '林甲', done: false },
    { assignee: '林甲', done: true },
    { assignee: '王乙', done: false },
    { assignee: null, done: true },
  ],
  handouts: [{ auditor: '林甲' }, { auditor: '王乙' }, { auditor: '林甲' }],
  merged: [{ packageId: 'a1', auditor: '林甲' }],
};

describe('auditorProgress', () => {
  it('counts assigned, done, handed out, returned and merged per auditor', () => {
    expect(auditorProgress(data, null)).toEqual([
      {
        auditor: '林甲',
        assigned: 3,
        done: 2,
        handedOut: 2,
        returned: 1,
        merged: 1,
        openConflicts: 0,
      },
      {
        auditor: '王乙',
        assigned: 1,
        done: 0,
        handedOut: 1,
        returned: 0,
        merged: 0,
        openConflicts: 0,
      },
    ]);
  });

  it('counts the merge on screen: its returns once each, its open conflicts per auditor', () => {
    // The lead gave themselves a section too: their own vault's values are no return.
    const withLead = { ...data, assignments: [...data.assignments, { auditor: '陳組長' }] };
    const rows = auditorProgress(withLead, {
      // a1 is merged already and opened again: still one return.
      returns: [
        { packageId: 'a1', auditor: '林甲' },
        { packageId: 'a2', auditor: '林甲' },
        { packageId: 'b1', auditor: '王乙' },
        { packageId: 'c1', auditor: '張丙' },
      ],
      openConflicts: [
        conflict('x', source('林甲', 'a2'), source('王乙', 'b1')),
        conflict('y', source('陳組長', null), source('林甲', 'a2')),
        conflict('z', source('陳組長', null), source('王乙', 'b1'), source('王乙', 'b1')),
      ],
    });
    const pick = (name: string) => rows.find((r) => r.auditor === name);
    expect(pick('林甲')).toMatchObject({ returned: 2, merged: 1, openConflicts: 2 });
    expect(pick('王乙')).toMatchObject({ returned: 1, merged: 0, openConflicts: 2 });
    // An auditor known only from a return on screen still gets a row.
    expect(pick('張丙')).toMatchObject({ assigned: 0, returned: 1, openConflicts: 0 });
    expect(pick('陳組長')).toMatchObject({ returned: 0, openConflicts: 0 });
  });
});
