/**
 * Hostile files through the app's own screens, in Chromium: the workpaper import and the
 * roster import read them in their Web Workers (fflate's inflater in a browser bundle) and show
 * the refusal's zh-TW text, naming where in the file, within seconds. The full corpus, every
 * reader, memory and time: `test/hostile/hostile.test.ts`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, PASSWORD } from '../hostile/corpus';
import type { WorkbenchPage } from './pages/workbench-page';
import { closeWorkbench, type E2eSession, openWorkbench } from './support/session';

async function corpusFile(name: string): Promise<Buffer> {
  const file = CORPUS.find((f) => f.name === name);
  if (file === undefined) throw new Error(`no ${name} in the corpus`);
  return Buffer.from(await file.build());
}

describe('hostile files in the app', () => {
  let session: E2eSession | undefined;
  let ui: WorkbenchPage;
  const page = () => ui.page;

  beforeAll(async () => {
    session = await openWorkbench();
    ({ ui } = session);
    await page().getByRole('button', { name: '建立示範案件' }).click();
    await page().getByLabel('您的姓名').fill('陳稽核');
    await page().getByLabel('通關密語', { exact: true }).fill('hostile files passphrase');
    await page().getByLabel('再次輸入通關密語').fill('hostile files passphrase');
    await page().getByRole('button', { name: '建立並加密' }).click();
    await ui.visible(page().getByTestId('recovery-key'));
    await page().getByLabel('我已妥善保存復原金鑰').check();
    await page().getByRole('button', { name: '繼續' }).click();
  });

  afterAll(() => closeWorkbench(session));

  async function choose(button: string, name: string, buffer: Buffer) {
    const chooser = page().waitForEvent('filechooser');
    await page().getByRole('button', { name: button }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
  }

  /** Waits for an alert holding every one of `words`, and returns its text. */
  async function alertWith(...words: string[]): Promise<string> {
    let alert = page().getByRole('alert');
    for (const word of words) alert = alert.filter({ hasText: word });
    return (await (await ui.visible(alert)).textContent()) ?? '';
  }

  it('refuses the 1.5 GiB bomb as a returned workpaper, naming the part', async () => {
    await page().getByRole('tab', { name: '自評查核' }).click();
    await page().getByRole('button', { name: '開啟' }).click();
    await page().getByRole('button', { name: '匯入已填寫的工作底稿' }).click();
    await choose('選擇工作底稿', 'bomb.xlsx', await corpusFile('bomb-declares-10-bytes.xlsx'));
    const text = await alertWith('ZIP 炸彈', '組件 xl/worksheets/sheet1.xml');
    expect(text).toContain('宣告解壓縮後為 10 位元組');
    await page().getByRole('button', { name: '關閉' }).click();
  });

  it('refuses a protected workpaper asking for 2^31 spin rounds once its password is given', async () => {
    await page().getByRole('button', { name: '匯入已填寫的工作底稿' }).click();
    await choose('選擇工作底稿', 'spin.xlsx', await corpusFile('protected-spin-2^31.xlsx'));
    await page().getByLabel('檔案密碼').fill(PASSWORD);
    await page().getByRole('button', { name: '開啟', exact: true }).click();
    const text = await alertWith('2,147,483,648 次');
    expect(text).toContain('超過上限 500,000 次');
    await page().getByRole('button', { name: '關閉' }).click();
  });

  it('refuses a roster with a row numbered 20,000,000 and a CSV of 10 MiB of commas', async () => {
    await page().getByRole('tab', { name: '保密協議' }).click();
    await page().getByRole('button', { name: '匯入人員名冊' }).click();
    await choose('選擇檔案', 'roster.xlsx', await corpusFile('row-20000000.xlsx'));
    expect(await alertWith('第 20,000,000 列超過 Excel 的上限 1,048,576 列')).toContain(
      '工作表「Sheet1」',
    );
    await page().getByRole('button', { name: '關閉' }).click();
    await page().getByRole('button', { name: '匯入人員名冊' }).click();
    await choose('選擇檔案', 'roster.csv', await corpusFile('commas.csv'));
    expect(await alertWith('XFE 欄超過 Excel 的上限 16,384 欄')).toContain('第 1 行');
  });
});
