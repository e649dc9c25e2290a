/**
 * The checks that find what was changed outside the workbench:
 * - `scanVault`, at every unlock: the trail chain and its head (erased, cut, edited), the
 *   manifests against the head, every table's clear fields (revision, tombstone, parent, read
 *   from the indexes without opening a row) against its manifest, every live evidence file's
 *   bytes present, and the head against the anchor kept outside the database;
 * - `verifyVault`, on demand (the activity trail screen): all of that, and every row and
 *   evidence file opened and checked.
 */
import { openBytes, recordAad, sha256Hex } from '../../shared/crypto';
import type { ChainProblem } from '../../shared/domain/activity';
import { readTrail, verifyTrail } from './activity-trail';
import type { IntegrityProblem } from './integrity';
import type { SealedRow } from './rows';
import { openRecordRow, type SessionCore } from './session-core';
import { SEALED_RECORD_TABLES, type SealedRecordTable, tableSpec } from './tables';

export interface ScanProgress {
  done: number;
  total: number;
}

function chainProblem(problem: ChainProblem): IntegrityProblem {
  switch (problem.kind) {
    case 'edited':
      return { kind: 'trail-edited', table: 'activity', seq: problem.seq, detail: 'entry edited' };
    case 'broken-link':
      return {
        kind: 'trail-edited',
        table: 'activity',
        seq: problem.seq,
        detail: 'entry replaced or moved (its link to the previous one is broken)',
      };
    case 'missing':
      return {
        kind: 'trail-entry-removed',
        table: 'activity',
        seq: problem.afterSeq + 1,
        detail: `entries after ${problem.afterSeq} are missing`,
      };
    case 'head-missing':
      return {
        kind: 'trail-erased',
        table: 'activity',
        detail:
          problem.entries === 0
            ? 'the activity trail and its head were removed'
            : 'the trail head was removed',
      };
    case 'head-mismatch':
      return {
        kind: 'trail-cut',
        table: 'activity',
        seq: problem.expectedSeq,
        detail: `the trail ends at ${problem.foundSeq} but its head is entry ${problem.expectedSeq}`,
      };
  }
}

/** The trail: every entry chained, and a head that names the last one. */
async function scanTrail(core: SessionCore): Promise<IntegrityProblem[]> {
  const report = await verifyTrail(core.db, core.open);
  return report.problems.map(chainProblem);
}

/** The head against the anchor this machine keeps outside the database. */
async function scanAnchor(core: SessionCore): Promise<IntegrityProblem[]> {
  if (!core.anchors) return [];
  const anchor = await core.anchors.read(core.vaultId).catch(() => null);
  if (!anchor) return [];
  const head = core.state.head;
  if (head && head.seq === anchor.seq && head.hash === anchor.hash) return [];
  if (head && head.seq > anchor.seq) {
    // Newer than the anchor: fine if the anchored entry is still in the chain.
    const { entries } = await readTrail(core.db, core.open);
    if (entries.find((e) => e.seq === anchor.seq)?.hash === anchor.hash) return [];
  }
  return [
    {
      kind: 'older-copy',
      table: 'activity',
      seq: anchor.seq,
      detail: `this machine last saw trail entry ${anchor.seq}; the database ends at ${head?.seq ?? 0} or differs`,
    },
  ];
}

interface ClearFields {
  rev: Map<string, number>;
  deleted: Map<string, number>;
  parent: Map<string, string>;
}

async function clearFields(core: SessionCore, table: SealedRecordTable): Promise<ClearFields> {
  const source = core.db.table<SealedRow, string>(table);
  const fields: ClearFields = { rev: new Map(), deleted: new Map(), parent: new Map() };
  await source.orderBy('rev').eachKey((key, cursor) => {
    fields.rev.set(cursor.primaryKey, key as number);
  });
  await source.orderBy('deleted').eachKey((key, cursor) => {
    fields.deleted.set(cursor.primaryKey, key as number);
  });
  if (tableSpec(table).parentOf) {
    await source.orderBy('parent').eachKey((key, cursor) => {
      fields.parent.set(cursor.primaryKey, key as string);
    });
  }
  return fields;
}

/** One table's clear fields against its manifest, without opening a row. */
async function scanTable(core: SessionCore, table: SealedRecordTable): Promise<IntegrityProblem[]> {
  if (!core.state.trusts(table)) return [];
  const manifest = core.state.manifest(table);
  const fields = await clearFields(core, table);
  const hasParent = tableSpec(table).parentOf !== null;
  const problems: IntegrityProblem[] = [];
  for (const [id, entry] of manifest) {
    const rev = fields.rev.get(id);
    if (rev === undefined) {
      const detail = entry.deleted
        ? 'the tombstone of a deleted record was removed'
        : 'the row was removed';
      problems.push({ kind: 'removed', table, id, detail });
      continue;
    }
    if (rev < entry.rev) {
      problems.push({
        kind: 'rolled-back',
        table,
        id,
        foundRev: rev,
        expectedRev: entry.rev,
        detail: `an older copy (revision ${rev} of ${entry.rev}) was put back`,
      });
    } else if (rev > entry.rev) {
      problems.push({ kind: 'altered', table, id, detail: 'its clear revision was changed' });
    }
    const deleted = fields.deleted.get(id) === 1;
    if (deleted !== entry.deleted) {
      const hidden = deleted && !entry.deleted;
      problems.push({
        kind: hidden ? 'hidden' : 'altered',
        table,
        id,
        detail: hidden
          ? 'its clear tombstone flag was set, hiding a live record'
          : 'its clear tombstone flag was cleared',
      });
    }
    if (hasParent && (fields.parent.get(id) ?? null) !== entry.parent) {
      problems.push({ kind: 'moved', table, id, detail: 'its clear parent was changed' });
    }
  }
  for (const id of fields.rev.keys()) {
    if (!manifest.has(id))
      problems.push({ kind: 'unknown', table, id, detail: 'a row this vault never wrote' });
  }
  return problems;
}

/** Every live evidence record has its bytes. */
async function scanBlobs(core: SessionCore): Promise<IntegrityProblem[]> {
  if (!core.state.trusts('evidence')) return [];
  const present = new Set(await core.db.blobs.toCollection().primaryKeys());
  const problems: IntegrityProblem[] = [];
  for (const [id, entry] of core.state.manifest('evidence')) {
    if (!entry.deleted && !present.has(id)) {
      problems.push({ kind: 'removed', table: 'blobs', id, detail: 'the file bytes were removed' });
    }
  }
  return problems;
}

/** The checks run at every unlock; cheap: nothing but the trail is opened. */
export async function scanVault(core: SessionCore): Promise<IntegrityProblem[]> {
  const problems: IntegrityProblem[] = [];
  problems.push(...(await scanTrail(core)));
  for (const table of SEALED_RECORD_TABLES) problems.push(...(await scanTable(core, table)));
  problems.push(...(await scanBlobs(core)));
  problems.push(...(await scanAnchor(core)));
  return problems;
}

/**
 * Everything `scanVault` checks, and every row and evidence file opened and checked. Reports
 * progress per row; stops between rows when `signal` aborts.
 */
export async function verifyVault(
  core: SessionCore,
  onProgress?: (progress: ScanProgress) => void,
  signal?: AbortSignal,
): Promise<IntegrityProblem[]> {
  const problems = [...(await core.state.load()), ...(await scanVault(core))];
  const tables = await Promise.all(
    SEALED_RECORD_TABLES.map(async (table) => ({
      table,
      rows: await core.db.table<SealedRow, string>(table).toArray(),
    })),
  );
  const blobIds = await core.db.blobs.toCollection().primaryKeys();
  const total = tables.reduce((n, t) => n + t.rows.length, 0) + blobIds.length;
  let done = 0;
  const evidence = new Map<string, string>();
  for (const { table, rows } of tables) {
    for (const row of rows) {
      signal?.throwIfAborted();
      const opened = await openRecordRow(core, table, row);
      problems.push(...opened.problems);
      if (table === 'evidence' && opened.record && 'sha256' in opened.record) {
        evidence.set(row.id, String(opened.record.sha256));
      }
      onProgress?.({ done: ++done, total });
    }
  }
  for (const id of blobIds) {
    signal?.throwIfAborted();
    const row = await core.db.blobs.get(id);
    const expected = evidence.get(id);
    try {
      if (!row) throw new Error('gone');
      const bytes = await openBytes(
        core.keys().record,
        row.sealed,
        recordAad(core.vaultId, 'blobs', id),
      );
      if (expected !== undefined && (await sha256Hex(bytes)) !== expected) {
        throw new Error('its content does not match its recorded SHA-256');
      }
    } catch (error) {
      problems.push({ kind: 'altered', table: 'blobs', id, detail: String(error) });
    }
    onProgress?.({ done: ++done, total });
  }
  return problems;
}
