/**
 * Page-model steps of team work (團隊分工), on top of WorkbenchPage: hand out, open a package,
 * send back, merge. Packages come and go as downloads and file-chooser picks.
 */
import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import type { WorkbenchPage } from './workbench-page';

export const PACKAGE_PASSPHRASE_LABEL = '工作包密碼（至少 12 字）';

export class TeamPage {
  constructor(readonly ui: WorkbenchPage) {}

  get page() {
    return this.ui.page;
  }

  region(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  /** The 團隊分工 tab of the unlocked vault. */
  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: '團隊分工', exact: true }).click();
    await this.ui.visible(this.page.getByRole('tab', { name: '團隊分工', selected: true }));
  }

  /** On the Team tab: gives a checklist section to an auditor; waits for the row. */
  async assignSection(section: string, auditor: string): Promise<void> {
    const region = this.region('分派');
    await region.getByLabel('章節或項目').fill(section);
    await region.getByLabel('查核員').fill(auditor);
    await region.getByRole('button', { name: '分派', exact: true }).click();
    await this.ui.visible(
      region.getByRole('row').filter({ hasText: section }).filter({ hasText: auditor }),
    );
  }

  /** Writes a hand-out package for `auditor`; returns the downloaded file. */
  async handOut(auditor: string, passphrase: string): Promise<{ name: string; bytes: Buffer }> {
    const region = this.region('發出工作包');
    await region.getByLabel('查核員').fill(auditor);
    await region.getByLabel(PACKAGE_PASSPHRASE_LABEL).fill(passphrase);
    const download = this.page.waitForEvent('download');
    await region.getByRole('button', { name: '寫出工作包' }).click();
    const file = await download;
    await this.ui.visible(region.getByRole('row').filter({ hasText: auditor }));
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
  }

  /** From the vault list: opens a package into a new vault; ends on the new vault's workspace. */
  async openPackage(
    file: { name: string; bytes: Buffer },
    input: { packagePassphrase: string; label: string; owner: string; passphrase: string },
  ): Promise<void> {
    await this.ui.gotoVaultList();
    await this.page.getByRole('button', { name: '開啟工作包' }).click();
    await this.ui.chooseFile(this.page.getByRole('button', { name: '選擇工作包檔案' }), {
      name: file.name,
      mimeType: 'application/octet-stream',
      content: file.bytes,
    });
    await this.ui.visible(this.page.getByTestId('picked-package').filter({ hasText: file.name }));
    await this.page.getByLabel(PACKAGE_PASSPHRASE_LABEL).fill(input.packagePassphrase);
    await this.page.getByLabel('案件庫名稱').fill(input.label);
    await this.page.getByLabel('您的姓名').fill(input.owner);
    await this.ui.fillNewPassphrase(input.passphrase);
    await this.page.getByRole('button', { name: '開啟成新案件庫' }).click();
    await this.ui.readRecoveryKey({ timeout: 60_000 });
    await this.ui.confirmRecoveryKey();
  }

  /** On the 現場紀錄 tab: edits a note's title. */
  async editNoteTitle(title: string, next: string): Promise<void> {
    await this.ui.openTab('現場紀錄');
    const card = this.page
      .getByRole('list', { name: '現場紀錄' })
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { name: title }) });
    await card.getByRole('button', { name: '編輯' }).click();
    const form = this.page.getByRole('list', { name: '現場紀錄' }).getByRole('listitem').first();
    await form.getByLabel('標題').fill(next);
    await form.getByRole('button', { name: '儲存' }).click();
    await this.ui.visible(
      this.page.getByRole('list', { name: '現場紀錄' }).getByRole('heading', { name: next }),
    );
  }

  /** In an auditor's vault: 繳回; returns the downloaded return file. */
  async sendBack(passphrase: string): Promise<{ name: string; bytes: Buffer }> {
    await this.open();
    await this.page.getByLabel(PACKAGE_PASSPHRASE_LABEL).fill(passphrase);
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: '繳回' }).click();
    const file = await download;
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
  }

  /** In the lead's vault: adds return files and previews the merge. */
  async previewMerge(files: { name: string; bytes: Buffer }[], passphrase: string): Promise<void> {
    const region = this.region('合併繳回');
    await region.getByLabel(PACKAGE_PASSPHRASE_LABEL).fill(passphrase);
    for (const file of files) {
      await this.ui.chooseFile(region.getByRole('button', { name: '加入繳回檔案' }), {
        name: file.name,
        mimeType: 'application/octet-stream',
        content: file.bytes,
      });
      await this.ui.visible(region.getByRole('list', { name: '繳回檔案' }).getByText(file.name));
    }
    await region.getByRole('button', { name: '預覽合併' }).click();
    await this.ui.visible(region.getByRole('table', { name: '各工作包' }));
  }
}
