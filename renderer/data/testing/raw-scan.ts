/**
 * Reads every row of every table of a database as stored, bypassing the encrypted layer,
 * and looks for a text in it: in clear strings, and in any bytes as UTF-8 and UTF-16LE.
 */
import Dexie from 'dexie';
import type { IdbDeps } from '../idb';

function collect(value: unknown, strings: string[], blobs: Uint8Array[]): void {
  if (typeof value === 'string') strings.push(value);
  else if (value instanceof Uint8Array) blobs.push(value);
  else if (Array.isArray(value)) for (const item of value) collect(item, strings, blobs);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      strings.push(key);
      collect(item, strings, blobs);
    }
  }
}

function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[i * 2] = code & 0xff;
    out[i * 2 + 1] = code >> 8;
  }
  return out;
}

export async function rawDatabaseContains(
  idb: IdbDeps,
  dbName: string,
  canary: string,
): Promise<string[]> {
  const db = new Dexie(dbName, { indexedDB: idb.indexedDB, IDBKeyRange: idb.IDBKeyRange });
  await db.open();
  const hits: string[] = [];
  try {
    for (const table of db.tables) {
      const strings: string[] = [];
      const blobs: Uint8Array[] = [];
      collect(await table.toArray(), strings, blobs);
      collect(await table.toCollection().primaryKeys(), strings, blobs);
      if (strings.some((s) => s.includes(canary))) hits.push(`${table.name} (clear text)`);
      const needles = [new TextEncoder().encode(canary), utf16le(canary)];
      if (blobs.some((b) => needles.some((n) => containsBytes(b, n))))
        hits.push(`${table.name} (bytes)`);
    }
  } finally {
    db.close();
  }
  return hits;
}

/** FNV-1a over bytes: enough to tell two ciphertexts apart in a readable test diff. */
function fingerprint(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return `bytes:${bytes.length}:${hash.toString(16).padStart(8, '0')}`;
}

/**
 * Every row of every table of a database as stored, bypassing the encrypted layer, one line a
 * row (bytes fingerprinted): two snapshots are equal only if nothing was written in between,
 * and a difference reads as the rows that changed.
 */
export async function rawSnapshot(idb: IdbDeps, dbName: string): Promise<Record<string, string[]>> {
  const db = new Dexie(dbName, { indexedDB: idb.indexedDB, IDBKeyRange: idb.IDBKeyRange });
  await db.open();
  try {
    const snapshot: Record<string, string[]> = {};
    for (const table of db.tables) {
      const rows = await table.toArray();
      snapshot[table.name] = rows.map((row) =>
        JSON.stringify(row, (_key, value: unknown) =>
          value instanceof Uint8Array ? fingerprint(value) : value,
        ),
      );
    }
    return snapshot;
  } finally {
    db.close();
  }
}
