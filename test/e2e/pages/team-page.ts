/**
 * Page-model steps of team work (團隊分工), on top of WorkbenchPage: hand out, open a package,
 * send back, merge. Packages come and go as downloads and file-chooser picks.
 */
import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import type { WorkbenchPage } from './workbench-page';

export const PACKAGE_PASSPHRASE_LABEL = '工作包密碼（至少 12 字）';

/** A package file as downloaded from, or chosen into, the app. */
export interface PackageFile {
  name: string;
  bytes: Buffer;
}

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
  async handOut(auditor: string, passphrase: string): Promise<PackageFile> {
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
    file: PackageFile,
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
    // The card being edited turns into the form: the list item with a title field.
    const form = this.page
      .getByRole('list', { name: '現場紀錄' })
      .getByRole('listitem')
      .filter({ has: this.page.getByLabel('標題') });
    await form.getByLabel('標題').fill(next);
    await form.getByRole('button', { name: '儲存' }).click();
    await this.ui.visible(
      this.page.getByRole('list', { name: '現場紀錄' }).getByRole('heading', { name: next }),
    );
  }

  /** On the 現場紀錄 tab: deletes a note, accepting the confirmation; waits until it is gone. */
  async deleteNote(title: string): Promise<void> {
    await this.ui.openTab('現場紀錄');
    const list = this.page.getByRole('list', { name: '現場紀錄' });
    const card = list
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { name: title }) });
    this.page.once('dialog', (dialog) => void dialog.accept());
    await card.getByRole('button', { name: '刪除' }).click();
    await list.getByRole('heading', { name: title }).waitFor({ state: 'detached' });
  }

  /** In an auditor's vault: 繳回; returns the downloaded return file. */
  async sendBack(passphrase: string): Promise<PackageFile> {
    await this.open();
    await this.page.getByLabel(PACKAGE_PASSPHRASE_LABEL).fill(passphrase);
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: '繳回' }).click();
    const file = await download;
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
  }

  /** In the lead's vault, on the Team tab: 合併繳回. */
  get merge(): Locator {
    return this.region('合併繳回');
  }

  /** The return files the merge has read (refused ones are not listed). */
  returnFiles(): Locator {
    return this.merge.getByRole('list', { name: '繳回檔案' }).getByRole('listitem');
  }

  /** Picks one return file with this package passphrase; a refusal shows in the region's alert. */
  async addReturn(file: PackageFile, passphrase: string): Promise<void> {
    await this.merge.getByLabel(PACKAGE_PASSPHRASE_LABEL).fill(passphrase);
    await this.ui.chooseFile(this.merge.getByRole('button', { name: '加入繳回檔案' }), {
      name: file.name,
      mimeType: 'application/octet-stream',
      content: file.bytes,
    });
  }

  /** Adds return files, each with its package passphrase, and previews the merge. */
  async previewMerge(returns: { file: PackageFile; passphrase: string }[]): Promise<void> {
    for (const { file, passphrase } of returns) {
      await this.addReturn(file, passphrase);
      await this.ui.visible(this.returnFiles().filter({ hasText: file.name }));
    }
    await this.merge.getByRole('button', { name: '預覽合併' }).click();
    await this.ui.visible(this.merge.getByRole('table', { name: '各工作包' }));
  }

  /** 尚有 N 個衝突未決定, beside 完成合併. */
  openConflicts(): Locator {
    return this.merge.getByTestId('open-conflicts');
  }

  completeButton(): Locator {
    return this.merge.getByRole('button', { name: '完成合併' });
  }

  /** Selects a conflict in the list by its `table · field` text; returns its detail. */
  async showConflict(conflict: string): Promise<Locator> {
    const list = this.merge.getByRole('listbox', { name: '衝突清單' });
    await list.getByRole('option').filter({ hasText: conflict }).click();
    const detail = this.merge.getByLabel('衝突', { exact: true });
    await this.ui.visible(detail.getByRole('heading', { name: conflict }));
    return detail;
  }

  /** In a conflict's detail: keeps the side whose row names `side` (an auditor, 主管). */
  async keep(detail: Locator, side: string): Promise<void> {
    const row = detail.getByRole('row').filter({ hasText: side });
    await row.getByRole('button', { name: '採用' }).click();
    await this.ui.visible(row.getByRole('button', { name: '採用', pressed: true }));
  }

  /** 完成合併; waits for the merge's 已合併 status. */
  async completeMerge(): Promise<void> {
    await this.completeButton().click();
    await this.ui.visible(this.merge.getByRole('status').filter({ hasText: '已合併' }));
  }

  /** A function reading an auditor's row of 各查核員進度 (for `expect.poll`), without its name. */
  figures(auditor: string): () => Promise<string[]> {
    const row = this.page
      .getByRole('table', { name: '各查核員進度' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: auditor, exact: true }) });
    return async () => (await row.getByRole('cell').allInnerTexts()).slice(1);
  }

  /** 欄位來源 of one merged record, chosen by its label in the list (`table · name`). */
  async provenanceOf(record: string): Promise<{ fields: Locator; losing: Locator }> {
    const region = this.region('欄位來源');
    const select = region.getByLabel('紀錄');
    // Options are never "visible" to Playwright: wait for the one listed.
    await select.getByRole('option', { name: record, exact: true }).waitFor({ state: 'attached' });
    await select.selectOption({ label: record });
    return {
      fields: region.getByRole('table', { name: '欄位來源' }),
      losing: region.getByRole('table', { name: '保留的落選內容' }),
    };
  }

  /** On the 活動軌跡 tab: the chain check's status (it counts the entries). */
  async trailStatus(): Promise<Locator> {
    await this.ui.openTab('活動軌跡');
    return this.page.getByTestId('chain-status');
  }

  /** On an item's working paper: opens an evidence file's preview; returns the dialog. */
  async viewEvidence(item: Locator, name: string): Promise<Locator> {
    const file = item.getByRole('listitem').filter({ hasText: name });
    await file.getByRole('button', { name: '檢視' }).click();
    return this.ui.visible(this.page.getByRole('dialog', { name }));
  }

  /** In an open inspection: exports the workpaper (a download) and returns its bytes. */
  async exportWorkpaper(): Promise<Buffer> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: '匯出工作底稿（Excel）' }).click();
    return readFile(await (await download).path());
  }
}
