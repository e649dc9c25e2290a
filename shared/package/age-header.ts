/**
 * What an age header asks for, read before any key work: whether the package is encrypted
 * with a passphrase (one `scrypt` stanza) or to recipients' public keys (`X25519` stanzas), the
 * scrypt work factor, and how many stanzas there are. A reader refuses a header past the caps
 * here before it runs scrypt or an X25519 per stanza, and tells a passphrase given for a
 * recipient package (or the reverse) apart from a wrong one.
 */
import { refusal } from './errors';

/** age's own limit is none; 50 people is more than any engagement team. */
export const MAX_RECIPIENTS = 50;
/** 50 X25519 stanzas take about 5 KiB; anything near this is not a header of ours. */
export const MAX_HEADER_BYTES = 64 * 1024;

const AGE_MAGIC = 'age-encryption.org/v1\n';

export type HeaderMode = 'passphrase' | 'recipients';

export interface AgeHeader {
  mode: HeaderMode;
  /** The stanzas' types in order (`scrypt`, `X25519`, or others that stock age may write). */
  stanzas: string[];
  /** log2(N) of the scrypt stanza, or null. */
  logN: number | null;
}

function notAPackage(zh: string, en: string) {
  return refusal('not-a-package', zh, en);
}

/** The stanza lines of the header, up to its MAC line; refuses what is not an age header. */
function stanzaLines(bytes: Uint8Array): string[] {
  const window = new TextDecoder('latin1').decode(bytes.subarray(0, MAX_HEADER_BYTES));
  if (!window.startsWith(AGE_MAGIC)) {
    throw notAPackage(
      '這不是 age 加密檔，不是工作台的案件包',
      'this is not an age-encrypted file, so not a workbench package',
    );
  }
  const lines = window.slice(AGE_MAGIC.length).split('\n');
  const stanzas: string[] = [];
  for (const line of lines) {
    if (line.startsWith('---')) return stanzas;
    if (line.startsWith('-> ')) stanzas.push(line.slice(3));
    if (stanzas.length > MAX_RECIPIENTS) {
      throw refusal(
        'too-many-recipients',
        `案件包的檔頭有超過 ${MAX_RECIPIENTS} 個收件者，未予解密`,
        `the package's header has more than ${MAX_RECIPIENTS} recipients and is not decrypted`,
      );
    }
  }
  throw notAPackage(
    `案件包的檔頭超過 ${MAX_HEADER_BYTES / 1024} KiB 或未結束，不是工作台的案件包`,
    `the package's header is longer than ${MAX_HEADER_BYTES / 1024} KiB or does not end, so it is not a workbench package`,
  );
}

/** The header's mode, stanza types and work factor; a `PackageError` for anything else. */
export function readAgeHeader(bytes: Uint8Array): AgeHeader {
  const lines = stanzaLines(bytes);
  const stanzas = lines.map((line) => line.split(' ')[0] ?? '');
  const scrypt = lines.find((line) => line.startsWith('scrypt '));
  if (scrypt !== undefined) {
    const match = /^scrypt [A-Za-z0-9+/]{22} ([0-9]{1,3})$/.exec(scrypt);
    return {
      mode: 'passphrase',
      stanzas,
      logN: match?.[1] === undefined ? null : Number(match[1]),
    };
  }
  if (stanzas.includes('X25519')) return { mode: 'recipients', stanzas, logN: null };
  throw notAPackage(
    `此 age 檔是加密給工作台不使用的金鑰類型（${stanzas.join('、') || '無'}），不是工作台的案件包`,
    `this age file is encrypted to key types the workbench does not use (${stanzas.join(', ') || 'none'}), so not a workbench package`,
  );
}
