import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { rawZip } from '../import/testing/raw-zip';
import { sha256Hex, utf8, type Bytes } from '../crypto/bytes';
import { decryptPackage, encryptPackage } from './age';
import { PackageError, type PackageErrorCode } from './errors';
import { readPackage } from './read';
import { writePackage } from './write';
import {
  altered,
  EVIDENCE_BYTES,
  handout,
  PASSPHRASE,
  returned,
  TEST_LOG_N,
  text,
} from './testing';

const write = (contents: Parameters<typeof writePackage>[0]) =>
  writePackage(contents, PASSPHRASE, { logN: TEST_LOG_N });

async function refusedWith(bytes: Uint8Array, code: PackageErrorCode, passphrase = PASSPHRASE) {
  const error = await readPackage(bytes, passphrase).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackageError);
  const refused = error as PackageError;
  expect(refused.code, refused.message).toBe(code);
  expect(refused.text['zh-TW']).not.toBe('');
  return refused;
}

describe('engagement packages', () => {
  it('read back a hand-out as written, identified by its manifest hash', async () => {
    const written = await write(handout());
    const read = await readPackage(written.bytes, PASSPHRASE);
    expect(read.kind).toBe('handout');
    expect(read.records).toEqual(handout().records);
    expect(read.manifest.counts).toEqual({ engagement: 1, itemResults: 2 });
    expect(read.packageHash).toBe(written.packageHash);
    // Encrypted again (new salt and file key), the same content has the same hash.
    const again = await write(handout());
    expect(again.bytes).not.toEqual(written.bytes);
    expect((await readPackage(again.bytes, PASSPHRASE)).packageHash).toBe(written.packageHash);
  });

  it('read back a return with its evidence file, base revisions and trail', async () => {
    const contents = await returned();
    const read = await readPackage((await write(contents)).bytes, PASSPHRASE);
    expect(read.records.map((r) => [r.table, r.baseRev])).toEqual([
      ['evidence', null],
      ['itemResults', 1],
    ]);
    expect([...read.files.values()]).toEqual([EVIDENCE_BYTES]);
    expect(read.trail).toEqual(contents.trail);
    expect(read.manifest.parts.map((p) => p.name)).toEqual([
      'records/evidence.json',
      'records/itemResults.json',
      `files/${[...read.files.keys()][0] ?? ''}`,
      'trail.json',
    ]);
  });

  it('refuse a wrong passphrase', async () => {
    const { bytes } = await write(handout());
    await refusedWith(bytes, 'wrong-passphrase', 'not the passphrase at all');
  });

  it('refuse a flipped byte and a truncated file as damaged', async () => {
    const { bytes } = await write(handout());
    const flipped = bytes.slice();
    flipped[flipped.length - 40] = (flipped[flipped.length - 40] ?? 0) ^ 1;
    await refusedWith(flipped, 'damaged');
    await refusedWith(bytes.slice(0, bytes.length - 17), 'damaged');
    await refusedWith(utf8('PK\u0003\u0004 not age'), 'not-a-package');
  });

  it('refuse a package asking for more scrypt work than a reader spends', async () => {
    const { bytes } = await write(handout());
    const head = text(bytes.subarray(0, 120)).replace(/ 10\n/, ' 30\n');
    const heavy = new Uint8Array(bytes);
    heavy.set(utf8(head));
    await refusedWith(heavy, 'work-factor-too-high');
  });

  it('refuse a part whose content is not what the manifest says', async () => {
    const { bytes } = await write(handout());
    // The same length (only the digest can tell), and still a valid record.
    const tampered = await altered(bytes, (parts) => {
      const json = text(parts['records/itemResults.json']);
      expect(json).toContain('"item.1"');
      parts['records/itemResults.json'] = utf8(json.replace('"item.1"', '"item.9"'));
    });
    const error = await refusedWith(tampered, 'digest-mismatch');
    expect(error.part).toBe('records/itemResults.json');
    expect(error.message).toContain('SHA-256');
    // Longer: its size already differs from the manifest's.
    const longer = await altered(bytes, (parts) => {
      parts['records/itemResults.json'] = utf8(`${text(parts['records/itemResults.json'])} `);
    });
    expect((await refusedWith(longer, 'digest-mismatch')).message).toContain('size');
  });

  it('refuse parts the manifest does not list, and listed parts that are missing', async () => {
    const { bytes } = await write(await returned());
    const extra = await altered(bytes, (parts) => {
      parts['scripts/run.js'] = utf8('alert(1)');
    });
    expect((await refusedWith(extra, 'unknown-part')).part).toBe('scripts/run.js');
    const missing = await altered(bytes, (parts) => {
      delete parts['trail.json'];
    });
    expect((await refusedWith(missing, 'missing-part')).part).toBe('trail.json');
  });

  it('refuse a table the workbench does not have, even listed with a good digest', async () => {
    const contents = handout();
    const written = await write(contents);
    const forged = await altered(written.bytes, async (parts) => {
      parts['records/secrets.json'] = utf8('[]');
      const manifest = JSON.parse(text(parts['manifest.json'])) as { parts: object[] };
      manifest.parts.push({ name: 'records/secrets.json', size: 0, sha256: '' });
      parts['manifest.json'] = utf8(JSON.stringify(manifest));
      await relist(parts, 'records/secrets.json');
    });
    expect((await refusedWith(forged, 'unknown-table')).table).toBe('secrets');
  });

  it('refuse a record that breaks its table schema, naming it', async () => {
    const contents = handout();
    const bad = { ...handout().records[1], data: { itemId: 42 } } as (typeof contents.records)[0];
    await expect(write({ ...contents, records: [bad] })).rejects.toMatchObject({
      code: 'invalid-record',
      table: 'itemResults',
    });
  });

  it('refuse a trail whose entries were edited or cut', async () => {
    const { bytes } = await write(await returned());
    for (const change of ['edit', 'cut'] as const) {
      const forged = await altered(bytes, async (parts) => {
        const trail = JSON.parse(text(parts['trail.json'])) as { summary: string }[];
        if (change === 'edit') (trail[1] as { summary: string }).summary = '沒做什麼';
        else trail.splice(1, 1);
        parts['trail.json'] = utf8(JSON.stringify(trail));
        await relist(parts, 'trail.json');
      });
      await refusedWith(forged, 'trail-broken');
    }
  });

  it('refuse a manifest of another format version', async () => {
    const { bytes } = await write(handout());
    const forged = await altered(bytes, (parts) => {
      const manifest = JSON.parse(text(parts['manifest.json'])) as { version: number };
      manifest.version = 2;
      parts['manifest.json'] = utf8(JSON.stringify(manifest));
    });
    const error = await refusedWith(forged, 'unsupported-version');
    expect(error.message).toContain('audit-workbench-package 2');
  });

  it('refuse a ZIP bomb part through the bounded reader', async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const bomb = `files/${'0'.repeat(64)}`;
    // A real manifest listing a part that declares 1 KiB and inflates to 8 MiB.
    const { bytes } = await write(handout());
    const parts = unzipSync(await decryptPackage(bytes, PASSPHRASE));
    const manifest = JSON.parse(text(parts['manifest.json'])) as { parts: object[] };
    manifest.parts.push({ name: bomb, size: 1024, sha256: '0'.repeat(64) });
    const liar = rawZip([
      { name: 'manifest.json', data: utf8(JSON.stringify(manifest)) },
      ...Object.entries(parts)
        .filter(([name]) => name !== 'manifest.json')
        .map(([name, data]) => ({ name, data })),
      { name: bomb, data: zeros, size: 1024 },
    ]);
    const error = await refusedWith(
      await encryptPackage(liar, PASSPHRASE, TEST_LOG_N),
      'hostile-zip',
    );
    expect(error.part).toBe(bomb);
    // Declares more than the 600 MiB a package may unpack to: refused before inflating.
    const huge = rawZip([
      { name: 'manifest.json', data: utf8('{}') },
      { name: 'a', data: utf8('x'), size: 400 * 1024 * 1024, crc: 0 },
      { name: 'b', data: utf8('x'), size: 400 * 1024 * 1024, crc: 0 },
    ]);
    await refusedWith(await encryptPackage(huge, PASSPHRASE, TEST_LOG_N), 'too-large');
  });

  it('write the manifest first, as documented', async () => {
    const { bytes } = await write(handout());
    const parts = unzipSync(await decryptPackage(bytes, PASSPHRASE));
    expect(Object.keys(parts)[0]).toBe('manifest.json');
  });
});

/** Updates the manifest's size and digest of `name` (a forger who knows the format). */
async function relist(parts: Record<string, Uint8Array>, name: string) {
  const manifest = JSON.parse(text(parts['manifest.json'])) as {
    parts: { name: string; size: number; sha256: string }[];
  };
  const bytes = parts[name] as Uint8Array;
  const entry = manifest.parts.find((p) => p.name === name);
  if (entry === undefined) throw new Error(`no ${name}`);
  entry.size = bytes.length;
  entry.sha256 = await sha256Hex(bytes as Bytes);
  parts['manifest.json'] = utf8(JSON.stringify(manifest));
}
