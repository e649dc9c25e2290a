/**
 * Opening packages in the app: a package encrypted with a passphrase opens with it, one
 * encrypted to recipients with the user's signing identity (its age key, derived from the
 * identity and opened with the signing passphrase once for all the files picked together).
 * The header says which (`readAgeHeader`), before any key work.
 */
import { readAgeHeader, type PackageKey } from '../../../shared/package';
import { withAgeIdentity } from '../../../shared/signoff/age-key';
import type { IdentityFile } from '../../../shared/signoff/identity';

/** What the user gave to open packages: the package passphrase and/or a signing identity. */
export interface OpenKeys {
  passphrase: string;
  identity: { identity: IdentityFile; passphrase: string } | null;
}

/** Whether a file is a package encrypted to recipients (false for anything else, refused later). */
export function isRecipientPackage(bytes: Uint8Array): boolean {
  try {
    return readAgeHeader(bytes).mode === 'recipients';
  } catch {
    return false;
  }
}

/**
 * Runs `work` with `keyFor`, the key for each file: the identity's age key for a recipient
 * package when an identity was given, the passphrase otherwise (so a recipient package without
 * one is refused by the reader as needing an identity, with its own message). The identity is
 * opened only if some file needs it; a wrong signing passphrase rejects before `work` runs.
 */
export async function withOpenKeys<T>(
  keys: OpenKeys,
  files: readonly Uint8Array[],
  work: (keyFor: (bytes: Uint8Array) => PackageKey) => Promise<T>,
): Promise<T> {
  if (keys.identity === null || !files.some(isRecipientPackage)) {
    return work(() => keys.passphrase);
  }
  const { identity, passphrase } = keys.identity;
  return withAgeIdentity(identity, passphrase, (age) =>
    work((bytes) => (isRecipientPackage(bytes) ? age : keys.passphrase)),
  );
}
