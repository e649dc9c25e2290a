/**
 * Export benchmark (issue 5), in Node: figures, not assertions. An inspection of the whole
 * library (a result for every item), 2,000 findings, 20,000 people with 20,000 agreements and
 * 20,000 disposal records, exported three ways:
 *
 * - `workpaper`: our pipeline, `buildInspectionWorkbook` + `writeWorkbook` (what the export
 *   worker runs);
 * - `baseline`: bare exceljs writing the same cell values (taken from the built `WorkbookSpec`,
 *   so the cells are identical) with no styles, validations, conditional formats or meta sheet;
 *   the spec is built before the clock starts;
 * - `encrypted`: our pipeline + `encryptOoxml` with Excel's default 100,000 spins.
 *
 * Every round of the workpaper and the baseline runs in a Node process of its own
 * (`--expose-gc`), the two alternating, so one case's garbage and exceljs's caches do not
 * inflate the other's memory and a change in the machine's load falls on both alike; the
 * encrypted case runs its rounds in one process after them. The peak RSS is the process's own
 * high-water mark (`process.resourceUsage().maxRSS`), exact rather than sampled; heap is sampled
 * every 5 ms and at phase boundaries (exceljs works in long synchronous stretches, so that figure
 * is a lower bound). Both are reported above what the process held once the data was generated,
 * the highest over the case's processes. Time is the median of `rounds` rounds, each after a
 * full GC.
 *
 * Node 20 rather than Chromium: the export runs in a worker on the same JS engine (V8), and
 * exceljs and JSZip do the same work in both; WebCrypto's SHA-512 loop of the encrypted case is
 * slower in Node (see shared/workpapers/README.md).
 */
import { runCaseInChild } from './child-case';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { CHECKLIST_LIBRARY } from '../../shared/catalog';
import { chainEntry, type ActivityEntry } from '../../shared/domain/activity';
import { asIsoDate, asIsoInstant, type IsoDate } from '../../shared/domain/dates';
import {
  FINDING_CATEGORIES,
  FINDING_STATUSES,
  SEVERITIES,
  addDays as addDaysIso,
  type InspectedSystem,
} from '../../shared/domain/inspection';
import type { Inspection, StoredFinding, StoredItemResult } from '../../shared/domain/inspections';
import type { RecordId, RecordMeta, Stored } from '../../shared/domain/records';
import type { Agreement } from '../../shared/registers/agreements/agreements';
import { currentVersionsSchema } from '../../shared/registers/agreements/current-versions';
import type { Person } from '../../shared/registers/agreements/people';
import type { TaxId, Vendor } from '../../shared/registers/agreements/vendors';
import { newDisposalRecord, type DisposalRecord } from '../../shared/registers/disposal/disposal';
import { emptyReview, type PolicyReview } from '../../shared/registers/policies/review';
import { POLICY_KINDS } from '../../shared/registers/policies/templates';
import {
  buildInspectionWorkbook,
  encryptOoxml,
  writeWorkbook,
  type InspectionWorkbookInput,
  type InspectionWorkbookOptions,
  type WorkbookSpec,
} from '../../shared/workpapers';

export interface ExportBenchSize {
  findings: number;
  people: number;
  agreements: number;
  disposals: number;
}

export const DEFAULT_SIZE: ExportBenchSize = {
  findings: 2_000,
  people: 20_000,
  agreements: 20_000,
  disposals: 20_000,
};

export const EXPORT_CASES = ['workpaper', 'baseline', 'encrypted'] as const;
export type ExportCase = (typeof EXPORT_CASES)[number];

export interface ExportCaseResult {
  case: ExportCase;
  rounds: number;
  /** Per round, in ms. */
  times: number[];
  medianMs: number;
  /** Build (spec) and write phases of the median round, for our pipeline. */
  phases: Record<string, number>;
  bytes: number;
  cells: number;
  /** Process RSS high-water mark minus RSS after generating the data. */
  peakRssBytes: number;
  /** Sampled heap peak minus the heap after generating the data (a lower bound). */
  peakHeapBytes: number;
  generateMs: number;
}

const OPTIONS: InspectionWorkbookOptions = {
  lang: 'zh-TW',
  calendar: 'roc',
  includePersonalData: false,
};
const GENERATED_AT = '2025-03-04T16:30:00.000Z';

// ——— Deterministic data ———

function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}
type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;

const SURNAMES = Array.from('陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高');
const GIVEN = Array.from('志明俊傑建宏家豪冠宇承翰怡君雅婷淑芬美玲佳穎欣怡宗翰嘉文靜宜');
const DEPARTMENTS = [
  '資訊處',
  '稽核室',
  '財務部',
  '理賠部',
  '核保部',
  '業務部',
  '法務室',
  '人資部',
];
const PHRASES = [
  '檢視相關紀錄並抽查樣本，',
  '與權責單位訪談確認作業流程，',
  '比對系統設定與內部規範，',
  '發現部分文件未經主管簽核，',
  '已依規定辦理並留存紀錄。',
  '建議強化定期檢討機制。',
  '相關佐證已取得並歸檔。',
];

const name = (random: Random) => pick(random, SURNAMES) + pick(random, GIVEN) + pick(random, GIVEN);
const sentence = (random: Random, parts: number) =>
  Array.from({ length: parts }, () => pick(random, PHRASES)).join('');

/** A UUID-shaped id from a counter (version 7 nibble), as the demo does. */
function idFactory() {
  let counter = 0;
  return (): RecordId =>
    `0be70000-0000-7000-8000-${(++counter).toString(16).padStart(12, '0')}` as RecordId;
}

/** Builds the inspection and registers (deterministic); not timed. */
export async function generateExportInput(
  size: ExportBenchSize = DEFAULT_SIZE,
): Promise<InspectionWorkbookInput> {
  const random = generator(20250304);
  const nextId = idFactory();
  const meta = (): RecordMeta => ({
    id: nextId(),
    rev: 1,
    updatedAt: GENERATED_AT,
    updatedBy: 'bench',
    deleted: false,
  });
  const day = (from: string, spanDays: number): IsoDate =>
    addDaysIso(asIsoDate(from), Math.floor(random() * spanDays));

  const items = CHECKLIST_LIBRARY.items;
  const inspection: Stored<Inspection> = {
    ...meta(),
    title: '113 年度資訊安全自行查核（效能測試）',
    periodStart: asIsoDate('2024-01-01'),
    periodEnd: asIsoDate('2024-12-31'),
    libraryVersion: CHECKLIST_LIBRARY.version,
    scoping: {
      hasMobileApp: true,
      hasAgentApp: true,
      usesCloud: true,
      ownSocialMedia: true,
      outsourcing: true,
      thirdPartyDisposal: true,
      byodAllowed: true,
      onlineSales: true,
      remoteWork: true,
      usesIot: true,
    },
    status: 'in-progress',
  };
  const results = ['compliant', 'partial', 'non-compliant', 'not-applicable'] as const;
  const itemResults: Stored<StoredItemResult>[] = items.map((item) => {
    const result = pick(random, results);
    return {
      ...meta(),
      inspectionId: inspection.id,
      itemId: item.id,
      result,
      reason: result === 'not-applicable' ? sentence(random, 2) : '',
      workPerformed: sentence(random, 4),
      sampleDescription: '母體 412 人，隨機抽樣 25 人。',
      notes:
        random() < 0.2 ? `聯絡人 0912-${String(Math.floor(random() * 1e6)).padStart(6, '0')}` : '',
      evidenceIds: [],
    };
  });
  const findings: Stored<StoredFinding>[] = Array.from({ length: size.findings }, (_, i) => {
    const status = pick(random, FINDING_STATUSES);
    const raisedOn = day('2024-03-01', 300);
    return {
      ...meta(),
      inspectionId: inspection.id,
      itemId: pick(random, items).id,
      title: `缺失 ${i + 1}：${sentence(random, 1)}`,
      deficiency: sentence(random, 5),
      severity: pick(random, SEVERITIES),
      category: pick(random, FINDING_CATEGORIES),
      risk: sentence(random, 3),
      recommendation: sentence(random, 3),
      owner: pick(random, DEPARTMENTS),
      raisedOn,
      dueDate: addDaysIso(raisedOn, 90),
      managementResponse: random() < 0.5 ? sentence(random, 2) : '',
      status,
      closedOn: status === 'closed' ? addDaysIso(raisedOn, 60) : null,
      closingEvidenceIds: [],
    };
  });
  const systems: Stored<InspectedSystem>[] = Array.from({ length: 40 }, (_, i) => ({
    ...meta(),
    name: `系統 ${i + 1}`,
    owner: pick(random, DEPARTMENTS),
    description: sentence(random, 2),
    systemClass: (1 + (i % 3)) as 1 | 2 | 3,
    lastAssessedOn: day('2022-01-01', 1000),
    majorIncidentOn: null,
    notes: '',
  }));
  const activity: ActivityEntry[] = [];
  for (let i = 0; i < 200; i++) {
    const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
    activity.push(
      await chainEntry(
        activity.at(-1) ?? null,
        { action: 'record.updated', target: null, summary: sentence(random, 1) },
        'bench',
        at,
      ),
    );
  }

  // ——— Registers ———
  const vendors: Stored<Vendor>[] = Array.from({ length: 50 }, (_, i) => ({
    ...meta(),
    name: `廠商 ${i + 1} 股份有限公司`,
    taxId: null as TaxId | null,
    roles: i % 2 === 0 ? ['disposal'] : ['outsourcing'],
    services: '資訊委外',
    handlesCustomerData: i % 3 === 0,
    contractStart: asIsoDate('2020-01-01'),
    contractEnd: null,
    contactName: '',
    note: '',
    source: 'import',
    rowKey: null,
  }));
  const people: Stored<Person>[] = Array.from({ length: size.people }, (_, i) => {
    const left = random() < 0.05;
    const hireDate = day('2005-01-01', 7000);
    return {
      ...meta(),
      kind: 'employee',
      employeeNo: `E${String(i + 1).padStart(6, '0')}`,
      name: name(random),
      personId: null,
      department: pick(random, DEPARTMENTS),
      title: '專員',
      hireDate,
      leftOn: left ? day('2024-06-01', 200) : null,
      status: left ? 'left' : 'active',
      jobChanges: [],
      accessRevokedOn: left && random() < 0.7 ? day('2025-01-01', 30) : null,
      holdsSystemAccess: left ? random() < 0.2 : true,
      vendorId: null,
      email: '',
      phone: '',
      note: '',
      source: 'import',
      rowKey: null,
    };
  });
  const agreements: Stored<Agreement>[] = [];
  const vendorNdas = Math.min(vendors.length, size.agreements);
  for (let i = 0; agreements.length < size.agreements - vendorNdas; i++) {
    const person = people[i % people.length] as Stored<Person>;
    agreements.push({
      ...meta(),
      partyKind: 'person',
      partyId: person.id,
      kind: 'employee-undertaking',
      version: random() < 0.05 ? '2019' : '2023',
      signedOn: person.hireDate ?? asIsoDate('2020-01-01'),
      signer: person.name,
      counterSigner: '人資部經理',
      attachmentId: null,
      signature: null,
      validFrom: null,
      expiresOn: null,
      note: '',
      source: 'import',
      rowKey: null,
    });
  }
  for (const vendor of vendors.slice(0, vendorNdas)) {
    agreements.push({
      ...meta(),
      partyKind: 'vendor',
      partyId: vendor.id,
      kind: vendor.roles.includes('disposal') ? 'disposal-vendor-nda' : 'outsourcing-clause',
      version: 'V2',
      signedOn: asIsoDate('2020-01-01'),
      signer: vendor.name,
      counterSigner: '',
      attachmentId: null,
      signature: null,
      validFrom: null,
      expiresOn: random() < 0.2 ? asIsoDate('2024-12-31') : null,
      note: '',
      source: 'import',
      rowKey: null,
    });
  }
  const disposalVendors = vendors.filter((v) => v.roles.includes('disposal'));
  const disposals: Stored<DisposalRecord>[] = Array.from({ length: size.disposals }, (_, i) => {
    const withVendor = random() < 0.3;
    return {
      ...meta(),
      ...newDisposalRecord(`AS-${String(i + 1).padStart(6, '0')}`, 'laptop', 'import'),
      mediaType: random() < 0.5 ? 'ssd' : 'hdd',
      serialNo: `SN${Math.floor(random() * 1e9)}`,
      model: 'Lenovo ThinkPad T14',
      classification: '限閱',
      method: 'purge',
      technique: random() < 0.02 ? 'degauss' : 'block-erase',
      softwareRemoved: 'yes',
      performedBy: name(random),
      verifiedBy: random() < 0.05 ? '' : name(random),
      performedOn: day('2024-01-01', 360),
      verifiedOn: null,
      vendorId: withVendor ? pick(random, disposalVendors).id : null,
      certificateNo: withVendor ? `C-${i}` : '',
      status: 'completed',
    };
  });
  const policyReviews: Stored<PolicyReview>[] = POLICY_KINDS.map((kind) => ({
    ...meta(),
    ...emptyReview(kind),
  }));

  return {
    engagement: {
      entity: '效能測試產物保險股份有限公司',
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      scope: '資訊安全防護自律規範遵循情形',
      team: [{ name: '王小明', role: 'lead' }],
    },
    inspection,
    items,
    itemResults,
    findings,
    systems,
    activity,
    registers: {
      people,
      vendors,
      agreements,
      currentVersions: currentVersionsSchema.parse({
        versions: {
          'employee-undertaking': { current: '2023', accepted: [] },
          'disposal-vendor-nda': { current: 'V2', accepted: [] },
          'outsourcing-clause': { current: 'V2', accepted: [] },
        },
        requiredForEmployees: ['employee-undertaking'],
      }),
      disposals,
      policyReviews,
    },
    appVersion: 'bench',
    generatedAt: asIsoInstant(GENERATED_AT),
  };
}

// ——— The baseline: bare exceljs, the same cells ———

/** The spec's visible sheets, values only: what a plain exceljs export would write. */
export async function writeBaseline(spec: WorkbookSpec): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of spec.sheets) {
    if (sheet.state !== 'visible') continue;
    const ws = workbook.addWorksheet(sheet.name);
    if (sheet.headerRow !== false) ws.addRow(sheet.columns.map((c) => c.header));
    for (const row of sheet.rows) {
      ws.addRow(
        row.map((value) => {
          if (value === null || typeof value !== 'object') return value;
          if ('date' in value) return new Date(`${value.date}T00:00:00.000Z`);
          return value.text;
        }),
      );
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function cellCount(spec: WorkbookSpec): number {
  return spec.sheets
    .filter((s) => s.state === 'visible')
    .reduce((n, s) => n + (s.rows.length + (s.headerRow === false ? 0 : 1)) * s.columns.length, 0);
}

// ——— One case, in this process ———

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export async function runExportCase(
  which: ExportCase,
  rounds: number,
  size: ExportBenchSize = DEFAULT_SIZE,
): Promise<ExportCaseResult> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const started = performance.now();
  const input = await generateExportInput(size);
  // The baseline writes cells taken from our spec; building it is not part of its time.
  const prebuilt = which === 'baseline' ? await buildInspectionWorkbook(input, OPTIONS) : null;
  const generateMs = performance.now() - started;
  gc();
  const rssBase = process.memoryUsage().rss;
  const heapBase = process.memoryUsage().heapUsed;
  let heapPeak = heapBase;
  const sample = () => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 5);

  const times: number[] = [];
  const phaseRuns: Record<string, number>[] = [];
  let bytes = 0;
  let cells = 0;
  try {
    for (let round = 0; round < rounds; round++) {
      gc();
      const phases: Record<string, number> = {};
      const t0 = performance.now();
      let output: Uint8Array;
      if (prebuilt !== null) {
        output = await writeBaseline(prebuilt.spec);
        cells = cellCount(prebuilt.spec);
      } else {
        const built = await buildInspectionWorkbook(input, OPTIONS);
        sample();
        const t1 = performance.now();
        phases.build = t1 - t0;
        output = await writeWorkbook(built.spec);
        sample();
        const t2 = performance.now();
        phases.write = t2 - t1;
        cells = cellCount(built.spec);
        if (which === 'encrypted') {
          output = await encryptOoxml(output, 'bench password');
          phases.encrypt = performance.now() - t2;
        }
      }
      sample();
      times.push(performance.now() - t0);
      phaseRuns.push(phases);
      bytes = output.byteLength;
    }
  } finally {
    clearInterval(timer);
  }
  const medianMs = median(times);
  const medianRound = times.indexOf(medianMs);
  return {
    case: which,
    rounds,
    times,
    medianMs,
    phases: phaseRuns[medianRound] ?? {},
    bytes,
    cells,
    // maxRSS is in KiB.
    peakRssBytes: process.resourceUsage().maxRSS * 1024 - rssBase,
    peakHeapBytes: heapPeak - heapBase,
    generateMs,
  };
}

// ——— Each case in its own process ———

const SELF = fileURLToPath(import.meta.url);

/** Runs one case in a child Node process and returns its result. */
export function runExportCaseInChild(
  which: ExportCase,
  rounds: number,
  size: ExportBenchSize = DEFAULT_SIZE,
): Promise<ExportCaseResult> {
  return runCaseInChild<ExportCaseResult>(
    SELF,
    [which, String(rounds), JSON.stringify(size)],
    `export bench case ${which}`,
  );
}

const MiB = 1024 * 1024;

/** Rounds run in several processes as one result: median time, the highest peaks. */
function merge(parts: readonly ExportCaseResult[]): ExportCaseResult {
  const [first] = parts;
  if (first === undefined) throw new Error('no export bench runs to merge');
  const rounds = parts.flatMap((part) =>
    part.times.map((ms) => ({ ms, phases: part.times.length === 1 ? part.phases : null })),
  );
  const times = rounds.map((r) => r.ms);
  const medianMs = median(times);
  const medianRound = rounds.find((r) => r.ms === medianMs);
  return {
    ...first,
    rounds: times.length,
    times,
    medianMs,
    phases: medianRound?.phases ?? first.phases,
    peakRssBytes: Math.max(...parts.map((p) => p.peakRssBytes)),
    peakHeapBytes: Math.max(...parts.map((p) => p.peakHeapBytes)),
  };
}

/** The three cases, each in its own process, printed like the other benches. */
export async function benchExport(
  rounds: number,
  size: ExportBenchSize = DEFAULT_SIZE,
  log: (line: string) => void = console.log,
): Promise<ExportCaseResult[]> {
  log(
    `\nExport (Node ${process.versions.node}, a process per case and round, median of ${rounds}): whole library, ` +
      `${size.findings.toLocaleString('en')} findings, ${size.agreements.toLocaleString('en')} agreements ` +
      `(${size.people.toLocaleString('en')} people), ${size.disposals.toLocaleString('en')} disposal records`,
  );
  // The workpaper and the baseline alternate, one round a process, so that a change in the
  // machine's load during the run falls on both alike; the encrypted case runs after them.
  const runs = new Map<ExportCase, ExportCaseResult[]>(EXPORT_CASES.map((c) => [c, []]));
  for (let round = 0; round < rounds; round++) {
    for (const which of ['workpaper', 'baseline'] as const) {
      runs.get(which)?.push(await runExportCaseInChild(which, 1, size));
    }
  }
  runs.get('encrypted')?.push(await runExportCaseInChild('encrypted', rounds, size));
  const results: ExportCaseResult[] = [];
  for (const which of EXPORT_CASES) {
    const result = merge(runs.get(which) ?? []);
    results.push(result);
    const phases = Object.entries(result.phases)
      .map(([phase, ms]) => `${phase} ${ms.toFixed(0)}`)
      .join(', ');
    const range =
      result.times.length > 1
        ? ` [${Math.min(...result.times).toFixed(0)}–${Math.max(...result.times).toFixed(0)}]`
        : '';
    log(
      `${which.padEnd(10)} ${result.medianMs.toFixed(0).padStart(6)} ms${range}${phases === '' ? '' : ` (${phases})`}`.padEnd(
        72,
      ) +
        `   peak RSS +${(result.peakRssBytes / MiB).toFixed(0).padStart(4)} MiB` +
        `   heap +${(result.peakHeapBytes / MiB).toFixed(0).padStart(4)} MiB` +
        `   ${(result.bytes / MiB).toFixed(1).padStart(5)} MiB file   ${result.cells.toLocaleString('en')} cells`,
    );
  }
  const [ours, baseline] = results;
  if (ours !== undefined && baseline !== undefined) {
    // Best of the rounds too: on a shared machine the fastest round is the least disturbed.
    const best = (r: ExportCaseResult) => Math.min(...r.times);
    log(
      `workpaper vs bare exceljs: time ${(ours.medianMs / baseline.medianMs).toFixed(2)}x median, ` +
        `${(best(ours) / best(baseline)).toFixed(2)}x best round (target: at most 1.3x); ` +
        `write phase alone ${((ours.phases.write ?? NaN) / baseline.medianMs).toFixed(2)}x; ` +
        `peak RSS ${(ours.peakRssBytes / baseline.peakRssBytes).toFixed(2)}x`,
    );
  }
  return results;
}

// `node --import tsx export-bench.ts <case> <rounds> <size>`: one case, JSON on stdout.
if (process.argv[1] === SELF) {
  const [which, rounds, size] = process.argv.slice(2);
  if (!EXPORT_CASES.includes(which as ExportCase)) {
    throw new Error(`usage: export-bench.ts ${EXPORT_CASES.join('|')} [rounds] [size JSON]`);
  }
  const result = await runExportCase(
    which as ExportCase,
    Number(rounds ?? 3),
    size === undefined ? DEFAULT_SIZE : (JSON.parse(size) as ExportBenchSize),
  );
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
