/** Test helpers: Argon2id at its floor (19 MiB, 2 passes) so tests create identities quickly. */
import { randomBytes, toBase64 } from '../crypto/bytes';
import type { KdfParams } from '../crypto/kdf';
import { ARGON2ID_BOUNDS } from '../crypto/kdf';

export function fastKdf(): KdfParams {
  return {
    alg: 'Argon2id',
    version: 19,
    memoryKiB: ARGON2ID_BOUNDS.memoryKiB.min,
    iterations: ARGON2ID_BOUNDS.iterations.min,
    parallelism: 1,
    salt: toBase64(randomBytes(16)),
  };
}
