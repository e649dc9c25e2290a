/**
 * The vault's life beyond the first unlock, in Chromium with a controlled clock: idle lock,
 * back-off after wrong passphrases, passphrase change, recovery with the recovery key, and
 * removal with a typed confirmation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultAccess, WorkbenchPage } from './pages/workbench-page';
import { closeWorkbench, type E2eSession, openWorkbench } from './support/session';

const LABEL = '114 年度自評（北區）';
const FIRST = 'first passphrase, long enough';
const SECOND = 'second passphrase, also long';
const THIRD = '第三組通關密語也已經夠長了';

describe('the life of a vault', () => {
  let session: E2eSession | undefined;
  let ui: WorkbenchPage;
  let recoveryKey = '';
  /** The vault's passphrase as it stands: a test that changes it says so once it took. */
  const vault: VaultAccess = { label: LABEL, passphrase: FIRST };

  beforeAll(async () => {
    session = await openWorkbench({ fakeClock: true });
    ({ ui } = session);
    recoveryKey = await ui.createVault({ ...vault, entity: '示範人壽', owner: '王稽核' });
  });

  afterAll(() => closeWorkbench(session));

  it('locks itself after the idle time the user set, and says why', async () => {
    await ui.enterVault(vault, '設定');
    await ui.page.getByLabel('閒置自動鎖定（分鐘）').fill('1');
    await ui.page.clock.fastForward('00:50');
    // Not yet: the workspace is still there once the page has handled the clock's jump and
    // rendered whatever it caused (two frames later; a lock would have unmounted the tabs).
    await ui.page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    await ui.visible(ui.tab('設定'));
    await ui.page.clock.fastForward('00:15');
    await ui.visible(ui.heading('解鎖案件庫'));
    await ui.visible(ui.page.getByText('閒置過久，案件庫已自動鎖定。'));
  });

  it('slows down after repeated wrong passphrases, then lets the right one in', async () => {
    await ui.gotoUnlock(LABEL);
    for (let i = 1; i <= 4; i++) {
      await ui.submitPassphrase(`wrong passphrase ${i}`);
      await ui.visible(ui.page.getByTestId('failure-count').getByText(`已連續失敗 ${i} 次。`));
    }
    await ui.visible(ui.page.getByText(/嘗試次數過多，請於 \d+ 秒後再試/));
    await ui.page.getByLabel('通關密語').fill(vault.passphrase);
    const unlock = ui.page.getByRole('button', { name: '解鎖', exact: true });
    await expect.poll(() => unlock.isDisabled()).toBe(true);
    await ui.page.clock.fastForward('00:03');
    await unlock.click();
    await ui.visible(ui.tab('案件概要'));
  });

  it('changes the passphrase: the old one stops working', async () => {
    await ui.enterVault(vault, '設定');
    const old = vault.passphrase;
    await ui.page.getByLabel('目前的通關密語').fill(old);
    await ui.page.getByLabel('新的通關密語').fill(SECOND);
    await ui.page.getByLabel('再次輸入通關密語').fill(SECOND);
    await ui.page.getByRole('button', { name: '變更通關密語' }).click();
    await ui.visible(ui.page.getByText('通關密語已變更。'));
    vault.passphrase = SECOND;
    await ui.page.keyboard.press('Control+l');
    await ui.submitPassphrase(old);
    await ui.visible(ui.page.getByText('通關密語或復原金鑰不正確，案件庫未變更。'));
    await ui.unlock(SECOND);
  });

  it('opens with the recovery key, typed loosely, and sets a new passphrase', async () => {
    await ui.gotoUnlock(LABEL);
    await ui.page.getByRole('button', { name: '忘記通關密語？使用復原金鑰' }).click();
    await ui.page.getByLabel('復原金鑰').fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
    await ui.page.getByLabel('新的通關密語').fill(THIRD);
    await ui.page.getByLabel('再次輸入通關密語').fill(THIRD);
    await ui.page.getByRole('button', { name: '開啟並設定新通關密語' }).click();
    // The used recovery key is spent: the vault was re-keyed (every record sealed again,
    // slow under load) and shows its new one once.
    const fresh = await ui.readRecoveryKey({ timeout: 60_000 });
    expect(fresh).not.toBe(recoveryKey);
    recoveryKey = fresh;
    vault.passphrase = THIRD;
    await ui.confirmRecoveryKey();
    await ui.openTab('活動軌跡');
    const trail = ui.text(ui.page.locator('table.grid'));
    await expect.poll(trail).toContain('以復原金鑰解鎖');
    await expect.poll(trail).toContain('變更通關密語');
    await expect.poll(trail).toContain('重新產生加密金鑰');
    await ui.page.keyboard.press('Control+l');
    await ui.unlock(THIRD);
  });

  it('removes the vault only after its name is typed', async () => {
    await ui.gotoVaultList();
    const card = ui.page.getByRole('listitem').filter({ hasText: LABEL });
    await card.getByRole('button', { name: '移除' }).click();
    const confirm = ui.page.getByRole('button', { name: '永久移除' });
    const typed = ui.page.getByLabel(`請輸入案件庫名稱「${LABEL}」以確認`);
    await expect.poll(() => confirm.isDisabled()).toBe(true);
    await typed.fill('114 年度自評');
    await expect.poll(() => confirm.isDisabled()).toBe(true);
    await typed.fill(LABEL);
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    await confirm.click();
    await ui.visible(ui.page.getByText('本機尚無案件庫。請建立第一個案件庫。'));
    const databases = await ui.page.evaluate(async () =>
      (await indexedDB.databases()).map((d) => d.name),
    );
    expect(databases.filter((name) => name?.startsWith('aw-vault-'))).toEqual([]);
  });
});
