import { readFileSync } from 'node:fs';
import amqp, { type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../support/requirements.js';
import { type BrowserSession, openBrowser, RESULTS_DIR, screenshot } from './support/browser.js';
import { depthLegend, openQueuePage, publishSteadily, slowConsumer, type SlowConsumer } from './support/chart.js';
import { embeddedAmqpPort } from './support/embedded-port.js';
import { startWebConsole, type WebConsole } from './support/web-console.js';

const chromium = chromiumPath();
const PREFETCH = 5;

/**
 * Issue 7's end-to-end check on the embedded broker: a publisher outpaces a
 * slow consumer (manual ack, prefetch 5), and the queue page's chart shows
 * ready climbing while unacked stays at the prefetch, then both draining.
 */
describe.skipIf(!chromium)('queue chart: a slow consumer on the embedded broker', () => {
  const queue = `chart demo ${process.pid}.q`;
  let web: WebConsole;
  let session: BrowserSession;
  let connection: ChannelModel;
  let consumer: SlowConsumer;
  const seen: { ready: number; unacked: number }[] = [];

  beforeAll(async () => {
    web = await startWebConsole();
    const port = await embeddedAmqpPort(web);
    connection = await amqp.connect(`amqp://guest:guest@127.0.0.1:${port}`);
    session = await openBrowser(chromium as string);
  });

  afterAll(async () => {
    await consumer?.close();
    await connection?.close().catch(() => undefined);
    await session?.close();
    await web?.stop();
  });

  it('opens the queue page from its address', async () => {
    const { page } = session;
    const setup = await connection.createChannel();
    await setup.assertQueue(queue, { durable: false });
    await setup.close();
    await page.goto(web.url);
    await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
    await openQueuePage(page, '/', queue);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: queue }).isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => depthLegend(page), { timeout: 20_000 }).toEqual({ ready: 0, unacked: 0 });
  });

  it('shows ready climbing while unacked is held at the prefetch, then both draining', async () => {
    const { page } = session;
    consumer = await slowConsumer(connection, queue, PREFETCH, 400);
    await publishSteadily(connection, queue, 25, 10, async () => {
      const legend = await depthLegend(page);
      if (legend) seen.push(legend);
    });
    await expect.poll(() => depthLegend(page), { timeout: 15_000 }).toSatisfy((l) => l !== null && l.ready > 150);
    const climbing = await depthLegend(page);
    expect(climbing?.unacked).toBe(PREFETCH);
    // The crosshair on the newest points, at the right of the plot.
    const plot = page.getByRole('region', { name: 'Ready and unacked chart' }).locator('svg.recharts-surface');
    const box = await plot.boundingBox();
    await page.mouse.move(box!.x + box!.width - 30, box!.y + box!.height / 2);
    await expect.poll(() => page.getByRole('tooltip').filter({ hasText: 'Ready' }).isVisible(), { timeout: 5000 }).toBe(true);
    await screenshot(page, 'e2e-queue-chart-climbing');

    consumer.speedUp();
    await expect.poll(() => depthLegend(page), { timeout: 40_000, interval: 500 }).toEqual({ ready: 0, unacked: 0 });
    await page.mouse.move(0, 0);
    // The consumer joining is an event: a dashed line in the chart.
    expect(await page.getByRole('region', { name: 'Ready and unacked chart' }).locator('.chart-markers line').count()).toBeGreaterThan(0);
    await screenshot(page, 'e2e-queue-chart-drained');
    await page.locator('.queue-page').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await screenshot(page, 'e2e-queue-page-details');
    await page.locator('.queue-page').evaluate((el) => el.scrollTo(0, 0));

    // Ready rose sample after sample while the consumer held its prefetch.
    const loaded = seen.filter((s) => s.ready > 20);
    expect(loaded.length).toBeGreaterThan(3);
    expect(loaded.every((s) => s.unacked === PREFETCH)).toBe(true);
    expect(loaded.at(-1)!.ready).toBeGreaterThan(loaded[0]!.ready);
  });

  it('exports the chart as CSV whose rows tell the same story', async () => {
    const { page } = session;
    const depth = page.getByRole('region', { name: 'Ready and unacked chart' });
    const [download] = await Promise.all([page.waitForEvent('download'), depth.getByRole('button', { name: 'CSV' }).click()]);
    const csv = readFileSync((await download.path()) as string, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('time,epoch_ms,unacked,ready');
    const rows = csv.slice(1).map((line) => line.split(',')).filter((cells) => cells[2] !== '').map((cells) => ({ unacked: Number(cells[2]), ready: Number(cells[3]) }));
    const peak = Math.max(...rows.map((r) => r.ready));
    expect(peak).toBeGreaterThan(150);
    const peakAt = rows.findIndex((r) => r.ready === peak);
    expect(rows[peakAt]!.unacked).toBe(PREFETCH);
    expect(rows.at(-1)).toEqual({ unacked: 0, ready: 0 });
    const [png] = await Promise.all([page.waitForEvent('download'), depth.getByRole('button', { name: 'PNG' }).click()]);
    const image = readFileSync((await png.path()) as string);
    expect(image.subarray(1, 4).toString()).toBe('PNG');
    await png.saveAs(`${RESULTS_DIR}/e2e-queue-chart-export.png`);
    // The rates chart saw the publisher.
    const publish = await page.getByLabel('Message rates, latest values').textContent();
    expect(publish).toMatch(/Publish/);
    expect(session.problems).toEqual([]);
  });

  it('shows a sparkline in the Queues table and overlays queues in the Compare view', async () => {
    const { page } = session;
    const setup = await connection.createChannel();
    const other = `${queue} (other)`;
    await setup.assertQueue(other, { durable: false });
    await setup.close();
    await page.getByRole('link', { name: 'Compare with other queues' }).click();
    await expect.poll(() => page.getByRole('checkbox', { name: queue, exact: true }).isChecked(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.getByRole('checkbox', { name: other, exact: true }).isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByRole('checkbox', { name: other, exact: true }).check();
    await expect.poll(() => page.getByLabel('Total messages, latest values').textContent(), { timeout: 10_000 }).toContain(other);
    await screenshot(page, 'e2e-compare-queues');

    await page.evaluate(() => (window.location.hash = '#/queues'));
    const row = page.getByRole('row').filter({ hasText: queue }).first();
    await expect.poll(() => row.getByRole('img', { name: /Total over the last 5 minutes/ }).count(), { timeout: 15_000 }).toBe(1);
    await screenshot(page, 'e2e-queues-sparklines');
    expect(session.problems).toEqual([]);
  });

  it('draws the same chart legibly in the dark theme', async () => {
    const dark = await openBrowser(chromium as string, { colorScheme: 'dark' });
    try {
      await dark.page.goto(web.url);
      await expect.poll(() => dark.page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
      await openQueuePage(dark.page, '/', queue);
      await expect.poll(() => depthLegend(dark.page), { timeout: 20_000 }).toEqual({ ready: 0, unacked: 0 });
      await screenshot(dark.page, 'e2e-queue-chart-dark');
      await dark.page.evaluate(() => (window.location.hash = '#/overview'));
      await expect.poll(() => dark.page.getByRole('region', { name: 'Ready and unacked chart' }).isVisible(), { timeout: 10_000 }).toBe(true);
      await screenshot(dark.page, 'e2e-overview-charts-dark');
      expect(dark.problems).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
