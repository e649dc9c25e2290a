/**
 * Text → Big5 bytes, for the tests and the benchmark only: the app reads Big5, it never writes
 * it, and Web APIs have no Big5 encoder. The table is the runtime's own Big5 decoder run
 * backwards over the standard Big5 range (lead bytes 0xA1–0xF9), so bytes produced here decode
 * back to the same text in that runtime.
 */
let table: Map<string, [number, number]> | null = null;

function big5Table(): Map<string, [number, number]> {
  if (table !== null) return table;
  const map = new Map<string, [number, number]>();
  const decoder = new TextDecoder('big5');
  const pair = new Uint8Array(2);
  for (let lead = 0xa1; lead <= 0xf9; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail > 0x7e && trail < 0xa1) continue;
      pair[0] = lead;
      pair[1] = trail;
      const char = decoder.decode(pair);
      // Keep the first (standard) code of characters that appear twice.
      if (char.length === 1 && char !== '\uFFFD' && !map.has(char)) map.set(char, [lead, trail]);
    }
  }
  table = map;
  return map;
}

/** Throws a RangeError for a character Big5 cannot write. */
export function encodeBig5(text: string): Uint8Array {
  const map = big5Table();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    const bytes = map.get(char);
    if (bytes === undefined) {
      throw new RangeError(`encodeBig5: ${JSON.stringify(char)} has no Big5 code`);
    }
    out[n++] = bytes[0];
    out[n++] = bytes[1];
  }
  return out.slice(0, n);
}
