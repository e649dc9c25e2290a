/** Reading and writing `.awpkg` files for the package commands: sizes first, errors as text. */
import {
  PACKAGE_LIMITS,
  PackageError,
  readPackage,
  type PackageKey,
  type ReadPackage,
} from '../../../shared/package';
import { errorMessage, type CliIo } from '../io';

export type Opened =
  { ok: true; pkg: ReadPackage } | { ok: false; code: string; reason: string; where: object };

/** A package read and verified, or why it is refused (never thrown: the caller reports it). */
export async function openPackageFile(io: CliIo, file: string, key: PackageKey): Promise<Opened> {
  try {
    const size = await io.fileSize?.(file);
    if (size !== undefined && size > PACKAGE_LIMITS.maxFileBytes) {
      return {
        ok: false,
        code: 'too-large',
        reason: `the file is larger than ${PACKAGE_LIMITS.maxFileBytes} bytes`,
        where: {},
      };
    }
    return { ok: true, pkg: await readPackage(await io.readFile(file), key) };
  } catch (error) {
    if (error instanceof PackageError) {
      return { ok: false, code: error.code, reason: error.message, where: error.where };
    }
    return { ok: false, code: 'unreadable', reason: errorMessage(error), where: {} };
  }
}

/** What `package-info` prints of a package: everything but record contents and file bytes. */
export function describePackage(file: string, pkg: ReadPackage) {
  const m = pkg.manifest;
  return {
    file,
    verified: true,
    kind: m.kind,
    packageId: m.packageId,
    packageHash: pkg.packageHash,
    engagementId: m.engagementId,
    baseId: m.baseId,
    basePackageId: m.basePackageId,
    auditor: m.auditor,
    author: m.author,
    createdAt: m.createdAt,
    appVersion: m.appVersion,
    counts: m.counts,
    files: pkg.files.size,
    trailEntries: pkg.trail.length,
    trail: m.trail,
    mergedPackages: m.mergedPackages.length,
    parts: m.parts,
  };
}
