/**
 * Importing the disposal log from Excel or CSV, and seeding it from the asset list.
 *
 * The usual path: `suggestMapping(headers, DISPOSAL_IMPORT_FIELDS)` → `validateRows(…,
 * { uniqueKey: DISPOSAL_UNIQUE_KEY })` (shared/import/mapping.ts) checks dates, enumerations
 * and required cells → `disposalRowToRecord` turns each valid row into a record: it reads the
 * free-text device type, medium, method and technique the way Taiwanese logs write them
 * (「筆電」「消磁」「實體破壞（碎斷）」), finds the vendor in the agreements register, and checks
 * the result against `disposalRecordSchema`. Its errors have the same shape as validateRows'
 * (row, column, field, masked value, bilingual message), so both lists show together.
 *
 * Key for re-import: the asset tag alone (`disposalRowKey`). A device is disposed of once;
 * serial numbers are often missing from one of the two lists, and a key that included them
 * would fail to match a pending record seeded from the asset list. Disks taken out of a server
 * and logged separately need their own tag (e.g. `SRV-001-D1`).
 */
import type { Bilingual } from '../../catalog/schema';
import type { RecordId } from '../../domain/records';
import { maskPersonalData, type Masked } from '../../domain/personal-data';
import { columnLetter } from '../../import/columns';
import { bi } from '../../import/errors';
import { ASSET_FIELDS } from '../../import/fields';
import type {
  ColumnMapping,
  ImportField,
  ImportValues,
  RowError,
  ValidRow,
} from '../../import/mapping';
import { rowKey, type RowKey } from '../../import/row-key';
import { normaliseLabel, type EnumOption } from '../../import/values';
import {
  CLASSIFICATIONS,
  DEVICE_TYPE_LABELS,
  DISPOSAL_FIELD_LABELS,
  DISPOSAL_MESSAGES,
  disposalRecordSchema,
  impliedMethod,
  isAllowedTechnique,
  newDisposalRecord,
  SANITISATION_METHOD_INFO,
  TECHNIQUE_LABELS,
  type Classification,
  type DeviceType,
  type DisposalMessageKey,
  type DisposalRecord,
  type MediaType,
  type SanitisationMethod,
  type Technique,
} from './disposal';

// ——— Fields ———

function assetField(key: string): ImportField {
  const field = ASSET_FIELDS.find((f) => f.key === key);
  if (field === undefined) throw new Error(`ASSET_FIELDS has no ${key}`);
  return field;
}

const assetClassification = assetField('classification');
/** The asset list's classification values and their aliases, reused as they are. */
const CLASSIFICATION_OPTIONS: readonly EnumOption[] =
  assetClassification.kind === 'enum' ? assetClassification.allowed : [];

export const DISPOSAL_IMPORT_FIELDS: readonly ImportField[] = [
  {
    key: 'assetTag',
    label: bi('財產編號', 'Asset tag'),
    kind: 'text',
    required: true,
    aliases: ['資產編號', '財產編碼', '資產代碼', '設備編號', 'Asset No.', 'Asset ID', 'Asset Tag'],
  },
  {
    key: 'deviceType',
    label: bi('設備類型', 'Device type'),
    kind: 'text',
    required: true,
    aliases: [
      '設備類別',
      '設備種類',
      '類別',
      '資產類別',
      '種類',
      'Device Type',
      'Type',
      'Category',
    ],
  },
  {
    key: 'mediaType',
    label: bi('媒體類型', 'Media type'),
    kind: 'text',
    required: false,
    aliases: ['儲存媒體', '儲存媒體類型', '硬碟類型', '媒體種類', 'Media', 'Media Type', 'Storage'],
  },
  {
    key: 'serialNo',
    label: bi('序號', 'Serial number'),
    kind: 'text',
    required: false,
    aliases: ['機器序號', '產品序號', '硬碟序號', '設備序號', 'Serial No.', 'S/N', 'SN', 'IMEI'],
  },
  {
    key: 'model',
    label: bi('廠牌型號', 'Make and model'),
    kind: 'text',
    required: false,
    aliases: ['廠牌', '型號', '品名規格', '品名', '財產名稱', 'Model', 'Brand'],
  },
  {
    key: 'classification',
    label: bi('機密等級', 'Classification'),
    kind: 'enum',
    required: false,
    aliases: [
      '資產等級',
      '資料等級',
      '資料分級',
      '分級',
      '機密性',
      'Confidentiality',
      'Classification',
    ],
    allowed: CLASSIFICATION_OPTIONS,
  },
  {
    key: 'method',
    label: bi('銷毀方式', 'Sanitisation method'),
    kind: 'text',
    required: false,
    aliases: [
      '清除方式',
      '資料清除方式',
      '處理方式',
      '報廢方式',
      '資料處理方式',
      '清除等級',
      'Sanitization Method',
      'Sanitisation Method',
      'Method',
    ],
  },
  {
    key: 'technique',
    label: bi('清除技術', 'Technique'),
    kind: 'text',
    required: false,
    aliases: ['執行方式', '清除工具', '使用工具', '技術', 'Technique', 'Tool'],
  },
  {
    key: 'softwareRemoved',
    label: bi('授權軟體移除', 'Licensed software removed'),
    kind: 'enum',
    required: false,
    aliases: [
      '軟體移除',
      '授權軟體',
      '授權軟體已移除',
      'Software Removed',
      'Licensed Software Removed',
    ],
    allowed: [
      { value: 'yes', aliases: ['是', 'Y', '已移除', '移除', '有', 'V', 'true', 'done'] },
      { value: 'no', aliases: ['否', 'N', '未移除', 'false'] },
      { value: 'not-applicable', aliases: ['不適用', 'NA', 'N/A', '無', '無授權軟體', '-'] },
    ],
  },
  {
    key: 'performedBy',
    label: bi('執行人', 'Performed by'),
    kind: 'text',
    required: false,
    aliases: ['執行人員', '清除人員', '處理人員', '處理人', '經辦人', 'Performed By', 'Operator'],
  },
  {
    key: 'performedOn',
    label: bi('報廢日期', 'Disposal date'),
    kind: 'date',
    required: false,
    aliases: [
      '執行日期',
      '清除日期',
      '銷毀日期',
      '處理日期',
      'Disposal Date',
      'Performed On',
      'Date',
    ],
  },
  {
    key: 'verifiedBy',
    label: bi('覆核人', 'Verified by'),
    kind: 'text',
    required: false,
    aliases: [
      '覆核人員',
      '複核人',
      '驗證人',
      '監銷人',
      '監毀人',
      'Verified By',
      'Reviewer',
      'Witness',
    ],
  },
  {
    key: 'verifiedOn',
    label: bi('覆核日期', 'Verification date'),
    kind: 'date',
    required: false,
    aliases: ['複核日期', '驗證日期', '監銷日期', 'Verified On', 'Verification Date'],
  },
  {
    key: 'vendor',
    label: bi('廠商', 'Vendor'),
    kind: 'text',
    required: false,
    aliases: ['銷毀廠商', '受託廠商', '處理廠商', '回收廠商', '報廢廠商', 'Vendor', 'Contractor'],
  },
  {
    key: 'certificateNo',
    label: bi('銷毀證明編號', 'Certificate number'),
    kind: 'text',
    required: false,
    aliases: ['銷毀證明', '證明編號', '證明書編號', 'Certificate No.', 'Certificate'],
  },
  {
    key: 'status',
    label: bi('狀態', 'Status'),
    kind: 'enum',
    required: false,
    aliases: ['報廢狀態', '處理狀態', 'Status'],
    allowed: [
      { value: 'pending', aliases: ['待處理', '待報廢', '未完成', '處理中', '進行中', 'open'] },
      {
        value: 'completed',
        aliases: ['已完成', '完成', '已報廢', '已銷毀', '結案', 'done', 'closed'],
      },
    ],
  },
  {
    key: 'note',
    label: bi('備註', 'Note'),
    kind: 'text',
    required: false,
    aliases: ['說明', 'Remarks', 'Notes', 'Comment'],
  },
];

/** For `validateRows(…, { uniqueKey })`: a second row for the same asset tag is refused. */
export const DISPOSAL_UNIQUE_KEY: readonly string[] = ['assetTag'];

/** The re-import key: the asset tag, normalised (width, case, spaces). */
export function disposalRowKey(values: { assetTag: string | null | undefined }): RowKey | null {
  return rowKey(values, DISPOSAL_UNIQUE_KEY);
}

// ——— Reading free text ———

interface Keyword<T> {
  value: T;
  /** Matched inside the normalised cell (`normaliseLabel`). */
  contains?: readonly string[];
  /** Matched only as the whole normalised cell (short words: pc, nb, cd). */
  exact?: readonly string[];
}

function matchKeyword<T>(text: string, table: readonly Keyword<T>[]): T | null {
  const cell = normaliseLabel(text);
  if (cell === '') return null;
  for (const entry of table) {
    if (entry.exact?.some((w) => normaliseLabel(w) === cell)) return entry.value;
    if (entry.contains?.some((w) => cell.includes(normaliseLabel(w)))) return entry.value;
  }
  return null;
}

// Order matters: the first entry that matches wins (筆記型電腦 before 電腦, 固態硬碟 before 硬碟).
const DEVICE_KEYWORDS: readonly Keyword<DeviceType>[] = [
  {
    value: 'printer-mfp',
    contains: [
      '事務機',
      '多功能',
      '印表機',
      '影印機',
      '複合機',
      '傳真機',
      'mfp',
      'printer',
      'copier',
    ],
  },
  { value: 'laptop', contains: ['筆記型', '筆電', 'notebook', 'laptop'], exact: ['nb'] },
  { value: 'tablet', contains: ['平板', 'tablet', 'ipad'] },
  {
    value: 'phone',
    contains: ['手機', '行動電話', '智慧型手機', '行動裝置', 'phone', 'iphone', 'smartphone'],
  },
  { value: 'server', contains: ['伺服器', 'server'], exact: ['主機'] },
  {
    value: 'network-device',
    contains: [
      '網路設備',
      '網通',
      '交換器',
      '路由器',
      '防火牆',
      '基地台',
      'switch',
      'router',
      'firewall',
    ],
    exact: ['ap'],
  },
  {
    value: 'storage-media',
    contains: [
      '硬碟',
      '磁碟',
      '隨身碟',
      '記憶卡',
      '磁帶',
      '光碟',
      '儲存媒體',
      '儲存設備',
      'ssd',
      'hdd',
      'usb',
      'tape',
      'dvd',
      'storage',
      'disk',
    ],
    exact: ['cd'],
  },
  {
    value: 'desktop',
    contains: [
      '桌上型',
      '個人電腦',
      '桌機',
      '電腦主機',
      '工作站',
      '電腦',
      'desktop',
      'workstation',
    ],
    exact: ['pc'],
  },
  { value: 'other', contains: ['其他', 'other'] },
];

const MEDIA_KEYWORDS: readonly Keyword<MediaType>[] = [
  { value: 'ssd', contains: ['固態', 'ssd', 'nvme'] },
  { value: 'hdd', contains: ['傳統硬碟', '機械硬碟', '磁性硬碟', 'hdd', 'sata硬碟'] },
  { value: 'embedded-flash', contains: ['內建記憶體', '內建快閃', 'emmc', 'ufs'] },
  { value: 'usb-flash', contains: ['隨身碟', '記憶卡', 'sd卡', 'usb', 'flash', '快閃'] },
  { value: 'tape', contains: ['磁帶', 'tape', 'lto'] },
  {
    value: 'optical',
    contains: ['光碟', 'dvd', '藍光', 'bluray', 'optical', 'cdrom', 'cdr'],
    exact: ['cd'],
  },
];

/**
 * The techniques as logs write them. 「格式化」 and 「刪除」 are deliberately absent: neither is a
 * sanitisation technique, and the row becomes `other` with the text kept (and a warning).
 */
const TECHNIQUE_KEYWORDS: readonly Keyword<Technique>[] = [
  { value: 'degauss', contains: ['消磁', 'degauss'] },
  {
    value: 'crypto-erase',
    contains: [
      '加密抹除',
      '密碼抹除',
      '加密清除',
      '金鑰銷毀',
      '金鑰刪除',
      'cryptographicerase',
      'cryptoerase',
    ],
  },
  { value: 'block-erase', contains: ['區塊抹除', '區塊清除', 'blockerase'] },
  { value: 'secure-erase', contains: ['安全抹除', 'secureerase'] },
  {
    value: 'factory-reset',
    contains: [
      '原廠重置',
      '回復原廠',
      '恢復原廠',
      '還原原廠',
      '原廠設定',
      '出廠設定',
      '重置',
      '初始化',
      'factoryreset',
      'reset',
    ],
  },
  { value: 'overwrite', contains: ['覆寫', 'overwrite', 'wipe', 'dban'] },
  { value: 'incinerate', contains: ['焚化', '焚燒', '燒毀', 'incinerat'] },
  { value: 'disintegrate', contains: ['分解', '解體', 'disintegrat'] },
  { value: 'pulverise', contains: ['研磨', '磨碎', 'pulveri'] },
  { value: 'drill-punch', contains: ['鑽孔', '打孔', '穿孔', '鑽洞', 'drill', 'punch'] },
  { value: 'shred', contains: ['碎斷', '粉碎', '碎裂', '絞碎', '撕碎', 'shred'] },
];

const METHOD_KEYWORDS: readonly Keyword<SanitisationMethod>[] = [
  { value: 'purge', contains: ['清洗', '淨化', '徹底清除', 'purge'] },
  { value: 'destroy', contains: ['破壞', '銷毀', '毀損', 'destroy', 'destruction'] },
  { value: 'clear', contains: ['清除', 'clear'] },
];

/** The device type a cell names (「筆電」「LaserJet MFP」「USB 隨身碟」), or null. */
export function deviceTypeFromText(text: string): DeviceType | null {
  return matchKeyword(text, DEVICE_KEYWORDS);
}

/** The medium a cell names (「SSD」「固態硬碟」「LTO 磁帶」), or null; 「硬碟」 alone says nothing. */
export function mediaTypeFromText(text: string): MediaType | null {
  return matchKeyword(text, MEDIA_KEYWORDS);
}

export function techniqueFromText(text: string): Technique | null {
  return matchKeyword(text, TECHNIQUE_KEYWORDS);
}

export function methodFromText(text: string): SanitisationMethod | null {
  return matchKeyword(text, METHOD_KEYWORDS);
}

export type SanitisationReading =
  | {
      ok: true;
      method: SanitisationMethod | null;
      technique: Technique | null;
      techniqueOther: string;
    }
  | { ok: false; field: 'method' | 'technique'; message: Bilingual };

/**
 * Method and technique from the two cells, either of which may be empty. A method cell may name
 * a technique instead (「消磁」), a technique cell a method. A technique without a method implies
 * its method (`impliedMethod`); text that names no known technique is kept as `other`, which
 * then needs a method.
 */
export function readSanitisation(methodCell: string, techniqueCell: string): SanitisationReading {
  const methodText = methodCell.trim();
  const techniqueText = techniqueCell.trim();
  let method: SanitisationMethod | null = null;
  let technique: Technique | null = null;
  let techniqueOther = '';

  if (methodText !== '') {
    // A technique word is more precise than a method word: 「實體破壞（碎斷）」 is destroy/shred.
    const named = techniqueFromText(methodText);
    method = methodFromText(methodText);
    if (named !== null) {
      technique = named;
      method ??= impliedMethod(named);
    } else if (method === null) {
      return {
        ok: false,
        field: 'method',
        message: bi(
          '無法辨識清除方式；請寫明清除（Clear）、清洗（Purge）或破壞（Destroy），或所用技術（如覆寫、消磁、碎斷）。',
          'The method is not recognised; write clear, purge or destroy, or the technique used (e.g. overwrite, degauss, shred).',
        ),
      };
    }
  }
  if (techniqueText !== '') {
    const named = techniqueFromText(techniqueText);
    const methodNamed = methodFromText(techniqueText);
    if (named !== null) {
      technique = named;
      method ??= impliedMethod(named);
    } else if (methodNamed !== null) {
      // 「實體破壞」 in the technique column: a method, the technique still unknown.
      method ??= methodNamed;
    } else {
      technique = 'other';
      techniqueOther = techniqueText;
    }
  }
  if (technique === 'other' && method === null) {
    return {
      ok: false,
      field: 'technique',
      message: bi(
        '無法由所述技術判斷清除等級；請於清除方式欄寫明清除、清洗或破壞。',
        'The technique does not show the method; write clear, purge or destroy in the method column.',
      ),
    };
  }
  if (method !== null && technique !== null && !isAllowedTechnique(method, technique)) {
    return {
      ok: false,
      field: 'technique',
      message: bi(
        `「${TECHNIQUE_LABELS[technique]['zh-TW']}」不屬於${SANITISATION_METHOD_INFO[method].label['zh-TW']}。`,
        `"${TECHNIQUE_LABELS[technique].en}" is not a ${SANITISATION_METHOD_INFO[method].label.en} technique.`,
      ),
    };
  }
  return { ok: true, method, technique, techniqueOther };
}

// ——— Rows to records ———

export type ImportColumn = { header: string; letter: string };

/** Field key → the column (header as in the file, and letter) it was read from. */
export function importColumns(
  headers: readonly string[],
  mapping: ColumnMapping,
): Record<string, ImportColumn> {
  const columns: Record<string, ImportColumn> = {};
  for (const [field, header] of Object.entries(mapping)) {
    let index = headers.indexOf(header);
    if (index < 0) {
      const wanted = normaliseLabel(header);
      index = headers.findIndex((h) => normaliseLabel(h) === wanted);
    }
    if (index >= 0)
      columns[field] = { header: headers[index] ?? header, letter: columnLetter(index) };
  }
  return columns;
}

export interface DisposalRowOptions {
  /**
   * The vendor's id in the agreements register for a name as the log writes it, or null when
   * there is none. `vendorLookup` builds one that ignores width, case, spaces and punctuation.
   */
  vendorByName: (name: string) => RecordId | null;
  /** From `importColumns`, so errors name the column; without it they name the field only. */
  columns?: Readonly<Record<string, ImportColumn>>;
}

export type DisposalRowResult =
  { ok: true; record: DisposalRecord; key: RowKey | null } | { ok: false; errors: RowError[] };

/** A `vendorByName` over the agreements register's vendors. */
export function vendorLookup(
  vendors: readonly { id: RecordId; name: string }[],
): (name: string) => RecordId | null {
  const byName = new Map<string, RecordId>();
  for (const vendor of vendors) {
    const key = normaliseLabel(vendor.name);
    if (key !== '' && !byName.has(key)) byName.set(key, vendor.id);
  }
  return (name) => byName.get(normaliseLabel(name)) ?? null;
}

const value = (values: ImportValues, key: string): string => values[key] ?? '';

/** The record fields whose refusals belong to an import column other than their own. */
const COLUMN_OF_FIELD: Readonly<Record<string, string>> = {
  techniqueOther: 'technique',
  vendorId: 'vendor',
};

/**
 * One valid row (from `validateRows` with `DISPOSAL_IMPORT_FIELDS`) as a disposal record, or its
 * errors. Status: as given, else completed when a disposal date is given, else pending.
 */
export function disposalRowToRecord(row: ValidRow, options: DisposalRowOptions): DisposalRowResult {
  const values = row.values;
  const errors: RowError[] = [];
  const report = (field: string, message: Bilingual) => {
    const raw = value(values, field);
    errors.push({
      rowNumber: row.rowNumber,
      column: options.columns?.[field] ?? null,
      field,
      value: maskCell(raw),
      message,
    });
  };

  const deviceText = value(values, 'deviceType');
  const deviceType = deviceTypeFromText(deviceText);
  if (deviceType === null) {
    const shown = Object.values(DEVICE_TYPE_LABELS)
      .map((label) => label['zh-TW'].replace(/（.*）/, ''))
      .join('、');
    report(
      'deviceType',
      bi(
        `無法辨識設備類型；請寫明：${shown}。`,
        'The device type is not recognised; write e.g. desktop, laptop, server, phone, tablet, storage media, network device, printer or other.',
      ),
    );
  }

  const mediaText = value(values, 'mediaType');
  let mediaType: MediaType | null;
  if (mediaText.trim() !== '') {
    // Stated: kept as stated (the schema refuses an SSD in a phone, on this column).
    mediaType = mediaTypeFromText(mediaText);
    if (mediaType === null) {
      report(
        'mediaType',
        bi(
          '無法辨識媒體類型；請寫明 HDD、SSD、隨身碟、內建快閃、磁帶或光碟，不明者留空。',
          'The medium is not recognised; write HDD, SSD, USB drive, embedded flash, tape or optical, or leave it empty.',
        ),
      );
    }
  } else {
    // 「外接硬碟（SSD）」 names the medium in the device type; a phone's is implied anyway.
    mediaType = impliedMedia(deviceType, mediaTypeFromText(deviceText));
  }

  const sanitisation = readSanitisation(value(values, 'method'), value(values, 'technique'));
  if (!sanitisation.ok) report(sanitisation.field, sanitisation.message);

  const vendorName = value(values, 'vendor').trim();
  let vendorId: RecordId | null = null;
  if (vendorName !== '') {
    vendorId = options.vendorByName(vendorName);
    if (vendorId === null) {
      report(
        'vendor',
        bi(
          '廠商不在保密協議登記簿中；請先於登記簿建立該廠商，或修正名稱。',
          'The vendor is not in the agreements register; add it there first or correct the name.',
        ),
      );
    }
  }

  if (errors.length > 0 || deviceType === null || !sanitisation.ok) return { ok: false, errors };

  const performedOn = values.performedOn ?? null;
  const status = values.status ?? (performedOn !== null ? 'completed' : 'pending');
  const candidate = {
    ...newDisposalRecord(value(values, 'assetTag'), deviceType, 'import'),
    mediaType,
    serialNo: value(values, 'serialNo'),
    model: value(values, 'model'),
    classification: values.classification ?? null,
    method: sanitisation.method,
    technique: sanitisation.technique,
    techniqueOther: sanitisation.techniqueOther,
    softwareRemoved: values.softwareRemoved ?? null,
    performedBy: value(values, 'performedBy'),
    performedOn,
    verifiedBy: value(values, 'verifiedBy'),
    verifiedOn: values.verifiedOn ?? null,
    vendorId,
    certificateNo: value(values, 'certificateNo'),
    status,
    note: value(values, 'note'),
    rowKey: disposalRowKey({ assetTag: value(values, 'assetTag') }),
  };
  const parsed = disposalRecordSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = String(issue.path[0] ?? '');
      const field = COLUMN_OF_FIELD[path] ?? path;
      const raw: unknown = issue.code === 'custom' ? issue.params?.['messageKey'] : undefined;
      const key =
        typeof raw === 'string' && raw in DISPOSAL_MESSAGES
          ? (raw as DisposalMessageKey)
          : undefined;
      const label = (DISPOSAL_FIELD_LABELS as Record<string, Bilingual | undefined>)[path];
      report(
        field,
        key !== undefined
          ? DISPOSAL_MESSAGES[key]
          : bi(
              `「${label?.['zh-TW'] ?? path}」不正確：${issue.message}`,
              `"${label?.en ?? path}" is not valid: ${issue.message}`,
            ),
      );
    }
    return { ok: false, errors };
  }
  return { ok: true, record: parsed.data, key: parsed.data.rowKey as RowKey | null };
}

function maskCell(raw: string): Masked {
  const masked = maskPersonalData(raw.trim()).text;
  return (masked.length > 200 ? `${masked.slice(0, 200)}…` : masked) as Masked;
}

// ——— Seeding from the asset list ———

/** The asset list's categories (ASSET_FIELDS `category`) as device types; 軟體 is no device. */
const CATEGORY_DEVICE: Readonly<Record<string, DeviceType | null>> = {
  伺服器: 'server',
  個人電腦: 'desktop',
  筆記型電腦: 'laptop',
  網路設備: 'network-device',
  儲存設備: 'storage-media',
  行動裝置: 'phone',
  軟體: null,
  其他: 'other',
};

export type AssetRowResult =
  { ok: true; record: DisposalRecord; key: RowKey | null } | { ok: false; skipped: Bilingual };

/**
 * A pending disposal record from a row of the asset list (valid under `ASSET_FIELDS`), so that an
 * export of the assets due for disposal seeds the log. The custodian, location and IP address
 * stay behind. Software rows are skipped: they are no device. The asset name refines the
 * category: 平板 or iPad among mobile devices is a tablet, a multifunction printer among 其他 is
 * `printer-mfp`, and a medium in the name (SSD, 磁帶) is kept.
 */
export function assetRowToDisposal(row: ValidRow): AssetRowResult {
  const values = row.values;
  const category = value(values, 'category');
  const name = value(values, 'assetName');
  const mapped = CATEGORY_DEVICE[category];
  if (mapped === null) {
    return {
      ok: false,
      skipped: bi(
        `第 ${row.rowNumber} 列為軟體，非報廢設備，略過。`,
        `Row ${row.rowNumber} is software, not a device; skipped.`,
      ),
    };
  }
  let deviceType: DeviceType = mapped ?? deviceTypeFromText(name) ?? 'other';
  const fromName = deviceTypeFromText(name);
  if (deviceType === 'phone' && fromName === 'tablet') deviceType = 'tablet';
  if (deviceType === 'other' && fromName !== null) deviceType = fromName;

  const mediaType = impliedMedia(
    deviceType,
    mediaTypeFromText(`${name} ${value(values, 'model')}`),
  );
  const model = value(values, 'model');
  const record: DisposalRecord = {
    ...newDisposalRecord(value(values, 'assetTag'), deviceType, 'import'),
    mediaType,
    serialNo: value(values, 'serialNo'),
    model: model !== '' ? model : name,
    classification: asClassification(values.classification ?? null),
    rowKey: disposalRowKey({ assetTag: value(values, 'assetTag') }),
  };
  const parsed = disposalRecordSchema.parse(record);
  return { ok: true, record: parsed, key: parsed.rowKey as RowKey | null };
}

/** A medium read from a name: phones and tablets only ever have embedded flash. */
function impliedMedia(deviceType: DeviceType | null, media: MediaType | null): MediaType | null {
  if (deviceType === 'phone' || deviceType === 'tablet') {
    return media === 'embedded-flash' ? media : null;
  }
  return media;
}

function asClassification(raw: string | null): Classification | null {
  return CLASSIFICATIONS.find((c) => c === raw) ?? null;
}
