/**
 * CRC-32 as ZIP uses it (ISO 3309, reflected polynomial 0xEDB88320), incrementally over the
 * chunks an inflater produces. fflate computes it internally but does not export it.
 */
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export const crc32 = {
  start: (): number => 0xffffffff,
  update(crc: number, bytes: Uint8Array): number {
    let c = crc;
    for (let i = 0; i < bytes.length; i++) {
      c = (TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
    }
    return c;
  },
  end: (crc: number): number => (crc ^ 0xffffffff) >>> 0,
  of(bytes: Uint8Array): number {
    return crc32.end(crc32.update(crc32.start(), bytes));
  },
};
