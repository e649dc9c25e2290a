/**
 * Password protection of a whole .xlsx: ECMA-376 agile encryption ([MS-OFFCRYPTO] 2.3.4.10 to
 * 2.3.4.15), the format Excel 2013+ writes and Excel and LibreOffice ask a password to open.
 *
 * The .xlsx (a ZIP package) is encrypted with a random 256-bit "intermediate" key, AES-256-CBC,
 * in 4096-byte segments; the key is wrapped with a key derived from the password by 100,000
 * rounds of SHA-512; an HMAC-SHA512 over the encrypted package detects changes. Both travel
 * in an OLE compound file (the `cfb` package) beside the `\x06DataSpaces` streams:
 *
 *   EncryptionInfo     version 4.4, flags 0x40, then the XML description below
 *   EncryptedPackage   the ZIP's size (uint64 LE), then the encrypted segments
 *   \x06DataSpaces/…   see `dataspaces.ts`
 *
 * Pure: WebCrypto (SHA-512, AES-CBC, HMAC) and `cfb`, so it runs in the renderer, a worker and
 * the Node CLI alike. WebCrypto's AES-CBC always applies PKCS#7 padding, which this format does
 * not use: `cbcEncrypt` and `cbcDecrypt` below explain how the padding is cancelled.
 *
 * The password is used only to derive keys here: it is never stored, logged or put in an error.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import * as CFBModule from 'cfb';
import { fromBase64, randomBytes, toBase64, type Bytes } from '../../crypto/bytes';
import { OLE_MAGIC, startsWith } from '../../import/format';
import { oleDirectoryNames } from '../../import/xlsx-refusals';
import { unescapeXml } from '../../import/xml-text';
import { concatBytes, dataSpacesStreams } from './dataspaces';
import {
  ENCRYPTION_ERRORS,
  WorkpaperEncryptionError,
  WorkpaperIntegrityError,
  WorkpaperPasswordError,
} from './errors';

/**
 * `cfb` is CommonJS and sets `module.exports` only where a global `require` exists: Node, and
 * bundlers that provide one. Rolldown (Vite 8) provides none in browser and worker bundles,
 * so there the package must be transformed (see `shared/workpapers/README.md`); without that,
 * this says so instead of failing on an undefined property.
 */
function cfb(): typeof CFBModule {
  if (typeof CFBModule.write !== 'function' || typeof CFBModule.utils !== 'object') {
    throw new Error(
      'The cfb package loaded without its exports: this bundle needs the cfb export transform (see shared/workpapers/README.md)',
    );
  }
  return CFBModule;
}

/** Excel's spin count, the default. */
export const DEFAULT_SPIN_COUNT = 100_000;
/**
 * The most rounds a file may ask for, on read and on write. [MS-OFFCRYPTO] allows 10,000,000
 * (about 40 s of SHA-512 in Node here, 80 s in a browser worker) and a hostile file can ask for
 * that just to hold the reader; every writer we know (Excel, LibreOffice, msoffcrypto-tool,
 * officecrypto-tool, our own) uses 100,000. Five times that (about 2 s in Node, 4 s in a
 * worker) leaves room for a stronger setting without letting a file stall an import.
 */
export const MAX_SPIN_COUNT = 500_000;
/**
 * `EncryptionInfo` is about 1 KB as Excel writes it (a certificate key encryptor adds a few
 * KB); anything larger is not parsed.
 */
const MAX_ENCRYPTION_INFO_BYTES = 64 * 1024;
/** Excel writes 16-byte salts; [MS-OFFCRYPTO] allows up to 65,536, which no writer uses. */
const MAX_SALT_BYTES = 64;
/** Excel and [MS-OFFCRYPTO] 2.3.4.10 allow at most 255 characters. */
export const MAX_PASSWORD_LENGTH = 255;

const ENCRYPTION_INFO = 'EncryptionInfo';
const ENCRYPTED_PACKAGE = 'EncryptedPackage';
/** EncryptionInfo version 4.4 (agile) and its reserved flags 0x40. */
const AGILE_PREFIX = Uint8Array.of(0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00);
const SEGMENT_LENGTH = 4096;
const AES_BLOCK = 16;

/** The block keys of [MS-OFFCRYPTO] 2.3.4.11 to 2.3.4.14. */
const BLOCK_KEY = {
  verifierHashInput: Uint8Array.of(0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79),
  verifierHashValue: Uint8Array.of(0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e),
  encryptedKeyValue: Uint8Array.of(0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6),
  hmacKey: Uint8Array.of(0x5f, 0xb2, 0xad, 0x01, 0x0c, 0xb9, 0xe1, 0xf6),
  hmacValue: Uint8Array.of(0xa0, 0x67, 0x7f, 0x02, 0xb2, 0x2c, 0x84, 0x33),
} as const;

const NS_ENCRYPTION = 'http://schemas.microsoft.com/office/2006/encryption';
const NS_PASSWORD = 'http://schemas.microsoft.com/office/2006/keyEncryptor/password';
const NS_CERTIFICATE = 'http://schemas.microsoft.com/office/2006/keyEncryptor/certificate';

export interface EncryptOptions {
  /** Rounds of SHA-512 over the password; default 100,000 as Excel. Tests use fewer. */
  spinCount?: number;
  /** The source of salts and keys; default `crypto.getRandomValues`. For tests only. */
  random?: (length: number) => Uint8Array;
}

type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';
const HASH_SIZES: Readonly<Record<HashName, number>> = {
  'SHA-1': 20,
  'SHA-256': 32,
  'SHA-384': 48,
  'SHA-512': 64,
};

/** The cipher and hash of `keyData` or of the password key encryptor. */
interface CipherParams {
  hash: HashName;
  hashSize: number;
  keyBits: number;
  blockSize: number;
  salt: Bytes;
}

interface DataIntegrity {
  encryptedHmacKey: Bytes;
  encryptedHmacValue: Bytes;
}

interface PasswordKeyEncryptor extends CipherParams {
  spinCount: number;
  encryptedVerifierHashInput: Bytes;
  encryptedVerifierHashValue: Bytes;
  encryptedKeyValue: Bytes;
}

/** What `EncryptionInfo` says; `dataIntegrity` is null when a file has none. */
interface AgileInfo {
  keyData: CipherParams;
  dataIntegrity: DataIntegrity | null;
  password: PasswordKeyEncryptor;
}

// ---------------------------------------------------------------------------------------------
// Detection

/** An OLE compound file (a password-protected OOXML file, or a legacy .xls / .doc). */
export function isOleCompoundFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE_MAGIC);
}

/**
 * An OLE compound file holding both `EncryptionInfo` and `EncryptedPackage` streams, or one
 * whose directory names them but that cannot be read whole (a truncated or damaged protected
 * file): `decryptOoxml` then says what is wrong with it, rather than a reader calling it a
 * workbook still to be unprotected.
 */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  if (!isOleCompoundFile(bytes)) return false;
  const CFB = cfb();
  try {
    const container = CFB.read(bytes, { type: 'array' });
    return (
      streamOf(container, ENCRYPTION_INFO) !== null &&
      streamOf(container, ENCRYPTED_PACKAGE) !== null
    );
  } catch {
    const names = oleDirectoryNames(bytes) ?? [];
    return names.includes(ENCRYPTION_INFO) && names.includes(ENCRYPTED_PACKAGE);
  }
}

// ---------------------------------------------------------------------------------------------
// Encryption

/**
 * Encrypts the bytes of an .xlsx (or any OOXML package) with `password` and returns the OLE
 * compound file Excel and LibreOffice open after asking for it. Throws a
 * `WorkpaperEncryptionError` for an empty or over-long password.
 */
export async function encryptOoxml(
  zipBytes: Uint8Array,
  password: string,
  options: EncryptOptions = {},
): Promise<Bytes> {
  checkPassword(password);
  if (zipBytes[0] !== 0x50 || zipBytes[1] !== 0x4b) {
    throw new TypeError('encryptOoxml expects the bytes of an OOXML (ZIP) package');
  }
  const spinCount = options.spinCount ?? DEFAULT_SPIN_COUNT;
  if (!Number.isInteger(spinCount) || spinCount < 0 || spinCount > MAX_SPIN_COUNT) {
    throw new RangeError(`spinCount must be an integer from 0 to ${MAX_SPIN_COUNT}`);
  }
  const random = (length: number): Bytes => {
    const bytes = options.random ? Uint8Array.from(options.random(length)) : randomBytes(length);
    if (bytes.length !== length)
      throw new RangeError(`random(${length}) gave ${bytes.length} bytes`);
    return bytes;
  };

  // Excel's choices: AES-256-CBC, SHA-512, 16-byte salts and blocks.
  const keyData: CipherParams = {
    hash: 'SHA-512',
    hashSize: 64,
    keyBits: 256,
    blockSize: AES_BLOCK,
    salt: random(16),
  };
  const passwordParams: CipherParams = { ...keyData, salt: random(16) };
  const secretKey = random(keyData.keyBits / 8);
  const packageKey = await aesKey(secretKey);

  // 2.3.4.15: the package, segment by segment.
  const encryptedPackage = await encryptPackage(zipBytes, packageKey, keyData);

  // 2.3.4.14: an HMAC over the whole EncryptedPackage stream, its key and value encrypted
  // with the package key. The HMAC key is as long as the hash.
  const hmacKey = random(keyData.hashSize);
  const hmacValue = await hmac(keyData.hash, hmacKey, encryptedPackage);
  const encryptedHmacKey = await cbcEncrypt(
    packageKey,
    await blockIv(keyData, BLOCK_KEY.hmacKey),
    padToBlock(hmacKey, keyData.blockSize),
  );
  const encryptedHmacValue = await cbcEncrypt(
    packageKey,
    await blockIv(keyData, BLOCK_KEY.hmacValue),
    padToBlock(hmacValue, keyData.blockSize),
  );

  // 2.3.4.13: the password key encryptor. The spun hash is the same for the three keys (only
  // the final block key differs), so it is computed once.
  const spun = await spinHash(passwordParams.hash, passwordParams.salt, password, spinCount);
  const keyFor = async (blockKey: Uint8Array) =>
    aesKey(await passwordKey(passwordParams, spun, blockKey));
  const verifierHashInput = random(passwordParams.salt.length);
  const verifierHashValue = await digest(passwordParams.hash, verifierHashInput);
  const iv = passwordParams.salt; // the key encryptor's IV is its salt (blockSize 16 = saltSize)
  const encryptedVerifierHashInput = await cbcEncrypt(
    await keyFor(BLOCK_KEY.verifierHashInput),
    iv,
    padToBlock(verifierHashInput, passwordParams.blockSize),
  );
  const encryptedVerifierHashValue = await cbcEncrypt(
    await keyFor(BLOCK_KEY.verifierHashValue),
    iv,
    padToBlock(verifierHashValue, passwordParams.blockSize),
  );
  const encryptedKeyValue = await cbcEncrypt(
    await keyFor(BLOCK_KEY.encryptedKeyValue),
    iv,
    padToBlock(secretKey, passwordParams.blockSize),
  );
  secretKey.fill(0);
  hmacKey.fill(0);
  spun.fill(0);

  const xml = encryptionInfoXml({
    keyData,
    dataIntegrity: { encryptedHmacKey, encryptedHmacValue },
    password: {
      ...passwordParams,
      spinCount,
      encryptedVerifierHashInput,
      encryptedVerifierHashValue,
      encryptedKeyValue,
    },
  });
  const encryptionInfo = concatBytes(AGILE_PREFIX, new TextEncoder().encode(xml));
  return writeContainer(encryptionInfo, encryptedPackage);
}

async function encryptPackage(
  zipBytes: Uint8Array,
  key: CryptoKey,
  keyData: CipherParams,
): Promise<Bytes> {
  const size = zipBytes.length;
  const out = new Uint8Array(8 + roundUp(size, keyData.blockSize));
  const view = new DataView(out.buffer);
  view.setUint32(0, size % 2 ** 32, true); // StreamSize: uint64 little-endian
  view.setUint32(4, Math.floor(size / 2 ** 32), true);
  const segments: Promise<void>[] = [];
  for (let index = 0, start = 0; start < size; index++, start += SEGMENT_LENGTH) {
    const chunk = zipBytes.subarray(start, Math.min(start + SEGMENT_LENGTH, size));
    segments.push(
      (async () => {
        const iv = await blockIv(keyData, uint32le(index));
        out.set(await cbcEncrypt(key, iv, padToBlock(chunk, keyData.blockSize)), 8 + start);
      })(),
    );
  }
  await Promise.all(segments);
  return out;
}

function encryptionInfoXml(info: AgileInfo & { dataIntegrity: DataIntegrity }): string {
  const b64 = (bytes: Uint8Array) => toBase64(Uint8Array.from(bytes));
  const cipher = (params: CipherParams) =>
    `saltSize="${params.salt.length}" blockSize="${params.blockSize}" keyBits="${params.keyBits}" ` +
    `hashSize="${params.hashSize}" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" ` +
    `hashAlgorithm="${params.hash.replace('-', '')}" saltValue="${b64(params.salt)}"`;
  const { keyData, dataIntegrity, password } = info;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    `<encryption xmlns="${NS_ENCRYPTION}" xmlns:p="${NS_PASSWORD}" xmlns:c="${NS_CERTIFICATE}">` +
    `<keyData ${cipher(keyData)}/>` +
    `<dataIntegrity encryptedHmacKey="${b64(dataIntegrity.encryptedHmacKey)}" ` +
    `encryptedHmacValue="${b64(dataIntegrity.encryptedHmacValue)}"/>` +
    `<keyEncryptors><keyEncryptor uri="${NS_PASSWORD}">` +
    `<p:encryptedKey spinCount="${password.spinCount}" ${cipher(password)} ` +
    `encryptedVerifierHashInput="${b64(password.encryptedVerifierHashInput)}" ` +
    `encryptedVerifierHashValue="${b64(password.encryptedVerifierHashValue)}" ` +
    `encryptedKeyValue="${b64(password.encryptedKeyValue)}"/>` +
    '</keyEncryptor></keyEncryptors></encryption>'
  );
}

function writeContainer(encryptionInfo: Bytes, encryptedPackage: Bytes): Bytes {
  const CFB = cfb();
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, ENCRYPTION_INFO, encryptionInfo);
  CFB.utils.cfb_add(container, ENCRYPTED_PACKAGE, encryptedPackage);
  for (const [path, content] of dataSpacesStreams()) CFB.utils.cfb_add(container, path, content);
  // cfb_new seeds a 4-byte "\x01Sh33tJ5" marker stream; CFB.write adds it back whenever it is
  // missing, so it stays. Readers ignore streams they do not know.
  const written = CFB.write(container, { type: 'array', fileType: 'cfb' }) as Uint8Array | number[];
  return Uint8Array.from(written);
}

// ---------------------------------------------------------------------------------------------
// Decryption

/**
 * Decrypts an agile-encrypted OOXML file back to its ZIP bytes. Throws
 * `WorkpaperPasswordError` for a wrong password, `WorkpaperIntegrityError` when the package
 * fails (or lacks) its HMAC, and `WorkpaperEncryptionError` otherwise (`not-encrypted`,
 * `unsupported-encryption`, `damaged`, `empty-password`, `password-too-long`).
 */
export async function decryptOoxml(bytes: Uint8Array, password: string): Promise<Bytes> {
  checkPassword(password);
  const { encryptionInfo, encryptedPackage } = readContainer(bytes);
  const info = parseEncryptionInfo(encryptionInfo);
  // Every structural check before the spin: a hostile file costs no hashing.
  packageSize(encryptedPackage, info.keyData);
  const params = info.password;

  // 2.3.4.13: check the password with the verifier before anything else.
  const spun = await spinHash(params.hash, params.salt, password, params.spinCount);
  const keyFor = async (blockKey: Uint8Array) => aesKey(await passwordKey(params, spun, blockKey));
  const iv = fitTo(params.salt, params.blockSize);
  const verifierInput = (
    await cbcDecrypt(
      await keyFor(BLOCK_KEY.verifierHashInput),
      iv,
      params.encryptedVerifierHashInput,
    )
  ).subarray(0, params.salt.length);
  const verifierValue = (
    await cbcDecrypt(
      await keyFor(BLOCK_KEY.verifierHashValue),
      iv,
      params.encryptedVerifierHashValue,
    )
  ).subarray(0, params.hashSize);
  if (!sameBytes(await digest(params.hash, verifierInput), verifierValue)) {
    throw new WorkpaperPasswordError();
  }
  const secretKey = (
    await cbcDecrypt(await keyFor(BLOCK_KEY.encryptedKeyValue), iv, params.encryptedKeyValue)
  ).subarray(0, info.keyData.keyBits / 8);
  spun.fill(0);
  if (secretKey.length !== info.keyData.keyBits / 8) throw damaged('encryptedKeyValue');
  const packageKey = await aesKey(secretKey);
  secretKey.fill(0);

  // 2.3.4.14: the HMAC over the whole EncryptedPackage stream, before decrypting it.
  if (info.dataIntegrity === null) throw new WorkpaperIntegrityError('no-integrity-data');
  const { keyData } = info;
  const hmacKey = (
    await cbcDecrypt(
      packageKey,
      await blockIv(keyData, BLOCK_KEY.hmacKey),
      info.dataIntegrity.encryptedHmacKey,
    )
  ).subarray(0, keyData.hashSize);
  const expected = (
    await cbcDecrypt(
      packageKey,
      await blockIv(keyData, BLOCK_KEY.hmacValue),
      info.dataIntegrity.encryptedHmacValue,
    )
  ).subarray(0, keyData.hashSize);
  const actual = await hmac(keyData.hash, hmacKey, encryptedPackage);
  hmacKey.fill(0);
  if (!sameBytes(actual, expected)) throw new WorkpaperIntegrityError('hmac-mismatch');

  const zip = await decryptPackage(encryptedPackage, packageKey, keyData);
  if (zip[0] !== 0x50 || zip[1] !== 0x4b) throw damaged('the decrypted package is not a ZIP');
  return zip;
}

/**
 * The ZIP size the `EncryptedPackage` declares (uint64 LE), checked against the bytes that are
 * there before anything is hashed or allocated.
 */
function packageSize(stream: Bytes, keyData: CipherParams): number {
  if (stream.length < 8) throw damaged('EncryptedPackage is too short');
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const size = view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
  const held = stream.length - 8;
  if (size > held) {
    throw damaged(
      `EncryptedPackage declares ${size.toLocaleString('en')} bytes but holds ${held.toLocaleString('en')}`,
    );
  }
  if (held % keyData.blockSize !== 0) throw damaged('EncryptedPackage is not whole cipher blocks');
  return size;
}

async function decryptPackage(
  stream: Bytes,
  key: CryptoKey,
  keyData: CipherParams,
): Promise<Bytes> {
  const size = packageSize(stream, keyData);
  const data = stream.subarray(8);
  const out = new Uint8Array(data.length);
  const segments: Promise<void>[] = [];
  for (let index = 0, start = 0; start < data.length; index++, start += SEGMENT_LENGTH) {
    const chunk = data.subarray(start, Math.min(start + SEGMENT_LENGTH, data.length));
    segments.push(
      (async () => {
        const iv = await blockIv(keyData, uint32le(index));
        out.set(await cbcDecrypt(key, iv, chunk), start);
      })(),
    );
  }
  await Promise.all(segments);
  return out.slice(0, size);
}

function readContainer(bytes: Uint8Array): { encryptionInfo: Bytes; encryptedPackage: Bytes } {
  // Checked first: CFB.read would also "read" a ZIP as a container.
  if (!isOleCompoundFile(bytes)) throw ENCRYPTION_ERRORS.notEncrypted();
  const CFB = cfb();
  let container: CFBModule.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'array' });
  } catch (error) {
    throw damaged('the compound file cannot be read', error);
  }
  const encryptionInfo = streamOf(container, ENCRYPTION_INFO);
  const encryptedPackage = streamOf(container, ENCRYPTED_PACKAGE);
  if (encryptionInfo === null || encryptedPackage === null) throw ENCRYPTION_ERRORS.notEncrypted();
  return { encryptionInfo, encryptedPackage };
}

function streamOf(container: CFBModule.CFB$Container, name: string): Bytes | null {
  // A root-level stream only: "/name" is relative to the root storage.
  const entry = cfb().find(container, `/${name}`);
  if (entry === null || entry.type !== 2) return null;
  // Array or Node Buffer depending on the platform; sliced to the stream's size.
  return Uint8Array.from(entry.content).subarray(0, entry.size);
}

function parseEncryptionInfo(stream: Bytes): AgileInfo {
  if (stream.length < 8) throw damaged('EncryptionInfo is too short');
  if (stream.length > MAX_ENCRYPTION_INFO_BYTES) {
    throw ENCRYPTION_ERRORS.tooLarge(
      `EncryptionInfo of ${stream.length.toLocaleString('en')} bytes (at most ${MAX_ENCRYPTION_INFO_BYTES.toLocaleString('en')})`,
    );
  }
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const major = view.getUint16(0, true);
  const minor = view.getUint16(2, true);
  if (major !== 4 || minor !== 4) {
    const kind = minor === 2 ? 'Standard' : minor === 3 ? 'Extensible' : 'unknown';
    throw ENCRYPTION_ERRORS.unsupported(`${kind} encryption, version ${major}.${minor}`);
  }
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(stream.subarray(8));
  } catch (error) {
    throw damaged('EncryptionInfo is not UTF-8', error);
  }
  const elements = xmlElements(xml);
  const keyData = elements.find((e) => e.name === 'keyData');
  // Password key encryptors carry a spin count; certificate ones (c:encryptedKey) do not.
  const password = elements.find((e) => e.name === 'encryptedKey' && 'spinCount' in e.attributes);
  const integrity = elements.find((e) => e.name === 'dataIntegrity');
  if (keyData === undefined) throw damaged('EncryptionInfo has no keyData');
  if (password === undefined) {
    throw ENCRYPTION_ERRORS.unsupported('no password key encryptor');
  }
  const spinCount = integer(password.attributes, 'spinCount', 20);
  if (spinCount > MAX_SPIN_COUNT) throw ENCRYPTION_ERRORS.spinCount(spinCount, MAX_SPIN_COUNT);
  return {
    keyData: cipherParams(keyData.attributes),
    dataIntegrity:
      integrity === undefined
        ? null
        : {
            encryptedHmacKey: base64(integrity.attributes, 'encryptedHmacKey'),
            encryptedHmacValue: base64(integrity.attributes, 'encryptedHmacValue'),
          },
    password: {
      ...cipherParams(password.attributes),
      spinCount,
      encryptedVerifierHashInput: base64(password.attributes, 'encryptedVerifierHashInput'),
      encryptedVerifierHashValue: base64(password.attributes, 'encryptedVerifierHashValue'),
      encryptedKeyValue: base64(password.attributes, 'encryptedKeyValue'),
    },
  };
}

type Attributes = Readonly<Record<string, string>>;

/**
 * The start tags of a small, flat XML document: local name (prefix dropped) and attributes.
 * Enough for `EncryptionInfo`, whose values are numbers, names and base64; no DOMParser exists
 * in workers or Node.
 */
function xmlElements(xml: string): { name: string; attributes: Attributes }[] {
  const out: { name: string; attributes: Attributes }[] = [];
  for (const tag of xml.matchAll(
    /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/g,
  )) {
    const attributes: Record<string, string> = {};
    for (const attribute of (tag[3] ?? '').matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const [, name = '', double, single] = attribute;
      attributes[name.replace(/^.*:/, '')] = unescapeXml(double ?? single ?? '');
    }
    out.push({ name: tag[2] ?? '', attributes });
  }
  return out;
}

function required(attributes: Attributes, name: string): string {
  const value = attributes[name];
  if (value === undefined) throw damaged(`EncryptionInfo has no ${name}`);
  return value;
}

/** A decimal attribute of at most `digits` digits (a spin count may be huge, to be refused). */
function integer(attributes: Attributes, name: string, digits = 9): number {
  const text = required(attributes, name);
  if (!new RegExp(`^\\d{1,${digits}}$`).test(text)) {
    throw damaged(`EncryptionInfo has a bad ${name}`);
  }
  return Number(text);
}

function base64(attributes: Attributes, name: string): Bytes {
  try {
    return fromBase64(required(attributes, name).trim());
  } catch (error) {
    if (error instanceof WorkpaperEncryptionError) throw error;
    throw damaged(`EncryptionInfo has a bad ${name}`, error);
  }
}

function cipherParams(attributes: Attributes): CipherParams {
  const cipher = required(attributes, 'cipherAlgorithm');
  const chaining = required(attributes, 'cipherChaining');
  if (cipher !== 'AES' || chaining !== 'ChainingModeCBC') {
    throw ENCRYPTION_ERRORS.unsupported(`${cipher} ${chaining}`);
  }
  const hashText = required(attributes, 'hashAlgorithm');
  const hash = `SHA-${hashText.toUpperCase().replace(/^SHA-?/, '')}`;
  if (!(hash in HASH_SIZES)) throw ENCRYPTION_ERRORS.unsupported(`hash ${hashText}`);
  const hashName = hash as HashName;
  const keyBits = integer(attributes, 'keyBits');
  const blockSize = integer(attributes, 'blockSize');
  if (![128, 256].includes(keyBits) || blockSize !== AES_BLOCK) {
    throw ENCRYPTION_ERRORS.unsupported(`AES with keyBits ${keyBits}, blockSize ${blockSize}`);
  }
  const salt = base64(attributes, 'saltValue');
  if (salt.length === 0) throw damaged('EncryptionInfo has an empty saltValue');
  if (salt.length > MAX_SALT_BYTES) {
    throw ENCRYPTION_ERRORS.unsupported(`a ${salt.length}-byte salt (at most ${MAX_SALT_BYTES})`);
  }
  return { hash: hashName, hashSize: HASH_SIZES[hashName], keyBits, blockSize, salt };
}

// ---------------------------------------------------------------------------------------------
// Key derivation and WebCrypto

function checkPassword(password: string): void {
  if (password.length === 0) throw ENCRYPTION_ERRORS.emptyPassword();
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw ENCRYPTION_ERRORS.passwordTooLong(MAX_PASSWORD_LENGTH);
  }
}

/** UTF-16LE, as [MS-OFFCRYPTO] hashes passwords (a JS string is UTF-16 already). */
function utf16le(text: string): Bytes {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 * i] = unit & 0xff;
    out[2 * i + 1] = unit >>> 8;
  }
  return out;
}

/** The spin loop's hash, synchronous (see `spinHash`). */
const SYNC_HASH: Readonly<Record<HashName, (data: Uint8Array) => Uint8Array>> = {
  'SHA-1': sha1,
  'SHA-256': sha256,
  'SHA-384': sha384,
  'SHA-512': sha512,
};

/**
 * 2.3.4.11: H0 = H(salt + password); Hn = H(iterator + Hn-1) for `spinCount` rounds. The
 * 100,000 rounds run on @noble/hashes rather than WebCrypto: each `crypto.subtle.digest` is an
 * asynchronous round trip that costs far more than hashing 68 bytes (seconds in Node, about a
 * second in Chromium, against a few hundred milliseconds synchronously). The tests check the
 * result against an independent implementation (officecrypto-tool on Node's crypto).
 */
async function spinHash(
  hash: HashName,
  salt: Bytes,
  password: string,
  spinCount: number,
): Promise<Bytes> {
  const passwordBytes = utf16le(password);
  let h: Uint8Array = await digest(hash, concatBytes(salt, passwordBytes));
  passwordBytes.fill(0);
  const hashSync = SYNC_HASH[hash];
  const round = new Uint8Array(4 + h.length);
  const view = new DataView(round.buffer);
  for (let i = 0; i < spinCount; i++) {
    view.setUint32(0, i, true);
    round.set(h, 4);
    h = hashSync(round);
  }
  round.fill(0);
  return new Uint8Array(h);
}

/** 2.3.4.11: the key for one block key, cut or padded with 0x36 to `keyBits`. */
async function passwordKey(params: CipherParams, spun: Bytes, blockKey: Uint8Array) {
  return fitTo(await digest(params.hash, concatBytes(spun, blockKey)), params.keyBits / 8);
}

/** 2.3.4.12 and 2.3.4.14: an IV from the keyData salt and a block key. */
async function blockIv(keyData: CipherParams, blockKey: Uint8Array): Promise<Bytes> {
  return fitTo(await digest(keyData.hash, concatBytes(keyData.salt, blockKey)), keyData.blockSize);
}

/** Truncates, or pads with 0x36 ([MS-OFFCRYPTO] 2.3.4.11), to `length` bytes. */
function fitTo(bytes: Bytes, length: number): Bytes {
  if (bytes.length >= length) return bytes.slice(0, length);
  const out = new Uint8Array(length).fill(0x36);
  out.set(bytes);
  return out;
}

function padToBlock(bytes: Uint8Array, blockSize: number): Bytes {
  const out = new Uint8Array(roundUp(bytes.length, blockSize));
  out.set(bytes);
  return out;
}

function roundUp(n: number, multiple: number): number {
  return Math.ceil(n / multiple) * multiple;
}

function uint32le(value: number): Bytes {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, true);
  return out;
}

async function digest(hash: HashName, data: Bytes): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.digest(hash, data));
}

async function hmac(hash: HashName, key: Bytes, data: Bytes): Promise<Bytes> {
  const hmacKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash }, false, [
    'sign',
  ]);
  return new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, data));
}

async function aesKey(raw: Bytes): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'AES-CBC' }, false, ['encrypt', 'decrypt']);
}

/**
 * AES-CBC without padding. `data` is whole blocks; WebCrypto adds one block of PKCS#7 padding
 * after them, whose ciphertext is dropped: the blocks before it do not depend on it.
 */
async function cbcEncrypt(key: CryptoKey, iv: Bytes, data: Bytes): Promise<Bytes> {
  if (data.length % AES_BLOCK !== 0) throw new RangeError('cbcEncrypt takes whole blocks');
  const out = await crypto.subtle.encrypt({ name: 'AES-CBC', iv }, key, data);
  return new Uint8Array(out, 0, data.length);
}

/**
 * AES-CBC without padding. WebCrypto insists on valid PKCS#7 padding, so one more block is
 * appended: E(P ⊕ C_last) with P a full padding block (sixteen 0x10), which is the first block
 * of a CBC encryption of P with IV C_last. In CBC after C_last it decrypts to exactly P, which
 * WebCrypto then strips, leaving the plain blocks of `data`.
 */
async function cbcDecrypt(key: CryptoKey, iv: Bytes, data: Bytes): Promise<Bytes> {
  if (data.length === 0) return new Uint8Array(0);
  if (data.length % AES_BLOCK !== 0) throw damaged('a ciphertext is not whole blocks');
  const last = data.slice(data.length - AES_BLOCK);
  const padding = new Uint8Array(AES_BLOCK).fill(AES_BLOCK);
  const tail = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-CBC', iv: last }, key, padding),
    0,
    AES_BLOCK,
  );
  const out = await crypto.subtle.decrypt({ name: 'AES-CBC', iv }, key, concatBytes(data, tail));
  return new Uint8Array(out);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

function damaged(what: string, cause?: unknown): WorkpaperEncryptionError {
  return ENCRYPTION_ERRORS.damaged(what, cause);
}
