/**
 * Version 3: the registers (issue 4). People and outsourcing vendors, their confidentiality
 * agreements (children of the person or vendor, indexed by its id), the device-disposal log,
 * policy reviews, and per-vault settings (remembered import mappings, current form versions).
 */
export const migration003 = {
  version: 3,
  stores: {
    people: 'id, deleted',
    vendors: 'id, deleted',
    agreements: 'id, deleted, parent',
    disposals: 'id, deleted',
    policyReviews: 'id, deleted',
    settings: 'id, deleted',
  },
} as const;
