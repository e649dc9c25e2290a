/**
 * A ZIP writer that writes what it is told, lies included, for the tests and the hostile
 * corpus (`test/hostile/corpus.ts`): declared sizes and CRCs that are not the data's, flags,
 * extra fields, a local header that disagrees with the central directory, parts at chosen
 * offsets. Not for real files: `xlsx-write.ts` writes those with exceljs.
 */
import { deflateSync } from 'fflate';
import { crc32 } from '../crc32';

export interface RawEntry {
  name: string;
  /** The part's content; its CRC and size are the defaults of `crc` and `size`. */
  data?: Uint8Array;
  /** 8 (Deflate, default) or 0 (stored), or any other number to test refusals. */
  method?: number;
  /** The compressed bytes as written; default `data` deflated (or stored). */
  compressed?: Uint8Array;
  /** Declared unpacked size; default `data.length`. */
  size?: number;
  crc?: number;
  flags?: number;
  centralExtra?: Uint8Array;
  localExtra?: Uint8Array;
  /** Written in the local header instead of `flags`. */
  localFlags?: number;
  /** Written in the local header instead of `name`. */
  localName?: string;
  localMethod?: number;
  /** Overrides the local header's offset in the central directory (0xffffffff: ZIP64). */
  centralOffset?: number;
}

export interface RawZipOptions {
  /** A ZIP64 end-of-central-directory locator before the end record. */
  zip64Locator?: boolean;
  /** The entry count the end record declares; default the real count. */
  declaredCount?: number;
}

const encoder = new TextEncoder();

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

interface HeaderFields {
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  name: Uint8Array;
  extra: Uint8Array;
}

export function localHeader(h: HeaderFields): Uint8Array {
  const out = new Uint8Array(30 + h.name.length + h.extra.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x04034b50, true);
  view.setUint16(4, 20, true);
  view.setUint16(6, h.flags, true);
  view.setUint16(8, h.method, true);
  view.setUint32(14, h.crc, true);
  view.setUint32(18, h.compressedSize, true);
  view.setUint32(22, h.size, true);
  view.setUint16(26, h.name.length, true);
  view.setUint16(28, h.extra.length, true);
  out.set(h.name, 30);
  out.set(h.extra, 30 + h.name.length);
  return out;
}

export function centralHeader(h: HeaderFields & { offset: number }): Uint8Array {
  const out = new Uint8Array(46 + h.name.length + h.extra.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x02014b50, true);
  view.setUint16(4, 20, true);
  view.setUint16(6, 20, true);
  view.setUint16(8, h.flags, true);
  view.setUint16(10, h.method, true);
  view.setUint32(16, h.crc, true);
  view.setUint32(20, h.compressedSize, true);
  view.setUint32(24, h.size, true);
  view.setUint16(28, h.name.length, true);
  view.setUint16(30, h.extra.length, true);
  view.setUint32(42, h.offset, true);
  out.set(h.name, 46);
  out.set(h.extra, 46 + h.name.length);
  return out;
}

export function endRecord(count: number, size: number, offset: number): Uint8Array {
  const out = new Uint8Array(22);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, count, true);
  view.setUint16(10, count, true);
  view.setUint32(12, size, true);
  view.setUint32(16, offset, true);
  return out;
}

/** A ZIP64 end-of-central-directory locator (20 bytes), as a ZIP64 writer puts it. */
export function zip64Locator(): Uint8Array {
  const out = new Uint8Array(20);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x07064b50, true);
  view.setUint32(16, 1, true);
  return out;
}

export function rawZip(entries: readonly RawEntry[], options: RawZipOptions = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = entry.data ?? new Uint8Array(0);
    const method = entry.method ?? 8;
    const compressed = entry.compressed ?? (method === 8 ? deflateSync(data) : data);
    const fields: HeaderFields = {
      flags: entry.flags ?? 0,
      method,
      crc: entry.crc ?? crc32.of(data),
      compressedSize: compressed.length,
      size: entry.size ?? data.length,
      name: encoder.encode(entry.name),
      extra: entry.centralExtra ?? new Uint8Array(0),
    };
    const local = localHeader({
      ...fields,
      flags: entry.localFlags ?? fields.flags,
      method: entry.localMethod ?? method,
      name: encoder.encode(entry.localName ?? entry.name),
      extra: entry.localExtra ?? new Uint8Array(0),
    });
    centrals.push(centralHeader({ ...fields, offset: entry.centralOffset ?? offset }));
    locals.push(local, compressed);
    offset += local.length + compressed.length;
  }
  const directory = concat(centrals);
  return concat([
    ...locals,
    directory,
    ...(options.zip64Locator === true ? [zip64Locator()] : []),
    endRecord(options.declaredCount ?? entries.length, directory.length, offset),
  ]);
}

// ——— A minimal workbook, part by part ———

const text = (s: string) => encoder.encode(s);
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The parts of a one-sheet workbook named `sheetName`, its sheet part holding `sheetXml`. */
export function xlsxEntries(
  sheetBody: string,
  options: { sheetName?: string; definedNames?: string } = {},
): RawEntry[] {
  const name = options.sheetName ?? 'Sheet1';
  return [
    {
      name: '[Content_Types].xml',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
          `<sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets>${options.definedNames ?? ''}</workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}">${sheetBody}</worksheet>`,
      ),
    },
  ];
}

/** `xlsxEntries` as a file. */
export function rawXlsx(sheetBody: string, options?: Parameters<typeof xlsxEntries>[1]) {
  return rawZip(xlsxEntries(sheetBody, options));
}
