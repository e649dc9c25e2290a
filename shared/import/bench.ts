/**
 * Import benchmark: figures, not assertions (`npm run bench` prints them). Generates a roster
 * and an asset list of `rows` rows in memory, as UTF-8 CSV, Big5 CSV and .xlsx, then times what
 * an import does with the bytes: detect (encoding, delimiter, format), parse (decode + CSV, or
 * exceljs) and validate (header row, mapping, every row). Generation is not timed.
 *
 * Runs wherever `shared/` runs. Peak memory needs a probe the runtime has and `shared/` may not
 * name: pass `heapUsed` (Node: `() => process.memoryUsage().heapUsed`; Chromium:
 * `performance.memory.usedJSHeapSize`). It is sampled between phases, every 1,000 rows and every
 * 5 ms while exceljs yields, so the peak is a lower bound of the true one.
 */
import { csvRecords, detectDelimiter } from './csv';
import { decodeText, detectEncoding } from './encoding';
import { encodeBig5 } from './big5-encode';
import { ASSET_FIELDS, ROSTER_FIELDS } from './fields';
import { findHeaderRow, suggestMapping, validateRows, type ImportField } from './mapping';
import { sniffFormat } from './format';
import { buildXlsx, readXlsx, type XlsxCellInput } from './xlsx-read';
import { classifyPersonId } from '../domain/personal-data';

export interface BenchImportCase {
  dataset: 'roster' | 'assets';
  format: 'csv-utf8' | 'csv-big5' | 'xlsx';
  /** Data rows (the header not counted). */
  rows: number;
  bytes: number;
  validRows: number;
  errorCount: number;
  detectMs: number;
  parseMs: number;
  validateMs: number;
  totalMs: number;
  rowsPerSecond: number;
  /** Heap growth over the start of the case, in bytes; null without a `heapUsed` probe. */
  peakHeapBytes: number | null;
}

export interface BenchImportOptions {
  heapUsed?: () => number;
}

// ——— Deterministic data ———

function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

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
const TITLES = ['專員', '襄理', '副理', '經理', '協理', '工程師', '資深專員'];
const STATUSES = ['在職', '在職', '在職', '在職', '離職', '留停'];
const LETTERS = Array.from('ABCDEFGHJKLMNPQRSTUVXYWZIO');

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;
const digits = (random: Random, n: number) =>
  Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

/** A valid identifier: mostly national IDs, some new and old resident certificates. */
function personId(random: Random): string {
  const roll = random();
  const second =
    roll < 0.9
      ? pick(random, ['1', '2'])
      : roll < 0.97
        ? pick(random, ['8', '9'])
        : pick(random, ['A', 'B', 'C', 'D']);
  const stem = `${pick(random, LETTERS)}${second}${digits(random, 7)}`;
  for (let check = 0; check <= 9; check++) {
    if (classifyPersonId(`${stem}${check}`).kind !== 'invalid') return `${stem}${check}`;
  }
  throw new Error('unreachable: one check digit always fits');
}

function date(random: Random, fromYear: number, toYear: number): Date {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear, 11, 31);
  const day = Math.floor((start + random() * (end - start)) / 86_400_000);
  return new Date(day * 86_400_000);
}

/** The same date written the ways HR exports write it. */
function dateText(random: Random, value: Date): string {
  const y = value.getUTCFullYear();
  const m = value.getUTCMonth() + 1;
  const d = value.getUTCDate();
  const p = (n: number) => String(n).padStart(2, '0');
  switch (Math.floor(random() * 4)) {
    case 0:
      return `${y}-${p(m)}-${p(d)}`;
    case 1:
      return `${y}/${m}/${d}`;
    case 2:
      return `${y - 1911}/${p(m)}/${p(d)}`;
    default:
      return `民國${y - 1911}年${m}月${d}日`;
  }
}

interface Dataset {
  fields: readonly ImportField[];
  uniqueKey: readonly string[];
  header: string[];
  /** Cells as the CSV writes them. */
  text: string[][];
  /** Cells as the workbook holds them (dates as dates). */
  cells: XlsxCellInput[][];
}

function roster(rows: number): Dataset {
  const random = generator(20_250_305);
  const header = [
    '員工編號',
    '姓名',
    '身分證字號',
    '部門',
    '職稱',
    '到職日',
    'E-mail',
    '手機',
    '在職狀態',
    '備註',
  ];
  const text: string[][] = [];
  const cells: XlsxCellInput[][] = [];
  for (let i = 0; i < rows; i++) {
    const hired = date(random, 1995, 2025);
    const name = pick(random, SURNAMES) + pick(random, GIVEN) + pick(random, GIVEN);
    const note = random() < 0.05 ? '調任，"兼任" 資安聯絡窗口,\n另見簽呈' : '';
    const row = [
      `E${String(i + 1).padStart(6, '0')}`,
      name,
      personId(random),
      pick(random, DEPARTMENTS),
      pick(random, TITLES),
      dateText(random, hired),
      `user${i + 1}@example.com.tw`,
      `09${digits(random, 2)}-${digits(random, 3)}-${digits(random, 3)}`,
      pick(random, STATUSES),
      note,
    ];
    text.push(row);
    cells.push(row.map((cell, c) => (c === 5 ? hired : cell)));
  }
  return { fields: ROSTER_FIELDS, uniqueKey: ['personId'], header, text, cells };
}

function assets(rows: number): Dataset {
  const random = generator(1_140_305);
  const header = [
    '財產編號',
    '資產名稱',
    '類別',
    '廠牌型號',
    '序號',
    '保管人',
    '存放地點',
    '取得日期',
    'IP 位址',
    '機密等級',
  ];
  const kinds = ['伺服器', '個人電腦', '筆記型電腦', '網路設備', '儲存設備', '行動裝置', '軟體'];
  const models = [
    'Dell PowerEdge R760',
    'HP EliteBook 840',
    'Lenovo ThinkCentre M70',
    'Cisco C9300',
    'Synology RS3621',
  ];
  const text: string[][] = [];
  const cells: XlsxCellInput[][] = [];
  for (let i = 0; i < rows; i++) {
    const acquired = date(random, 2010, 2025);
    const kind = pick(random, kinds);
    const row = [
      `IT-${String(2010 + (i % 16))}-${String(i + 1).padStart(6, '0')}`,
      `${kind} ${i + 1}`,
      kind,
      pick(random, models),
      `SN${digits(random, 10)}`,
      pick(random, SURNAMES) + pick(random, GIVEN) + pick(random, GIVEN),
      `台北總公司 ${1 + Math.floor(random() * 20)}F 機房`,
      dateText(random, acquired),
      `10.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${1 + Math.floor(random() * 254)}`,
      pick(random, ['普通', '限閱', '密']),
    ];
    text.push(row);
    cells.push(row.map((cell, c) => (c === 7 ? acquired : cell)));
  }
  return { fields: ASSET_FIELDS, uniqueKey: ['assetTag'], header, text, cells };
}

function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const quote = (cell: string) =>
    /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  return [header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

// ——— Measuring ———

async function measure(
  dataset: Dataset,
  name: BenchImportCase['dataset'],
  format: BenchImportCase['format'],
  bytes: Uint8Array,
  options: BenchImportOptions,
): Promise<BenchImportCase> {
  const { heapUsed } = options;
  const baseline = heapUsed?.() ?? 0;
  let peak = baseline;
  const sample = () => {
    if (heapUsed !== undefined) peak = Math.max(peak, heapUsed());
  };

  // exceljs awaits between parts: a timer catches the heap in between.
  const timer = heapUsed === undefined ? undefined : setInterval(sample, 5);
  const t0 = performance.now();
  sniffFormat(bytes);
  const encoding = format === 'xlsx' ? null : detectEncoding(bytes).encoding;
  const t1 = performance.now();
  sample();

  let rows: string[][];
  if (encoding === null) {
    rows = (await readXlsx(bytes)).rows;
  } else {
    const text = decodeText(bytes, encoding);
    const delimiter = detectDelimiter(text);
    rows = [];
    for (const record of csvRecords(text, { delimiter })) {
      rows.push(record.cells);
      if (rows.length % 1000 === 0) sample();
    }
  }
  const t2 = performance.now();
  sample();

  const headerIndex = findHeaderRow(rows, dataset.fields);
  const header = rows[headerIndex] ?? [];
  const mapping = suggestMapping(header, dataset.fields).fields;
  const result = validateRows(rows.slice(headerIndex + 1), header, mapping, dataset.fields, {
    firstRowNumber: headerIndex + 2,
    uniqueKey: dataset.uniqueKey,
    onProgress: sample,
  });
  const t3 = performance.now();
  sample();
  clearInterval(timer);

  const totalMs = t3 - t0;
  return {
    dataset: name,
    format,
    rows: result.rowsRead,
    bytes: bytes.length,
    validRows: result.valid.length,
    errorCount: result.errorCount,
    detectMs: t1 - t0,
    parseMs: t2 - t1,
    validateMs: t3 - t2,
    totalMs,
    rowsPerSecond: Math.round((result.rowsRead / totalMs) * 1000),
    peakHeapBytes: heapUsed === undefined ? null : peak - baseline,
  };
}

function workbookOf(name: 'roster' | 'assets', dataset: Dataset): Promise<Uint8Array> {
  const sheet = name === 'roster' ? '員工名冊' : '資產清冊';
  return buildXlsx([{ name: sheet, rows: [dataset.header, ...dataset.cells] }]);
}

/** The roster and asset list of `benchImport` as .xlsx files, for other benchmarks. */
export async function benchWorkbooks(
  rows: number,
): Promise<{ dataset: 'roster' | 'assets'; bytes: Uint8Array }[]> {
  return [
    { dataset: 'roster', bytes: await workbookOf('roster', roster(rows)) },
    { dataset: 'assets', bytes: await workbookOf('assets', assets(rows)) },
  ];
}

/**
 * Times the import of a `rows`-row roster and asset list (the issue asks for 20,000 each) from
 * UTF-8 CSV, Big5 CSV and .xlsx. Every generated row is valid, so `validRows` should equal
 * `rows` and `errorCount` be 0: a check that the figures measure a successful import.
 */
export async function benchImport(
  rows: number,
  options: BenchImportOptions = {},
): Promise<BenchImportCase[]> {
  const results: BenchImportCase[] = [];
  for (const [name, make] of [
    ['roster', roster],
    ['assets', assets],
  ] as const) {
    const dataset = make(rows);
    const csv = toCsv(dataset.header, dataset.text);
    const inputs: [BenchImportCase['format'], Uint8Array][] = [
      ['csv-utf8', new TextEncoder().encode(`\uFEFF${csv}`)],
      ['csv-big5', encodeBig5(csv)],
      ['xlsx', await workbookOf(name, dataset)],
    ];
    for (const [format, bytes] of inputs) {
      results.push(await measure(dataset, name, format, bytes, options));
    }
  }
  return results;
}
