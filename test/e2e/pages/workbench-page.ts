/**
 * A page model of the workbench in zh-TW, the default language, so specs read as steps.
 *
 * Every `goto…` and `enter…` step brings the app to its screen from whatever state the last
 * test left (an open panel or dialog, another tab, English, a locked vault): it reloads the
 * app, which locks any open vault and drops every in-page state, then walks to the screen the
 * way a user would. Each step waits for the screen it leads to, so a step that returns has
 * arrived.
 */
import type { Locator, Page } from 'playwright-core';

export interface NewVault {
  label: string;
  entity: string;
  owner: string;
  passphrase: string;
}

/** What it takes to get into a vault: the label on the vault list and its passphrase. */
export interface VaultAccess {
  label: string;
  passphrase: string;
}

export type WorkspaceTab =
  | '案件概要'
  | '自評查核'
  | '保密協議'
  | '設備報廢'
  | '政策審閱'
  | '系統清冊'
  | '現場紀錄'
  | '活動軌跡'
  | '團隊分工'
  | '設定';

export type InspectionView = '總覽' | '查核項目' | '缺失' | '抽樣';

export type ItemResult = '符合' | '部分符合' | '不符合' | '不適用';

const RECOVERY_KEY = /^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/;

export class WorkbenchPage {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  async visible(locator: Locator): Promise<Locator> {
    await locator.waitFor({ state: 'visible' });
    return locator;
  }

  /** A locator's text, for `expect.poll(ui.text(x))`: read again until the assertion holds. */
  text(locator: Locator): () => Promise<string> {
    return async () => (await locator.textContent()) ?? '';
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { name });
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  // ── Screens reached from any state ─────────────────────────────────────────────────────

  /** The vault list, in zh-TW, with nothing unlocked. */
  async gotoVaultList(): Promise<void> {
    await this.page.goto(this.url);
    await this.visible(this.page.locator('main h1'));
    // The language is a preference kept across reloads: a test that switched to English
    // and failed before switching back must not leave the next one reading English.
    if ((await this.page.locator('html').getAttribute('lang')) !== 'zh-TW') {
      await this.switchLanguage('zh-TW');
    }
    await this.visible(this.heading('案件庫'));
  }

  /** The header's language button, on any screen; the screen stays as it was. */
  async switchLanguage(to: 'zh-TW' | 'en'): Promise<void> {
    await this.page.getByRole('button', { name: to === 'en' ? 'English' : '中文' }).click();
    await this.page.locator(`html[lang="${to}"]`).waitFor({ state: 'attached' });
  }

  /** The unlock screen of a vault. */
  async gotoUnlock(label: string): Promise<void> {
    await this.gotoVaultList();
    await this.openVault(label);
  }

  /** A vault unlocked, on one of its workspace tabs (案件概要 unless told). */
  async enterVault(vault: VaultAccess, tab: WorkspaceTab = '案件概要'): Promise<void> {
    await this.gotoUnlock(vault.label);
    await this.unlock(vault.passphrase);
    await this.openTab(tab);
  }

  /** One view of an inspection of an unlocked vault. */
  async enterInspection(
    vault: VaultAccess,
    title: string | RegExp,
    view: InspectionView = '查核項目',
  ): Promise<void> {
    await this.enterVault(vault, '自評查核');
    await this.openInspection(title);
    await this.openInspectionView(view);
  }

  // ── Steps within a screen ──────────────────────────────────────────────────────────────

  async openTab(name: WorkspaceTab): Promise<void> {
    await this.tab(name).click();
    await this.visible(this.page.getByRole('tab', { name, exact: true, selected: true }));
  }

  /** On the 自評查核 tab: opens the inspection with this title. */
  async openInspection(title: string | RegExp): Promise<void> {
    const card = this.page
      .getByRole('list', { name: '自評查核' })
      .getByRole('listitem')
      .filter({ has: this.page.getByText(title, { exact: true }) });
    await card.getByRole('button', { name: '開啟' }).click();
    await this.visible(this.page.getByRole('heading', { level: 1, name: title, exact: true }));
  }

  async openInspectionView(view: InspectionView): Promise<void> {
    await this.tab(view).click();
    await this.visible(this.page.getByRole('tab', { name: view, exact: true, selected: true }));
  }

  /** On the 自評查核 tab: a new inspection with the default scope; it opens on its checklist. */
  async createInspection(title: string): Promise<void> {
    await this.page.getByRole('button', { name: '新增自評' }).click();
    await this.page.getByLabel('自評名稱').fill(title);
    await this.page.getByRole('button', { name: '建立查核清單' }).click();
    await this.visible(this.page.getByRole('heading', { level: 1, name: title, exact: true }));
  }

  /** In an open inspection: finds a checklist item by its code and shows its working paper. */
  async openItem(code: string): Promise<Locator> {
    await this.openInspectionView('查核項目');
    await this.page.getByLabel('搜尋條文、要求或工作底稿…').fill(code);
    const options = this.page.getByRole('listbox', { name: '查核項目' }).getByRole('option');
    await options.filter({ hasText: code }).first().click();
    return this.visible(this.page.getByRole('article', { name: code }));
  }

  /** In an open inspection: records an item's result and the work performed, and saves. */
  async recordResult(code: string, result: ItemResult, work: string): Promise<Locator> {
    const item = await this.openItem(code);
    await item.getByRole('radio', { name: result, exact: true }).check();
    await item.getByLabel('執行之查核工作').fill(work);
    await item.getByRole('button', { name: '儲存' }).click();
    await this.visible(item.getByText('已儲存。'));
    return item;
  }

  /** On a saved deficient item: raises a finding from it, which opens the findings view. */
  async raiseFinding(item: Locator): Promise<void> {
    await item.getByRole('button', { name: '開立缺失' }).click();
    await this.visible(this.page.getByRole('tab', { name: '缺失', selected: true }));
  }

  /** Clicks a button that opens the file picker, and picks a file made of these bytes. */
  async chooseFile(
    button: Locator,
    file: { name: string; mimeType: string; content: string | Uint8Array },
  ): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await button.click();
    const { name, mimeType, content } = file;
    await (await chooser).setFiles({ name, mimeType, buffer: Buffer.from(content) });
  }

  /** On an item's working paper: attaches a text file as evidence. */
  async attachEvidence(item: Locator, name: string, content: string): Promise<void> {
    const button = item.getByRole('button', { name: '加入檔案' }).first();
    await this.chooseFile(button, { name, mimeType: 'text/plain', content });
    await this.visible(item.getByText(name));
  }

  /**
   * On the 系統清冊 tab: adds a system (by a name not yet in the inventory) with its class and
   * last assessment date, and returns its row once the saved list shows it.
   */
  async addSystem(name: string, systemClass: '1' | '2' | '3', lastAssessed: string) {
    await this.page.getByRole('button', { name: '新增系統' }).click();
    const nameField = this.page.getByLabel('系統名稱');
    await nameField.fill(name);
    await this.page.getByLabel('系統類別').selectOption(systemClass);
    await this.page.getByLabel('上次資安評估日期').fill(lastAssessed);
    await this.page.getByRole('button', { name: '儲存' }).click();
    await nameField.waitFor({ state: 'detached' });
    return this.visible(this.page.getByRole('row').filter({ hasText: name }));
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

  // ── Vaults ─────────────────────────────────────────────────────────────────────────────

  /** From the vault list: fills in the create form and submits it; ends on the recovery key. */
  async startVault(vault: NewVault): Promise<string> {
    await this.page.getByRole('button', { name: '建立案件庫' }).click();
    await this.page.getByLabel('案件庫名稱').fill(vault.label);
    await this.page.getByLabel('受查公司').fill(vault.entity);
    await this.page.getByLabel('您的姓名').fill(vault.owner);
    await this.fillNewPassphrase(vault.passphrase);
    await this.page.getByRole('button', { name: '建立並加密' }).click();
    return this.readRecoveryKey();
  }

  /** From any state: creates a vault and returns the recovery key it showed once. */
  async createVault(vault: NewVault): Promise<string> {
    await this.gotoVaultList();
    const recoveryKey = await this.startVault(vault);
    await this.confirmRecoveryKey();
    return recoveryKey;
  }

  /** From any state: creates the sample engagement (示範案件) and ends on its workspace. */
  async createSampleVault(owner: string, passphrase: string): Promise<VaultAccess> {
    await this.gotoVaultList();
    await this.page.getByRole('button', { name: '建立示範案件' }).click();
    await this.visible(this.page.getByLabel('案件庫名稱'));
    await this.page.getByLabel('您的姓名').fill(owner);
    await this.fillNewPassphrase(passphrase);
    await this.page.getByRole('button', { name: '建立並加密' }).click();
    await this.readRecoveryKey();
    await this.confirmRecoveryKey();
    return { label: '示範案件', passphrase };
  }

  async fillNewPassphrase(passphrase: string): Promise<void> {
    await this.page.getByLabel('通關密語', { exact: true }).fill(passphrase);
    await this.page.getByLabel('再次輸入通關密語').fill(passphrase);
  }

  /**
   * The recovery key screen's key, once it has rendered in full. A locator wait rather than
   * `expect.poll`, so that fixtures (`beforeAll`) can create vaults too.
   */
  async readRecoveryKey(options: { timeout?: number } = {}): Promise<string> {
    const key = this.page.getByTestId('recovery-key').filter({ hasText: RECOVERY_KEY });
    await key.waitFor({ state: 'visible', ...options });
    return (await key.textContent()) ?? '';
  }

  async confirmRecoveryKey(): Promise<void> {
    await this.page.getByLabel('我已妥善保存復原金鑰').check();
    await this.page.getByRole('button', { name: '繼續' }).click();
    await this.visible(this.tab('案件概要'));
  }

  /** On the vault list: opens a vault's unlock screen. */
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
    await this.visible(this.tab('案件概要'));
  }
}
