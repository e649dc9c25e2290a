/**
 * Writes a package: the records by table, the evidence files and the trail as ZIP parts, a
 * manifest naming each part's size and SHA-256, the whole ZIP encrypted with age (to a
 * passphrase or to recipients' public keys). Everything
 * is checked as a reader will check it first, so the workbench never writes a package it would
 * refuse. Nothing touches a disk: the caller gets the encrypted bytes.
 */
import { zipSync, type Zippable } from 'fflate';
import { sha256Hex, utf8, type Bytes } from '../crypto/bytes';
import { checkRecipients, encryptPackage, type PackageLock } from './age';
import {
  filePart,
  MANIFEST_PART,
  MIN_PASSPHRASE_LENGTH,
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  recordsPart,
  SIGNATURE_PART,
  SIGNER_KEY_PART,
  TRAIL_PART,
  type ManifestPart,
  type PackageContents,
  type PackageManifest,
} from './format';
import { checkTableRecords, recordsByTable } from './records';
import {
  signManifest,
  verifyManifestSignature,
  type PackageSigner,
  type PackageSignerInfo,
} from './signature';
import { verifyTrailPiece } from './trail';

export interface WriteOptions {
  /** scrypt log2(N); default `SCRYPT_LOG_N`. Tests lower it. */
  logN?: number;
  /**
   * The author's signer (`signWithIdentity`'s): adds `signature.minisig` and `signer.pub`;
   * the manifest, and so `packageHash`, is the same signed or not.
   */
  signer?: PackageSigner;
}

export interface WrittenPackage {
  bytes: Uint8Array;
  manifest: PackageManifest;
  /** The signer as a reader will see it, or null for an unsigned package. */
  signer: PackageSignerInfo | null;
  /** SHA-256 of `manifest.json` as written: what identifies the package (see `read.ts`). */
  packageHash: string;
}

const json = (value: unknown) => utf8(JSON.stringify(value));

async function filesParts(files: PackageContents['files']): Promise<[string, Uint8Array][]> {
  const parts: [string, Uint8Array][] = [];
  for (const [sha, bytes] of [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if ((await sha256Hex(bytes as Bytes)) !== sha) {
      throw new Error(`evidence file ${sha} does not have that SHA-256`);
    }
    parts.push([filePart(sha), bytes]);
  }
  return parts;
}

export function checkNewPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new RangeError(`a package passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
}

/**
 * `lock` is a passphrase (12 characters or more) or `{ recipients }`: 1 to 50 age1… recipients
 * whose statements the caller checked (`verifiedRecipients`); callers include the author's own,
 * so the author can open the package again.
 */
export async function writePackage(
  contents: PackageContents,
  lock: PackageLock,
  options: WriteOptions = {},
): Promise<WrittenPackage> {
  if (typeof lock === 'string') checkNewPassphrase(lock);
  else checkRecipients(lock.recipients);
  const tables = recordsByTable(contents.records);
  const parts: [string, Uint8Array, boolean][] = [];
  const counts: Record<string, number> = {};
  for (const [table, records] of tables) {
    checkTableRecords(table, records, contents.kind, recordsPart(table));
    counts[table] = records.length;
    parts.push([recordsPart(table), json(records), true]);
  }
  for (const [name, bytes] of await filesParts(contents.files)) parts.push([name, bytes, false]);
  await verifyTrailPiece(contents.trail, contents.trailFrom, contents.trailHead);
  if (contents.trail.length > 0) parts.push([TRAIL_PART, json(contents.trail), true]);

  const listed: ManifestPart[] = [];
  for (const [name, bytes] of parts) {
    listed.push({ name, size: bytes.length, sha256: await sha256Hex(bytes as Bytes) });
  }
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    kind: contents.kind,
    packageId: contents.packageId,
    engagementId: contents.engagementId,
    baseId: contents.baseId,
    basePackageId: contents.basePackageId,
    auditor: contents.auditor,
    author: contents.author,
    createdAt: contents.createdAt,
    appVersion: contents.appVersion,
    counts,
    parts: listed,
    trail: { from: contents.trailFrom, head: contents.trailHead },
    mergedPackages: [...contents.mergedPackages],
    ...(contents.scope === undefined ? {} : { scope: [...contents.scope] }),
  };
  const manifestBytes = utf8(`${JSON.stringify(manifest, null, 2)}\n`);
  const zippable: Zippable = { [MANIFEST_PART]: [manifestBytes, { level: 6 }] };
  let signer: PackageSignerInfo | null = null;
  if (options.signer !== undefined) {
    const signed = await signManifest(options.signer, manifest, manifestBytes);
    // Checked as a reader checks it: a signer whose key or fingerprint is not its own fails here.
    signer = await verifyManifestSignature(manifest, manifestBytes, signed);
    zippable[SIGNATURE_PART] = [signed.signature, { level: 0 }];
    zippable[SIGNER_KEY_PART] = [signed.signerKey, { level: 0 }];
  }
  // Evidence is mostly compressed already (PDF, JPEG, XLSX): stored, not deflated again.
  for (const [name, bytes, deflate] of parts) zippable[name] = [bytes, { level: deflate ? 6 : 0 }];
  const zip = zipSync(zippable, { mtime: new Date(contents.createdAt) });
  const bytes = await encryptPackage(zip, lock, options.logN);
  return { bytes, manifest, signer, packageHash: await sha256Hex(manifestBytes) };
}
