/**
 * Review and sign-off end to end (issue 12), three people on one laptop: each makes a signing
 * identity in settings and signs with their own passphrase. The preparer completes an item and
 * signs (an item with no result cannot be); the reviewer raises a note, the preparer responds,
 * the reviewer is refused while the note is open, clears it and signs; the approver signs the
 * item; 簽核全部項目 leaves out the items with no result until the rest of the checklist is
 * completed through a workpaper round trip; then every level signs the inspection and the
 * approver's final sign-off locks it; an edit is refused with the guard's
 * message; the locked inspection is exported and a third party checks it with the CLI's
 * \`verify\` and with minisign; the approver unlocks with a reason and the final sign-off shows
 * stale.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editWorkbook, readMetaAndGrids } from '../../shared/workpapers/testing/verify-bytes';
import { SignoffPage, type Signer } from './pages/signoff-page';
import type { WorkbenchPage } from './pages/workbench-page';
import { run, runCli } from './support/cli';
import { closeWorkbench, type E2eSession, openWorkbench } from './support/session';

const VAULT = { label: '簽核 e2e', passphrase: 'signoff e2e vault passphrase' };
const INSPECTION = '114 年度資安自評（簽核）';
const ITEM = 'SR-04-01.1';
const PREPARER: Signer = { name: '林編製', role: '編製', passphrase: 'preparer signing 2025' };
const REVIEWER: Signer = { name: '黃覆核', role: '覆核', passphrase: 'reviewer signing 2025' };
const APPROVER: Signer = { name: '張核定', role: '核定', passphrase: 'approver signing 2025' };
const NOTE = '請補充抽查樣本之選取方式。';
const LOCKED = '此查核已定稿（核定簽核後唯讀）';

describe('review and sign-off', () => {
  let session: E2eSession | undefined;
  let ui: WorkbenchPage;
  let so: SignoffPage;

  beforeAll(async () => {
    session = await openWorkbench();
    ({ ui } = session);
    so = new SignoffPage(ui);
    await ui.createVault({ ...VAULT, entity: '示範產物保險', owner: '林編製' });
  });

  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'aw-signoff-e2e-'));
  });

  afterAll(async () => {
    await closeWorkbench(session);
    await rm(dir, { recursive: true, force: true });
  });

  const page = () => ui.page;
  const text = (locator: ReturnType<WorkbenchPage['heading']>) => ui.text(locator);

  /** Three signing identities, each a trusted signer with its role, added by the vault's user. */
  async function makeIdentities() {
    await ui.enterVault(VAULT, '設定');
    for (const signer of [PREPARER, REVIEWER, APPROVER]) {
      const row = await so.createIdentity(signer);
      await expect.poll(text(row)).toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    }
    const signers = page().getByRole('region', { name: '受信任簽章者' });
    for (const signer of [PREPARER, REVIEWER, APPROVER]) {
      const row = signers
        .getByRole('row')
        .filter({ has: page().getByRole('cell', { name: signer.name, exact: true }) });
      await expect.poll(text(row)).toContain(signer.role);
      await expect.poll(text(row)).toContain('林編製'); // who added it: the vault's user
    }
  }

  /** An item signed in order, a review note blocking the reviewer until its author clears it. */
  async function signItem() {
    await ui.enterVault(VAULT, '自評查核');
    await ui.createInspection(INSPECTION);
    // No blank sign-off: an item with no result offers no 簽核, and says why.
    const blank = so.itemSignoff(await ui.openItem(ITEM));
    await expect.poll(text(blank)).toContain('尚未記錄查核結果');
    await expect
      .poll(() => blank.getByRole('button', { name: '簽核', exact: true }).isDisabled())
      .toBe(true);
    const item = await ui.recordResult(ITEM, '符合', '抽查新進員工 10 名之保密切結書，均已簽署。');
    const signoff = so.itemSignoff(item);
    const signButton = signoff.getByRole('button', { name: '簽核', exact: true });
    const level = (role: Signer['role']) => text(so.level(signoff, '簽核層級', role));

    // The dialog shows what is signed: the result and the work performed.
    await signButton.click();
    const dialog = await ui.visible(page().getByRole('dialog'));
    await expect.poll(text(dialog)).toContain('抽查新進員工 10 名');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });

    await so.signOk(signButton, PREPARER);
    await expect.poll(level('編製')).toContain('已簽');
    await expect.poll(level('編製')).toContain(PREPARER.name);
    await expect.poll(level('覆核')).toContain('未簽');

    // A wrong passphrase is refused and nothing is signed.
    const wrong = await so.sign(signButton, { ...REVIEWER, passphrase: 'not the passphrase!' });
    await expect.poll(text(wrong.getByRole('alert'))).toBe('簽章密碼錯誤。');
    await wrong.getByRole('button', { name: '取消' }).click();

    const notes = so.notes(signoff);
    const note = await so.raiseNote(signoff, REVIEWER, NOTE);
    await so.respond(note, notes, PREPARER, '依員工編號隨機抽選。');

    // While the note is open the reviewer's sign-off is refused with the service's message.
    const refused = await so.sign(signButton, REVIEWER);
    await expect.poll(text(refused.getByRole('alert'))).toContain('尚有未解除的覆核意見');
    await refused.getByRole('button', { name: '取消' }).click();
    await refused.waitFor({ state: 'detached' });

    // Only the author clears it; cleared, it leaves the open list and shows struck through.
    await so.clearNote(note, notes, PREPARER);
    await expect.poll(text(notes.getByRole('alert'))).toBe('只有提出覆核意見的人可以解除該意見。');
    await so.clearNote(note, notes, REVIEWER);
    await expect.poll(text(notes.getByTestId('open-notes'))).toBe('0');
    await notes.getByLabel('顯示').selectOption({ label: '已解除' });
    await ui.visible(notes.getByRole('listitem', { name: NOTE }).locator('s'));

    // The preparer's identity signs at its own level only, which already holds their sign-off.
    const twice = await so.sign(signButton, PREPARER);
    await expect.poll(text(twice.getByRole('alert'))).toContain('此層級已有有效簽核');
    await twice.getByRole('button', { name: '取消' }).click();
    await twice.waitFor({ state: 'detached' });

    await so.signOk(signButton, REVIEWER);
    await expect.poll(level('覆核')).toContain(REVIEWER.name);
    await so.signOk(signButton, APPROVER);
    await expect.poll(level('核定')).toContain(APPROVER.name);
  }

  /**
   * 簽核全部項目 on a checklist with untested items names them and leaves them out; the rest of
   * the checklist is then completed as an auditor would in Excel (every untested item 不適用,
   * with a reason) and imported back.
   */
  async function completeChecklist() {
    await ui.enterInspection(VAULT, INSPECTION, '總覽');
    const card = so.inspectionSignoff();
    await card.getByRole('button', { name: '簽核全部項目' }).click();
    const dialog = await ui.visible(page().getByRole('dialog'));
    await expect
      .poll(text(dialog.getByTestId('sign-skipped')))
      .toMatch(/^\d+ 個項目尚未記錄查核結果/);
    await expect.poll(text(dialog.getByTestId('sign-skipped'))).not.toContain(ITEM);
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });

    const download = page().waitForEvent('download');
    await page().getByRole('button', { name: '匯出工作底稿（Excel）' }).click();
    const exported = await readFile(await (await download).path());
    let filled = 0;
    const edited = await editWorkbook(exported, (wb) => {
      const sheet = wb.getWorksheet('查核項目');
      if (sheet === undefined) throw new Error('no 查核項目 sheet');
      const header = sheet.getRow(1);
      const col = (name: string) => {
        for (let c = 1; c <= sheet.columnCount; c++) if (header.getCell(c).text === name) return c;
        throw new Error(`no column ${name}`);
      };
      const [code, result, reason] = [col('項目編號'), col('查核結果'), col('不適用理由')];
      for (let r = 2; sheet.getRow(r).getCell(code).text !== ''; r++) {
        const row = sheet.getRow(r);
        if (row.getCell(result).text !== '') continue;
        row.getCell(result).value = '不適用';
        row.getCell(reason).value = '本年度未涉及此業務。';
        filled++;
      }
    });
    expect(filled).toBeGreaterThan(0);
    await page().getByRole('button', { name: '匯入已填寫的工作底稿' }).click();
    await ui.chooseFile(page().getByRole('button', { name: '選擇工作底稿' }), {
      name: '補齊.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      content: edited,
    });
    await page()
      .getByRole('button', { name: /^套用 \d+ 處變更$/ })
      .click();
    await ui.visible(page().getByText(`已套用：${filled} 筆記錄、${filled * 2} 個欄位。`));
    await page().getByRole('button', { name: '關閉' }).click();
  }

  /** The inspection signed at every level; the final sign-off locks it. */
  async function lockDown() {
    await ui.enterInspection(VAULT, INSPECTION, '總覽');
    const card = so.inspectionSignoff();
    const level = (role: Signer['role']) => text(so.level(card, '整份自評簽核層級', role));
    for (const signer of [PREPARER, REVIEWER, APPROVER]) {
      await so.signOk(card.getByRole('button', { name: '簽核全部項目' }), signer);
    }
    for (const signer of [PREPARER, REVIEWER, APPROVER]) {
      await so.signOk(card.getByRole('button', { name: '簽核整份自評' }), signer);
      await expect.poll(level(signer.role)).toContain('已簽');
    }
    await expect.poll(text(so.lockBanner())).toContain('已定稿');
    await expect.poll(text(so.lockBanner())).toContain(LOCKED);

    // The item's form is read-only, and a write the screen still offers is refused plainly.
    const item = await ui.openItem(ITEM);
    await expect.poll(() => item.getByRole('button', { name: '儲存' }).isDisabled()).toBe(true);
    await ui.chooseFile(item.getByRole('button', { name: '加入檔案' }).first(), {
      name: '補件.txt',
      mimeType: 'text/plain',
      content: '定稿後補件',
    });
    await expect.poll(text(item.getByRole('alert').first())).toContain(LOCKED);
  }

  /**
   * The locked inspection exported with the team's trusted-signers file, then checked as a
   * third party would: the CLI's `verify` passes, fails naming the item on a copy with one cell
   * changed, and every level's signature verifies with the stock minisign tool.
   */
  async function exportAndVerify() {
    await ui.openTab('設定');
    const teamDownload = page().waitForEvent('download');
    await page().getByRole('button', { name: '下載受信任簽章者清單' }).click();
    const team = join(dir, 'trusted-signers.json');
    await writeFile(team, await readFile(await (await teamDownload).path()));

    await ui.enterInspection(VAULT, INSPECTION);
    const download = page().waitForEvent('download');
    await page().getByRole('button', { name: '匯出工作底稿（Excel）' }).click();
    const bytes = await readFile(await (await download).path());
    const xlsx = join(dir, 'signed.xlsx');
    await writeFile(xlsx, bytes);

    const passed = await runCli(['verify', xlsx, '--signers', team]);
    expect(passed.stderr).toBe('');
    expect(passed.code).toBe(0);
    for (const signer of [PREPARER, REVIEWER, APPROVER])
      expect(passed.stdout).toContain(signer.name);

    const { meta } = await readMetaAndGrids(bytes);
    const row = meta.rows.find((r) => r.table === 'itemResults' && r.key === ITEM);
    if (row === undefined) throw new Error(`no checklist row for ${ITEM}`);
    const edited = join(dir, 'edited.xlsx');
    await writeFile(
      edited,
      await editWorkbook(bytes, (wb) => {
        const sheet = wb.getWorksheet(row.sheet);
        if (sheet === undefined) throw new Error(`no sheet ${row.sheet}`);
        sheet.getCell(row.row, 6).value = '不符合';
      }),
    );
    const failed = await runCli(['verify', edited, '--signers', team]);
    expect(failed.code).not.toBe(0);
    expect(`${failed.stdout}${failed.stderr}`).toContain(ITEM);

    await minisignChecks(xlsx);
  }

  /** `verify --export` writes what minisign checks: each level of the inspection's sign-off. */
  async function minisignChecks(xlsx: string) {
    const out = join(dir, 'minisign');
    expect((await runCli(['verify', xlsx, '--export', out])).code).toBe(0);
    const which = await run('sh', ['-c', 'command -v minisign']);
    if (which.code !== 0) {
      console.warn(
        'minisign is not installed (bash test/setup/ensure-minisign.sh): its check skipped',
      );
      return;
    }
    const keys = (await readdir(join(out, 'keys'))).map((name) => join(out, 'keys', name));
    expect(keys).toHaveLength(3);
    for (const level of [1, 2, 3]) {
      const signature = join(out, `manifest.json.L${level}.minisig`);
      const checks = await Promise.all(
        keys.map((key) =>
          run('minisign', ['-Vm', join(out, 'manifest.json'), '-x', signature, '-p', key]),
        ),
      );
      expect(checks.filter((c) => c.code === 0)).toHaveLength(1);
    }
  }

  /** The approver unlocks with a reason, which stales the final sign-off; an edit stales more. */
  async function unlockAndEdit() {
    await ui.enterInspection(VAULT, INSPECTION, '總覽');
    const card = so.inspectionSignoff();
    const level = (role: Signer['role']) => text(so.level(card, '整份自評簽核層級', role));
    await expect.poll(text(so.lockBanner())).toContain('已定稿');
    const item = await ui.openItem(ITEM);
    await so.unlock(APPROVER, '補正抽查紀錄');
    await so.lockBanner().waitFor({ state: 'detached' });
    await expect.poll(() => item.getByRole('button', { name: '儲存' }).isDisabled()).toBe(false);
    await ui.openInspectionView('總覽');
    await expect.poll(level('核定')).toContain('簽核後已修改');
    await expect.poll(level('核定')).toContain('已解除定稿');
    await expect.poll(level('覆核')).toContain('已簽');

    // Editing the item after sign-off stales its sign-offs, naming the field that changed,
    // and the inspection's (its digest covers the item's): 3 levels each on the dashboard.
    const edited = await ui.recordResult(ITEM, '符合', '補正後：抽查新進員工 12 名之切結書。');
    const itemLevel = (role: Signer['role']) =>
      text(so.level(so.itemSignoff(edited), '簽核層級', role));
    for (const role of ['編製', '覆核', '核定'] as const) {
      await expect.poll(itemLevel(role)).toContain('簽核後已修改');
      await expect.poll(itemLevel(role)).toContain('執行之查核工作');
    }
    await ui.openInspectionView('總覽');
    await expect.poll(text(card.getByTestId('stale-count'))).toBe('6');

    // 簽核後已修改 as a checklist filter: only the edited item, with its badge.
    await card.getByRole('button', { name: '檢視簽核後已修改的項目' }).click();
    await expect.poll(text(page().getByTestId('checklist-count'))).toMatch(/^顯示 1 \/ \d+ 項$/);
    const listed = page().getByRole('listbox', { name: '查核項目' }).getByRole('option');
    await expect.poll(text(listed.first())).toContain(ITEM);
    await expect.poll(text(listed.first())).toContain('簽核後已修改');
  }

  // One flow, each step resting on the last (the scenario), in one test so that no
  // test depends on another's leftovers.
  it('prepares, reviews, approves, locks and unlocks an inspection', async () => {
    await makeIdentities();
    await signItem();
    await completeChecklist();
    await lockDown();
    await exportAndVerify();
    await unlockAndEdit();
  }, 420_000);
});
