import amqp, { type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../support/requirements.js';
import { type BrowserSession, openBrowser, screenshot } from './support/browser.js';
import { embeddedAmqpPort } from './support/embedded-port.js';
import { startWebConsole, type WebConsole } from './support/web-console.js';

const chromium = chromiumPath();

/** Queues ticked in the Queues table open the compare view overlaid, one line each. */
describe.skipIf(!chromium)('compare ticked queues on the embedded broker', () => {
  const queues = { deep: 'compare.e2e.deep', shallow: 'compare.e2e.shallow', other: 'compare.e2e.other' };
  let web: WebConsole;
  let session: BrowserSession;
  let connection: ChannelModel;

  beforeAll(async () => {
    web = await startWebConsole();
    connection = await amqp.connect(`amqp://guest:guest@127.0.0.1:${await embeddedAmqpPort(web)}`);
    const publisher = await connection.createConfirmChannel();
    for (const name of Object.values(queues)) await publisher.assertQueue(name, { durable: false });
    for (let i = 0; i < 12; i++) publisher.sendToQueue(queues.deep, Buffer.from(`m${i}`));
    for (let i = 0; i < 3; i++) publisher.sendToQueue(queues.shallow, Buffer.from(`m${i}`));
    await publisher.waitForConfirms();
    await publisher.close();
    session = await openBrowser(chromium as string);
  });

  afterAll(async () => {
    await connection?.close().catch(() => undefined);
    await session?.close();
    await web?.stop();
  });

  it('ticks two queues (a click and Space), compares them, and draws both', async () => {
    const { page } = session;
    await page.goto(web.url);
    await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
    await page.evaluate(() => (window.location.hash = '#/queues'));
    await page.getByRole('searchbox').fill('compare.e2e');
    await page.getByRole('checkbox', { name: `Tick queue ${queues.deep} (vhost /)` }).click({ timeout: 20_000 });
    // The keyboard: the arrows onto the shallow queue's row (sorted by name: deep, other, shallow), then Space.
    const grid = page.getByRole('grid', { name: 'Queues' });
    // The arrows count rows: wait for the filter to leave exactly the three queues of this test.
    await expect.poll(() => grid.getByRole('checkbox', { name: /^Tick queue / }).count(), { timeout: 20_000 }).toBe(3);
    await grid.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('checkbox', { name: `Tick queue ${queues.shallow} (vhost /)` }).isChecked(), { timeout: 10_000 }).toBe(true);
    expect(await page.getByRole('checkbox', { name: `Tick queue ${queues.other} (vhost /)` }).isChecked()).toBe(false);
    await screenshot(page, 'e2e-compare-ticked');

    await page.getByRole('button', { name: 'Compare 2' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/compare');
    const legend = page.getByLabel('Total messages, latest values');
    await expect.poll(() => legend.locator('dt').allTextContents(), { timeout: 20_000 }).toEqual([queues.deep, queues.shallow]);
    await expect.poll(() => legend.locator('dd').allTextContents(), { timeout: 30_000 }).toEqual(['12', '3']);
    const chart = page.getByRole('region', { name: 'Total messages chart' });
    // One line per queue, each with at least two points drawn.
    const drawn = () => chart.locator('.recharts-line-curve').evaluateAll((paths) => paths.map((p) => (p.getAttribute('d') ?? '').includes('L')));
    await expect.poll(drawn, { timeout: 20_000 }).toEqual([true, true]);
    await screenshot(page, 'e2e-compare-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'e2e-compare-dark');
    await page.evaluate(() => (window.location.hash = '#/queues'));
    await screenshot(page, 'e2e-compare-ticked-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(session.problems).toEqual([]);
  });
});
