/**
 * writeExact: records at given ids and revisions with several evidence files in one commit;
 * `placed` refuses a row that exists; a payload its schema refuses writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { sha256Hex, utf8 } from '../../shared/crypto';
import { ConflictError, newRecordId } from '../../shared/domain/records';
import { BatchValidationError } from './errors';
import { freshIdb, sampleEngagement, sampleNote } from './testing/factories';
import { createVaultStore } from './vaults';

const AT = '2026-02-01T00:00:00.000Z';

async function vault() {
  const store = createVaultStore({ idb: freshIdb() });
  const { session } = await store.create({
    label: 'exact',
    passphrase: 'exact writes passphrase',
    owner: '陳組長',
    engagement: sampleEngagement(),
  });
  return { store, session };
}

describe('writeExact', () => {
  it('places records at their revisions with two evidence files in one trail entry', async () => {
    const { store, session } = await vault();
    const note = newRecordId();
    const files = [newRecordId(), newRecordId()];
    const bytes = [utf8('first file'), utf8('second file')];
    const trail = (await session.activity()).length;
    await session.writeExact(
      [
        {
          table: 'notes',
          id: note,
          rev: 7,
          deleted: false,
          data: sampleNote(),
          updatedAt: AT,
          updatedBy: '林甲',
        },
        ...(await Promise.all(
          files.map(async (id, i) => ({
            table: 'evidence' as const,
            id,
            rev: 3,
            deleted: false,
            data: {
              ownerId: note,
              name: `f${i}.txt`,
              mimeType: 'text/plain',
              size: bytes[i]?.byteLength ?? 0,
              sha256: await sha256Hex(bytes[i] ?? utf8('')),
              description: '',
            },
            updatedAt: AT,
            updatedBy: '林甲',
          })),
        )),
      ],
      { action: 'team.package-opened', target: null, summary: 'placed' },
      { placed: true, blobs: files.map((id, i) => ({ id, bytes: bytes[i] ?? utf8('') })) },
    );
    expect(await session.activity()).toHaveLength(trail + 1);
    expect(await session.get('notes', note)).toMatchObject({
      rev: 7,
      updatedAt: AT,
      updatedBy: '林甲',
    });
    session.lock();
    const reopened = await store.unlock(session.vaultId, 'exact writes passphrase');
    expect(reopened.integrityProblems).toEqual([]);
    for (const [i, id] of files.entries()) {
      expect((await reopened.readAttachment(id)).bytes).toEqual(bytes[i]);
    }
    // The next ordinary edit goes on from the placed revision.
    const updated = await reopened.update('notes', note, 7, sampleNote({ title: '改' }), 'n');
    expect(updated.rev).toBe(8);
  });

  it('refuses to place a record that exists, and a payload its schema refuses, writing nothing', async () => {
    const { session } = await vault();
    const existing = await session.create('notes', sampleNote(), 'n');
    const before = (await session.activity()).length;
    await expect(
      session.writeExact(
        [
          {
            table: 'notes',
            id: existing.id,
            rev: 5,
            deleted: false,
            data: sampleNote(),
            updatedAt: AT,
            updatedBy: 'x',
          },
        ],
        { action: 'team.package-opened', target: null, summary: 'again' },
        { placed: true },
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      session.writeExact(
        [
          {
            table: 'notes',
            id: newRecordId(),
            rev: 1,
            deleted: false,
            data: sampleNote(),
            updatedAt: AT,
            updatedBy: 'x',
          },
          {
            table: 'notes',
            id: newRecordId(),
            rev: 1,
            deleted: false,
            data: { title: 1 },
            updatedAt: AT,
            updatedBy: 'x',
          },
        ],
        { action: 'team.merged', target: null, summary: 'bad' },
      ),
    ).rejects.toBeInstanceOf(BatchValidationError);
    expect(await session.activity()).toHaveLength(before);
    expect(await session.list('notes')).toEqual([existing]);
  });
});
