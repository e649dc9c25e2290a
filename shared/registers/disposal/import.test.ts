import { describe, expect, it } from 'vitest';
import { newRecordId } from '../../domain/records';
import { ASSET_FIELDS } from '../../import/fields';
import { suggestMapping, validateRows, type ValidRow } from '../../import/mapping';
import { disposalRecordSchema } from './disposal';
import {
  DISPOSAL_IMPORT_FIELDS,
  DISPOSAL_UNIQUE_KEY,
  assetRowToDisposal,
  deviceTypeFromText,
  disposalRowKey,
  disposalRowToRecord,
  importColumns,
  mediaTypeFromText,
  readSanitisation,
  vendorLookup,
} from './import';

const VENDOR = newRecordId();
const vendorByName = vendorLookup([{ id: VENDOR, name: '綠能資源回收股份有限公司' }]);

const HEADERS = [
  '財產編號',
  '設備類型',
  '序號',
  '機密等級',
  '銷毀方式',
  '清除技術',
  '授權軟體移除',
  '執行人',
  '報廢日期',
  '覆核人',
  '覆核日期',
  '廠商',
  '銷毀證明編號',
  '備註',
];

/** Rows through the mapping and validateRows, then disposalRowToRecord. */
function importRows(rows: string[][], headers = HEADERS) {
  const mapping = suggestMapping(headers, DISPOSAL_IMPORT_FIELDS).fields;
  const validation = validateRows(rows, headers, mapping, DISPOSAL_IMPORT_FIELDS, {
    uniqueKey: DISPOSAL_UNIQUE_KEY,
  });
  const columns = importColumns(headers, mapping);
  const results = validation.valid.map((row) =>
    disposalRowToRecord(row, { vendorByName, columns }),
  );
  return { validation, results };
}

const row = (cells: Partial<Record<string, string>>) => HEADERS.map((h) => cells[h] ?? '');

describe('DISPOSAL_IMPORT_FIELDS', () => {
  it('maps the headers Taiwanese disposal logs use', () => {
    const suggestion = suggestMapping(HEADERS, DISPOSAL_IMPORT_FIELDS);
    expect(suggestion.fields).toEqual({
      assetTag: '財產編號',
      deviceType: '設備類型',
      serialNo: '序號',
      classification: '機密等級',
      method: '銷毀方式',
      technique: '清除技術',
      softwareRemoved: '授權軟體移除',
      performedBy: '執行人',
      performedOn: '報廢日期',
      verifiedBy: '覆核人',
      verifiedOn: '覆核日期',
      vendor: '廠商',
      certificateNo: '銷毀證明編號',
      note: '備註',
    });
    expect(suggestion.missingRequired).toEqual([]);
  });

  it('maps other usual spellings', () => {
    const suggestion = suggestMapping(
      ['資產編號', '設備類別', 'S/N', '清除方式', '經辦人', '銷毀日期', '監銷人', '銷毀廠商'],
      DISPOSAL_IMPORT_FIELDS,
    );
    expect(suggestion.fields).toMatchObject({
      assetTag: '資產編號',
      deviceType: '設備類別',
      serialNo: 'S/N',
      method: '清除方式',
      performedBy: '經辦人',
      performedOn: '銷毀日期',
      verifiedBy: '監銷人',
      vendor: '銷毀廠商',
    });
  });

  it('reuses the asset list’s classification values and aliases', () => {
    const ours = DISPOSAL_IMPORT_FIELDS.find((f) => f.key === 'classification');
    const theirs = ASSET_FIELDS.find((f) => f.key === 'classification');
    expect(ours?.kind === 'enum' && theirs?.kind === 'enum' && ours.allowed).toBe(
      theirs?.kind === 'enum' ? theirs.allowed : null,
    );
  });
});

describe('reading free text', () => {
  it('reads device types as logs write them', () => {
    expect(deviceTypeFromText('筆電')).toBe('laptop');
    expect(deviceTypeFromText('筆記型電腦')).toBe('laptop');
    expect(deviceTypeFromText('HP LaserJet MFP')).toBe('printer-mfp');
    expect(deviceTypeFromText('多功能事務機')).toBe('printer-mfp');
    expect(deviceTypeFromText('USB 隨身碟')).toBe('storage-media');
    expect(deviceTypeFromText('LTO 磁帶')).toBe('storage-media');
    expect(deviceTypeFromText('電腦主機')).toBe('desktop');
    expect(deviceTypeFromText('主機')).toBe('server');
    expect(deviceTypeFromText('PC')).toBe('desktop');
    expect(deviceTypeFromText('iPad')).toBe('tablet');
    expect(deviceTypeFromText('智慧型手機')).toBe('phone');
    expect(deviceTypeFromText('核心交換器')).toBe('network-device');
    expect(deviceTypeFromText('其他')).toBe('other');
    expect(deviceTypeFromText('投影機')).toBeNull();
    expect(deviceTypeFromText('')).toBeNull();
  });

  it('reads media only when the text says which', () => {
    expect(mediaTypeFromText('硬碟')).toBeNull();
    expect(mediaTypeFromText('固態硬碟')).toBe('ssd');
    expect(mediaTypeFromText('NVMe SSD')).toBe('ssd');
    expect(mediaTypeFromText('傳統硬碟')).toBe('hdd');
    expect(mediaTypeFromText('LTO-7 磁帶')).toBe('tape');
    expect(mediaTypeFromText('DVD')).toBe('optical');
    expect(mediaTypeFromText('隨身碟')).toBe('usb-flash');
  });

  it('reads method and technique from either column', () => {
    const read = (method: string, technique: string) => {
      const r = readSanitisation(method, technique);
      return r.ok ? [r.method, r.technique, r.techniqueOther] : [r.field];
    };
    expect(read('消磁', '')).toEqual(['purge', 'degauss', '']);
    expect(read('實體破壞（碎斷）', '')).toEqual(['destroy', 'shred', '']);
    expect(read('清洗', '覆寫')).toEqual(['purge', 'overwrite', '']);
    expect(read('覆寫', '')).toEqual(['clear', 'overwrite', '']);
    expect(read('', 'DBAN wipe')).toEqual(['clear', 'overwrite', '']);
    expect(read('Purge', 'Crypto Erase')).toEqual(['purge', 'crypto-erase', '']);
    expect(read('破壞', '敲碎')).toEqual(['destroy', 'other', '敲碎']);
    expect(read('', '實體破壞')).toEqual(['destroy', null, '']);
    expect(read('', '')).toEqual([null, null, '']);
    expect(read('手機初始化', '')).toEqual(['clear', 'factory-reset', '']);
    // Formatting is no technique, and says nothing about the method.
    expect(read('', '格式化')).toEqual(['technique']);
    expect(read('丟棄', '')).toEqual(['method']);
    expect(read('清除', '消磁')).toEqual(['technique']);
  });
});

describe('disposalRowToRecord', () => {
  it('turns a full row into a completed record', () => {
    const { validation, results } = importRows([
      row({
        財產編號: 'NB-0001',
        設備類型: '筆電（SSD）',
        序號: 'PF1ABC23',
        機密等級: '機密',
        銷毀方式: '清洗',
        清除技術: '加密抹除',
        授權軟體移除: '是',
        執行人: '王小明',
        報廢日期: '114/03/05',
        覆核人: '李大華',
        覆核日期: '2025-03-06',
        廠商: '綠能資源回收 股份有限公司',
        銷毀證明編號: 'C-2025-031',
      }),
    ]);
    expect(validation.errors).toEqual([]);
    const first = results[0];
    expect(first?.ok && first.key).toBe(disposalRowKey({ assetTag: 'NB-0001' }));
    expect(first?.ok && first.record).toMatchObject({
      assetTag: 'NB-0001',
      deviceType: 'laptop',
      mediaType: 'ssd',
      classification: '密',
      method: 'purge',
      technique: 'crypto-erase',
      softwareRemoved: 'yes',
      performedOn: '2025-03-05',
      verifiedOn: '2025-03-06',
      vendorId: VENDOR,
      certificateId: null,
      certificateNo: 'C-2025-031',
      status: 'completed',
      source: 'import',
    });
    expect(first?.ok && disposalRecordSchema.safeParse(first.record).success).toBe(true);
  });

  it('makes a row without a disposal date pending, unless a status says otherwise', () => {
    const headers = [...HEADERS, '狀態'];
    const { results } = importRows(
      [
        [...row({ 財產編號: 'A-1', 設備類型: '手機' }), ''],
        [...row({ 財產編號: 'A-2', 設備類型: '手機' }), '已完成'],
      ],
      headers,
    );
    expect(results.map((r) => r.ok && r.record.status)).toEqual(['pending', 'completed']);
    expect(results.map((r) => r.ok && r.record.mediaType)).toEqual([null, null]);
  });

  it('reports row, column and message for what it cannot read', () => {
    const { validation, results } = importRows([
      row({ 財產編號: 'X-1', 設備類型: '投影機' }),
      row({ 財產編號: 'X-2', 設備類型: '伺服器', 銷毀方式: '清除', 清除技術: '消磁' }),
      row({ 財產編號: 'X-3', 設備類型: '伺服器', 廠商: '不明廠商' }),
      row({
        財產編號: 'X-4',
        設備類型: '伺服器',
        報廢日期: '2025-03-05',
        覆核日期: '2025-03-01',
      }),
      row({ 財產編號: 'X-5', 設備類型: '伺服器', 銷毀方式: '清除', 清除技術: '格式化' }),
    ]);
    expect(validation.errors).toEqual([]);
    const errors = results.flatMap((r) => (r.ok ? [] : r.errors));
    expect(
      errors.map((e) => [e.rowNumber, e.column?.letter, e.field, e.message['zh-TW'].slice(0, 8)]),
    ).toEqual([
      [2, 'B', 'deviceType', '無法辨識設備類型'],
      [3, 'F', 'technique', '「消磁」不屬於清'],
      [4, 'L', 'vendor', '廠商不在保密協議'],
      [5, 'K', 'verifiedOn', '覆核日期不得早於'],
    ]);
    expect(errors.every((e) => e.message.en !== '')).toBe(true);
    // 「格式化」 is kept as "other" under the stated method, with a warning later.
    const last = results[4];
    expect(
      last?.ok && [last.record.method, last.record.technique, last.record.techniqueOther],
    ).toEqual(['clear', 'other', '格式化']);
  });

  it('lets validateRows refuse bad dates, enumerations and repeated asset tags', () => {
    const { validation } = importRows([
      row({ 財產編號: 'D-1', 設備類型: '筆電', 報廢日期: '114/02/30' }),
      row({ 財產編號: 'D-2', 設備類型: '筆電', 授權軟體移除: '也許' }),
      row({ 財產編號: 'D-3', 設備類型: '筆電' }),
      row({ 財產編號: 'ｄ-3', 設備類型: '筆電' }),
    ]);
    expect(validation.errors.map((e) => [e.rowNumber, e.column?.letter, e.field])).toEqual([
      [2, 'I', 'performedOn'],
      [3, 'G', 'softwareRemoved'],
      [5, 'A', 'assetTag'],
    ]);
  });

  it('names the field when no columns are given', () => {
    const valid: ValidRow = {
      rowNumber: 7,
      key: null,
      values: { assetTag: 'Z-1', deviceType: '傳真', vendor: null },
    };
    const result = disposalRowToRecord(valid, { vendorByName: () => null });
    expect(result.ok ? [] : result.errors.map((e) => [e.rowNumber, e.column, e.field])).toEqual([
      [7, null, 'deviceType'],
    ]);
  });

  it('masks personal data in the values it reports', () => {
    const valid: ValidRow = {
      rowNumber: 2,
      key: null,
      values: { assetTag: 'Z-1', deviceType: 'A123456789', mediaType: '0912345678' },
    };
    const result = disposalRowToRecord(valid, { vendorByName: () => null });
    const values = result.ok ? [] : result.errors.map((e) => e.value);
    expect(values).toEqual(['A12****789', '0912***678']);
  });
});

describe('disposalRowKey', () => {
  it('keys on the asset tag, ignoring width, case and spaces', () => {
    expect(disposalRowKey({ assetTag: ' ｎｂ-0001 ' })).toBe(
      disposalRowKey({ assetTag: 'NB-0001' }),
    );
    expect(disposalRowKey({ assetTag: 'NB-0001' })).not.toBe(
      disposalRowKey({ assetTag: 'NB-0002' }),
    );
    expect(disposalRowKey({ assetTag: '' })).toBeNull();
    expect(disposalRowKey({ assetTag: null })).toBeNull();
  });
});

describe('vendorLookup', () => {
  it('finds vendors by name regardless of width, spaces and punctuation', () => {
    const id = newRecordId();
    const lookup = vendorLookup([{ id, name: 'ABC Recycling Co., Ltd.' }]);
    expect(lookup('abc recycling co ltd')).toBe(id);
    expect(lookup('ＡＢＣ　Recycling Co., Ltd.')).toBe(id);
    expect(lookup('XYZ')).toBeNull();
    expect(lookup('')).toBeNull();
  });
});

describe('assetRowToDisposal', () => {
  const ASSET_HEADERS = ['財產編號', '資產名稱', '類別', '廠牌型號', '序號', '保管人', '機密等級'];
  function assetRows(rows: string[][]): ValidRow[] {
    const mapping = suggestMapping(ASSET_HEADERS, ASSET_FIELDS).fields;
    const result = validateRows(rows, ASSET_HEADERS, mapping, ASSET_FIELDS);
    expect(result.errors).toEqual([]);
    return result.valid;
  }

  it('seeds pending records from the asset list, leaving the custodian behind', () => {
    const rows = assetRows([
      ['NB-0001', '筆記型電腦', '筆記型電腦', 'ThinkPad T480', 'PF1ABC23', '王小明', '限閱'],
      ['MB-0002', 'iPad Air', '行動裝置', '', 'DMPX', '李大華', '密'],
      ['MB-0003', 'iPhone 13', '行動裝置', '', '', '李大華', ''],
      ['OT-0004', '多功能事務機', '其他', 'Ricoh IM C3000', 'R1', '總務', '普通'],
      ['ST-0005', '外接固態硬碟', '儲存設備', 'Samsung T7', 'S7', '資訊處', '密'],
      ['SW-0006', 'Office 2021', '軟體', '', '', '資訊處', ''],
    ]);
    const results = rows.map((row) => assetRowToDisposal(row));
    const records = results.flatMap((r) => (r.ok ? [r.record] : []));
    expect(
      records.map((r) => [r.assetTag, r.deviceType, r.mediaType, r.classification, r.model]),
    ).toEqual([
      ['NB-0001', 'laptop', null, '限閱', 'ThinkPad T480'],
      ['MB-0002', 'tablet', null, '密', 'iPad Air'],
      ['MB-0003', 'phone', null, null, 'iPhone 13'],
      ['OT-0004', 'printer-mfp', null, '普通', 'Ricoh IM C3000'],
      ['ST-0005', 'storage-media', 'ssd', '密', 'Samsung T7'],
    ]);
    for (const record of records) {
      expect(record).toMatchObject({ status: 'pending', source: 'import', method: null });
      expect(JSON.stringify(record)).not.toContain('王小明');
    }
    const skipped = results[5];
    expect(skipped?.ok === false && skipped.skipped.en).toContain('software');
  });

  it('gives the seeded record the key a later disposal-log import will have', () => {
    const [asset] = assetRows([['NB-0001', '筆電', '筆記型電腦', '', '', '王小明', '']]);
    const seeded = asset === undefined ? null : assetRowToDisposal(asset);
    const { results } = importRows([row({ 財產編號: 'nb-0001', 設備類型: '筆電' })]);
    const imported = results[0];
    expect(seeded?.ok && seeded.key).not.toBeNull();
    expect(seeded?.ok && seeded.key).toBe(imported?.ok && imported.key);
  });
});

describe('importColumns', () => {
  it('gives each mapped field its header and letter', () => {
    const headers = ['序號', ' 財產編號 ', '備註'];
    expect(importColumns(headers, { assetTag: '財產編號', note: '備註', model: '不存在' })).toEqual(
      {
        assetTag: { header: ' 財產編號 ', letter: 'B' },
        note: { header: '備註', letter: 'C' },
      },
    );
  });
});
