/**
 * Checks of the records a package carries, the same on writing and on reading: the package's
 * record shape, a known table, the table's payload schema, one record per id, and the kind's
 * rule (a hand-out's records have no `baseRev`; a return's each have one, null when created).
 */
import { payloadProblem } from '../merge/validate';
import { refusal } from './errors';
import { packageRecordSchema, type PackageKind, type PackageRecord } from './format';
import { PACKAGE_TABLE_SCHEMAS } from './tables';

function zodProblem(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (first === undefined) return 'invalid';
  const path = first.path.map(String).join('.');
  return `${path === '' ? '' : `${path}: `}${first.message}`;
}

/** One table's records as parsed from its part; throws a `PackageError`. */
export function checkTableRecords(
  table: string,
  raw: unknown,
  kind: PackageKind,
  part: string,
): PackageRecord[] {
  const schema = PACKAGE_TABLE_SCHEMAS[table];
  if (schema === undefined || !Object.hasOwn(PACKAGE_TABLE_SCHEMAS, table)) {
    throw refusal(
      'unknown-table',
      '案件包含有工作台沒有的資料表',
      'the package holds a table the workbench does not have',
      { part, table },
    );
  }
  if (!Array.isArray(raw)) {
    throw refusal(
      'invalid-record',
      '資料表的內容不是紀錄清單',
      'the table part is not a list of records',
      { part, table },
    );
  }
  const seen = new Set<string>();
  const records: PackageRecord[] = [];
  for (const [index, item] of raw.entries()) {
    const parsed = packageRecordSchema.safeParse(item);
    const id =
      typeof (item as { id?: unknown } | null)?.id === 'string'
        ? (item as { id: string }).id
        : `#${index + 1}`;
    const where = { part, table, id };
    if (!parsed.success) {
      const detail = zodProblem(parsed.error.issues);
      throw refusal(
        'invalid-record',
        `紀錄格式不符：${detail}`,
        `a record is not well formed: ${detail}`,
        where,
      );
    }
    const record = parsed.data;
    if (record.table !== table) {
      throw refusal(
        'invalid-record',
        `紀錄標示的資料表（${record.table}）與所在組件不符`,
        `a record names table ${record.table}, not the table of its part`,
        where,
      );
    }
    if (seen.has(record.id)) {
      throw refusal('invalid-record', '同一筆紀錄出現兩次', 'the same record appears twice', where);
    }
    seen.add(record.id);
    const hasBase = record.baseRev !== undefined;
    if (kind === 'handout' && hasBase) {
      throw refusal(
        'invalid-record',
        '分派案件包的紀錄不應有基準版本',
        'a hand-out record carries a base revision',
        where,
      );
    }
    if (kind === 'return' && !hasBase) {
      throw refusal(
        'invalid-record',
        '繳回案件包的紀錄缺少基準版本',
        'a return record has no base revision',
        where,
      );
    }
    const detail = payloadProblem(schema, record.data);
    if (detail !== null) {
      throw refusal(
        'invalid-record',
        `紀錄內容不符資料表規則：${detail}`,
        `a record breaks its table's rules: ${detail}`,
        where,
      );
    }
    records.push(record);
  }
  return records;
}

/** The records grouped by table, each group sorted by id (the order a package writes). */
export function recordsByTable(records: readonly PackageRecord[]): Map<string, PackageRecord[]> {
  const tables = new Map<string, PackageRecord[]>();
  for (const record of records) {
    const list = tables.get(record.table) ?? [];
    list.push(record);
    tables.set(record.table, list);
  }
  for (const list of tables.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return new Map([...tables.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}
