import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, rabbitAvailable } from '../support/requirements.js';
import { type BrowserSession, openBrowser, screenshot } from './support/browser.js';
import { openQueuePage } from './support/chart.js';
import { managedCount, startConsumer, startTarget, type ConsumeTarget, type TargetKind } from './support/workbench-consume-targets.js';

const rabbit = await rabbitAvailable();
const chromium = chromiumPath();
const KINDS: TargetKind[] = ['embedded broker', 'RabbitMQ'];

/** Consuming and browsing from the Consume view, on both brokers: RabbitMQ is the oracle. */
describe.each(KINDS)('Consume view on the %s', (kind) => {
  const skip = !chromium || (kind === 'RabbitMQ' && !rabbit);
  const slug = kind === 'RabbitMQ' ? 'rabbitmq' : 'embedded';
  const run = `${process.pid}-${Date.now()}`;
  const orders = `warren.e2e.consume.orders-${run}`;
  const browsed = `warren.e2e.consume.browse-${run}`;
  let target: ConsumeTarget;
  let session: BrowserSession;
  let connection: ChannelModel;
  let admin: Channel;

  beforeAll(async () => {
    if (skip) return;
    target = await startTarget(kind);
    connection = await amqp.connect(target.amqpUrl);
    admin = await connection.createChannel();
    await admin.assertQueue(orders, { durable: false });
    await admin.assertQueue(browsed, { durable: false });
    const publisher = await connection.createConfirmChannel();
    for (let i = 1; i <= 3; i++) publisher.sendToQueue(orders, Buffer.from(JSON.stringify({ order: { id: i, state: 'new' } })), { contentType: 'application/json', messageId: `order-${i}` });
    for (let i = 1; i <= 5; i++) publisher.sendToQueue(browsed, Buffer.from(`browse me ${i}`), { messageId: `b-${i}` });
    await publisher.waitForConfirms();
    await publisher.close();
    session = await openBrowser(chromium as string, { colorScheme: kind === 'RabbitMQ' ? 'dark' : 'light' });
    await target.open(session.page);
  });

  afterAll(async () => {
    if (connection) {
      await admin.deleteQueue(orders).catch(() => undefined);
      await admin.deleteQueue(browsed).catch(() => undefined);
      await connection.close().catch(() => undefined);
    }
    await session?.close();
    await target?.web.stop();
  });

  it.skipIf(skip)('a manual-ack consumer nacks with requeue and sees the redelivery, then acks everything', async () => {
    const { page } = session;
    await page.evaluate(() => (window.location.hash = '#/consume'));
    await page.getByRole('form', { name: 'Start a consumer' }).waitFor({ timeout: 10_000 });
    await screenshot(page, `e2e-consume-start-form-${slug}`);
    await startConsumer(page, orders, { ackMode: 'manual', prefetch: 10 });
    const rows = page.getByRole('listbox', { name: `Messages of ${orders}` }).getByRole('option');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(3);
    await rows.first().click();
    const detail = page.getByRole('article', { name: 'Message 1' });
    await expect.poll(() => detail.getByRole('region', { name: 'Properties' }).textContent()).toContain('order-1');
    await expect.poll(() => detail.getByLabel('Body as a JSON tree').textContent()).toContain('state: "new"');

    await page.getByRole('button', { name: 'Nack + requeue' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Nacked 1 message back to the queue' }).isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(4);
    const redelivered = rows.filter({ hasText: 'redelivered' });
    await expect.poll(() => redelivered.count()).toBe(1);
    await redelivered.click();
    await expect.poll(() => page.getByRole('article', { name: 'Message 4' }).textContent()).toContain('redelivered');
    await expect.poll(() => page.getByRole('article', { name: 'Message 4' }).getByRole('region', { name: 'Properties' }).textContent()).toContain('order-1');
    await screenshot(page, `e2e-consume-redelivered-${slug}`);

    await page.getByRole('listbox', { name: `Messages of ${orders}` }).press('Control+a');
    await expect.poll(() => page.getByRole('toolbar', { name: 'Message actions' }).textContent()).toContain('4 selected');
    await page.getByRole('button', { name: 'Ack', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Acked 3 messages' }).isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(async () => (await admin.checkQueue(orders)).messageCount, { timeout: 10_000 }).toBe(0);
    await expect.poll(() => managedCount(target, orders), { timeout: 30_000, interval: 1000 }).toBe(0);

    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => page.getByLabel('Status: paused').isVisible(), { timeout: 10_000 }).toBe(true);
    await admin.sendToQueue(orders, Buffer.from('{"order":{"id":9}}'));
    await expect.poll(async () => (await admin.checkQueue(orders)).messageCount, { timeout: 10_000 }).toBe(1);
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(5);
    await expect.poll(() => page.getByLabel('Status: running').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => page.getByLabel('Status: stopped').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(session.problems).toEqual([]);
  });

  it.skipIf(skip)('a consumer on a queue that does not exist fails in the broker’s words, and the next one starts', async () => {
    const { page } = session;
    const missing = `warren.e2e.consume.missing-${run}`;
    await page.getByRole('tab', { name: '+ Consumer' }).click();
    const form = page.getByRole('form', { name: 'Start a consumer' });
    await form.getByLabel('Queue', { exact: true }).fill(missing);
    await form.getByRole('button', { name: 'Start consumer' }).click();
    await expect.poll(() => form.getByRole('alert').textContent(), { timeout: 20_000 }).toContain(`404 NOT_FOUND - no queue '${missing}' in vhost '/'`);
    await screenshot(page, `e2e-consume-not-found-${slug}`);
    await form.getByLabel('Queue', { exact: true }).fill(orders);
    await form.getByRole('button', { name: 'Start consumer' }).click();
    await page.getByRole('region', { name: `Consumer on ${orders}` }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => page.getByLabel('Status: stopped').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(session.problems).toEqual([]);
  });

  it.skipIf(skip)('taps a topic exchange with a binding key without taking messages from its queue', async () => {
    const { page } = session;
    const exchange = `warren.e2e.consume.events-${run}`;
    const bound = `warren.e2e.consume.events-queue-${run}`;
    await admin.assertExchange(exchange, 'topic', { durable: false, autoDelete: true });
    await admin.assertQueue(bound, { durable: false, autoDelete: true });
    await admin.bindQueue(bound, exchange, '#');
    await page.getByRole('tab', { name: '+ Consumer' }).click();
    const form = page.getByRole('form', { name: 'Start a consumer' });
    await form.getByRole('radio', { name: 'Tap an exchange' }).click();
    await form.getByLabel('Exchange', { exact: true }).fill(exchange);
    await form.getByLabel('Binding key').fill('order.#');
    await form.getByRole('button', { name: 'Start tap' }).click();
    const region = page.getByRole('region', { name: `Consumer on ${exchange} ⟵ order.#` });
    await region.waitFor({ timeout: 20_000 });
    admin.publish(exchange, 'order.created', Buffer.from('{"order":1}'));
    admin.publish(exchange, 'invoice.sent', Buffer.from('{"invoice":1}'));
    const rows = region.getByRole('listbox').getByRole('option');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(1);
    expect(await rows.first().textContent()).toContain('order.created');
    await expect.poll(async () => (await admin.checkQueue(bound)).messageCount, { timeout: 10_000 }).toBe(2);
    await screenshot(page, `e2e-consume-tap-${slug}`);
    await region.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => region.getByLabel('Status: stopped').isVisible(), { timeout: 10_000 }).toBe(true);
    await admin.deleteQueue(bound);
    expect(session.problems).toEqual([]);
  });

  it.skipIf(skip)('a 12 MiB body is previewed cut and offered as a file; scrolled up, the list stays put as messages arrive', async () => {
    const { page } = session;
    const big = `warren.e2e.consume.big-${run}`;
    await admin.assertQueue(big, { durable: false });
    admin.sendToQueue(big, Buffer.alloc(12 * 1024 * 1024, 'a'), { contentType: 'text/plain' });
    for (let i = 1; i <= 60; i++) admin.sendToQueue(big, Buffer.from(`small ${i}`));
    await startConsumer(page, big, { ackMode: 'auto', prefetch: 0 });
    const list = page.getByRole('listbox', { name: `Messages of ${big}` });
    await expect.poll(() => page.getByRole('region', { name: `Consumer on ${big}` }).getByLabel('Counts').textContent(), { timeout: 30_000 }).toContain('Received61');

    await list.press('Home');
    const detail = page.getByRole('article', { name: 'Message 1' });
    // The preview is at most 64 KiB; the backend gives a batch's previews a budget, so it may be shorter.
    await expect.poll(() => detail.getByRole('note').textContent(), { timeout: 10_000 }).toMatch(/^Truncated at [\d.]+ KiB of 12 MiB\./);
    await expect.poll(() => detail.getByRole('button', { name: 'Save whole body to a file' }).isVisible()).toBe(true);
    await screenshot(page, `e2e-consume-big-body-${slug}`);

    await expect.poll(() => page.getByRole('checkbox', { name: 'Follow newest' }).isChecked()).toBe(false);
    const top = await list.evaluate((el) => el.scrollTop);
    for (let i = 61; i <= 90; i++) admin.sendToQueue(big, Buffer.from(`small ${i}`));
    await expect.poll(() => page.getByRole('region', { name: `Consumer on ${big}` }).getByLabel('Counts').textContent(), { timeout: 30_000 }).toContain('Received91');
    expect(await list.evaluate((el) => el.scrollTop)).toBe(top);
    await expect.poll(() => list.getByRole('option').first().textContent()).toContain('12 MiB');
    await page.getByRole('button', { name: 'Stop' }).click();
    await admin.deleteQueue(big);
    expect(session.problems).toEqual([]);
  });

  it.skipIf(skip)('browses a queue from its page with get-and-requeue, side effects said, nothing taken away', async () => {
    const { page } = session;
    await openQueuePage(page, '/', browsed);
    await page.getByRole('link', { name: 'Get messages…' }).click();
    const form = page.getByRole('form', { name: 'Browse a queue' });
    await expect.poll(() => form.getByLabel('Queue').inputValue(), { timeout: 10_000 }).toBe(browsed);
    await form.getByRole('radio', { name: 'Get and requeue' }).click();
    await expect.poll(() => form.textContent()).toContain('each comes back marked redelivered');
    await form.getByRole('button', { name: 'Read messages' }).click();
    const rows = page.getByRole('listbox', { name: `Messages of ${browsed}` }).getByRole('option');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(5);
    await expect.poll(() => page.getByRole('note', { name: 'Side effects' }).textContent()).toMatch(/redelivered/i);
    await rows.nth(2).click();
    await expect.poll(() => page.getByRole('article', { name: 'Message 3' }).getByLabel('Body as text').textContent()).toBe('browse me 3');
    await screenshot(page, `e2e-consume-browse-requeue-${slug}`);
    await expect.poll(async () => (await admin.checkQueue(browsed)).messageCount, { timeout: 10_000 }).toBe(5);
    expect(session.problems).toEqual([]);
  });

  it.skipIf(skip || kind !== 'embedded broker')('peeks on the embedded broker: no redelivered flag afterwards', async () => {
    const { page } = session;
    await page.evaluate(() => (window.location.hash = '#/consume'));
    await page.getByRole('tab', { name: '+ Browse a queue' }).click();
    const form = page.getByRole('form', { name: 'Browse a queue' });
    await form.getByLabel('Queue').fill(browsed);
    await expect.poll(() => form.getByRole('radio', { name: 'Peek' }).isEnabled(), { timeout: 10_000 }).toBe(true);
    await form.getByRole('radio', { name: 'Peek' }).click();
    await form.getByRole('button', { name: 'Read messages' }).click();
    const rows = page.getByRole('listbox', { name: `Messages of ${browsed}` }).getByRole('option');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(5);
    await expect.poll(() => page.getByRole('note', { name: 'Side effects' }).textContent()).toMatch(/^None: read with the embedded broker’s peek/);
    await screenshot(page, 'e2e-consume-browse-peek-embedded');
    // Peeking left no trace: a consumer now gets them in order, and (after the requeue browse) only those flags.
    const got = await admin.get(browsed, { noAck: false });
    expect(got && got.content.toString()).toBe('browse me 1');
    if (got) admin.nack(got, false, true);
    expect(session.problems).toEqual([]);
  });
});
