/**
 * Version 4: the integrity checks (vault format 2). Every sealed table gets an index on its
 * clear revision (and the engagement one on its tombstone flag), so the unlock check can
 * compare each row's clear fields with the sealed manifest from the indexes alone, without
 * reading a single sealed payload. `staging` holds evidence files re-sealed by a re-key until
 * its one transaction moves them into `blobs`.
 */
export const migration004 = {
  version: 4,
  stores: {
    engagement: 'id, deleted, rev',
    notes: 'id, deleted, rev',
    inspections: 'id, deleted, rev',
    itemResults: 'id, deleted, parent, rev',
    findings: 'id, deleted, parent, rev',
    systems: 'id, deleted, rev',
    drills: 'id, deleted, rev',
    samples: 'id, deleted, parent, rev',
    evidence: 'id, deleted, parent, rev',
    people: 'id, deleted, rev',
    vendors: 'id, deleted, rev',
    agreements: 'id, deleted, parent, rev',
    disposals: 'id, deleted, rev',
    policyReviews: 'id, deleted, rev',
    settings: 'id, deleted, rev',
    staging: 'id',
  },
} as const;
