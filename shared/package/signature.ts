/**
 * The author's signature on a package (ARCHITECTURE.md, "Engagement packages"): two ZIP parts
 * beside `manifest.json`, in minisign's formats (`shared/signoff/minisign.ts`), so the stock
 * tool checks them too (`minisign -Vm manifest.json -x signature.minisig -p signer.pub`):
 *
 *   signature.minisig   a prehashed minisign signature over manifest.json's bytes as stored;
 *                       its trusted comment is the statement (canonical JSON, one line):
 *                       {"aw":"package/1","engagement":…,"fingerprint":…,"kind":…,
 *                        "package":<packageId>,"signer":<name>}
 *   signer.pub          the author's minisign public-key file
 *
 * The manifest names every other part's SHA-256, so signing it signs the whole content; the
 * manifest itself is unchanged, and so is `packageHash`. The statement binds the package id
 * and the signer's fingerprint, so a signature cannot pass as another package's or person's.
 * Whether the signer is trusted is the caller's question (`signerTrust`).
 */
import { fromUtf8, utf8, type Bytes } from '../crypto/bytes';
import { jcs } from '../signoff/digest';
import { fingerprintOf, publicKeyFileOf } from '../signoff/identity';
import {
  keyIdHex,
  MinisignFormatError,
  minisignVerify,
  parsePublicKey,
  publicKeyLine,
  type MinisignPublicKey,
} from '../signoff/minisign';
import type { TrustedSigner } from '../signoff/records';
import { checkSigner } from '../signoff/signing';
import { refusal } from './errors';
import { SIGNATURE_PART, SIGNER_KEY_PART, type PackageManifest } from './format';

export const PACKAGE_STATEMENT_TAG = 'package/1';
/** minisign's own line limits (1 KiB untrusted, 8 KiB trusted comment) with room to spare. */
export const MAX_SIGNATURE_PART_BYTES = 16 * 1024;
export const MAX_SIGNER_KEY_PART_BYTES = 2 * 1024;

/**
 * Who signs a package: `signWithIdentity`'s `IdentitySigner` is one, so the private key exists
 * only inside that call (`signWithIdentity(identity, pass, (signer) => writePackage(…, {signer}))`).
 */
export interface PackageSigner {
  readonly name: string;
  /** minisign public key line (`RWQ…`). */
  readonly publicKey: string;
  readonly fingerprint: string;
  sign(message: Bytes, comments: { trusted: string; untrusted: string }): Promise<string>;
}

/** The verified signer of a package, as `readPackage` returns it. */
export interface PackageSignerInfo {
  /** minisign's key id as it prints it (16 upper-case hex digits). */
  keyId: string;
  fingerprint: string;
  /** minisign public key line. */
  publicKey: string;
  /** The name the signer put in the signed statement: a claim; trust goes by fingerprint. */
  name: string;
}

export interface SignatureParts {
  signature: Uint8Array;
  signerKey: Uint8Array;
}

type StatementFields = Pick<PackageManifest, 'engagementId' | 'kind' | 'packageId'>;

function statementOf(manifest: StatementFields, name: string, fingerprint: string): string {
  return jcs({
    aw: PACKAGE_STATEMENT_TAG,
    engagement: manifest.engagementId,
    fingerprint,
    kind: manifest.kind,
    package: manifest.packageId,
    signer: name,
  });
}

/** Signs the manifest's bytes; the parts to add to the ZIP. */
export async function signManifest(
  signer: PackageSigner,
  manifest: PackageManifest,
  manifestBytes: Bytes,
): Promise<SignatureParts> {
  const name = signer.name.replace(/[\r\n]+/g, ' ');
  const signature = await signer.sign(manifestBytes, {
    trusted: statementOf(manifest, name, signer.fingerprint),
    untrusted: `Audit Workbench package ${manifest.packageId} (${manifest.kind}) signed by ${name}`,
  });
  const signerKey = publicKeyFileOf({ name, publicKey: signer.publicKey });
  return { signature: utf8(signature), signerKey: utf8(signerKey) };
}

const bad = (zh: string, en: string, part: string) => refusal('bad-signature', zh, en, { part });

function text(bytes: Uint8Array, part: string): string {
  try {
    return fromUtf8(bytes as Bytes);
  } catch {
    throw bad('簽章組件不是 UTF-8 文字', 'the signature part is not UTF-8 text', part);
  }
}

function signerKeyOf(bytes: Uint8Array): MinisignPublicKey {
  try {
    return parsePublicKey(text(bytes, SIGNER_KEY_PART));
  } catch (error) {
    if (!(error instanceof MinisignFormatError)) throw error;
    throw bad(
      `signer.pub 不是 minisign 公鑰檔：${error.message}`,
      `signer.pub is not a minisign public-key file: ${error.message}`,
      SIGNER_KEY_PART,
    );
  }
}

/** The statement in the trusted comment, checked against the manifest and the key. */
function signedName(comment: string, manifest: PackageManifest, fingerprint: string): string {
  let name: unknown;
  try {
    name = (JSON.parse(comment) as { signer?: unknown } | null)?.signer;
  } catch {
    name = undefined;
  }
  if (typeof name !== 'string' || statementOf(manifest, name, fingerprint) !== comment) {
    throw bad(
      '簽章的聲明與此案件包不符（簽的是另一個案件包或另一把金鑰）',
      "the signature's statement does not match this package (it names another package or key)",
      SIGNATURE_PART,
    );
  }
  return name;
}

/**
 * Checks the author's signature over `manifestBytes`: null when the package is unsigned, the
 * signer when it verifies; a `bad-signature` refusal otherwise (also when only one part is
 * there: a package whose signature was stripped must not pass as signed by someone else).
 */
export async function verifyManifestSignature(
  manifest: PackageManifest,
  manifestBytes: Uint8Array,
  parts: Partial<SignatureParts>,
): Promise<PackageSignerInfo | null> {
  const { signature, signerKey } = parts;
  if (signature === undefined && signerKey === undefined) return null;
  if (signature === undefined || signerKey === undefined) {
    const missing = signature === undefined ? SIGNATURE_PART : SIGNER_KEY_PART;
    const present = signature === undefined ? SIGNER_KEY_PART : SIGNATURE_PART;
    throw bad(
      `案件包有 ${present} 卻沒有 ${missing}：簽章不完整`,
      `the package has ${present} but not ${missing}: the signature is incomplete`,
      missing,
    );
  }
  const key = signerKeyOf(signerKey);
  const verdict = await minisignVerify(
    key,
    manifestBytes as Bytes,
    text(signature, SIGNATURE_PART),
  );
  if (!verdict.ok) {
    const why: Record<typeof verdict.problem, [string, string]> = {
      malformed: [
        `不是 minisign 簽章檔（${verdict.detail}）`,
        `not a minisign signature file (${verdict.detail})`,
      ],
      'other-key': [
        `簽章的金鑰不是 signer.pub 的金鑰（${verdict.detail}）`,
        `the signature is not made by the key in signer.pub (${verdict.detail})`,
      ],
      'bad-signature': [
        '作者簽章與 manifest.json 不符（簽章或 manifest.json 已被修改）',
        'the author signature does not match manifest.json (the signature or the manifest was altered)',
      ],
      'bad-comment-signature': [
        '簽章的可信註記已被修改',
        "the signature's trusted comment was altered",
      ],
    };
    const [zh, en] = why[verdict.problem];
    throw bad(zh, en, SIGNATURE_PART);
  }
  const fingerprint = fingerprintOf(key);
  const name = signedName(verdict.trustedComment, manifest, fingerprint);
  return { keyId: keyIdHex(key.keyId), fingerprint, publicKey: publicKeyLine(key), name };
}

/** Whether a package's signer counts, against trusted signers (the engagement's, or a team file). */
export type SignerTrust =
  | { status: 'unsigned' }
  | { status: 'trusted'; signer: TrustedSigner }
  | { status: 'untrusted' | 'retired'; detail: string };

/**
 * The signer checked against `signers` at the package's `createdAt` (its author's own claim
 * of time, as for sign-offs): a known key not retired by then is trusted.
 */
export function signerTrust(
  signer: PackageSignerInfo | null,
  signers: readonly TrustedSigner[],
  createdAt: string,
): SignerTrust {
  if (signer === null) return { status: 'unsigned' };
  const check = checkSigner(signer.fingerprint, signer.publicKey, createdAt, signers);
  if (!check.ok) {
    return {
      status: check.problem === 'retired-key' ? 'retired' : 'untrusted',
      detail: check.detail,
    };
  }
  const trusted = signers.find((s) => s.fingerprint === signer.fingerprint) as TrustedSigner;
  return { status: 'trusted', signer: trusted };
}
