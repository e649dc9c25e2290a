/**
 * The workpaper round trip end to end: export from the app (a download), fill in a copy with
 * exceljs as an auditor would in Excel, import it back, see the diff, apply it; then the same
 * with a password-protected export; and a file the workbench did not produce is refused.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultAccess, WorkbenchPage } from './pages/workbench-page';
import { closeWorkbench, type E2eSession, openWorkbench } from './support/session';

// officecrypto-tool is CommonJS: an independent decrypter for the protected export.
const officeCrypto = createRequire(import.meta.url)('officecrypto-tool') as {
  decrypt(input: Uint8Array, options: { password: string }): Promise<Uint8Array>;
};

const FILE_PASSWORD = 'workpaper file password';
const WORK_DONE = '抽查 3 名離職人員之帳號停用紀錄，均於離職日停用。';
const RESPONSE = '資訊室將於 115 年 3 月前完成權限盤點。';

/** exceljs declares its own Buffer type; Node's Buffer of any backing store reads the same. */
const excelBuffer = (bytes: Uint8Array) => bytes as unknown as ExcelJS.Buffer;

function column(sheet: ExcelJS.Worksheet, header: string): number {
  const row = sheet.getRow(1);
  for (let c = 1; c <= sheet.columnCount; c++) if (row.getCell(c).text === header) return c;
  throw new Error(`no column ${header} in ${sheet.name}`);
}

/** The sample engagement's inspection, named for the current ROC year. */
const SAMPLE_INSPECTION = /年度資訊安全自行查核（示範）$/;

describe('the workpaper round trip', () => {
  let session: E2eSession | undefined;
  let ui: WorkbenchPage;
  let sample: VaultAccess;
  const page = () => ui.page;

  beforeAll(async () => {
    session = await openWorkbench();
    ({ ui } = session);
    sample = await ui.createSampleVault('陳稽核', 'round trip passphrase 2025');
  });

  afterAll(() => closeWorkbench(session));

  /** From any state: the sample inspection's checklist, as the auditor opens it. */
  const enterInspection = () => ui.enterInspection(sample, SAMPLE_INSPECTION);

  /** In the open inspection: exports the workpaper and returns the downloaded file. */
  async function exportWorkpaper(): Promise<Buffer> {
    const download = page().waitForEvent('download');
    await page().getByRole('button', { name: '匯出工作底稿（Excel）' }).click();
    return readFile(await (await download).path());
  }

  async function importFile(name: string, bytes: Uint8Array) {
    await page().getByRole('button', { name: '匯入已填寫的工作底稿' }).click();
    await ui.chooseFile(page().getByRole('button', { name: '選擇工作底稿' }), {
      name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      content: bytes,
    });
  }

  it('exports the workpaper as a download', async () => {
    await enterInspection();
    const exported = await exportWorkpaper();
    expect([...exported.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a ZIP: an .xlsx
  });

  it('imports an edited copy: shows exactly the edits, ignores the locked cell, applies in one step', async () => {
    await enterInspection();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(excelBuffer(await exportWorkpaper()));
    const checklist = workbook.getWorksheet('查核項目');
    const findings = workbook.getWorksheet('缺失');
    if (!checklist || !findings) throw new Error('sheets missing');
    const result = column(checklist, '查核結果');
    const work = column(checklist, '執行之查核工作');
    const citation = column(checklist, '法規依據');
    // The first item not yet tested.
    let row = 2;
    while (checklist.getRow(row).getCell(result).text !== '') row++;
    const editedItem = checklist.getRow(row).getCell(column(checklist, '項目編號')).text;
    checklist.getRow(row).getCell(result).value = '符合';
    checklist.getRow(row).getCell(work).value = WORK_DONE;
    checklist.getRow(2).getCell(citation).value = '改過的法規依據';
    findings.getRow(2).getCell(column(findings, '受查單位回覆')).value = RESPONSE;
    const edited = new Uint8Array(await workbook.xlsx.writeBuffer());

    await importFile('已填寫.xlsx', edited);
    const summary = page().getByText(/筆記錄有 \d+ 處變更/);
    await expect
      .poll(ui.text(summary))
      .toMatch(/^2 筆記錄有 3 處變更；衝突 0 處；錯誤 0 處；未匯入之儲存格 1 處。$/);
    const item = ui.text(
      page().getByRole('region', { name: new RegExp(editedItem.replace('.', '\\.')) }),
    );
    await expect.poll(item).toContain('符合');
    await expect.poll(item).toContain(WORK_DONE);
    await expect
      .poll(ui.text(page().getByRole('table', { name: '未匯入之儲存格' })))
      .toContain(`${String.fromCharCode(64 + citation)}2`);
    await page().getByRole('button', { name: '套用 3 處變更' }).click();
    await ui.visible(page().getByText('已套用：2 筆記錄、3 個欄位。'));
    await page().getByRole('button', { name: '關閉' }).click();

    const applied = await ui.openItem(editedItem);
    await expect.poll(() => applied.getByLabel('執行之查核工作').inputValue()).toBe(WORK_DONE);
    await ui.openTab('活動軌跡');
    // The trail's rows are decrypted and verified after the tab opens: wait for them.
    await expect.poll(ui.text(page().locator('table.grid'))).toContain('匯入工作底稿');
  });

  it('exports a password-protected file that only opens with its password, and imports it back', async () => {
    await enterInspection();
    await page().getByLabel('以密碼保護檔案（開啟時須輸入密碼）').check();
    await page().getByLabel('檔案密碼', { exact: true }).fill(FILE_PASSWORD);
    await page().getByLabel('再次輸入檔案密碼').fill(FILE_PASSWORD);
    const bytes = await exportWorkpaper();
    expect([...bytes.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]); // an encrypted OLE file
    await expect(new ExcelJS.Workbook().xlsx.load(excelBuffer(bytes))).rejects.toThrow();
    const plain = await officeCrypto.decrypt(bytes, { password: FILE_PASSWORD });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(excelBuffer(plain));
    expect(workbook.getWorksheet('查核項目')).toBeDefined();

    await importFile('加密.xlsx', bytes);
    await ui.visible(page().getByText('此檔案以密碼保護，請輸入檔案密碼。'));
    const panel = page().getByRole('region', { name: '匯入已填寫的工作底稿' });
    await panel.getByLabel('檔案密碼').fill('not the password');
    await page().getByRole('button', { name: '開啟', exact: true }).click();
    await ui.visible(page().getByText('密碼不正確，請再試一次。'));
    await panel.getByLabel('檔案密碼').fill(FILE_PASSWORD);
    await page().getByRole('button', { name: '開啟', exact: true }).click();
    await ui.visible(page().getByText('檔案中沒有可匯入的變更。'));
    await page().getByRole('button', { name: '關閉' }).click();
  });

  it('refuses a workbook the workbench did not produce', async () => {
    await enterInspection();
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet('查核項目').addRow(['項次', '項目編號', '查核結果']);
    await importFile('外部.xlsx', new Uint8Array(await foreign.xlsx.writeBuffer()));
    const alert = page().getByRole('alert');
    await expect.poll(ui.text(alert)).toMatch(/工作台/);
    await page().getByRole('button', { name: '關閉' }).click();
  });
});
