/** The register sheets as described (no file): content, masking, order and meta entries. */
import { describe, expect, it } from 'vitest';
import { SEVERITY_LABELS } from '../domain/inspection';
import { computeCoverage } from '../registers/agreements/coverage';
import { buildInspectionWorkbook, type InspectionWorkbookOptions } from './build-inspection';
import { REGISTER_ROLES, META_SHEET_NAME } from './meta';
import { columnIndex, type CellValue, type SheetSpec } from './model';
import { vendorNdaChecker } from '../registers/vendor-nda';
import {
  GENERATED_AT,
  PERSON_ID,
  REGISTER_INJECTION,
  d,
  finding,
  recordMeta,
  registerInput,
  sampleInput,
  vendor,
} from './testing/factories';

const ZH: InspectionWorkbookOptions = {
  lang: 'zh-TW',
  calendar: 'roc',
  includePersonalData: false,
};
const EN: InspectionWorkbookOptions = { lang: 'en', calendar: 'iso', includePersonalData: false };
const AS_OF = d('2025-03-05');

function sheetOf(sheets: readonly SheetSpec[], name: string): SheetSpec {
  const found = sheets.find((sheet) => sheet.name === name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

/** Each row as an object keyed by column key. */
function records(sheet: SheetSpec): Record<string, CellValue>[] {
  return sheet.rows.map((row) =>
    Object.fromEntries(sheet.columns.map((column, i) => [column.key, row[i] ?? null])),
  );
}

function coverValue(sheet: SheetSpec, label: string): CellValue {
  const row = sheet.rows.find((r) => r[0] === label);
  if (row === undefined) throw new Error(`no cover row ${label}`);
  return row[1] ?? null;
}

describe('register sheets', () => {
  it('come after the system inventory and before the activity trail, the meta sheet last', async () => {
    const zh = await buildInspectionWorkbook(await registerInput(), ZH);
    const en = await buildInspectionWorkbook(await registerInput(), EN);
    expect(zh.spec.sheets.map((s) => s.name)).toEqual([
      '封面',
      '查核項目',
      '缺失',
      '系統清冊',
      '保密協議',
      '覆蓋缺口',
      '設備報廢',
      '政策審閱',
      '活動軌跡',
      META_SHEET_NAME,
    ]);
    expect(en.spec.sheets.map((s) => s.name).slice(4, 8)).toEqual([
      'Agreements',
      'Coverage gaps',
      'Disposal log',
      'Policy reviews',
    ]);
  });

  it('are left out, and the file unchanged, without registers', async () => {
    const input = await sampleInput();
    const without = await buildInspectionWorkbook(input, ZH);
    expect(without.spec.sheets).toHaveLength(6);
    expect(without.meta.sheets.map((s) => s.role)).toEqual([
      'cover',
      'checklist',
      'findings',
      'systems',
      'activity',
    ]);
    expect(without.spec.sheets[0]?.rows.map((row) => row[0])).not.toContain('登記簿摘要');
  });

  it('are read-only: every column locked, hashed, no row entries, frozen and filtered', async () => {
    const { spec, meta } = await buildInspectionWorkbook(await registerInput(), ZH);
    const entries = meta.sheets.filter((s) =>
      (REGISTER_ROLES as readonly string[]).includes(s.role),
    );
    expect(entries.map((s) => [s.role, s.name])).toEqual([
      ['agreements', '保密協議'],
      ['coverage', '覆蓋缺口'],
      ['disposals', '設備報廢'],
      ['policies', '政策審閱'],
    ]);
    for (const entry of entries) {
      const sheet = sheetOf(spec.sheets, entry.name);
      expect(
        entry.columns.every((c) => !c.editable),
        entry.name,
      ).toBe(true);
      expect(sheet.columns.some((c) => c.editable === true)).toBe(false);
      expect(sheet.validations ?? []).toEqual([]);
      expect(entry.hashedRows).toBe(sheet.rows.length);
      expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(meta.rows.filter((r) => r.sheet === entry.name)).toEqual([]);
      expect(sheet).toMatchObject({ frozenRows: 1, autoFilter: true, state: 'visible' });
      expect(sheet.print?.footer?.right).toBe('個人資料已遮蔽');
    }
  });

  it('write their headers in the chosen language', async () => {
    const zh = await buildInspectionWorkbook(await registerInput(), ZH);
    const en = await buildInspectionWorkbook(await registerInput(), EN);
    const headers = (spec: typeof zh.spec, name: string) =>
      sheetOf(spec.sheets, name).columns.map((c) => c.header);
    expect(headers(zh.spec, '保密協議')).toEqual([
      '項次',
      '簽署對象',
      '員工編號／統一編號',
      '對象類別',
      '部門',
      '文件類別',
      '版本',
      '版本狀態',
      '簽署日',
      '簽署人',
      '公司代表／見證人',
      '到期日',
      '掃描檔',
      '螢幕簽名',
    ]);
    expect(headers(en.spec, 'Coverage gaps')).toEqual([
      'No.',
      'Gap',
      'Party',
      'Department',
      'Checklist item',
      'Explanation',
      'Suggested severity',
      'Why this severity',
      'Finding raised',
    ]);
    expect(headers(en.spec, 'Disposal log')).toContain('Flags');
    expect(headers(zh.spec, '設備報廢')).toEqual(
      expect.arrayContaining(['財產編號', '清除技術', '受託銷毀廠商', '異常標示']),
    );
    expect(headers(en.spec, 'Policy reviews')).toEqual(
      expect.arrayContaining(['Element', 'Applies', 'In the policy', 'Adequacy', 'Gap']),
    );
  });
});

describe('the agreements sheet', () => {
  it('lists every agreement with its party, version status, scan and on-screen signature', async () => {
    const input = await registerInput();
    const { spec } = await buildInspectionWorkbook(input, ZH);
    const rows = records(sheetOf(spec.sheets, '保密協議'));
    expect(rows).toHaveLength(input.sample.registers.agreements.length);
    // People first (contractor without a number sorts first), then vendors.
    const contractor = rows.find((r) => JSON.stringify(r.party) === '{"text":"陳大文"}');
    expect(contractor).toMatchObject({
      partyNo: { text: 'A12****789' },
      partyKind: '外部人員（派遣、委外駐點）',
      kind: '資訊安全保密切結書',
      version: { text: '2020' },
      versionStatus: '舊版本',
      signedOn: { date: '2025-03-03' },
      scan: '無',
      onScreen: '是（民國 114 年 3 月 3 日 10:30）',
    });
    const withScan = rows.find((r) => JSON.stringify(r.scan) === '{"text":"切結書_E001.pdf"}');
    expect(withScan).toMatchObject({
      partyNo: { text: 'E001' },
      versionStatus: '現行版本',
      onScreen: '否',
    });
    const vendors = rows.filter((r) => r.partyKind === '廠商');
    expect(vendors.map((r) => r.partyNo)).toEqual(['04595257', '83712342']);
    expect(vendors[1]?.expiresOn).toEqual({ date: '2024-12-31' });
    expect(JSON.stringify(rows)).not.toContain(PERSON_ID);
  });

  it('shows the national ID in clear only when personal data is included', async () => {
    const { spec } = await buildInspectionWorkbook(await registerInput(), {
      ...ZH,
      includePersonalData: true,
    });
    const sheet = sheetOf(spec.sheets, '保密協議');
    expect(JSON.stringify(sheet.rows)).toContain(PERSON_ID);
    expect(sheet.print?.footer?.right).toBe('含未遮蔽之個人資料');
  });

  it('keeps formula-like text as user text', async () => {
    const { spec } = await buildInspectionWorkbook(await registerInput(), ZH);
    const sheet = sheetOf(spec.sheets, '保密協議');
    const departments = sheet.rows.map((row) => row[columnIndex(sheet, 'department') - 1]);
    expect(departments).toContainEqual({ text: REGISTER_INJECTION });
  });

  it('names a party missing from the register instead of dropping its agreement', async () => {
    const input = await registerInput();
    const registers = input.sample.registers;
    const [first] = registers.agreements;
    if (first === undefined) throw new Error('no agreement');
    const orphan = { ...first, ...recordMeta(), partyId: recordMeta().id };
    const { spec } = await buildInspectionWorkbook(
      { ...input, registers: { ...registers, agreements: [...registers.agreements, orphan] } },
      EN,
    );
    const rows = records(sheetOf(spec.sheets, 'Agreements'));
    expect(rows.map((r) => r.party)).toContain('(not in the register)');
  });

  it('marks outdated forms and expired agreements', async () => {
    const { spec } = await buildInspectionWorkbook(await registerInput(), ZH);
    expect(sheetOf(spec.sheets, '保密協議').conditional).toEqual([
      { column: 'versionStatus', kind: 'equals', value: '舊版本', style: 'deficient' },
      { column: 'expiresOn', kind: 'date-before', value: '2025-03-05', style: 'overdue' },
    ]);
  });
});

describe('the coverage gaps sheet', () => {
  it('lists every gap with party, item, explanation, suggested severity and the finding raised', async () => {
    const input = await registerInput();
    const registers = input.sample.registers;
    const coverage = computeCoverage({ ...registers, asOf: AS_OF });
    const raisedHere = input.findings[0];
    if (raisedHere === undefined) throw new Error('no finding');
    const leaverGap = coverage.gaps.find((g) => g.kind === 'leaver-with-access');
    const unsignedGap = coverage.gaps.find((g) => g.kind === 'unsigned');
    if (leaverGap === undefined || unsignedGap === undefined) throw new Error('gaps missing');
    const elsewhere = recordMeta().id;
    const { spec } = await buildInspectionWorkbook(
      {
        ...input,
        registers: {
          ...registers,
          raisedGaps: { [leaverGap.id]: raisedHere.id, [unsignedGap.id]: elsewhere },
        },
      },
      ZH,
    );
    const rows = records(sheetOf(spec.sheets, '覆蓋缺口'));
    expect(rows.map((r) => r.gapKind)).toEqual(
      coverage.gaps.map(
        (g) =>
          ({
            unsigned: '員工未簽署',
            'outdated-version': '簽署舊版本',
            'vendor-agreement-expired': '廠商保密協定已到期',
            'leaver-with-access': '離職人員權限未及時取消',
          })[g.kind as string],
      ),
    );
    const leaver = rows.find((r) => r.gapKind === '離職人員權限未及時取消');
    expect(leaver).toMatchObject({
      party: { text: '張三（E004）' },
      department: { text: '業務部' },
      itemId: 'SR-04-05.1\n自律規範第四條第五款',
      severity: SEVERITY_LABELS.high['zh-TW'],
      finding: { text: raisedHere.title },
    });
    expect(cellTextOf(leaver?.explanation)).toContain('張三（E004）');
    expect(rows.find((r) => r.gapKind === '員工未簽署')?.finding).toBe(
      `已開立（缺失編號 ${elsewhere}，不在本查核）`,
    );
    const outdated = rows.find((r) => r.gapKind === '簽署舊版本');
    expect(outdated).toMatchObject({ party: { text: '陳大文（A12****789）' }, severity: '低' });
    expect(rows.find((r) => r.gapKind === '廠商保密協定已到期')?.finding).toBeNull();
  });

  it('puts the coverage figures on the cover', async () => {
    const input = await registerInput();
    const { spec } = await buildInspectionWorkbook(input, ZH);
    const cover = spec.sheets[0];
    if (cover === undefined) throw new Error('no cover');
    // Current employees: 王小明 (covered) and 李小華 (no undertaking); vendors: one lapsed.
    expect(coverValue(cover, '在職員工已完整簽署保密文件')).toBe('50%（1／2）');
    expect(coverValue(cover, '契約有效之廠商已簽署保密協議')).toBe('50%（1／2）');
    expect(coverValue(cover, '保密協議覆蓋缺口')).toBe('4 項（已開立缺失 0 項）');
    expect(coverValue(cover, '設備報廢紀錄')).toBe('3 筆（有異常標示 2 筆）');
    expect(coverValue(cover, '政策審閱')).toBe('1 份（缺口 1 項）');
    const en = (await buildInspectionWorkbook(input, EN)).spec.sheets[0];
    if (en === undefined) throw new Error('no cover');
    expect(coverValue(en, 'Current employees fully signed')).toBe('50% (1 of 2)');
    expect(coverValue(en, 'Disposal records')).toBe('3 (2 flagged)');
  });

  it('says when there is nobody to judge', async () => {
    const input = await registerInput();
    const empty = { ...input.sample.registers, people: [], vendors: [], agreements: [] };
    const { spec } = await buildInspectionWorkbook({ ...input, registers: empty }, EN);
    const cover = spec.sheets[0];
    if (cover === undefined) throw new Error('no cover');
    expect(coverValue(cover, 'Current employees fully signed')).toBe('None to judge');
    expect(sheetOf(spec.sheets, 'Coverage gaps').rows).toEqual([]);
    expect(sheetOf(spec.sheets, 'Agreements').rows).toEqual([]);
  });
});

describe('the disposal log sheet', () => {
  it('writes each record with its vendor, NDA status, certificate and flags', async () => {
    const { spec } = await buildInspectionWorkbook(await registerInput(), ZH);
    const sheet = sheetOf(spec.sheets, '設備報廢');
    const rows = records(sheet);
    expect(rows.map((r) => r.assetTag)).toEqual([
      { text: 'NB-001' },
      { text: 'NB-002' },
      { text: 'NB-003' },
    ]);
    const [clean, flagged, lapsed] = rows;
    expect(clean).toMatchObject({
      deviceType: '筆記型電腦',
      mediaType: '固態硬碟（SSD）',
      method: '清洗（Purge）',
      technique: '區塊抹除（Block Erase）',
      softwareRemoved: '已移除',
      vendor: { text: '甲銷毀股份有限公司' },
      vendorNda: '有效',
      certificateNo: { text: 'C-001' },
      certificate: '是',
      status: '已報廢',
      flags: null,
      performedOn: { date: '2025-02-10' },
    });
    expect(flagged).toMatchObject({
      performedBy: { text: '+1+1' },
      verifiedBy: null,
      vendor: null,
      vendorNda: null,
      certificate: '否',
      flags: '未經獨立覆核',
    });
    expect(lapsed).toMatchObject({
      vendorNda: '已失效或尚未生效',
      flags: '受託廠商保密合約已失效',
    });
  });

  it('highlights the whole row of a flagged record', async () => {
    const { spec } = await buildInspectionWorkbook(await registerInput(), EN);
    expect(sheetOf(spec.sheets, 'Disposal log').conditional).toEqual([
      { column: 'flags', kind: 'not-empty', value: '', style: 'deficient', wholeRow: true },
    ]);
  });
});

describe('the policy reviews sheet', () => {
  it('writes one row per template element with the answers and the gaps', async () => {
    const { spec } = await buildInspectionWorkbook(await registerInput(), ZH);
    const rows = records(sheetOf(spec.sheets, '政策審閱'));
    expect(rows.map((r) => r.itemId)).toEqual([
      'SR-05.1',
      'SR-05-01.1',
      'SR-05-02.1',
      'SR-05-03.1',
      'SR-05-03.2',
    ]);
    expect(rows[0]).toMatchObject({
      policyKind: '行動裝置（含 BYOD）使用規範',
      title: { text: '行動裝置管理辦法' },
      approvedOn: { date: '2024-06-30' },
      reviewStatus: '草稿',
      citation: '自律規範第五條',
      applicable: '適用',
      present: '已訂定',
      adequacy: '適當',
      gap: null,
    });
    expect(rows[2]).toMatchObject({
      present: '未訂定',
      note: { text: '未規定使用人員管理，聯絡人 0912-***-678' },
      gap: '未訂定',
    });
    expect(rows[4]).toMatchObject({
      condition: expect.stringMatching(/：否$/) as unknown,
      applicable: '不適用',
      gap: null,
    });
    expect(rows[1]?.present).toBeNull();
  });

  it('writes a missing policy as such, the gap on its lead-in element', async () => {
    const input = await registerInput();
    const [review] = input.sample.registers.policyReviews;
    if (review === undefined) throw new Error('no review');
    const { spec } = await buildInspectionWorkbook(
      {
        ...input,
        registers: {
          ...input.sample.registers,
          policyReviews: [
            { ...review, kind: 'cloud', document: null, conditions: {}, elements: {} },
          ],
        },
      },
      EN,
    );
    const rows = records(sheetOf(spec.sheets, 'Policy reviews'));
    expect(rows[0]).toMatchObject({ title: '(no policy)', gap: 'No policy', itemId: 'SR-07.1' });
    expect(rows.slice(1).every((r) => r.gap === null)).toBe(true);
  });
});

describe('vendorNdaLookup', () => {
  it('answers in force, lapsed or none on a given day', async () => {
    const { sample } = await registerInput();
    const { registers, ids } = sample;
    const nda = vendorNdaChecker(registers.vendors, registers.agreements);
    expect(nda(ids.ndaVendor, AS_OF)).toBe(true);
    expect(nda(ids.lapsedVendor, AS_OF)).toBe('expired');
    expect(nda(ids.lapsedVendor, d('2024-06-30'))).toBe(true);
    expect(nda(ids.ndaVendor, d('2019-12-31'))).toBe('expired');
    expect(nda(recordMeta().id, AS_OF)).toBe(false);
    const bare = vendor();
    expect(vendorNdaChecker([bare], registers.agreements)(bare.id, AS_OF)).toBe(false);
    const gone = registers.vendors.map((v) => ({ ...v, deleted: true }));
    expect(vendorNdaChecker(gone, registers.agreements)(ids.ndaVendor, AS_OF)).toBe(false);
  });
});

describe('the registers and the findings', () => {
  it('judge on the export day in Taipei', async () => {
    const input = await registerInput();
    const later = await buildInspectionWorkbook(
      { ...input, generatedAt: GENERATED_AT.replace('2025', '2027') as typeof GENERATED_AT },
      EN,
    );
    const cover = later.spec.sheets[0];
    if (cover === undefined) throw new Error('no cover');
    expect(coverValue(cover, 'Registers judged as of')).toBe('2027-03-05');
  });

  it('name a finding of this inspection only if it is not deleted', async () => {
    const input = await registerInput();
    const coverage = computeCoverage({ ...input.sample.registers, asOf: AS_OF });
    const gap = coverage.gaps[0];
    if (gap === undefined) throw new Error('no gap');
    const gone = finding(input.inspection.id, { title: '已刪除的缺失', deleted: true });
    const { spec } = await buildInspectionWorkbook(
      {
        ...input,
        findings: [...input.findings, gone],
        registers: { ...input.sample.registers, raisedGaps: { [gap.id]: gone.id } },
      },
      ZH,
    );
    expect(JSON.stringify(sheetOf(spec.sheets, '覆蓋缺口').rows)).not.toContain('已刪除的缺失');
  });
});

function cellTextOf(value: CellValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return 'text' in value ? value.text : value.date;
  return String(value);
}
