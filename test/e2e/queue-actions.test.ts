import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../support/requirements.js';
import { type BrowserSession, openBrowser, screenshot } from './support/browser.js';
import { openQueuePage } from './support/chart.js';
import { embeddedAmqpPort } from './support/embedded-port.js';
import { startWebConsole, type WebConsole } from './support/web-console.js';

const chromium = chromiumPath();

/** The queue page's actions do what they say on the broker: move every message, purge with the count, delete. */
describe.skipIf(!chromium)('queue page actions on the embedded broker', () => {
  const source = 'orders/eu ünï.source';
  const target = 'orders/eu ünï.archive';
  let web: WebConsole;
  let session: BrowserSession;
  let connection: ChannelModel;
  let admin: Channel;

  beforeAll(async () => {
    web = await startWebConsole();
    const port = await embeddedAmqpPort(web);
    connection = await amqp.connect(`amqp://guest:guest@127.0.0.1:${port}`);
    admin = await connection.createChannel();
    await admin.assertQueue(source, { durable: false });
    await admin.assertQueue(target, { durable: false });
    const publisher = await connection.createConfirmChannel();
    for (let i = 0; i < 1500; i++) publisher.sendToQueue(source, Buffer.from(`m${i}`), { messageId: String(i) });
    await publisher.waitForConfirms();
    await publisher.close();
    session = await openBrowser(chromium as string);
  });

  afterAll(async () => {
    await connection?.close().catch(() => undefined);
    await session?.close();
    await web?.stop();
  });

  it('moves all 1,500 messages to another queue, in order, properties kept', async () => {
    const { page } = session;
    await page.goto(web.url);
    await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
    await openQueuePage(page, '/', source);
    await expect.poll(() => page.getByRole('region', { name: 'Messages' }).textContent(), { timeout: 20_000 }).toContain('1,500');
    await page.getByRole('combobox', { name: 'Target queue' }).selectOption(target);
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Moved 1,500 messages' }).isVisible(), { timeout: 30_000 }).toBe(true);
    expect((await admin.checkQueue(source)).messageCount).toBe(0);
    expect((await admin.checkQueue(target)).messageCount).toBe(1500);
    const first = await admin.get(target, { noAck: false });
    expect(first && first.properties.messageId).toBe('0');
    if (first) admin.nack(first, false, true);
    await screenshot(page, 'e2e-queue-move-done');
  });

  it('purges the target after a confirmation naming the count, then deletes it', async () => {
    const { page } = session;
    await openQueuePage(page, '/', target);
    await expect.poll(() => page.getByRole('region', { name: 'Messages' }).textContent(), { timeout: 20_000 }).toContain('1,500');
    await page.getByRole('button', { name: 'Purge…' }).click();
    const dialog = page.getByRole('dialog', { name: `Purge ${target}?` });
    await expect.poll(() => dialog.textContent()).toContain('Deletes the 1,500 ready messages');
    await screenshot(page, 'e2e-queue-purge-confirm');
    await dialog.getByRole('button', { name: 'Purge 1,500 messages' }).click();
    await expect.poll(async () => (await admin.checkQueue(target)).messageCount, { timeout: 10_000 }).toBe(0);

    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('dialog', { name: `Delete ${target}?` }).getByRole('button', { name: 'Delete queue' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash), { timeout: 10_000 }).toBe('#/queues');
    const probe = await connection.createChannel();
    probe.on('error', () => undefined);
    await expect(probe.checkQueue(target)).rejects.toThrow(/NOT_FOUND|404/);
    expect(session.problems).toEqual([]);
  });
});
