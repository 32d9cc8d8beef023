import amqp, { type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../support/requirements.js';
import { type BrowserSession, openBrowser, screenshot } from './support/browser.js';
import { openQueuePage } from './support/chart.js';
import { embeddedAmqpPort } from './support/embedded-port.js';
import { startWebConsole, type WebConsole } from './support/web-console.js';

const chromium = chromiumPath();

/** A rule set on the queue page fires once the queue holds more than it allows: badge in Queues, line on the Overview. */
describe.skipIf(!chromium)('alerts on the embedded broker', () => {
  const queue = 'alerts.e2e.orders';
  let web: WebConsole;
  let session: BrowserSession;
  let connection: ChannelModel;

  beforeAll(async () => {
    web = await startWebConsole();
    const port = await embeddedAmqpPort(web);
    connection = await amqp.connect(`amqp://guest:guest@127.0.0.1:${port}`);
    const admin = await connection.createChannel();
    await admin.assertQueue(queue, { durable: false });
    await admin.assertQueue('alerts.e2e.quiet', { durable: false });
    await admin.close();
    session = await openBrowser(chromium as string);
  });

  afterAll(async () => {
    await connection?.close().catch(() => undefined);
    await session?.close();
    await web?.stop();
  });

  it('sets "ready above 3 for 0 s", publishes 5 messages, and sees the badge and the Overview list', async () => {
    const { page } = session;
    await page.goto(web.url);
    await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
    await openQueuePage(page, '/', queue);
    const section = page.getByRole('region', { name: 'Alerts' });
    await section.getByRole('button', { name: 'Add alert rule' }).click({ timeout: 20_000 });
    const form = section.getByRole('form', { name: 'New alert rule' });
    await form.getByLabel('Threshold').fill('3');
    await form.getByLabel('For', { exact: true }).fill('0');
    await screenshot(page, 'e2e-alerts-form');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await expect.poll(() => section.textContent(), { timeout: 10_000 }).toContain('Ready above 3');

    const publisher = await connection.createConfirmChannel();
    for (let i = 0; i < 5; i++) publisher.sendToQueue(queue, Buffer.from(`m${i}`));
    await publisher.waitForConfirms();
    await publisher.close();
    await expect.poll(() => section.getByText('Firing', { exact: true }).isVisible(), { timeout: 30_000 }).toBe(true);
    await screenshot(page, 'e2e-alerts-queue-page');

    await page.evaluate(() => (window.location.hash = '#/queues'));
    const row = page.getByRole('row').filter({ hasText: queue });
    await expect.poll(() => row.getByLabel('Alert firing').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('row').filter({ hasText: 'alerts.e2e.quiet' }).getByLabel('Alert firing').count()).toBe(0);
    await screenshot(page, 'e2e-alerts-queues-badge');

    await page.evaluate(() => (window.location.hash = '#/overview'));
    const panel = page.getByRole('region', { name: 'Firing alerts' });
    await expect.poll(() => panel.getByRole('link', { name: queue }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await panel.textContent()).toContain('1 firing');
    await screenshot(page, 'e2e-alerts-overview');
    await panel.getByRole('link', { name: queue }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/queues/%2F/${queue}`);
    expect(session.problems).toEqual([]);
  });

  it('reads in dark mode too', async () => {
    const dark = await openBrowser(chromium as string, { colorScheme: 'dark' });
    try {
      await dark.page.goto(web.url);
      const panel = dark.page.getByRole('region', { name: 'Firing alerts' });
      await expect.poll(() => panel.getByRole('link', { name: queue }).isVisible(), { timeout: 40_000 }).toBe(true);
      await screenshot(dark.page, 'e2e-alerts-overview-dark');
      await openQueuePage(dark.page, '/', queue);
      await expect.poll(() => dark.page.getByRole('region', { name: 'Alerts' }).getByText('Firing', { exact: true }).isVisible(), { timeout: 20_000 }).toBe(true);
      await dark.page.getByRole('region', { name: 'Alerts' }).getByRole('button', { name: 'Edit' }).click();
      await dark.page.getByRole('region', { name: 'Alerts' }).getByLabel('Threshold').fill('x');
      await dark.page.getByRole('region', { name: 'Alerts' }).getByRole('button', { name: 'Save rule' }).click();
      await dark.page.getByRole('region', { name: 'Alerts' }).scrollIntoViewIfNeeded();
      await screenshot(dark.page, 'e2e-alerts-form-dark-invalid');
      expect(dark.problems).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
