import { describe, expect, it } from 'vitest';
import { sha256Hex, utf8 } from '../../shared/crypto';
import { CorruptRecordError, NotFoundError } from './errors';
import { freshIdb, sampleEngagement } from './testing/factories';
import { rawDatabaseContains } from './testing/raw-scan';
import { rawRow, tamper } from './testing/tamper';
import { VaultDb, vaultDbName } from './vault-db';
import { createVaultStore } from './vaults';

async function setup() {
  const idb = freshIdb();
  const store = createVaultStore({ idb });
  const { session } = await store.create({
    label: 'v',
    passphrase: 'attachments passphrase',
    owner: '陳稽核',
    engagement: sampleEngagement(),
  });
  return { idb, store, session, raw: new VaultDb(session.vaultId, idb) };
}

const OWNER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const CONTENT = utf8('保密切結書 王小明 A123456789 — scanned page');

describe('evidence attachments', () => {
  it('stores a file sealed, with name, size and SHA-256, and gives it back intact', async () => {
    const { idb, session } = await setup();
    const evidence = await session.attach(OWNER, {
      name: '切結書.pdf',
      mimeType: 'application/pdf',
      bytes: CONTENT,
    });
    expect(evidence).toMatchObject({
      ownerId: OWNER,
      name: '切結書.pdf',
      size: CONTENT.byteLength,
      sha256: await sha256Hex(CONTENT),
      rev: 1,
    });
    const read = await session.readAttachment(evidence.id);
    expect(read.bytes).toEqual(CONTENT);
    expect(await session.listChildren('evidence', OWNER)).toEqual([evidence]);
    expect(await rawDatabaseContains(idb, vaultDbName(session.vaultId), 'A123456789')).toEqual([]);
    expect(await rawDatabaseContains(idb, vaultDbName(session.vaultId), '切結書')).toEqual([]);
  });

  it('refuses content that was swapped for another file', async () => {
    const { session, raw } = await setup();
    const a = await session.attach(OWNER, {
      name: 'a.txt',
      mimeType: 'text/plain',
      bytes: utf8('a'),
    });
    const b = await session.attach(OWNER, {
      name: 'b.txt',
      mimeType: 'text/plain',
      bytes: utf8('b'),
    });
    const blobA = await raw.blobs.get(a.id);
    if (!blobA) throw new Error('missing blob');
    await raw.blobs.put({ id: b.id, sealed: blobA.sealed });
    await expect(session.readAttachment(b.id)).rejects.toBeInstanceOf(CorruptRecordError);
  });

  it('removes a file: the record becomes a tombstone and the bytes are gone', async () => {
    const { session, raw } = await setup();
    const evidence = await session.attach(OWNER, {
      name: 'x.png',
      mimeType: 'image/png',
      bytes: CONTENT,
    });
    await session.removeAttachment(evidence.id, 1);
    expect(await raw.blobs.get(evidence.id)).toBeUndefined();
    expect(await session.listChildren('evidence', OWNER)).toEqual([]);
    expect(await session.get('evidence', evidence.id)).toMatchObject({ deleted: true, rev: 2 });
    await expect(session.readAttachment(evidence.id)).rejects.toBeInstanceOf(NotFoundError);
    const actions = (await session.activity()).map((e) => e.action);
    expect(actions.slice(-2)).toEqual(['record.created', 'record.deleted']);
  });

  it('reports a clear parent id that disagrees with the sealed record, and lists it where it belongs', async () => {
    const { idb, store, session } = await setup();
    const evidence = await session.attach(OWNER, { name: 'x', mimeType: '', bytes: CONTENT });
    session.lock();
    await tamper(idb, session.vaultId, async (db) => {
      const row = await rawRow(db, 'evidence', evidence.id);
      await db.table('evidence').put({ ...row, parent: '0190a1b2-c3d4-7e5f-8a9b-000000000000' });
    });
    const reopened = await store.unlock(session.vaultId, 'attachments passphrase');
    // Found when the owner's files are listed: it is listed there, where it belongs.
    expect((await reopened.listChildren('evidence', OWNER)).map((e) => e.id)).toEqual([
      evidence.id,
    ]);
    expect(reopened.integrityProblems).toEqual([
      expect.objectContaining({ kind: 'moved', table: 'evidence', id: evidence.id }),
    ]);
  });
});
