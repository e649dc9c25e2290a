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

const VAULT = { label: '自評 e2e', passphrase: 'inspection passphrase 2025' };
/** The inspection most tests work in; a test that counts what it did makes its own. */
const INSPECTION = '114 年度資安自評';
const EVIDENCE = '保密切結書抽查清單 — 王小明 A123456789';
const DEFICIENT_WORK = '抽查 113 年報廢筆電 5 台，其中 2 台無覆寫紀錄。';

describe('a self-inspection', () => {
  let session: E2eSession | undefined;
  let browser: LaunchedBrowser;
  let ui: WorkbenchPage;

  beforeAll(async () => {
    session = await openWorkbench();
    ({ browser, ui } = session);
    await ui.createVault({ ...VAULT, entity: '示範產物保險', owner: '陳稽核' });
    await ui.openTab('自評查核');
    await ui.createInspection(INSPECTION);
  });

  afterAll(() => closeWorkbench(session));

  const page = () => ui.page;
  const checklistCount = () => ui.text(page().getByTestId('checklist-count'));
  const findingsCount = () => ui.text(page().getByTestId('findings-count'));
  /** A new inspection of its own, for a test that counts results or findings. */
  async function freshInspection(title: string) {
    await ui.enterVault(VAULT, '自評查核');
    await ui.createInspection(title);
  }

  it('scopes an inspection: more items apply when the company uses cloud services', async () => {
    await ui.enterVault(VAULT, '自評查核');
    await page().getByRole('button', { name: '新增自評' }).click();
    await page().getByLabel('自評名稱').fill('114 年度資安自評（含雲端）');
    const scoped = async () =>
      Number(
        /將建立 (\d+) 個/.exec((await page().getByTestId('scoped-count').textContent()) ?? '')?.[1],
      );
    await expect.poll(scoped).toBeGreaterThan(20);
    const before = await scoped();
    await page()
      .getByRole('checkbox', { name: /雲端服務/ })
      .first()
      .check();
    await expect.poll(scoped).toBeGreaterThan(before);
    const after = await scoped();
    await page().getByRole('button', { name: '建立查核清單' }).click();
    await ui.visible(page().getByRole('heading', { name: '114 年度資安自評（含雲端）' }));
    await expect.poll(checklistCount()).toBe(`顯示 ${after} / ${after} 項`);
  });

  it('records a deficient result and raises a finding from it', async () => {
    await freshInspection('缺失開立');
    const item = await ui.recordResult('SR-04-06.1', '不符合', DEFICIENT_WORK);
    await ui.visible(item.getByText('此項目為不符合或部分符合，請開立缺失。'));
    await ui.raiseFinding(item);
    await expect.poll(findingsCount()).toBe('顯示 1 / 1 項');
  });

  it('records a compliant result with an evidence file stored encrypted', async () => {
    await ui.enterInspection(VAULT, INSPECTION);
    const item = await ui.recordResult(
      'SR-04-01.1',
      '符合',
      '抽查新進員工 10 名之保密切結書，均已簽署。',
    );
    await ui.attachEvidence(item, '切結書抽查.txt', EVIDENCE);
    await item.getByRole('button', { name: '檢視' }).click();
    const preview = await ui.visible(page().getByRole('dialog', { name: '切結書抽查.txt' }));
    await expect.poll(ui.text(preview)).toContain('王小明 A12****789');
    await preview.getByRole('button', { name: /顯示個資/ }).click();
    await ui.visible(preview.getByText(EVIDENCE));
    await preview.getByRole('button', { name: '關閉' }).click();
  });

  it('shows the change on the dashboard', async () => {
    await freshInspection('總覽變化');
    await ui.openInspectionView('總覽');
    const progress = ui.text(page().getByTestId('kpi-progress'));
    const openFindings = ui.text(page().getByTestId('kpi-open-findings'));
    await expect.poll(progress).toMatch(/^0 \/ \d+$/);
    await expect.poll(openFindings).toBe('0');

    await ui.recordResult('SR-04-01.1', '符合', '抽查 10 名，均已簽署。');
    await ui.raiseFinding(await ui.recordResult('SR-04-06.1', '不符合', DEFICIENT_WORK));
    await ui.openInspectionView('總覽');
    await expect.poll(progress).toMatch(/^2 \/ \d+$/);
    await expect.poll(openFindings).toBe('1');
    // The finding has no risk, recommendation, owner or due date yet: listed before sign-off.
    const issues = page().getByRole('region', { name: '送核前待處理事項' });
    await expect.poll(ui.text(issues)).toMatch(/尚有 \d+ 個項目未查核/);
    await page()
      .getByRole('button', { name: /未結案缺失/ })
      .click();
    await expect.poll(findingsCount()).toBe('顯示 1 / 1 項');
  });

  it('flags a class-1 system whose yearly assessment is overdue', async () => {
    await ui.enterVault(VAULT, '系統清冊');
    const row = await ui.addSystem('行動投保系統', '1', '2023-05-31');
    await ui.visible(row.getByText('逾期'));
    await expect.poll(ui.text(row)).toContain('民國 113 年 5 月 31 日');
  });

  it('exports an Excel workpaper that reads back, with the export in the trail', async () => {
    await freshInspection('匯出工作底稿');
    await ui.recordResult('SR-04-06.1', '不符合', DEFICIENT_WORK);
    const item = await ui.recordResult('SR-04-01.1', '符合', '抽查 10 名，均已簽署。');
    await ui.attachEvidence(item, '切結書抽查.txt', EVIDENCE);
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
    expect(texts).toContain(DEFICIENT_WORK);
    expect(texts.join('\n')).toContain('切結書抽查.txt');
    await ui.openTab('活動軌跡');
    await ui.visible(page().getByTestId('chain-status'));
    await expect.poll(ui.text(page().locator('table.grid'))).toContain('匯出工作底稿');
  });

  it('keeps everything across a reload and unlock', async () => {
    await freshInspection('重新開啟');
    const compliant = await ui.recordResult('SR-04-01.1', '符合', '抽查 10 名，均已簽署。');
    await ui.attachEvidence(compliant, '切結書抽查.txt', EVIDENCE);
    await ui.raiseFinding(await ui.recordResult('SR-04-06.1', '不符合', DEFICIENT_WORK));

    await ui.enterInspection(VAULT, '重新開啟');
    const resultFilter = page().getByRole('combobox', { name: '查核結果' });
    await resultFilter.selectOption('compliant');
    await expect.poll(checklistCount()).toMatch(/^顯示 1 \/ \d+ 項$/);
    await page().getByRole('listbox', { name: '查核項目' }).getByRole('option').first().click();
    await ui.visible(
      page().getByRole('article', { name: 'SR-04-01.1' }).getByText('切結書抽查.txt'),
    );
    await resultFilter.selectOption('non-compliant');
    await expect.poll(checklistCount()).toMatch(/^顯示 1 \/ \d+ 項$/);
    await ui.openInspectionView('缺失');
    await expect.poll(findingsCount()).toBe('顯示 1 / 1 項');
  });

  it('leaves neither the evidence file nor the working papers in clear in the profile', async () => {
    // What the scan looks for, stored here rather than trusted to the tests above.
    await ui.enterInspection(VAULT, INSPECTION);
    const item = await ui.recordResult('SR-04-06.2', '不符合', DEFICIENT_WORK);
    await ui.attachEvidence(item, '切結書抽查.txt', EVIDENCE);
    await ui.openTab('系統清冊');
    await ui.addSystem('網路投保系統', '1', '2023-05-31');
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
