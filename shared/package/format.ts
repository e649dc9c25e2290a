/**
 * The `.awpkg` engagement package (ARCHITECTURE.md, "Engagement packages"): a ZIP encrypted as
 * a whole with age (passphrase recipient, scrypt), holding
 *
 *   manifest.json              what the package is and a digest of every other part
 *   records/<table>.json       the records of one table, a JSON array
 *   files/<sha256>             one evidence file's bytes, named by its SHA-256 (lower-case hex)
 *   trail.json                 a return's activity trail entries since the hand-out
 *   signature.minisig          optional: the author's minisign signature over manifest.json
 *   signer.pub                 with it: the author's minisign public-key file
 *
 * Plain data and zod schemas only; `write.ts` and `read.ts` make and check the bytes.
 */
import { z } from 'zod';
import { activityEntrySchema, type ActivityEntry } from '../domain/activity';
import { recordMergeInfoSchema, type RecordMergeInfo } from '../merge/types';

export const PACKAGE_FORMAT = 'audit-workbench-package';
export const PACKAGE_VERSION = 1;
export const PACKAGE_EXTENSION = '.awpkg';

const MiB = 1024 * 1024;

/**
 * What a reader spends on one package. 600 MiB unpacked leaves room for tens of evidence files
 * of tens of MiB each; 20,000 parts for as many evidence files plus the tables. The encrypted
 * file itself is refused past 640 MiB before it is decrypted (age adds 16 bytes per 64 KiB).
 */
export const PACKAGE_LIMITS = {
  maxFileBytes: 640 * MiB,
  maxUnpackedBytes: 600 * MiB,
  maxParts: 20_000,
  /** One records part (a table's JSON): well past 5,000 people with every field filled. */
  maxRecordsPartBytes: 200 * MiB,
  maxTrailEntries: 200_000,
} as const;

/**
 * scrypt's log2(N) for a package's passphrase a person types. age's own default is 18 (about
 * four times 16's cost in the pure-JS scrypt of `age-encryption`); 16 (64 MiB, 0.3 to 1.2 s
 * here depending on load) keeps a merge of 20 returns well under half a minute of key
 * derivation. Such a passphrase must
 * have `MIN_PASSPHRASE_LENGTH` characters. The passphrases the workbench generates use
 * `GENERATED_PASSPHRASE_LOG_N`. Readers accept up to 20 (age-encryption's own ceiling; the
 * stock `age` accepts up to 22).
 */
export const SCRYPT_LOG_N = 16;
/**
 * scrypt's log2(N) for a package whose passphrase the workbench generated and nobody edited
 * (`workFactorFor`): 125 random bits make scrypt's work factor immaterial (guessing them is
 * out of reach at any cost per guess), so opening it costs 1/64 of the work (tens of ms, not
 * hundreds), which keeps the merge of 20 returns within its 10 s (`AW_BENCH_ONLY=merge npm
 * run bench`). Typed passphrases keep `SCRYPT_LOG_N`.
 */
export const GENERATED_PASSPHRASE_LOG_N = 10;
export const MAX_SCRYPT_LOG_N = 20;
export const MIN_PASSPHRASE_LENGTH = 12;

export const MANIFEST_PART = 'manifest.json';
export const TRAIL_PART = 'trail.json';
/** The author's signature and key (`signature.ts`): beside the manifest, not listed in it. */
export const SIGNATURE_PART = 'signature.minisig';
export const SIGNER_KEY_PART = 'signer.pub';
export const recordsPart = (table: string) => `records/${table}.json`;
export const filePart = (sha256: string) => `files/${sha256}`;

const SHA256 = z.string().regex(/^[0-9a-f]{64}$/);
const UUID = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const NAME = z.string().min(1).max(200);
const INSTANT = z.iso.datetime();
const TABLE = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/);

const chainHeadSchema = z.object({ seq: z.number().int().nonnegative(), hash: SHA256 });

export const PACKAGE_KINDS = ['handout', 'return'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

export const manifestSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    version: z.literal(PACKAGE_VERSION),
    kind: z.enum(PACKAGE_KINDS),
    packageId: UUID,
    engagementId: UUID,
    /** The hand-out round (the snapshot the base records are): a return names its round. */
    baseId: UUID,
    /** A return: the hand-out package it was opened from; a hand-out: null. */
    basePackageId: UUID.nullable(),
    /** Who the package is for (a hand-out) or from (a return). */
    auditor: NAME,
    /** Who wrote it: the lead for a hand-out, the auditor for a return. */
    author: NAME,
    createdAt: INSTANT,
    appVersion: z.string().min(1).max(100),
    /** Records per table, as the records parts hold them. */
    counts: z.record(TABLE, z.number().int().nonnegative()),
    /** Every part but the manifest, with its size and SHA-256. */
    parts: z
      .array(
        z.object({
          name: z.string().min(1).max(200),
          size: z.number().int().nonnegative(),
          sha256: SHA256,
        }),
      )
      .max(PACKAGE_LIMITS.maxParts),
    /**
     * The trail the package was made from: `head` the writer's vault's newest entry (null for
     * an empty trail); a return's `trail.json` holds the entries after `from` up to `head`.
     */
    trail: z.object({ from: chainHeadSchema.nullable(), head: chainHeadSchema.nullable() }),
    /** A hand-out: the returns already merged into its records, so they are recognised again. */
    mergedPackages: z.array(z.object({ packageId: UUID, packageHash: SHA256 })).max(10_000),
    /** A hand-out: the checklist sections and items assigned to the auditor (optional). */
    scope: z.array(z.string().min(1).max(100)).max(5_000).optional(),
  })
  .strict();
export type PackageManifest = z.infer<typeof manifestSchema>;
export type ManifestPart = PackageManifest['parts'][number];

/**
 * One record as a package holds it. A hand-out holds every record (tombstones too) at its
 * revision; a return holds each record created, changed or deleted since the hand-out with
 * `baseRev`, the hand-out's revision it started from (null: created since).
 */
export const packageRecordSchema = z
  .object({
    table: TABLE,
    id: UUID,
    rev: z.number().int().positive(),
    baseRev: z.number().int().positive().nullable().optional(),
    deleted: z.boolean(),
    data: z.record(z.string(), z.unknown()),
    updatedAt: INSTANT,
    updatedBy: z.string().min(1).max(200),
    /** What earlier merges recorded on the record (provenance, kept losing values). */
    merge: recordMergeInfoSchema.optional(),
  })
  .strict();

export interface PackageRecord {
  table: string;
  id: string;
  rev: number;
  baseRev?: number | null | undefined;
  deleted: boolean;
  data: Readonly<Record<string, unknown>>;
  updatedAt: string;
  updatedBy: string;
  merge?: RecordMergeInfo | undefined;
}

export const trailSchema = z.array(activityEntrySchema).max(PACKAGE_LIMITS.maxTrailEntries);

/** What a package carries, read back or about to be written. */
export interface PackageContents {
  kind: PackageKind;
  packageId: string;
  engagementId: string;
  baseId: string;
  basePackageId: string | null;
  auditor: string;
  author: string;
  createdAt: string;
  appVersion: string;
  records: readonly PackageRecord[];
  /** Evidence bytes by SHA-256. */
  files: ReadonlyMap<string, Uint8Array>;
  trail: readonly ActivityEntry[];
  trailFrom: { seq: number; hash: string } | null;
  trailHead: { seq: number; hash: string } | null;
  mergedPackages: readonly { packageId: string; packageHash: string }[];
  /** A hand-out: the sections and items assigned to the auditor. */
  scope?: readonly string[] | undefined;
}
