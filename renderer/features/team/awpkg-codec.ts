/**
 * The app's package codec: its hand-out and return contents as `.awpkg` files (shared/package,
 * ARCHITECTURE.md "Engagement packages"), age-encrypted with the package passphrase or to its
 * recipients' age keys. A package is named by its hash, the SHA-256 of its manifest (which lists
 * the digest of every part), so the same package given twice is recognised however it was
 * re-encrypted.
 */
import {
  PACKAGE_EXTENSION,
  readPackage,
  writePackage,
  type PackageContents as FileContents,
  type PackageRecord,
} from '../../../shared/package';
import type { PackageCodec, PackageContents, ReadPackage } from './package-contents';

/** Set by the build (vite `define`); tests run without it. */
const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';

function toFile(contents: PackageContents): FileContents {
  const { meta } = contents;
  const files = new Map(contents.evidence.map((file) => [file.sha256, file.bytes]));
  const header = {
    packageId: meta.packageId,
    engagementId: meta.engagementId,
    baseId: meta.baseId,
    auditor: meta.auditor,
    author: meta.createdBy,
    createdAt: meta.createdAt,
    appVersion: APP_VERSION,
    files,
    mergedPackages: [],
  };
  if (contents.meta.kind === 'handout' && 'base' in contents) {
    // The base carries no authorship per record: an opened hand-out is the lead's, written then.
    const records: PackageRecord[] = contents.base.records.map((r) => ({
      ...r,
      updatedAt: meta.createdAt,
      updatedBy: meta.createdBy,
    }));
    return {
      ...header,
      kind: 'handout',
      basePackageId: null,
      records,
      trail: [],
      trailFrom: null,
      trailHead: null,
      scope: contents.scope,
    };
  }
  if (!('changes' in contents)) throw new Error('a return holds changes');
  const last = contents.trail.at(-1);
  return {
    ...header,
    kind: 'return',
    basePackageId: contents.basePackageId ?? null,
    records: contents.changes,
    trail: contents.trail,
    trailFrom: null,
    trailHead: last === undefined ? null : { seq: last.seq, hash: last.hash },
  };
}

function fromFile(read: Awaited<ReturnType<typeof readPackage>>): ReadPackage {
  const meta = {
    packageId: read.packageId,
    baseId: read.baseId,
    engagementId: read.engagementId,
    auditor: read.auditor,
    createdBy: read.author,
    createdAt: read.createdAt,
  };
  const evidence = [...read.files].map(([sha256, bytes]) => ({ sha256, bytes }));
  if (read.kind === 'handout') {
    const records = read.records.map(({ table, id, rev, deleted, data }) => ({
      table,
      id,
      rev,
      deleted,
      data,
    }));
    return {
      hash: read.packageHash,
      signer: read.signer,
      contents: {
        meta: { ...meta, kind: 'handout' },
        scope: [...(read.scope ?? [])],
        base: { id: read.baseId, records },
        evidence,
      },
    };
  }
  return {
    hash: read.packageHash,
    signer: read.signer,
    contents: {
      meta: { ...meta, kind: 'return' },
      basePackageId: read.basePackageId,
      changes: read.records.map((r) => ({
        table: r.table,
        id: r.id,
        rev: r.rev,
        baseRev: r.baseRev ?? null,
        deleted: r.deleted,
        data: r.data,
        updatedAt: r.updatedAt,
        updatedBy: r.updatedBy,
      })),
      evidence,
      trail: [...read.trail],
    },
  };
}

export const awpkgCodec: PackageCodec = {
  extension: PACKAGE_EXTENSION.slice(1),
  async write(contents, lock, options = {}) {
    const written = await writePackage(toFile(contents), lock, options);
    return new Uint8Array(written.bytes);
  },
  async read(bytes, key) {
    return fromFile(await readPackage(bytes, key));
  },
};
