/**
 * THE boundary between team work in the app and the `.awpkg` file codec (shared/package/):
 * the services here produce and consume these plain objects; `awpkg-codec.ts` turns them into
 * the encrypted file and back.
 *
 * What a package holds:
 * - a hand-out: its meta, the scope given to the auditor, the base (every record of the
 *   engagement incl. tombstones, with its revision: `MergeBase`) and the evidence bytes;
 * - a return: its meta, the auditor's changes since the base (`RecordChange`, each with its
 *   base revision), the evidence files those changes name and the auditor's activity trail.
 * Evidence files go by their SHA-256 (hex), which the evidence records name.
 */
import type { ActivityEntry } from '../../../shared/domain/activity';
import type { MergeBase, RecordChange } from '../../../shared/merge';
import type {
  PackageKey,
  PackageLock,
  PackageSigner,
  PackageSignerInfo,
} from '../../../shared/package';

export interface PackageMeta {
  kind: 'handout' | 'return';
  /** A UUIDv7, new for every package written. */
  packageId: string;
  /** The hand-out round (`MergeBase.id`) the package belongs to. */
  baseId: string;
  /** The id of the engagement record: a package of another engagement is refused. */
  engagementId: string;
  /** The auditor the package was written for (hand-out) or by (return). */
  auditor: string;
  /** Who wrote the package (the lead for a hand-out, the auditor for a return). */
  createdBy: string;
  createdAt: string;
}

export interface EvidenceFile {
  sha256: string;
  bytes: Uint8Array;
}

export interface HandoutContents {
  meta: PackageMeta & { kind: 'handout' };
  /** The checklist sections and items assigned to the auditor. */
  scope: string[];
  base: MergeBase;
  evidence: EvidenceFile[];
}

/** A change as a return carries it: with the revision the auditor's vault holds. */
export type ReturnChange = RecordChange & { rev: number };

export interface ReturnContents {
  meta: PackageMeta & { kind: 'return' };
  /** The hand-out package the auditor's vault was opened from. */
  basePackageId?: string | null | undefined;
  changes: ReturnChange[];
  evidence: EvidenceFile[];
  /** The auditor vault's whole activity trail (its chain is checked on merge). */
  trail: ActivityEntry[];
}

export type PackageContents = HandoutContents | ReturnContents;

export function isReturn(contents: PackageContents): contents is ReturnContents {
  return contents.meta.kind === 'return';
}

export function isHandout(contents: PackageContents): contents is HandoutContents {
  return contents.meta.kind === 'handout';
}

/** A package as read: its contents and the hash of the file (hex SHA-256), which names it. */
export interface ReadPackage<C extends PackageContents = PackageContents> {
  contents: C;
  hash: string;
  /** Who signed it, verified (a signature that does not verify is refused); null: unsigned. */
  signer: PackageSignerInfo | null;
}

/** How a package is written: scrypt's log2(N) (the codec's default if absent) and its signer. */
export interface PackageWriteOptions {
  logN?: number;
  /** `signWithIdentity`'s signer: the package is signed by it. */
  signer?: PackageSigner;
}

/**
 * What the app needs of the file codec. `lock` protects the file (a passphrase, or the age
 * recipients it is encrypted to); `key` opens it (the passphrase, or a recipient's age key).
 */
export interface PackageCodec {
  /** The file's name extension, without the dot. */
  extension: string;
  write(
    contents: PackageContents,
    lock: PackageLock,
    options?: PackageWriteOptions,
  ): Promise<Uint8Array<ArrayBuffer>>;
  /** Refuses a file it cannot read with an error carrying `text` (zh-TW and English). */
  read(bytes: Uint8Array, key: PackageKey): Promise<ReadPackage>;
}

/** The codec the app uses: the `.awpkg` engagement package (awpkg-codec.ts). */
export { awpkgCodec as packageCodec } from './awpkg-codec';
