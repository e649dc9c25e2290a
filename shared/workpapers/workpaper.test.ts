/**
 * The inspection workpaper end to end: domain records → description → .xlsx bytes → read back
 * with exceljs, as a user (and later the import) would see the file.
 */
import { describe, expect, it } from 'vitest';
import { CHECKLIST_LIBRARY } from '../catalog';
import { buildInspectionWorkbook, type InspectionWorkbookOptions } from './build-inspection';
import { META_SHEET_NAME, readWorkpaperMeta, rowHashes, sheetHash, type SheetEntry } from './meta';
import type { ColumnSpec } from './model';
import {
  PERSON_ID,
  REGISTER_INJECTION,
  inspection,
  registerInput,
  sampleInput,
} from './testing/factories';
import {
  conditionalFormats,
  foreignWorkbook,
  headerColumn,
  readBack,
  rewrite,
  ruleFormula,
  sheet,
  sheetProtection,
  sheetNames,
  toCellValue,
  ValueType,
  values,
  type ReadWorkbook,
} from './testing/read-back';
import { CJK_FONT, TEXT_NUMFMT, writeWorkbook } from './xlsx-write';

const ZH: InspectionWorkbookOptions = {
  lang: 'zh-TW',
  calendar: 'roc',
  includePersonalData: false,
};
const EN: InspectionWorkbookOptions = { lang: 'en', calendar: 'iso', includePersonalData: false };

const INJECTIONS = ['=HYPERLINK("http://x","y")', '+1+1', '-2', '@SUM(A1)'] as const;
const PERSONAL = '受訪者 A123456789，手機 0912345678，市話 (02)2345-6789';

/** The sample inspection with formula-like and personal text typed into several fields. */
async function hostileInput() {
  const base = await sampleInput();
  const [first, second] = base.itemResults;
  const [raised] = base.findings;
  if (first === undefined || second === undefined || raised === undefined) {
    throw new Error('sample too small');
  }
  return {
    ...base,
    itemResults: [
      { ...first, workPerformed: INJECTIONS[0], notes: INJECTIONS[1], sampleDescription: PERSONAL },
      { ...second, workPerformed: INJECTIONS[2], notes: INJECTIONS[3] },
    ],
    findings: [{ ...raised, title: '=1+1', owner: '@owner', managementResponse: PERSONAL }],
  };
}

async function exported(
  options: InspectionWorkbookOptions = ZH,
  input?: Awaited<ReturnType<typeof hostileInput>>,
) {
  const built = await buildInspectionWorkbook(input ?? (await hostileInput()), options);
  const bytes = await writeWorkbook(built.spec);
  return { built, bytes, workbook: await readBack(bytes) };
}

function metaCells(workbook: ReadWorkbook): unknown[][] {
  return values(sheet(workbook, META_SHEET_NAME), 2);
}

/** What the import will do: hash a sheet as read from the file. */
async function fileSheetHash(workbook: ReadWorkbook, entry: SheetEntry): Promise<string> {
  const ws = sheet(workbook, entry.name);
  const all = values(ws, entry.columns.length).map((row) => row.map(toCellValue));
  const hasHeader = entry.role !== 'cover';
  const columns: ColumnSpec[] | null = hasHeader
    ? (all[0] ?? []).map((header, i) => ({
        key: String(i),
        header: typeof header === 'string' ? header : '',
        width: 10,
      }))
    : null;
  const body = hasHeader ? all.slice(1) : all;
  return sheetHash(columns, body.slice(0, entry.hashedRows));
}

describe('inspection workpaper, read back from the file', () => {
  it('orders the sheets with the hidden meta sheet last and opens on the cover', async () => {
    const { workbook } = await exported();
    expect(sheetNames(workbook)).toEqual([
      '封面',
      '查核項目',
      '缺失',
      '系統清冊',
      '活動軌跡',
      META_SHEET_NAME,
    ]);
    expect(workbook.worksheets.at(-1)?.state).toBe('veryHidden');
    expect(workbook.views[0]).toMatchObject({ activeTab: 0, firstSheet: 0 });
    expect(workbook.worksheets[0]?.state).toBe('visible');
  });

  it('writes the headers in the chosen language', async () => {
    const zh = (await exported(ZH)).workbook;
    const en = (await exported(EN)).workbook;
    expect(values(sheet(zh, '查核項目'))[0]?.slice(0, 6)).toEqual([
      '項次',
      '項目編號',
      '法規依據',
      '規範要求',
      '查核程序',
      '查核結果',
    ]);
    expect(values(sheet(en, 'Checklist'))[0]?.slice(0, 6)).toEqual([
      'No.',
      'Item ID',
      'Citation',
      'Requirement',
      'Test procedure',
      'Result',
    ]);
    expect(values(sheet(en, 'System inventory'))[0]).toContain('Next assessment due');
  });

  it('freezes the header row, filters it and prints A4 landscape with titles and page numbers', async () => {
    const { workbook } = await exported();
    const ws = sheet(workbook, '查核項目');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:L4');
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      printTitlesRow: '1:1',
    });
    expect(ws.headerFooter.oddFooter).toContain('&P');
    expect(ws.headerFooter.oddFooter).toContain('&N');
    expect(sheet(workbook, '缺失').autoFilter).toBe('A1:O2');
  });

  it('offers drop-down lists on the result and status columns', async () => {
    const { workbook } = await exported();
    const checklist = sheet(workbook, '查核項目');
    const result = headerColumn(checklist, '查核結果');
    expect(checklist.getCell(2, result).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"符合,部分符合,不符合,不適用"'],
    });
    const findings = sheet(workbook, '缺失');
    expect(findings.getCell(2, headerColumn(findings, '處理狀態')).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"待改善,改善中,已結案"'],
    });
    expect(findings.getCell(2, headerColumn(findings, '嚴重程度')).dataValidation).toMatchObject({
      formulae: ['"高,中,低"'],
    });
  });

  it('highlights deficiencies and overdue dates', async () => {
    const { workbook } = await exported();
    const formulas = (name: string) =>
      conditionalFormats(sheet(workbook, name)).flatMap((cf) =>
        cf.rules.map((rule) => [cf.ref, ruleFormula(rule)]),
      );
    expect(formulas('查核項目')).toContainEqual(['F2:F4', 'F2="不符合"']);
    expect(formulas('缺失')).toContainEqual([
      'K2:K2',
      'AND(AND(ISNUMBER(K2),K2<DATE(2025,3,5)),$M2<>"已結案")',
    ]);
    expect(formulas('系統清冊')).toContainEqual(['H2:H2', 'AND(ISNUMBER(H2),H2<DATE(2025,3,5))']);
  });

  it('uses the CJK font on headers, data and the cover', async () => {
    const { workbook } = await exported();
    for (const [name, address] of [
      ['封面', 'A1'],
      ['封面', 'B3'],
      ['查核項目', 'A1'],
      ['查核項目', 'H2'],
      ['缺失', 'K2'],
      ['活動軌跡', 'G3'],
    ] as const) {
      expect(sheet(workbook, name).getCell(address).font.name, `${name}!${address}`).toBe(CJK_FONT);
    }
  });

  it('stores every formula-like user text as text, exactly as typed', async () => {
    const { workbook } = await exported();
    const checklist = sheet(workbook, '查核項目');
    const work = headerColumn(checklist, '執行之查核工作');
    const notes = headerColumn(checklist, '備註');
    const cells = [
      checklist.getCell(2, work),
      checklist.getCell(2, notes),
      checklist.getCell(3, work),
      checklist.getCell(3, notes),
    ];
    expect(cells.map((cell) => cell.value)).toEqual([...INJECTIONS]);
    for (const cell of cells) {
      expect(cell.type).toBe(ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe(TEXT_NUMFMT);
    }
    const findings = sheet(workbook, '缺失');
    expect(findings.getCell(2, headerColumn(findings, '缺失標題'))).toMatchObject({
      value: '=1+1',
      type: ValueType.String,
    });
  });

  it('masks personal data by default and says so on the cover', async () => {
    const { workbook } = await exported();
    const checklist = sheet(workbook, '查核項目');
    const sample = checklist.getCell(2, headerColumn(checklist, '抽樣說明')).value;
    expect(sample).toBe('受訪者 A12****789，手機 0912***678，市話 (02)****-6789');
    const findings = sheet(workbook, '缺失');
    expect(findings.getCell(2, headerColumn(findings, '受查單位回覆')).value).toBe(sample);
    const cover = values(sheet(workbook, '封面'), 2);
    expect(cover).toContainEqual(['個人資料', expect.stringMatching(/^已遮蔽/)]);
    expect(JSON.stringify(values(sheet(workbook, '查核項目')))).not.toContain('A123456789');
  });

  it('keeps personal data in clear when the user chose to include it', async () => {
    const { workbook } = await exported({ ...ZH, includePersonalData: true });
    const checklist = sheet(workbook, '查核項目');
    expect(checklist.getCell(2, headerColumn(checklist, '抽樣說明')).value).toBe(PERSONAL);
    const cover = values(sheet(workbook, '封面'), 2);
    expect(cover).toContainEqual(['個人資料', expect.stringMatching(/^未遮蔽/)]);
    expect(checklist.headerFooter.oddFooter).toContain('含未遮蔽之個人資料');
  });

  it('writes dates as real dates and prints the content hash on the cover', async () => {
    const { workbook, built } = await exported();
    const findings = sheet(workbook, '缺失');
    const due = findings.getCell(2, headerColumn(findings, '預計改善日期'));
    expect(due.value).toEqual(new Date('2025-02-28T00:00:00.000Z'));
    expect(due.type).toBe(ValueType.Date);
    expect(due.numFmt).toBe('yyyy-mm-dd');
    const cover = values(sheet(workbook, '封面'), 2);
    expect(cover.at(-1)).toEqual(['內容雜湊值（SHA-256）', built.contentHash]);
  });
});

describe('a full checklist', () => {
  it('exports every library item with validations and formats down to the last row', async () => {
    const base = await sampleInput();
    const input = { ...base, items: CHECKLIST_LIBRARY.items };
    const built = await buildInspectionWorkbook(input, ZH);
    const workbook = await readBack(await writeWorkbook(built.spec));
    const ws = sheet(workbook, '查核項目');
    const last = CHECKLIST_LIBRARY.items.length + 1;
    expect(ws.rowCount).toBe(last);
    expect(ws.autoFilter).toBe(`A1:L${last}`);
    expect(ws.getCell(last, headerColumn(ws, '查核結果')).dataValidation).toMatchObject({
      type: 'list',
    });
    expect(conditionalFormats(ws)[0]?.ref).toBe(`F2:F${last}`);
    expect(built.meta.rows.filter((r) => r.sheet === '查核項目')).toHaveLength(last - 1);
    expect((await readWorkpaperMeta(metaCells(workbook))).ok).toBe(true);
  });
});

describe('the hidden meta sheet, read back from the file', () => {
  it('is veryHidden, protected, and verifies against the inspection', async () => {
    const { workbook, built } = await exported();
    const ws = sheet(workbook, META_SHEET_NAME);
    expect(ws.state).toBe('veryHidden');
    expect(sheetProtection(ws)).toMatchObject({ sheet: true });
    const reading = await readWorkpaperMeta(metaCells(workbook), {
      inspectionId: built.meta.header.inspectionId,
    });
    expect(reading).toEqual({ ok: true, meta: built.meta });
  });

  it('matches the sheets and rows as they read back, so an import can check them', async () => {
    const { workbook, built } = await exported();
    for (const entry of built.meta.sheets) {
      expect(await fileSheetHash(workbook, entry), entry.name).toBe(entry.hash);
    }
    for (const row of built.meta.rows) {
      const entry = built.meta.sheets.find((s) => s.name === row.sheet);
      if (entry === undefined) throw new Error(`no sheet ${row.sheet}`);
      const cells = (
        values(sheet(workbook, row.sheet), entry.columns.length)[row.row - 1] ?? []
      ).map(toCellValue);
      const columns = entry.columns.map((c) => ({ ...c, header: c.key, width: 10 }));
      expect(await rowHashes(columns, cells)).toEqual({
        lockedHash: row.lockedHash,
        editableHash: row.editableHash,
      });
    }
  });

  it('tells edits in editable columns from edits elsewhere after a save in a spreadsheet', async () => {
    const { workbook, built } = await exported();
    const checklist = sheet(workbook, '查核項目');
    checklist.getCell(2, headerColumn(checklist, '查核結果')).value = '不適用'; // editable
    checklist.getCell(3, headerColumn(checklist, '法規依據')).value = '改了'; // locked
    const saved = await readBack(await rewrite(workbook));
    expect((await readWorkpaperMeta(metaCells(saved))).ok).toBe(true);

    const entry = built.meta.sheets.find((s) => s.role === 'checklist');
    if (entry === undefined) throw new Error('no checklist entry');
    const columns = entry.columns.map((c) => ({ ...c, header: c.key, width: 10 }));
    const rows = values(sheet(saved, '查核項目'), columns.length);
    const [first, second] = built.meta.rows;
    const now = async (r: number) => rowHashes(columns, (rows[r - 1] ?? []).map(toCellValue));
    expect(await now(2)).toMatchObject({ lockedHash: first?.lockedHash });
    expect((await now(2)).editableHash).not.toBe(first?.editableHash);
    expect((await now(3)).lockedHash).not.toBe(second?.lockedHash);
    expect(await now(3)).toMatchObject({ editableHash: second?.editableHash });
  });

  it('refuses a file whose hidden sheet was altered', async () => {
    const { workbook } = await exported();
    const ws = sheet(workbook, META_SHEET_NAME);
    const rowNumber = metaCells(workbook).findIndex((line) => line[0] === 'row') + 1;
    const cell = ws.getCell(rowNumber, 2);
    const original = typeof cell.value === 'string' ? cell.value : '';
    cell.value = original.replace('"rev":1', '"rev":7');
    expect(cell.value).not.toBe(original);
    const tampered = await readBack(await rewrite(workbook));
    expect(await readWorkpaperMeta(metaCells(tampered))).toMatchObject({
      ok: false,
      problem: 'altered',
    });
  });

  it("refuses another inspection's file", async () => {
    const { workbook } = await exported();
    expect(
      await readWorkpaperMeta(metaCells(workbook), { inspectionId: inspection().id }),
    ).toMatchObject({ ok: false, problem: 'other-inspection' });
  });

  it('refuses a file the workbench did not produce', async () => {
    const forged = await readBack(
      await foreignWorkbook({
        [META_SHEET_NAME]: [
          ['kind', 'value'],
          ['header', '{}'],
        ],
      }),
    );
    expect(await readWorkpaperMeta(metaCells(forged))).toMatchObject({
      ok: false,
      problem: 'not-a-workpaper',
    });
    const plain = await readBack(await foreignWorkbook({ Sheet1: [['a', 1]] }));
    expect(plain.getWorksheet(META_SHEET_NAME)).toBeUndefined();
  });

  it('changes the content hash when a result changes', async () => {
    const input = await hostileInput();
    const before = await exported(ZH, input);
    const [first, ...rest] = input.itemResults;
    if (first === undefined) throw new Error('no result');
    const after = await exported(ZH, {
      ...input,
      itemResults: [{ ...first, result: 'partial' }, ...rest],
    });
    expect(after.built.contentHash).not.toBe(before.built.contentHash);
    const reading = await readWorkpaperMeta(metaCells(after.workbook));
    expect(reading.ok && reading.meta.contentHash).toBe(after.built.contentHash);
  });
});

describe('register sheets, read back from the file', () => {
  async function registerFile(options: InspectionWorkbookOptions = ZH) {
    const input = await registerInput();
    const built = await buildInspectionWorkbook(input, options);
    const bytes = await writeWorkbook(built.spec);
    return { input, built, workbook: await readBack(bytes) };
  }

  it('sit between the system inventory and the activity trail, the meta sheet last', async () => {
    const { workbook } = await registerFile();
    expect(sheetNames(workbook)).toEqual([
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
    expect(workbook.worksheets.at(-1)?.state).toBe('veryHidden');
    expect(workbook.worksheets.slice(0, -1).every((ws) => ws.state === 'visible')).toBe(true);
  });

  it('write their headers in either language, frozen and filtered', async () => {
    const zh = (await registerFile(ZH)).workbook;
    const en = (await registerFile(EN)).workbook;
    expect(values(sheet(zh, '保密協議'))[0]?.slice(0, 3)).toEqual([
      '項次',
      '簽署對象',
      '員工編號／統一編號',
    ]);
    expect(values(sheet(en, 'Agreements'))[0]?.slice(0, 3)).toEqual([
      'No.',
      'Signed by',
      'Employee no. / tax ID',
    ]);
    expect(values(sheet(zh, '覆蓋缺口'))[0]).toContain('建議嚴重程度');
    expect(values(sheet(en, 'Coverage gaps'))[0]).toContain('Suggested severity');
    expect(values(sheet(zh, '設備報廢'))[0]).toContain('異常標示');
    expect(values(sheet(en, 'Disposal log'))[0]).toContain('Flags');
    expect(values(sheet(zh, '政策審閱'))[0]).toContain('應訂項目');
    expect(values(sheet(en, 'Policy reviews'))[0]).toContain('Element');
    for (const name of ['保密協議', '覆蓋缺口', '設備報廢', '政策審閱']) {
      const ws = sheet(zh, name);
      expect(ws.views[0], name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, name).toMatch(/^A1:[A-Z]+\d+$/);
      expect(ws.getCell('A1').font.name).toBe(CJK_FONT);
    }
  });

  it('hold the values, national IDs masked, dates as dates', async () => {
    const { workbook } = await registerFile();
    const agreements = sheet(workbook, '保密協議');
    const text = JSON.stringify(values(agreements));
    expect(text).toContain('A12****789');
    expect(text).not.toContain(PERSON_ID);
    const signedOn = agreements.getCell(2, headerColumn(agreements, '簽署日'));
    expect(signedOn.type).toBe(ValueType.Date);
    expect(signedOn.numFmt).toBe('yyyy-mm-dd');
    const gaps = values(sheet(workbook, '覆蓋缺口'));
    expect(gaps.slice(1).map((row) => row[1])).toEqual(
      expect.arrayContaining(['員工未簽署', '離職人員權限未及時取消']),
    );
    const policies = sheet(workbook, '政策審閱');
    expect(JSON.stringify(values(policies))).toContain('0912-***-678');
  });

  it('store formula-like register text as text', async () => {
    const { workbook } = await registerFile();
    const agreements = sheet(workbook, '保密協議');
    const department = headerColumn(agreements, '部門');
    const cells = Array.from({ length: agreements.rowCount - 1 }, (_, i) =>
      agreements.getCell(i + 2, department),
    ).filter((cell) => cell.value === REGISTER_INJECTION);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      expect(cell.type).toBe(ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe(TEXT_NUMFMT);
    }
    const disposals = sheet(workbook, '設備報廢');
    const performer = disposals.getCell(3, headerColumn(disposals, '執行人'));
    expect(performer).toMatchObject({ value: '+1+1', type: ValueType.String });
  });

  it('highlight the whole row of a flagged disposal record', async () => {
    const { workbook } = await registerFile();
    const ws = sheet(workbook, '設備報廢');
    const flags = headerColumn(ws, '異常標示');
    const letter = String.fromCharCode(64 + flags);
    const [format] = conditionalFormats(ws);
    expect(format?.ref).toBe(`A2:${letter}4`);
    const rule = format?.rules[0];
    expect(rule === undefined ? undefined : ruleFormula(rule)).toBe(`$${letter}2<>""`);
    expect((rule?.style?.fill as { bgColor?: { argb?: string } } | undefined)?.bgColor?.argb).toBe(
      'FFFFC7CE',
    );
    // The flagged rows are those the rule's test cell holds text in.
    const flagged = [2, 3, 4].filter((r) => ws.getCell(r, flags).value !== null);
    expect(flagged.map((r) => ws.getCell(r, 2).value)).toEqual(['NB-002', 'NB-003']);
  });

  it('verify in the meta sheet, with hashes that match the file', async () => {
    const { workbook, built, input } = await registerFile();
    const reading = await readWorkpaperMeta(metaCells(workbook), {
      inspectionId: input.inspection.id,
    });
    expect(reading).toEqual({ ok: true, meta: built.meta });
    for (const entry of built.meta.sheets) {
      expect(await fileSheetHash(workbook, entry), entry.name).toBe(entry.hash);
    }
  });
});
