import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../support/requirements.js';

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far: a clean page has none. */
  problems: string[];
  close(): Promise<void>;
}

export async function openBrowser(executablePath: string, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<BrowserSession> {
  const profileDir = mkdtempSync(path.join(tmpdir(), 'warren-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export const RESULTS_DIR = path.resolve('test-results');

/** Saves a full-page screenshot for review under test-results/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
