/**
 * Sign-off steps on top of the workbench page model (zh-TW): signing identities in settings,
 * the 簽核 dialog, review notes on an item, the inspection's sign-off on the dashboard and the
 * unlock dialog. Several people sign on one laptop, each choosing their own identity and typing
 * their own signing passphrase, as the issue allows.
 */
import type { Locator } from 'playwright-core';
import type { WorkbenchPage } from './workbench-page';

export interface Signer {
  name: string;
  role: '編製' | '覆核' | '核定';
  passphrase: string;
}

export class SignoffPage {
  constructor(readonly ui: WorkbenchPage) {}

  get page() {
    return this.ui.page;
  }

  /** On 設定: creates a signing identity; returns its row once the list shows it. */
  async createIdentity(signer: Signer): Promise<Locator> {
    const form = this.page.getByRole('form', { name: '建立簽章身分' });
    await form.getByLabel('姓名').fill(signer.name);
    await form.getByLabel('簽核角色').selectOption({ label: signer.role });
    await form.getByLabel('簽章密碼', { exact: true }).fill(signer.passphrase);
    await form.getByLabel('再次輸入簽章密碼').fill(signer.passphrase);
    await form.getByRole('button', { name: '建立簽章身分' }).click();
    await this.ui.visible(form.getByRole('status').filter({ hasText: '已建立簽章身分' }));
    return this.ui.visible(
      this.page
        .getByRole('list', { name: '本案件庫的簽章身分' })
        .getByRole('listitem')
        .filter({ hasText: signer.name }),
    );
  }

  /** Chooses whose identity acts in the 簽章身分 select within `scope`. */
  async chooseIdentity(scope: Locator, name: string): Promise<void> {
    const select = scope.getByLabel('簽章身分', { exact: true });
    const value = await select.locator('option', { hasText: `${name} · ` }).getAttribute('value');
    await select.selectOption(value ?? '');
  }

  /** Opens a 簽核 dialog with `button`, signs as `signer`; returns the dialog (still open on a refusal). */
  async sign(button: Locator, signer: Signer): Promise<Locator> {
    await button.click();
    const dialog = await this.ui.visible(this.page.getByRole('dialog'));
    await this.chooseIdentity(dialog, signer.name);
    await dialog.getByLabel('簽章密碼').fill(signer.passphrase);
    await dialog.getByRole('button', { name: '簽章', exact: true }).click();
    return dialog;
  }

  /** Signs and waits for the dialog to close (the sign-off was written). */
  async signOk(button: Locator, signer: Signer): Promise<void> {
    const dialog = await this.sign(button, signer);
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
  }

  /** The sign-off section of an item's working paper. */
  itemSignoff(item: Locator): Locator {
    return item.getByRole('region', { name: '簽核' });
  }

  /** One level's cell in a strip (`list` named 簽核層級 or 整份自評簽核層級). */
  level(scope: Locator, strip: string, role: Signer['role']): Locator {
    return scope.getByRole('list', { name: strip }).getByRole('listitem', { name: role });
  }

  notes(scope: Locator): Locator {
    return scope.getByRole('region', { name: '覆核意見' });
  }

  async raiseNote(scope: Locator, author: Signer, text: string): Promise<Locator> {
    const notes = this.notes(scope);
    await this.chooseIdentity(notes, author.name);
    await notes.getByLabel('新增覆核意見').fill(text);
    await notes.getByRole('button', { name: '提出意見' }).click();
    return this.ui.visible(notes.getByRole('listitem', { name: text }));
  }

  async respond(note: Locator, notes: Locator, by: Signer, text: string): Promise<void> {
    await this.chooseIdentity(notes, by.name);
    await note.getByLabel('回覆內容').fill(text);
    await note.getByRole('button', { name: '回覆', exact: true }).click();
    await this.ui.visible(note.getByText(text));
  }

  async clearNote(note: Locator, notes: Locator, by: Signer): Promise<void> {
    await this.chooseIdentity(notes, by.name);
    await note.getByRole('button', { name: '解除意見' }).click();
  }

  /** The inspection's sign-off card on the 總覽 dashboard. */
  inspectionSignoff(): Locator {
    return this.page.getByRole('region', { name: '整份自評簽核' });
  }

  lockBanner(): Locator {
    return this.page.getByRole('status', { name: '已定稿' });
  }

  async unlock(approver: Signer, reason: string): Promise<void> {
    await this.lockBanner().getByRole('button', { name: '解除定稿' }).click();
    const dialog = await this.ui.visible(this.page.getByRole('dialog', { name: '解除定稿' }));
    await this.chooseIdentity(dialog, approver.name);
    await dialog.getByLabel('簽章密碼').fill(approver.passphrase);
    await dialog.getByLabel('解除理由').fill(reason);
    await dialog.getByRole('button', { name: '解除定稿' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
  }
}
