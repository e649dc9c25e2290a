/**
 * The team's trusted signers as a file for `audit-workbench verify --signers`: what a manager
 * hands a third party together with a signed workpaper, so the check names who may sign.
 */
import { trustedSignersFileSchema, type TrustedSigner, type TrustedSignersFile } from './records';

/** Pretty-printed JSON with a final newline; retired keys stay, with when they were retired. */
export function trustedSignersFileText(signers: readonly TrustedSigner[]): string {
  const file: TrustedSignersFile = trustedSignersFileSchema.parse({
    format: 'aw-trusted-signers',
    version: 1,
    signers,
  });
  return `${JSON.stringify(file, null, 2)}\n`;
}
