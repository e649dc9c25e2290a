/**
 * Team work with two auditors end to end (issue 11), three Chromium profiles on three origins:
 * the lead hands out a section to each auditor; each opens their package into a vault of their
 * own and works (an item of their own with an evidence file, the same field of one shared item
 * with different values, and one deletes a note the other edits); both send back. The lead is
 * refused a return under the wrong package passphrase and an altered return, with nothing in
 * the vault changed; then merges both returns at once, decides the two conflicts (完成合併 stays
 * disabled until then), sees where the decided field came from, watches the dashboard's
 * figures per auditor, and exports one workpaper whose checklist holds both auditors' work.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultAccess } from './pages/workbench-page';
import { type PackageFile, TeamPage } from './pages/team-page';
import { closeWorkbench, type E2eSession, openWorkbench } from './support/session';

const LEAD = '陳組長';
const INSPECTION = '團隊自評（兩位查核員）';
const LEAD_VAULT: VaultAccess = { label: '主管案件', passphrase: 'lead vault passphrase 1' };
/** The note one auditor deletes and the other edits. */
const DISPUTED_NOTE = '離職帳號訪談';

interface Auditor {
  name: string;
  section: string;
  /** An item of their own section: their result, their evidence. */
  item: string;
  work: string;
  evidence: string;
  /** Their value for the shared item's 執行之查核工作. */
  shared: string;
  packagePass: string;
  vault: VaultAccess;
}

const A: Auditor = {
  name: '林甲',
  section: 'SR-04',
  item: 'SR-04-01.1',
  work: '甲：抽查新進員工 5 名之保密切結書，均已簽署。',
  evidence: '甲-切結書抽查.txt',
  shared: '甲：調閱權限清單，離職人員帳號均已停用。',
  packagePass: 'package passphrase for A',
  vault: { label: '林甲的工作包', passphrase: 'auditor A vault passphrase' },
};
const B: Auditor = {
  name: '王乙',
  section: 'SR-05',
  item: 'SR-05-01.1',
  work: '乙：檢視資安教育訓練紀錄，全員完訓。',
  evidence: '乙-訓練紀錄.txt',
  shared: '乙：抽查 3 名離職人員，帳號於離職當日停用。',
  packagePass: 'package passphrase for B',
  vault: { label: '王乙的工作包', passphrase: 'auditor B vault passphrase' },
};
/** In A's section, worked on by both: the field conflict. */
const SHARED_ITEM = 'SR-04-01.2';
const B_NOTE_TITLE = '離職帳號訪談（乙補充）';

const evidenceText = (who: Auditor) => `${who.name}查核時取得之佐證內容。`;

const excelBuffer = (bytes: Uint8Array) => bytes as unknown as ExcelJS.Buffer;

function column(sheet: ExcelJS.Worksheet, header: string): number {
  const row = sheet.getRow(1);
  for (let c = 1; c <= sheet.columnCount; c++) if (row.getCell(c).text === header) return c;
  throw new Error(`no column ${header} in ${sheet.name}`);
}

/** The same bytes with one flipped near the end: age's last chunk no longer authenticates. */
function altered(file: PackageFile): PackageFile {
  const bytes = Buffer.from(file.bytes);
  const at = bytes.length - 20;
  bytes.writeUInt8(bytes.readUInt8(at) ^ 0x01, at);
  return { name: `altered-${file.name}`, bytes };
}

describe('team work: two auditors, one merge', () => {
  const sessions: E2eSession[] = [];
  /** The three profiles: the lead's, A's and B's. */
  let leadTeam: TeamPage;
  const teams = new Map<Auditor, TeamPage>();

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) sessions.push(await openWorkbench());
    const [lead, a, b] = sessions.map((s) => new TeamPage(s.ui));
    if (!lead || !a || !b) throw new Error('no browsers');
    leadTeam = lead;
    teams.set(A, a).set(B, b);
    await lead.ui.createVault({ ...LEAD_VAULT, entity: '示範產險', owner: LEAD });
    await lead.ui.addNote(DISPUTED_NOTE, '人事單位說明離職帳號停用流程。');
    await lead.ui.openTab('自評查核');
    await lead.ui.createInspection(INSPECTION);
  });

  afterAll(async () => {
    for (const session of sessions.reverse()) await closeWorkbench(session);
  });

  const teamOf = (who: Auditor): TeamPage => {
    const team = teams.get(who);
    if (!team) throw new Error(`no browser for ${who.name}`);
    return team;
  };
  /** An auditor row's figures after the name: assigned, done, handed out, returned, merged, open. */
  const figures = (who: Auditor) => leadTeam.figures(who.name);

  /** The lead gives each auditor a section and writes each a package. */
  async function handOut(): Promise<{ a: PackageFile; b: PackageFile }> {
    await leadTeam.ui.enterVault(LEAD_VAULT);
    await leadTeam.open();
    await leadTeam.assignSection(A.section, A.name);
    await leadTeam.assignSection(B.section, B.name);
    for (const who of [A, B]) {
      await expect
        .poll(figures(who))
        .toEqual([expect.stringMatching(/^[1-9]\d*$/), '0', '0', '0', '0', '0']);
    }
    const a = await leadTeam.handOut(A.name, A.packagePass);
    const b = await leadTeam.handOut(B.name, B.packagePass);
    await expect.poll(async () => (await figures(B)())[2]).toBe('1');
    return { a, b };
  }

  /** An auditor opens their package, works on their item and the shared one, and sends back. */
  async function work(
    who: Auditor,
    handout: PackageFile,
    notes: (team: TeamPage) => Promise<void>,
  ) {
    const team = teamOf(who);
    const { ui } = team;
    await team.openPackage(handout, {
      packagePassphrase: who.packagePass,
      label: who.vault.label,
      owner: who.name,
      passphrase: who.vault.passphrase,
    });
    await ui.openTab('自評查核');
    await ui.openInspection(INSPECTION);
    const item = await ui.recordResult(who.item, '符合', who.work);
    await ui.attachEvidence(item, who.evidence, evidenceText(who));
    await ui.recordResult(SHARED_ITEM, '符合', who.shared);
    await notes(team);
    return team.sendBack(who.packagePass);
  }

  /** A wrong passphrase and an altered file are refused, and the lead's vault is as it was. */
  async function refusals(returned: { a: PackageFile; b: PackageFile }) {
    const { ui } = leadTeam;
    await ui.enterVault(LEAD_VAULT, '現場紀錄');
    const notes = ui.page.getByRole('list', { name: '現場紀錄' });
    await ui.visible(notes.getByRole('heading', { name: DISPUTED_NOTE }));
    const notesBefore = await notes.innerText();
    const trail = await leadTeam.trailStatus();
    await expect.poll(ui.text(trail)).toMatch(/^軌跡完整：\d+ 筆/);
    const trailBefore = await trail.innerText();

    await leadTeam.open();
    const alert = leadTeam.merge.getByRole('alert');
    await leadTeam.addReturn(returned.a, B.packagePass);
    await expect.poll(ui.text(alert)).toContain('通關密語不正確，無法開啟此案件包');
    await leadTeam.addReturn(altered(returned.b), B.packagePass);
    await expect
      .poll(ui.text(alert))
      .toContain('案件包已損壞、被截斷或遭修改（加密驗證失敗），未予讀取');
    await expect.poll(() => leadTeam.returnFiles().count()).toBe(0);
    for (const who of [A, B]) {
      await expect.poll(async () => (await figures(who)()).slice(3)).toEqual(['0', '0', '0']);
    }

    // Nothing written: the same trail (no entry added) and the same notes.
    await expect.poll(ui.text(await leadTeam.trailStatus())).toBe(trailBefore);
    await ui.openTab('現場紀錄');
    await expect.poll(() => notes.innerText()).toBe(notesBefore);
  }

  /** Both returns at once; the two conflicts decided; 完成合併 only then. */
  async function mergeBoth(returned: { a: PackageFile; b: PackageFile }) {
    const { ui } = leadTeam;
    await ui.enterVault(LEAD_VAULT);
    await leadTeam.open();
    await leadTeam.previewMerge([
      { file: returned.a, passphrase: A.packagePass },
      { file: returned.b, passphrase: B.packagePass },
    ]);
    const open = ui.text(leadTeam.openConflicts());
    const disabled = () => leadTeam.completeButton().isDisabled();
    await expect.poll(open).toBe('尚有 2 個衝突未決定');
    await expect.poll(disabled).toBe(true);
    const conflicts = leadTeam.merge.getByRole('listbox', { name: '衝突清單' });
    await expect
      .poll(() => conflicts.getByRole('option').allInnerTexts())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('itemResults · workPerformed'),
          expect.stringContaining('notes · 刪除與修改'),
        ]),
      );
    // Both returns are in, none merged yet; each auditor holds a side of both conflicts.
    for (const who of [A, B]) {
      await expect
        .poll(async () => (await figures(who)()).slice(1))
        .toEqual(['0', '1', '1', '0', '2']);
    }

    const field = await leadTeam.showConflict('itemResults · workPerformed');
    await expect.poll(ui.text(field)).toContain(A.shared);
    await expect.poll(ui.text(field)).toContain(B.shared);
    await leadTeam.keep(field, A.name);
    await expect.poll(open).toBe('尚有 1 個衝突未決定');
    await expect.poll(disabled).toBe(true);

    const deletion = await leadTeam.showConflict('notes · 刪除與修改');
    await expect.poll(ui.text(deletion)).toContain('（已刪除）');
    await expect.poll(ui.text(deletion)).toContain('（保留紀錄）');
    await leadTeam.keep(deletion, B.name);
    await expect.poll(open).toBe('尚有 0 個衝突未決定');
    await expect.poll(disabled).toBe(false);
    await leadTeam.completeMerge();
  }

  /** Where the decided field came from; the figures per auditor once merged. */
  async function afterMerge(assigned: { a: string; b: string }) {
    const { ui } = leadTeam;
    const { fields, losing } = await leadTeam.provenanceOf(`itemResults · ${SHARED_ITEM}`);
    const decided = fields.getByRole('row').filter({ hasText: 'workPerformed' });
    await expect.poll(ui.text(decided)).toContain('主管選定');
    await expect.poll(ui.text(decided)).toContain(A.name);
    await expect.poll(ui.text(decided)).toContain(LEAD);
    await expect.poll(ui.text(losing)).toContain(B.shared);
    await expect.poll(ui.text(losing)).toContain(B.name);

    // Done: A's own item and the shared one (both in A's section); B's own item.
    await expect.poll(figures(A)).toEqual([assigned.a, '2', '1', '1', '1', '0']);
    await expect.poll(figures(B)).toEqual([assigned.b, '1', '1', '1', '1', '0']);

    // The edit was kept over the deletion.
    await ui.openTab('現場紀錄');
    const notes = ui.page.getByRole('list', { name: '現場紀錄' });
    await ui.visible(notes.getByRole('heading', { name: B_NOTE_TITLE }));
  }

  /** The consolidated workpaper: both auditors' text, files and names on the checklist. */
  async function workpaper() {
    const { ui } = leadTeam;
    await ui.enterInspection(LEAD_VAULT, INSPECTION);
    // Each auditor's evidence arrived with its bytes: the lead's preview shows its text.
    for (const who of [A, B]) {
      const item = await ui.openItem(who.item);
      const preview = await leadTeam.viewEvidence(item, who.evidence);
      await expect.poll(ui.text(preview)).toContain(evidenceText(who));
      await preview.getByRole('button', { name: '關閉' }).click();
      await preview.waitFor({ state: 'detached' });
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(excelBuffer(await leadTeam.exportWorkpaper()));
    const sheet = workbook.getWorksheet('查核項目');
    if (!sheet) throw new Error('no checklist sheet');
    const cell = (item: string, header: string) => {
      const code = column(sheet, '項目編號');
      for (let r = 2; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        if (row.getCell(code).text === item) return row.getCell(column(sheet, header)).text;
      }
      throw new Error(`no row ${item}`);
    };
    for (const who of [A, B]) {
      expect(cell(who.item, '執行之查核工作')).toBe(who.work);
      expect(cell(who.item, '佐證檔案')).toBe(who.evidence);
      expect(cell(who.item, '編製人員')).toBe(`${who.name}（合併自繳回工作包）`);
    }
    expect(cell(SHARED_ITEM, '執行之查核工作')).toBe(A.shared);
    // Both worked on the shared item (in either order, by their packages); the lead decided one field.
    expect(cell(SHARED_ITEM, '編製人員')).toMatch(
      new RegExp(
        `^(${A.name}、${B.name}|${B.name}、${A.name})（合併自繳回工作包；主管決定 1 欄）$`,
      ),
    );
  }

  it('hands out to two auditors, refuses bad returns, merges both with the conflicts decided', async () => {
    const handouts = await handOut();
    // The assigned figures, polled non-zero during the hand-out, stay as they are.
    const assigned = { a: (await figures(A)())[0] ?? '', b: (await figures(B)())[0] ?? '' };
    const returned = {
      a: await work(A, handouts.a, (team) => team.deleteNote(DISPUTED_NOTE)),
      b: await work(B, handouts.b, (team) => team.editNoteTitle(DISPUTED_NOTE, B_NOTE_TITLE)),
    };
    await refusals(returned);
    await mergeBoth(returned);
    await afterMerge(assigned);
    await workpaper();
  }, 240_000);
});
