/** Searches every file under a directory for a text, as UTF-8 and as UTF-16LE. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

export async function findInDirectory(
  dir: string,
  canary: string,
): Promise<{ hits: string[]; scanned: number }> {
  const needles = [Buffer.from(canary, 'utf8'), Buffer.from(canary, 'utf16le')];
  const hits: string[] = [];
  let scanned = 0;
  for await (const path of files(dir)) {
    scanned++;
    const content = await readFile(path);
    needles.forEach((needle, i) => {
      if (content.includes(needle)) hits.push(`${path} (${i === 0 ? 'UTF-8' : 'UTF-16LE'})`);
    });
  }
  return { hits, scanned };
}
