import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, RABBITMQ_MANAGEMENT_URL, RABBITMQ_URL, rabbitAvailable } from '../support/requirements.js';
import { type BrowserSession, openBrowser, screenshot } from './support/browser.js';
import { startWebConsole, type WebConsole } from './support/web-console.js';

const rabbit = await rabbitAvailable();
const chromium = chromiumPath();

describe.skipIf(!rabbit || !chromium)('web console against a real RabbitMQ', () => {
  const queue = `warren.e2e.depth-${process.pid}-${Date.now()}`;
  let web: WebConsole;
  let session: BrowserSession;
  let connection: amqp.ChannelModel;

  beforeAll(async () => {
    web = await startWebConsole(['--no-embedded']);
    session = await openBrowser(chromium as string);
    connection = await amqp.connect(RABBITMQ_URL);
  });

  afterAll(async () => {
    if (connection) {
      const ch = await connection.createChannel();
      await ch.deleteQueue(queue);
      await connection.close();
    }
    await session?.close();
    await web?.stop();
  });

  it('adds a profile for the local RabbitMQ, tests it and connects', async () => {
    const { page } = session;
    await page.goto(web.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Add a broker' }).isVisible()).toBe(true);

    const rabbitUrl = new URL(RABBITMQ_URL);
    await page.getByLabel('Name', { exact: true }).fill('Local RabbitMQ');
    await page.getByLabel('AMQP URI').fill(`amqp://${rabbitUrl.host}/`);
    await page.getByLabel('Management URL').fill(RABBITMQ_MANAGEMENT_URL);
    await page.getByLabel('Username').fill(decodeURIComponent(rabbitUrl.username || 'guest'));
    await page.getByLabel('Password').fill(decodeURIComponent(rabbitUrl.password || 'guest'));

    await page.getByRole('button', { name: 'Test connection' }).click();
    const results = page.getByRole('status', { name: 'Connection test result' });
    await expect.poll(() => results.locator('.check-row.is-ok').count(), { timeout: 15_000 }).toBe(2);
    expect(await results.textContent()).toMatch(/RabbitMQ 3\./);
    await screenshot(page, 'e2e-profile-test-connection');

    // The first profile saved from the welcome screen connects straight away.
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
  });

  it('shows a queue the test declared and ready = 5 after 5 publishes', async () => {
    const { page } = session;
    const ch = await connection.createConfirmChannel();
    await ch.assertQueue(queue, { durable: false, arguments: { 'x-message-ttl': 600_000 } });

    await page.getByRole('link', { name: /Queues/ }).first().click();
    await page.getByRole('searchbox').first().fill(queue);
    const row = page.getByRole('row').filter({ hasText: queue });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);

    for (let i = 0; i < 5; i++) ch.sendToQueue(queue, Buffer.from(`message ${i}`));
    await ch.waitForConfirms();
    await ch.close();

    const readyCell = async () => (await row.getByRole('gridcell').allTextContents()).map((t) => t.trim());
    await expect.poll(readyCell, { timeout: 40_000, interval: 500 }).toContain('5');
    const cells = await readyCell();
    expect(cells).toContain(queue);
    await screenshot(page, 'e2e-queues-live-depth');

    expect(session.problems).toEqual([]);
  });
});
