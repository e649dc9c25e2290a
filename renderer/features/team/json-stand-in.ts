/**
 * A STAND-IN for the `.awpkg` codec (shared/package/, built on another branch), so the team
 * screens and their tests work before it lands. It is NOT the package format and is never
 * presented as one: JSON of the contents (evidence bytes in base64), sealed with AES-256-GCM
 * under an Argon2id key of the passphrase (the vault's own primitives), so nothing is on disk
 * in clear meanwhile. The file's SHA-256 names it, as the codec's hash will.
 * Replace it in package-contents.ts's wiring (`packageCodec`), nowhere else.
 */
import { z } from 'zod';
import {
  deriveKek,
  fromBase64,
  fromUtf8,
  kdfParamsSchema,
  newPassphraseKdf,
  openBytes,
  sealBytes,
  sha256Hex,
  toBase64,
  utf8,
} from '../../../shared/crypto';
import { activityEntrySchema } from '../../../shared/domain/activity';
import type { Bilingual } from '../../../shared/domain/inspection/text';
import { baseRecordSchema } from '../../../shared/domain/team';
import type { PackageCodec, PackageContents, ReadPackage } from './package-contents';

export const STAND_IN_FORMAT = 'aw-team-json-stand-in/1';
const AAD = utf8(`${STAND_IN_FORMAT}|not-the-awpkg-format`);
/** Same bound as every file the workbench reads. */
const MAX_BYTES = 50 * 1024 * 1024;

export class PackageReadError extends Error {
  override name = 'PackageReadError';
  constructor(
    readonly code: 'not-a-package' | 'wrong-passphrase' | 'malformed' | 'too-large',
    readonly text: Bilingual,
  ) {
    super(text.en);
  }
}

const fileSchema = z.object({
  format: z.literal(STAND_IN_FORMAT),
  kdf: kdfParamsSchema,
  iv: z.string().max(100),
  ct: z.string(),
});

const uuid = z.uuid();
const metaSchema = z.object({
  packageId: uuid,
  baseId: uuid,
  engagementId: uuid,
  auditor: z.string().min(1).max(200),
  createdBy: z.string().min(1).max(200),
  createdAt: z.iso.datetime(),
});
const evidenceSchema = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.string() });
const contentsSchema = z.union([
  z.object({
    meta: metaSchema.extend({ kind: z.literal('handout') }),
    scope: z.array(z.string().max(100)).max(10_000),
    base: z.object({ id: uuid, records: z.array(baseRecordSchema) }),
    evidence: z.array(evidenceSchema),
  }),
  z.object({
    meta: metaSchema.extend({ kind: z.literal('return') }),
    changes: z.array(
      z.object({
        table: z.string().min(1).max(100),
        id: uuid,
        baseRev: z.number().int().positive().nullable(),
        deleted: z.boolean(),
        data: z.record(z.string(), z.unknown()),
        updatedAt: z.iso.datetime(),
        updatedBy: z.string().min(1).max(200),
      }),
    ),
    evidence: z.array(evidenceSchema),
    trail: z.array(activityEntrySchema),
  }),
]);

/** The contents as the JSON the stand-in seals (evidence bytes in base64). */
function toJson(contents: PackageContents): string {
  const evidence = contents.evidence.map((e) => ({
    sha256: e.sha256,
    bytes: toBase64(e.bytes as Uint8Array<ArrayBuffer>),
  }));
  return JSON.stringify({ ...contents, evidence });
}

function fromJson(json: unknown): PackageContents {
  const parsed = contentsSchema.safeParse(json);
  if (!parsed.success) {
    const detail = z.prettifyError(parsed.error).slice(0, 300);
    throw new PackageReadError('malformed', {
      'zh-TW': `工作包內容不符格式：${detail}`,
      en: `The package's contents are malformed: ${detail}`,
    });
  }
  const value = parsed.data;
  const evidence = value.evidence.map((e) => ({ sha256: e.sha256, bytes: fromBase64(e.bytes) }));
  return { ...value, evidence };
}

export const jsonStandInCodec: PackageCodec = {
  extension: 'awpkg-standin.json',
  async write(contents, passphrase) {
    const kdf = newPassphraseKdf();
    const key = await deriveKek(passphrase, kdf);
    const sealed = await sealBytes(key, utf8(toJson(contents)), AAD);
    const file = { format: STAND_IN_FORMAT, kdf, iv: toBase64(sealed.iv), ct: toBase64(sealed.ct) };
    return utf8(JSON.stringify(file));
  },
  async read(bytes, passphrase): Promise<ReadPackage> {
    if (bytes.byteLength > MAX_BYTES) {
      throw new PackageReadError('too-large', {
        'zh-TW': '檔案超過 50 MiB，不是工作包',
        en: 'The file is larger than 50 MiB; not a package',
      });
    }
    let file: z.infer<typeof fileSchema>;
    try {
      file = fileSchema.parse(JSON.parse(fromUtf8(bytes as Uint8Array<ArrayBuffer>)));
    } catch {
      throw new PackageReadError('not-a-package', {
        'zh-TW': '這不是工作台寫出的工作包，或檔案已損毀',
        en: 'This is not a package the workbench wrote, or the file is damaged',
      });
    }
    let plain: Uint8Array<ArrayBuffer>;
    try {
      const key = await deriveKek(passphrase, file.kdf);
      plain = await openBytes(key, { v: 1, iv: fromBase64(file.iv), ct: fromBase64(file.ct) }, AAD);
    } catch {
      throw new PackageReadError('wrong-passphrase', {
        'zh-TW': '工作包密碼錯誤，或檔案已被修改',
        en: 'Wrong package passphrase, or the file was altered',
      });
    }
    const contents = fromJson(JSON.parse(fromUtf8(plain)));
    return { contents, hash: await sha256Hex(bytes as Uint8Array<ArrayBuffer>) };
  },
};
