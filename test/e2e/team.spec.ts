/**
 * Team work end to end, two Chromium profiles on two origins (a lead and an auditor): the
 * lead hands out, the auditor opens the package into a vault of their own, edits and sends
 * back; the lead, who edited the same field meanwhile, merges with the conflict resolved and
 * sees where the value came from; a wrong package passphrase is refused first. Packages are
 * real `.awpkg` files (age-encrypted ZIPs), written and read by the app. The auditor sends
 * back with a generated passphrase, signed with an identity made in 設定: the lead sees the
 * signer, not among the engagement's trusted signers, and a copy whose signature was altered
 * (by someone holding the passphrase) is refused with the bad-signature reason.
 */
import { readFile } from 'node:fs/promises';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64, utf8 } from '../../shared/crypto/bytes';
import { decryptPackage, encryptPackage } from '../../shared/package/age';
import type { VaultAccess } from './pages/workbench-page';
import { SignoffPage } from './pages/signoff-page';
import { PACKAGE_PASSPHRASE_LABEL, TeamPage } from './pages/team-page';
import { closeWorkbench, type E2eSession, openWorkbench } from './support/session';

const PACKAGE_PASS = 'package passphrase 2025';
const SIGNER = { name: '林甲', role: '編製', passphrase: 'auditor signing passphrase' } as const;

/** The package with one byte of its author signature flipped, encrypted again. */
async function withAlteredSignature(bytes: Uint8Array, passphrase: string): Promise<Uint8Array> {
  const parts = unzipSync(await decryptPackage(bytes, passphrase));
  const lines = new TextDecoder().decode(parts['signature.minisig']).split('\n');
  const signature = fromBase64(lines[1] ?? '');
  signature[40] = (signature[40] ?? 0) ^ 0x01;
  lines[1] = toBase64(signature);
  parts['signature.minisig'] = utf8(lines.join('\n'));
  return encryptPackage(zipSync(parts), passphrase, 10);
}

describe('team work: hand out, send back, merge', () => {
  let lead: E2eSession | undefined;
  let auditor: E2eSession | undefined;
  const leadVault: VaultAccess = { label: '主管案件', passphrase: 'lead vault passphrase 1' };

  beforeAll(async () => {
    lead = await openWorkbench();
    auditor = await openWorkbench();
    await lead.ui.createVault({ ...leadVault, entity: '示範產險', owner: '陳組長' });
    await lead.ui.addNote('共同紀錄', '訪談紀錄。');
    await lead.ui.openTab('自評查核');
    await lead.ui.createInspection('團隊自評');
  });

  afterAll(async () => {
    await closeWorkbench(auditor);
    await closeWorkbench(lead);
  });

  it('merges an auditor’s return with a conflict resolved and shows the provenance', async () => {
    if (!lead || !auditor) throw new Error('no browsers');
    const leadTeam = new TeamPage(lead.ui);
    const auditorTeam = new TeamPage(auditor.ui);

    await lead.ui.enterVault(leadVault);
    await leadTeam.open();
    await leadTeam.assignSection('SR-04', '林甲');
    // The assignee shows on the section's checklist items.
    await lead.ui.openTab('自評查核');
    await lead.ui.openInspection('團隊自評');
    const items = lead.ui.page.getByRole('listbox', { name: '查核項目' }).getByRole('option');
    await expect.poll(lead.ui.text(items.filter({ hasText: 'SR-04' }).first())).toContain('林甲');
    await expect
      .poll(lead.ui.text(items.filter({ hasText: 'SR-05' }).first()))
      .not.toContain('林甲');
    await leadTeam.open();
    const dashboard = lead.ui.page.getByRole('table', { name: '各查核員進度' });
    const row = await lead.ui.visible(dashboard.getByRole('row').filter({ hasText: '林甲' }));
    // Assigned: the items of section SR-04 (more than none); done: none yet.
    await expect.poll(lead.ui.text(row.getByRole('cell').nth(1))).toMatch(/^[1-9]\d*$/);
    await expect.poll(lead.ui.text(row.getByRole('cell').nth(2))).toBe('0');
    const assigned = await row.getByRole('cell').nth(1).innerText();
    const handout = await leadTeam.handOut('林甲', PACKAGE_PASS);

    await auditorTeam.openPackage(handout, {
      packagePassphrase: PACKAGE_PASS,
      label: '林甲的工作包',
      owner: '林甲',
      passphrase: 'auditor vault passphrase',
    });
    await auditorTeam.editNoteTitle('共同紀錄', '甲的標題');
    await auditor.ui.openTab('設定');
    await new SignoffPage(auditor.ui).createIdentity(SIGNER);
    // 繳回 with a generated passphrase (shown once), signed as 林甲.
    await auditorTeam.open();
    const page = auditor.ui.page;
    await page.getByRole('button', { name: '產生密碼' }).click();
    const shown = page.getByTestId('generated-passphrase');
    await expect.poll(auditor.ui.text(shown)).toMatch(/^([0-9A-Z]{5}-){4}[0-9A-Z]{5}$/);
    const returnPass = await shown.innerText();
    const signAs = page.getByLabel('以簽章身分簽署');
    const option = signAs.locator('option', { hasText: `${SIGNER.name} · ` });
    await signAs.selectOption((await option.getAttribute('value')) ?? '');
    await page.getByLabel('簽章密碼', { exact: true }).fill(SIGNER.passphrase);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '繳回' }).click();
    const file = await download;
    const returned = { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
    const altered = {
      name: 'altered-signature.awpkg',
      bytes: Buffer.from(await withAlteredSignature(returned.bytes, returnPass)),
    };

    // The lead changed the same title meanwhile.
    await lead.ui.enterVault(leadVault);
    await leadTeam.editNoteTitle('共同紀錄', '主管的標題');
    await leadTeam.open();
    const merge = leadTeam.region('合併繳回');
    // A wrong package passphrase is refused with its message, and nothing is added.
    await merge.getByLabel(PACKAGE_PASSPHRASE_LABEL).fill('not the package passphrase');
    await lead.ui.chooseFile(merge.getByRole('button', { name: '加入繳回檔案' }), {
      name: returned.name,
      mimeType: 'application/octet-stream',
      content: returned.bytes,
    });
    await expect
      .poll(lead.ui.text(merge.getByRole('alert')))
      .toContain('通關密語不正確，無法開啟此案件包');
    await expect
      .poll(() => merge.getByRole('list', { name: '繳回檔案' }).getByRole('listitem').count())
      .toBe(0);
    // A signature altered by someone holding the passphrase is refused with its reason.
    await merge.getByLabel(PACKAGE_PASSPHRASE_LABEL).fill(returnPass);
    await lead.ui.chooseFile(merge.getByRole('button', { name: '加入繳回檔案' }), {
      name: altered.name,
      mimeType: 'application/octet-stream',
      content: altered.bytes,
    });
    await expect
      .poll(lead.ui.text(merge.getByRole('alert')))
      .toContain('作者簽章與 manifest.json 不符');
    await leadTeam.previewMerge([{ file: returned, passphrase: returnPass }]);
    const packages = merge.getByRole('table', { name: '各工作包' });
    const refusedRow = packages.getByRole('row').filter({ hasText: altered.name });
    await expect.poll(lead.ui.text(refusedRow)).toContain('拒絕');
    await expect.poll(lead.ui.text(refusedRow)).toContain('作者簽章與 manifest.json 不符');
    // The signer: 林甲's key, not among the engagement's trusted signers.
    const signer = packages
      .getByRole('row')
      .filter({ hasText: '林甲' })
      .getByTestId('package-signer');
    await expect.poll(lead.ui.text(signer)).toContain('非受信任簽章者');
    await expect.poll(lead.ui.text(signer)).toMatch(/林甲 · \S+/);
    const complete = merge.getByRole('button', { name: '完成合併' });
    await expect
      .poll(lead.ui.text(merge.getByTestId('open-conflicts')))
      .toBe('尚有 1 個衝突未決定');
    // The dashboard follows the merge under way: 林甲's return is in, not merged, 1 conflict open.
    await expect
      .poll(() => dashboard.getByRole('columnheader').allInnerTexts())
      .toEqual(['查核員', '分派項目', '已完成', '已發出工作包', '已繳回', '已合併', '未決衝突']);
    const figures = () => row.getByRole('cell').allInnerTexts();
    await expect.poll(async () => (await figures()).slice(2)).toEqual(['0', '1', '1', '0', '1']);
    await expect.poll(() => complete.isDisabled()).toBe(true);
    const conflict = merge.getByLabel('衝突', { exact: true });
    await expect.poll(lead.ui.text(conflict)).toContain('主管的標題');
    await expect.poll(lead.ui.text(conflict)).toContain('甲的標題');
    await conflict
      .getByRole('row')
      .filter({ hasText: '甲的標題' })
      .getByRole('button', { name: '採用' })
      .click();
    await expect
      .poll(lead.ui.text(merge.getByTestId('open-conflicts')))
      .toBe('尚有 0 個衝突未決定');
    await expect.poll(async () => (await figures()).at(-1)).toBe('0');
    await complete.click();
    await lead.ui.visible(merge.getByRole('status').filter({ hasText: '已合併' }));
    // Merged: returned 1, merged 1, no conflict open; assigned as before, nothing done.
    await expect
      .poll(async () => (await figures()).slice(1))
      .toEqual([assigned, '0', '1', '1', '1', '0']);

    const provenance = leadTeam.region('欄位來源');
    const select = provenance.getByLabel('紀錄');
    await expect.poll(async () => (await select.locator('option').count()) > 1).toBe(true);
    await select.selectOption({ index: 1 });
    const table = provenance.getByRole('table', { name: '欄位來源' });
    await expect.poll(lead.ui.text(table)).toContain('主管選定');
    await expect.poll(lead.ui.text(table)).toContain('林甲');
    const losing = provenance.getByRole('table', { name: '保留的落選內容' });
    await expect.poll(lead.ui.text(losing)).toContain('主管的標題');

    await lead.ui.openTab('現場紀錄');
    await lead.ui.visible(
      lead.ui.page
        .getByRole('list', { name: '現場紀錄' })
        .getByRole('heading', { name: '甲的標題' }),
    );
  });
});
