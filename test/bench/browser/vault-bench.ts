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
  toBase64,
} from '../../../shared/crypto';
import type { FieldNote } from '../../../shared/domain/notes';
import { browserIdb } from '../../../renderer/data/idb';
import { createVaultStore } from '../../../renderer/data/vaults';

// As in the app (renderer/main.tsx): the CSP forbids eval, so zod runs without its JIT.
z.config({ jitless: true });

const PASSPHRASE = 'benchmark passphrase 2025';

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

export interface BenchResult {
  records: number;
  rounds: number;
  /** Argon2id at the parameters new vaults get. */
  argon2idMs: number;
  /** PBKDF2 as vaults made before Argon2id have it (upgraded at their next unlock). */
  pbkdf2Ms: number;
  unlockMs: number;
  plain: { writeMs: number; readMs: number };
  encrypted: { writeMs: number; readMs: number };
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

async function encryptedRound(items: FieldNote[]): Promise<{ writeMs: number; readMs: number }> {
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
  const reopened = await store.unlock(session.vaultId, PASSPHRASE);
  const [readMs, read] = await timed(() => reopened.list('notes'));
  if (read.length !== items.length) throw new Error('encrypted read-back lost records');
  reopened.lock();
  await store.remove(session.vaultId);
  store.close();
  return { writeMs, readMs };
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
  const encrypted: { writeMs: number; readMs: number }[] = [];
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
    plain: {
      writeMs: median(plain.map((r) => r.writeMs)),
      readMs: median(plain.map((r) => r.readMs)),
    },
    encrypted: {
      writeMs: median(encrypted.map((r) => r.writeMs)),
      readMs: median(encrypted.map((r) => r.readMs)),
    },
  };
}

(globalThis as unknown as { awBench: { run: typeof run } }).awBench = { run };
