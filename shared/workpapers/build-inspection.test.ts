import { describe, expect, it } from 'vitest';
import { RESULT_LABELS, STATUS_LABELS } from '../domain/inspection';
import { maskPersonalData } from '../domain/personal-data';
import {
  buildInspectionWorkbook,
  userText,
  type InspectionWorkbookOptions,
} from './build-inspection';
import { DATE_NUMFMT } from './inspection-sheets';
import { META_SHEET_NAME, readWorkpaperMeta } from './meta';
import { cellText, columnIndex, textWidth, type CellValue, type SheetSpec } from './model';
import {
  d,
  finding,
  inspection,
  itemResult,
  recordMeta,
  sampleInput,
  system,
} from './testing/factories';

const ZH: InspectionWorkbookOptions = {
  lang: 'zh-TW',
  calendar: 'roc',
  includePersonalData: false,
};
const EN: InspectionWorkbookOptions = { lang: 'en', calendar: 'iso', includePersonalData: false };

function sheetOf(sheets: readonly SheetSpec[], name: string): SheetSpec {
  const found = sheets.find((sheet) => sheet.name === name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

function column(sheet: SheetSpec, key: string): CellValue[] {
  const index = columnIndex(sheet, key) - 1;
  return sheet.rows.map((row) => row[index] ?? null);
}

/** The cover's value for a field label. */
function coverValue(sheet: SheetSpec, label: string): CellValue {
  const row = sheet.rows.find((r) => r[0] === label);
  if (row === undefined) throw new Error(`no cover row ${label}`);
  return row[1] ?? null;
}

describe('buildInspectionWorkbook: sheets', () => {
  it('names and orders the sheets per language, the hidden meta sheet last', async () => {
    const input = await sampleInput();
    const zh = await buildInspectionWorkbook(input, ZH);
    const en = await buildInspectionWorkbook(input, EN);
    expect(zh.spec.sheets.map((s) => [s.name, s.state])).toEqual([
      ['封面', 'visible'],
      ['查核項目', 'visible'],
      ['缺失', 'visible'],
      ['系統清冊', 'visible'],
      ['活動軌跡', 'visible'],
      [META_SHEET_NAME, 'veryHidden'],
    ]);
    expect(en.spec.sheets.map((s) => s.name)).toEqual([
      'Cover',
      'Checklist',
      'Findings',
      'System inventory',
      'Activity trail',
      META_SHEET_NAME,
    ]);
    expect(zh.spec.sheets.at(-1)?.protect).toBe(true);
  });

  it('writes the column headers in the chosen language', async () => {
    const input = await sampleInput();
    const zh = await buildInspectionWorkbook(input, ZH);
    const en = await buildInspectionWorkbook(input, EN);
    const headers = (sheet: SheetSpec) => sheet.columns.map((c) => c.header);
    expect(headers(sheetOf(zh.spec.sheets, '查核項目'))).toEqual([
      '項次',
      '項目編號',
      '法規依據',
      '規範要求',
      '查核程序',
      '查核結果',
      '不適用理由',
      '執行之查核工作',
      '抽樣說明',
      '佐證檔案',
      '備註',
      '編製人員',
    ]);
    expect(headers(sheetOf(en.spec.sheets, 'Findings'))).toEqual([
      'No.',
      'Checklist item',
      'Title',
      'Deficiency',
      'Severity',
      'Category',
      'Risk',
      'Recommendation',
      'Owner (unit or person)',
      'Raised on',
      'Due date',
      'Management response',
      'Status',
      'Closed on',
      'Closing evidence',
    ]);
  });

  it('sizes every column to fit its zh-TW header', async () => {
    const { spec } = await buildInspectionWorkbook(await sampleInput(), ZH);
    for (const sheet of spec.sheets.filter((s) => s.state === 'visible' && s.headerRow !== false)) {
      for (const c of sheet.columns)
        expect(textWidth(c.header), c.header).toBeLessThanOrEqual(c.width);
    }
  });

  it('sets every data sheet up for print and for filtering', async () => {
    const { spec } = await buildInspectionWorkbook(await sampleInput(), ZH);
    for (const sheet of spec.sheets.slice(1, -1)) {
      expect(sheet.frozenRows).toBe(1);
      expect(sheet.autoFilter).toBe(true);
      expect(sheet.print).toMatchObject({ landscape: true, fitToWidth: 1, repeatHeaderRows: 1 });
      expect(sheet.print?.footer?.center).toBe('第 {page} 頁，共 {pages} 頁');
      expect(sheet.print?.footer?.right).toBe('個人資料已遮蔽');
    }
  });
});

describe('buildInspectionWorkbook: checklist', () => {
  it('has one row per item, in order, with citation, result and the user text', async () => {
    const input = await sampleInput();
    const { spec } = await buildInspectionWorkbook(input, ZH);
    const sheet = sheetOf(spec.sheets, '查核項目');
    expect(column(sheet, 'itemId')).toEqual(input.items.map((item) => item.id));
    expect(column(sheet, 'no')).toEqual([1, 2, 3]);
    expect(column(sheet, 'citation')[0]).toBe('自律規範第四條第一款');
    expect(column(sheet, 'result')).toEqual(['符合', '不符合', null]);
    expect(column(sheet, 'workPerformed')[0]).toEqual({
      text: '檢視 113 年度保密切結書清冊，全數員工均已簽署。',
    });
    expect(column(sheet, 'evidence')[0]).toEqual({ text: '保密切結書清冊.xlsx' });
    expect(cellText(column(sheet, 'procedure')[0] ?? null)).toContain('應取得之佐證：');
  });

  it('lists results, validations and highlights in English too', async () => {
    const { spec } = await buildInspectionWorkbook(await sampleInput(), EN);
    const sheet = sheetOf(spec.sheets, 'Checklist');
    expect(column(sheet, 'result')).toEqual(['Compliant', 'Non-compliant', null]);
    expect(column(sheet, 'citation')[0]).toBe('Self-regulation rules art. 4(1)');
    expect(sheet.validations).toEqual([
      {
        column: 'result',
        allowed: ['Compliant', 'Partially compliant', 'Non-compliant', 'Not applicable'],
      },
    ]);
    expect(sheet.conditional).toContainEqual({
      column: 'result',
      kind: 'equals',
      value: 'Non-compliant',
      style: 'deficient',
    });
  });

  it('marks result, reason, work, sample and notes editable and nothing else', async () => {
    const { spec } = await buildInspectionWorkbook(await sampleInput(), ZH);
    const editable = sheetOf(spec.sheets, '查核項目')
      .columns.filter((c) => c.editable === true)
      .map((c) => c.key);
    expect(editable).toEqual(['result', 'reason', 'workPerformed', 'sampleDescription', 'notes']);
  });

  it('keeps results of items outside the checklist and duplicates, drops deleted ones', async () => {
    const base = await sampleInput();
    const [first] = base.items;
    if (first === undefined) throw new Error('no item');
    const input = {
      ...base,
      itemResults: [
        ...base.itemResults,
        itemResult(base.inspection.id, first.id, {
          result: 'partial',
          workPerformed: '第二位稽核',
        }),
        itemResult(base.inspection.id, 'SR-99-01.1', { result: 'compliant' }),
        itemResult(base.inspection.id, 'SR-04-02.1', { ...recordMeta({ deleted: true }) }),
      ],
    };
    const { spec, meta } = await buildInspectionWorkbook(input, ZH);
    const sheet = sheetOf(spec.sheets, '查核項目');
    expect(column(sheet, 'itemId')).toEqual([
      first.id,
      first.id,
      'SR-04-01.2',
      'SR-04-02.1',
      'SR-99-01.1',
    ]);
    expect(column(sheet, 'result')).toEqual(['符合', '部分符合', '不符合', null, '符合']);
    expect(meta.rows.filter((r) => r.sheet === '查核項目' && r.id === null)).toHaveLength(1);
  });
});

describe('buildInspectionWorkbook: findings, systems, activity', () => {
  it('writes every Annex 2 report field with labels, dates as dates', async () => {
    const input = await sampleInput();
    const { spec } = await buildInspectionWorkbook(input, ZH);
    const sheet = sheetOf(spec.sheets, '缺失');
    const [row] = sheet.rows;
    expect(row).toEqual([
      1,
      'SR-04-01.2\n自律規範第四條第一款',
      { text: '保密切結書未全數簽署' },
      { text: '抽查 25 名員工，3 名未簽署保密切結書。' },
      '中',
      '資安管理面',
      { text: '未簽署者離職後洩漏機密資訊時，公司難以追究。' },
      { text: '全面清查並補簽，新進人員到職時簽署。' },
      { text: '人力資源部' },
      { date: '2025-01-10' },
      { date: '2025-02-28' },
      null,
      '待改善',
      null,
      null,
    ]);
    const dateColumns = sheet.columns.filter((c) => c.numFmt === DATE_NUMFMT).map((c) => c.key);
    expect(dateColumns).toEqual(['raisedOn', 'dueDate', 'closedOn']);
    expect(sheet.validations?.map((v) => v.column)).toEqual(['severity', 'category', 'status']);
    expect(sheet.validations?.[2]?.allowed).toEqual(
      Object.values(STATUS_LABELS).map((label) => label['zh-TW']),
    );
  });

  it('highlights overdue due dates as of the export day, except on closed findings', async () => {
    const { spec } = await buildInspectionWorkbook(await sampleInput(), ZH);
    expect(sheetOf(spec.sheets, '缺失').conditional).toContainEqual({
      column: 'dueDate',
      kind: 'date-before',
      value: '2025-03-05', // the export instant is 00:30 on 5 March in Taipei
      style: 'overdue',
      unless: { column: 'status', equals: '已結案' },
    });
  });

  it('orders findings by the day raised and leaves out other inspections and deleted ones', async () => {
    const base = await sampleInput();
    const id = base.inspection.id;
    const input = {
      ...base,
      findings: [
        finding(id, { title: '後提出', raisedOn: d('2025-02-01') }),
        finding(id, { title: '先提出', raisedOn: d('2025-01-01') }),
        finding(inspection().id, { title: '別的查核' }),
        finding(id, { title: '已刪除', ...recordMeta({ deleted: true }) }),
      ],
    };
    const { spec } = await buildInspectionWorkbook(input, ZH);
    expect(column(sheetOf(spec.sheets, '缺失'), 'title')).toEqual([
      { text: '先提出' },
      { text: '後提出' },
    ]);
  });

  it('gives each system its next due date, basis and status as of the export day', async () => {
    const input = await sampleInput({
      systems: [
        system({ name: '核心系統', systemClass: 2, lastAssessedOn: d('2023-01-15') }),
        system({ name: '網路投保', systemClass: 1, lastAssessedOn: d('2024-01-31') }),
        system({ name: '人資系統', systemClass: 3, lastAssessedOn: null }),
        system({
          name: '行動 App',
          systemClass: 1,
          lastAssessedOn: d('2024-12-01'),
          majorIncidentOn: d('2025-01-10'),
        }),
      ],
    });
    const { spec } = await buildInspectionWorkbook(input, ZH);
    const sheet = sheetOf(spec.sheets, '系統清冊');
    expect(sheet.rows.map((r) => [cellText(r[1] ?? null), r[7], r[8], r[9]])).toEqual([
      ['網路投保', { date: '2025-01-31' }, '依系統類別之評估週期', '逾期'],
      ['行動 App', { date: '2025-04-10' }, '重大事件後三個月內', '即將到期'],
      ['核心系統', { date: '2026-01-15' }, '依系統類別之評估週期', '正常'],
      ['人資系統', null, '應立即評估', '未曾評估'],
    ]);
    expect(sheet.conditional).toContainEqual({
      column: 'nextDue',
      kind: 'date-before',
      value: '2025-03-05',
      style: 'overdue',
    });
  });

  it('lists the activity trail in order with its hashes', async () => {
    const input = await sampleInput();
    const { spec } = await buildInspectionWorkbook(
      { ...input, activity: [...input.activity].reverse() },
      ZH,
    );
    const sheet = sheetOf(spec.sheets, '活動軌跡');
    expect(column(sheet, 'seq')).toEqual([1, 2]);
    expect(column(sheet, 'action')).toEqual(['新增', '修改']);
    expect(column(sheet, 'at')[0]).toBe('民國 114 年 3 月 1 日 09:00');
    expect(column(sheet, 'hash')).toEqual(input.activity.map((e) => e.hash));
  });
});

describe('buildInspectionWorkbook: personal data and user text', () => {
  const withPersonalData = async () => {
    const base = await sampleInput();
    const [first] = base.itemResults;
    if (first === undefined) throw new Error('no result');
    return {
      ...base,
      itemResults: [
        { ...first, notes: '受訪者 A123456789，電話 0912-345-678，信箱 wang.xiaoming@example.com' },
        ...base.itemResults.slice(1),
      ],
    };
  };

  it('masks identifiers, phone numbers and e-mail addresses by default and says so', async () => {
    const { spec } = await buildInspectionWorkbook(await withPersonalData(), ZH);
    expect(column(sheetOf(spec.sheets, '查核項目'), 'notes')[0]).toEqual({
      text: '受訪者 A12****789，電話 0912-***-678，信箱 wa***@example.com',
    });
    expect(coverValue(sheetOf(spec.sheets, '封面'), '個人資料')).toMatch(/^已遮蔽/);
  });

  it('keeps them when the user chose to include personal data, and says so everywhere', async () => {
    const { spec } = await buildInspectionWorkbook(await withPersonalData(), {
      ...ZH,
      includePersonalData: true,
    });
    expect(column(sheetOf(spec.sheets, '查核項目'), 'notes')[0]).toEqual({
      text: '受訪者 A123456789，電話 0912-345-678，信箱 wang.xiaoming@example.com',
    });
    expect(coverValue(sheetOf(spec.sheets, '封面'), '個人資料')).toMatch(/^未遮蔽/);
    expect(sheetOf(spec.sheets, '缺失').print?.footer?.right).toBe('含未遮蔽之個人資料');
  });

  it('passes every user text as text, formula-like or not, and empty text as an empty cell', async () => {
    const base = await sampleInput();
    const [first] = base.itemResults;
    if (first === undefined) throw new Error('no result');
    const input = {
      ...base,
      itemResults: [{ ...first, workPerformed: '=HYPERLINK("http://x","y")', notes: '' }],
    };
    const { spec } = await buildInspectionWorkbook(input, ZH);
    const sheet = sheetOf(spec.sheets, '查核項目');
    expect(column(sheet, 'workPerformed')[0]).toEqual({ text: '=HYPERLINK("http://x","y")' });
    expect(column(sheet, 'notes')[0]).toBeNull();
  });
});

describe('buildInspectionWorkbook: cover and meta', () => {
  it('shows entity, period, scope, team, version, status, both dates, app version and hash', async () => {
    const { spec, contentHash } = await buildInspectionWorkbook(await sampleInput(), ZH);
    const cover = sheetOf(spec.sheets, '封面');
    expect(cover.headerRow).toBe(false);
    expect(cover.rows[0]?.[0]).toBe('資訊安全自評查核工作底稿');
    expect(cover.rowKinds?.[0]).toBe('title');
    expect(coverValue(cover, '受查單位')).toEqual({ text: '示範產物保險股份有限公司' });
    expect(coverValue(cover, '查核期間')).toBe('民國 113 年 1 月 1 日 – 民國 113 年 12 月 31 日');
    expect(coverValue(cover, '查核範圍')).toEqual({ text: '資訊安全防護自律規範遵循情形' });
    expect(coverValue(cover, '查核團隊')).toEqual({
      text: '王小明（主辦稽核）、李小華（複核人員）',
    });
    expect(coverValue(cover, '查核清單庫版本')).toBe('2016.12-1');
    expect(coverValue(cover, '查核狀態')).toBe('進行中');
    expect(coverValue(cover, '產製時間（民國）')).toBe('民國 114 年 3 月 5 日 00:30');
    expect(coverValue(cover, '產製時間（ISO 8601）')).toBe(
      '2025-03-05 00:30 (Asia/Taipei) = 2025-03-04T16:30:00.000Z',
    );
    expect(coverValue(cover, '應用程式版本')).toBe('0.1.0');
    expect(coverValue(cover, '內容雜湊值（SHA-256）')).toBe(contentHash);
    expect(coverValue(cover, '不符合')).toBe(1);
    expect(coverValue(cover, '未查核')).toBe(1);
    expect(cover.rowKinds?.filter((k) => k === 'sign')).toHaveLength(3);
  });

  it('writes the cover in English with ISO dates when asked', async () => {
    const { spec } = await buildInspectionWorkbook(await sampleInput(), EN);
    const cover = sheetOf(spec.sheets, 'Cover');
    expect(cover.rows[0]?.[0]).toBe('Information security self-inspection workpaper');
    expect(coverValue(cover, 'Period')).toBe('2024-01-01 – 2024-12-31');
    expect(coverValue(cover, 'Team')).toEqual({
      text: '王小明 (Lead auditor), 李小華 (Reviewer)',
    });
    expect(coverValue(cover, 'Status')).toBe('In progress');
    expect(coverValue(cover, 'Generated (ROC calendar)')).toBe('ROC 114-03-05 00:30');
    expect(coverValue(cover, 'Overdue as of')).toBe('2025-03-05');
    expect(coverValue(cover, 'Personal data')).toMatch(/^Masked/);
    expect(column(sheetOf(spec.sheets, 'Activity trail'), 'at')[0]).toBe('2025-03-01 09:00');
  });

  it('maps every record row to its sheet row, id and revision', async () => {
    const input = await sampleInput();
    const { meta } = await buildInspectionWorkbook(input, ZH);
    const [compliant, nonCompliant] = input.itemResults;
    const [raised] = input.findings;
    const [sys] = input.systems;
    expect(meta.rows.map((r) => [r.sheet, r.row, r.table, r.id, r.rev, r.key])).toEqual([
      ['查核項目', 2, 'itemResults', compliant?.id, 1, input.items[0]?.id],
      ['查核項目', 3, 'itemResults', nonCompliant?.id, 1, input.items[1]?.id],
      ['查核項目', 4, 'itemResults', null, null, input.items[2]?.id],
      ['缺失', 2, 'findings', raised?.id, 1, raised?.id],
      ['系統清冊', 2, 'systems', sys?.id, 1, sys?.id],
    ]);
    expect(meta.header).toMatchObject({
      inspectionId: input.inspection.id,
      libraryVersion: '2016.12-1',
      lang: 'zh-TW',
      calendar: 'roc',
      includePersonalData: false,
      asOf: '2025-03-05',
    });
  });

  it('names the newest trail entry it was made from (or none without a trail)', async () => {
    const input = await sampleInput();
    const newest = input.activity.reduce((a, b) => (b.seq > a.seq ? b : a));
    const { meta } = await buildInspectionWorkbook(input, ZH);
    expect(meta.header.trailHead).toEqual({ seq: newest.seq, hash: newest.hash });
    expect(newest.seq).toBeGreaterThan(1);
    const bare = await buildInspectionWorkbook({ ...input, activity: [] }, ZH);
    expect(bare.meta.header.trailHead).toBeNull();
  });

  it('hashes every visible sheet, the cover without its own hash row', async () => {
    const { spec, meta } = await buildInspectionWorkbook(await sampleInput(), ZH);
    const visible = spec.sheets.filter((s) => s.state === 'visible');
    expect(meta.sheets.map((s) => [s.name, s.role, s.hashedRows])).toEqual([
      ['封面', 'cover', (visible[0]?.rows.length ?? 0) - 1],
      ['查核項目', 'checklist', 3],
      ['缺失', 'findings', 1],
      ['系統清冊', 'systems', 1],
      ['活動軌跡', 'activity', 2],
    ]);
    expect(meta.sheets[1]?.columns.find((c) => c.key === 'result')).toEqual({
      key: 'result',
      editable: true,
    });
  });

  it('writes a meta sheet that reads back and checks out', async () => {
    const input = await sampleInput();
    const { spec, meta } = await buildInspectionWorkbook(input, ZH);
    const sheet = sheetOf(spec.sheets, META_SHEET_NAME);
    const cells = [sheet.columns.map((c) => c.header), ...sheet.rows];
    const reading = await readWorkpaperMeta(cells, { inspectionId: input.inspection.id });
    expect(reading).toEqual({ ok: true, meta });
  });

  it('gives the same hash for the same records and another when a result changes', async () => {
    const input = await sampleInput();
    const first = await buildInspectionWorkbook(input, ZH);
    const again = await buildInspectionWorkbook(input, ZH);
    expect(again.contentHash).toBe(first.contentHash);
    expect(again.spec).toEqual(first.spec);

    const [compliant, ...rest] = input.itemResults;
    if (compliant === undefined) throw new Error('no result');
    const changed = await buildInspectionWorkbook(
      { ...input, itemResults: [{ ...compliant, result: 'partial' }, ...rest] },
      ZH,
    );
    expect(changed.contentHash).not.toBe(first.contentHash);
    expect(changed.meta.rows[0]?.editableHash).not.toBe(first.meta.rows[0]?.editableHash);
    expect(changed.meta.rows[0]?.lockedHash).toBe(first.meta.rows[0]?.lockedHash);
    expect(column(sheetOf(changed.spec.sheets, '查核項目'), 'result')[0]).toBe(
      RESULT_LABELS.partial['zh-TW'],
    );
  });

  it('gives another hash for another language or personal-data choice', async () => {
    const input = await sampleInput();
    const hashes = new Set(
      await Promise.all(
        [ZH, EN, { ...ZH, includePersonalData: true }, { ...ZH, calendar: 'iso' as const }].map(
          async (options) => (await buildInspectionWorkbook(input, options)).contentHash,
        ),
      ),
    );
    expect(hashes.size).toBe(4);
  });
});

describe('userText', () => {
  it('masks exactly as maskPersonalData does, skipping text that cannot hold personal data', () => {
    const masked = userText(false);
    const samples = [
      '王小明',
      '資訊部（駐點）',
      '身分證 A123456789',
      'mail: wang@example.com.tw',
      '手機 0912-345-678，市話 (02)2345-6789',
      'NB-2021-014',
      '=HYPERLINK("http://x","y")',
      '',
    ];
    for (const text of samples) {
      const expected = maskPersonalData(text).text;
      expect(masked(text), text).toEqual(expected === '' ? null : { text: expected });
    }
    expect(userText(true)('A123456789')).toEqual({ text: 'A123456789' });
  });
});
