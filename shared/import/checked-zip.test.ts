import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openCheckedZip, type ZipLimits } from './checked-zip';
import { crc32 } from './crc32';
import { ImportError } from './errors';
import { centralHeader, endRecord, localHeader, rawZip, type RawEntry } from './testing/raw-zip';
import { buildXlsx } from './xlsx-read';

const text = (s: string) => new TextEncoder().encode(s);

function refusal(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

/** Opens and inflates every part, as the readers do. */
function readAll(bytes: Uint8Array, limits?: ZipLimits): Map<string, string> {
  const zip = openCheckedZip(bytes, limits);
  return new Map(zip.entries.map((e) => [e.name, new TextDecoder().decode(zip.read(e))]));
}

const TWO: RawEntry[] = [
  { name: 'a.xml', data: text('<a>first</a>') },
  { name: 'b.xml', data: text('<b>second</b>'), method: 0 },
];

describe('openCheckedZip: archives it reads', () => {
  it('reads deflated and stored parts, and what exceljs writes', async () => {
    expect(readAll(rawZip(TWO))).toEqual(
      new Map([
        ['a.xml', '<a>first</a>'],
        ['b.xml', '<b>second</b>'],
      ]),
    );
    const xlsx = await buildXlsx([{ name: 'S', rows: [['x', 1]] }]);
    const zip = openCheckedZip(xlsx);
    expect(zip.entry('/xl/workbook.xml')?.name).toBe('xl/workbook.xml');
    for (const entry of zip.entries) zip.read(entry);
    expect(zip.inflatedBytes).toBe(zip.entries.reduce((n, e) => n + e.size, 0));
  });

  it('hands out a stored part as a view of the file (held once), a deflated one as its own', () => {
    const bytes = rawZip(TWO);
    const zip = openCheckedZip(bytes);
    const [deflated, stored] = zip.entries;
    if (!deflated || !stored) throw new Error('two parts expected');
    expect(zip.read(stored).buffer).toBe(bytes.buffer);
    expect(zip.read(deflated).buffer).not.toBe(bytes.buffer);
    // The view is still checked: a flipped byte in the stored part fails its CRC-32.
    const flipped = bytes.slice();
    const at = stored.dataOffset;
    flipped[at] = (flipped[at] ?? 0) ^ 1;
    const damaged = openCheckedZip(flipped);
    const part = damaged.entries[1];
    if (!part) throw new Error('no part');
    expect(refusal(() => damaged.read(part)).message).toMatch(/CRC-32/);
  });

  it('streams a part in chunks, and stops when the consumer throws', () => {
    // Noise compresses poorly, so it takes many pushes of compressed bytes.
    let seed = 1;
    const big = Uint8Array.from(
      { length: 1024 * 1024 },
      () => (seed = (seed * 48271) % 2147483647) & 0xff,
    );
    const zip = openCheckedZip(rawZip([{ name: 'big.txt', data: big }]));
    const entry = zip.entries[0];
    if (entry === undefined) throw new Error('no entry');
    const sizes: number[] = [];
    zip.inflate(entry, (chunk) => sizes.push(chunk.length));
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(big.length);
    expect(() =>
      zip.inflate(entry, () => {
        throw new RangeError('enough');
      }),
    ).toThrow(RangeError);
  });
});

describe('openCheckedZip: archives it refuses', () => {
  it('a part that inflates past the size it declares, stopped at once', () => {
    const bomb = new Uint8Array(16 * 1024 * 1024);
    const bytes = rawZip([{ name: 'xl/worksheets/sheet1.xml', data: bomb, size: 10 }]);
    const zip = openCheckedZip(bytes);
    let seen = 0;
    const entry = zip.entries[0];
    if (entry === undefined) throw new Error('no entry');
    const error = refusal(() => zip.inflate(entry, (chunk) => (seen += chunk.length)));
    expect(error).toMatchObject({ code: 'zip-size-mismatch', part: 'xl/worksheets/sheet1.xml' });
    expect(error.text.en).toBe(
      'A part declares 10 bytes unpacked but unpacks to more (the mark of a ZIP bomb) (part xl/worksheets/sheet1.xml, byte offset 0): the file is damaged or was built to exhaust memory, and is not read.',
    );
    expect(error.text['zh-TW']).toContain('ZIP 炸彈');
    expect(seen).toBe(0);
  });

  it('a part that inflates to less than it declares', () => {
    const bytes = rawZip([{ name: 'a.xml', data: text('short'), size: 100 }]);
    expect(refusal(() => readAll(bytes)).code).toBe('zip-size-mismatch');
  });

  it('more than the budget, counted while inflating, even when the sizes add up', () => {
    const part = (name: string) => ({ name, data: new Uint8Array(600_000) });
    const bytes = rawZip([part('a'), part('b')]);
    // Declared 1.2 MB in all: refused unread against a 1 MB budget.
    const declared = refusal(() => openCheckedZip(bytes, { maxUnpackedBytes: 1_000_000 }));
    expect(declared.code).toBe('unpacked-too-large');
    expect(declared.text.en).toContain('declares 1.1 MiB unpacked');
    // The counter alone: each part within its size, the two past the budget.
    const zip = openCheckedZip(bytes, { maxUnpackedBytes: 2_000_000 });
    const [a, b] = zip.entries;
    if (a === undefined || b === undefined) throw new Error('no entries');
    zip.read(a);
    zip.read(b);
    expect(zip.inflatedBytes).toBe(1_200_000);
    // Every byte inflated counts, a part read twice included.
    const again = openCheckedZip(bytes, { maxUnpackedBytes: 1_300_000 });
    const [first] = again.entries;
    if (first === undefined) throw new Error('no entries');
    again.read(first);
    again.read(first);
    const error = refusal(() => again.read(first));
    expect(error).toMatchObject({ code: 'unpacked-too-large', part: 'a' });
    expect(error.text.en).toContain('more than the limit of 1.2 MiB (counted while unpacking)');
    expect(again.inflatedBytes).toBe(1_200_000);
  });

  it('ZIP64: the locator, the end record, a central field, an extra field', () => {
    expect(refusal(() => openCheckedZip(rawZip(TWO, { zip64Locator: true }))).code).toBe('zip64');
    expect(refusal(() => openCheckedZip(rawZip(TWO, { declaredCount: 0xffff }))).code).toBe(
      'zip64',
    );
    const marked = rawZip([{ ...TWO[0], name: 'a.xml', centralOffset: 0xffffffff }]);
    expect(refusal(() => openCheckedZip(marked)).code).toBe('zip64');
    const extra = Uint8Array.of(0x01, 0x00, 0x08, 0x00, 0, 0, 0, 0, 0, 0, 0, 0);
    const error = refusal(() =>
      openCheckedZip(rawZip([{ name: 'a.xml', data: text('a'), centralExtra: extra }])),
    );
    expect(error).toMatchObject({ code: 'zip64', part: 'a.xml' });
    expect(error.text.en).toContain('ZIP64');
    // In the local header only: a reader that follows the local headers would see ZIP64.
    const local = rawZip([{ name: 'a.xml', data: text('a'), localExtra: extra }]);
    expect(refusal(() => openCheckedZip(local)).code).toBe('zip64');
  });

  it('encrypted parts: a ZIP password, strong encryption, AES', () => {
    for (const entry of [
      { name: 'a.xml', data: text('a'), flags: 0x0001 },
      { name: 'a.xml', data: text('a'), flags: 0x0040 },
      { name: 'a.xml', data: text('a'), method: 99 },
      // Encrypted as either header says, whatever the other says.
      { name: 'a.xml', data: text('a'), localFlags: 0x0001 },
      { name: 'a.xml', data: text('a'), flags: 0x0001, localFlags: 0 },
    ]) {
      const error = refusal(() => openCheckedZip(rawZip([entry])));
      expect(error).toMatchObject({ code: 'zip-encrypted', part: 'a.xml' });
      expect(error.text['zh-TW']).toContain('ZIP 密碼');
    }
  });

  it('compression other than stored and Deflate', () => {
    const error = refusal(() =>
      openCheckedZip(rawZip([{ name: 'a', data: text('a'), method: 12 }])),
    );
    expect(error.code).toBe('zip-unsupported-method');
    expect(error.text.en).toContain('(12)');
  });

  it('a local header that disagrees with the central directory', () => {
    const cases: [Partial<RawEntry>, string][] = [
      [{ localName: 'b.xml' }, 'name'],
      [{ localMethod: 0 }, 'compression method'],
    ];
    for (const [lie, field] of cases) {
      const bytes = rawZip([{ name: 'a.xml', data: text('<a/>'), ...lie }]);
      const error = refusal(() => openCheckedZip(bytes));
      expect(error.code).toBe('zip-header-mismatch');
      expect(error.text.en).toContain(`(${field})`);
    }
    // The CRC in the local header differs from the central one.
    const bytes = rawZip([{ name: 'a.xml', data: text('<a/>') }]).slice();
    bytes[14] = (bytes[14] ?? 0) ^ 0xff;
    expect(refusal(() => openCheckedZip(bytes)).text.en).toContain('(CRC-32)');
  });

  it('overlapping parts: two names over the same compressed bytes', () => {
    const data = new Uint8Array(1000);
    const compressed = deflateSync(data);
    const fields = (name: string) => ({
      flags: 0,
      method: 8,
      crc: crc32.of(data),
      compressedSize: compressed.length,
      size: data.length,
      name: text(name),
      extra: new Uint8Array(0),
    });
    // b's local header sits inside a's compressed data.
    const a = localHeader(fields('a'));
    const b = localHeader(fields('b'));
    const body = new Uint8Array(a.length + compressed.length + b.length);
    body.set(a);
    body.set(b, a.length);
    body.set(compressed, a.length + b.length);
    const central = [
      centralHeader({ ...fields('a'), offset: 0 }),
      centralHeader({ ...fields('b'), offset: a.length }),
    ];
    const size = central.reduce((n, c) => n + c.length, 0);
    const bytes = new Uint8Array(body.length + size + 22);
    bytes.set(body);
    bytes.set(central[0] ?? [], body.length);
    bytes.set(central[1] ?? [], body.length + (central[0]?.length ?? 0));
    bytes.set(endRecord(2, size, body.length), body.length + size);
    const error = refusal(() => openCheckedZip(bytes));
    expect(error).toMatchObject({ code: 'zip-overlapping-entries', part: 'b', offset: a.length });
  });

  it('too many parts, before walking them', () => {
    const entries = Array.from({ length: 11 }, (_, i) => ({ name: `p${i}`, data: text('x') }));
    const error = refusal(() => openCheckedZip(rawZip(entries), { maxEntries: 10 }));
    expect(error.code).toBe('zip-too-many-entries');
    expect(error.text.en).toContain('11 entries, over the limit of 10');
  });

  it('damaged: truncated, a duplicate name, corrupt data, a CRC mismatch', () => {
    const bytes = rawZip(TWO);
    for (const cut of [1, 10, bytes.length >> 1, bytes.length - 1]) {
      expect(refusal(() => readAll(bytes.subarray(0, cut))).code, `cut at ${cut}`).toBe('damaged');
    }
    const twice = rawZip([TWO[0] as RawEntry, TWO[0] as RawEntry]);
    expect(refusal(() => openCheckedZip(twice)).text.en).toContain('two parts have the same name');
    const corrupt = rawZip([
      { name: 'a.xml', data: text('x'), compressed: Uint8Array.of(0xff, 0xff, 0xff) },
    ]);
    const inflateError = refusal(() => readAll(corrupt));
    expect(inflateError).toMatchObject({ code: 'damaged', part: 'a.xml' });
    expect(inflateError.cause).toBeDefined();
    const wrongCrc = rawZip([{ name: 'a.xml', data: text('x'), crc: 1 }]);
    expect(refusal(() => readAll(wrongCrc)).text.en).toContain('CRC-32');
  });
});
