/**
 * What an attacker with the browser profile but no key can do: change the vault's IndexedDB
 * directly, through the page's own IndexedDB API, while the vault is locked.
 */
import type { Page } from 'playwright-core';

/** Runs `change` in the page against the only vault's database (opened raw, no schema). */
export async function tamperVault(
  page: Page,
  change: 'hide-note' | 'erase-trail' | 'remember-note' | 'put-back-note',
): Promise<void> {
  await page.evaluate(async (what) => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    const name = names.find((n) => n.startsWith('aw-vault-'));
    if (!name) throw new Error('no vault database');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const done = (request: IDBRequest) =>
      new Promise<unknown>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('request failed'));
      });
    const store = (table: string) => db.transaction(table, 'readwrite').objectStore(table);
    const notes = (await done(store('notes').getAll())) as { id: string; deleted: number }[];
    const live = notes.filter((n) => n.deleted === 0);
    const key = 'aw-e2e-remembered-note';
    if (what === 'hide-note') {
      const note = live[0];
      if (!note) throw new Error('no live note');
      await done(store('notes').put({ ...note, deleted: 1 }));
    } else if (what === 'remember-note') {
      // Kept in the page's memory only, as an attacker keeps a copy of an old row.
      (globalThis as Record<string, unknown>)[key] = live.at(-1);
    } else if (what === 'put-back-note') {
      await done(store('notes').put((globalThis as Record<string, unknown>)[key]));
    } else {
      await done(store('activity').clear());
      await done(store('meta').delete('activity-head'));
    }
    db.close();
  }, change);
}
