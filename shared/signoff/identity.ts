/**
 * Signing identities (簽章身分): one Ed25519 key pair per person, the private key sealed by the
 * person's own signing passphrase (not a vault passphrase; asked again for every signature,
 * like a signature PIN). The identity file is JSON (format `aw-signing-identity`, version 1):
 *
 *   { "format": "aw-signing-identity", "version": 1,
 *     "name": "王小明", "createdAt": "2026-03-04T02:00:00.000Z",
 *     "publicKey": "RWQ…",            minisign's public key line: base64("Ed" ‖ key id ‖ key)
 *     "fingerprint": "7KQ2-M9XT-B4HD-3F0A",
 *     "kdf": { "alg": "Argon2id", "version": 19, "memoryKiB": 65536, "iterations": 3,
 *              "parallelism": 1, "salt": "…" },
 *     "sealedKey": { "iv": "…", "ct": "…" } }   AES-256-GCM of the 32-byte Ed25519 seed
 *
 * The key-encryption key is the project's Argon2id KEK (`deriveKek`, bounds checked on read);
 * the additional data is `aw-signing-identity/v1|<publicKey line>`, so a sealed key moved into
 * another identity file fails to open. The fingerprint is the first 80 bits of SHA-256 over
 * the decoded public key line, in Crockford base32, four groups of four: short enough to read
 * out over the phone, long enough that no one can make a second key with the same one.
 * The public-key file handed to colleagues is minisign's, so `minisign -V` takes it as is.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { type Bytes, fromBase64, toBase64, utf8, wipe } from '../crypto/bytes';
import { SealError, openBytes, sealBytes, type Sealed } from '../crypto/envelope';
import { deriveKek, kdfParamsSchema, newPassphraseKdf, type KdfParams } from '../crypto/kdf';
import { crockfordBase32 } from '../crypto/recovery-key';
import { isoInstantSchema, type IsoInstant } from '../domain/dates';
import { maskPersonalData } from '../domain/personal-data';
import { SEED_BYTES, generateKeyPair, withSigningKey } from './ed25519';
import {
  KEY_ID_BYTES,
  encodePublicKeyFile,
  keyIdHex,
  minisignSign,
  minisignVerify,
  parsePublicKey,
  publicKeyLine,
  type MinisignPublicKey,
} from './minisign';

export const IDENTITY_FORMAT = 'aw-signing-identity';
export const IDENTITY_VERSION = 1;
/** As long as a vault passphrase: the identity file can be copied and attacked offline. */
export const MIN_SIGNING_PASSPHRASE_LENGTH = 12;

export const fingerprintSchema = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);

/** A minisign public key line (base64 of 42 bytes). */
export const publicKeyLineSchema = z
  .string()
  .length(56)
  .refine((line) => {
    try {
      parsePublicKey(line);
      return true;
    } catch {
      return false;
    }
  }, 'must be a minisign Ed25519 public key');

const b64 = z
  .string()
  .min(1)
  .max(1000)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/);

/**
 * Signers' names, role names and unlock reasons go into every signed workpaper as they were
 * signed (the hidden sheet included, where masking would break the signature), so they may
 * not hold national IDs, phone numbers or e-mail addresses.
 */
export function withoutPersonalData(schema: z.ZodString) {
  return schema.refine((text) => maskPersonalData(text).spans.length === 0, {
    message: 'must not contain a national ID, phone number or e-mail address',
  });
}

export const identityFileSchema = z.strictObject({
  format: z.literal(IDENTITY_FORMAT),
  version: z.literal(IDENTITY_VERSION),
  name: withoutPersonalData(z.string().trim().min(1).max(100)),
  createdAt: isoInstantSchema,
  publicKey: publicKeyLineSchema,
  fingerprint: fingerprintSchema,
  kdf: kdfParamsSchema,
  sealedKey: z.strictObject({ iv: b64, ct: b64 }),
});
export type IdentityFile = z.infer<typeof identityFileSchema>;

export class SigningPassphraseError extends Error {
  override name = 'SigningPassphraseError';
  constructor() {
    super('The signing passphrase is wrong for this identity');
  }
}

export class IdentityFileError extends Error {
  override name = 'IdentityFileError';
}

/** The fingerprint of a public key line: read it out to colleagues before they trust the key. */
export function fingerprintOf(publicKey: string | MinisignPublicKey): string {
  const line = typeof publicKey === 'string' ? publicKey : publicKeyLine(publicKey);
  const digest = sha256(fromBase64(line));
  const chars = crockfordBase32(digest.slice(0, 10));
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}

function identityAad(publicKey: string): Bytes {
  return utf8(`aw-signing-identity/v1|${publicKey}`);
}

/** Characters as a person counts them (grapheme clusters), as the vault passphrase rule does. */
function characterCount(text: string): number {
  let count = 0;
  for (const _ of new Intl.Segmenter().segment(text.normalize('NFC'))) count++;
  return count;
}

export interface NewIdentity {
  identity: IdentityFile;
  /** minisign's public-key file, to hand to colleagues. */
  publicKeyFile: string;
}

/** Creates a key pair and seals its private key with `passphrase` (Argon2id). */
export async function createIdentity(options: {
  name: string;
  passphrase: string;
  now: IsoInstant;
  /** Tests lower the Argon2id cost within its bounds; production takes the default. */
  kdf?: KdfParams;
}): Promise<NewIdentity> {
  if (characterCount(options.passphrase) < MIN_SIGNING_PASSPHRASE_LENGTH) {
    throw new RangeError(
      `The signing passphrase must be at least ${MIN_SIGNING_PASSPHRASE_LENGTH} characters long`,
    );
  }
  const { seed, publicKey } = await generateKeyPair();
  try {
    const key: MinisignPublicKey = {
      keyId: crypto.getRandomValues(new Uint8Array(KEY_ID_BYTES)),
      publicKey,
    };
    const line = publicKeyLine(key);
    const kdf = options.kdf ?? newPassphraseKdf();
    const kek = await deriveKek(options.passphrase, kdf);
    const sealed = await sealBytes(kek, seed, identityAad(line));
    const identity = identityFileSchema.parse({
      format: IDENTITY_FORMAT,
      version: IDENTITY_VERSION,
      name: options.name,
      createdAt: options.now,
      publicKey: line,
      fingerprint: fingerprintOf(line),
      kdf,
      sealedKey: { iv: toBase64(sealed.iv), ct: toBase64(sealed.ct) },
    });
    return { identity, publicKeyFile: publicKeyFileOf(identity) };
  } finally {
    wipe(seed);
  }
}

/** minisign's public-key file for an identity; the comment names the person and fingerprint. */
export function publicKeyFileOf(identity: Pick<IdentityFile, 'name' | 'publicKey'>): string {
  const key = parsePublicKey(identity.publicKey);
  const name = identity.name.replace(/[\r\n]+/g, ' ');
  return encodePublicKeyFile(
    key,
    `minisign public key ${keyIdHex(key.keyId)} · ${name} · ${fingerprintOf(identity.publicKey)}`,
  );
}

/**
 * The identity file's text, as `identity --new` writes it and 匯出身分檔 saves it: the key is
 * sealed by the signing passphrase, so the file is as strong as that passphrase; keep it private.
 */
export function identityFileText(identity: IdentityFile): string {
  return `${JSON.stringify(identityFileSchema.parse(identity), null, 2)}\n`;
}

/** Reads an identity file (JSON text); a clear error for anything that is not one. */
export function parseIdentityFile(text: string): IdentityFile {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    throw new IdentityFileError('not a signing identity file (not JSON)');
  }
  const parsed = identityFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IdentityFileError(
      `not a valid signing identity file (${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'})`,
    );
  }
  if (fingerprintOf(parsed.data.publicKey) !== parsed.data.fingerprint) {
    throw new IdentityFileError('the identity file was altered: its fingerprint does not match');
  }
  return parsed.data;
}

/** The sealed seed, opened with the signing passphrase; the caller wipes it. */
async function openSeed(identity: IdentityFile, passphrase: string): Promise<Bytes> {
  const sealed: Sealed = {
    v: 1,
    iv: fromBase64(identity.sealedKey.iv),
    ct: fromBase64(identity.sealedKey.ct),
  };
  try {
    const kek = await deriveKek(passphrase, identity.kdf);
    return await openBytes(kek, sealed, identityAad(identity.publicKey));
  } catch (error) {
    if (error instanceof SealError) throw new SigningPassphraseError();
    throw error;
  }
}

/**
 * The identity's opened 32-byte seed, inside `work` only, wiped when it settles: for the keys
 * derived from it (`age-key.ts`), so no second secret is ever stored.
 */
export async function withIdentitySeed<T>(
  identity: IdentityFile,
  passphrase: string,
  work: (seed: Bytes, checked: IdentityFile) => T | Promise<T>,
): Promise<T> {
  const checked = identityFileSchema.parse(identity);
  const seed = await openSeed(checked, passphrase);
  try {
    if (seed.byteLength !== SEED_BYTES) {
      throw new IdentityFileError('the sealed key is not an Ed25519 key');
    }
    return await work(seed, checked);
  } finally {
    wipe(seed);
  }
}

/** Signs minisign signatures with an identity, inside `work` only. */
export interface IdentitySigner {
  readonly name: string;
  readonly publicKey: string;
  readonly fingerprint: string;
  /** A minisign signature file (prehashed) of `message` with the given comments. */
  sign(message: Bytes, comments: { trusted: string; untrusted: string }): Promise<string>;
}

/**
 * Opens the sealed private key with the signing passphrase, runs `work` with a signer and
 * drops the key: the seed is wiped right after it becomes a non-extractable WebCrypto key, and
 * that key is not reachable once `work` settles. Every signature is checked against the
 * identity's public key before it is handed out.
 */
export async function signWithIdentity<T>(
  identity: IdentityFile,
  passphrase: string,
  work: (signer: IdentitySigner) => Promise<T>,
): Promise<T> {
  const checked = identityFileSchema.parse(identity);
  const key = parsePublicKey(checked.publicKey);
  const seed = await openSeed(checked, passphrase);
  if (seed.byteLength !== SEED_BYTES) {
    wipe(seed);
    throw new IdentityFileError('the sealed key is not an Ed25519 key');
  }
  try {
    return await withSigningKey(seed, async (sign) => {
      wipe(seed);
      const signer: IdentitySigner = {
        name: checked.name,
        publicKey: checked.publicKey,
        fingerprint: checked.fingerprint,
        async sign(message, comments) {
          const file = await minisignSign(sign, key.keyId, message, comments);
          const verdict = await minisignVerify(key, message, file);
          if (!verdict.ok) {
            throw new IdentityFileError('the sealed key does not belong to this identity');
          }
          return file;
        },
      };
      return work(signer);
    });
  } finally {
    wipe(seed);
  }
}

/** Re-seals the private key under a new signing passphrase (same key, same fingerprint). */
export async function changeSigningPassphrase(
  identity: IdentityFile,
  oldPassphrase: string,
  newPassphrase: string,
  kdf: KdfParams = newPassphraseKdf(),
): Promise<IdentityFile> {
  if (characterCount(newPassphrase) < MIN_SIGNING_PASSPHRASE_LENGTH) {
    throw new RangeError(
      `The signing passphrase must be at least ${MIN_SIGNING_PASSPHRASE_LENGTH} characters long`,
    );
  }
  const checked = identityFileSchema.parse(identity);
  const aad = identityAad(checked.publicKey);
  const seed = await openSeed(checked, oldPassphrase);
  try {
    const resealed = await sealBytes(await deriveKek(newPassphrase, kdf), seed, aad);
    return {
      ...checked,
      kdf,
      sealedKey: { iv: toBase64(resealed.iv), ct: toBase64(resealed.ct) },
    };
  } finally {
    wipe(seed);
  }
}
