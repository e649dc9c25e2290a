/**
 * The package's encryption: the age format (age-encryption.org/v1) through `age-encryption`
 * (by age's author; pure JS on @noble, so the same code runs in Node 20, the renderer and a
 * worker), either with one scrypt passphrase recipient or to 1 to 50 X25519 recipients (the
 * team's age keys, `shared/signoff/age-key.ts`). age authenticates every 64 KiB chunk and marks
 * the last one, so truncation, reordering and flipped bytes all fail decryption. The header is
 * read first (`age-header.ts`) to refuse what a reader must not spend work on and to say a
 * passphrase was given for a recipient package or the reverse. The errors age-encryption throws
 * are plain `Error`s; they are told apart here by their messages (pinned by the tests) and
 * turned into `PackageError`s.
 */
import { Decrypter, Encrypter } from 'age-encryption';
import type { AgeIdentity } from '../signoff/age-key';
import { ageRecipientSchema } from '../signoff/age-key';
import { MAX_RECIPIENTS, readAgeHeader, type HeaderMode } from './age-header';
import { refusal, type PackageError } from './errors';
import { MAX_SCRYPT_LOG_N, SCRYPT_LOG_N } from './format';

/** Encryption to public keys: age1… X25519 recipients, whose statements the caller checked. */
export interface PackageRecipients {
  recipients: readonly string[];
}

/** How a package is encrypted: a passphrase (a string) or recipients. */
export type PackageLock = string | PackageRecipients;

/** How a package is opened: its passphrase, or the age key of one of its recipients. */
export type PackageKey = string | AgeIdentity;

/** 1 to 50 distinct age1… recipients; a `RangeError` otherwise (a caller's bug, not a file's). */
export function checkRecipients(recipients: readonly string[]): void {
  if (recipients.length === 0 || recipients.length > MAX_RECIPIENTS) {
    throw new RangeError(
      `a package has 1 to ${MAX_RECIPIENTS} recipients, not ${recipients.length}`,
    );
  }
  for (const recipient of recipients) {
    if (!ageRecipientSchema.safeParse(recipient).success) {
      throw new RangeError(`not an age X25519 recipient: ${recipient.slice(0, 80)}`);
    }
  }
  if (new Set(recipients).size !== recipients.length) {
    throw new RangeError('a recipient is listed twice');
  }
}

export async function encryptPackage(
  zip: Uint8Array,
  lock: PackageLock,
  logN: number = SCRYPT_LOG_N,
): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  if (typeof lock === 'string') {
    encrypter.setPassphrase(lock);
    encrypter.setScryptWorkFactor(logN);
  } else {
    checkRecipients(lock.recipients);
    for (const recipient of lock.recipients) encrypter.addRecipient(recipient);
  }
  return encrypter.encrypt(zip);
}

/** The work factor of a passphrase-encrypted age file's header, read before scrypt runs. */
export function headerWorkFactor(bytes: Uint8Array): number | null {
  const head = new TextDecoder().decode(bytes.subarray(0, 200));
  const match = /\n-> scrypt [A-Za-z0-9+/]{22} ([0-9]{1,3})\n/.exec(head);
  return match?.[1] === undefined ? null : Number(match[1]);
}

function decryptionError(error: unknown, mode: HeaderMode): PackageError {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('no identity matched') && mode === 'recipients') {
    return refusal(
      'not-for-you',
      '此案件包不是加密給此簽章身分的',
      'this package is not encrypted to this identity',
      {},
      error,
    );
  }
  if (message.includes('no identity matched')) {
    return refusal(
      'wrong-passphrase',
      '通關密語不正確，無法開啟此案件包（或其檔頭已被修改）',
      'the passphrase does not open this package (or its header was altered)',
      {},
      error,
    );
  }
  if (/invalid (version|header|stanza)|scrypt recipient/.test(message)) {
    return mode === 'passphrase'
      ? refusal(
          'not-a-package',
          '這不是以通關密語加密的 age 檔，不是工作台的案件包',
          'this is not a passphrase-encrypted age file, so not a workbench package',
          {},
          error,
        )
      : refusal(
          'not-a-package',
          '這不是工作台可讀的 age 檔（檔頭無效），不是工作台的案件包',
          'this is not an age file the workbench reads (its header is invalid), so not a workbench package',
          {},
          error,
        );
  }
  return refusal(
    'damaged',
    '案件包已損壞、被截斷或遭修改（加密驗證失敗），未予讀取',
    'the package is damaged, truncated or altered (its encryption does not verify) and is not read',
    {},
    error,
  );
}

function wrongKey(mode: HeaderMode): PackageError {
  return mode === 'recipients'
    ? refusal(
        'needs-identity',
        '此案件包是加密給收件者的公開金鑰的，請以您的簽章身分開啟，而非通關密語',
        "this package is encrypted to its recipients' public keys: open it with your signing identity, not a passphrase",
      )
    : refusal(
        'needs-passphrase',
        '此案件包以通關密語加密，請輸入通關密語，而非簽章身分',
        'this package is encrypted with a passphrase: open it with the passphrase, not a signing identity',
      );
}

/**
 * The ZIP inside; throws a `PackageError` (not a package, a key of the other kind, wrong
 * passphrase, not for this identity, damaged).
 */
export async function decryptPackage(bytes: Uint8Array, key: PackageKey): Promise<Uint8Array> {
  const header = readAgeHeader(bytes);
  const decrypter = new Decrypter();
  if (typeof key === 'string') {
    if (header.mode !== 'passphrase') throw wrongKey(header.mode);
    if (header.logN !== null && header.logN > MAX_SCRYPT_LOG_N) {
      throw refusal(
        'work-factor-too-high',
        `案件包要求的 scrypt 強度（2^${header.logN}）超過上限 2^${MAX_SCRYPT_LOG_N}，未予解密`,
        `the package asks for a scrypt work factor of 2^${header.logN}, past the limit of 2^${MAX_SCRYPT_LOG_N}, and is not decrypted`,
      );
    }
    decrypter.addPassphrase(key);
  } else {
    if (header.mode !== 'recipients') throw wrongKey(header.mode);
    decrypter.addIdentity(key.key);
  }
  try {
    return await decrypter.decrypt(bytes);
  } catch (error) {
    throw decryptionError(error, header.mode);
  }
}
