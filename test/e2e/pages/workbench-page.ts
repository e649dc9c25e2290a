/** A page model of the workbench in zh-TW, the default language, so specs read as steps. */
import type { Locator, Page } from 'playwright-core';

export interface NewVault {
  label: string;
  entity: string;
  owner: string;
  passphrase: string;
}

export class WorkbenchPage {
  constructor(readonly page: Page) {}

  async visible(locator: Locator): Promise<Locator> {
    await locator.waitFor({ state: 'visible' });
    return locator;
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { name });
  }

  /** Creates a vault and returns the recovery key it showed once. */
  async createVault(vault: NewVault): Promise<string> {
    await this.page.getByRole('button', { name: '建立案件庫' }).click();
    await this.page.getByLabel('案件庫名稱').fill(vault.label);
    await this.page.getByLabel('受查公司').fill(vault.entity);
    await this.page.getByLabel('您的姓名').fill(vault.owner);
    await this.page.getByLabel('通關密語', { exact: true }).fill(vault.passphrase);
    await this.page.getByLabel('再次輸入通關密語').fill(vault.passphrase);
    await this.page.getByRole('button', { name: '建立並加密' }).click();
    const key = await this.visible(this.page.getByTestId('recovery-key'));
    const recoveryKey = (await key.textContent()) ?? '';
    await this.page.getByLabel('我已妥善保存復原金鑰').check();
    await this.page.getByRole('button', { name: '繼續' }).click();
    await this.visible(this.page.getByRole('tab', { name: '案件概要' }));
    return recoveryKey;
  }

  async openTab(name: '案件概要' | '現場紀錄' | '活動軌跡' | '設定'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  async addNote(title: string, body: string): Promise<void> {
    await this.openTab('現場紀錄');
    await this.page.getByLabel('標題').fill(title);
    await this.page.getByLabel('內容').fill(body);
    await this.page.getByRole('button', { name: '新增紀錄' }).click();
    await this.visible(
      this.page.getByRole('list', { name: '現場紀錄' }).getByRole('heading', { name: title }),
    );
  }

  async openVault(label: string): Promise<void> {
    const card = this.page.getByRole('listitem').filter({ hasText: label });
    await card.getByRole('button', { name: '開啟' }).click();
    await this.visible(this.heading('解鎖案件庫'));
  }

  async submitPassphrase(passphrase: string): Promise<void> {
    await this.page.getByLabel('通關密語').fill(passphrase);
    await this.page.getByRole('button', { name: '解鎖', exact: true }).click();
  }

  async unlock(passphrase: string): Promise<void> {
    await this.submitPassphrase(passphrase);
    await this.visible(this.page.getByRole('tab', { name: '案件概要' }));
  }
}
