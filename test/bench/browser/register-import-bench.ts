/**
 * Runs inside Chromium: a 20,000-row HR roster and a 20,000-row asset list imported the way the
 * app imports them, minus the worker hop: read and check the file (`readTable`,
 * `validateRows`), turn rows into register records, compare them with the vault, commit them
 * encrypted in one transaction; then the same file again (nothing new: every row decrypted and
 * compared). Figures only; the runner prints them.
 */
import { z } from 'zod';
import {
  ASSET_FIELDS,
  findHeaderRow,
  readTable,
  suggestMapping,
  validateRows,
  type ValidRow,
} from '../../../shared/import';
import {
  PEOPLE_ROSTER_FIELDS,
  PEOPLE_ROSTER_UNIQUE_KEY,
} from '../../../shared/registers/agreements/people';
import { browserIdb } from '../../../renderer/data/idb';
import type { VaultSession } from '../../../renderer/data/vault-session';
import { createVaultStore } from '../../../renderer/data/vaults';
import { planRosterImport } from '../../../renderer/features/agreements/import-plans';
import { planAssetImport } from '../../../renderer/features/disposal/import-plans';
import type { ImportPlan } from '../../../renderer/features/import/ImportWizard';

z.config({ jitless: true });

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';
function nationalId(n: number): string {
  const letter = LETTERS[n % 26] ?? 'A';
  const code = 10 + LETTERS.indexOf(letter);
  const body = `${1 + (n % 2)}${String(n).padStart(7, '0').slice(-7)}`;
  const digits = [Math.floor(code / 10), code % 10, ...Array.from(body, Number)];
  const weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1];
  const sum = digits.reduce((total, d, i) => total + d * (weights[i] ?? 0), 0);
  return `${letter}${body}${(10 - (sum % 10)) % 10}`;
}

function rosterCsv(rows: number): Uint8Array {
  const lines = ['員工編號,姓名,身分證字號,部門,職稱,到職日,在職狀態,離職日,系統帳號'];
  for (let i = 0; i < rows; i++) {
    const left = i % 50 === 0;
    lines.push(
      [
        `E${String(i).padStart(6, '0')}`,
        `員工${i}`,
        nationalId(i),
        ['資訊處', '稽核室', '理賠部', '業務部'][i % 4],
        '專員',
        `${2000 + (i % 25)}/0${1 + (i % 9)}/1${i % 10}`,
        left ? '離職' : '在職',
        left ? '2025-06-30' : '',
        i % 3 === 0 ? '有' : '無',
      ].join(','),
    );
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}

function assetCsv(rows: number): Uint8Array {
  const lines = ['財產編號,資產名稱,類別,廠牌型號,序號,保管人,機密等級'];
  const categories = ['筆記型電腦', '個人電腦', '伺服器', '行動裝置', '儲存設備', '軟體'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [
        `AS-${String(i).padStart(6, '0')}`,
        `設備 ${i}`,
        categories[i % categories.length],
        'Lenovo T14',
        `SN${i}`,
        `員工${i % 997}`,
        ['普通', '限閱', '密'][i % 3],
      ].join(','),
    );
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}

export interface ImportPhase {
  name: string;
  ms: number;
}

export interface RegisterImportCase {
  dataset: 'roster' | 'assets';
  rows: number;
  bytes: number;
  phases: ImportPhase[];
  created: number;
  unchanged: number;
  skipped: number;
  totalMs: number;
  rowsPerSecond: number;
  /** Growth of the JS heap over the start of the case (Chromium's performance.memory). */
  peakHeapBytes: number | null;
}

function heap(): number | null {
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize : null;
}

async function runCase(
  session: VaultSession,
  dataset: 'roster' | 'assets',
  rows: number,
): Promise<RegisterImportCase> {
  const bytes = dataset === 'roster' ? rosterCsv(rows) : assetCsv(rows);
  const fields = dataset === 'roster' ? PEOPLE_ROSTER_FIELDS : ASSET_FIELDS;
  const uniqueKey = dataset === 'roster' ? PEOPLE_ROSTER_UNIQUE_KEY : ['assetTag'];
  const phases: ImportPhase[] = [];
  const start = heap();
  let peak = start ?? 0;
  const sample = () => {
    const now = heap();
    if (now !== null) peak = Math.max(peak, now);
  };
  async function phase<T>(name: string, task: () => Promise<T> | T): Promise<T> {
    const began = performance.now();
    const value = await task();
    phases.push({ name, ms: performance.now() - began });
    sample();
    return value;
  }

  const table = await phase('read', () => readTable(bytes));
  const headerIndex = findHeaderRow(table.rows, fields);
  const headers = table.rows[headerIndex] ?? [];
  const mapping = suggestMapping(headers, fields).fields;
  const checked = await phase('validate', () =>
    validateRows(table.rows.slice(headerIndex + 1), headers, mapping, fields, {
      uniqueKey,
      onProgress: sample,
    }),
  );
  const context = {
    fileName: `${dataset}.csv`,
    columns: { headers, mapping },
    checkErrors: checked.errorCount,
  };
  const plan = (valid: ValidRow[]): Promise<ImportPlan> =>
    dataset === 'roster'
      ? planRosterImport(session, valid, context)
      : planAssetImport(session, valid, context);
  const first = await phase('convert + compare', () => plan(checked.valid));
  await phase('commit (encrypted, one transaction)', () => first.commit({ updateChanged: false }));
  const again = await phase('re-import: decrypt + compare', () => plan(checked.valid));
  const totalMs = phases.reduce((sum, p) => sum + p.ms, 0);
  return {
    dataset,
    rows,
    bytes: bytes.length,
    phases,
    created: first.created,
    unchanged: again.unchanged,
    skipped: first.skipped ?? 0,
    totalMs,
    rowsPerSecond: Math.round((rows / totalMs) * 1000),
    peakHeapBytes: start === null ? null : peak - start,
  };
}

export async function run(rows: number): Promise<RegisterImportCase[]> {
  const store = createVaultStore({ idb: browserIdb() });
  const { session } = await store.create({
    label: 'import bench',
    passphrase: 'import benchmark passphrase',
    owner: 'bench',
    engagement: {
      entity: '示範產物保險',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      scope: '',
      team: [{ name: 'bench', role: 'lead' }],
    },
  });
  try {
    return [await runCase(session, 'roster', rows), await runCase(session, 'assets', rows)];
  } finally {
    session.lock();
  }
}

(globalThis as unknown as { awRegisterImportBench: { run: typeof run } }).awRegisterImportBench = {
  run,
};
