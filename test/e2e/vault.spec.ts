/**
 * The foundation end to end, in real Chromium with a real profile on disk: create a vault,
 * write a record holding personal data, reload, unlock, find it again; then close the
 * browser and make sure the personal data is nowhere in the profile directory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchPage } from './pages/workbench-page';
import type { LaunchedBrowser } from './support/chromium';
import { findInDirectory } from './support/profile-scan';
import { closeWorkbench, type E2eSession, openWorkbench } from './support/session';

const PASSPHRASE = '颱風天也要查核 2025!';
const CANARY_ID = 'A123456789';
const CANARY_NAME = '林美玲';

describe('an encrypted vault in the browser edition', () => {
  let session: E2eSession | undefined;
  let browser: LaunchedBrowser;
  let ui: WorkbenchPage;

  beforeAll(async () => {
    session = await openWorkbench();
    ({ browser, ui } = session);
  });

  afterAll(() => closeWorkbench(session));

  it('opens in Traditional Chinese on the vault list', async () => {
    await ui.visible(ui.heading('案件庫'));
    expect(await ui.page.locator('html').getAttribute('lang')).toBe('zh-TW');
    expect(await ui.page.evaluate(() => window.isSecureContext && typeof crypto.subtle)).toBe(
      'object',
    );
  });

  it('creates a vault, shows the recovery key once, and stores a note with personal data', async () => {
    const recoveryKey = await ui.createVault({
      label: '2025 年度資安自評',
      entity: '示範產物保險股份有限公司',
      owner: '陳稽核',
      passphrase: PASSPHRASE,
    });
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);

    await ui.addNote(
      `訪談 ${CANARY_NAME}`,
      `受訪者 ${CANARY_NAME}，身分證 ${CANARY_ID}，手機 0912-345-678。`,
    );
    const note = ui.page.getByRole('list', { name: '現場紀錄' }).getByRole('listitem').first();
    const text = (await note.textContent()) ?? '';
    expect(text).toContain('A12****789');
    expect(text).not.toContain(CANARY_ID);

    await note.getByRole('button', { name: /顯示個資/ }).click();
    await ui.visible(note.getByText(CANARY_ID, { exact: false }));
  });

  it('forgets everything on reload and asks for the passphrase', async () => {
    await ui.page.reload();
    await ui.visible(ui.heading('案件庫'));
    expect(await ui.page.content()).not.toContain(CANARY_NAME);
    await ui.openVault('2025 年度資安自評');
  });

  it('refuses a wrong passphrase plainly and counts it', async () => {
    await ui.submitPassphrase('這不是正確的通關密語');
    await ui.visible(ui.page.getByText('通關密語或復原金鑰不正確，案件庫未變更。'));
    await ui.visible(ui.page.getByTestId('failure-count').getByText('已連續失敗 1 次。'));
  });

  it('unlocks and shows the note again, still masked', async () => {
    await ui.unlock(PASSPHRASE);
    await ui.openTab('現場紀錄');
    const note = ui.page.getByRole('list', { name: '現場紀錄' }).getByRole('listitem').first();
    await ui.visible(note.getByRole('heading', { name: `訪談 ${CANARY_NAME}` }));
    expect(await note.textContent()).toContain('A12****789');
  });

  it('keeps an intact activity trail of what happened', async () => {
    await ui.openTab('活動軌跡');
    const status = await ui.visible(ui.page.getByTestId('chain-status'));
    expect(await status.textContent()).toMatch(/軌跡完整/);
    const trail = (await ui.page.locator('table.grid').textContent()) ?? '';
    for (const action of ['建立案件庫', '新增', '顯示個資', '解鎖'])
      expect(trail).toContain(action);
  });

  it('switches to English and to ISO dates', async () => {
    await ui.openTab('設定');
    await ui.page.getByLabel('介面語言').selectOption('en');
    await ui.visible(ui.page.getByRole('heading', { name: 'Settings' }));
    await ui.page.getByLabel('Dates').selectOption('iso');
    await ui.visible(ui.page.getByText('For example: 2025-03-05'));
    await ui.page.getByLabel('Dates').selectOption('roc');
    await ui.visible(ui.page.getByText('For example: ROC 114-03-05'));
    await ui.page.getByLabel('Language', { exact: true }).selectOption('zh-TW');
    await ui.visible(ui.page.getByRole('heading', { name: '設定' }));
  });

  it('locks with Ctrl+L and drops the decrypted data from the page', async () => {
    await ui.page.keyboard.press('Control+l');
    await ui.visible(ui.heading('解鎖案件庫'));
    expect(await ui.page.content()).not.toContain(CANARY_NAME);
  });

  it('leaves no trace of the personal data anywhere in the browser profile on disk', async () => {
    await browser.context.close();
    for (const canary of [CANARY_ID, CANARY_NAME]) {
      const { hits, scanned } = await findInDirectory(browser.profileDir, canary);
      expect(scanned).toBeGreaterThan(10);
      expect(hits).toEqual([]);
    }
  });
});
