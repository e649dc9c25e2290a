/** One served app and one fresh Chromium profile per spec, torn down afterwards. */
import { rm } from 'node:fs/promises';
import { WorkbenchPage } from '../pages/workbench-page';
import { type LaunchOptions, launchChromium, type LaunchedBrowser } from './chromium';
import { serveBuiltApp, type ServedApp } from './serve';

export interface E2eSession {
  app: ServedApp;
  browser: LaunchedBrowser;
  ui: WorkbenchPage;
}

export async function openWorkbench(
  options: { fakeClock?: boolean } & LaunchOptions = {},
): Promise<E2eSession> {
  const app = await serveBuiltApp();
  const browser = await launchChromium(options);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  if (options.fakeClock) await page.clock.install();
  await page.goto(app.url);
  return { app, browser, ui: new WorkbenchPage(page, app.url) };
}

export async function closeWorkbench(session: E2eSession | undefined): Promise<void> {
  if (!session) return;
  await session.browser.context.close().catch(() => undefined);
  await session.app.close();
  await rm(session.browser.profileDir, { recursive: true, force: true });
}
