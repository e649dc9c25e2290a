/**
 * Why a workpaper cannot be encrypted or decrypted. `message` is the English text (for logs);
 * `text` carries both languages for the UI; `code` lets callers branch without parsing
 * messages. No message ever contains the password.
 */
import type { Bilingual } from '../../domain/inspection/text';
import { bi } from '../../domain/inspection/text';

export type WorkpaperEncryptionErrorCode =
  /** The password is empty: a file protected by "" protects nothing. */
  | 'empty-password'
  /** Over the 255 characters that Excel and [MS-OFFCRYPTO] allow. */
  | 'password-too-long'
  /** The bytes are not an OLE compound file holding `EncryptionInfo` and `EncryptedPackage`. */
  | 'not-encrypted'
  /** Another encryption (Standard, Extensible, RC4) or parameters WebCrypto cannot use. */
  | 'unsupported-encryption'
  /** The container or the `EncryptionInfo` cannot be read. */
  | 'damaged'
  /** The file asks for more password-hashing rounds than `MAX_SPIN_COUNT`. */
  | 'spin-count-too-high'
  /** A stream is larger than any honest writer makes it. */
  | 'too-large'
  | 'wrong-password'
  | 'integrity';

export class WorkpaperEncryptionError extends Error {
  override name = 'WorkpaperEncryptionError';

  constructor(
    readonly code: WorkpaperEncryptionErrorCode,
    readonly text: Bilingual,
    options?: { cause?: unknown },
  ) {
    super(text.en, options);
  }
}

/** The password does not open the file (the verifier hashes differ). */
export class WorkpaperPasswordError extends WorkpaperEncryptionError {
  override name = 'WorkpaperPasswordError';

  constructor() {
    super(
      'wrong-password',
      bi(
        '密碼不正確，無法開啟此加密的工作底稿。',
        'The password is incorrect: the encrypted workpaper cannot be opened.',
      ),
    );
  }
}

/** Why the integrity check failed. */
export type IntegrityProblem =
  /** The HMAC of the `EncryptedPackage` stream differs from the one recorded. */
  | 'hmac-mismatch'
  /** The `EncryptionInfo` has no `dataIntegrity` element, so nothing can be checked. */
  | 'no-integrity-data';

const INTEGRITY_DETAIL: Readonly<Record<IntegrityProblem, Bilingual>> = {
  'hmac-mismatch': bi('HMAC 不符', 'the HMAC does not match'),
  'no-integrity-data': bi('檔案沒有完整性資料', 'the file carries no integrity data'),
};

/**
 * The password is right but the encrypted package cannot be trusted: it fails its HMAC (the
 * file was altered or damaged after it was encrypted), or carries none.
 */
export class WorkpaperIntegrityError extends WorkpaperEncryptionError {
  override name = 'WorkpaperIntegrityError';

  constructor(readonly problem: IntegrityProblem) {
    const detail = INTEGRITY_DETAIL[problem];
    super(
      'integrity',
      bi(
        `加密的工作底稿未通過完整性檢查，檔案可能在加密後遭更改或損毀（${detail['zh-TW']}）。`,
        `The encrypted workpaper fails its integrity check: the file may have been altered or damaged after it was encrypted (${detail.en}).`,
      ),
    );
  }
}

export const ENCRYPTION_ERRORS = {
  emptyPassword: () =>
    new WorkpaperEncryptionError(
      'empty-password',
      bi('密碼不可為空白。', 'The password must not be empty.'),
    ),
  passwordTooLong: (max: number) =>
    new WorkpaperEncryptionError(
      'password-too-long',
      bi(`密碼最多 ${max} 個字元。`, `The password may have at most ${max} characters.`),
    ),
  notEncrypted: () =>
    new WorkpaperEncryptionError(
      'not-encrypted',
      bi(
        '此檔案不是以密碼保護的 Office 檔案。',
        'The file is not a password-protected Office file.',
      ),
    ),
  unsupported: (what: string) =>
    new WorkpaperEncryptionError(
      'unsupported-encryption',
      bi(
        `不支援此檔案的加密方式（${what}）。`,
        `The file's encryption is not supported (${what}).`,
      ),
    ),
  spinCount: (asked: number, max: number) =>
    new WorkpaperEncryptionError(
      'spin-count-too-high',
      bi(
        `此加密檔案要求將密碼雜湊 ${asked.toLocaleString('en')} 次，超過上限 ${max.toLocaleString('en')} 次（Excel 使用 100,000 次）；可能是刻意構造來拖住程式的檔案，未予開啟。`,
        `The encrypted file asks for ${asked.toLocaleString('en')} rounds of password hashing, over the limit of ${max.toLocaleString('en')} (Excel uses 100,000); it may be built to stall the reader and is not opened.`,
      ),
    ),
  tooLarge: (what: string) =>
    new WorkpaperEncryptionError(
      'too-large',
      bi(
        `加密的檔案結構過大（${what}），未予開啟。`,
        `The encrypted file is too large to be genuine (${what}); it is not opened.`,
      ),
    ),
  damaged: (what: string, cause?: unknown) =>
    new WorkpaperEncryptionError(
      'damaged',
      bi(`加密的檔案已損毀（${what}）。`, `The encrypted file is damaged (${what}).`),
      cause === undefined ? undefined : { cause },
    ),
} as const;
