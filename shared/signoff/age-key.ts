/**
 * The age X25519 key of a signing identity, for packages encrypted to their recipients' public
 * keys instead of a shared passphrase. It is derived from the identity's Ed25519 seed, so no
 * second secret is stored and every existing identity file has one:
 *
 *   scalar    = HKDF-SHA256(ikm = the 32-byte seed, salt = empty, info = "aw-age-x25519/v1", 32)
 *   recipient = age's bech32 "age1…" of X25519(scalar, basepoint)
 *   secret    = age's bech32 "AGE-SECRET-KEY-1…" of the scalar (what stock `age -i` reads)
 *
 * A recipient counts only with its **recipient statement**: the identity's minisign signature
 * (message and trusted comment alike) over `aw-age-recipient/v1|<publicKey line>|<age1…>`. Without
 * it anyone who can edit a team file could set their own age key beside a colleague's signing
 * key and read what is sent to the colleague. Private material is in clear only inside the calls
 * here: the scalar is wiped once it is a non-extractable WebCrypto X25519 key (or a string, for
 * the one export that must produce it).
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bech32 } from '@scure/base';
import { identityToRecipient } from 'age-encryption';
import { z } from 'zod';
import { type Bytes, utf8, wipe } from '../crypto/bytes';
import { withSigningKey } from './ed25519';
import { type IdentityFile, withIdentitySeed } from './identity';
import { minisignSign, minisignVerify, parsePublicKey } from './minisign';

export const AGE_KEY_INFO = 'aw-age-x25519/v1';
export const RECIPIENT_STATEMENT_TAG = 'aw-age-recipient/v1';
/** A recipient statement's .minisig is about 400 bytes; anything past this is not one. */
export const MAX_RECIPIENT_SIGNATURE_LENGTH = 2048;

/** An age X25519 recipient: "age1" and 58 bech32 characters (32 bytes and the checksum). */
export const ageRecipientSchema = z
  .string()
  .regex(/^age1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{58}$/, 'must be an age X25519 recipient (age1…)');

export const recipientSignatureSchema = z.string().min(1).max(MAX_RECIPIENT_SIGNATURE_LENGTH);

/** An identity's age key, open: valid while the call that handed it out runs. */
export interface AgeIdentity {
  /** The age1… recipient of this key. */
  readonly recipient: string;
  /** The X25519 private key, non-extractable; age-encryption's `Decrypter` takes it as is. */
  readonly key: CryptoKey;
}

/** The age1… recipient and the identity's signature binding it to the signing key. */
export interface RecipientStatement {
  recipient: string;
  recipientSignature: string;
}

export class RecipientStatementError extends Error {
  override name = 'RecipientStatementError';
}

function deriveScalar(seed: Bytes): Bytes {
  return hkdf(sha256, seed, new Uint8Array(0), utf8(AGE_KEY_INFO), 32);
}

/** RFC 8410 PKCS #8 wrapping of an X25519 private key: a fixed 16-byte prefix, then 32 bytes. */
const X25519_PKCS8_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20,
]);

async function importScalar(scalar: Bytes): Promise<CryptoKey> {
  const pkcs8 = new Uint8Array(X25519_PKCS8_PREFIX.length + scalar.length);
  pkcs8.set(X25519_PKCS8_PREFIX);
  pkcs8.set(scalar, X25519_PKCS8_PREFIX.length);
  try {
    return await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'X25519' }, false, ['deriveBits']);
  } finally {
    wipe(pkcs8);
  }
}

async function ageIdentityOfSeed(seed: Bytes): Promise<AgeIdentity> {
  const scalar = deriveScalar(seed);
  try {
    const key = await importScalar(scalar);
    return { recipient: await identityToRecipient(key), key };
  } finally {
    wipe(scalar);
  }
}

/**
 * Opens the identity with its signing passphrase and runs `work` with its age key; the seed is
 * wiped before `work` starts and the key is not reachable from here once it settles.
 */
export async function withAgeIdentity<T>(
  identity: IdentityFile,
  passphrase: string,
  work: (age: AgeIdentity) => T | Promise<T>,
): Promise<T> {
  const age = await withIdentitySeed(identity, passphrase, ageIdentityOfSeed);
  return work(age);
}

/**
 * The age secret key as stock age reads it (`age -d -i FILE`): for opening a package without
 * the workbench. It is a string, which JavaScript cannot wipe: the caller writes it to a file
 * only the user can read and drops it.
 */
export async function ageSecretKey(identity: IdentityFile, passphrase: string): Promise<string> {
  return withIdentitySeed(identity, passphrase, (seed) => {
    const scalar = deriveScalar(seed);
    try {
      return bech32.encodeFromBytes('AGE-SECRET-KEY-', scalar).toUpperCase();
    } finally {
      wipe(scalar);
    }
  });
}

export function recipientMessage(publicKey: string, recipient: string): string {
  return `${RECIPIENT_STATEMENT_TAG}|${publicKey}|${recipient}`;
}

/** The identity's recipient statement: its age recipient, signed by its signing key. */
export async function recipientStatementOf(
  identity: IdentityFile,
  passphrase: string,
): Promise<RecipientStatement> {
  return withIdentitySeed(identity, passphrase, async (seed, checked) => {
    const { recipient } = await ageIdentityOfSeed(seed);
    const message = recipientMessage(checked.publicKey, recipient);
    const key = parsePublicKey(checked.publicKey);
    const recipientSignature = await withSigningKey(seed, (sign) =>
      minisignSign(sign, key.keyId, utf8(message), {
        trusted: message,
        untrusted: `age recipient of ${checked.fingerprint}`,
      }),
    );
    const problem = await recipientStatementProblem({ ...checked, recipient, recipientSignature });
    if (problem !== null) throw new RecipientStatementError(problem);
    return { recipient, recipientSignature };
  });
}

/** What is wrong with a signer's recipient statement, or null when it holds (or is absent). */
export async function recipientStatementProblem(signer: {
  publicKey: string;
  recipient?: string | undefined;
  recipientSignature?: string | undefined;
}): Promise<string | null> {
  const { recipient, recipientSignature } = signer;
  if (recipient === undefined && recipientSignature === undefined) return null;
  if (recipient === undefined || recipientSignature === undefined) {
    return 'an age recipient needs its recipient signature, and the signature its recipient';
  }
  if (!ageRecipientSchema.safeParse(recipient).success) return 'not an age1… recipient';
  const message = recipientMessage(signer.publicKey, recipient);
  const verdict = await minisignVerify(
    parsePublicKey(signer.publicKey),
    utf8(message),
    recipientSignature,
  );
  if (!verdict.ok) return `the recipient signature does not verify (${verdict.detail})`;
  if (verdict.trustedComment !== message) {
    return 'the recipient signature states another key or recipient';
  }
  return null;
}

/**
 * The age recipients of the given signers, each statement checked first: a signer whose
 * statement does not verify against its own public key refuses the whole list, so nothing is
 * encrypted to a key someone slipped in. Signers without a recipient are skipped.
 */
export async function verifiedRecipients(
  signers: readonly {
    name: string;
    fingerprint: string;
    publicKey: string;
    recipient?: string | undefined;
    recipientSignature?: string | undefined;
  }[],
): Promise<string[]> {
  const out: string[] = [];
  for (const signer of signers) {
    const problem = await recipientStatementProblem(signer);
    if (problem !== null) {
      throw new RecipientStatementError(
        `the age recipient of ${signer.name} (${signer.fingerprint}) is refused: ${problem}`,
      );
    }
    if (signer.recipient !== undefined && !out.includes(signer.recipient)) {
      out.push(signer.recipient);
    }
  }
  return out;
}
