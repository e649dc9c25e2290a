/**
 * A commit is all or nothing: a batch over several tables whose last write fails, by a
 * conflict found inside the transaction or by IndexedDB refusing the write (a full disk),
 * leaves every table, the activity trail and its head exactly as they were, and the session
 * goes on working. Written against the public API of the vault store and session, with the
 * database read raw before and after.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, type RecordId } from '../../shared/domain/records';
import { person, system } from '../../shared/workpapers/testing/factories';
import { INJECTED_FAILURE, installWriteFailure, type WriteFailure } from './testing/failing-writes';
import { freshIdb, sampleEngagement, sampleNote } from './testing/factories';
import { rawSnapshot } from './testing/raw-scan';
import { vaultDbName } from './vault-db';
import { type BatchGroup, payloadOf, type VaultSession } from './vault-session';
import { createVaultStore } from './vaults';

let failure: WriteFailure;
beforeEach(() => {
  failure = installWriteFailure();
});
afterEach(() => {
  failure.restore();
});

async function setup() {
  const idb = freshIdb();
  const store = createVaultStore({ idb });
  const { session } = await store.create({
    label: 'atomic',
    passphrase: 'all or nothing, please',
    owner: '陳稽核',
    engagement: sampleEngagement(),
  });
  const note = await session.create('notes', sampleNote({ title: 'kept' }), 'n');
  const staff = await session.create('people', payloadOf(person({ name: '王小明' })), 'p');
  const snapshot = () => rawSnapshot(idb, vaultDbName(session.vaultId));
  return { session, note, staff, snapshot };
}

/** Notes, then systems, then people last: creations and updates in every table. */
function batch(
  note: { id: RecordId; rev: number },
  staff: { id: RecordId; rev: number },
): BatchGroup[] {
  return [
    {
      table: 'notes',
      items: [
        { data: sampleNote({ title: 'new note' }) },
        { id: note.id, expectedRev: note.rev, data: sampleNote({ title: 'kept, edited' }) },
      ],
    },
    { table: 'systems', items: [{ data: payloadOf(system({ name: '核心保單系統' })) }] },
    {
      table: 'people',
      items: [
        { data: payloadOf(person({ employeeNo: 'E100', name: '李小華' })) },
        { id: staff.id, expectedRev: staff.rev, data: payloadOf(person({ name: '王小明（改）' })) },
      ],
    },
  ];
}

async function expectUsable(session: VaultSession, headBefore: number) {
  const note = await session.create('notes', sampleNote({ title: 'after' }), 'after');
  expect(await session.get('notes', note.id)).toMatchObject({ title: 'after', rev: 1 });
  const trail = await session.activity();
  expect(trail.at(-1)).toMatchObject({ seq: headBefore + 1, action: 'record.created' });
  expect(await session.verifyActivity()).toMatchObject({ ok: true, problems: [] });
}

describe('VaultSession.writeBatch is all or nothing', () => {
  it('writes nothing when the last table of the batch holds a conflict', async () => {
    const { session, note, staff, snapshot } = await setup();
    // Someone saves the person after the batch was prepared from revision 1.
    const moved = await session.update('people', staff.id, 1, payloadOf(person()), 'elsewhere');
    const before = await snapshot();
    const head = (await session.activity()).length;

    const error = await session
      .writeBatch(batch(note, staff), { action: 'records.imported', summary: 'x' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ table: 'people', id: staff.id, expectedRev: 1, actualRev: 2 });
    expect(await snapshot()).toEqual(before);
    expect(await session.list('notes')).toEqual([note]);
    expect(await session.list('systems')).toEqual([]);
    expect((await session.list('people')).map((p) => p.name)).toEqual([moved.name]);
    expect(await session.activity()).toHaveLength(head);
    await expectUsable(session, head);
  });

  // The last record table, then the trail entry, then the trail head: the commit's last write.
  it.each(['people', 'activity', 'meta'])(
    'writes nothing when IndexedDB refuses the write to %s, and the same batch succeeds after',
    async (table) => {
      const { session, note, staff, snapshot } = await setup();
      const before = await snapshot();
      const trail = await session.activity();

      failure.arm(table);
      await expect(
        session.writeBatch(batch(note, staff), { action: 'records.imported', summary: 'x' }),
      ).rejects.toMatchObject({ name: INJECTED_FAILURE });
      failure.arm(null);

      expect(failure.refused).toBeGreaterThan(0);
      expect(await snapshot()).toEqual(before);
      expect(await session.activity()).toEqual(trail);
      expect(await session.verifyActivity()).toMatchObject({ ok: true });

      const [notes, systems, people] = await session.writeBatch(batch(note, staff), {
        action: 'records.imported',
        summary: 'again',
      });
      expect([notes?.length, systems?.length, people?.length]).toEqual([2, 1, 2]);
      expect((await session.list('notes')).map((n) => [n.title, n.rev])).toEqual([
        ['kept, edited', 2],
        ['new note', 1],
      ]);
      expect(await session.list('systems')).toHaveLength(1);
      expect((await session.list('people')).map((p) => [p.name, p.rev])).toEqual([
        ['王小明（改）', 2],
        ['李小華', 1],
      ]);
      expect((await session.activity()).at(-1)).toMatchObject({
        seq: trail.length + 1,
        summary: 'notes: 2, systems: 1, people: 2 · again',
      });
      await expectUsable(session, trail.length + 1);
    },
  );
});

describe('attaching evidence is all or nothing', () => {
  it.each(['blobs', 'activity'])(
    'stores neither the record nor the bytes when the write to %s fails',
    async (table) => {
      const { session, snapshot } = await setup();
      const before = await snapshot();
      const head = (await session.activity()).length;

      failure.arm(table);
      await expect(
        session.attach('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', {
          name: '切結書.pdf',
          mimeType: 'application/pdf',
          bytes: new TextEncoder().encode('%PDF-1.7 signed'),
        }),
      ).rejects.toMatchObject({ name: INJECTED_FAILURE });
      failure.arm(null);

      expect(await snapshot()).toEqual(before);
      expect(await session.list('evidence', { includeDeleted: true })).toEqual([]);
      await expectUsable(session, head);
    },
  );
});
