/**
 * The one way the workbench opens a ZIP it was handed (an .xlsx to import, a returned
 * workpaper, an engagement package): the archive's structure is checked before anything is
 * inflated, and every part is inflated through fflate's streaming `Inflate` with the bytes it
 * actually produces counted against a hard budget as they come, so a file cannot make a reader
 * hold more than `maxUnpackedBytes` whatever its directory says.
 *
 *   const zip = openCheckedZip(bytes);            // throws ImportError for a hostile archive
 *   const xml = zip.read(zip.entry('xl/workbook.xml'));
 *   zip.inflate(entry, (chunk) => scan(chunk));  // streamed, counted, CRC-checked
 *
 * Refused, each with its own `ImportError` code (`limit-errors.ts`): ZIP64 and multi-disk
 * archives, encrypted parts (ZIP passwords, strong encryption, AES), compression other than
 * stored and Deflate, more than `maxEntries` parts, duplicate names, a local header that
 * disagrees with the central directory (name, method, flags, sizes, CRC), parts whose bytes
 * overlap (the "non-recursive" ZIP bomb that makes many parts of one compressed kernel),
 * declared sizes adding up to more than the budget, and while inflating: a part producing more
 * bytes than it declares (stopped at once), the budget exceeded, a corrupt Deflate stream, a
 * CRC-32 mismatch. The checks are strict so that another ZIP reader given the same bytes (the
 * JSZip inside exceljs) cannot see different parts: one end record, the central directory
 * right before it, every part where the directory says.
 *
 * Pure (no Node, no DOM), synchronous; run it in a worker. Names are returned as stored (a
 * leading `/` dropped): callers never use them as file paths.
 */
import { Inflate } from 'fflate';
import { bi, type ImportErrorDetails } from './errors';
import { LIMIT_ERRORS } from './limit-errors';
import { MAX_UNPACKED_BYTES, MAX_ZIP_ENTRIES } from './limits';
import { crc32 } from './crc32';

export interface ZipLimits {
  /** Default `MAX_UNPACKED_BYTES` (200 MiB), all parts together. */
  maxUnpackedBytes?: number;
  /** Default `MAX_ZIP_ENTRIES` (10,000). */
  maxEntries?: number;
}

export interface ZipEntry {
  /** As stored, without a leading `/`. */
  name: string;
  method: 0 | 8;
  /** Declared, checked against what inflating produces. */
  size: number;
  compressedSize: number;
  crc32: number;
  /** Where the part's local header starts. */
  offset: number;
  /** Where its compressed bytes start. */
  dataOffset: number;
  directory: boolean;
}

export interface CheckedZip {
  readonly entries: readonly ZipEntry[];
  /** The entry of that name (a leading `/` ignored), if any. */
  entry(name: string): ZipEntry | undefined;
  /**
   * Streams the part's bytes to `onChunk` (each chunk valid only during the call), counted
   * against the budget left and the size the part declares; checks its CRC-32 at the end.
   * An error thrown by `onChunk` stops inflating and propagates.
   */
  inflate(entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): void;
  /** The part's bytes, through `inflate`. */
  read(entry: ZipEntry): Uint8Array;
  /** Bytes inflated so far, all parts together. */
  readonly inflatedBytes: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const AES_EXTRA = 0x9901;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_STRONG = 0x0040;
const FLAG_MASKED = 0x2000;
const METHOD_AES = 99;
/**
 * Compressed bytes handed to fflate at a time. Deflate expands at most ~1,032 times, so a part
 * is pushed in steps that can produce no more than about its declared size (at least 1 KiB,
 * at most 16 KiB): a part lying about its size is stopped after about 1 MiB, not 16.
 */
const PUSH_BYTES = 16 * 1024;
const MIN_PUSH_BYTES = 1024;
const MAX_DEFLATE_RATIO = 1032;

const damaged = (zh: string, en: string, where: ImportErrorDetails = {}, cause?: unknown) =>
  LIMIT_ERRORS.damaged(bi(zh, en), where, cause);

function findEndRecord(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw damaged(
    '找不到壓縮檔的目錄（檔尾遺失）',
    'the archive has no directory (its end is missing)',
  );
}

/** Header IDs of an extra field, or `null` when it is not well formed. */
function extraIds(view: DataView, start: number, length: number): number[] | null {
  const ids: number[] = [];
  for (let p = start; p < start + length;) {
    if (p + 4 > start + length) return null;
    ids.push(view.getUint16(p, true));
    p += 4 + view.getUint16(p + 2, true);
    if (p > start + length) return null;
  }
  return ids;
}

function sameBytes(bytes: Uint8Array, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (bytes[a + k] !== bytes[b + k]) return false;
  return true;
}

interface CentralRecord extends ZipEntry {
  flags: number;
  nameStart: number;
  nameLength: number;
}

/** One central directory record at `p`, checked; returns it and where the next one starts. */
function centralRecord(bytes: Uint8Array, view: DataView, p: number, end: number) {
  if (p + 46 > end || view.getUint32(p, true) !== CENTRAL) {
    throw damaged('壓縮檔的目錄不完整', 'the archive directory is incomplete', { offset: p });
  }
  const flags = view.getUint16(p + 8, true);
  const method = view.getUint16(p + 10, true);
  const crc = view.getUint32(p + 16, true);
  const compressedSize = view.getUint32(p + 20, true);
  const size = view.getUint32(p + 24, true);
  const nameLength = view.getUint16(p + 28, true);
  const extraLength = view.getUint16(p + 30, true);
  const commentLength = view.getUint16(p + 32, true);
  const disk = view.getUint16(p + 34, true);
  const offset = view.getUint32(p + 42, true);
  const next = p + 46 + nameLength + extraLength + commentLength;
  if (next > end) {
    throw damaged('壓縮檔的目錄不完整', 'the archive directory is incomplete', { offset: p });
  }
  const nameStart = p + 46;
  const raw = new TextDecoder().decode(bytes.subarray(nameStart, nameStart + nameLength));
  const name = raw.replace(/^\//, '');
  const where = { part: name, offset };
  const ids = extraIds(view, nameStart + nameLength, extraLength);
  if (
    size === 0xffffffff ||
    compressedSize === 0xffffffff ||
    offset === 0xffffffff ||
    disk === 0xffff ||
    ids?.includes(ZIP64_EXTRA) === true
  ) {
    throw LIMIT_ERRORS.zip64(where);
  }
  if (
    (flags & (FLAG_ENCRYPTED | FLAG_STRONG | FLAG_MASKED)) !== 0 ||
    method === METHOD_AES ||
    ids?.includes(AES_EXTRA) === true
  ) {
    throw LIMIT_ERRORS.encryptedEntry(where);
  }
  if (method !== 0 && method !== 8) throw LIMIT_ERRORS.unsupportedMethod(method, where);
  if (disk !== 0) throw damaged('壓縮檔分成多個磁碟檔', 'the archive spans several disks', where);
  if (method === 0 && compressedSize !== size) {
    throw LIMIT_ERRORS.sizeMismatch(size, compressedSize > size, where);
  }
  const record: CentralRecord = {
    name,
    method,
    size,
    compressedSize,
    crc32: crc,
    offset,
    dataOffset: 0,
    directory: name.endsWith('/'),
    flags,
    nameStart,
    nameLength,
  };
  return { record, next };
}

/** Checks the local header against the central record; sets `dataOffset`. */
function checkLocalHeader(
  bytes: Uint8Array,
  view: DataView,
  record: CentralRecord,
  directoryStart: number,
) {
  const at = record.offset;
  const where = { part: record.name, offset: at };
  if (at + 30 > directoryStart || view.getUint32(at, true) !== LOCAL) {
    throw damaged('找不到組件的本地標頭', 'the part has no local header', where);
  }
  const flags = view.getUint16(at + 6, true);
  const method = view.getUint16(at + 8, true);
  const nameLength = view.getUint16(at + 26, true);
  const extraLength = view.getUint16(at + 28, true);
  const ids = extraIds(view, at + 30 + nameLength, extraLength);
  if (ids?.includes(ZIP64_EXTRA) === true) throw LIMIT_ERRORS.zip64(where);
  if ((flags & (FLAG_ENCRYPTED | FLAG_STRONG)) !== 0 || method === METHOD_AES) {
    throw LIMIT_ERRORS.encryptedEntry(where);
  }
  if (method !== record.method) throw LIMIT_ERRORS.headerMismatch('compression method', where);
  if ((flags & FLAG_DESCRIPTOR) !== (record.flags & FLAG_DESCRIPTOR)) {
    throw LIMIT_ERRORS.headerMismatch('flags', where);
  }
  if (
    nameLength !== record.nameLength ||
    !sameBytes(bytes, at + 30, record.nameStart, nameLength)
  ) {
    throw LIMIT_ERRORS.headerMismatch('name', where);
  }
  // With a data descriptor (flag 3) the local header may leave CRC and sizes at zero.
  if ((flags & FLAG_DESCRIPTOR) === 0) {
    if (view.getUint32(at + 14, true) !== record.crc32) {
      throw LIMIT_ERRORS.headerMismatch('CRC-32', where);
    }
    if (
      view.getUint32(at + 18, true) !== record.compressedSize ||
      view.getUint32(at + 22, true) !== record.size
    ) {
      throw LIMIT_ERRORS.headerMismatch('sizes', where);
    }
  }
  record.dataOffset = at + 30 + nameLength + extraLength;
  if (record.dataOffset + record.compressedSize > directoryStart) {
    throw damaged('組件的資料超出檔案範圍', 'the part runs past its end', where);
  }
}

/** Parts sorted by offset may not share bytes: each ends before the next header starts. */
function checkOverlaps(records: readonly CentralRecord[]) {
  const sorted = [...records].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1] as CentralRecord;
    const after = sorted[i] as CentralRecord;
    const end =
      before.dataOffset +
      before.compressedSize +
      // A data descriptor is at least 12 bytes (CRC and sizes, without its signature).
      ((before.flags & FLAG_DESCRIPTOR) !== 0 ? 12 : 0);
    if (after.offset < end) {
      throw LIMIT_ERRORS.overlapping(before.name, { part: after.name, offset: after.offset });
    }
  }
}

/**
 * Opens `bytes` as a ZIP archive after checking its whole directory (see the module comment).
 * Nothing is inflated yet. Throws an `ImportError`.
 */
export function openCheckedZip(bytes: Uint8Array, limits: ZipLimits = {}): CheckedZip {
  const maxUnpacked = limits.maxUnpackedBytes ?? MAX_UNPACKED_BYTES;
  const maxEntries = limits.maxEntries ?? MAX_ZIP_ENTRIES;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw damaged('檔案太短', 'the file is too short');
  const eocd = findEndRecord(view);
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    throw LIMIT_ERRORS.zip64({ offset: eocd - 20 });
  }
  const disk = view.getUint16(eocd + 4, true);
  const directoryDisk = view.getUint16(eocd + 6, true);
  const diskEntries = view.getUint16(eocd + 8, true);
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const start = view.getUint32(eocd + 16, true);
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) {
    throw LIMIT_ERRORS.zip64({ offset: eocd });
  }
  if (disk !== 0 || directoryDisk !== 0 || diskEntries !== count) {
    throw damaged('壓縮檔分成多個磁碟檔', 'the archive spans several disks', { offset: eocd });
  }
  if (count > maxEntries) throw LIMIT_ERRORS.tooManyEntries(count, maxEntries);
  // The directory ends where the end record starts: nothing hidden between or before.
  if (start + size !== eocd) {
    throw damaged('壓縮檔的目錄位置不符', 'the archive directory is not where it says', {
      offset: eocd,
    });
  }

  const records: CentralRecord[] = [];
  const byName = new Map<string, CentralRecord>();
  let declared = 0;
  let p = start;
  for (let k = 0; k < count; k++) {
    const { record, next } = centralRecord(bytes, view, p, eocd);
    if (byName.has(record.name)) {
      throw damaged('兩個組件同名', 'two parts have the same name', {
        part: record.name,
        offset: record.offset,
      });
    }
    checkLocalHeader(bytes, view, record, start);
    byName.set(record.name, record);
    records.push(record);
    declared += record.size;
    p = next;
  }
  if (p !== eocd) {
    throw damaged(
      '壓縮檔的目錄與項目數不符',
      'the archive directory does not match its entry count',
      {
        offset: p,
      },
    );
  }
  checkOverlaps(records);
  if (declared > maxUnpacked) throw LIMIT_ERRORS.declaredTooLarge(declared, maxUnpacked);

  let inflatedBytes = 0;
  const inflate = (entry: ZipEntry, onChunk: (chunk: Uint8Array) => void) => {
    const where = { part: entry.name, offset: entry.offset };
    let produced = 0;
    let crc = crc32.start();
    // What `take` threw (our refusal, or the consumer's own error) passes through fflate as is.
    let thrown: unknown = null;
    const take = (chunk: Uint8Array) => {
      if (chunk.length === 0) return;
      produced += chunk.length;
      try {
        // Stopped the moment a part outgrows what it declares or the budget left: the bytes
        // counted are those inflated, never a size the file states.
        if (produced > entry.size) throw LIMIT_ERRORS.sizeMismatch(entry.size, true, where);
        if (inflatedBytes + produced > maxUnpacked) {
          throw LIMIT_ERRORS.unpackedTooLarge(maxUnpacked, where);
        }
        crc = crc32.update(crc, chunk);
        onChunk(chunk);
      } catch (error) {
        thrown = error;
        throw error;
      }
    };
    const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    if (entry.method === 0) {
      for (let at = 0; at < data.length; at += PUSH_BYTES) take(data.subarray(at, at + PUSH_BYTES));
    } else {
      const inflater = new Inflate((chunk) => take(chunk));
      const fits = Math.ceil(Math.min(entry.size, maxUnpacked - inflatedBytes) / MAX_DEFLATE_RATIO);
      const step = Math.min(PUSH_BYTES, Math.max(MIN_PUSH_BYTES, fits));
      try {
        if (data.length === 0) inflater.push(data, true);
        for (let at = 0; at < data.length; at += step) {
          inflater.push(data.subarray(at, at + step), at + step >= data.length);
        }
      } catch (error) {
        if (error === thrown) throw error;
        throw damaged(
          '組件的壓縮資料已損壞',
          'the compressed data of a part is corrupt',
          where,
          error,
        );
      }
    }
    inflatedBytes += produced;
    if (produced !== entry.size) {
      throw LIMIT_ERRORS.sizeMismatch(entry.size, produced > entry.size, where);
    }
    if (crc32.end(crc) !== entry.crc32) {
      throw damaged('組件的 CRC-32 檢查碼不符', 'a part fails its CRC-32 check', where);
    }
  };

  return {
    entries: records,
    entry: (name) => byName.get(name.replace(/^\//, '')),
    inflate,
    read(entry) {
      if (entry.method === 0) {
        // Stored: checked (size, CRC, budget) as it is, then handed out as a view of the
        // file's bytes, so a large part (an evidence file) is not held a second time.
        inflate(entry, () => undefined);
        return bytes.subarray(entry.dataOffset, entry.dataOffset + entry.size);
      }
      const out = new Uint8Array(entry.size);
      let at = 0;
      inflate(entry, (chunk) => {
        out.set(chunk, at);
        at += chunk.length;
      });
      return out;
    },
    get inflatedBytes() {
      return inflatedBytes;
    },
  };
}
