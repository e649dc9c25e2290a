/**
 * Why an engagement package is refused, in zh-TW and English, with where (part, table,
 * record): one `PackageError` per refusal, so the CLI and the merge screen say exactly what is
 * wrong and callers branch on `code` without parsing messages.
 */
import type { Bilingual } from '../catalog/schema';
import { bi } from '../domain/inspection/text';

export type PackageErrorCode =
  /** Not an age file at all (or not one of ours: a header we do not read). */
  | 'not-a-package'
  /** The passphrase does not open it. */
  | 'wrong-passphrase'
  /** Encrypted to recipients, none of which is the identity given. */
  | 'not-for-you'
  /** Encrypted to recipients, opened with a passphrase. */
  | 'needs-identity'
  /** Encrypted with a passphrase, opened with an identity. */
  | 'needs-passphrase'
  /** More recipient stanzas in the header than a reader tries (`MAX_RECIPIENTS`). */
  | 'too-many-recipients'
  /** The age file fails its authentication: truncated, reordered or altered bytes. */
  | 'damaged'
  /** The scrypt work factor asks for more than a reader may spend. */
  | 'work-factor-too-high'
  /** Past a cap (size, parts, inflated bytes) or a hostile ZIP (from `checked-zip.ts`). */
  | 'too-large'
  | 'hostile-zip'
  /** The manifest is missing, not JSON, or not of this format. */
  | 'bad-manifest'
  /** Another format, or a newer version than this workbench reads. */
  | 'unsupported-version'
  /** A part the manifest does not list, or one it lists that is not there. */
  | 'unknown-part'
  | 'missing-part'
  /** A part's size or SHA-256 is not the manifest's. */
  | 'digest-mismatch'
  /** A records part of a table the workbench does not have. */
  | 'unknown-table'
  /** A record that fails its table's schema, or the package's record shape. */
  | 'invalid-record'
  /** The trail entries do not chain (edited, removed, reordered) or do not end at the head. */
  | 'trail-broken'
  /** Counts in the manifest that are not what the parts hold. */
  | 'count-mismatch'
  /**
   * The author's signature does not verify over manifest.json, names another package, is
   * made by another key than signer.pub's, or only one of the two signature parts is there.
   */
  | 'bad-signature'
  /** The package is not what the caller needs (a hand-out where a return is expected…). */
  | 'wrong-kind'
  | 'other-engagement';

export interface PackageErrorWhere {
  part?: string;
  table?: string;
  id?: string;
}

export class PackageError extends Error {
  override name = 'PackageError';
  readonly part: string | undefined;
  readonly table: string | undefined;
  readonly id: string | undefined;

  constructor(
    readonly code: PackageErrorCode,
    readonly text: Bilingual,
    where: PackageErrorWhere = {},
    options?: { cause?: unknown },
  ) {
    super(text.en, options);
    this.part = where.part;
    this.table = where.table;
    this.id = where.id;
  }

  get where(): PackageErrorWhere {
    const { part, table, id } = this;
    const all: PackageErrorWhere = { part, table, id };
    return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
  }
}

function wherePhrase(where: PackageErrorWhere): Bilingual {
  const zh: string[] = [];
  const en: string[] = [];
  if (where.part !== undefined) {
    zh.push(`組件 ${where.part}`);
    en.push(`part ${where.part}`);
  }
  if (where.table !== undefined) {
    zh.push(`資料表 ${where.table}`);
    en.push(`table ${where.table}`);
  }
  if (where.id !== undefined) {
    zh.push(`紀錄 ${where.id}`);
    en.push(`record ${where.id}`);
  }
  return zh.length === 0 ? bi('', '') : bi(`（${zh.join('，')}）`, ` (${en.join(', ')})`);
}

/** A refusal whose message ends with where it was found. */
export function refusal(
  code: PackageErrorCode,
  zh: string,
  en: string,
  where: PackageErrorWhere = {},
  cause?: unknown,
): PackageError {
  const at = wherePhrase(where);
  return new PackageError(
    code,
    bi(`${zh}${at['zh-TW']}。`, `${en}${at.en}.`),
    where,
    cause === undefined ? undefined : { cause },
  );
}
