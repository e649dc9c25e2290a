/**
 * The `\x06DataSpaces` storage of an encrypted OOXML file ([MS-OFFCRYPTO] 2.1 and 2.3.4.1):
 * it says that the `EncryptedPackage` stream went through the "StrongEncryptionTransform".
 * Excel writes it and expects it; the streams are the same for every agile-encrypted file.
 *
 *   \x06DataSpaces/Version                                         DataSpaceVersionInfo (2.1.5)
 *   \x06DataSpaces/DataSpaceMap                                    DataSpaceMap (2.1.6)
 *   \x06DataSpaces/DataSpaceInfo/StrongEncryptionDataSpace          DataSpaceDefinition (2.1.7)
 *   \x06DataSpaces/TransformInfo/StrongEncryptionTransform/\x06Primary
 *                                  TransformInfoHeader (2.1.8) + EncryptionTransformInfo (2.1.9)
 */
import type { Bytes } from '../../crypto/bytes';

export const DATASPACES = '\u0006DataSpaces';
export const PRIMARY = '\u0006Primary';
const ENCRYPTED_PACKAGE = 'EncryptedPackage';
const DATA_SPACE_NAME = 'StrongEncryptionDataSpace';
const TRANSFORM_NAME = 'StrongEncryptionTransform';
/** 2.1.8: the transform id and name of the encryption transform. */
const ENCRYPTION_TRANSFORM_ID = '{FF9A3F03-56EF-4613-BDD5-5A41C1D07246}';
const ENCRYPTION_TRANSFORM_NAME = 'Microsoft.Container.EncryptionTransform';
const FEATURE_IDENTIFIER = 'Microsoft.Container.DataSpaces';

/** Little-endian writer of the few field types these structures use. */
class Writer {
  private readonly parts: number[] = [];

  u32(value: number): this {
    this.parts.push(value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24);
    return this;
  }

  /** 2.1.2 UNICODE-LP-P4: the byte length, UTF-16LE code units, zero padding to 4 bytes. */
  unicodeLpP4(text: string): this {
    this.u32(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      this.parts.push(unit & 0xff, unit >>> 8);
    }
    while (this.parts.length % 4 !== 0) this.parts.push(0);
    return this;
  }

  /** 2.1.4 Version: major then minor, 16 bits each. All three versions here are 1.0. */
  version(major: number, minor: number): this {
    this.parts.push(major & 0xff, major >>> 8, minor & 0xff, minor >>> 8);
    return this;
  }

  get length(): number {
    return this.parts.length;
  }

  bytes(): Bytes {
    return Uint8Array.from(this.parts);
  }
}

/** 2.1.5 DataSpaceVersionInfo: reader, updater and writer version 1.0. */
export function versionStream(): Bytes {
  return new Writer()
    .unicodeLpP4(FEATURE_IDENTIFIER)
    .version(1, 0)
    .version(1, 0)
    .version(1, 0)
    .bytes();
}

/** 2.1.6 DataSpaceMap: one entry mapping the `EncryptedPackage` stream to the data space. */
export function dataSpaceMapStream(): Bytes {
  const entry = new Writer()
    .u32(1) // ReferenceComponentCount
    .u32(0) // ReferenceComponentType: a stream
    .unicodeLpP4(ENCRYPTED_PACKAGE)
    .unicodeLpP4(DATA_SPACE_NAME)
    .bytes();
  const out = new Writer()
    .u32(8) // HeaderLength
    .u32(1) // EntryCount
    .u32(4 + entry.length) // DataSpaceMapEntry.Length, its own field included
    .bytes();
  return concatBytes(out, entry);
}

/** 2.1.7 DataSpaceDefinition: the data space applies one transform. */
export function dataSpaceDefinitionStream(): Bytes {
  return new Writer()
    .u32(8) // HeaderLength
    .u32(1) // TransformReferenceCount
    .unicodeLpP4(TRANSFORM_NAME)
    .bytes();
}

/** 2.1.8 TransformInfoHeader then 2.1.9 EncryptionTransformInfo, as 2.3.4.1 fixes them. */
export function primaryStream(): Bytes {
  const id = new Writer().u32(1).unicodeLpP4(ENCRYPTION_TRANSFORM_ID); // TransformType 1
  return new Writer()
    .u32(4 + id.length) // TransformLength: the bytes before TransformName
    .u32(1)
    .unicodeLpP4(ENCRYPTION_TRANSFORM_ID)
    .unicodeLpP4(ENCRYPTION_TRANSFORM_NAME)
    .version(1, 0) // ReaderVersion
    .version(1, 0) // UpdaterVersion
    .version(1, 0) // WriterVersion
    .u32(0) // EncryptionName: an empty UTF-8-LP-P4
    .u32(0) // EncryptionBlockSize
    .u32(0) // CipherMode
    .u32(4) // Reserved, MUST be 4
    .bytes();
}

/** The four streams by their path below the root storage. */
export function dataSpacesStreams(): ReadonlyArray<readonly [path: string, content: Bytes]> {
  return [
    [`${DATASPACES}/Version`, versionStream()],
    [`${DATASPACES}/DataSpaceMap`, dataSpaceMapStream()],
    [`${DATASPACES}/DataSpaceInfo/${DATA_SPACE_NAME}`, dataSpaceDefinitionStream()],
    [`${DATASPACES}/TransformInfo/${TRANSFORM_NAME}/${PRIMARY}`, primaryStream()],
  ];
}

export function concatBytes(...parts: readonly Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
