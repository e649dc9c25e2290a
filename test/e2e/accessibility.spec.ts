/**
 * Accessibility of the main screens, checked by axe-core in Chromium, in both languages: no
 * serious or critical violation of WCAG 2.2 A/AA or axe's best practices on any of them. Everything axe finds,
 * blocking or not, is printed as a summary at the end. The screens hold real data: the
 * sample engagement, with its inspection, findings and registers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignoffPage } from './pages/signoff-page';
import type { VaultAccess, WorkbenchPage } from './pages/workbench-page';
import { auditScreen, blocking, type ScreenReport, summarise } from './support/axe';
import { closeWorkbench, type E2eSession, openWorkbench } from './support/session';

const SAMPLE_INSPECTION = /年度資訊安全自行查核（示範）$/;

describe('accessibility of the main screens (axe-core)', () => {
  let session: E2eSession | undefined;
  let ui: WorkbenchPage;
  let sample: VaultAccess;
  const reports: ScreenReport[] = [];
  const page = () => ui.page;

  beforeAll(async () => {
    // axe is injected as a script tag, which the app's CSP refuses: this spec alone bypasses it.
    session = await openWorkbench({ bypassCSP: true });
    ({ ui } = session);
    sample = await ui.createSampleVault('陳稽核', 'accessibility passphrase 2025');
  });

  afterAll(async () => {
    console.log(summarise(reports));
    await closeWorkbench(session);
  });

  /**
   * Audits the screen as it is now, in Traditional Chinese and then in English (the header's
   * language button re-renders it in place); fails on any serious or critical violation.
   */
  async function expectAccessible(screen: string) {
    for (const language of ['zh-TW', 'en'] as const) {
      if (language === 'en') await ui.switchLanguage('en');
      const report = await auditScreen(page(), `${screen} (${language})`);
      reports.push(report);
      expect(blocking(report), report.screen).toEqual([]);
    }
    await ui.switchLanguage('zh-TW');
  }

  it('the vault list', async () => {
    await ui.gotoVaultList();
    await ui.visible(page().getByRole('listitem').filter({ hasText: sample.label }));
    await expectAccessible('vault list');
  });

  it('the create form, with the errors of an incomplete submission', async () => {
    await ui.gotoVaultList();
    await page().getByRole('button', { name: '建立案件庫' }).click();
    await page().getByLabel('通關密語', { exact: true }).fill('short');
    await page().getByRole('button', { name: '建立並加密' }).click();
    await ui.visible(page().getByRole('alert').first());
    await expectAccessible('create');
  });

  it('the recovery key, shown once', async () => {
    await ui.gotoVaultList();
    await ui.startVault({
      label: '無障礙檢查',
      entity: '示範人壽',
      owner: '王稽核',
      passphrase: 'another accessible passphrase',
    });
    await expectAccessible('recovery key');
  });

  it('the unlock screen, after a wrong passphrase', async () => {
    await ui.gotoUnlock(sample.label);
    await ui.submitPassphrase('not the passphrase at all');
    await ui.visible(page().getByText('通關密語或復原金鑰不正確，案件庫未變更。'));
    await expectAccessible('unlock');
  });

  it('the engagement (案件概要)', async () => {
    await ui.enterVault(sample, '案件概要');
    await ui.visible(page().getByRole('heading', { level: 1 }));
    await expectAccessible('engagement');
  });

  it('the inspection dashboard', async () => {
    await ui.enterInspection(sample, SAMPLE_INSPECTION, '總覽');
    await expect.poll(ui.text(page().getByTestId('kpi-progress'))).toMatch(/^\d+ \/ \d+$/);
    await expectAccessible('dashboard');
  });

  it('a checklist item', async () => {
    await ui.enterInspection(sample, SAMPLE_INSPECTION, '查核項目');
    await ui.openItem('SR-04-01.1');
    await expectAccessible('checklist item');
  });

  it('the findings, one of them open', async () => {
    await ui.enterInspection(sample, SAMPLE_INSPECTION, '缺失');
    await page().getByRole('listbox', { name: '缺失' }).getByRole('option').first().click();
    await ui.visible(page().getByLabel('缺失標題'));
    await expectAccessible('findings');
  });

  it('the sampling helper', async () => {
    await ui.enterInspection(sample, SAMPLE_INSPECTION, '抽樣');
    await expectAccessible('sampling');
  });

  it.each([
    ['保密協議', 'agreements register'],
    ['設備報廢', 'disposal register'],
    ['政策審閱', 'policy reviews register'],
    ['系統清冊', 'system inventory'],
    ['現場紀錄', 'field notes'],
  ] as const)('the %s tab', async (tab, screen) => {
    await ui.enterVault(sample, tab);
    await ui.visible(page().getByRole('heading', { level: 1, name: tab }));
    await expectAccessible(screen);
  });

  it('the disposal record form', async () => {
    await ui.enterVault(sample, '設備報廢');
    await page().getByRole('button', { name: '新增報廢紀錄' }).click();
    await ui.visible(page().getByRole('form', { name: '報廢紀錄' }));
    await expectAccessible('disposal record form');
  });

  it('the BYOD policy review form', async () => {
    await ui.enterVault(sample, '政策審閱');
    await page()
      .getByRole('button', { name: /審閱行動裝置/ })
      .click();
    await ui.visible(page().getByRole('form', { name: '行動裝置（含 BYOD）使用規範' }));
    await expectAccessible('policy review form');
  });

  it('the activity trail, verified', async () => {
    await ui.enterVault(sample, '活動軌跡');
    await expect.poll(ui.text(page().getByTestId('chain-status'))).toMatch(/軌跡完整/);
    await expectAccessible('activity trail');
  });

  it('the settings', async () => {
    await ui.enterVault(sample, '設定');
    await ui.visible(ui.heading('設定'));
    await expectAccessible('settings');
  });

  it('the team tab: an assignment, the hand-out form and the merge form', async () => {
    await ui.enterVault(sample, '團隊分工');
    const assign = page().getByRole('region', { name: '分派' });
    // Empty lists say so, rather than showing a table of headers alone.
    await ui.visible(assign.getByText('尚未分派任何章節或項目。'));
    await ui.visible(page().getByText('尚未發出工作包。'));
    await assign.getByLabel('章節或項目').fill('SR-04');
    await assign.getByLabel('查核員').fill('林查核');
    await assign.getByRole('button', { name: '分派', exact: true }).click();
    await ui.visible(assign.getByRole('row').filter({ hasText: '林查核' }));
    await ui.visible(page().getByRole('region', { name: '合併繳回' }));
    await expectAccessible('team');
  });

  it('opening a received package', async () => {
    await ui.gotoVaultList();
    await page().getByRole('button', { name: '開啟工作包' }).click();
    await ui.visible(page().getByRole('button', { name: '選擇工作包檔案' }));
    await expectAccessible('open package');
  });

  // On a vault of its own, so that the sample's screens above stay as they are.
  it('the signing identities, the item sign-off and the 簽核 dialog', async () => {
    const signoff = new SignoffPage(ui);
    const vault = { label: '簽核無障礙', passphrase: 'accessibility signoff 2025' };
    await ui.createVault({ ...vault, entity: '示範產物保險', owner: '陳稽核' });
    await ui.openTab('設定');
    await signoff.createIdentity({
      name: '陳稽核',
      role: '編製',
      passphrase: 'accessibility signing 2025',
    });
    await expectAccessible('signing identities');
    await ui.openTab('自評查核');
    await ui.createInspection('簽核無障礙檢查');
    await ui.openInspectionView('總覽');
    await ui.visible(signoff.inspectionSignoff());
    await expectAccessible('inspection sign-off');
    await ui.enterInspection(vault, '簽核無障礙檢查', '查核項目');
    // An item with no result cannot be signed: record one first.
    const item = await ui.recordResult('SR-04-01.1', '符合', '抽查保密切結書 5 份，均已簽署。');
    await signoff.itemSignoff(item).getByRole('button', { name: '簽核', exact: true }).click();
    await ui.visible(page().getByRole('dialog'));
    // The modal keeps the header's language button out of reach: zh-TW only.
    const report = await auditScreen(page(), 'sign-off dialog (zh-TW)');
    reports.push(report);
    expect(blocking(report), report.screen).toEqual([]);
  });
});
