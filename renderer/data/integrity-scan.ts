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
import { SEALED_RECORD_TABLES, type SealedRecordTable } from './tables';

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

/**
 * One table's clear fields against its manifest, without opening a row and with a handful of
 * key-only queries (no cursor walks one row at a time): all ids; ids per revision the manifest
 * expects; ids flagged deleted. Only rows that disagree are read (their clear fields). A moved
 * parent is not looked for here: reading the parent's children notices it (see session-read).
 */
async function scanTable(core: SessionCore, table: SealedRecordTable): Promise<IntegrityProblem[]> {
  if (!core.state.trusts(table)) return [];
  const manifest = core.state.manifest(table);
  const source = core.db.table<SealedRow, string>(table);
  const problems: IntegrityProblem[] = [];
  const all = new Set(await source.toCollection().primaryKeys());
  const byRev = new Map<number, string[]>();
  for (const [id, entry] of manifest) {
    if (!all.has(id)) {
      const detail = entry.deleted
        ? 'the tombstone of a deleted record was removed'
        : 'the row was removed';
      problems.push({ kind: 'removed', table, id, detail });
      continue;
    }
    const ids = byRev.get(entry.rev);
    if (ids) ids.push(id);
    else byRev.set(entry.rev, [id]);
  }
  for (const id of all) {
    if (!manifest.has(id))
      problems.push({ kind: 'unknown', table, id, detail: 'a row this vault never wrote' });
  }
  const atRev = new Set<string>();
  for (const rev of byRev.keys()) {
    for (const id of await source.where('rev').equals(rev).primaryKeys()) {
      if (manifest.get(id)?.rev === rev) atRev.add(id);
    }
  }
  const wrongRev = [...byRev.values()].flat().filter((id) => !atRev.has(id));
  const rows = await source.bulkGet(wrongRev);
  wrongRev.forEach((id, i) => {
    const found = rows[i]?.rev ?? 0;
    const expected = manifest.get(id)?.rev ?? 0;
    problems.push(
      found < expected
        ? {
            kind: 'rolled-back',
            table,
            id,
            foundRev: found,
            expectedRev: expected,
            detail: `an older copy (revision ${found} of ${expected}) was put back`,
          }
        : { kind: 'altered', table, id, detail: 'its clear revision was changed' },
    );
  });
  const flagged = new Set(await source.where('deleted').equals(1).primaryKeys());
  for (const [id, entry] of manifest) {
    if (!all.has(id) || flagged.has(id) === entry.deleted) continue;
    const hidden = !entry.deleted;
    problems.push({
      kind: hidden ? 'hidden' : 'altered',
      table,
      id,
      detail: hidden
        ? 'its clear tombstone flag was set, hiding a live record'
        : 'its clear tombstone flag was cleared',
    });
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
