/**
 * Per-vault settings kept as sealed records, one per key: remembered import mappings, the
 * current version of each confidentiality form. Settings say something about the engagement
 * (which HR system, which forms), so they are encrypted like everything else in the vault.
 */
import { z } from 'zod';

export const SETTING_KEY_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/;

export const settingSchema = z.object({
  /** Dotted name, e.g. `import-preset.roster`, `agreements.current-versions`. */
  key: z.string().regex(SETTING_KEY_PATTERN).max(100),
  /** Checked by whoever reads the setting, with its own schema. */
  value: z.json(),
});
export type Setting = z.infer<typeof settingSchema>;
