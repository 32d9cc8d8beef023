import path from 'node:path';
import amqp from 'amqplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../support/requirements.js';
import { type BrowserSession, openBrowser, RESULTS_DIR, screenshot } from './support/browser.js';
import { openQueuePage } from './support/chart.js';
import { embeddedAmqpPort } from './support/embedded-port.js';
import { startWebConsole, type WebConsole } from './support/web-console.js';

const chromium = chromiumPath();

/** --bg and --chart-grid of each palette (renderer/styles/tokens.css), as the browser reports them. */
const LIGHT = { page: 'rgb(255, 255, 255)', grid: '#ececef', queue: [0x1f, 0x9d, 0x55] };
const DARK = { page: 'rgb(21, 22, 25)', grid: '#26272d', queue: [0x3c, 0xc2, 0x7a] };

const pageBackground = (page: Page): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const chartGrid = (page: Page): Promise<string | null> =>
  page.getByRole('region', { name: 'Ready and unacked chart' }).locator('.recharts-cartesian-grid-horizontal line').first().getAttribute('stroke');
const pressed = (page: Page): Promise<string[]> => page.getByRole('group', { name: 'Theme' }).getByRole('button', { pressed: true }).allTextContents();

/** Whether the topology minimap canvas has queue nodes painted in this colour (opaque pixels within a small distance). */
function minimapHasColour(page: Page, rgb: number[]): Promise<boolean> {
  return page.locator('.topology__minimap canvas').evaluate((canvas: HTMLCanvasElement, [r, g, b]) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! >= 250 && Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) <= 12) return true;
    }
    return false;
  }, rgb);
}

/**
 * Issue 9's "dark/light following the OS with an override", in web mode: the
 * top bar's System / Light / Dark forces a theme against the browser's own
 * setting, everywhere (page, charts, the topology canvas), and a reload keeps it.
 */
describe.skipIf(!chromium)('theme override in web mode, on the embedded broker', () => {
  const queue = `theme demo ${process.pid}.q`;
  let web: WebConsole;
  let session: BrowserSession;

  beforeAll(async () => {
    web = await startWebConsole();
    const connection = await amqp.connect(`amqp://guest:guest@127.0.0.1:${await embeddedAmqpPort(web)}`);
    const ch = await connection.createChannel();
    await ch.assertQueue(queue, { durable: false });
    await connection.close();
    session = await openBrowser(chromium as string, { colorScheme: 'light' });
  });

  afterAll(async () => {
    await session?.close();
    await web?.stop();
  });

  it('follows the light system until Dark is picked, then the page and the queue chart turn dark', async () => {
    const { page } = session;
    await page.goto(web.url);
    await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
    await openQueuePage(page, '/', queue);
    await expect.poll(() => chartGrid(page), { timeout: 20_000 }).toBe(LIGHT.grid);
    expect(await pressed(page)).toEqual(['System']);
    expect(await pageBackground(page)).toBe(LIGHT.page);

    await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: 'Dark' }).click();
    expect(await pressed(page)).toEqual(['Dark']);
    await expect.poll(() => pageBackground(page)).toBe(DARK.page);
    await expect.poll(() => chartGrid(page)).toBe(DARK.grid);
    expect(await page.locator('.chart-panel').first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(27, 28, 32)');
    await screenshot(page, 'e2e-theme-dark-forced-on-light-system');
  });

  it('paints the topology canvas in the forced dark, and a reload keeps the choice', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Topology' }).click();
    await expect.poll(() => page.getByTestId('topology').getAttribute('data-layout-runs'), { timeout: 30_000 }).not.toBe('0');
    await expect.poll(() => minimapHasColour(page, DARK.queue), { timeout: 15_000 }).toBe(true);
    expect(await minimapHasColour(page, LIGHT.queue)).toBe(false);
    expect(await page.getByTestId('topology').evaluate((el) => getComputedStyle(el).getPropertyValue('--topo-edge').trim())).toBe('#60636e');
    await screenshot(page, 'e2e-theme-dark-topology');

    await page.reload();
    await expect.poll(() => page.getByTestId('topology').getAttribute('data-layout-runs'), { timeout: 30_000 }).not.toBe('0');
    expect(await pressed(page)).toEqual(['Dark']);
    expect(await pageBackground(page)).toBe(DARK.page);
    await expect.poll(() => minimapHasColour(page, DARK.queue), { timeout: 15_000 }).toBe(true);
  });

  it('forces Light against a dark system, and System follows the system again', async () => {
    const { page } = session;
    await page.emulateMedia({ colorScheme: 'dark' });
    // By keyboard this time: the control is three ordinary buttons in the tab order.
    await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: 'System' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect.poll(() => pageBackground(page)).toBe(LIGHT.page);
    expect(await pressed(page)).toEqual(['Light']);
    await page.locator('.topbar').screenshot({ path: path.join(RESULTS_DIR, 'e2e-theme-toggle-focused.png') });
    await expect.poll(() => minimapHasColour(page, LIGHT.queue)).toBe(true);
    await openQueuePage(page, '/', queue);
    await expect.poll(() => chartGrid(page), { timeout: 20_000 }).toBe(LIGHT.grid);
    await screenshot(page, 'e2e-theme-light-forced-on-dark-system');

    await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: 'System' }).click();
    await expect.poll(() => pageBackground(page)).toBe(DARK.page);
    await expect.poll(() => chartGrid(page)).toBe(DARK.grid);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => chartGrid(page)).toBe(LIGHT.grid);
    expect(session.problems).toEqual([]);
  });
});
