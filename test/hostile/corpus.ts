/**
 * Hostile files anyone can make in a minute, generated (never committed) for
 * `hostile.test.ts`: ZIP bombs, ZIP64 and encrypted ZIP parts, workbooks past Excel's grid,
 * CSVs of nothing but line breaks or commas, protected workpapers asking for billions of
 * hashing rounds, truncated and garbled files. Each names the readers it goes through and the
 * refusal expected, code and words in both languages.
 *
 * Generating is fast: the 1.5 GiB bomb repeats one full-flushed Deflate segment instead of
 * deflating 1.5 GiB, and the overlapping bomb shares one kernel among all its parts.
 */
import * as CFB from 'cfb';
import { crc32 as zlibCrc32, constants, deflateRawSync } from 'node:zlib';
import { run, type CliIo } from '../../electron/cli/main';
import { buildXlsx } from '../../shared/import/xlsx-read';
import {
  centralHeader,
  concat,
  endRecord,
  localHeader,
  rawZip,
  xlsxEntries,
  type RawEntry,
} from '../../shared/import/testing/raw-zip';
import { encryptOoxml } from '../../shared/workpapers/encryption';

export type Reader =
  /** What the import wizard's worker does: `analyseFile` → `readTable`. */
  | 'register-import'
  /** What the workpaper import's worker does: `runImportWorkpaperJob` (decrypt, read, check). */
  | 'workpaper-import'
  /** The command line: `audit-workbench inspect FILE`, the bundle `npm run cli` builds. */
  | 'cli-inspect';

export interface Expected {
  code: string;
  /** Words the English and the zh-TW message contain. */
  en: string;
  zh: string;
}

export interface CorpusFile {
  name: string;
  what: string;
  readers: readonly Reader[];
  /** `null`: a control the readers accept. */
  expect: Expected | null;
  /** The password the protected ones were written with. */
  password?: string;
  build: () => Promise<Uint8Array> | Uint8Array;
}

export const PASSWORD = 'hostile corpus';
const MiB = 1024 * 1024;
const text = (s: string) => new TextEncoder().encode(s);
const XLSX_READERS = ['register-import', 'workpaper-import', 'cli-inspect'] as const;
const PROTECTED_READERS = ['workpaper-import', 'cli-inspect'] as const;
const SHEET = 'xl/worksheets/sheet1.xml';

/** Deflate of `repeat` MiB of spaces: one full-flushed segment repeated, then a final block. */
function spacesDeflated(repeat: number): Uint8Array {
  const segment = deflateRawSync(new Uint8Array(MiB).fill(0x20), {
    level: 9,
    finishFlush: constants.Z_FULL_FLUSH,
  });
  const out = new Uint8Array(segment.length * repeat + 2);
  for (let i = 0; i < repeat; i++) out.set(segment, i * segment.length);
  // A final, empty block with fixed codes: BFINAL 1, BTYPE 01, end of block.
  out.set([0x03, 0x00], segment.length * repeat);
  return out;
}

/** zlib's crc32_combine: the CRC of A‖B from those of A and B and B's length. */
function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  const times = (matrix: Uint32Array, vector: number) => {
    let sum = 0;
    for (let i = 0; vector !== 0; i++, vector >>>= 1) if (vector & 1) sum ^= matrix[i] as number;
    return sum >>> 0;
  };
  const square = (matrix: Uint32Array) => matrix.map((_, n) => times(matrix, matrix[n] as number));
  let odd = new Uint32Array(32);
  odd[0] = 0xedb88320;
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row;
  let even = square(odd);
  odd = square(even);
  let crc = crcA >>> 0;
  for (let length = lengthB; length > 0;) {
    even = square(odd);
    if (length & 1) crc = times(even, crc);
    length >>>= 1;
    if (length === 0) break;
    odd = square(even);
    if (length & 1) crc = times(odd, crc);
    length >>>= 1;
  }
  return (crc ^ crcB) >>> 0;
}

function crcOfSpaces(mib: number): number {
  const one = zlibCrc32(new Uint8Array(MiB).fill(0x20));
  let crc = one;
  for (let i = 1; i < mib; i++) crc = crc32Combine(crc, one, MiB);
  return crc;
}

/** A large part deflated by zlib (fast) rather than fflate, with its CRC. */
function natively(data: Uint8Array): Partial<RawEntry> {
  return { data, compressed: deflateRawSync(data, { level: 1 }), crc: zlibCrc32(data) };
}

/** The workbook parts around a sheet part given as a raw entry. */
function workbookWith(sheet: Partial<RawEntry>, extra: RawEntry[] = []): RawEntry[] {
  return [
    ...xlsxEntries('<sheetData/>').map((e) => (e.name === SHEET ? { ...e, ...sheet } : e)),
    ...extra,
  ];
}

/**
 * David Fifield's "non-recursive" ZIP bomb: every part's Deflate stream starts with a stored
 * block quoting the next part's local header, then runs into that part's data, so all parts
 * share one kernel and each inflates to the kernel plus the headers after it.
 */
function overlappingBomb(parts: number, kernelMiB: number): Uint8Array {
  const kernel = spacesDeflated(kernelMiB);
  const kernelSize = kernelMiB * MiB;
  const kernelCrc = crcOfSpaces(kernelMiB);
  const names = Array.from({ length: parts }, (_, i) => text(`xl/media/image${i + 1}.png`));
  // From the last part back: its local header, then what the part before it quotes.
  const headers: Uint8Array[] = new Array<Uint8Array>(parts);
  const fields = new Array<Parameters<typeof localHeader>[0]>(parts);
  let size = kernelSize;
  let crc = kernelCrc;
  let compressedSize = kernel.length;
  for (let i = parts - 1; i >= 0; i--) {
    const header = { flags: 0, method: 8, crc, compressedSize, size, name: names[i] as Uint8Array };
    const own = { ...header, extra: new Uint8Array(0) };
    fields[i] = own;
    headers[i] = localHeader(own);
    if (i === 0) break;
    // The part before quotes this header in a stored, non-final block (5 bytes of framing).
    const quoted = headers[i] as Uint8Array;
    const length = quoted.length;
    const framing = Uint8Array.of(
      0x00,
      length & 0xff,
      length >> 8,
      ~length & 0xff,
      (~length >> 8) & 0xff,
    );
    crc = crc32Combine(zlibCrc32(quoted), crc, size);
    size += quoted.length;
    compressedSize += framing.length + quoted.length;
    headers[i] = concat([framing, quoted]);
  }
  // Layout: header 1, [framing 1, header 2], [framing 2, header 3], …, kernel.
  const first = localHeader(fields[0] as Parameters<typeof localHeader>[0]);
  const body: Uint8Array[] = [first];
  const offsets = [0];
  let at = first.length;
  for (let i = 1; i < parts; i++) {
    const framed = headers[i] as Uint8Array;
    body.push(framed);
    offsets.push(at + 5);
    at += framed.length;
  }
  body.push(kernel);
  at += kernel.length;
  const central = fields.map((f, i) => centralHeader({ ...f, offset: offsets[i] as number }));
  const directory = concat(central);
  const bomb = concat([...body, directory, endRecord(parts, directory.length, at)]);
  return bomb;
}

/** A workbook around `overlappingBomb`: the bomb's parts first, then the workbook's. */
function overlappingBombXlsx(): Uint8Array {
  // Simplest honest container: the bomb's ZIP with the workbook parts appended before its
  // directory would shift offsets, so the workbook parts go in front and the bomb's offsets
  // are moved past them.
  const front = rawZip(xlsxEntries('<sheetData/>'));
  const frontView = new DataView(front.buffer);
  const frontEnd = front.length - 22;
  const frontDirectoryStart = frontView.getUint32(frontEnd + 16, true);
  const frontDirectory = front.subarray(frontDirectoryStart, frontEnd);
  const frontCount = frontView.getUint16(frontEnd + 10, true);
  const bomb = overlappingBomb(200, 8);
  const bombView = new DataView(bomb.buffer);
  const bombEnd = bomb.length - 22;
  const bombDirectoryStart = bombView.getUint32(bombEnd + 16, true);
  const bombDirectory = bomb.slice(bombDirectoryStart, bombEnd);
  const shift = frontDirectoryStart;
  const count = bombView.getUint16(bombEnd + 10, true);
  const directoryView = new DataView(bombDirectory.buffer);
  for (let p = 0, k = 0; k < count; k++) {
    directoryView.setUint32(p + 42, directoryView.getUint32(p + 42, true) + shift, true);
    p += 46 + directoryView.getUint16(p + 28, true);
  }
  const directory = concat([frontDirectory, bombDirectory]);
  const dataEnd = shift + bombDirectoryStart;
  return concat([
    front.subarray(0, frontDirectoryStart),
    bomb.subarray(0, bombDirectoryStart),
    directory,
    endRecord(frontCount + count, directory.length, dataEnd),
  ]);
}

function cellsSheet(rows: number, columns: number): string {
  const letters = Array.from({ length: columns }, (_, c) => String.fromCharCode(65 + c));
  const out: string[] = [];
  for (let r = 1; r <= rows; r++) {
    out.push(`<row r="${r}">${letters.map((l) => `<c r="${l}${r}"><v>1</v></c>`).join('')}</row>`);
  }
  return `<sheetData>${out.join('')}</sheetData>`;
}

/** The CLI's sample workpaper (the demo engagement), as a user would have it; made once. */
const samples = new Map<string, Promise<Uint8Array>>();
function sampleWorkpaper(password?: string): Promise<Uint8Array> {
  const key = password ?? '';
  const made = samples.get(key) ?? writeSample(password);
  samples.set(key, made);
  return made.then((bytes) => bytes.slice());
}

async function writeSample(password?: string): Promise<Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const io: CliIo = {
    stdout: () => undefined,
    stderr: () => undefined,
    writeFile: (path, bytes) => {
      files.set(path, bytes);
      return Promise.resolve();
    },
    readFile: () => Promise.reject(new Error('not used')),
    env: password === undefined ? {} : { AW_WORKPAPER_PASSWORD: password },
    spinCount: 1000,
  };
  const code = await run(['sample', '--out', 'sample.xlsx'], io);
  const bytes = files.get('sample.xlsx');
  if (code !== 0 || bytes === undefined) throw new Error('the sample workpaper was not written');
  return bytes;
}

/** A protected file with its EncryptionInfo XML (or the EncryptedPackage) rewritten. */
function rewriteProtected(
  bytes: Uint8Array,
  stream: 'EncryptionInfo' | 'EncryptedPackage',
  change: (content: Uint8Array) => Uint8Array,
): Uint8Array {
  const container = CFB.read(bytes, { type: 'array' });
  const entry = CFB.find(container, `/${stream}`);
  if (entry === null) throw new Error(`no ${stream}`);
  const content = Uint8Array.from(entry.content).subarray(0, entry.size);
  CFB.utils.cfb_add(container, `/${stream}`, change(content));
  return Uint8Array.from(CFB.write(container, { type: 'array' }) as Uint8Array);
}

function withInfoXml(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  return rewriteProtected(bytes, 'EncryptionInfo', (content) =>
    concat([content.subarray(0, 8), text(edit(new TextDecoder().decode(content.subarray(8))))]),
  );
}

const protectedSample = () => sampleWorkpaper(PASSWORD);

const bomb10Bytes = () =>
  rawZip(workbookWith({ compressed: spacesDeflated(1536), size: 10, crc: 0 }));

export const CORPUS: readonly CorpusFile[] = [
  {
    name: 'bomb-declares-10-bytes.xlsx',
    what: 'a sheet declaring 10 bytes that inflates to 1.5 GiB',
    readers: XLSX_READERS,
    expect: { code: 'zip-size-mismatch', en: 'declares 10 bytes unpacked', zh: 'ZIP 炸彈' },
    build: bomb10Bytes,
  },
  {
    name: 'bomb-overlapping-entries.xlsx',
    what: '200 parts sharing one 8 MiB kernel (1.6 GiB in all)',
    readers: XLSX_READERS,
    expect: {
      code: 'zip-overlapping-entries',
      en: 'overlapping ZIP entries',
      zh: '重疊的 ZIP 項目',
    },
    build: overlappingBombXlsx,
  },
  {
    name: 'bomb-honest-sizes.xlsx',
    what: 'twelve parts of 24 MiB each, declared truthfully (288 MiB)',
    readers: XLSX_READERS,
    expect: { code: 'unpacked-too-large', en: 'over the limit of 200 MiB', zh: '超過上限 200 MiB' },
    build: () => {
      const compressed = spacesDeflated(24);
      const crc = crcOfSpaces(24);
      const parts = Array.from({ length: 12 }, (_, i) => ({
        name: `xl/media/image${i + 1}.png`,
        compressed,
        size: 24 * MiB,
        crc,
      }));
      return rawZip(workbookWith({}, parts));
    },
  },
  {
    name: 'zip64.xlsx',
    what: 'a sheet with ZIP64 sizes, as a ZIP64 writer marks them',
    readers: XLSX_READERS,
    expect: { code: 'zip64', en: 'ZIP64', zh: 'ZIP64' },
    build: () => {
      const extra = new Uint8Array(20);
      const view = new DataView(extra.buffer);
      view.setUint16(0, 0x0001, true);
      view.setUint16(2, 16, true);
      return rawZip(workbookWith({ centralExtra: extra, localExtra: extra }));
    },
  },
  {
    name: 'encrypted-entry.xlsx',
    what: 'a sheet encrypted with a ZIP password',
    readers: XLSX_READERS,
    expect: { code: 'zip-encrypted', en: 'encrypted with a ZIP password', zh: 'ZIP 密碼' },
    build: () => rawZip(workbookWith({ flags: 0x0001 })),
  },
  {
    name: 'unknown-method.xlsx',
    what: 'a sheet compressed with LZMA (method 14)',
    readers: XLSX_READERS,
    expect: { code: 'zip-unsupported-method', en: 'compression method (14)', zh: '代碼 14' },
    build: () => rawZip(workbookWith({ method: 14 })),
  },
  {
    name: 'local-header-mismatch.xlsx',
    what: 'a sheet whose local header names another part',
    readers: XLSX_READERS,
    expect: {
      code: 'zip-header-mismatch',
      en: 'disagrees with the central directory (name)',
      zh: '本地標頭與中央目錄不一致',
    },
    build: () => rawZip(workbookWith({ localName: 'xl/worksheets/sheet9.xml' })),
  },
  {
    name: 'too-many-entries.xlsx',
    what: '10,001 empty parts',
    readers: XLSX_READERS,
    expect: {
      code: 'zip-too-many-entries',
      en: 'over the limit of 10,000',
      zh: '超過上限 10,000 個',
    },
    build: () =>
      rawZip(
        workbookWith(
          {},
          Array.from({ length: 9_996 }, (_, i) => ({ name: `p/${i}`, method: 0 })),
        ),
      ),
  },
  {
    name: 'row-20000000.xlsx',
    what: 'one cell in row 20,000,000 (1.4 KB)',
    readers: XLSX_READERS,
    expect: {
      code: 'too-many-rows',
      en: 'Row 20,000,000 is beyond Excel\'s limit of 1,048,576 rows (worksheet "Sheet1", row 20,000,000, part xl/worksheets/sheet1.xml)',
      zh: '第 20,000,000 列超過',
    },
    build: () =>
      rawZip(
        workbookWith({
          data: text(
            sheetXml(
              '<sheetData><row r="20000000"><c r="A20000000"><v>1</v></c></row></sheetData>',
            ),
          ),
        }),
      ),
  },
  {
    name: 'column-beyond-xfd.xlsx',
    what: 'one cell in column XFE',
    readers: XLSX_READERS,
    expect: { code: 'too-many-columns', en: 'Column XFE is beyond', zh: 'XFE 欄超過' },
    build: () =>
      rawZip(
        workbookWith({
          data: text(sheetXml('<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>')),
        }),
      ),
  },
  {
    name: 'too-many-cells.xlsx',
    what: '1,600,000 cells within Excel\u2019s grid (100,000 rows by 16 columns)',
    readers: XLSX_READERS,
    expect: {
      code: 'too-many-cells',
      en: 'More than the limit of 1,500,000 cells (counting every cell)',
      zh: '儲存格超過上限 1,500,000 個',
    },
    build: () => rawZip(workbookWith(natively(text(sheetXml(cellsSheet(100_000, 16)))))),
  },
  {
    name: 'merged-range.xlsx',
    what: 'one merge over A1:XFD1048576 (17 billion cells)',
    readers: XLSX_READERS,
    expect: { code: 'too-many-cells', en: 'a merged range covers', zh: '合併儲存格' },
    build: () =>
      rawZip(
        workbookWith({
          data: text(
            sheetXml(
              '<sheetData/><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
            ),
          ),
        }),
      ),
  },
  {
    name: 'validation-range.xlsx',
    what: 'one data validation over A1:XFD1048576',
    readers: XLSX_READERS,
    expect: { code: 'too-many-cells', en: 'a data validation covers', zh: '資料驗證範圍' },
    build: () =>
      rawZip(
        workbookWith({
          data: text(
            sheetXml(
              '<sheetData/><dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
            ),
          ),
        }),
      ),
  },
  {
    name: 'defined-name-range.xlsx',
    what: 'a defined name over $A$1:$XFD$1048576',
    readers: XLSX_READERS,
    expect: { code: 'too-many-cells', en: 'a defined name covers', zh: '已命名範圍' },
    build: () =>
      rawZip(
        xlsxEntries('<sheetData/>', {
          definedNames:
            '<definedNames><definedName name="all">Sheet1!$A$1:$XFD$1048576</definedName></definedNames>',
        }),
      ),
  },
  {
    name: 'col-max.xlsx',
    what: 'a <col> spanning 2,000,000,000 columns',
    readers: XLSX_READERS,
    expect: {
      code: 'too-many-columns',
      en: "beyond Excel's limit of 16,384 columns",
      zh: '16,384 欄',
    },
    build: () =>
      rawZip(
        workbookWith({
          data: text(
            sheetXml('<cols><col min="1" max="2000000000" width="9"/></cols><sheetData/>'),
          ),
        }),
      ),
  },
  {
    name: 'cell-too-long.xlsx',
    what: 'one cell of 10 MiB of text',
    readers: XLSX_READERS,
    expect: { code: 'cell-too-long', en: "over Excel's limit of 32,767", zh: '32,767 個' },
    build: () =>
      rawZip(
        workbookWith({
          data: text(
            sheetXml(
              `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(10 * MiB)}</t></is></c></row></sheetData>`,
            ),
          ),
        }),
      ),
  },
  {
    name: 'truncated-workpaper.xlsx',
    what: 'the sample workpaper cut in half',
    readers: XLSX_READERS,
    expect: { code: 'damaged', en: 'damaged or truncated', zh: '已損壞或不完整' },
    build: async () => {
      const bytes = await sampleWorkpaper();
      return bytes.subarray(0, bytes.length >> 1);
    },
  },
  {
    name: 'garbled-workpaper.xlsx',
    what: 'the sample workpaper with 64 bytes of its checklist sheet overwritten',
    readers: XLSX_READERS,
    expect: {
      code: 'damaged',
      en: 'part xl/worksheets/sheet2.xml',
      zh: '組件 xl/worksheets/sheet2.xml',
    },
    build: async () => {
      const bytes = (await sampleWorkpaper()).slice();
      const name = text('xl/worksheets/sheet2.xml');
      const view = new DataView(bytes.buffer);
      for (let at = 0; at + 30 < bytes.length; at++) {
        if (view.getUint32(at, true) !== 0x04034b50) continue;
        const nameLength = view.getUint16(at + 26, true);
        const found = bytes.subarray(at + 30, at + 30 + nameLength);
        if (found.length !== name.length || !name.every((b, k) => found[k] === b)) continue;
        const data = at + 30 + nameLength + view.getUint16(at + 28, true);
        bytes.fill(0x5a, data + 200, data + 264);
        return bytes;
      }
      throw new Error('no checklist sheet');
    },
  },
  {
    name: 'line-breaks.csv',
    what: '10 MiB of line breaks',
    readers: ['register-import'],
    expect: { code: 'too-many-rows', en: 'line 1,048,577', zh: '第 1,048,577 行' },
    build: () => new Uint8Array(10 * MiB).fill(0x0a),
  },
  {
    name: 'commas.csv',
    what: '10 MiB of commas',
    readers: ['register-import'],
    expect: { code: 'too-many-columns', en: 'Column XFE is beyond', zh: '第 1 行' },
    build: () => new Uint8Array(10 * MiB).fill(0x2c),
  },
  {
    name: 'long-field.csv',
    what: 'one field of 10 MiB',
    readers: ['register-import'],
    expect: { code: 'cell-too-long', en: 'A cell holds 10,485,760 characters', zh: '第 1 行' },
    build: () => new Uint8Array(10 * MiB).fill(0x78),
  },
  {
    name: 'too-many-cells.csv',
    what: '600,000 rows of three fields (1,800,000 cells, 3.4 MiB)',
    readers: ['register-import'],
    expect: {
      code: 'too-many-cells',
      en: 'row 500,001, column A, line 500,001',
      zh: '儲存格超過上限',
    },
    build: () => text('a,b,c\n'.repeat(600_000)),
  },
  {
    name: 'protected-spin-2^31.xlsx',
    what: 'a protected workpaper asking for 2,147,483,648 spin rounds',
    readers: PROTECTED_READERS,
    password: PASSWORD,
    expect: {
      code: 'spin-count-too-high',
      en: 'asks for 2,147,483,648 rounds',
      zh: '2,147,483,648 次',
    },
    build: async () =>
      withInfoXml(await protectedSample(), (xml) =>
        xml.replace(/spinCount="\d+"/, 'spinCount="2147483648"'),
      ),
  },
  {
    name: 'protected-spin-10M.xlsx',
    what: 'a protected workpaper asking for 10,000,000 rounds ([MS-OFFCRYPTO]\u2019s maximum)',
    readers: PROTECTED_READERS,
    password: PASSWORD,
    expect: {
      code: 'spin-count-too-high',
      en: 'over the limit of 500,000',
      zh: '超過上限 500,000 次',
    },
    build: async () =>
      withInfoXml(await protectedSample(), (xml) =>
        xml.replace(/spinCount="\d+"/, 'spinCount="10000000"'),
      ),
  },
  {
    name: 'protected-huge-package-size.xlsx',
    what: 'EncryptedPackage declaring 2^50 bytes',
    readers: PROTECTED_READERS,
    password: PASSWORD,
    expect: {
      code: 'damaged',
      en: 'EncryptedPackage declares 1,125,899,906,842,624 bytes',
      zh: '加密的檔案已損毀',
    },
    build: async () =>
      rewriteProtected(await protectedSample(), 'EncryptedPackage', (content) => {
        const out = content.slice();
        new DataView(out.buffer).setUint32(0, 0, true);
        new DataView(out.buffer).setUint32(4, 2 ** 18, true);
        return out;
      }),
  },
  {
    name: 'protected-huge-salt.xlsx',
    what: 'an EncryptionInfo with a 1 MiB salt',
    readers: PROTECTED_READERS,
    password: PASSWORD,
    expect: { code: 'too-large', en: 'EncryptionInfo of', zh: '加密的檔案結構過大' },
    build: async () =>
      withInfoXml(await protectedSample(), (xml) =>
        xml.replace(/saltValue="[^"]*"/, `saltValue="${Buffer.alloc(MiB).toString('base64')}"`),
      ),
  },
  {
    name: 'protected-absurd-key.xlsx',
    what: 'keys of 99,999,999 bits',
    readers: PROTECTED_READERS,
    password: PASSWORD,
    expect: {
      code: 'unsupported-encryption',
      en: 'keyBits 99999999',
      zh: '不支援此檔案的加密方式',
    },
    build: async () =>
      withInfoXml(await protectedSample(), (xml) =>
        xml.replace(/keyBits="256"/g, 'keyBits="99999999"'),
      ),
  },
  {
    name: 'protected-truncated.xlsx',
    what: 'a protected workpaper cut in half',
    readers: PROTECTED_READERS,
    password: PASSWORD,
    expect: { code: 'damaged', en: 'damaged', zh: '損毀' },
    build: async () => {
      const bytes = await protectedSample();
      return bytes.subarray(0, bytes.length >> 1);
    },
  },
  {
    name: 'protected-bomb.xlsx',
    what: 'the 10-byte bomb, password-protected: refused once decrypted',
    readers: PROTECTED_READERS,
    password: PASSWORD,
    expect: { code: 'zip-size-mismatch', en: 'declares 10 bytes unpacked', zh: 'ZIP 炸彈' },
    build: async () => encryptOoxml(bomb10Bytes(), PASSWORD, { spinCount: 1000 }),
  },
  // Controls: what the same harness accepts, so a refusal above is the file's doing.
  {
    name: 'control-sample.xlsx',
    what: 'the sample workpaper',
    readers: ['cli-inspect'],
    expect: null,
    build: () => sampleWorkpaper(),
  },
  {
    name: 'control-protected-sample.xlsx',
    what: 'the sample workpaper, password-protected',
    readers: ['cli-inspect'],
    password: PASSWORD,
    expect: null,
    build: protectedSample,
  },
  {
    name: 'control-roster.xlsx',
    what: 'a small roster',
    readers: ['register-import'],
    expect: null,
    build: () =>
      buildXlsx([
        {
          name: '名冊',
          rows: [
            ['員工編號', '姓名', '身分證字號'],
            ['E001', '王小明', 'A123456789'],
          ],
        },
      ]),
  },
];

function sheetXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}</worksheet>`;
}
