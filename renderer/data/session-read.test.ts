/**
 * Whole-table reads go to IndexedDB in pages (session-read.ts): every page is read, the
 * records come back oldest first, and a row on a later page is checked like the first.
 */
import { describe, expect, it } from 'vitest';
import { freshIdb, sampleEngagement, sampleNote } from './testing/factories';
import { rawRow, tamper } from './testing/tamper';
import { READ_PAGE_ROWS } from './session-read';
import { createVaultStore } from './vaults';

const PASS = 'paged read passphrase 2025';

describe('a list longer than one page', () => {
  it('reads every page in id order and checks the rows of the last page too', async () => {
    const idb = freshIdb();
    const store = createVaultStore({ idb });
    const { session } = await store.create({
      label: '分頁',
      passphrase: PASS,
      owner: '陳稽核',
      engagement: sampleEngagement(),
    });
    const count = READ_PAGE_ROWS * 2 + 1;
    const notes = Array.from({ length: count }, (_, i) => sampleNote({ title: `紀錄 ${i}` }));
    const created = await session.createMany('notes', notes, 'many');
    const ids = created.map((note) => note.id).sort();
    const last = ids.at(-1) as string;
    session.lock();
    await tamper(idb, session.vaultId, async (db) => {
      const row = await rawRow(db, 'notes', last);
      row.sealed.ct[5] = (row.sealed.ct[5] ?? 0) ^ 1;
      await db.table('notes').put(row);
    });

    const reopened = await store.unlock(session.vaultId, PASS);
    expect(reopened.integrityProblems).toEqual([]); // the unlock check reads no ciphertext
    const listed = await reopened.list('notes');
    expect(listed.map((note) => note.id)).toEqual(ids.slice(0, -1));
    expect(reopened.integrityProblems).toEqual([
      expect.objectContaining({ kind: 'altered', table: 'notes', id: last }),
    ]);
    reopened.lock();
    store.close();
  });
});
