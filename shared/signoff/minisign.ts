/**
 * minisign's file formats (minisign 0.6 and later; checked against Debian's minisign 0.11 in
 * `minisign.test.ts`), so a signature made here verifies with the stock tool and back:
 *
 *   public key file       untrusted comment: <text>\n
 *                         base64("Ed" ‖ key id (8) ‖ Ed25519 public key (32))\n
 *   signature (.minisig)  untrusted comment: <text>\n
 *                         base64("ED" ‖ key id (8) ‖ Ed25519(BLAKE2b-512(message)) (64))\n
 *                         trusted comment: <text>\n
 *                         base64(Ed25519(signature (64) ‖ trusted comment bytes))\n
 *
 * "ED" is minisign's prehashed algorithm (its default since 0.10): the message is hashed
 * with unkeyed BLAKE2b-512 and the 64-byte hash is signed. The legacy "Ed" (the message itself
 * signed) is read too, never written. The key id is 8 random bytes, printed by minisign as a
 * little-endian 64-bit number in upper-case hex. Comments are single lines: minisign cuts a
 * line at CR or LF and reads at most 1,023 bytes of the untrusted and 8,191 of the trusted one.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { type Bytes, fromBase64, fromUtf8, toBase64, utf8 } from '../crypto/bytes';
import { PUBLIC_KEY_BYTES, SIGNATURE_BYTES, verifySignature } from './ed25519';

export const KEY_ID_BYTES = 8;
const UNTRUSTED = 'untrusted comment: ';
const TRUSTED = 'trusted comment: ';
/** What fits minisign's line buffers (1,024 and 8,192 bytes with prefix and line feed). */
const MAX_UNTRUSTED_BYTES = 1024 - UNTRUSTED.length - 2;
const MAX_TRUSTED_BYTES = 8192 - TRUSTED.length - 2;

const ALG_PUBLIC = 'Ed';
const ALG_PREHASHED = 'ED';
const ALG_LEGACY = 'Ed';

export interface MinisignPublicKey {
  keyId: Bytes;
  publicKey: Bytes;
}

export interface MinisignSignature {
  /** "ED" prehashed (what we write) or "Ed" legacy. */
  algorithm: 'ED' | 'Ed';
  keyId: Bytes;
  signature: Bytes;
  untrustedComment: string;
  trustedComment: string;
  globalSignature: Bytes;
}

export class MinisignFormatError extends Error {
  override name = 'MinisignFormatError';
}

/** The key id as minisign prints it: little-endian, 16 upper-case hex digits. */
export function keyIdHex(keyId: Bytes): string {
  let out = '';
  for (let i = keyId.length - 1; i >= 0; i--) {
    out += (keyId[i] ?? 0).toString(16).padStart(2, '0');
  }
  return out.toUpperCase();
}

function checkComment(text: string, max: number, what: string): string {
  if (/[\r\n]/.test(text)) throw new MinisignFormatError(`the ${what} must be one line`);
  if (utf8(text).byteLength > max) {
    throw new MinisignFormatError(`the ${what} is longer than ${max} bytes`);
  }
  return text;
}

function concat(...parts: readonly Bytes[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

const ascii = (text: string) => utf8(text);

/** The base64 line of a public key: what `minisign -P` takes. */
export function publicKeyLine(key: MinisignPublicKey): string {
  if (key.keyId.byteLength !== KEY_ID_BYTES || key.publicKey.byteLength !== PUBLIC_KEY_BYTES) {
    throw new MinisignFormatError('a minisign public key has an 8-byte id and a 32-byte key');
  }
  return toBase64(concat(ascii(ALG_PUBLIC), key.keyId, key.publicKey));
}

export function encodePublicKeyFile(key: MinisignPublicKey, comment: string): string {
  checkComment(comment, MAX_UNTRUSTED_BYTES, 'untrusted comment');
  return `${UNTRUSTED}${comment}\n${publicKeyLine(key)}\n`;
}

function decodeBase64(text: string, what: string): Bytes {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw new MinisignFormatError(`${what} is not base64`);
  try {
    return fromBase64(text);
  } catch {
    throw new MinisignFormatError(`${what} is not base64`);
  }
}

/** A public key from its file (two lines) or from its base64 line alone. */
export function parsePublicKey(text: string): MinisignPublicKey {
  const lines = text.split(/\r?\n/).filter((line) => line !== '');
  const line = lines.length === 1 ? lines[0] : lines[1];
  if (lines.length > 2 || line === undefined) {
    throw new MinisignFormatError('a minisign public key file has two lines');
  }
  if (lines.length === 2 && !lines[0]?.startsWith(UNTRUSTED)) {
    throw new MinisignFormatError(`the first line must start with "${UNTRUSTED}"`);
  }
  const bytes = decodeBase64(line.trim(), 'the public key');
  if (bytes.byteLength !== 2 + KEY_ID_BYTES + PUBLIC_KEY_BYTES) {
    throw new MinisignFormatError('the public key has the wrong length');
  }
  if (fromUtf8(bytes.slice(0, 2)) !== ALG_PUBLIC) {
    throw new MinisignFormatError('the public key is not an Ed25519 minisign key');
  }
  return { keyId: bytes.slice(2, 2 + KEY_ID_BYTES), publicKey: bytes.slice(2 + KEY_ID_BYTES) };
}

/** BLAKE2b-512 of the message, unkeyed: what an "ED" signature signs. */
export function prehash(message: Bytes): Bytes {
  return blake2b(message, { dkLen: 64 });
}

/** Parses a .minisig file; throws MinisignFormatError for anything else. */
export function parseSignatureFile(text: string): MinisignSignature {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  if (lines.at(-1) === '') lines.pop();
  const [untrusted, sigLine, trusted, globalLine] = lines;
  if (lines.length !== 4 || untrusted === undefined || sigLine === undefined) {
    throw new MinisignFormatError('a minisign signature file has four lines');
  }
  if (!untrusted.startsWith(UNTRUSTED)) {
    throw new MinisignFormatError(`the first line must start with "${UNTRUSTED}"`);
  }
  if (trusted === undefined || !trusted.startsWith(TRUSTED) || globalLine === undefined) {
    throw new MinisignFormatError(`the third line must start with "${TRUSTED}"`);
  }
  const sig = decodeBase64(sigLine, 'the signature');
  if (sig.byteLength !== 2 + KEY_ID_BYTES + SIGNATURE_BYTES) {
    throw new MinisignFormatError('the signature has the wrong length');
  }
  const algorithm = fromUtf8(sig.slice(0, 2));
  if (algorithm !== ALG_PREHASHED && algorithm !== ALG_LEGACY) {
    throw new MinisignFormatError(`unsupported signature algorithm ${JSON.stringify(algorithm)}`);
  }
  const globalSignature = decodeBase64(globalLine, 'the trusted comment signature');
  if (globalSignature.byteLength !== SIGNATURE_BYTES) {
    throw new MinisignFormatError('the trusted comment signature has the wrong length');
  }
  return {
    algorithm,
    keyId: sig.slice(2, 2 + KEY_ID_BYTES),
    signature: sig.slice(2 + KEY_ID_BYTES),
    untrustedComment: untrusted.slice(UNTRUSTED.length),
    trustedComment: trusted.slice(TRUSTED.length),
    globalSignature,
  };
}

export function encodeSignatureFile(sig: MinisignSignature): string {
  const sigBytes = concat(ascii(sig.algorithm), sig.keyId, sig.signature);
  return [
    `${UNTRUSTED}${sig.untrustedComment}`,
    toBase64(sigBytes),
    `${TRUSTED}${sig.trustedComment}`,
    toBase64(sig.globalSignature),
    '',
  ].join('\n');
}

/**
 * A prehashed minisign signature of `message`, with `sign` the signer's Ed25519 function (see
 * `withSigningKey`). The trusted comment is signed as well; the untrusted one is not.
 */
export async function minisignSign(
  sign: (message: Bytes) => Promise<Bytes>,
  keyId: Bytes,
  message: Bytes,
  comments: { trusted: string; untrusted: string },
): Promise<string> {
  const trustedComment = checkComment(comments.trusted, MAX_TRUSTED_BYTES, 'trusted comment');
  const untrustedComment = checkComment(
    comments.untrusted,
    MAX_UNTRUSTED_BYTES,
    'untrusted comment',
  );
  if (keyId.byteLength !== KEY_ID_BYTES) throw new MinisignFormatError('the key id has 8 bytes');
  const signature = await sign(prehash(message));
  const globalSignature = await sign(concat(signature, utf8(trustedComment)));
  return encodeSignatureFile({
    algorithm: ALG_PREHASHED,
    keyId,
    signature,
    untrustedComment,
    trustedComment,
    globalSignature,
  });
}

export type MinisignVerdict =
  | { ok: true; trustedComment: string; signature: MinisignSignature }
  | {
      ok: false;
      problem: 'malformed' | 'other-key' | 'bad-signature' | 'bad-comment-signature';
      detail: string;
    };

/** Checks a .minisig against `message` and the public key, as `minisign -V` does. */
export async function minisignVerify(
  key: MinisignPublicKey,
  message: Bytes,
  signatureFile: string,
): Promise<MinisignVerdict> {
  let sig: MinisignSignature;
  try {
    sig = parseSignatureFile(signatureFile);
  } catch (error) {
    if (!(error instanceof MinisignFormatError)) throw error;
    return { ok: false, problem: 'malformed', detail: error.message };
  }
  if (keyIdHex(sig.keyId) !== keyIdHex(key.keyId)) {
    return {
      ok: false,
      problem: 'other-key',
      detail: `signed by key ${keyIdHex(sig.keyId)}, not ${keyIdHex(key.keyId)}`,
    };
  }
  const signed = sig.algorithm === ALG_PREHASHED ? prehash(message) : message;
  if (!(await verifySignature(key.publicKey, sig.signature, signed))) {
    return {
      ok: false,
      problem: 'bad-signature',
      detail: 'the signature does not match the content',
    };
  }
  // minisign reads the trusted comment up to the first CR or LF; there is none after parsing.
  const commented = concat(sig.signature, utf8(sig.trustedComment));
  if (!(await verifySignature(key.publicKey, sig.globalSignature, commented))) {
    return {
      ok: false,
      problem: 'bad-comment-signature',
      detail: 'the trusted comment was altered',
    };
  }
  return { ok: true, trustedComment: sig.trustedComment, signature: sig };
}
