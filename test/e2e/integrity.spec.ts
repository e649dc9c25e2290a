/**
 * The attacks of the vault-layer issue, end to end: with the vault locked, the page's own
 * IndexedDB is edited directly (a note hidden, an older copy of a deleted note put back, the
 * trail erased), then the vault is unlocked through the UI, which must say what happened
 * before anything else, keep what is intact usable, and record the finding in the trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchPage } from './pages/workbench-page';
import type { LaunchedBrowser } from './support/chromium';
import { findInDirectory } from './support/profile-scan';
import { auditScreen, blocking, summarise } from './support/axe';
import { closeWorkbench, type E2eSession, openWorkbench } from './support/session';
import { tamperVault } from './support/tamper';

const PASSPHRASE = 'integrity e2e passphrase 2025';

describe('a vault changed outside the workbench', () => {
  let session: E2eSession | undefined;
  let browser: LaunchedBrowser;
  let ui: WorkbenchPage;
  const page = () => ui.page;

  beforeAll(async () => {
    // axe is injected as a script tag, which the app's CSP refuses: bypassed for this spec.
    session = await openWorkbench({ bypassCSP: true });
    ({ browser, ui } = session);
    page().on('dialog', (dialog) => void dialog.accept());
    await ui.createVault({
      label: '完整性 e2e',
      entity: '示範產物保險',
      owner: '陳稽核',
      passphrase: PASSPHRASE,
    });
    await ui.addNote('留下的紀錄', '這筆會被隱藏');
    await ui.addNote('刪除的紀錄', '舊內容不可再出現');
  });

  afterAll(() => closeWorkbench(session));

  it('offers no passphrase field a password manager would keep', async () => {
    await page().keyboard.press('Control+l');
    await ui.visible(ui.heading('解鎖案件庫'));
    await expect.poll(() => page().locator('input[type="password"]').count()).toBe(0);
    await expect.poll(() => page().getByLabel('通關密語').getAttribute('autocomplete')).toBe('off');
  });

  it('reports a hidden record, a rolled-back record and an erased trail after unlock, plainly', async () => {
    await tamperVault(page(), 'remember-note');
    await ui.unlock(PASSPHRASE);
    await ui.openTab('現場紀錄');
    const list = page().getByRole('list', { name: '現場紀錄' });
    const doomed = list.getByRole('listitem').filter({ hasText: '刪除的紀錄' });
    await doomed.getByRole('button', { name: '刪除' }).click();
    await expect.poll(() => list.textContent()).not.toContain('刪除的紀錄');
    await page().keyboard.press('Control+l');
    await ui.visible(ui.heading('解鎖案件庫'));

    await tamperVault(page(), 'put-back-note');
    await tamperVault(page(), 'hide-note');
    await tamperVault(page(), 'erase-trail');
    await ui.submitPassphrase(PASSPHRASE);

    await ui.visible(ui.heading('案件庫在工作台以外遭到修改'));
    const report = page().getByRole('table', { name: '案件庫在工作台以外遭到修改' });
    await expect.poll(() => report.textContent()).toContain('記錄被隱藏');
    await expect.poll(() => report.textContent()).toContain('記錄被回復為舊版本');
    await expect.poll(() => report.textContent()).toContain('活動軌跡被清除');
    await expect.poll(() => report.textContent()).toContain('現場紀錄');
    const audit = await auditScreen(page(), 'integrity report (zh-TW)');
    expect(blocking(audit), summarise([audit])).toEqual([]);
  });

  it('keeps what is intact usable, never shows the old text, and records the finding', async () => {
    await page().getByRole('button', { name: '我了解，繼續使用未受影響的資料' }).click();
    await ui.visible(page().getByRole('alert').filter({ hasText: '項工作台以外的修改' }));
    await ui.openTab('現場紀錄');
    const list = page().getByRole('list', { name: '現場紀錄' });
    await expect.poll(() => list.textContent()).toContain('留下的紀錄');
    await expect.poll(() => list.textContent()).not.toContain('舊內容不可再出現');
    await ui.openTab('活動軌跡');
    await expect
      .poll(() => page().locator('table.grid').last().textContent())
      .toContain('偵測到工作台以外的修改');
    // The finding is recorded by kind and table, named in the interface language.
    await expect
      .poll(() => page().locator('table.grid').last().textContent())
      .toContain('記錄被隱藏（現場紀錄） 1 筆');
    await page().getByRole('button', { name: '完整檢查所有記錄與檔案' }).click();
    await expect
      .poll(() => page().getByTestId('integrity-result').textContent())
      .toMatch(/完整性檢查發現 \d+ 項問題/);
  });

  it('leaves the passphrase nowhere in the browser profile', async () => {
    await browser.context.close();
    const { hits, scanned } = await findInDirectory(browser.profileDir, PASSPHRASE);
    expect(scanned).toBeGreaterThan(10);
    expect(hits).toEqual([]);
  });
});
