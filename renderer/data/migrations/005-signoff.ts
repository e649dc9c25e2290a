/**
 * Version 5: review and sign-off (issue 12). The signing identities kept on this laptop (each
 * key pair sealed again by its owner's signing passphrase inside the sealed record), the
 * engagement's trusted signers, and per inspection (children indexed by its id in clear as
 * `parent`): its sign-off policy, sign-offs, review notes and unlocks. Indexed like every table
 * since version 4, so the unlock check covers them from the indexes alone.
 */
export const migration005 = {
  version: 5,
  stores: {
    signingIdentities: 'id, deleted, rev',
    trustedSigners: 'id, deleted, rev',
    signoffPolicies: 'id, deleted, parent, rev',
    signoffs: 'id, deleted, parent, rev',
    reviewNotes: 'id, deleted, parent, rev',
    unlocks: 'id, deleted, parent, rev',
  },
} as const;
