import type { KdfParams } from '../../shared/crypto/kdf';
import { MAX_PASSWORD_LENGTH } from '../../shared/workpapers';

/** What a command may touch, passed in so tests run commands in-process without spawning. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  writeFile: (path: string, bytes: Uint8Array) => Promise<void>;
  readFile: (path: string) => Promise<Uint8Array>;
  /**
   * Creates a new file only its owner can read (mode 0600), refusing to replace one: for a
   * signing identity and an exported age secret key. Absent in memory.
   */
  writeSecretFile?: (path: string, bytes: Uint8Array) => Promise<void>;
  /** Creates a directory and its parents (`--keys`, `--export`); absent in memory. */
  mkdir?: (path: string) => Promise<void>;
  /** The size of a file in bytes, so an oversized one is refused before it is read. */
  fileSize?: (path: string) => Promise<number>;
  /** The clock for the sample's dates and the export time; default the system clock. */
  now?: () => Date;
  /** Environment variables (`AW_WORKPAPER_PASSWORD`); none when absent. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Rounds of SHA-512 for a new password; default Excel's 100,000. Tests lower it. */
  spinCount?: number;
  /** Argon2id parameters for the demo identities of \`sample --signed\`; tests lower them. */
  kdf?: () => KdfParams;
  /** scrypt log2(N) for packages the CLI writes; default `SCRYPT_LOG_N`. Tests lower it. */
  scryptLogN?: number;
}

export const EXIT_OK = 0;
/** The file cannot be trusted or read, or the command failed. */
export const EXIT_REFUSED = 1;
/** Usage errors. */
export const EXIT_USAGE = 2;

/** Where a password comes from when `--password` is not given. */
export const PASSWORD_ENV = 'AW_WORKPAPER_PASSWORD';

export const PASSWORD_ENV_HELP = `Passwords: a password on the command line can be seen by other users (ps) and stays in the
shell history; prefer the environment variable ${PASSWORD_ENV}, used when
--password is not given. The password is never written to the output or to a log.`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface GivenPassword {
  password: string;
  source: '--password' | typeof PASSWORD_ENV;
}

/**
 * The password from `--password`, else from `AW_WORKPAPER_PASSWORD`; `undefined` when neither
 * is given. An empty one is a usage error rather than "no password": an unset shell variable
 * (`--password "$PW"`) must not silently write an unprotected file.
 */
export function givenPassword(flag: string | undefined, io: CliIo): GivenPassword | undefined {
  const given: GivenPassword | undefined =
    flag !== undefined
      ? { password: flag, source: '--password' }
      : io.env?.[PASSWORD_ENV] !== undefined
        ? { password: io.env[PASSWORD_ENV], source: PASSWORD_ENV }
        : undefined;
  if (given === undefined) return undefined;
  if (given.password === '') throw new UsageError(`${given.source} is empty`);
  if (given.password.length > MAX_PASSWORD_LENGTH) {
    throw new UsageError(`${given.source} is longer than ${MAX_PASSWORD_LENGTH} characters`);
  }
  return given;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Where a package passphrase comes from when `--passphrase` is not given. */
export const PASSPHRASE_ENV = 'AW_PACKAGE_PASSPHRASE';

export const PASSPHRASE_ENV_HELP = `Package passphrases: from --passphrase, else from the environment variable
${PASSPHRASE_ENV} (preferred: a command line can be seen by other users and stays in
the shell history). The passphrase is never written to the output or to a log.`;

/** The package passphrase from `--passphrase`, else `AW_PACKAGE_PASSPHRASE`; required. */
export function givenPassphrase(flag: string | undefined, io: CliIo): string {
  const passphrase = flag ?? io.env?.[PASSPHRASE_ENV];
  if (passphrase === undefined) {
    throw new UsageError(`a package needs a passphrase: --passphrase or ${PASSPHRASE_ENV}`);
  }
  if (passphrase === '') {
    throw new UsageError(`${flag !== undefined ? '--passphrase' : PASSPHRASE_ENV} is empty`);
  }
  return passphrase;
}
