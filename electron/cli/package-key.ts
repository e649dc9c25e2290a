/**
 * How the package commands get the key that opens a package: the package passphrase
 * (`--passphrase`, `AW_PACKAGE_PASSPHRASE`), or, for a package encrypted to its recipients'
 * public keys, a signing identity file (`--identity FILE`) opened with its signing passphrase
 * (`--signing-passphrase-file FILE` or `AW_SIGNING_PASSPHRASE`, never the command line). The
 * identity's age key is a non-extractable WebCrypto key held only while the command runs.
 */
import type { PackageKey } from '../../shared/package';
import { withAgeIdentity, type AgeIdentity } from '../../shared/signoff/age-key';
import { parseIdentityFile, type IdentityFile } from '../../shared/signoff/identity';
import { UsageError, errorMessage, givenPassphrase, type CliIo } from './io';

export const SIGNING_PASSPHRASE_ENV = 'AW_SIGNING_PASSPHRASE';

/** The parseArgs options every command that opens a package takes besides `--passphrase`. */
export const IDENTITY_OPTIONS = {
  identity: { type: 'string' },
  'signing-passphrase-file': { type: 'string' },
} as const;

export const IDENTITY_HELP = `  --identity FILE  instead of a passphrase: open a package encrypted to its recipients'
                   public keys with your signing identity file (JSON); its signing
                   passphrase is read from --signing-passphrase-file FILE (first line) or
                   ${SIGNING_PASSPHRASE_ENV}, never from the command line`;

export interface PackageKeyArgs {
  passphrase?: string | undefined;
  identity?: string | undefined;
  'signing-passphrase-file'?: string | undefined;
}

/** A signing identity file, or a usage error saying what is wrong with it. */
export async function readIdentityFile(io: CliIo, file: string): Promise<IdentityFile> {
  let text: string;
  try {
    text = new TextDecoder().decode(await io.readFile(file));
  } catch (error) {
    throw new UsageError(`${file}: cannot read the identity file: ${errorMessage(error)}`);
  }
  try {
    return parseIdentityFile(text);
  } catch (error) {
    throw new UsageError(`${file}: ${errorMessage(error)}`);
  }
}

/** The signing passphrase: the first line of `--signing-passphrase-file`, else the variable. */
export async function givenSigningPassphrase(io: CliIo, file: string | undefined): Promise<string> {
  let passphrase: string | undefined;
  if (file !== undefined) {
    try {
      passphrase = new TextDecoder().decode(await io.readFile(file)).split(/\r?\n/)[0];
    } catch (error) {
      throw new UsageError(`${file}: cannot read the signing passphrase: ${errorMessage(error)}`);
    }
  } else {
    passphrase = io.env?.[SIGNING_PASSPHRASE_ENV];
  }
  if (passphrase === undefined || passphrase === '') {
    throw new UsageError(
      `a signing identity needs its signing passphrase: --signing-passphrase-file FILE or ${SIGNING_PASSPHRASE_ENV}`,
    );
  }
  return passphrase;
}

/** The identity file and its signing passphrase, for the commands that open one. */
export async function givenIdentity(
  io: CliIo,
  file: string,
  passphraseFile: string | undefined,
): Promise<{ identity: IdentityFile; passphrase: string }> {
  const identity = await readIdentityFile(io, file);
  return { identity, passphrase: await givenSigningPassphrase(io, passphraseFile) };
}

/**
 * Runs `work` with the key the options name: the passphrase, or the identity's age key (then
 * `age` is that key, to encrypt what the command writes to its owner as well).
 */
export async function withPackageKey<T>(
  io: CliIo,
  args: PackageKeyArgs,
  work: (key: PackageKey, age: AgeIdentity | null) => Promise<T>,
): Promise<T> {
  if (args.identity === undefined) {
    if (args['signing-passphrase-file'] !== undefined) {
      throw new UsageError('--signing-passphrase-file goes with --identity');
    }
    return work(givenPassphrase(args.passphrase, io), null);
  }
  if (args.passphrase !== undefined) {
    throw new UsageError('give either --passphrase or --identity, not both');
  }
  const { identity, passphrase } = await givenIdentity(
    io,
    args.identity,
    args['signing-passphrase-file'],
  );
  return withAgeIdentity(identity, passphrase, (age) => work(age, age));
}
