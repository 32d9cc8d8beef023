import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../support/requirements.js';
import { type BrowserSession, openBrowser, screenshot } from './support/browser.js';
import { startWebConsole, type WebConsole } from './support/web-console.js';

const chromium = chromiumPath();

/** Ctrl+K in web mode: the palette opens over the console, narrows as you type, and Enter goes there; in both themes. */
describe.skipIf(!chromium)('command palette', () => {
  let web: WebConsole;
  const sessions: BrowserSession[] = [];

  beforeAll(async () => {
    web = await startWebConsole();
  });
  afterAll(async () => {
    for (const session of sessions) await session.close();
    await web?.stop();
  });

  it.each(['light', 'dark'] as const)('opens with Ctrl+K, finds "topo" and goes to the Topology view (%s)', async (colorScheme) => {
    const session = await openBrowser(chromium as string, { colorScheme });
    sessions.push(session);
    const { page } = session;
    await page.goto(web.url);
    // The palette needs the shell only, not a connected broker.
    await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).isVisible(), { timeout: 40_000 }).toBe(true);

    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox', { name: 'Command' });
    await expect.poll(() => input.evaluate((el) => el === document.activeElement), { timeout: 5_000 }).toBe(true);
    await screenshot(page, `e2e-command-palette-open-${colorScheme}`);
    await input.fill('def');
    expect(await page.getByRole('option').allTextContents()).toEqual(['Go to DefinitionsCtrl+8g d', 'Import definitions…', 'Export definitions…']);
    await page.keyboard.press('ArrowDown');
    await screenshot(page, `e2e-command-palette-narrowed-${colorScheme}`);
    await page.keyboard.press('Escape');
    expect(await input.isVisible()).toBe(false);

    await page.keyboard.press('Control+k');
    await input.fill('topo');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.location.hash), { timeout: 5_000 }).toBe('#/topology');
    expect(session.problems).toEqual([]);
  });
});
