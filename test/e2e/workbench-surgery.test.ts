import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, rabbitAvailable } from '../support/requirements.js';
import { type BrowserSession, openBrowser, screenshot } from './support/browser.js';
import { openQueuePage } from './support/chart.js';
import { managedCount, startConsumer, startTarget, type ConsumeTarget, type TargetKind } from './support/workbench-consume-targets.js';

const rabbit = await rabbitAvailable();
const chromium = chromiumPath();
const KINDS: TargetKind[] = ['embedded broker', 'RabbitMQ'];
const MOVED = 1000;

/** Rejects every ready message of `queue` without requeue, so its dead-letter exchange takes them. */
async function rejectAll(channel: Channel, queue: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const message = await channel.get(queue, { noAck: false });
    if (!message) throw new Error(`only ${i} of ${count} messages were in ${queue}`);
    channel.reject(message, false);
  }
}

/** Message surgery from the Consume view and the queue page, on both brokers: move with confirms, dead-letter send-back. */
describe.each(KINDS)('message surgery on the %s', (kind) => {
  const skip = !chromium || (kind === 'RabbitMQ' && !rabbit);
  const slug = kind === 'RabbitMQ' ? 'rabbitmq' : 'embedded';
  const run = `${process.pid}-${Date.now()}`;
  const source = `warren.e2e.surgery.source-${run}`;
  const archive = `warren.e2e.surgery.archive-${run}`;
  const origin = `warren.e2e.surgery.orders-${run}`;
  const dlx = `warren.e2e.surgery.dlx-${run}`;
  const dlq = `warren.e2e.surgery.orders.dead-${run}`;
  let target: ConsumeTarget;
  let session: BrowserSession;
  let connection: ChannelModel;
  let admin: Channel;

  beforeAll(async () => {
    if (skip) return;
    target = await startTarget(kind);
    connection = await amqp.connect(target.amqpUrl);
    admin = await connection.createChannel();
    await admin.assertQueue(source, { durable: false });
    await admin.assertQueue(archive, { durable: false });
    await admin.assertExchange(dlx, 'fanout', { durable: false });
    await admin.assertQueue(dlq, { durable: false });
    await admin.bindQueue(dlq, dlx, '');
    await admin.assertQueue(origin, { durable: false, deadLetterExchange: dlx });
    const publisher = await connection.createConfirmChannel();
    for (let i = 0; i < MOVED; i++) publisher.sendToQueue(source, Buffer.from(JSON.stringify({ n: i })), { messageId: String(i) });
    for (let i = 1; i <= 5; i++) publisher.sendToQueue(origin, Buffer.from(`order ${i}`), { messageId: `order-${i}` });
    await publisher.waitForConfirms();
    await publisher.close();
    await rejectAll(admin, origin, 5);
    session = await openBrowser(chromium as string, { colorScheme: kind === 'RabbitMQ' ? 'dark' : 'light' });
    await target.open(session.page);
  });

  afterAll(async () => {
    if (connection) {
      for (const queue of [source, archive, origin, dlq]) await admin.deleteQueue(queue).catch(() => undefined);
      await admin.deleteExchange(dlx).catch(() => undefined);
      await connection.close().catch(() => undefined);
    }
    await session?.close();
    await target?.web.stop();
  });

  it.skipIf(skip)(`moves ${MOVED.toLocaleString('en-US')} held messages to another queue with none lost`, async () => {
    const { page } = session;
    await startConsumer(page, source, { ackMode: 'manual', prefetch: 0 });
    const counts = page.getByRole('region', { name: `Consumer on ${source}` }).getByLabel('Counts');
    await expect.poll(() => counts.textContent(), { timeout: 30_000 }).toContain(`Pending${MOVED.toLocaleString('en-US')}`);
    await page.getByRole('listbox', { name: `Messages of ${source}` }).press('Control+a');
    await expect.poll(() => page.getByRole('toolbar', { name: 'Message actions' }).textContent()).toContain(`${MOVED.toLocaleString('en-US')} selected`);
    await page.getByRole('button', { name: 'Move to…' }).click();
    const dialog = page.getByRole('dialog', { name: `Move ${MOVED.toLocaleString('en-US')} messages` });
    await dialog.getByLabel('Target queue').fill(archive);
    await screenshot(page, `e2e-surgery-move-dialog-${slug}`);
    await dialog.getByRole('button', { name: 'Move', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: `Moved ${MOVED.toLocaleString('en-US')} messages to queue “${archive}”` }).isVisible(), { timeout: 60_000 })
      .toBe(true);
    await expect.poll(() => counts.textContent(), { timeout: 10_000 }).toContain('Pending0');
    await screenshot(page, `e2e-surgery-moved-${slug}`);
    await expect.poll(() => managedCount(target, archive), { timeout: 30_000, interval: 1000 }).toBe(MOVED);
    await expect.poll(() => managedCount(target, source), { timeout: 30_000, interval: 1000 }).toBe(0);
    await page.getByRole('button', { name: 'Stop' }).click();
    expect((await admin.checkQueue(source)).messageCount).toBe(0);
    expect((await admin.checkQueue(archive)).messageCount).toBe(MOVED);
    expect(session.problems).toEqual([]);
  });

  it.skipIf(skip)('saves browsed messages as JSON lines and loads them into another queue; a bad file is refused line by line', async () => {
    const { page } = session;
    const restored = `warren.e2e.surgery.restored-${run}`;
    await admin.assertQueue(restored, { durable: false });
    await page.evaluate(() => (window.location.hash = '#/consume'));
    await page.getByRole('tab', { name: '+ Browse a queue' }).click();
    const form = page.getByRole('form', { name: 'Browse a queue' });
    await form.getByLabel('Queue').fill(archive);
    await form.getByLabel('Number of messages').fill('5');
    await form.getByRole('radio', { name: 'Get and requeue' }).click();
    await form.getByRole('button', { name: 'Read messages' }).click();
    const rows = page.getByRole('listbox', { name: `Messages of ${archive}` }).getByRole('option');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(5);

    const saving = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save all as JSON lines' }).click();
    const download = await saving;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'warren-dump-')), download.suggestedFilename());
    await download.saveAs(file);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ routingKey: archive, body: { encoding: 'utf8', data: '{"n":0}' } });

    await page.getByRole('button', { name: 'Load from file…' }).click();
    let dialog = page.getByRole('dialog', { name: 'Load messages from a file' });
    await dialog.getByLabel('Dump file').setInputFiles(file);
    await dialog.getByRole('checkbox').uncheck();
    await dialog.getByLabel('Target queue').fill(restored);
    await dialog.getByRole('button', { name: 'Load' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: `Published 5 messages from ${download.suggestedFilename()} to queue “${restored}”` }).isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(async () => (await admin.checkQueue(restored)).messageCount, { timeout: 10_000 }).toBe(5);

    writeFileSync(file, `${lines[0]}\nnot json\n{"exchange":""}\n`);
    await page.getByRole('button', { name: 'Load from file…' }).click();
    dialog = page.getByRole('dialog', { name: 'Load messages from a file' });
    await dialog.getByLabel('Dump file').setInputFiles(file);
    await dialog.getByRole('button', { name: 'Load' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Nothing published' });
    await expect.poll(() => refusal.textContent(), { timeout: 30_000 }).toContain('Nothing published: 2 lines are not a message of a dump.');
    const problems = await refusal.getByRole('listitem').allTextContents();
    expect(problems[0]).toMatch(/^Line 2: not JSON/);
    expect(problems.slice(1).every((p) => p.startsWith('Line 3: '))).toBe(true);
    await screenshot(page, `e2e-surgery-load-refused-${slug}`);
    expect((await admin.checkQueue(restored)).messageCount).toBe(5);
    await admin.deleteQueue(restored);
    expect(session.problems).toEqual([]);
  });

  it.skipIf(skip)('sends a dead-letter queue back to the queue its messages died in, from the queue page', async () => {
    const { page } = session;
    await expect.poll(async () => (await admin.checkQueue(dlq)).messageCount, { timeout: 10_000 }).toBe(5);
    await openQueuePage(page, '/', dlq);
    const sendBack = page.getByRole('button', { name: 'Send back all…' });
    await expect.poll(() => sendBack.isEnabled(), { timeout: 30_000 }).toBe(true);
    await sendBack.click();
    const dialog = page.getByRole('dialog', { name: `Send back every message in “${dlq}”?` });
    await expect.poll(() => dialog.textContent()).toContain(`Queues that dead-letter here: “${origin}”`);
    await screenshot(page, `e2e-surgery-send-back-confirm-${slug}`);
    await dialog.getByRole('button', { name: 'Send back' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: `Sent back 5 messages: 5 to “${origin}”` }).isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(async () => (await admin.checkQueue(origin)).messageCount, { timeout: 10_000 }).toBe(5);
    expect((await admin.checkQueue(dlq)).messageCount).toBe(0);
    expect(session.problems).toEqual([]);
  });

  it.skipIf(skip)('a consumer on the dead-letter queue reads the x-death history and sends a selection back', async () => {
    const { page } = session;
    await rejectAll(admin, origin, 2);
    await expect.poll(async () => (await admin.checkQueue(dlq)).messageCount, { timeout: 10_000 }).toBe(2);
    await startConsumer(page, dlq, { ackMode: 'manual', prefetch: 10 });
    const rows = page.getByRole('listbox', { name: `Messages of ${dlq}` }).getByRole('option');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(2);
    await rows.first().click();
    const history = page.getByRole('region', { name: 'Dead-letter history' });
    await expect.poll(() => history.textContent(), { timeout: 10_000 }).toContain(`rejected twice in queue '${origin}', published to the default exchange with key '${origin}', last at`);
    await expect.poll(() => page.getByRole('button', { name: 'Send back selected' }).isVisible(), { timeout: 20_000 }).toBe(true);
    await screenshot(page, `e2e-surgery-dlq-consumer-${slug}`);
    await page.getByRole('listbox', { name: `Messages of ${dlq}` }).press('Control+a');
    await page.getByRole('button', { name: 'Send back selected' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send back 2 selected messages?' });
    await expect.poll(() => dialog.getByRole('list', { name: 'Origin queues' }).textContent()).toBe(`2 back to “${origin}”`);
    await dialog.getByRole('button', { name: 'Send back' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: `Sent back 2 messages: 2 to “${origin}”` }).isVisible(), { timeout: 30_000 }).toBe(true);
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(async () => (await admin.checkQueue(origin)).messageCount, { timeout: 10_000 }).toBe(5);
    await expect.poll(async () => (await admin.checkQueue(dlq)).messageCount, { timeout: 10_000 }).toBe(0);
    expect(session.problems).toEqual([]);
  });
});
