/** A new user's first look: the sample engagement (示範案件), encrypted like any vault. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchPage } from './pages/workbench-page';
import { closeWorkbench, type E2eSession, openWorkbench } from './support/session';

describe('the sample engagement', () => {
  let session: E2eSession | undefined;
  let ui: WorkbenchPage;

  beforeAll(async () => {
    session = await openWorkbench();
    ({ ui } = session);
  });

  afterAll(() => closeWorkbench(session));

  it('creates a vault holding a partly completed inspection, findings and systems', async () => {
    const page = ui.page;
    await page.getByRole('button', { name: '建立示範案件' }).click();
    expect(await page.getByLabel('案件庫名稱').inputValue()).toBe('示範案件');
    await page.getByLabel('您的姓名').fill('試用者');
    await page.getByLabel('通關密語', { exact: true }).fill('sample engagement passphrase');
    await page.getByLabel('再次輸入通關密語').fill('sample engagement passphrase');
    await page.getByRole('button', { name: '建立並加密' }).click();
    await ui.visible(page.getByTestId('recovery-key'));
    await page.getByLabel('我已妥善保存復原金鑰').check();
    await page.getByRole('button', { name: '繼續' }).click();

    await page.getByRole('tab', { name: '自評查核' }).click();
    await page.getByRole('button', { name: '開啟' }).click();
    await page.getByRole('tab', { name: '總覽' }).click();
    const progress = await ui.visible(page.getByTestId('kpi-progress'));
    expect(await progress.textContent()).toMatch(/^20 \/ \d+$/);
    expect(Number(await page.getByTestId('kpi-open-findings').textContent())).toBeGreaterThan(0);

    await page.getByRole('tab', { name: '系統清冊' }).click();
    await ui.visible(page.getByRole('table', { name: '系統清冊' }).getByText('逾期'));
  });
});
