/**
 * Opens a package: decrypt (age), open the ZIP only through the bounded reader
 * (`checked-zip.ts`, with the package's caps), check the manifest, then every part's size and
 * SHA-256 against it, refuse a part it does not list or one it lists that is missing, and check
 * every record and the trail piece. All or nothing: a package is either read whole or refused
 * with one `PackageError` saying why and where.
 *
 * The package's hash (`packageHash`) is the SHA-256 of `manifest.json` as stored. The manifest
 * names the SHA-256 of every other part, so the hash identifies the whole content; it does not
 * depend on the encryption (age draws a new file key and salt each time), so the same package
 * re-encrypted under another passphrase or to other recipients is still recognised as the same package.
 */
import { ImportError } from '../import/errors';
import { openCheckedZip, type CheckedZip, type ZipEntry } from '../import/checked-zip';
import { fromUtf8, sha256Hex, type Bytes } from '../crypto/bytes';
import { decryptPackage, type PackageKey } from './age';
import { refusal, type PackageError } from './errors';
import {
  MANIFEST_PART,
  manifestSchema,
  PACKAGE_FORMAT,
  PACKAGE_LIMITS,
  PACKAGE_VERSION,
  SIGNATURE_PART,
  SIGNER_KEY_PART,
  TRAIL_PART,
  trailSchema,
  type PackageContents,
  type PackageManifest,
  type PackageRecord,
} from './format';
import { checkTableRecords } from './records';
import {
  MAX_SIGNATURE_PART_BYTES,
  MAX_SIGNER_KEY_PART_BYTES,
  verifyManifestSignature,
  type PackageSignerInfo,
} from './signature';
import { verifyTrailPiece } from './trail';

export interface ReadPackage extends PackageContents {
  manifest: PackageManifest;
  packageHash: string;
  /** The author's verified signature (`signature.ts`), or null when the package is unsigned. */
  signer: PackageSignerInfo | null;
}

const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
const RECORDS_PART = /^records\/([A-Za-z][A-Za-z0-9]{0,63})\.json$/;
const FILE_PART = /^files\/([0-9a-f]{64})$/;
/** The parts the manifest does not list: itself and the signature over it. */
const BESIDE_MANIFEST = new Set([MANIFEST_PART, SIGNATURE_PART, SIGNER_KEY_PART]);

/** A refusal of the bounded ZIP reader, as the package's own error. */
function zipRefusal(error: ImportError): PackageError {
  const tooLarge = error.code === 'unpacked-too-large' || error.code === 'zip-too-many-entries';
  const where = error.part === undefined ? {} : { part: error.part };
  const text = error.text;
  return refusal(
    tooLarge ? 'too-large' : 'hostile-zip',
    `案件包內的壓縮檔未予讀取：${text['zh-TW'].replace(/。$/, '')}`,
    `the archive inside the package is not read: ${text.en.replace(/\.$/, '')}`,
    where,
    error,
  );
}

function guarded<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ImportError) throw zipRefusal(error);
    throw error;
  }
}

function parseJson(bytes: Uint8Array, part: string): unknown {
  try {
    return JSON.parse(fromUtf8(bytes as Bytes));
  } catch (error) {
    throw refusal(
      'bad-manifest',
      '組件不是有效的 JSON',
      'the part is not valid JSON',
      { part },
      error,
    );
  }
}

function readManifest(zip: CheckedZip): PackageManifest {
  const entry = zip.entry(MANIFEST_PART);
  if (entry === undefined) {
    throw refusal('bad-manifest', '案件包沒有 manifest.json', 'the package has no manifest.json');
  }
  if (entry.size > MAX_MANIFEST_BYTES) {
    throw refusal('too-large', 'manifest.json 過大', 'manifest.json is too large', {
      part: MANIFEST_PART,
    });
  }
  const raw = parseJson(
    guarded(() => zip.read(entry)),
    MANIFEST_PART,
  ) as Record<string, unknown> | null;
  if (raw?.format !== PACKAGE_FORMAT || raw.version !== PACKAGE_VERSION) {
    const what = `${String(raw?.format)} ${String(raw?.version)}`;
    throw refusal(
      'unsupported-version',
      `案件包格式（${what}）不是此版工作台可讀的 ${PACKAGE_FORMAT} ${PACKAGE_VERSION}`,
      `the package format (${what}) is not ${PACKAGE_FORMAT} ${PACKAGE_VERSION}, which this workbench reads`,
      { part: MANIFEST_PART },
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const detail = `${first?.path.map(String).join('.') ?? ''}: ${first?.message ?? 'invalid'}`;
    throw refusal(
      'bad-manifest',
      `manifest.json 不符格式：${detail}`,
      `manifest.json is not well formed: ${detail}`,
      { part: MANIFEST_PART },
    );
  }
  return parsed.data;
}

/** Every part listed, every part present, no other; returns the entries by name. */
function matchParts(zip: CheckedZip, manifest: PackageManifest): Map<string, ZipEntry> {
  const listed = new Map<string, ZipEntry>();
  for (const part of manifest.parts) {
    if (listed.has(part.name)) {
      throw refusal(
        'bad-manifest',
        'manifest.json 列了同一組件兩次',
        'manifest.json lists a part twice',
        { part: part.name },
      );
    }
    const known =
      RECORDS_PART.test(part.name) || FILE_PART.test(part.name) || part.name === TRAIL_PART;
    if (!known)
      throw refusal(
        'unknown-part',
        '案件包含有格式未定義的組件',
        'the package holds a part the format does not define',
        { part: part.name },
      );
    const entry = zip.entry(part.name);
    if (entry === undefined)
      throw refusal(
        'missing-part',
        'manifest.json 列出的組件不在案件包內',
        'a part manifest.json lists is not in the package',
        { part: part.name },
      );
    listed.set(part.name, entry);
  }
  for (const entry of zip.entries) {
    if (!BESIDE_MANIFEST.has(entry.name) && !listed.has(entry.name)) {
      throw refusal(
        'unknown-part',
        '案件包含有 manifest.json 未列出的組件',
        'the package holds a part manifest.json does not list',
        { part: entry.name },
      );
    }
  }
  return listed;
}

async function readPart(zip: CheckedZip, entry: ZipEntry, size: number, sha256: string) {
  const where = { part: entry.name };
  if (entry.size !== size) {
    throw refusal(
      'digest-mismatch',
      `組件大小與 manifest.json 不符（${entry.size} 而非 ${size} 位元組）`,
      `the part's size is not the manifest's (${entry.size}, not ${size} bytes)`,
      where,
    );
  }
  const bytes = guarded(() => zip.read(entry));
  if ((await sha256Hex(bytes as Bytes)) !== sha256) {
    throw refusal(
      'digest-mismatch',
      '組件的 SHA-256 與 manifest.json 不符（已被修改）',
      "the part's SHA-256 is not the manifest's (it was altered)",
      where,
    );
  }
  return bytes;
}

function checkCounts(manifest: PackageManifest, counts: Map<string, number>) {
  const tables = new Set([...Object.keys(manifest.counts), ...counts.keys()]);
  for (const table of tables) {
    const said = manifest.counts[table] ?? 0;
    const found = counts.get(table) ?? 0;
    if (said !== found) {
      throw refusal(
        'count-mismatch',
        `manifest.json 記載 ${said} 筆，實有 ${found} 筆`,
        `manifest.json says ${said} records, the package holds ${found}`,
        { table },
      );
    }
  }
}

interface Parts {
  records: PackageRecord[];
  files: Map<string, Uint8Array>;
  trail: PackageContents['trail'];
}

/** Every listed part read, its digest checked, and parsed for what it is. */
async function readParts(zip: CheckedZip, manifest: PackageManifest): Promise<Parts> {
  const entries = matchParts(zip, manifest);
  const parts: Parts = { records: [], files: new Map(), trail: [] };
  const counts = new Map<string, number>();
  for (const part of manifest.parts) {
    const entry = entries.get(part.name) as ZipEntry;
    const table = RECORDS_PART.exec(part.name)?.[1];
    if (table !== undefined && part.size > PACKAGE_LIMITS.maxRecordsPartBytes) {
      throw refusal('too-large', '資料表組件過大', 'a table part is too large', {
        part: part.name,
      });
    }
    const data = await readPart(zip, entry, part.size, part.sha256);
    const file = FILE_PART.exec(part.name)?.[1];
    if (table !== undefined) {
      const list = checkTableRecords(table, parseJson(data, part.name), manifest.kind, part.name);
      counts.set(table, list.length);
      parts.records.push(...list);
    } else if (file !== undefined) {
      if (file !== part.sha256) {
        throw refusal(
          'digest-mismatch',
          '證據檔的內容與其 SHA-256 名稱不符',
          'an evidence file does not have the SHA-256 it is named by',
          { part: part.name },
        );
      }
      parts.files.set(file, data);
    } else {
      const parsed = trailSchema.safeParse(parseJson(data, part.name));
      if (!parsed.success) {
        throw refusal('trail-broken', '活動紀錄格式不符', 'the activity trail is not well formed', {
          part: TRAIL_PART,
        });
      }
      parts.trail = parsed.data;
    }
  }
  checkCounts(manifest, counts);
  await verifyTrailPiece(parts.trail, manifest.trail.from, manifest.trail.head);
  return parts;
}

/** The signature parts when present, bounded before they are inflated. */
function signatureParts(zip: CheckedZip) {
  const part = (name: string, max: number) => {
    const entry = zip.entry(name);
    if (entry === undefined) return undefined;
    if (entry.size > max) {
      throw refusal(
        'bad-signature',
        `${name} 過大，不是簽章組件`,
        `${name} is too large to be a signature part`,
        {
          part: name,
        },
      );
    }
    return guarded(() => zip.read(entry));
  };
  return {
    signature: part(SIGNATURE_PART, MAX_SIGNATURE_PART_BYTES),
    signerKey: part(SIGNER_KEY_PART, MAX_SIGNER_KEY_PART_BYTES),
  };
}

/**
 * Decrypts and checks a package; throws a `PackageError` saying why and where it is refused.
 * `key` is the package passphrase, or the age key of one of its recipients (`withAgeIdentity`);
 * the header decides which the package needs (`age.ts`).
 */
export async function readPackage(bytes: Uint8Array, key: PackageKey): Promise<ReadPackage> {
  if (bytes.length > PACKAGE_LIMITS.maxFileBytes) {
    throw refusal('too-large', '案件包檔案過大', 'the package file is too large');
  }
  const plain = await decryptPackage(bytes, key);
  const zip = guarded(() =>
    openCheckedZip(plain, {
      maxUnpackedBytes: PACKAGE_LIMITS.maxUnpackedBytes,
      maxEntries: PACKAGE_LIMITS.maxParts,
    }),
  );
  const manifest = readManifest(zip);
  const manifestBytes = guarded(() => zip.read(zip.entry(MANIFEST_PART) as ZipEntry));
  // The signature first: an altered manifest of a signed package is refused as such.
  const signer = await verifyManifestSignature(manifest, manifestBytes, signatureParts(zip));
  const { records, files, trail } = await readParts(zip, manifest);
  return {
    manifest,
    signer,
    packageHash: await sha256Hex(manifestBytes as Bytes),
    kind: manifest.kind,
    packageId: manifest.packageId,
    engagementId: manifest.engagementId,
    baseId: manifest.baseId,
    basePackageId: manifest.basePackageId,
    auditor: manifest.auditor,
    author: manifest.author,
    createdAt: manifest.createdAt,
    appVersion: manifest.appVersion,
    records,
    files,
    trail,
    trailFrom: manifest.trail.from,
    trailHead: manifest.trail.head,
    mergedPackages: manifest.mergedPackages,
    scope: manifest.scope,
  };
}
