/**
 * Version 2: the self-inspection. Inspections, their per-item results and findings (children,
 * indexed by their inspection's id), the system inventory and social-engineering drills,
 * reproducible samples, evidence records, and the sealed bytes of evidence files.
 */
export const migration002 = {
  version: 2,
  stores: {
    inspections: 'id, deleted',
    itemResults: 'id, deleted, parent',
    findings: 'id, deleted, parent',
    systems: 'id, deleted',
    drills: 'id, deleted',
    samples: 'id, deleted, parent',
    evidence: 'id, deleted, parent',
    blobs: 'id',
  },
} as const;
