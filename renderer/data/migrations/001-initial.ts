/**
 * Version 1: the vault's metadata (header, keyslots, trail head), the engagement, field notes
 * and the activity trail. Indexes are on opaque values only.
 */
export const migration001 = {
  version: 1,
  stores: {
    meta: 'key',
    engagement: 'id',
    notes: 'id, deleted',
    activity: 'seq',
  },
} as const;
