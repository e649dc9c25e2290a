/** The names of the vault's sealed settings the registers keep, in one place. */
export const SETTING_KEYS = {
  /** The form versions in force and the coverage rules (`currentVersionsSchema`). */
  currentVersions: 'agreements.current-versions',
  /** Coverage gap id → the finding raised on it. */
  raisedGaps: 'agreements.raised-gaps',
  /** `${recordId}|${flag kind}` → the finding raised on that disposal flag. */
  raisedDisposalFlags: 'disposal.raised-flags',
  /** `${reviewId}|${itemId}` → the finding raised on that policy review's gaps. */
  raisedPolicyGaps: 'policies.raised',
} as const;

/** The remembered column mapping of one kind of import. */
export const importPresetKey = (kind: string) => `import-preset.${kind}`;
