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
    await ui.gotoVaultList();
    await page.getByRole('button', { name: '建立示範案件' }).click();
    await expect.poll(() => page.getByLabel('案件庫名稱').inputValue()).toBe('示範案件');
    await page.getByLabel('您的姓名').fill('試用者');
    await ui.fillNewPassphrase('sample engagement passphrase');
    await page.getByRole('button', { name: '建立並加密' }).click();
    await ui.readRecoveryKey();
    await ui.confirmRecoveryKey();

    // The engagement covers last year, as the sample inspection does, and says what it covers.
    const rocYear = new Date().getFullYear() - 1 - 1911;
    await ui.visible(
      page.getByText(`民國 ${rocYear} 年 1 月 1 日 – 民國 ${rocYear} 年 12 月 31 日`),
    );
    await ui.visible(page.getByText(/^依「產險公會資訊安全防護自律規範」/));

    await ui.openTab('自評查核');
    await page.getByRole('button', { name: '開啟' }).click();
    await ui.openInspectionView('總覽');
    await expect.poll(ui.text(page.getByTestId('kpi-progress'))).toMatch(/^20 \/ \d+$/);
    await expect
      .poll(async () => Number(await page.getByTestId('kpi-open-findings').textContent()))
      .toBeGreaterThan(0);

    await ui.openTab('系統清冊');
    await ui.visible(page.getByRole('table', { name: '系統清冊' }).getByText('逾期'));
  });
});
