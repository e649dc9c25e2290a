/**
 * Password protection of exported workpapers: ECMA-376 agile encryption of the whole .xlsx,
 * which Excel and LibreOffice open after asking for the password.
 */
export {
  DEFAULT_SPIN_COUNT,
  MAX_PASSWORD_LENGTH,
  MAX_SPIN_COUNT,
  decryptOoxml,
  encryptOoxml,
  isEncryptedOoxml,
  isOleCompoundFile,
  type EncryptOptions,
} from './agile';
export {
  WorkpaperEncryptionError,
  WorkpaperIntegrityError,
  WorkpaperPasswordError,
  type IntegrityProblem,
  type WorkpaperEncryptionErrorCode,
} from './errors';
