/**
 * Version 7: the engagement's team-work rules (`engagementPolicies`, one record: whether the
 * merge accepts only returns signed by a trusted signer). Sealed and indexed like every
 * record table; added after vault format 2, so an upgraded vault counts it only once written
 * (`laterSpec` in tables.ts).
 */
export const migration007 = {
  version: 7,
  stores: {
    engagementPolicies: 'id, deleted, rev',
  },
} as const;
