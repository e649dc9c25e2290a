/**
 * Reading records: every row opened is checked (see `openRecordRow`), and every list is
 * compared with the table's manifest, so a record hidden, moved or removed outside the
 * workbench is reported rather than silently missing. Opened records are kept for the rest of
 * the unlocked session; a repeated read of an unchanged table opens nothing.
 */
import Dexie, { type Collection } from 'dexie';
import type { Stored } from '../../shared/domain/records';
import type { IntegrityProblem } from './integrity';
import type { SealedRow } from './rows';
import { openRecordRow, type SessionCore } from './session-core';
import { type Payloads, type SealedRecordTable, tableSpec } from './tables';
import { freezeRecord } from './vault-state';

async function fresh(core: SessionCore): Promise<void> {
  core.keys();
  const problems = await core.state.ensureFresh();
  if (problems.length > 0) core.integrity.report(problems);
}

function removed(table: SealedRecordTable, id: string, tombstone: boolean): IntegrityProblem {
  const detail = tombstone
    ? 'the tombstone of a deleted record was removed'
    : 'the row was removed';
  return { kind: 'removed', table, id, detail };
}

/** Opens rows, reusing what this session already opened at the same revision. */
async function openRows(
  core: SessionCore,
  table: SealedRecordTable,
  rows: readonly SealedRow[],
  problems: IntegrityProblem[],
): Promise<Stored<object>[]> {
  const cache = core.state.cached(table);
  const opened = await Promise.all(
    rows.map((row) => {
      const known = cache.records.get(row.id);
      if (known && known.rev === row.rev && known.deleted === (row.deleted === 1)) {
        return Promise.resolve(known);
      }
      return openRecordRow(core, table, row).then((result) => {
        problems.push(...result.problems);
        if (!result.record) return null;
        const record = freezeRecord(result.record);
        cache.records.set(record.id, record);
        return record;
      });
    }),
  );
  return opened.filter((record): record is Stored<object> => record !== null);
}

/**
 * Rows read per request of a whole-table read. Reading in pages lets the rows already read be
 * decrypted while IndexedDB fetches the next ones, instead of one after the other.
 */
export const READ_PAGE_ROWS = 2_000;

/**
 * Every row of a table, page by page in one read transaction (one consistent snapshot), each
 * page handed to `onPage` as it arrives. `onPage` runs outside the transaction: what it starts
 * (decryption) outlives it.
 */
async function readPages(
  core: SessionCore,
  table: SealedRecordTable,
  onPage: (rows: SealedRow[]) => void,
): Promise<SealedRow[]> {
  const source = core.db.table<SealedRow, string>(table);
  return core.db.transaction('r', source, async () => {
    const all: SealedRow[] = [];
    let last: string | null = null;
    for (;;) {
      const from: Collection<SealedRow, string> =
        last === null ? source.toCollection() : source.where(':id').above(last);
      const page: SealedRow[] = await from.limit(READ_PAGE_ROWS).toArray();
      if (page.length > 0) Dexie.ignoreTransaction(() => onPage(page));
      for (const row of page) all.push(row);
      if (page.length < READ_PAGE_ROWS) return all;
      last = (page[page.length - 1] as SealedRow).id;
    }
  });
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export async function getRecord<T extends SealedRecordTable>(
  core: SessionCore,
  table: T,
  id: string,
): Promise<Stored<Payloads[T]> | undefined> {
  await fresh(core);
  const entry = core.state.manifest(table).get(id);
  const known = core.state.cached(table).records.get(id);
  if (known && (!core.state.trusts(table) || known.rev === entry?.rev)) {
    return known as Stored<Payloads[T]>;
  }
  const row = await core.db.table<SealedRow, string>(table).get(id);
  const problems: IntegrityProblem[] = [];
  let record: Stored<object> | undefined;
  if (row) [record] = await openRows(core, table, [row], problems);
  else if (entry && core.state.trusts(table)) problems.push(removed(table, id, entry.deleted));
  core.integrity.report(problems);
  return record as Stored<Payloads[T]> | undefined;
}

/**
 * The records of a table, checked against the manifest, oldest first: the live ones, or every
 * row with `includeDeleted`. Tombstones are opened only when asked for (or when the manifest
 * and the clear flag disagree), since lists never show them.
 */
export async function listRecords<T extends SealedRecordTable>(
  core: SessionCore,
  table: T,
  includeDeleted: boolean,
): Promise<Stored<Payloads[T]>[]> {
  await fresh(core);
  const cache = core.state.cached(table);
  if (includeDeleted ? !cache.complete : !cache.liveComplete) {
    const generation = core.state.generation;
    const manifest = core.state.manifest(table);
    const trusted = core.state.trusts(table);
    const problems: IntegrityProblem[] = [];
    const opening: Promise<unknown>[] = [];
    const rows = await readPages(core, table, (page) => {
      const wanted = includeDeleted
        ? page
        : page.filter(
            (row) => row.deleted === 0 || (trusted && manifest.get(row.id)?.deleted === false),
          );
      opening.push(openRows(core, table, wanted, problems));
    });
    await Promise.all(opening);
    if (trusted) {
      const present = new Set(rows.map((row) => row.id));
      for (const [id, entry] of manifest) {
        if (!present.has(id)) problems.push(removed(table, id, entry.deleted));
      }
    }
    core.integrity.report(problems);
    if (core.state.generation === generation) {
      cache.liveComplete = true;
      if (includeDeleted) cache.complete = true;
    }
  }
  const records = [...cache.records.values()].sort(byId);
  return (includeDeleted ? records : records.filter((r) => !r.deleted)) as Stored<Payloads[T]>[];
}

/**
 * Live children of one parent, found by the clear `parent` index; children the manifest puts
 * under this parent but whose row says otherwise are fetched by id and reported as moved.
 */
export async function listChildRecords<T extends SealedRecordTable>(
  core: SessionCore,
  table: T,
  parentId: string,
): Promise<Stored<Payloads[T]>[]> {
  const parentOf = tableSpec(table).parentOf as ((payload: object) => string) | null;
  if (!parentOf) throw new Error(`${table} records have no parent`);
  await fresh(core);
  const cache = core.state.cached(table);
  let records: Stored<object>[];
  if (cache.liveComplete) {
    records = [...cache.records.values()].filter((record) => parentOf(record) === parentId);
  } else {
    const source = core.db.table<SealedRow, string>(table);
    const rows = await source.where('parent').equals(parentId).toArray();
    const problems: IntegrityProblem[] = [];
    if (core.state.trusts(table)) {
      const found = new Set(rows.map((row) => row.id));
      const expected = [...core.state.childrenOf(table, parentId)].filter((id) => !found.has(id));
      const elsewhere = await source.bulkGet(expected);
      expected.forEach((id, i) => {
        const row = elsewhere[i];
        if (row) rows.push(row);
        else
          problems.push(removed(table, id, core.state.manifest(table).get(id)?.deleted ?? false));
      });
    }
    records = (await openRows(core, table, rows, problems)).filter(
      (record) => parentOf(record) === parentId,
    );
    core.integrity.report(problems);
  }
  return records.filter((record) => !record.deleted).sort(byId) as Stored<Payloads[T]>[];
}
