/**
 * Engagement packages (`.awpkg`): hand-outs and returns as one age-encrypted ZIP with a
 * versioned manifest. Format in ARCHITECTURE.md ("Engagement packages").
 */
export * from './format';
export { PackageError, type PackageErrorCode, type PackageErrorWhere } from './errors';
export { writePackage, checkNewPassphrase, type WrittenPackage, type WriteOptions } from './write';
export { readPackage, type ReadPackage } from './read';
export {
  signerTrust,
  type PackageSigner,
  type PackageSignerInfo,
  type SignerTrust,
} from './signature';
export * from './adapters';
export { newPackagePassphrase, workFactorFor } from './passphrase';
export {
  headerWorkFactor,
  checkRecipients,
  type PackageKey,
  type PackageLock,
  type PackageRecipients,
} from './age';
export { MAX_RECIPIENTS, readAgeHeader, type AgeHeader } from './age-header';
export { PACKAGE_TABLE_SCHEMAS, isPackageTable } from './tables';
export { SAMPLE_AUDITORS, sampleHandout, sampleRecords, sampleReturns } from './sample';
