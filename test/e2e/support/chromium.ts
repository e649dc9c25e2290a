/**
 * Launches Debian's Chromium (never a downloaded browser) with a fresh profile directory of
 * our own, so a spec can inspect what the browser wrote to disk after it closes.
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path): path is string => Boolean(path && existsSync(path)));
  if (!found) {
    throw new Error(
      'Chromium was not found (looked at $CHROMIUM_PATH, /usr/bin/chromium). Install it with `apt-get install -y chromium`; .ci/run does this.',
    );
  }
  return found;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  profileDir: string;
}

export interface LaunchOptions {
  /**
   * Lets a test inject a script of its own (axe-core) into the page: the app's CSP
   * (`script-src 'self'`) refuses inline scripts, as it should. Only the accessibility spec
   * asks for it; every other spec runs the app under its real CSP.
   */
  bypassCSP?: boolean;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const profileDir = await mkdtemp(join(tmpdir(), 'aw-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    acceptDownloads: true,
    locale: 'zh-TW',
    timezoneId: 'Asia/Taipei',
    viewport: { width: 1280, height: 860 },
    bypassCSP: options.bypassCSP ?? false,
  });
  return { context, profileDir };
}
