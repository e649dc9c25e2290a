/**
 * Runs inside Chromium: the encrypted vault layer against plain Dexie on the same records, in
 * the same page, alternating runs so neither side gets a warmer browser. Figures only; the
 * runner prints them.
 */
import Dexie from 'dexie';
import { z } from 'zod';
import {
  deriveKek,
  newPassphraseKdf,
  PBKDF2_ITERATIONS,
  randomBytes,
  recordAad,
  toBase64,
} from '../../../shared/crypto';
import type { FieldNote } from '../../../shared/domain/notes';
import { newRecordId } from '../../../shared/domain/records';
import { demoEngagement } from '../../../shared/sample/demo-engagement';
import { scanVault } from '../../../renderer/data/integrity-scan';
import type { SealedRow } from '../../../renderer/data/rows';
import { openRecordRow, sealRecordRows } from '../../../renderer/data/session-core';
import { loadDemo } from '../../../renderer/features/vaults/load-demo';
import { browserIdb } from '../../../renderer/data/idb';
import { tableSpec } from '../../../renderer/data/tables';
import { createVaultStore } from '../../../renderer/data/vaults';

// As in the app (renderer/main.tsx): the CSP forbids eval, so zod runs without its JIT.
z.config({ jitless: true });

const PASSPHRASE = 'benchmark passphrase 2025';
const BENCH_ENGAGEMENT = {
  entity: 'bench',
  periodStart: '2025-01-01',
  periodEnd: '2025-12-31',
  scope: '',
  team: [{ name: 'bench', role: 'lead' as const }],
};

function notes(count: number): FieldNote[] {
  return Array.from({ length: count }, (_, i) => ({
    title: `訪談紀錄 ${i}`,
    body: `受訪者第 ${i} 位說明存取權限異動流程，抽查 ${i % 37} 筆申請單。`.repeat(3),
    observedOn: '2025-03-05',
  }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timed<T>(task: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await task();
  return [performance.now() - start, value];
}

/** Microseconds per record of each step of an encrypted write and read (one batch each). */
export interface Breakdown {
  /** The payload schema (zod) on every record, as `createMany` does before sealing. */
  validateUs: number;
  /** JSON + UTF-8, additional data, IVs and AES-GCM for the whole batch (`sealRecordRows`). */
  sealUs: number;
  /** The new manifest of the table: encoded, and its SHA-256 (`VaultState.next`). */
  manifestUs: number;
  /** AES-GCM open + UTF-8 + JSON + shape check for every row (`openRecordRow`). */
  openUs: number;
  /** WebCrypto's AES-GCM decrypt alone, every row in flight together. */
  decryptUs: number;
  /** UTF-8 decoding and JSON.parse of the decrypted plaintexts alone. */
  parseUs: number;
  /** Reading the sealed rows back from IndexedDB (`toArray`), nothing opened. */
  readRowsUs: number;
  /** The unlock check of clear fields against the manifest, from the indexes alone. */
  scanUs: number;
}

export interface RekeyResult {
  records: number;
  ms: number;
}

export interface BenchResult {
  records: number;
  rounds: number;
  breakdown: Breakdown;
  rekey: RekeyResult;
  /** Unlock of the vault holding the records, with its integrity checks. */
  unlockFullMs: number;
  /** Argon2id at the parameters new vaults get. */
  argon2idMs: number;
  /** PBKDF2 as vaults made before Argon2id have it (upgraded at their next unlock). */
  pbkdf2Ms: number;
  unlockMs: number;
  plain: { writeMs: number; readMs: number };
  encrypted: { writeMs: number; readMs: number; repeatReadMs: number };
  /** Each round's plain and encrypted figures, run back to back (ratios within one round). */
  perRound: {
    plain: { writeMs: number; readMs: number };
    encrypted: { writeMs: number; readMs: number; repeatReadMs: number };
  }[];
}

async function plainRound(
  items: FieldNote[],
  round: number,
): Promise<{ writeMs: number; readMs: number }> {
  const db = new Dexie(`bench-plain-${round}`);
  db.version(1).stores({ notes: 'id, deleted' });
  const updatedAt = new Date().toISOString();
  const rows = items.map((note, i) => ({
    ...note,
    id: `${round}-${i}`,
    rev: 1,
    deleted: 0,
    updatedAt,
    updatedBy: 'bench',
  }));
  const [writeMs] = await timed(() => db.table('notes').bulkPut(rows));
  db.close();
  const reopened = new Dexie(`bench-plain-${round}`);
  reopened.version(1).stores({ notes: 'id, deleted' });
  const [readMs, read] = await timed(() => reopened.table('notes').toArray());
  if (read.length !== items.length) throw new Error('plain read-back lost records');
  await reopened.delete();
  return { writeMs, readMs };
}

async function encryptedRound(
  items: FieldNote[],
): Promise<{ writeMs: number; readMs: number; repeatReadMs: number; unlockMs: number }> {
  const store = createVaultStore({ idb: browserIdb() });
  const { session } = await store.create({
    label: 'bench',
    passphrase: PASSPHRASE,
    owner: 'bench',
    engagement: {
      entity: 'bench',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      scope: '',
      team: [{ name: 'bench', role: 'lead' }],
    },
  });
  const [writeMs] = await timed(() => session.createMany('notes', items, 'bench'));
  session.lock();
  const [unlockMs, reopened] = await timed(() => store.unlock(session.vaultId, PASSPHRASE));
  if (reopened.integrityProblems.length > 0) throw new Error('false integrity alarm');
  const [readMs, read] = await timed(() => reopened.list('notes'));
  if (read.length !== items.length) throw new Error('encrypted read-back lost records');
  // While unlocked, the records already opened are kept: a repeated read opens nothing.
  const [repeatReadMs] = await timed(() => reopened.list('notes'));
  reopened.lock();
  await store.remove(session.vaultId);
  store.close();
  return { writeMs, readMs, repeatReadMs, unlockMs };
}

/** Each step of the encrypted layer alone, on the same records, through its own parts. */
async function breakdown(items: FieldNote[]): Promise<Breakdown> {
  const store = createVaultStore({ idb: browserIdb() });
  const { session } = await store.create({
    label: 'breakdown',
    passphrase: PASSPHRASE,
    owner: 'bench',
    engagement: BENCH_ENGAGEMENT,
  });
  await session.createMany('notes', items, 'bench');
  const per = (ms: number) => (ms * 1000) / items.length;
  const result = await session.internals(async (core) => {
    const records = items.map((data) => ({
      meta: {
        id: newRecordId(),
        rev: 1,
        updatedAt: new Date().toISOString(),
        updatedBy: 'bench',
        deleted: false,
      },
      data,
    }));
    const schema = tableSpec('notes').schema;
    const [validateMs] = await timed(() =>
      Promise.resolve(items.map((item) => schema.safeParse(item))),
    );
    const [sealMs] = await timed(() => sealRecordRows(core.keys(), core.vaultId, 'notes', records));
    const changes = records.map(({ meta }) => ({
      table: 'notes' as const,
      id: meta.id,
      entry: { rev: 1, deleted: false, parent: null },
    }));
    const [manifestMs] = await timed(() => core.state.next(changes));
    const [readRowsMs, rows] = await timed(() =>
      core.db.table<SealedRow, string>('notes').toArray(),
    );
    const [openMs] = await timed(() =>
      Promise.all(rows.map((row) => openRecordRow(core, 'notes', row))),
    );
    const key = core.keys().record;
    const [decryptMs, plaintexts] = await timed(() =>
      Promise.all(
        rows.map((row) =>
          crypto.subtle.decrypt(
            {
              name: 'AES-GCM',
              iv: row.sealed.iv,
              additionalData: recordAad(core.vaultId, 'notes', row.id),
            },
            key,
            row.sealed.ct,
          ),
        ),
      ),
    );
    const decoder = new TextDecoder();
    const [parseMs] = await timed(() =>
      Promise.resolve(plaintexts.map((pt) => JSON.parse(decoder.decode(pt)) as unknown)),
    );
    const [scanMs] = await timed(() => scanVault(core));
    return {
      validateUs: per(validateMs),
      sealUs: per(sealMs),
      manifestUs: per(manifestMs),
      openUs: per(openMs),
      decryptUs: per(decryptMs),
      parseUs: per(parseMs),
      readRowsUs: per(readRowsMs),
      scanUs: per(scanMs),
    };
  });
  session.lock();
  await store.remove(session.vaultId);
  store.close();
  return result;
}

/** Re-key of a vault with the sample engagement and 20,000 people in the agreements register. */
async function rekeyCase(people: number): Promise<RekeyResult> {
  const store = createVaultStore({ idb: browserIdb() });
  const { session } = await store.create({
    label: 'rekey',
    passphrase: PASSPHRASE,
    owner: 'bench',
    engagement: BENCH_ENGAGEMENT,
  });
  const demo = await demoEngagement(new Date());
  await loadDemo(session, demo);
  const template = demo.registers.people[0];
  if (!template) throw new Error('the sample has no people');
  const { id: _id, rev: _rev, updatedAt: _at, updatedBy: _by, deleted: _d, ...person } = template;
  const many = Array.from({ length: people }, (_, i) => ({
    ...person,
    employeeNo: `B${String(i).padStart(6, '0')}`,
    name: `受測人員 ${i}`,
  }));
  await session.createMany('people', many, 'bench');
  const records = (
    await Promise.all(
      (['itemResults', 'findings', 'people', 'agreements', 'systems'] as const).map((t) =>
        session.list(t),
      ),
    )
  ).reduce((n, list) => n + list.length, 0);
  const [ms] = await timed(() => store.rekey(session, PASSPHRASE));
  session.lock();
  await store.remove(session.vaultId);
  store.close();
  return { records, ms };
}

export async function run(records: number, rounds: number): Promise<BenchResult> {
  const items = notes(records);
  const argonRuns: number[] = [];
  const pbkdf2Runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    argonRuns.push((await timed(() => deriveKek(PASSPHRASE, newPassphraseKdf())))[0]);
    const legacy = {
      alg: 'PBKDF2-SHA256',
      iterations: PBKDF2_ITERATIONS,
      salt: toBase64(randomBytes(16)),
    } as const;
    pbkdf2Runs.push((await timed(() => deriveKek(PASSPHRASE, legacy)))[0]);
  }

  const store = createVaultStore({ idb: browserIdb() });
  const { session } = await store.create({
    label: 'unlock-bench',
    passphrase: PASSPHRASE,
    owner: 'bench',
    engagement: {
      entity: 'bench',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      scope: '',
      team: [{ name: 'bench', role: 'lead' }],
    },
  });
  session.lock();
  const unlockRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [ms, opened] = await timed(() => store.unlock(session.vaultId, PASSPHRASE));
    unlockRuns.push(ms);
    opened.lock();
  }
  await store.remove(session.vaultId);

  const plain: { writeMs: number; readMs: number }[] = [];
  const encrypted: Awaited<ReturnType<typeof encryptedRound>>[] = [];
  for (let round = 0; round < rounds; round++) {
    plain.push(await plainRound(items, round));
    encrypted.push(await encryptedRound(items));
  }
  return {
    records,
    rounds,
    argon2idMs: median(argonRuns),
    pbkdf2Ms: median(pbkdf2Runs),
    unlockMs: median(unlockRuns),
    unlockFullMs: median(encrypted.map((r) => r.unlockMs)),
    breakdown: await breakdown(items),
    rekey: await rekeyCase(20_000),
    plain: {
      writeMs: median(plain.map((r) => r.writeMs)),
      readMs: median(plain.map((r) => r.readMs)),
    },
    encrypted: {
      writeMs: median(encrypted.map((r) => r.writeMs)),
      readMs: median(encrypted.map((r) => r.readMs)),
      repeatReadMs: median(encrypted.map((r) => r.repeatReadMs)),
    },
    perRound: plain.map((p, i) => {
      const e = encrypted[i] as Awaited<ReturnType<typeof encryptedRound>>;
      return {
        plain: p,
        encrypted: { writeMs: e.writeMs, readMs: e.readMs, repeatReadMs: e.repeatReadMs },
      };
    }),
  };
}

(globalThis as unknown as { awBench: { run: typeof run } }).awBench = { run };
