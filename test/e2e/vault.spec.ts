/**
 * The foundation end to end, in real Chromium with a real profile on disk: create a vault,
 * write a record holding personal data, reload, unlock, find it again; then close the
 * browser and make sure the personal data is nowhere in the profile directory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultAccess, WorkbenchPage } from './pages/workbench-page';
import type { LaunchedBrowser } from './support/chromium';
import { findInDirectory } from './support/profile-scan';
import { closeWorkbench, type E2eSession, openWorkbench } from './support/session';

const CANARY_ID = 'A123456789';
const CANARY_NAME = '林美玲';
const VAULT = {
  label: '2025 年度資安自評',
  entity: '示範產物保險股份有限公司',
  owner: '陳稽核',
  passphrase: '颱風天也要查核 2025!',
};
const NOTE_TITLE = `訪談 ${CANARY_NAME}`;
/** What only a decrypted vault can show: none of it is stored in clear. */
const SEALED_TEXTS = [VAULT.entity, VAULT.owner, CANARY_NAME, 'A12****789'];

describe('an encrypted vault in the browser edition', () => {
  let session: E2eSession | undefined;
  let browser: LaunchedBrowser;
  let ui: WorkbenchPage;
  let recoveryKey = '';
  const vault: VaultAccess = VAULT;
  const notes = () => ui.page.getByRole('list', { name: '現場紀錄' });
  const note = () => notes().getByRole('listitem').filter({ hasText: NOTE_TITLE });

  beforeAll(async () => {
    session = await openWorkbench();
    ({ browser, ui } = session);
    recoveryKey = await ui.createVault(VAULT);
    await ui.addNote(NOTE_TITLE, `受訪者 ${CANARY_NAME}，身分證 ${CANARY_ID}，手機 0912-345-678。`);
  });

  afterAll(() => closeWorkbench(session));

  it('opens in Traditional Chinese on the vault list, in a secure context', async () => {
    await ui.gotoVaultList();
    await expect.poll(() => ui.page.locator('html').getAttribute('lang')).toBe('zh-TW');
    expect(await ui.page.evaluate(() => window.isSecureContext && typeof crypto.subtle)).toBe(
      'object',
    );
  });

  it('showed a recovery key once, and never again', async () => {
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    await ui.enterVault(vault, '設定');
    await ui.visible(ui.heading('設定'));
    expect(await ui.page.content()).not.toContain(recoveryKey);
  });

  it('shows a note with personal data masked, and in full only on request', async () => {
    await ui.enterVault(vault, '現場紀錄');
    await expect.poll(ui.text(note())).toContain('A12****789');
    expect(await note().textContent()).not.toContain(CANARY_ID);
    await note()
      .getByRole('button', { name: /顯示個資/ })
      .click();
    await ui.visible(note().getByText(CANARY_ID, { exact: false }));
  });

  it('forgets everything on reload and asks for the passphrase', async () => {
    await ui.enterVault(vault, '現場紀錄');
    await ui.visible(note());
    await ui.page.reload();
    await ui.visible(ui.heading('案件庫'));
    expect(await ui.page.content()).not.toContain(CANARY_NAME);
    await ui.openVault(VAULT.label);
  });

  it('refuses a wrong passphrase plainly, counts it, and stays locked', async () => {
    await ui.gotoUnlock(VAULT.label);
    await ui.submitPassphrase('這不是正確的通關密語');
    await ui.visible(ui.page.getByText('通關密語或復原金鑰不正確，案件庫未變更。'));
    await ui.visible(ui.page.getByTestId('failure-count').getByText('已連續失敗 1 次。'));
    // The attempt is over (its error is shown). No workspace appears, not even a moment
    // later (a wait for its tab bar finds none); the unlock screen stays, and nothing that
    // only the vault's key could have decrypted is anywhere in the page.
    await expect(
      ui.page.getByRole('tablist').waitFor({ state: 'attached', timeout: 1500 }),
    ).rejects.toThrow(/Timeout/);
    await ui.visible(ui.heading('解鎖案件庫'));
    await ui.visible(ui.page.getByLabel('通關密語'));
    const html = await ui.page.content();
    for (const text of SEALED_TEXTS) expect(html).not.toContain(text);
  });

  it('unlocks with the right passphrase and shows the note again, still masked', async () => {
    await ui.enterVault(vault, '現場紀錄');
    await ui.visible(note().getByRole('heading', { name: NOTE_TITLE }));
    await expect.poll(ui.text(note())).toContain('A12****789');
  });

  it('keeps an intact activity trail of what happened', async () => {
    await ui.enterVault(vault, '現場紀錄');
    await note()
      .getByRole('button', { name: /顯示個資/ })
      .click();
    await ui.visible(note().getByText(CANARY_ID, { exact: false }));
    await ui.openTab('活動軌跡');
    await expect.poll(ui.text(ui.page.getByTestId('chain-status'))).toMatch(/軌跡完整/);
    const trail = ui.text(ui.page.locator('table.grid'));
    for (const action of ['建立案件庫', '新增', '顯示個資', '解鎖'])
      await expect.poll(trail).toContain(action);
  });

  it('switches to English and to ISO dates', async () => {
    await ui.enterVault(vault, '設定');
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
    await ui.enterVault(vault, '現場紀錄');
    await ui.visible(note());
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
