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

  it('"Import definitions…" opens the import\'s file chooser, and the chosen file is planned', async () => {
    const session = await openBrowser(chromium as string);
    sessions.push(session);
    const { page } = session;
    await page.goto(web.url);
    await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 60_000 }).toBe(true);
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Command' }).fill('import');
    const chooser = page.waitForEvent('filechooser', { timeout: 10_000 });
    await page.keyboard.press('Enter');
    const definitions = { rabbit_version: '3.13.0', queues: [{ name: 'palette.e2e.q', vhost: '/', durable: true, auto_delete: false, arguments: {} }] };
    await (await chooser).setFiles({ name: 'palette.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(definitions)) });
    await expect.poll(() => page.getByRole('region', { name: 'Plan' }).textContent(), { timeout: 15_000 }).toContain('palette.e2e.q');
    await screenshot(page, 'e2e-command-palette-import');
    expect(session.problems).toEqual([]);
  });
});
