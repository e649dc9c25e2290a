/**
 * A small hand-out and return for the package tests, and a way to alter a package as someone
 * holding its passphrase could: decrypt, change the ZIP, encrypt again.
 */
import { unzipSync, zipSync } from 'fflate';
import { chainEntry, type ActivityEntry } from '../domain/activity';
import { sha256Hex, utf8 } from '../crypto/bytes';
import { ENGAGEMENT, evidence, itemResult, record, uid } from '../merge/test-support';
import { decryptPackage, encryptPackage } from './age';
import type { PackageContents, PackageRecord } from './format';

export const PASSPHRASE = 'correct horse battery staple';
/** scrypt work factor for tests: fast, still real scrypt. */
export const TEST_LOG_N = 10;

export const ENGAGEMENT_ID = uid(0xe0);
export const BASE_ID = uid(0xb0);
export const HANDOUT_ID = uid(0xa0);
export const RETURN_ID = uid(0xa1);
export const EVIDENCE_BYTES = utf8('%PDF-1.4 scanned attendance sheet');

const header = {
  engagementId: ENGAGEMENT_ID,
  author: '林組長',
  createdAt: '2025-03-01T08:00:00.000Z',
  appVersion: '1.2.3-test',
};

export function handoutRecords(): PackageRecord[] {
  return [
    record('engagement', ENGAGEMENT_ID, ENGAGEMENT),
    record('itemResults', uid(1), itemResult('item.1')),
    record('itemResults', uid(2), itemResult('item.2')),
  ];
}

export function handout(): PackageContents {
  return {
    ...header,
    kind: 'handout',
    packageId: HANDOUT_ID,
    baseId: BASE_ID,
    basePackageId: null,
    auditor: '王小明',
    records: handoutRecords(),
    files: new Map(),
    trail: [],
    trailFrom: null,
    trailHead: null,
    mergedPackages: [],
  };
}

export async function auditorTrail(): Promise<ActivityEntry[]> {
  const trail: ActivityEntry[] = [];
  for (const [i, summary] of ['開啟案件包', '修改查核結果', '新增證據'].entries()) {
    const head = trail.at(-1) ?? null;
    const draft = { action: 'record.updated' as const, target: null, summary };
    trail.push(await chainEntry(head, draft, '王小明', `2025-03-0${i + 2}T09:00:00.000Z`));
  }
  return trail;
}

export async function returned(): Promise<PackageContents> {
  const sha = await sha256Hex(EVIDENCE_BYTES);
  const trail = await auditorTrail();
  const last = trail.at(-1) as ActivityEntry;
  const by = { updatedAt: '2025-03-04T10:00:00.000Z', updatedBy: '王小明' };
  return {
    ...header,
    createdAt: '2025-03-05T08:00:00.000Z',
    author: '王小明',
    kind: 'return',
    packageId: RETURN_ID,
    baseId: BASE_ID,
    basePackageId: HANDOUT_ID,
    auditor: '王小明',
    records: [
      {
        ...record('itemResults', uid(1), itemResult('item.1', { result: 'compliant' }), {
          rev: 2,
          ...by,
        }),
        baseRev: 1,
      },
      {
        ...record(
          'evidence',
          uid(3),
          evidence(sha, { sha256: sha, size: EVIDENCE_BYTES.length }),
          by,
        ),
        baseRev: null,
      },
    ],
    files: new Map([[sha, EVIDENCE_BYTES]]),
    trail,
    trailFrom: null,
    trailHead: { seq: last.seq, hash: last.hash },
    mergedPackages: [],
  };
}

/** The package with its ZIP changed by `mutate` (parts by name), encrypted again. */
export async function altered(
  bytes: Uint8Array,
  mutate: (parts: Record<string, Uint8Array>) => void | Promise<void>,
): Promise<Uint8Array> {
  const parts = unzipSync(await decryptPackage(bytes, PASSPHRASE));
  await mutate(parts);
  return encryptPackage(zipSync(parts), PASSPHRASE, TEST_LOG_N);
}

export const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
