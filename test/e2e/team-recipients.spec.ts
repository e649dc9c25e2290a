/**
 * Packages encrypted to people, end to end, with no package passphrase anywhere: the auditor
 * makes a signing identity and its signer card with the command-line tool; the lead, in the
 * app, imports the card under 受信任簽章者 and hands out a package encrypted to 林甲 (and to
 * the lead, who signs it); the auditor opens it in another browser profile with the identity
 * file, which is kept in the new vault, and sends back encrypted to the lead; the lead opens
 * the return in 合併 with the vault's identity. The CLI opens both packages with the identity
 * files (the lead's exported from the app), so the files the app writes are the documented ones.
 * Then 林甲 renews their identity and the lead's 更換金鑰 retires the old key for the new one.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAgeHeader } from '../../shared/package/age-header';
import type { VaultAccess } from './pages/workbench-page';
import { SignoffPage } from './pages/signoff-page';
import type { PackageFile } from './pages/team-page';
import { runCli } from './support/cli';
import { closeWorkbench, type E2eSession, openWorkbench } from './support/session';

const LEAD = { name: '張組長', role: '核定', passphrase: 'lead signing passphrase' } as const;
const LIN = { name: '林甲', passphrase: 'auditor signing passphrase' } as const;

describe('packages encrypted to trusted signers, out and back', () => {
  let lead: E2eSession | undefined;
  let auditor: E2eSession | undefined;
  let dir = '';
  const leadVault: VaultAccess = { label: '主管案件', passphrase: 'lead vault passphrase 1' };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'aw-e2e-recipients-'));
    lead = await openWorkbench();
    auditor = await openWorkbench();
    await lead.ui.createVault({ ...leadVault, entity: '示範產險', owner: '張組長' });
    await lead.ui.addNote('共同紀錄', '訪談紀錄。');
  });

  afterAll(async () => {
    await closeWorkbench(auditor);
    await closeWorkbench(lead);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('hands out to 林甲, merges the return without a package passphrase, then replaces 林甲’s key', async () => {
    if (!lead || !auditor) throw new Error('no browsers');
    const file = (name: string) => join(dir, name);
    // 林甲, on their own laptop, with the command-line tool.
    await writeFile(file('lin.pass'), `${LIN.passphrase}\n`);
    const pass = ['--signing-passphrase-file', file('lin.pass')];
    const made = await runCli(['identity', '--new', file('lin.json'), '--name', LIN.name, ...pass]);
    expect(made.code, made.stderr).toBe(0);
    const card = await runCli(['identity', '--age-recipient', file('lin.json'), ...pass]);
    expect(card.code, card.stderr).toBe(0);

    // The lead: own identity, then 林甲's card read from its file.
    const page = lead.ui.page;
    await lead.ui.openTab('設定');
    const signoff = new SignoffPage(lead.ui);
    await signoff.createIdentity(LEAD);
    const signers = page.getByRole('region', { name: '受信任簽章者' });
    const addForm = signers.getByRole('form', { name: '新增受信任簽章者' });
    await lead.ui.chooseFile(addForm.getByRole('button', { name: '從檔案讀取…' }), {
      name: 'lin.age-recipient.json',
      mimeType: 'application/json',
      content: card.stdout,
    });
    await lead.ui.visible(addForm.getByText('簽章收件卡：將一併加入'));
    await addForm.getByLabel('簽核角色').selectOption({ label: '編製' });
    await addForm.getByRole('button', { name: '新增', exact: true }).click();
    const linRow = signers.getByRole('row').filter({ hasText: LIN.name });
    await expect.poll(lead.ui.text(linRow)).toContain('可加密給此人');
    await expect
      .poll(
        lead.ui.text(
          signers
            .getByRole('row')
            .filter({ has: page.getByRole('cell', { name: LEAD.name, exact: true }) }),
        ),
      )
      .toContain('可加密給此人');
    // The lead's identity file, exported for the CLI check below.
    const leadIdentity = await download(lead, () =>
      page
        .getByRole('list', { name: '本案件庫的簽章身分' })
        .getByRole('button', { name: '匯出身分檔' })
        .click(),
    );
    await writeFile(file('lead.json'), leadIdentity.bytes);

    // 發出工作包 to 林甲, encrypted to recipients, signed by the lead.
    await lead.ui.page.getByRole('tab', { name: '團隊分工', exact: true }).click();
    const handOut = page.getByRole('region', { name: '發出工作包' });
    await handOut.getByLabel('查核員').fill(LIN.name);
    await chooseRecipients(handOut, LIN.name, LEAD);
    const handout = await download(lead, () =>
      handOut.getByRole('button', { name: '寫出工作包' }).click(),
    );
    const header = readAgeHeader(handout.bytes);
    expect(header.mode).toBe('recipients');
    expect(header.stanzas.filter((s) => s === 'X25519')).toHaveLength(2);

    // 林甲 opens it with the identity file, kept in the new vault.
    const a = auditor.ui.page;
    await auditor.ui.gotoVaultList();
    await a.getByRole('button', { name: '開啟工作包' }).click();
    await auditor.ui.chooseFile(a.getByRole('button', { name: '選擇工作包檔案' }), {
      name: handout.name,
      mimeType: 'application/octet-stream',
      content: handout.bytes,
    });
    await auditor.ui.visible(a.getByText('此工作包加密給收件者'));
    await auditor.ui.chooseFile(a.getByRole('button', { name: '選擇身分檔' }), {
      name: 'lin.json',
      mimeType: 'application/json',
      content: await readFile(file('lin.json')),
    });
    await expect.poll(auditor.ui.text(a.getByTestId('picked-identity'))).toContain(LIN.name);
    await a.getByLabel('簽章密碼', { exact: true }).fill(LIN.passphrase);
    await a.getByLabel('案件庫名稱').fill('林甲的工作包');
    await a.getByLabel('您的姓名').fill(LIN.name);
    await auditor.ui.fillNewPassphrase('auditor vault passphrase');
    await a.getByRole('button', { name: '開啟成新案件庫' }).click();
    await auditor.ui.readRecoveryKey({ timeout: 60_000 });
    await auditor.ui.confirmRecoveryKey();
    await auditor.ui.openTab('設定');
    await auditor.ui.visible(
      a.getByRole('list', { name: '本案件庫的簽章身分' }).getByText(LIN.name),
    );

    // 繳回, encrypted to the lead, signed by 林甲.
    await a.getByRole('tab', { name: '團隊分工', exact: true }).click();
    const back = a.locator('form').filter({ has: a.getByRole('button', { name: '繳回' }) });
    await chooseRecipients(back, LEAD.name, LIN);
    const returned = await download(auditor, () =>
      back.getByRole('button', { name: '繳回' }).click(),
    );
    expect(readAgeHeader(returned.bytes).mode).toBe('recipients');

    // The CLI opens each with the identity file it was encrypted to.
    await writeFile(file('handout.awpkg'), handout.bytes);
    await writeFile(file('return.awpkg'), returned.bytes);
    const handoutInfo = await runCli([
      'package-info',
      file('handout.awpkg'),
      '--identity',
      file('lin.json'),
      ...pass,
    ]);
    expect(handoutInfo.code, handoutInfo.stderr).toBe(0);
    await writeFile(file('lead.pass'), `${LEAD.passphrase}\n`);
    const returnInfo = await runCli([
      'package-info',
      file('return.awpkg'),
      '--identity',
      file('lead.json'),
      '--signing-passphrase-file',
      file('lead.pass'),
    ]);
    expect(returnInfo.code, returnInfo.stderr).toBe(0);
    expect(returnInfo.stdout).toContain(LIN.name);

    // The lead's 合併: the return opens with the vault's identity, no passphrase typed.
    await lead.ui.enterVault(leadVault);
    await page.getByRole('tab', { name: '團隊分工', exact: true }).click();
    const merge = page.getByRole('region', { name: '合併繳回' });
    const openAs = merge.getByLabel('以簽章身分開啟加密給您的繳回');
    const option = openAs.locator('option', { hasText: `${LEAD.name} · ` });
    await openAs.selectOption((await option.getAttribute('value')) ?? '');
    await merge.getByLabel('簽章密碼', { exact: true }).fill(LEAD.passphrase);
    await lead.ui.chooseFile(merge.getByRole('button', { name: '加入繳回檔案' }), {
      name: returned.name,
      mimeType: 'application/octet-stream',
      content: returned.bytes,
    });
    const files = merge.getByRole('list', { name: '繳回檔案' }).getByRole('listitem');
    await expect.poll(lead.ui.text(files.first()), { timeout: 60_000 }).toContain(LIN.name);

    // 林甲 loses the laptop and makes a new identity: 更換金鑰 with its card. The old key is
    // retired naming the new one, which keeps 林甲's role and can be encrypted to.
    const renewed = await runCli([
      'identity',
      '--new',
      file('lin2.json'),
      '--name',
      LIN.name,
      ...pass,
    ]);
    expect(renewed.code, renewed.stderr).toBe(0);
    const newCard = await runCli(['identity', '--age-recipient', file('lin2.json'), ...pass]);
    const newFingerprint = (JSON.parse(newCard.stdout) as { fingerprint: string }).fingerprint;
    await lead.ui.openTab('設定');
    await linRow.getByRole('button', { name: '更換金鑰…' }).click();
    const replace = signers.getByRole('form', { name: /^更換 林甲 的金鑰/ });
    await replace.getByLabel('新的公鑰或簽章收件卡（檔案內容）').fill(newCard.stdout);
    await replace.getByRole('button', { name: '更換', exact: true }).click();
    const linRows = signers.getByRole('row').filter({ hasText: LIN.name });
    await expect.poll(() => linRows.count()).toBe(2);
    await expect
      .poll(lead.ui.text(linRows.filter({ hasText: newFingerprint })))
      .toMatch(/編製.*可加密給此人/s);
    await expect
      .poll(lead.ui.text(linRows.filter({ hasNotText: newFingerprint })))
      .toContain('已停用');
  });
});

/** Picks 加密給收件者, ticks `recipient`, signs as `signer` (whose own entry is a recipient too). */
async function chooseRecipients(
  form: Locator,
  recipient: string,
  signer: { name: string; passphrase: string },
): Promise<void> {
  await form.getByRole('radio', { name: '加密給收件者（免密碼）' }).check();
  await form.getByRole('checkbox', { name: new RegExp(`^${recipient} · `) }).check();
  const signAs = form.getByLabel('以簽章身分簽署');
  const option = signAs.locator('option', { hasText: `${signer.name} · ` });
  await signAs.selectOption((await option.getAttribute('value')) ?? '');
  await form.getByLabel('簽章密碼', { exact: true }).fill(signer.passphrase);
  // The signer's own entry is ticked and fixed once they sign.
  const own = form.getByRole('checkbox', { name: new RegExp(`^${signer.name} · `) });
  await expect.poll(() => own.isChecked()).toBe(true);
  await expect.poll(() => own.isDisabled()).toBe(true);
}

/** What `click` makes the page download. */
async function download(session: E2eSession, click: () => Promise<void>): Promise<PackageFile> {
  const next = session.ui.page.waitForEvent('download');
  await click();
  const file = await next;
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}
