/**
 * Re-keying a vault: a new master secret, and every record, trail entry, manifest, the owner,
 * the trail head and every evidence file sealed again under it, with new passphrase and
 * recovery slots, all or nothing. Afterwards the old passphrase slots, the old recovery key
 * and any backup of the old keyslots open nothing current.
 *
 * Everything is re-sealed before the one transaction that writes it (WebCrypto cannot be
 * awaited inside one). Evidence files can be large, so they are re-sealed one at a time into
 * `staging`, and the transaction moves them into `blobs`; if anything fails before it commits,
 * the staged copies (sealed under a key that was never stored) are deleted and the vault is as
 * it was. The vault must be intact: a row that does not open could not be carried over.
 */
import {
  type Keyslot,
  openBytes,
  recordAad,
  type Sealed,
  sealBytes,
  sealMany,
  type VaultKeys,
} from '../../shared/crypto';
import { chainEntry } from '../../shared/domain/activity';
import type { IntegrityProblem } from './integrity';
import { verifyVault } from './integrity-scan';
import type { ActivityRow, MetaRow, SealedRow } from './rows';
import type { SessionCore } from './session-core';
import { SEALED_RECORD_TABLES, type SealedRecordTable } from './tables';
import type { HeadRow } from './vault-state';

export class RekeyRefusedError extends Error {
  override name = 'RekeyRefusedError';
  constructor(readonly problems: readonly IntegrityProblem[]) {
    super(
      `The vault has ${problems.length} integrity problem(s); re-keying would lose what does not open. Resolve them first.`,
    );
  }
}

export interface RekeyProgress {
  phase: 'checking' | 'sealing' | 'files' | 'writing';
  done: number;
  total: number;
}

export interface RekeyInput {
  keys: VaultKeys;
  passphraseSlot: Keyslot;
  recoverySlot: Keyslot;
  onProgress?: (progress: RekeyProgress) => void;
  signal?: AbortSignal;
  /** Test hook: runs just before the final transaction, to simulate a failure there. */
  beforeCommit?: () => Promise<void>;
}

interface Resealed {
  records: { table: SealedRecordTable; rows: SealedRow[] }[];
  activity: ActivityRow[];
  meta: MetaRow[];
}

/** Opens with the session's key and seals under the new one, with the same additional data. */
async function reseal(
  core: SessionCore,
  next: VaultKeys,
  items: readonly { table: string; id: string | number; sealed: Sealed }[],
): Promise<Sealed[]> {
  const old = core.keys().record;
  const plain = await Promise.all(
    items.map(({ table, id, sealed }) =>
      openBytes(old, sealed, recordAad(core.vaultId, table, id)),
    ),
  );
  return sealMany(
    next.record,
    items.map(({ table, id }, i) => ({
      plaintext: plain[i] as Uint8Array<ArrayBuffer>,
      aad: recordAad(core.vaultId, table, id),
    })),
  );
}

async function resealAll(core: SessionCore, input: RekeyInput): Promise<Resealed> {
  const tables = await Promise.all(
    SEALED_RECORD_TABLES.map(async (table) => ({
      table,
      rows: await core.db.table<SealedRow, string>(table).toArray(),
    })),
  );
  const activity = await core.db.activity.toArray();
  const meta = (await core.db.meta.toArray()).filter(
    (row): row is Extract<MetaRow, { sealed: Sealed }> => 'sealed' in row,
  );
  const total = tables.reduce((n, t) => n + t.rows.length, 0) + activity.length + meta.length;
  let done = 0;
  const progress = (n: number) => {
    done += n;
    input.onProgress?.({ phase: 'sealing', done, total });
  };
  const records: Resealed['records'] = [];
  for (const { table, rows } of tables) {
    input.signal?.throwIfAborted();
    const sealed = await reseal(
      core,
      input.keys,
      rows.map((row) => ({ table, id: row.id, sealed: row.sealed })),
    );
    records.push({ table, rows: rows.map((row, i) => ({ ...row, sealed: sealed[i] as Sealed })) });
    progress(rows.length);
  }
  input.signal?.throwIfAborted();
  const trail = await reseal(
    core,
    input.keys,
    activity.map((row) => ({ table: 'activity', id: row.seq, sealed: row.sealed })),
  );
  progress(activity.length);
  const metaSealed = await reseal(
    core,
    input.keys,
    meta.map((row) => ({ table: 'meta', id: row.key, sealed: row.sealed })),
  );
  progress(meta.length);
  return {
    records,
    activity: activity.map((row, i) => ({ seq: row.seq, sealed: trail[i] as Sealed })),
    meta: meta.map((row, i): MetaRow => ({ ...row, sealed: metaSealed[i] as Sealed })),
  };
}

/** Re-seals every evidence file into `staging`, one at a time. Returns the staged ids. */
async function stageBlobs(core: SessionCore, input: RekeyInput): Promise<string[]> {
  const ids = await core.db.blobs.toCollection().primaryKeys();
  const staged: string[] = [];
  for (const id of ids) {
    input.signal?.throwIfAborted();
    const row = await core.db.blobs.get(id);
    if (!row) continue;
    const aad = recordAad(core.vaultId, 'blobs', id);
    const bytes = await openBytes(core.keys().record, row.sealed, aad);
    const sealed = await sealBytes(input.keys.record, bytes, aad);
    bytes.fill(0);
    await core.db.staging.put({ id, sealed });
    staged.push(id);
    input.onProgress?.({ phase: 'files', done: staged.length, total: ids.length });
  }
  return staged;
}

/** The `vault.rekeyed` entry and the head after it, sealed under the new key. */
async function rekeyEntry(core: SessionCore, keys: VaultKeys) {
  const head = core.state.head;
  const entry = await chainEntry(
    head ? { seq: head.seq, hash: head.hash } : null,
    { action: 'vault.rekeyed', target: null, summary: '' },
    core.actor,
    core.now().toISOString(),
    await core.state.current(),
  );
  const headRow: HeadRow = {
    seq: entry.seq,
    hash: entry.hash,
    digests: Object.fromEntries(core.state.digests),
  };
  const encoder = new TextEncoder();
  const [sealedEntry, sealedHead] = await sealMany(keys.record, [
    {
      plaintext: encoder.encode(JSON.stringify(entry)),
      aad: recordAad(core.vaultId, 'activity', entry.seq),
    },
    {
      plaintext: encoder.encode(JSON.stringify(headRow)),
      aad: recordAad(core.vaultId, 'meta', 'activity-head'),
    },
  ]);
  return {
    entryRow: { seq: entry.seq, sealed: sealedEntry as Sealed },
    headRow: { key: 'activity-head', seq: entry.seq, sealed: sealedHead as Sealed } as MetaRow,
  };
}

/**
 * Re-seals the whole vault under `input.keys` and replaces both keyslots, in one transaction.
 * The caller hands the session the new keys afterwards.
 */
export async function rekeyVault(core: SessionCore, input: RekeyInput): Promise<void> {
  input.onProgress?.({ phase: 'checking', done: 0, total: 1 });
  const problems = await verifyVault(core, undefined, input.signal);
  if (problems.length > 0) throw new RekeyRefusedError(problems);
  const startSeq = core.state.headSeq;
  await core.db.staging.clear();
  try {
    const resealed = await resealAll(core, input);
    const staged = await stageBlobs(core, input);
    const { entryRow, headRow } = await rekeyEntry(core, input.keys);
    input.signal?.throwIfAborted();
    await input.beforeCommit?.();
    input.onProgress?.({ phase: 'writing', done: 0, total: 1 });
    const tables = [
      core.db.meta,
      core.db.activity,
      core.db.blobs,
      core.db.staging,
      ...resealed.records.map((r) => core.db.table(r.table)),
    ];
    await core.db.transaction('rw', tables, async () => {
      const raw = await core.db.meta.get('activity-head');
      if ((raw && 'seq' in raw ? raw.seq : 0) !== startSeq) {
        throw new Error(
          'The vault changed while it was being re-keyed; nothing was changed. Try again.',
        );
      }
      for (const { table, rows } of resealed.records) await core.db.table(table).bulkPut(rows);
      await core.db.activity.bulkPut([...resealed.activity, entryRow]);
      const meta = resealed.meta.filter((row) => row.key !== 'activity-head');
      await core.db.meta.bulkPut([
        ...meta,
        headRow,
        { key: 'keyslot:passphrase', slot: input.passphraseSlot },
        { key: 'keyslot:recovery', slot: input.recoverySlot },
      ]);
      await core.db.meta.delete('keyslot:passphrase-pending');
      for (const id of staged) {
        const row = await core.db.staging.get(id);
        if (!row) throw new Error(`staged file ${id} is missing`);
        await core.db.blobs.put(row);
      }
      await core.db.staging.clear();
    });
    input.onProgress?.({ phase: 'writing', done: 1, total: 1 });
  } catch (error) {
    await core.db.staging.clear().catch(() => undefined);
    throw error;
  }
}
