/**
 * The round trip through real files: build and write a workpaper, open it with exceljs, change
 * cells as an auditor would in Excel, save it, and import it back against the vault state.
 */
import { describe, expect, it } from 'vitest';
import { toIsoInstant } from '../../domain/dates';
import { demoEngagement } from '../../sample/demo-engagement';
import { demoSignoff } from '../../sample/demo-signoff';
import { fastKdf } from '../../signoff/testing';
import type { InspectionWorkbookInput, InspectionWorkbookOptions } from '../build-inspection';
import { buildInspectionWorkbook } from '../build-inspection';
import { META_SHEET_NAME, contentHashOf, metaRows } from '../meta';
import type { SheetSpec } from '../model';
import { inspection, itemResult, registerInput, sampleInput } from '../testing/factories';
import {
  foreignWorkbook,
  headerColumn,
  readBack,
  rewrite,
  sheet,
  type ReadWorkbook,
  type ReadWorksheet,
} from '../testing/read-back';
import { writeWorkbook } from '../xlsx-write';
import {
  applyWorkpaperEdits,
  diffWorkpaper,
  readWorkpaperEdits,
  type RecordDiff,
  type WorkpaperDiff,
  type WorkpaperEdits,
  type WorkpaperReading,
  type WorkpaperRefusal,
  type WorkpaperVaultState,
} from '.';

const ZH: InspectionWorkbookOptions = {
  lang: 'zh-TW',
  calendar: 'roc',
  includePersonalData: false,
};
const EN: InspectionWorkbookOptions = { lang: 'en', calendar: 'iso', includePersonalData: false };

async function exportOf(input: InspectionWorkbookInput, options = ZH): Promise<Uint8Array> {
  return writeWorkbook((await buildInspectionWorkbook(input, options)).spec);
}

/** Opens the file, lets `change` edit it like a user in Excel, and saves it again. */
async function edited(
  bytes: Uint8Array,
  change: (workbook: ReadWorkbook) => void,
): Promise<Uint8Array> {
  const workbook = await readBack(bytes);
  change(workbook);
  return rewrite(workbook);
}

/** The cell of a row (found by the value in column `keyColumn`) under a header. */
function cellOf(ws: ReadWorksheet, header: string, key: string, keyColumn = 2) {
  for (let r = 2; r <= ws.rowCount; r++) {
    if (ws.getRow(r).getCell(keyColumn).value === key) {
      return ws.getRow(r).getCell(headerColumn(ws, header));
    }
  }
  throw new Error(`no row ${key} in ${ws.name}`);
}

function textOf(value: unknown): string {
  if (typeof value !== 'string') throw new Error('not a text cell');
  return value;
}

function ok(reading: WorkpaperReading): WorkpaperEdits {
  if (!reading.ok) throw new Error(`refused: ${reading.kind} ${reading.detail ?? ''}`);
  return reading;
}

function refused(reading: WorkpaperReading): WorkpaperRefusal {
  if (reading.ok) throw new Error('expected a refusal');
  return reading;
}

async function importInto(input: WorkpaperVaultState, bytes: Uint8Array): Promise<WorkpaperDiff> {
  const reading = ok(await readWorkpaperEdits(bytes, { inspectionId: input.inspection.id }));
  return diffWorkpaper(reading, input);
}

function changesOf(record: RecordDiff | undefined) {
  return (record?.changes ?? []).map((c) => ({ field: c.field, before: c.before, after: c.after }));
}

async function fixture() {
  const input = await sampleInput();
  const [first, second, third] = input.items;
  const [firstResult, secondResult] = input.itemResults;
  const [finding] = input.findings;
  if (!first || !second || !third || !firstResult || !secondResult || !finding) {
    throw new Error('sample too small');
  }
  return { input, first, second, third, firstResult, secondResult, finding };
}

describe('readWorkpaperEdits + diffWorkpaper', () => {
  it('yields exactly the edits made in Excel, and names the locked cells it ignores', async () => {
    const { input, first, second, third, firstResult, finding } = await fixture();
    const bytes = await edited(await exportOf(input), (workbook) => {
      const checklist = sheet(workbook, '查核項目');
      cellOf(checklist, '查核結果', first.id).value = '部分符合';
      cellOf(checklist, '執行之查核工作', first.id).value = '重新檢視清冊，2 名員工漏簽。';
      cellOf(checklist, '查核結果', third.id).value = '不適用';
      cellOf(checklist, '不適用理由', third.id).value = '本公司無此類業務。';
      cellOf(checklist, '法規依據', second.id).value = '（亂改的條文）';
      const findings = sheet(workbook, '缺失');
      findings.getCell(2, headerColumn(findings, '受查單位回覆')).value = '將於 6 月底前完成補簽。';
      findings.getCell(2, headerColumn(findings, '處理狀態')).value = '改善中';
      findings.getCell(2, headerColumn(findings, '預計改善日期')).value = '114/06/30';
      const cover = sheet(workbook, '封面');
      cover.getCell(3, 2).value = '另一家公司';
    });

    const diff = await importInto(input, bytes);

    expect(diff.records.map((r) => [r.table, r.id, r.key])).toEqual([
      ['itemResults', firstResult.id, `itemResults/${firstResult.id}`],
      ['itemResults', null, `itemResults/new:${third.id}`],
      ['findings', finding.id, `findings/${finding.id}`],
    ]);
    const [firstDiff, thirdDiff, findingDiff] = diff.records;
    expect(changesOf(firstDiff)).toEqual([
      { field: 'result', before: 'compliant', after: 'partial' },
      {
        field: 'workPerformed',
        before: firstResult.workPerformed,
        after: '重新檢視清冊，2 名員工漏簽。',
      },
    ]);
    expect(firstDiff?.changes.map((c) => c.cell)).toEqual(['F2', 'H2']);
    expect(firstDiff?.label['zh-TW']).toMatch(new RegExp(`^${first.id}（.+）$`));
    expect(changesOf(thirdDiff)).toEqual([
      { field: 'result', before: null, after: 'not-applicable' },
      { field: 'reason', before: '', after: '本公司無此類業務。' },
    ]);
    expect(changesOf(findingDiff)).toEqual([
      { field: 'dueDate', before: '2025-02-28', after: '2025-06-30' },
      { field: 'managementResponse', before: '', after: '將於 6 月底前完成補簽。' },
      { field: 'status', before: 'open', after: 'in-progress' },
    ]);
    const everyChange = diff.records.flatMap((r) => r.changes);
    expect(everyChange.every((c) => c.conflict === null && c.errors.length === 0)).toBe(true);
    expect(diff.records.every((r) => r.errors.length === 0)).toBe(true);
    expect(diff.skipped).toEqual([]);

    expect(
      diff.ignored.map(({ sheet, cell, scope, reason }) => ({ sheet, cell, scope, reason })),
    ).toEqual([
      { sheet: '封面', cell: 'A1:B29', scope: 'sheet', reason: 'cover-sheet' },
      { sheet: '查核項目', cell: 'C3', scope: 'cell', reason: 'locked-column' },
    ]);
    expect(diff.ignored[1]?.message['zh-TW']).toContain('黃色');
    expect(diff.counts).toEqual({ records: 3, changes: 7, conflicts: 0, errors: 0, ignored: 2 });

    const applied = applyWorkpaperEdits(diff);
    expect(applied.skipped).toEqual([]);
    expect(applied.counts).toEqual({ created: 1, updated: 2, fields: 7, skipped: 0 });
    expect(applied.groups.map((g) => [g.table, g.items.length])).toEqual([
      ['itemResults', 2],
      ['findings', 1],
    ]);
    const [update, create, findingWrite] = applied.writes;
    expect(update).toMatchObject({ id: firstResult.id, expectedRev: firstResult.rev });
    expect(update?.data).toEqual({
      inspectionId: input.inspection.id,
      itemId: first.id,
      result: 'partial',
      reason: '',
      workPerformed: '重新檢視清冊，2 名員工漏簽。',
      sampleDescription: '',
      notes: '',
      evidenceIds: firstResult.evidenceIds,
    });
    expect(create).toMatchObject({ id: null, expectedRev: null });
    expect(create?.data).toMatchObject({
      itemId: third.id,
      result: 'not-applicable',
      reason: '本公司無此類業務。',
    });
    expect(applied.groups[0]?.items[1]).toEqual({ data: create?.data });
    expect(findingWrite?.data).toEqual({
      ...Object.fromEntries(
        Object.entries(finding).filter(
          ([k]) => !['id', 'rev', 'updatedAt', 'updatedBy', 'deleted'].includes(k),
        ),
      ),
      dueDate: '2025-06-30',
      managementResponse: '將於 6 月底前完成補簽。',
      status: 'in-progress',
    });
  });

  it('finds nothing to import in a file saved again unchanged', async () => {
    const { input } = await fixture();
    const bytes = await edited(await exportOf(input), () => undefined);
    const reading = ok(await readWorkpaperEdits(bytes, { inspectionId: input.inspection.id }));
    expect(reading.rows.some((r) => r.lockedChanged || r.editableChanged)).toBe(false);
    expect(reading.inspectionTitle).toBe(input.inspection.title);
    const diff = await diffWorkpaper(reading, input);
    expect(diff.records).toEqual([]);
    expect(diff.ignored).toEqual([]);
    expect(applyWorkpaperEdits(diff).writes).toEqual([]);
  });

  it('reads the cells under a merged range as the file holds them: empty', async () => {
    const { input, first, firstResult } = await fixture();
    // LibreOffice saves the cover's title, centred across both columns, as a merged range;
    // exceljs repeats a range's value in every cell of it.
    const merged = await edited(await exportOf(input), (workbook) => {
      sheet(workbook, '封面').mergeCells('A1:B1');
    });
    const diff = await importInto(input, merged);
    expect(diff.records).toEqual([]);
    expect(diff.ignored).toEqual([]);

    // Merging over a filled cell loses its text (Excel keeps the top-left value): an edit.
    const lost = await edited(await exportOf(input), (workbook) => {
      const checklist = sheet(workbook, '查核項目');
      const result = cellOf(checklist, '查核結果', first.id);
      const work = cellOf(checklist, '執行之查核工作', first.id);
      checklist.mergeCells(`${result.address}:${work.address}`);
    });
    const lostDiff = await importInto(input, lost);
    expect(lostDiff.records.map((r) => r.id)).toEqual([firstResult.id]);
    expect(changesOf(lostDiff.records[0])).toEqual([
      { field: 'workPerformed', before: firstResult.workPerformed, after: '' },
    ]);
  });

  it('takes formula-looking text typed as text verbatim, and refuses a formula', async () => {
    const { input, first, second, firstResult, secondResult } = await fixture();
    const bytes = await edited(await exportOf(input), (workbook) => {
      const checklist = sheet(workbook, '查核項目');
      cellOf(checklist, '執行之查核工作', first.id).value = '=1+1';
      cellOf(checklist, '備註', first.id).value = '@SUM(A1)';
      cellOf(checklist, '執行之查核工作', second.id).value = { formula: '1+1', result: 2 };
    });
    const diff = await importInto(input, bytes);
    const [firstDiff, secondDiff] = diff.records;
    expect(changesOf(firstDiff)).toEqual([
      { field: 'workPerformed', before: firstResult.workPerformed, after: '=1+1' },
      { field: 'notes', before: '', after: '@SUM(A1)' },
    ]);
    expect(secondDiff?.id).toBe(secondResult.id);
    expect(secondDiff?.changes).toMatchObject([
      { field: 'workPerformed', afterText: '=1+1', errors: [{ code: 'formula' }] },
    ]);
    const applied = applyWorkpaperEdits(diff);
    expect(applied.writes.map((w) => w.data)).toMatchObject([
      { workPerformed: '=1+1', notes: '@SUM(A1)' },
    ]);
    expect(applied.skipped.map((s) => [s.record.id, s.issues.map((i) => i.code)])).toEqual([
      [secondResult.id, ['formula']],
    ]);
  });

  it('puts back personal data the export masked where the masked text was kept', async () => {
    const { input, second, secondResult } = await fixture();
    expect(secondResult.notes).toContain('0912-345-678');
    const bytes = await edited(await exportOf(input), (workbook) => {
      const cell = cellOf(sheet(workbook, '查核項目'), '備註', second.id);
      expect(cell.value).toBe('聯絡人：陳先生 0912-***-678');
      cell.value = '聯絡人：陳先生 0912-***-678（已於 3/5 訪談）';
    });
    const diff = await importInto(input, bytes);
    expect(diff.records[0]?.changes).toMatchObject([
      { field: 'notes', after: '聯絡人：陳先生 0912-345-678（已於 3/5 訪談）', warnings: [] },
    ]);
  });

  it('reports a conflict when a field was changed both in the vault and in the file', async () => {
    const { input, finding } = await fixture();
    const bytes = await edited(await exportOf(input), (workbook) => {
      const findings = sheet(workbook, '缺失');
      findings.getCell(2, headerColumn(findings, '受查單位回覆')).value = '檔案中的回覆';
    });
    const vault = {
      ...input,
      findings: [{ ...finding, rev: 2, managementResponse: '系統中的回覆' }],
    };
    const diff = await importInto(vault, bytes);
    expect(diff.records).toHaveLength(1);
    const [record] = diff.records;
    expect(record).toMatchObject({ exportedRev: 1, currentRev: 2 });
    expect(record?.changes).toMatchObject([
      {
        field: 'managementResponse',
        before: '系統中的回覆',
        after: '檔案中的回覆',
        conflict: { known: false },
      },
    ]);
    expect(diff.counts.conflicts).toBe(1);

    // By default the vault keeps its value: nothing to write.
    expect(applyWorkpaperEdits(diff).writes).toEqual([]);
    const key = record?.changes[0]?.key ?? '';
    const taken = applyWorkpaperEdits(diff, { takeFromFile: [key] });
    expect(taken.writes).toMatchObject([
      {
        id: finding.id,
        expectedRev: 2,
        data: { managementResponse: '檔案中的回覆' },
      },
    ]);
  });

  it('keeps both sides when the vault and the file changed different fields', async () => {
    const { input, finding } = await fixture();
    const bytes = await edited(await exportOf(input), (workbook) => {
      const findings = sheet(workbook, '缺失');
      findings.getCell(2, headerColumn(findings, '處理狀態')).value = '改善中';
    });
    const vault = { ...input, findings: [{ ...finding, rev: 3, owner: '資訊安全部' }] };
    const diff = await importInto(vault, bytes);
    expect(changesOf(diff.records[0])).toEqual([
      { field: 'status', before: 'open', after: 'in-progress' },
    ]);
    expect(diff.records[0]?.changes[0]?.conflict).toBeNull();
    expect(applyWorkpaperEdits(diff).writes).toMatchObject([
      { expectedRev: 3, data: { owner: '資訊安全部', status: 'in-progress' } },
    ]);
  });

  it('treats a result created in the vault since the export like a changed record', async () => {
    const { input, third } = await fixture();
    const bytes = await edited(await exportOf(input), (workbook) => {
      const checklist = sheet(workbook, '查核項目');
      cellOf(checklist, '查核結果', third.id).value = '符合';
      cellOf(checklist, '備註', third.id).value = '檔案中的備註';
    });
    const created = itemResult(input.inspection.id, third.id, { notes: '系統中的備註' });
    const diff = await importInto(
      { ...input, itemResults: [...input.itemResults, created] },
      bytes,
    );
    expect(diff.records[0]).toMatchObject({ id: created.id, currentRev: 1, exportedRev: null });
    expect(diff.records[0]?.changes).toMatchObject([
      { field: 'result', before: null, after: 'compliant', conflict: null },
      {
        field: 'notes',
        before: '系統中的備註',
        after: '檔案中的備註',
        conflict: { known: true, exported: '' },
      },
    ]);
  });

  it('skips the edits of a record deleted since the export', async () => {
    const { input, finding } = await fixture();
    const bytes = await edited(await exportOf(input), (workbook) => {
      const findings = sheet(workbook, '缺失');
      findings.getCell(2, headerColumn(findings, '受查單位回覆')).value = '回覆';
    });
    const diff = await importInto(
      { ...input, findings: [{ ...finding, rev: 2, deleted: true }] },
      bytes,
    );
    expect(diff.records).toEqual([]);
    expect(diff.skipped).toMatchObject([
      { table: 'findings', id: finding.id, row: 2, reason: 'deleted' },
    ]);
  });

  it('checks each record with the domain rules: a finding closed without its date', async () => {
    const { input } = await fixture();
    const bytes = await edited(await exportOf(input), (workbook) => {
      const findings = sheet(workbook, '缺失');
      findings.getCell(2, headerColumn(findings, '處理狀態')).value = '已結案';
      findings.getCell(2, headerColumn(findings, '嚴重程度')).value = '很高';
      findings.getCell(2, headerColumn(findings, '結案日期')).value = '明天';
    });
    const diff = await importInto(input, bytes);
    const [record] = diff.records;
    expect(record?.changes.map((c) => [c.field, c.errors.map((e) => e.code)])).toEqual([
      ['severity', ['unknown-label']],
      ['status', []],
      ['closedOn', ['invalid-date']],
    ]);
    expect(record?.changes[0]?.errors[0]?.message['zh-TW']).toContain('高、中、低');
    // The closing date could not be read, so the record as it would be saved lacks one.
    expect(record?.errors.map((e) => e.message.en)).toEqual([
      'A closed finding needs the date it was closed',
      'A closed finding needs at least one piece of evidence that it was remediated',
    ]);
    const applied = applyWorkpaperEdits(diff);
    expect(applied.writes).toEqual([]);
    expect(applied.skipped).toHaveLength(1);
  });

  it('reads an English, ISO-calendar workpaper, labels and dates in either form', async () => {
    const { input, first, finding } = await fixture();
    const bytes = await edited(await exportOf(input, EN), (workbook) => {
      const checklist = sheet(workbook, 'Checklist');
      cellOf(checklist, 'Result', first.id).value = '不符合';
      const findings = sheet(workbook, 'Findings');
      findings.getCell(2, headerColumn(findings, 'Due date')).value = new Date(
        Date.UTC(2025, 6, 1),
      );
      findings.getCell(2, headerColumn(findings, 'Severity')).value = 'high';
      findings.getCell(2, headerColumn(findings, 'Status')).value = 'In progress';
    });
    const diff = await importInto(input, bytes);
    expect(diff.records.map(changesOf)).toEqual([
      [{ field: 'result', before: 'compliant', after: 'non-compliant' }],
      [
        { field: 'severity', before: finding.severity, after: 'high' },
        { field: 'dueDate', before: '2025-02-28', after: '2025-07-01' },
        { field: 'status', before: 'open', after: 'in-progress' },
      ],
    ]);
    expect(diff.records[1]?.label.en).toBe(`Finding 1: ${finding.title}`);
  });

  it('matches rows by their number in a sorted sheet, and ignores added rows', async () => {
    const { input, first, third, firstResult } = await fixture();
    const bytes = await edited(await exportOf(input), (workbook) => {
      const checklist = sheet(workbook, '查核項目');
      // Sorted in reverse: the rows of the first and the third item swap places.
      const two = checklist.getRow(2).values;
      checklist.getRow(2).values = checklist.getRow(4).values;
      checklist.getRow(4).values = two;
      cellOf(checklist, '備註', first.id).value = '排序後填寫';
      expect(checklist.getRow(4).getCell(2).value).toBe(first.id);
      checklist.getCell(8, 2).value = 'X-99';
      checklist.getCell(8, 8).value = '新增的一列';
      checklist.getCell(2, 13).value = '右邊的註記';
    });
    const reading = ok(await readWorkpaperEdits(bytes, { inspectionId: input.inspection.id }));
    expect(
      reading.rows.filter((r) => r.sheet === '查核項目').map((r) => [r.entry.key, r.fileRow]),
    ).toEqual([
      [first.id, 4],
      [input.items[1]?.id, 3],
      [third.id, 2],
    ]);
    const diff = await diffWorkpaper(reading, input);
    expect(diff.records.map((r) => [r.id, r.row, changesOf(r)])).toEqual([
      [firstResult.id, 4, [{ field: 'notes', before: '', after: '排序後填寫' }]],
    ]);
    expect(diff.ignored.map(({ cell, scope, reason }) => [cell, scope, reason])).toEqual([
      ['M2', 'cell', 'extra-column'],
      ['A8:L8', 'row', 'added-row'],
    ]);
  });

  it('lists changes to the activity trail and other sheets, never importing them', async () => {
    const { input } = await fixture();
    const bytes = await edited(await exportOf(input), (workbook) => {
      sheet(workbook, '活動軌跡').getCell(2, 6).value = '改寫的紀錄';
      sheet(workbook, '活動軌跡').getCell(5, 1).value = 99;
      workbook.addWorksheet('我的計算').getCell('A1').value = 42;
    });
    const diff = await importInto(input, bytes);
    expect(diff.records).toEqual([]);
    expect(
      diff.ignored.map(({ sheet, cell, scope, reason }) => [sheet, cell, scope, reason]),
    ).toEqual([
      ['活動軌跡', 'A1:G3', 'sheet', 'activity-sheet'],
      ['活動軌跡', 'A5', 'cell', 'activity-sheet'],
      ['我的計算', 'A1:A1', 'sheet', 'extra-sheet'],
    ]);
  });

  it('names the changed cells of the system inventory when given the systems', async () => {
    const { input } = await fixture();
    const bytes = await edited(await exportOf(input), (workbook) => {
      const systems = sheet(workbook, '系統清冊');
      systems.getCell(2, headerColumn(systems, '負責單位')).value = '外包廠商';
    });
    const exact = await importInto(input, bytes);
    expect(exact.ignored.map(({ sheet, cell, scope }) => [sheet, cell, scope])).toEqual([
      ['系統清冊', 'D2', 'cell'],
    ]);
    const { systems: _, ...withoutSystems } = input;
    const rough = await importInto(withoutSystems, bytes);
    expect(rough.ignored.map(({ sheet, cell, scope }) => [sheet, cell, scope])).toEqual([
      ['系統清冊', 'A2:K2', 'row'],
    ]);
  });
});

describe('readWorkpaperEdits: the register sheets', () => {
  it('reports an edited register cell as ignored and imports nothing from it', async () => {
    const input = await registerInput();
    const bytes = await edited(await exportOf(input), (workbook) => {
      const agreements = sheet(workbook, '保密協議');
      agreements.getCell(2, headerColumn(agreements, '版本')).value = '2099';
      const disposals = sheet(workbook, '設備報廢');
      disposals.getCell(3, headerColumn(disposals, '覆核人')).value = '補簽的覆核人';
      disposals.getCell(9, 1).value = 99;
      sheet(workbook, '政策審閱').getCell(1, 25).value = '我的欄';
    });
    const diff = await importInto(input, bytes);
    expect(diff.records).toEqual([]);
    expect(diff.counts).toMatchObject({ records: 0, changes: 0, errors: 0 });
    expect(
      diff.ignored.map(({ sheet, cell, scope, reason }) => [sheet, cell, scope, reason]),
    ).toEqual([
      ['保密協議', 'A1:N9', 'sheet', 'register-sheet'],
      ['設備報廢', 'A1:T4', 'sheet', 'register-sheet'],
      ['設備報廢', 'A9', 'cell', 'register-sheet'],
      ['政策審閱', 'Y1', 'cell', 'extra-column'],
    ]);
    expect(diff.ignored[0]?.message.en).toMatch(/for reference; changes to them are not imported/);
  });

  it('still imports the checklist when register sheets were edited, rearranged or deleted', async () => {
    const input = await registerInput();
    const [first] = input.items;
    if (first === undefined) throw new Error('no item');
    const bytes = await edited(await exportOf(input), (workbook) => {
      const checklist = sheet(workbook, '查核項目');
      cellOf(checklist, '查核結果', first.id).value = '部分符合';
      const gaps = sheet(workbook, '覆蓋缺口');
      gaps.spliceColumns(2, 1);
      workbook.removeWorksheet(sheet(workbook, '政策審閱').id);
    });
    const reading = ok(await readWorkpaperEdits(bytes, { inspectionId: input.inspection.id }));
    expect(reading.ignored.map(({ sheet, scope, reason }) => [sheet, scope, reason])).toEqual([
      ['覆蓋缺口', 'sheet', 'register-sheet'],
    ]);
    const diff = await diffWorkpaper(reading, input);
    expect(diff.records.map((r) => r.changes.map((c) => c.field))).toEqual([['result']]);
  });

  it('refuses a row entry that claims a register sheet', async () => {
    const input = await registerInput();
    const built = await buildInspectionWorkbook(input, ZH);
    const [row] = built.meta.rows;
    if (row === undefined) throw new Error('no row entry');
    const forged = {
      ...built.meta,
      rows: [{ ...row, sheet: '設備報廢' }, ...built.meta.rows.slice(1)],
    };
    const metaSheet = {
      ...built.spec.sheets.at(-1),
      rows: metaRows({ ...forged, contentHash: await contentHashOf(forged) }),
    } as SheetSpec;
    const bytes = await writeWorkbook({
      ...built.spec,
      sheets: [...built.spec.sheets.slice(0, -1), metaSheet],
    });
    const refusal = refused(await readWorkpaperEdits(bytes, { inspectionId: input.inspection.id }));
    expect(refusal).toMatchObject({
      kind: 'malformed',
      detail: 'row entry of itemResults on 設備報廢',
    });
  });
});

describe('readWorkpaperEdits: files it refuses', () => {
  it('refuses a file whose hidden sheet was altered', async () => {
    const { input } = await fixture();
    const bytes = await edited(await exportOf(input), (workbook) => {
      const cell = sheet(workbook, META_SHEET_NAME).getCell(2, 2);
      cell.value = textOf(cell.value).replace(
        '"includePersonalData":false',
        '"includePersonalData":true',
      );
    });
    const refusal = refused(await readWorkpaperEdits(bytes, { inspectionId: input.inspection.id }));
    expect(refusal.kind).toBe('altered');
    expect(refusal.message['zh-TW']).toContain('已被修改');
  });

  it('refuses a row entry edited in the hidden sheet, or a format it does not know', async () => {
    const { input } = await fixture();
    const original = await exportOf(input);
    const rowEdited = await edited(original, (workbook) => {
      const meta = sheet(workbook, META_SHEET_NAME);
      for (let r = 1; r <= meta.rowCount; r++) {
        const cell = meta.getCell(r, 2);
        if (meta.getCell(r, 1).value === 'row') {
          cell.value = textOf(cell.value).replace('"rev":1', '"rev":9');
          break;
        }
      }
    });
    expect(
      refused(await readWorkpaperEdits(rowEdited, { inspectionId: input.inspection.id })).kind,
    ).toBe('altered');
    const newer = await edited(original, (workbook) => {
      const cell = sheet(workbook, META_SHEET_NAME).getCell(2, 2);
      cell.value = textOf(cell.value).replace('"version":1', '"version":2');
    });
    expect(
      refused(await readWorkpaperEdits(newer, { inspectionId: input.inspection.id })).kind,
    ).toBe('unsupported-version');
  });

  it('refuses a workpaper of another inspection, saying which one', async () => {
    const { input } = await fixture();
    const bytes = await exportOf(input);
    const other = inspection({ title: '另一次自評' });
    const refusal = refused(await readWorkpaperEdits(bytes, { inspectionId: other.id }));
    expect(refusal.kind).toBe('other-inspection');
    expect(refusal.belongsTo).toEqual({
      inspectionId: input.inspection.id,
      title: input.inspection.title,
    });
    expect(refusal.message['zh-TW']).toContain(`「${input.inspection.title}」`);
    expect(refusal.message.en).toContain(input.inspection.id);
  });

  it('refuses a plain workbook, and a file that is no workbook at all', async () => {
    const plain = await foreignWorkbook({
      查核項目: [
        ['項次', '項目編號'],
        [1, 'A-1'],
      ],
    });
    expect(refused(await readWorkpaperEdits(plain, { inspectionId: 'x' })).kind).toBe(
      'not-a-workpaper',
    );
    const notOurs = await foreignWorkbook({
      [META_SHEET_NAME]: [
        ['kind', 'value'],
        ['header', '{}'],
      ],
    });
    expect(refused(await readWorkpaperEdits(notOurs, { inspectionId: 'x' })).kind).toBe(
      'not-a-workpaper',
    );
    const text = new TextEncoder().encode('項次,項目編號\n1,A-1\n');
    const refusal = refused(await readWorkpaperEdits(text, { inspectionId: 'x' }));
    expect(refusal.kind).toBe('not-xlsx');
    expect(refusal.message['zh-TW']).toContain('.xlsx');
    const cut = (await exportOf((await fixture()).input)).slice(0, 2000);
    expect(refused(await readWorkpaperEdits(cut, { inspectionId: 'x' })).kind).toBe('damaged');
  });

  it('refuses a renamed sheet, moved columns and deleted rows', async () => {
    const { input } = await fixture();
    const bytes = await exportOf(input);
    const id = { inspectionId: input.inspection.id };

    const renamed = await edited(bytes, (workbook) => {
      sheet(workbook, '缺失').name = '缺失事項';
    });
    const missing = refused(await readWorkpaperEdits(renamed, id));
    expect(missing).toMatchObject({ kind: 'sheet-missing', detail: '缺失' });
    expect(missing.message['zh-TW']).toContain('「缺失」');

    const inserted = await edited(bytes, (workbook) => {
      sheet(workbook, '查核項目').spliceColumns(3, 0, ['新欄']);
    });
    expect(refused(await readWorkpaperEdits(inserted, id))).toMatchObject({
      kind: 'columns-changed',
      detail: '查核項目!C1',
    });

    const deleted = await edited(bytes, (workbook) => {
      sheet(workbook, '查核項目').spliceRows(3, 1);
    });
    const rows = refused(await readWorkpaperEdits(deleted, id));
    expect(rows.kind).toBe('rows-changed');
    expect(rows.message['zh-TW']).toContain('項次 2');

    const renumbered = await edited(bytes, (workbook) => {
      const checklist = sheet(workbook, '查核項目');
      const two = checklist.getRow(2).values;
      checklist.getRow(2).values = checklist.getRow(3).values;
      checklist.getRow(3).values = two;
      checklist.getCell(2, 1).value = 1;
      checklist.getCell(3, 1).value = 2;
    });
    // Sorted, then renumbered: the numbers are in place but the items are not.
    expect(refused(await readWorkpaperEdits(renumbered, id))).toMatchObject({
      kind: 'rows-changed',
      detail: expect.stringContaining('exported') as unknown,
    });
  });
});

describe('readWorkpaperEdits: a signed workpaper', () => {
  const NOW = new Date('2026-03-04T02:00:00.000Z');

  /** The demo engagement signed at every level, or with its levels set and nothing signed. */
  async function signedInput(signed: boolean): Promise<InspectionWorkbookInput> {
    const demo = await demoEngagement(NOW);
    const signoff = await demoSignoff(demo, NOW, { kdf: fastKdf });
    return {
      ...signoff.demo,
      signoff: {
        policy: signoff.policy,
        signoffs: signed ? signoff.signoffs : [],
        unlocks: [],
        signers: signoff.trusted,
      },
      appVersion: '0.1.0',
      generatedAt: toIsoInstant(NOW),
    };
  }

  it('imports an untouched copy with nothing ignored, signed or not yet', async () => {
    for (const signed of [true, false]) {
      const input = await signedInput(signed);
      const bytes = await edited(await exportOf(input), () => undefined);
      const diff = await importInto(input, bytes);
      expect(diff.ignored).toEqual([]);
      expect(diff.counts).toMatchObject({ records: 0, changes: 0, errors: 0 });
    }
  });

  it('says an edit of the sign-off sheet is not imported, and why', async () => {
    const input = await signedInput(true);
    const bytes = await edited(await exportOf(input), (workbook) => {
      sheet(workbook, '簽核紀錄').getCell(2, 5).value = '冒名簽核人';
    });
    const diff = await importInto(input, bytes);
    expect(diff.ignored.map(({ sheet: name, scope, reason }) => [name, scope, reason])).toEqual([
      ['簽核紀錄', 'sheet', 'signoff-sheet'],
    ]);
    expect(diff.ignored[0]?.message['zh-TW']).toContain('簽核紀錄');
  });
});
