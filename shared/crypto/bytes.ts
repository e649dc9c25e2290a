/** Byte helpers shared by the crypto modules. `Bytes` is what WebCrypto and IndexedDB both accept. */
export type Bytes = Uint8Array<ArrayBuffer>;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Bytes {
  return encoder.encode(text);
}

export function fromUtf8(bytes: Bytes): string {
  return decoder.decode(bytes);
}

/** getRandomValues fills at most 65,536 bytes per call. */
const RANDOM_CHUNK = 65_536;

export function randomBytes(length: number): Bytes {
  const out = new Uint8Array(length);
  for (let at = 0; at < length; at += RANDOM_CHUNK) {
    crypto.getRandomValues(out.subarray(at, Math.min(length, at + RANDOM_CHUNK)));
  }
  return out;
}

export function toHex(bytes: Bytes): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

export function toBase64(bytes: Bytes): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Bytes {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Overwrites key material we held as bytes, so it does not linger in memory longer than needed. */
export function wipe(bytes: Bytes): void {
  bytes.fill(0);
}

export async function sha256Hex(data: Bytes | string): Promise<string> {
  const input = typeof data === 'string' ? utf8(data) : data;
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', input)));
}
