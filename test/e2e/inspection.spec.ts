/**
 * The auditor's main screen end to end: scope a self-inspection, record results, attach an
 * evidence file, raise a finding, watch the dashboard change, keep a system inventory; then
 * reload, unlock, and find it all still there.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchPage } from './pages/workbench-page';
import type { LaunchedBrowser } from './support/chromium';
import { findInDirectory } from './support/profile-scan';
import { closeWorkbench, type E2eSession, openWorkbench } from './support/session';

const PASSPHRASE = 'inspection passphrase 2025';
const EVIDENCE = '保密切結書抽查清單 — 王小明 A123456789';

describe('a self-inspection', () => {
  let session: E2eSession | undefined;
  let browser: LaunchedBrowser;
  let ui: WorkbenchPage;

  beforeAll(async () => {
    session = await openWorkbench();
    ({ browser, ui } = session);
    await ui.createVault({
      label: '自評 e2e',
      entity: '示範產物保險',
      owner: '陳稽核',
      passphrase: PASSPHRASE,
    });
  });

  afterAll(() => closeWorkbench(session));

  const page = () => ui.page;
  const items = () => page().getByRole('listbox', { name: '查核項目' }).getByRole('option');
  const checklistCount = async () =>
    (await page().getByTestId('checklist-count').textContent()) ?? '';

  it('scopes an inspection: more items apply when the company uses cloud services', async () => {
    await page().getByRole('tab', { name: '自評查核' }).click();
    await page().getByRole('button', { name: '新增自評' }).click();
    await page().getByLabel('自評名稱').fill('114 年度資安自評');
    const scoped = page().getByTestId('scoped-count');
    const before = Number(/將建立 (\d+) 個/.exec((await scoped.textContent()) ?? '')?.[1]);
    await page()
      .getByRole('checkbox', { name: /雲端服務/ })
      .first()
      .check();
    const after = Number(/將建立 (\d+) 個/.exec((await scoped.textContent()) ?? '')?.[1]);
    expect(before).toBeGreaterThan(20);
    expect(after).toBeGreaterThan(before);
    await page().getByRole('button', { name: '建立查核清單' }).click();
    await ui.visible(page().getByRole('heading', { name: '114 年度資安自評' }));
    expect(await checklistCount()).toBe(`顯示 ${after} / ${after} 項`);
  });

  it('records a deficient result and raises a finding from it', async () => {
    await page().getByLabel('搜尋條文、要求或工作底稿…').fill('SR-04-06.1');
    await ui.visible(items().first());
    await items().first().click();
    await page().getByRole('radio', { name: '不符合' }).check();
    await page()
      .getByLabel('執行之查核工作')
      .fill('抽查 113 年報廢筆電 5 台，其中 2 台無覆寫紀錄。');
    await page().getByRole('button', { name: '儲存' }).click();
    await ui.visible(page().getByText('此項目為不符合或部分符合，請開立缺失。'));
    await page().getByRole('button', { name: '開立缺失' }).click();
    await ui.visible(page().getByRole('tab', { name: '缺失', selected: true }));
    expect(await page().getByTestId('findings-count').textContent()).toBe('顯示 1 / 1 項');
  });

  it('records a compliant result with an evidence file stored encrypted', async () => {
    await page().getByRole('tab', { name: '查核項目' }).click();
    await page().getByLabel('搜尋條文、要求或工作底稿…').fill('SR-04-01.1');
    await items().first().click();
    await page().getByRole('radio', { name: '符合', exact: true }).check();
    await page().getByLabel('執行之查核工作').fill('抽查新進員工 10 名之保密切結書，均已簽署。');
    await page().getByRole('button', { name: '儲存' }).click();
    await ui.visible(page().getByText('已儲存。'));
    const chooser = page().waitForEvent('filechooser');
    await page().getByRole('button', { name: '加入檔案' }).first().click();
    await (
      await chooser
    ).setFiles({ name: '切結書抽查.txt', mimeType: 'text/plain', buffer: Buffer.from(EVIDENCE) });
    await ui.visible(page().getByText('切結書抽查.txt'));
    await page().getByRole('button', { name: '檢視' }).click();
    const preview = await ui.visible(page().getByRole('dialog', { name: '切結書抽查.txt' }));
    expect(await preview.textContent()).toContain('王小明 A12****789');
    await preview.getByRole('button', { name: /顯示個資/ }).click();
    await ui.visible(preview.getByText(EVIDENCE));
    await preview.getByRole('button', { name: '關閉' }).click();
  });

  it('shows the change on the dashboard', async () => {
    await page().getByRole('tab', { name: '總覽' }).click();
    const progress = await ui.visible(page().getByTestId('kpi-progress'));
    expect(await progress.textContent()).toMatch(/^2 \/ \d+$/);
    expect(await page().getByTestId('kpi-open-findings').textContent()).toBe('1');
    // The finding has no risk, recommendation, owner or due date yet: listed before sign-off.
    const issues = await ui.visible(page().getByRole('region', { name: '送核前待處理事項' }));
    expect(await issues.textContent()).toMatch(/尚有 \d+ 個項目未查核/);
    await page()
      .getByRole('button', { name: /未結案缺失/ })
      .click();
    expect(await page().getByTestId('findings-count').textContent()).toBe('顯示 1 / 1 項');
  });

  it('flags a class-1 system whose yearly assessment is overdue', async () => {
    await page().getByRole('tab', { name: '系統清冊' }).click();
    await page().getByRole('button', { name: '新增系統' }).click();
    await page().getByLabel('系統名稱').fill('網路投保系統');
    await page().getByLabel('系統類別').selectOption('1');
    await page().getByLabel('上次資安評估日期').fill('2023-05-31');
    await page().getByRole('button', { name: '儲存' }).click();
    const row = page().getByRole('row').filter({ hasText: '網路投保系統' });
    await ui.visible(row.getByText('逾期'));
    expect(await row.textContent()).toContain('民國 113 年 5 月 31 日');
  });

  it('exports an Excel workpaper that reads back, with the export in the trail', async () => {
    await page().getByRole('tab', { name: '自評查核' }).click();
    await page().getByRole('button', { name: '開啟' }).click();
    const download = page().waitForEvent('download');
    await page().getByRole('button', { name: '匯出工作底稿（Excel）' }).click();
    const file = await (await download).path();
    await ui.visible(page().getByText(/已匯出，內容雜湊 [0-9a-f]{16}/));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheets = workbook.worksheets.map((sheet) => [sheet.name, sheet.state]);
    expect(sheets.at(-1)).toEqual(['_aw_meta', 'veryHidden']);
    expect(sheets.filter(([, state]) => state === 'visible').length).toBeGreaterThanOrEqual(4);
    const texts = workbook.worksheets.flatMap((sheet) => {
      const out: string[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => out.push(cell.text)));
      return out;
    });
    expect(texts).toContain('抽查 113 年報廢筆電 5 台，其中 2 台無覆寫紀錄。');
    expect(texts.join('\n')).toContain('切結書抽查.txt');
    await page().getByRole('tab', { name: '活動軌跡' }).click();
    await ui.visible(page().getByTestId('chain-status'));
    expect(await page().locator('table.grid').textContent()).toContain('匯出工作底稿');
  });

  it('keeps everything across a reload and unlock', async () => {
    await page().reload();
    await ui.openVault('自評 e2e');
    await ui.unlock(PASSPHRASE);
    await page().getByRole('tab', { name: '自評查核' }).click();
    await page().getByRole('button', { name: '開啟' }).click();
    await page().getByRole('combobox', { name: '查核結果' }).selectOption('compliant');
    expect(await checklistCount()).toMatch(/^顯示 1 \/ \d+ 項$/);
    await items().first().click();
    await ui.visible(page().getByText('切結書抽查.txt'));
    await page().getByRole('combobox', { name: '查核結果' }).selectOption('non-compliant');
    expect(await checklistCount()).toMatch(/^顯示 1 \/ \d+ 項$/);
    await page().getByRole('tab', { name: '缺失' }).click();
    expect(await page().getByTestId('findings-count').textContent()).toBe('顯示 1 / 1 項');
  });

  it('leaves neither the evidence file nor the working papers in clear in the profile', async () => {
    await browser.context.close();
    for (const canary of [
      'A123456789',
      '保密切結書抽查清單',
      '切結書抽查.txt',
      '其中 2 台無覆寫紀錄',
      '網路投保系統',
    ]) {
      const { hits, scanned } = await findInDirectory(browser.profileDir, canary);
      expect(scanned).toBeGreaterThan(10);
      expect(hits, canary).toEqual([]);
    }
  });
});
