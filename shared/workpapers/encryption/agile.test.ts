/**
 * ECMA-376 agile encryption of a real workpaper, checked against an independent implementation
 * (officecrypto-tool, Node's crypto) and read back with exceljs. Most tests use a low spin
 * count for speed; one uses Excel's 100,000.
 */
import * as CFB from 'cfb';
import officeCrypto from 'officecrypto-tool';
import { describe, expect, it } from 'vitest';
import { buildInspectionWorkbook } from '../build-inspection';
import { sampleInput } from '../testing/factories';
import { readBack, sheet, sheetNames, values } from '../testing/read-back';
import { writeWorkbook } from '../xlsx-write';
import {
  DEFAULT_SPIN_COUNT,
  MAX_SPIN_COUNT,
  WorkpaperEncryptionError,
  WorkpaperIntegrityError,
  WorkpaperPasswordError,
  decryptOoxml,
  encryptOoxml,
  isEncryptedOoxml,
  isOleCompoundFile,
  type WorkpaperEncryptionErrorCode,
} from '.';
import {
  dataSpaceDefinitionStream,
  dataSpaceMapStream,
  primaryStream,
  versionStream,
} from './dataspaces';

const PASSWORD = '稽核 Pa55word！';
const FAST = { spinCount: 64 } as const;

/**
 * officecrypto-tool's declarations speak of Node Buffers, which shared/ has no types for; it
 * takes any Uint8Array and returns Buffers, which are Uint8Arrays.
 */
const theirs = {
  decrypt: officeCrypto.decrypt as unknown as (
    input: Uint8Array,
    options: { password: string },
  ) => Promise<Uint8Array>,
  encrypt: officeCrypto.encrypt as unknown as (
    input: Uint8Array,
    options: { password: string; type?: 'standard' },
  ) => Uint8Array,
  isEncrypted: officeCrypto.isEncrypted as unknown as (input: Uint8Array) => boolean,
};

/** Decrypts with officecrypto-tool into a plain Uint8Array. */
async function theirDecrypt(bytes: Uint8Array, password: string): Promise<Uint8Array> {
  return new Uint8Array(await theirs.decrypt(bytes, { password }));
}

function theirEncrypt(bytes: Uint8Array, password: string, type?: 'standard'): Uint8Array {
  return new Uint8Array(
    theirs.encrypt(bytes, type === undefined ? { password } : { password, type }),
  );
}

let workpaper: Promise<Uint8Array> | undefined;
/** The sample inspection's workpaper, built and written once. */
function plainWorkpaper(): Promise<Uint8Array> {
  workpaper ??= (async () => {
    const built = await buildInspectionWorkbook(await sampleInput(), {
      lang: 'zh-TW',
      calendar: 'roc',
      includePersonalData: false,
    });
    return writeWorkbook(built.spec);
  })();
  return workpaper;
}

/** Every sheet's cell values, by sheet name. */
async function contents(bytes: Uint8Array): Promise<Record<string, unknown[][]>> {
  const workbook = await readBack(bytes);
  return Object.fromEntries(
    sheetNames(workbook).map((name) => [name, values(sheet(workbook, name))]),
  );
}

/** A fake package: the ZIP magic and then counting bytes, `length` bytes in all. */
function fakeZip(length: number): Uint8Array {
  const out = new Uint8Array(length).map((_, i) => (i * 31 + 7) % 256);
  out.set([0x50, 0x4b, 0x03, 0x04]);
  return out;
}

/** A deterministic `random` option: a counter, so two runs write the same bytes. */
function counterRandom(): (length: number) => Uint8Array {
  let next = 1;
  return (length) => new Uint8Array(length).map(() => next++ % 256);
}

function stream(bytes: Uint8Array, path: string): Uint8Array {
  const entry = CFB.find(CFB.read(bytes, { type: 'array' }), path);
  if (entry === null) throw new Error(`no stream ${path}`);
  return Uint8Array.from(entry.content).subarray(0, entry.size);
}

/** Rewrites one stream of a compound file. */
function withStream(
  bytes: Uint8Array,
  path: string,
  change: (content: Uint8Array) => Uint8Array,
): Uint8Array {
  const container = CFB.read(bytes, { type: 'array' });
  CFB.utils.cfb_add(container, path, change(stream(bytes, path)));
  return Uint8Array.from(CFB.write(container, { type: 'array' }) as Uint8Array);
}

function encryptionXml(bytes: Uint8Array): string {
  return new TextDecoder().decode(stream(bytes, '/EncryptionInfo').subarray(8));
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

async function expectCode(promise: Promise<unknown>, code: WorkpaperEncryptionErrorCode) {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(WorkpaperEncryptionError);
  expect((error as WorkpaperEncryptionError).code).toBe(code);
  return error as WorkpaperEncryptionError;
}

describe('encryptOoxml', () => {
  it('writes a workpaper that officecrypto-tool decrypts and exceljs reads, cell for cell', async () => {
    const plain = await plainWorkpaper();
    const encrypted = await encryptOoxml(plain, PASSWORD, FAST);
    expect(isOleCompoundFile(encrypted)).toBe(true);
    const decrypted = await theirDecrypt(encrypted, PASSWORD);
    expect(decrypted).toEqual(plain);
    const cells = await contents(decrypted);
    expect(cells).toEqual(await contents(plain));
    expect(Object.keys(cells)).toContain('查核項目');
    expect(cells['封面']?.flat()).toContain('113 年度資訊安全自評');
  });

  it('is recognised as encrypted, and exceljs cannot open it', async () => {
    const encrypted = await encryptOoxml(await plainWorkpaper(), PASSWORD, FAST);
    expect(theirs.isEncrypted(encrypted)).toBe(true);
    expect(isEncryptedOoxml(encrypted)).toBe(true);
    expect(isEncryptedOoxml(await plainWorkpaper())).toBe(false);
    await expect(readBack(encrypted)).rejects.toThrow();
    // Nothing of the workbook is left in clear.
    const text = new TextDecoder('latin1').decode(encrypted);
    expect(text).not.toMatch(/\[Content_Types\]|xl\/workbook\.xml|sharedStrings/);
  });

  it('does not open without its password, in either implementation', async () => {
    const encrypted = await encryptOoxml(await plainWorkpaper(), PASSWORD, FAST);
    await expect(theirDecrypt(encrypted, 'not the password')).rejects.toThrow(/incorrect/);
    const error = await expectCode(decryptOoxml(encrypted, 'not the password'), 'wrong-password');
    expect(error).toBeInstanceOf(WorkpaperPasswordError);
    expect(error.text['zh-TW']).toMatch(/密碼不正確/);
    expect(error.message).toMatch(/password is incorrect/);
    expect(error.message).not.toContain('not the password');
    // Case and a trailing space matter.
    await expectCode(decryptOoxml(encrypted, PASSWORD.toUpperCase()), 'wrong-password');
    await expectCode(decryptOoxml(encrypted, `${PASSWORD} `), 'wrong-password');
  });

  it('round-trips through decryptOoxml, for package sizes around the 4096-byte segments', async () => {
    for (const length of [4, 16, 17, 4095, 4096, 4097, 8192, 3 * 4096 + 5]) {
      const zip = fakeZip(length);
      const encrypted = await encryptOoxml(zip, 'pw', { spinCount: 2 });
      const size = stream(encrypted, '/EncryptedPackage');
      expect(size.length, `size ${length}`).toBe(8 + Math.ceil(length / 16) * 16);
      expect(new DataView(size.buffer).getUint32(0, true)).toBe(length);
      expect(await decryptOoxml(encrypted, 'pw'), `size ${length}`).toEqual(zip);
      expect(await theirDecrypt(encrypted, 'pw'), `size ${length}`).toEqual(zip);
    }
  });

  it('uses Excel 100,000 spins by default, which officecrypto-tool decrypts', async () => {
    const plain = await plainWorkpaper();
    const started = performance.now();
    const encrypted = await encryptOoxml(plain, PASSWORD);
    const elapsed = performance.now() - started;
    console.info(
      `encryptOoxml, ${DEFAULT_SPIN_COUNT} spins, ${plain.length} bytes: ${Math.round(elapsed)} ms`,
    );
    expect(encryptionXml(encrypted)).toContain(`spinCount="${DEFAULT_SPIN_COUNT}"`);
    expect(await theirDecrypt(encrypted, PASSWORD)).toEqual(plain);
  }, 120_000);

  it('describes Excel’s parameters in EncryptionInfo version 4.4, flags 0x40', async () => {
    const encrypted = await encryptOoxml(await plainWorkpaper(), PASSWORD, FAST);
    const info = stream(encrypted, '/EncryptionInfo');
    expect([...info.subarray(0, 8)]).toEqual([4, 0, 4, 0, 0x40, 0, 0, 0]);
    const xml = encryptionXml(encrypted);
    expect(xml).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8" standalone="yes"\?>\r\n<encryption /,
    );
    const cipher =
      'saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" ' +
      'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="';
    expect(xml).toContain(`<keyData ${cipher}`);
    expect(xml).toContain(`<p:encryptedKey spinCount="64" ${cipher}`);
    expect(xml).toMatch(
      /<dataIntegrity encryptedHmacKey="[^"]{88}" encryptedHmacValue="[^"]{88}"\/>/,
    );
    expect(xml).toMatch(/encryptedVerifierHashInput="[^"]{24}"/); // 16 bytes
    expect(xml).toMatch(/encryptedVerifierHashValue="[^"]{88}"/); // 64 bytes
    expect(xml).toMatch(/encryptedKeyValue="[^"]{44}"/); // 32 bytes
    expect(xml).toContain(
      '<keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">',
    );
  });

  it('writes the DataSpaces streams of [MS-OFFCRYPTO] 2.1 and 2.3.4.1', async () => {
    const encrypted = await encryptOoxml(fakeZip(100), 'pw', { spinCount: 1 });
    const paths = CFB.read(encrypted, { type: 'array' }).FullPaths.map((p) =>
      p.replace(/^Root Entry/, ''),
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        '/EncryptionInfo',
        '/EncryptedPackage',
        '/\u0006DataSpaces/',
        '/\u0006DataSpaces/Version',
        '/\u0006DataSpaces/DataSpaceMap',
        '/\u0006DataSpaces/DataSpaceInfo/',
        '/\u0006DataSpaces/DataSpaceInfo/StrongEncryptionDataSpace',
        '/\u0006DataSpaces/TransformInfo/',
        '/\u0006DataSpaces/TransformInfo/StrongEncryptionTransform/',
        '/\u0006DataSpaces/TransformInfo/StrongEncryptionTransform/\u0006Primary',
      ]),
    );
    for (const [path, content] of [
      ['/\u0006DataSpaces/Version', versionStream()],
      ['/\u0006DataSpaces/DataSpaceMap', dataSpaceMapStream()],
      ['/\u0006DataSpaces/DataSpaceInfo/StrongEncryptionDataSpace', dataSpaceDefinitionStream()],
      ['/\u0006DataSpaces/TransformInfo/StrongEncryptionTransform/\u0006Primary', primaryStream()],
    ] as const) {
      expect(stream(encrypted, path), path).toEqual(content);
    }
  });

  it('lays the DataSpaces structures out field by field', () => {
    const u32 = (bytes: Uint8Array, at: number) => new DataView(bytes.buffer).getUint32(at, true);
    const utf16 = (bytes: Uint8Array, at: number) =>
      new TextDecoder('utf-16le').decode(bytes.subarray(at + 4, at + 4 + u32(bytes, at)));

    const version = versionStream();
    expect(utf16(version, 0)).toBe('Microsoft.Container.DataSpaces');
    expect([...version.subarray(64)]).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]);
    expect(version.length).toBe(76);

    const map = dataSpaceMapStream();
    expect([u32(map, 0), u32(map, 4)]).toEqual([8, 1]); // HeaderLength, EntryCount
    expect(u32(map, 8)).toBe(map.length - 8); // the entry's Length: the rest of the stream
    expect([u32(map, 12), u32(map, 16)]).toEqual([1, 0]); // one component, a stream
    expect(utf16(map, 20)).toBe('EncryptedPackage');
    expect(utf16(map, 56)).toBe('StrongEncryptionDataSpace');
    expect(map.length).toBe(8 + 104);

    const definition = dataSpaceDefinitionStream();
    expect([u32(definition, 0), u32(definition, 4)]).toEqual([8, 1]);
    expect(utf16(definition, 8)).toBe('StrongEncryptionTransform');
    expect(definition.length).toBe(8 + 4 + 52); // 50 bytes of name, padded to 52

    const primary = primaryStream();
    expect(u32(primary, 0)).toBe(88); // TransformLength: up to TransformName
    expect(u32(primary, 4)).toBe(1); // TransformType
    expect(utf16(primary, 8)).toBe('{FF9A3F03-56EF-4613-BDD5-5A41C1D07246}');
    expect(utf16(primary, 88)).toBe('Microsoft.Container.EncryptionTransform');
    expect([...primary.subarray(172)]).toEqual([
      ...[1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0], // reader, updater, writer 1.0
      ...[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], // EncryptionName "", block size 0, cipher mode 0
      ...[4, 0, 0, 0], // Reserved
    ]);
  });

  it('takes its salts and keys from `random`: the same source gives the same file', async () => {
    const zip = fakeZip(5000);
    const a = await encryptOoxml(zip, 'pw', { spinCount: 3, random: counterRandom() });
    const b = await encryptOoxml(zip, 'pw', { spinCount: 3, random: counterRandom() });
    expect(a).toEqual(b);
    const c = await encryptOoxml(zip, 'pw', { spinCount: 3 });
    const d = await encryptOoxml(zip, 'pw', { spinCount: 3 });
    expect(stream(c, '/EncryptedPackage')).not.toEqual(stream(d, '/EncryptedPackage'));
    expect(await decryptOoxml(a, 'pw')).toEqual(zip);
    await expect(
      encryptOoxml(zip, 'pw', { spinCount: 3, random: (n) => new Uint8Array(n - 1) }),
    ).rejects.toThrow(RangeError);
  });

  it('refuses an empty or over-long password, and bytes that are not a ZIP', async () => {
    const zip = fakeZip(64);
    await expectCode(encryptOoxml(zip, '', FAST), 'empty-password');
    await expectCode(encryptOoxml(zip, 'x'.repeat(256), FAST), 'password-too-long');
    const longest = 'x'.repeat(255);
    const encrypted = await encryptOoxml(zip, longest, { spinCount: 1 });
    expect(await theirDecrypt(encrypted, longest)).toEqual(zip);
    await expect(encryptOoxml(new Uint8Array(64), 'pw', FAST)).rejects.toThrow(TypeError);
    await expect(encryptOoxml(zip, 'pw', { spinCount: -1 })).rejects.toThrow(RangeError);
    await expect(encryptOoxml(zip, 'pw', { spinCount: 1.5 })).rejects.toThrow(RangeError);
  });
});

describe('decryptOoxml', () => {
  it('decrypts what officecrypto-tool encrypted (100,000 spins)', async () => {
    const plain = await plainWorkpaper();
    const encrypted = theirEncrypt(plain, PASSWORD);
    const decrypted = await decryptOoxml(encrypted, PASSWORD);
    expect(decrypted).toEqual(plain);
    expect(await contents(decrypted)).toEqual(await contents(plain));
    await expectCode(decryptOoxml(encrypted, 'wrong'), 'wrong-password');
  }, 120_000);

  it('refuses a flipped byte in the encrypted package: the HMAC no longer matches', async () => {
    const plain = await plainWorkpaper();
    const encrypted = await encryptOoxml(plain, PASSWORD, FAST);
    for (const at of [8, 100, 4096 + 8, -1]) {
      const tampered = withStream(encrypted, '/EncryptedPackage', (content) => {
        const copy = content.slice();
        const index = at < 0 ? copy.length + at : at;
        copy[index] = (copy[index] ?? 0) ^ 0x01;
        return copy;
      });
      const error = await expectCode(decryptOoxml(tampered, PASSWORD), 'integrity');
      expect(error).toBeInstanceOf(WorkpaperIntegrityError);
      expect(error).toMatchObject({ problem: 'hmac-mismatch' });
      expect(error.text['zh-TW']).toMatch(/完整性/);
    }
    // The size field is covered by the HMAC too.
    const resized = withStream(encrypted, '/EncryptedPackage', (content) => {
      const copy = content.slice();
      new DataView(copy.buffer).setUint32(0, plain.length - 1, true);
      return copy;
    });
    await expectCode(decryptOoxml(resized, PASSWORD), 'integrity');
    // The untouched file still opens.
    expect(await decryptOoxml(encrypted, PASSWORD)).toEqual(plain);
  });

  it('refuses a file whose integrity data was removed', async () => {
    const encrypted = await encryptOoxml(fakeZip(300), 'pw', FAST);
    const stripped = withStream(encrypted, '/EncryptionInfo', (content) => {
      const xml = new TextDecoder().decode(content.subarray(8));
      const without = xml.replace(/<dataIntegrity [^>]*\/>/, '');
      expect(without).not.toBe(xml);
      return Uint8Array.from([...content.subarray(0, 8), ...new TextEncoder().encode(without)]);
    });
    const error = await expectCode(decryptOoxml(stripped, 'pw'), 'integrity');
    expect(error).toMatchObject({ problem: 'no-integrity-data' });
  });

  it('says which files are not encrypted, not supported or damaged', async () => {
    const plain = await plainWorkpaper();
    await expectCode(decryptOoxml(plain, 'pw'), 'not-encrypted');
    await expectCode(decryptOoxml(new Uint8Array(10), 'pw'), 'not-encrypted');
    // An OLE file without the two streams (as a legacy .xls would be).
    const other = CFB.utils.cfb_new();
    CFB.utils.cfb_add(other, 'Workbook', new Uint8Array(600));
    const legacy = Uint8Array.from(CFB.write(other, { type: 'array' }) as Uint8Array);
    expect(isOleCompoundFile(legacy)).toBe(true);
    expect(isEncryptedOoxml(legacy)).toBe(false);
    await expectCode(decryptOoxml(legacy, 'pw'), 'not-encrypted');
    // ECMA-376 Standard encryption (version 4.2).
    const standard = theirEncrypt(plain, 'pw', 'standard');
    expect(isEncryptedOoxml(standard)).toBe(true);
    const unsupported = await expectCode(decryptOoxml(standard, 'pw'), 'unsupported-encryption');
    expect(unsupported.message).toMatch(/Standard/);
    // A truncated container.
    const encrypted = await encryptOoxml(fakeZip(9000), 'pw', FAST);
    await expectCode(decryptOoxml(encrypted.subarray(0, 700), 'pw'), 'damaged');
    // A spin count no one should wait for: refused before a single round, however large.
    const asking = (spinCount: string, more = '') =>
      withStream(encrypted, '/EncryptionInfo', (content) => {
        const xml = new TextDecoder().decode(content.subarray(8));
        const changed = xml.replace('spinCount="64"', `spinCount="${spinCount}"`) + more;
        return Uint8Array.from([...content.subarray(0, 8), ...new TextEncoder().encode(changed)]);
      });
    for (const count of ['10000000', '2147483648', '99999999999999999999']) {
      const greedy = await expectCode(decryptOoxml(asking(count), 'pw'), 'spin-count-too-high');
      expect(greedy.text.en).toContain(`over the limit of ${MAX_SPIN_COUNT.toLocaleString('en')}`);
    }
    await expectCode(decryptOoxml(asking('500001'), 'pw'), 'spin-count-too-high');
    // An EncryptionInfo padded past anything a writer makes.
    const padded = asking('64', ' '.repeat(70_000));
    await expectCode(decryptOoxml(padded, 'pw'), 'too-large');
    // Absurd key parameters: a 100-byte salt, 1,000,000-bit keys.
    const absurd = (from: RegExp, to: string) =>
      withStream(encrypted, '/EncryptionInfo', (content) => {
        const xml = new TextDecoder().decode(content.subarray(8)).replace(from, to);
        return Uint8Array.from([...content.subarray(0, 8), ...new TextEncoder().encode(xml)]);
      });
    const salt = btoa(String.fromCharCode(...new Uint8Array(100)));
    const bigSalt = absurd(/saltValue="[^"]*"/, `saltValue="${salt}"`);
    expect(
      (await expectCode(decryptOoxml(bigSalt, 'pw'), 'unsupported-encryption')).message,
    ).toContain('100-byte salt');
    await expectCode(
      decryptOoxml(absurd(/keyBits="256"/, 'keyBits="1000000"'), 'pw'),
      'unsupported-encryption',
    );
    await expectCode(decryptOoxml(encrypted, ''), 'empty-password');
  });
});
