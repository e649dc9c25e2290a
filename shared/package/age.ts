/**
 * The package's encryption: the age format (age-encryption.org/v1) with one scrypt passphrase
 * recipient, through `age-encryption` (by age's author; pure JS on @noble, so the same code
 * runs in Node 20, the renderer and a worker). age authenticates every 64 KiB chunk and marks
 * the last one, so truncation, reordering and flipped bytes all fail decryption. The errors
 * age-encryption throws are plain `Error`s; they are told apart here by their messages (pinned
 * by the tests) and turned into `PackageError`s.
 */
import { Decrypter, Encrypter } from 'age-encryption';
import { refusal, type PackageError } from './errors';
import { MAX_SCRYPT_LOG_N, SCRYPT_LOG_N } from './format';

export async function encryptPackage(
  zip: Uint8Array,
  passphrase: string,
  logN: number = SCRYPT_LOG_N,
): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.setPassphrase(passphrase);
  encrypter.setScryptWorkFactor(logN);
  return encrypter.encrypt(zip);
}

const AGE_MAGIC = 'age-encryption.org/v1\n';

/** The work factor of a passphrase-encrypted age file's header, read before scrypt runs. */
export function headerWorkFactor(bytes: Uint8Array): number | null {
  const head = new TextDecoder().decode(bytes.subarray(0, 200));
  const match = /\n-> scrypt [A-Za-z0-9+/]{22} ([0-9]{1,3})\n/.exec(head);
  return match?.[1] === undefined ? null : Number(match[1]);
}

function decryptionError(error: unknown): PackageError {
  const message = error instanceof Error ? error.message : String(error);
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
    return refusal(
      'not-a-package',
      '這不是以通關密語加密的 age 檔，不是工作台的案件包',
      'this is not a passphrase-encrypted age file, so not a workbench package',
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

/** The ZIP inside; throws a `PackageError` (wrong passphrase, damaged, not a package). */
export async function decryptPackage(bytes: Uint8Array, passphrase: string): Promise<Uint8Array> {
  if (new TextDecoder().decode(bytes.subarray(0, AGE_MAGIC.length)) !== AGE_MAGIC) {
    throw refusal(
      'not-a-package',
      '這不是 age 加密檔，不是工作台的案件包',
      'this is not an age-encrypted file, so not a workbench package',
    );
  }
  const logN = headerWorkFactor(bytes);
  if (logN !== null && logN > MAX_SCRYPT_LOG_N) {
    throw refusal(
      'work-factor-too-high',
      `案件包要求的 scrypt 強度（2^${logN}）超過上限 2^${MAX_SCRYPT_LOG_N}，未予解密`,
      `the package asks for a scrypt work factor of 2^${logN}, past the limit of 2^${MAX_SCRYPT_LOG_N}, and is not decrypted`,
    );
  }
  const decrypter = new Decrypter();
  decrypter.addPassphrase(passphrase);
  try {
    return await decrypter.decrypt(bytes);
  } catch (error) {
    throw decryptionError(error);
  }
}
