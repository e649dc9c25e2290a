/**
 * The registers end to end: import an HR roster (a broken one first, which writes nothing),
 * import signed agreements, see the coverage gaps, raise a finding from one, re-import without
 * duplicating; record a disposal with its certificate; complete a BYOD policy review.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBig5 } from '../../shared/import/big5-encode';
import type { WorkbenchPage } from './pages/workbench-page';
import { findInDirectory } from './support/profile-scan';
import { closeWorkbench, type E2eSession, openWorkbench } from './support/session';

const VAULT = { label: '登記簿 e2e', passphrase: 'registers passphrase 2025' };
const INSPECTION = '114 年度資安自評';
const CERTIFICATE = '銷毀證明 No. D-2025-0042 — 5CD9123XYZ';

const ROSTER_HEADER = '員工編號,姓名,身分證字號,部門,職稱,到職日,在職狀態,離職日,系統帳號';
const ROSTER_ROWS = [
  'E001,王小明,A123456789,資訊室,工程師,2020/01/02,在職,,有',
  'E002,李小華,A223456781,資訊室,管理師,109/03/04,在職,,有',
  'E003,陳大文,B123456780,總務室,專員,2021-05-06,在職,,無',
  'E004,林美玲,B223456782,業務部,經理,2018-07-01,離職,2025-06-30,有',
];
/** Row 3 carries a national ID with a wrong check digit. */
const BROKEN_ROSTER = [
  ROSTER_HEADER,
  ROSTER_ROWS[0],
  'E002,李小華,A223456789,資訊室,管理師,109/03/04,在職,,有',
].join('\r\n');
const ROSTER = [ROSTER_HEADER, ...ROSTER_ROWS].join('\r\n');

const AGREEMENTS = [
  '員工編號,文件類別,版本,簽署日,簽署人',
  'E001,資訊安全保密切結書,2024.1,2020-01-02,王小明',
  'E002,資訊安全保密切結書,2019.1,2020-03-04,李小華',
  'E004,資訊安全保密切結書,2024.1,2018-07-01,林美玲',
].join('\r\n');

describe('registers', () => {
  let session: E2eSession | undefined;
  let ui: WorkbenchPage;
  const page = () => ui.page;

  beforeAll(async () => {
    session = await openWorkbench();
    ({ ui } = session);
    await ui.createVault({ ...VAULT, entity: '示範產物保險', owner: '陳稽核' });
    await ui.openTab('自評查核');
    await ui.createInspection(INSPECTION);
  });

  afterAll(() => closeWorkbench(session));

  /** Picks a file in an import wizard, keeps the suggested mapping and checks the rows. */
  async function importFile(button: string, name: string, bytes: Uint8Array) {
    await page().getByRole('button', { name: button }).click();
    await ui.chooseFile(page().getByRole('button', { name: '選擇檔案' }), {
      name,
      mimeType: 'text/csv',
      content: bytes,
    });
    await ui.visible(page().getByRole('table', { name: '欄位對應' }));
    await page().getByRole('button', { name: '檢查資料' }).click();
  }

  /** The wizard offers nothing to commit; closed, the register holds this many people. */
  async function expectNothingCommitted(people: number) {
    const commit = page().getByRole('button', { name: /確認匯入/ });
    await expect.poll(() => commit.isDisabled()).toBe(true);
    await page().getByRole('button', { name: '關閉' }).click();
    await page().getByRole('tab', { name: '人員' }).click();
    await ui.visible(page().getByText(`${people} 人`));
  }

  /**
   * Imports a file and commits whatever it adds: the data a test needs, whether or not a test
   * before it imported the same file (a re-import adds nothing and is closed unchanged).
   */
  async function importAll(button: string, name: string, bytes: Uint8Array) {
    await importFile(button, name, bytes);
    const plan = await ui.visible(page().getByText(/^將新增 \d+ 筆/));
    const created = Number(/^將新增 (\d+) 筆/.exec((await plan.textContent()) ?? '')?.[1]);
    if (created > 0) {
      await page()
        .getByRole('button', { name: `確認匯入 ${created} 筆` })
        .click();
      await ui.visible(page().getByText(/^匯入完成/));
    }
    await page().getByRole('button', { name: '關閉' }).first().click();
  }

  /** The roster and its agreements in the register, with only the undertaking tracked. */
  async function withRosterAndAgreements() {
    await ui.enterVault(VAULT, '保密協議');
    await importAll('匯入人員名冊', 'roster.csv', encodeBig5(ROSTER));
    await page().getByRole('button', { name: '現行版本設定' }).click();
    await page().getByLabel('資訊安全保密切結書 現行版本').fill('2024.1');
    await page().getByLabel('僱傭契約保密條款 員工必備').uncheck();
    await page().getByLabel('員工手冊簽收 員工必備').uncheck();
    await page().getByRole('button', { name: '儲存' }).click();
    await page().getByLabel('資訊安全保密切結書 現行版本').waitFor({ state: 'detached' });
    await importAll('匯入簽署紀錄', 'agreements.csv', new TextEncoder().encode(AGREEMENTS));
    await page()
      .getByRole('tab', { name: /覆蓋檢查/ })
      .click();
  }

  /** A raised finding, looked up by its title in the inspection's findings list. */
  async function expectFinding(title: string) {
    await ui.enterInspection(VAULT, INSPECTION, '缺失');
    await ui.visible(
      page().getByRole('listbox', { name: '缺失' }).getByRole('option').filter({ hasText: title }),
    );
  }

  async function findingsTotal(): Promise<number> {
    await ui.enterInspection(VAULT, INSPECTION, '缺失');
    const count = await ui.visible(
      page()
        .getByTestId('findings-count')
        .getByText(/\d+ 項$/),
    );
    return Number(/\/ (\d+) 項$/.exec((await count.textContent()) ?? '')?.[1]);
  }

  /** The raise-finding step's confirmation, and the title of the finding it raised. */
  async function raisedTitle(): Promise<string> {
    const message = await ui.visible(page().getByText(/^已開立缺失「.+」於查核項目/));
    return /「(.+)」/.exec((await message.textContent()) ?? '')?.[1] ?? '';
  }

  /** On the 政策審閱 tab: a new BYOD policy review of 行動裝置管理辦法 in this version. */
  async function startByodReview(version: string) {
    await page()
      .getByRole('button', { name: /審閱行動裝置/ })
      .click();
    const form = page().getByRole('form', { name: '行動裝置（含 BYOD）使用規範' });
    await form.getByLabel('規範名稱').fill('行動裝置管理辦法');
    await form.getByLabel('版次').fill(version);
    return form;
  }

  async function recordDisposal(asset: string, serial: string) {
    await page().getByRole('button', { name: '新增報廢紀錄' }).click();
    const form = page().getByRole('form', { name: '報廢紀錄' });
    await form.getByLabel('財產編號').fill(asset);
    await form.getByLabel('設備類型').selectOption({ label: '筆記型電腦' });
    await form.getByLabel('儲存媒體').selectOption({ label: '固態硬碟（SSD）' });
    await form.getByLabel('序號').fill(serial);
    await form.getByLabel('資料等級').selectOption({ label: '密' });
    await form.getByLabel('清除方式（NIST SP 800-88）').selectOption({ label: '破壞（Destroy）' });
    await form.getByLabel('處理技術').selectOption({ index: 1 });
    await form.getByLabel('授權軟體已移除').selectOption({ index: 1 });
    await form.getByLabel('執行人').fill('王小明');
    await form.getByLabel('執行日').fill('2025-05-02');
    await form.getByLabel('狀態').selectOption('completed');
    await ui.chooseFile(form.getByRole('button', { name: '附加銷毀證明' }), {
      name: '銷毀證明.pdf',
      mimeType: 'application/pdf',
      content: CERTIFICATE,
    });
    await form.getByRole('button', { name: '儲存' }).click();
    const row = page()
      .getByRole('table', { name: '設備報廢紀錄' })
      .getByRole('row', { name: new RegExp(asset) });
    return ui.visible(row);
  }

  // The first test, on the register as the vault was created: empty.
  it('refuses a roster with a bad national ID, naming the row and column, and writes nothing', async () => {
    await ui.enterVault(VAULT, '保密協議');
    await importFile('匯入人員名冊', 'roster-broken.csv', encodeBig5(BROKEN_ROSTER));
    const errors = await ui.visible(page().getByRole('table', { name: '匯入問題' }));
    await expect
      .poll(ui.text(errors.getByRole('row').nth(1)))
      .toMatch(/^3C（身分證字號）身分證字號A22\*\*\*\*789/);
    await expectNothingCommitted(0);
  });

  it('imports a Big5 roster in one step and masks national IDs', async () => {
    await ui.enterVault(VAULT, '保密協議');
    await importFile('匯入人員名冊', 'roster.csv', encodeBig5(ROSTER));
    await ui.visible(
      page().getByText('將新增 4 筆；0 筆與現有記錄相同（略過）；0 筆與現有記錄不同。'),
    );
    const preview = ui.text(page().getByRole('table', { name: '預覽' }));
    await expect.poll(preview).toContain('A12****789');
    expect(await preview()).not.toContain('A123456789');
    await page().getByRole('button', { name: '確認匯入 4 筆' }).click();
    await ui.visible(page().getByText('匯入完成：新增 4 筆，更新 0 筆。'));
    await page().getByRole('button', { name: '關閉' }).first().click();
    await page().getByRole('tab', { name: '人員' }).click();
    await ui.visible(page().getByText('4 人'));
  });

  it('imports agreements and shows the coverage gaps', async () => {
    await withRosterAndAgreements();
    const unsigned = page().getByRole('region', { name: '員工未簽署' });
    await expect.poll(ui.text(unsigned)).toContain('陳大文');
    const outdated = page().getByRole('region', { name: '簽署舊版本' });
    await expect.poll(ui.text(outdated)).toContain('李小華');
    const leaver = page().getByRole('region', { name: '離職人員權限未及時取消' });
    await expect.poll(ui.text(leaver)).toContain('林美玲');
  });

  it('raises one finding from a gap, on the matching checklist item', async () => {
    await withRosterAndAgreements();
    const leaver = page().getByRole('region', { name: '離職人員權限未及時取消' });
    await leaver.getByRole('button', { name: /開立缺失/ }).click();
    await ui.visible(page().getByText(/^已開立缺失「.+」於查核項目 SR-04-05\.1。/));
    const title = await raisedTitle();
    await ui.visible(leaver.getByText('皆已開立缺失'));
    await expectFinding(title);
  });

  it('records an agreement signed on screen during the visit, closing the gap', async () => {
    await withRosterAndAgreements();
    await page().getByRole('tab', { name: '簽署紀錄' }).click();
    await page().getByRole('button', { name: '新增簽署紀錄' }).click();
    const form = page().getByRole('form', { name: '新增簽署紀錄' });
    await form.getByLabel('員工編號').fill('E003');
    await ui.visible(form.getByText('陳大文 · 總務室'));
    await form.getByLabel('版本').fill('2024.1');
    await form.getByText('現場於螢幕簽名').click();
    const pad = await ui.visible(form.getByRole('img', { name: '簽名板' }));
    const box = await pad.boundingBox();
    if (!box) throw new Error('no pad');
    await page().mouse.move(box.x + 40, box.y + 100);
    await page().mouse.down();
    for (let i = 1; i <= 20; i++) {
      await page().mouse.move(box.x + 40 + i * 15, box.y + 100 - Math.sin(i / 3) * 30);
    }
    await page().mouse.up();
    await ui.visible(form.getByText('已擷取簽名；簽署日須為今日。'));
    await form.getByRole('button', { name: '儲存' }).click();

    const list = page().getByRole('table', { name: '簽署紀錄' });
    const signed = list.getByRole('row', { name: /陳大文/ });
    await ui.visible(signed.getByRole('img', { name: '陳大文 的簽名' }));
    await expect
      .poll(() => signed.getByRole('img').locator('path').getAttribute('d'))
      .toMatch(/^M[\d.]+ [\d.]+ L/);
    await page()
      .getByRole('tab', { name: /覆蓋檢查/ })
      .click();
    await ui.visible(page().getByRole('region', { name: '簽署舊版本' }));
    await expect.poll(() => page().getByRole('region', { name: '員工未簽署' }).count()).toBe(0);
  });

  it('re-imports the same roster without duplicating anyone', async () => {
    await ui.enterVault(VAULT, '保密協議');
    await importAll('匯入人員名冊', 'roster.csv', encodeBig5(ROSTER));
    await importFile('匯入人員名冊', 'roster.csv', encodeBig5(ROSTER));
    await ui.visible(
      page().getByText('將新增 0 筆；4 筆與現有記錄相同（略過）；0 筆與現有記錄不同。'),
    );
    await expectNothingCommitted(4);
  });

  it('records a disposal with its certificate, stored encrypted, and flags the missing verifier', async () => {
    await ui.enterVault(VAULT, '設備報廢');
    const row = await recordDisposal('NB-2019-031', '5CD9123XYZ');
    await expect.poll(ui.text(row)).toContain('未經獨立覆核');
    const download = page().waitForEvent('download');
    await row.getByRole('button', { name: '另存證明' }).click();
    const saved = await (await download).path();
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(saved)).toString()).toBe(CERTIFICATE);

    const flags = page().getByRole('region', { name: '異常提示' });
    await flags
      .getByRole('button', { name: /開立缺失/ })
      .first()
      .click();
    await ui.visible(page().getByText(/^已開立缺失「.+」於查核項目 SR-04-06\.\d。/));
    await expectFinding(await raisedTitle());
  });

  it('deletes a disposal record only after a second click', async () => {
    await ui.enterVault(VAULT, '設備報廢');
    const row = await recordDisposal('NB-2020-007', '5CD0007ABC');
    const rows = page().getByRole('table', { name: '設備報廢紀錄' }).getByRole('row');
    // The log renders all its rows at once: with the new one shown, the count is settled.
    const before = await rows.count();
    await row.getByRole('button', { name: '刪除' }).click();
    await row.getByRole('button', { name: '取消' }).click();
    await ui.visible(row.getByRole('button', { name: '刪除' }));
    await row.getByRole('button', { name: '刪除' }).click();
    await row.getByRole('button', { name: '確定刪除' }).click();
    await row.waitFor({ state: 'detached' });
    await expect.poll(() => rows.count()).toBe(before - 1);
  });

  it('completes a BYOD policy review and raises a finding for the missing element', async () => {
    const findings = await findingsTotal();
    await ui.openTab('政策審閱');
    const form = await startByodReview('3.0');
    await form.getByLabel('核定日').fill('2024-03-01');
    await form.getByLabel('核定層級／核定人').fill('總經理');
    await form.getByLabel('檢視日').fill('2025-05-02');
    await form.getByLabel('檢視人員').fill('陳稽核');
    await ui.chooseFile(form.getByRole('button', { name: '附加規範文件' }), {
      name: '行動裝置管理辦法.pdf',
      mimeType: 'application/pdf',
      content: 'policy',
    });
    await form.getByRole('radio', { name: '是' }).check();
    const elements = [
      ['規範之訂定、適用範圍及 BYOD 立場', '第 1 條'],
      ['行動裝置管理', '第 3 條'],
      ['行動裝置使用人員管理', '第 4 條'],
      ['行動裝置之安全控管', '第 5 條'],
    ] as const;
    for (const [title, section] of elements) {
      await form.getByRole('radio', { name: `${title} 有`, exact: true }).check();
      await form.getByLabel(`${title} 條次／章節`).fill(section);
      await form.getByLabel(`${title} 是否適當`).selectOption({ label: '適當' });
    }
    await form.getByRole('radio', { name: '自有設備（BYOD）之控管 無', exact: true }).check();
    await form.getByRole('button', { name: '完成審閱' }).click();

    const review = page().getByRole('region', { name: /行動裝置/ });
    await expect.poll(ui.text(review)).toContain('已完成');
    await expect.poll(ui.text(review)).toContain('未訂定 — 自有設備（BYOD）之控管');
    await review.getByRole('button', { name: /開立缺失/ }).click();
    await ui.visible(page().getByText('已開立 1 筆缺失。'));
    await ui.enterInspection(VAULT, INSPECTION, '缺失');
    await expect
      .poll(ui.text(page().getByTestId('findings-count')))
      .toBe(`顯示 ${findings + 1} / ${findings + 1} 項`);
  });

  it('leaves neither the roster, the certificate nor the reviews in clear in the profile', async () => {
    if (!session) throw new Error('no session');
    // What the scan looks for, stored here rather than trusted to the tests above.
    await ui.enterVault(VAULT, '保密協議');
    await importAll('匯入人員名冊', 'roster.csv', encodeBig5(ROSTER));
    await ui.openTab('設備報廢');
    await recordDisposal('NB-2019-099', '5CD9123XYZ');
    await ui.openTab('政策審閱');
    const form = await startByodReview('3.1');
    await form.getByRole('button', { name: '儲存草稿' }).click();
    await form.waitFor({ state: 'detached' });
    await ui.visible(page().getByText('行動裝置管理辦法 3.1', { exact: false }));
    await session.browser.context.close();
    for (const canary of [
      'B223456782',
      '林美玲',
      'D-2025-0042',
      '5CD9123XYZ',
      '行動裝置管理辦法',
    ]) {
      const { hits, scanned } = await findInDirectory(session.browser.profileDir, canary);
      expect(scanned).toBeGreaterThan(10);
      expect(hits, canary).toEqual([]);
    }
  });
});
