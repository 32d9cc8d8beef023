import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, RABBITMQ_MANAGEMENT_URL, RABBITMQ_URL, rabbitAvailable } from '../support/requirements.js';
import { type BrowserSession, openBrowser, screenshot } from './support/browser.js';
import { openQueuePage } from './support/chart.js';
import { saveRabbitProfile } from './support/rabbit-profile.js';
import { startWebConsole, type WebConsole } from './support/web-console.js';

const rabbit = await rabbitAvailable();
const chromium = chromiumPath();

interface Broker {
  amqpUrl: string;
  managementUrl: string;
}

/** The embedded broker's URLs, from the line the web console prints once it runs. */
async function embeddedBroker(web: WebConsole): Promise<Broker> {
  for (let waited = 0; waited < 30_000; waited += 200) {
    const match = /Embedded broker: (amqp:\/\/\S+), management (http:\/\/\S+)/.exec(web.output());
    if (match) return { amqpUrl: `amqp://guest:guest@${new URL(match[1] as string).host}`, managementUrl: match[2] as string };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The embedded broker did not start:\n${web.output()}`);
}

async function queueMessages(broker: Broker, queue: string): Promise<number> {
  const url = new URL(RABBITMQ_URL);
  const auth = Buffer.from(`${decodeURIComponent(url.username || 'guest')}:${decodeURIComponent(url.password || 'guest')}`).toString('base64');
  const response = await fetch(`${broker.managementUrl.replace(/\/$/, '')}/api/queues/%2F/${encodeURIComponent(queue)}`, { headers: { authorization: `Basic ${auth}` } });
  if (!response.ok) return -1;
  const body = (await response.json()) as { messages?: number };
  return body.messages ?? 0;
}

const targets = [
  { name: 'the embedded broker', embedded: true, available: true },
  { name: 'RabbitMQ', embedded: false, available: rabbit },
] as const;

/**
 * The Publish view and its RPC tab against a real broker: a confirmed publish
 * that the management API counts, an unroutable one returned with 312 and the
 * route explainer's reason, a missing exchange refused in the broker's words
 * and a good publish after it, invalid JSON blocking Publish, and an RPC call
 * answered by a responder in this process.
 */
describe.each(targets)('Publish view on $name', ({ name, embedded, available }) => {
  const tag = `${embedded ? 'emb' : 'rmq'}-${process.pid}`;
  const exchange = `wb.publish.${tag}`;
  const queue = `wb.publish.${tag}.q`;
  const rpcQueue = `wb.rpc.${tag}`;
  const silentQueue = `wb.rpc.${tag}.silent`;
  const shot = (what: string) => `e2e-publish-${embedded ? 'embedded' : 'rabbitmq'}-${what}`;
  let web: WebConsole;
  let session: BrowserSession;
  let broker: Broker;
  let connection: ChannelModel;
  let admin: Channel;

  beforeAll(async () => {
    if (!available || !chromium) return;
    web = await startWebConsole(embedded ? [] : ['--no-embedded']);
    broker = embedded ? await embeddedBroker(web) : { amqpUrl: RABBITMQ_URL, managementUrl: RABBITMQ_MANAGEMENT_URL };
    connection = await amqp.connect(broker.amqpUrl);
    admin = await connection.createChannel();
    await admin.assertExchange(exchange, 'direct', { durable: false, autoDelete: false });
    await admin.assertQueue(queue, { durable: false });
    await admin.bindQueue(queue, exchange, 'order.paid');
    await admin.assertQueue(rpcQueue, { durable: false });
    await admin.assertQueue(silentQueue, { durable: false });
    // A small service: answers each request with its body wrapped, to the reply-to, with its correlation id.
    await admin.consume(rpcQueue, (msg) => {
      if (!msg) return;
      const reply = JSON.stringify({ echo: JSON.parse(msg.content.toString()), by: 'responder' });
      admin.sendToQueue(msg.properties.replyTo as string, Buffer.from(reply), { correlationId: msg.properties.correlationId as string, contentType: 'application/json', headers: { served: 1 } });
      admin.ack(msg);
    });
    session = await openBrowser(chromium);
  });

  afterAll(async () => {
    if (connection) {
      const ch = await connection.createChannel();
      await ch.deleteQueue(queue).catch(() => undefined);
      await ch.deleteQueue(rpcQueue).catch(() => undefined);
      await ch.deleteQueue(silentQueue).catch(() => undefined);
      await ch.deleteExchange(exchange).catch(() => undefined);
      await connection.close().catch(() => undefined);
    }
    await session?.close();
    await web?.stop();
  });

  const page = () => session.page;
  const latestStatus = () => page().getByTestId('run-status').first().textContent();
  const latestRun = () => page().getByRole('article').first();
  const fillExchange = async (value: string) => {
    await page().getByRole('combobox', { name: 'Exchange' }).fill(value);
    await page().keyboard.press('Escape');
  };
  const fillKey = async (value: string) => {
    await page().getByRole('combobox', { name: 'Routing key' }).fill(value);
    await page().keyboard.press('Escape');
  };
  const publish = () => page().getByRole('button', { name: 'Publish', exact: true }).click();

  it.skipIf(!available || !chromium)(`connects to ${name} and opens the Publish view`, async () => {
    await page().goto(web.url);
    if (!embedded) {
      await expect.poll(() => page().getByRole('heading', { name: 'Add a broker' }).isVisible(), { timeout: 30_000 }).toBe(true);
      await saveRabbitProfile(page());
    }
    await expect.poll(() => page().getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
    await page().getByRole('link', { name: 'Publish' }).click();
    await expect.poll(() => page().getByRole('combobox', { name: 'Exchange' }).isVisible()).toBe(true);
  });

  it.skipIf(!available || !chromium)('publishes with confirm: confirmed, and the queue’s count rises in the management API', async () => {
    await fillExchange(exchange);
    await fillKey('order.paid');
    await page().getByLabel('Message ID').fill('m-1');
    await page().getByRole('button', { name: 'Add header' }).click();
    await page().getByLabel('Header 1 name').fill('attempt');
    await page().getByLabel('Header 1 type').selectOption('int');
    await page().getByLabel('Header 1 value').fill('3');
    await page().getByRole('button', { name: 'Add header' }).click();
    await page().getByLabel('Header 2 name').fill('meta');
    await page().getByLabel('Header 2 type').selectOption('table');
    await page().getByRole('button', { name: 'Add entry to header 2' }).click();
    await page().getByLabel('Header 2.1 name').fill('source');
    await page().getByLabel('Header 2.1 value').fill('web');
    // The snapshot follows the inventory: the binding declared above shows up within a sample or two.
    await expect.poll(() => page().getByTestId('route-preview').textContent(), { timeout: 30_000 }).toContain(`Routes to '${queue}'`);
    await page().getByRole('combobox', { name: 'Routing key' }).click();
    await page().locator('.content__view').evaluate((el) => el.scrollTo(0, 0));
    await screenshot(page(), shot('form'));
    await page().emulateMedia({ colorScheme: 'dark' });
    await screenshot(page(), shot('form-dark'));
    await page().emulateMedia({ colorScheme: 'light' });
    await page().keyboard.press('Escape');
    await publish();
    await expect.poll(latestStatus, { timeout: 20_000 }).toBe('Confirmed');
    expect(await latestRun().getByRole('list', { name: 'Outcomes' }).textContent()).toContain('Confirmed');
    await expect.poll(() => queueMessages(broker, queue), { timeout: 30_000, interval: 500 }).toBe(1);
    const got = await admin.get(queue, { noAck: true });
    expect(got && got.properties.messageId).toBe('m-1');
    expect(got && got.properties.headers).toEqual({ attempt: 3, meta: { source: 'web' } });
    expect(got && JSON.parse(got.content.toString())).toEqual({ hello: 'world' });
    await screenshot(page(), shot('confirmed'));
  });

  it.skipIf(!available || !chromium)('an unroutable key comes back 312 NO_ROUTE with the route explainer’s reason', async () => {
    await fillKey('order.lost');
    await expect.poll(() => page().getByTestId('route-preview').textContent()).toContain('Unroutable');
    await publish();
    await expect.poll(latestStatus, { timeout: 20_000 }).toBe('Returned');
    const outcomes = latestRun().getByRole('list', { name: 'Outcomes' });
    expect(await outcomes.textContent()).toContain('312 NO_ROUTE');
    expect(await outcomes.textContent()).toContain(`Why: no binding of exchange '${exchange}' matches key 'order.lost'.`);
    await screenshot(page(), shot('returned'));
    await page().emulateMedia({ colorScheme: 'dark' });
    await screenshot(page(), shot('returned-dark'));
    await page().emulateMedia({ colorScheme: 'light' });

    // The link opens the Topology view's route explainer with this message.
    await latestRun().getByRole('button', { name: 'Explain route' }).click();
    const explainer = page().getByRole('complementary', { name: 'Route explainer' });
    await expect.poll(() => explainer.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await explainer.getByLabel('Routing key').inputValue()).toBe('order.lost');
    await expect.poll(() => explainer.getByTestId('route-prediction').textContent(), { timeout: 15_000 }).toBe('Returned');
    await screenshot(page(), shot('explainer'));
    await page().getByRole('link', { name: 'Publish' }).click();
    await expect.poll(() => page().getByRole('combobox', { name: 'Routing key' }).inputValue()).toBe('order.lost');
  });

  it.skipIf(!available || !chromium)('a missing exchange is refused with 404 in words, and the next publish works', async () => {
    await fillExchange(`nope.${tag}`);
    await publish();
    await expect.poll(latestStatus, { timeout: 20_000 }).toBe('Refused');
    expect(await latestRun().getByRole('alert').textContent()).toBe(`The broker refused it: 404 NOT_FOUND - no exchange 'nope.${tag}' in vhost '/'`);
    await fillExchange(exchange);
    await fillKey('order.paid');
    await publish();
    await expect.poll(latestStatus, { timeout: 20_000 }).toBe('Confirmed');
    expect((await admin.checkQueue(queue)).messageCount).toBe(1);
    await expect.poll(() => page().getByRole('list', { name: 'Sent messages' }).getByRole('listitem').count(), { timeout: 10_000 }).toBe(4);
  });

  it.skipIf(!available || !chromium)('the queue page’s Publish… opens the form for that queue: default exchange, its name as the key', async () => {
    await openQueuePage(page(), '/', queue);
    await page().getByRole('button', { name: 'Publish…' }).click();
    await expect.poll(() => page().getByRole('combobox', { name: 'Routing key' }).inputValue(), { timeout: 15_000 }).toBe(queue);
    expect(await page().getByRole('combobox', { name: 'Exchange' }).inputValue()).toBe('(default exchange)');
    await expect.poll(() => page().getByTestId('route-preview').textContent()).toContain(`Routes to '${queue}'`);
    const before = (await admin.checkQueue(queue)).messageCount;
    await publish();
    await expect.poll(latestStatus, { timeout: 20_000 }).toBe('Confirmed');
    expect((await admin.checkQueue(queue)).messageCount).toBe(before + 1);
  });

  it.skipIf(!available || !chromium)('publishes N times with {{counter}} expanded, and sums the run up', async () => {
    await admin.purgeQueue(queue);
    await page().getByLabel('Message body').fill('{"n": {{counter}}, "id": "{{uuid}}"}');
    await page().getByRole('radiogroup', { name: 'Repeat' }).getByText('N times').click();
    await page().getByLabel('Count', { exact: true }).fill('50');
    await page().locator('label.switch', { hasText: 'Templates' }).click();
    expect(await page().getByLabel('Template hint').textContent()).toContain('{{counter}} → 1, 2, 3… per publish; {{uuid}} → a new UUID per publish.');
    await publish();
    await expect.poll(latestStatus, { timeout: 30_000 }).toBe('Confirmed');
    const counts = latestRun().getByRole('definition');
    expect((await counts.allTextContents()).slice(0, 4)).toEqual(['50', '50', '0', '0']);
    expect(await latestRun().textContent()).toContain('achieved');
    expect((await admin.checkQueue(queue)).messageCount).toBe(50);
    const first = await admin.get(queue, { noAck: true });
    const last = await admin.get(queue, { noAck: true });
    expect(first && JSON.parse(first.content.toString()).n).toBe(1);
    expect(last && JSON.parse(last.content.toString()).n).toBe(2);
    await screenshot(page(), shot('repeat'));

    // At a rate for longer than the test waits: progress shows, and Cancel stops it after the message in flight.
    await page().getByRole('radiogroup', { name: 'Repeat' }).getByText('At a rate').click();
    await page().getByLabel('Messages per second').fill('20');
    await page().getByLabel('Duration in seconds').fill('30');
    await publish();
    const progress = latestRun().getByRole('status', { name: 'Publish progress' });
    await expect.poll(async () => Number(((await progress.textContent()) ?? '').match(/([\d,]+) \/ 600/)?.[1]?.replace(/,/g, '') ?? 0), { timeout: 15_000 }).toBeGreaterThan(5);
    await screenshot(page(), shot('rate-progress'));
    await latestRun().getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(latestStatus, { timeout: 15_000 }).toBe('Cancelled');
    const sent = Number((await latestRun().getByRole('definition').first().textContent())?.replace(/,/g, ''));
    expect(sent).toBeGreaterThan(5);
    expect(sent).toBeLessThan(600);

    await page().locator('label.switch', { hasText: 'Templates' }).click();
    await page().getByRole('radiogroup', { name: 'Repeat' }).getByText('Once').click();
  });

  it.skipIf(!available || !chromium)('invalid JSON shows the line and column and disables Publish', async () => {
    const body = page().getByLabel('Message body');
    await body.fill('{\n  "id": 1,\n  "items": [1, 2,]\n}');
    expect(await page().locator('#body-editor-problem').textContent()).toBe('Line 3, column 18: a comma before ] is not allowed in JSON');
    expect(await page().getByRole('button', { name: 'Publish', exact: true }).isDisabled()).toBe(true);
    await body.press('Control+Enter');
    await screenshot(page(), shot('invalid-json'));
    await body.fill('{"id": 1, "items": [1, 2]}');
    await page().getByRole('button', { name: 'Format' }).click();
    expect(await body.inputValue()).toBe('{\n  "id": 1,\n  "items": [\n    1,\n    2\n  ]\n}');
    expect(await page().getByRole('button', { name: 'Publish', exact: true }).isDisabled()).toBe(false);
  });

  it.skipIf(!available || !chromium)('a binary file larger than one request goes up in chunks and arrives byte for byte', async () => {
    const bytes = Buffer.alloc(1_300_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + (i >> 9)) % 256;
    await admin.purgeQueue(queue);
    await page().getByRole('radiogroup', { name: 'Body kind' }).getByText('File').click();
    await page().getByLabel('Body file').setInputFiles({ name: 'blob.bin', mimeType: 'application/octet-stream', buffer: bytes });
    await expect.poll(() => page().getByRole('region', { name: 'Body' }).textContent()).toContain('uploaded first in 3 chunks');
    await publish();
    await expect.poll(latestStatus, { timeout: 30_000 }).toBe('Confirmed');
    const got = await admin.get(queue, { noAck: true });
    expect(got && got.content.length).toBe(bytes.length);
    expect(got && got.content.equals(bytes)).toBe(true);
    await page().getByRole('radiogroup', { name: 'Body kind' }).getByText('JSON').click();
  });

  it.skipIf(!available || !chromium)('an RPC call to a responder shows the reply and the round-trip time', async () => {
    await page().getByRole('tab', { name: 'RPC call' }).click();
    await fillExchange('');
    await fillKey(rpcQueue);
    await page().getByLabel('Message body').fill('{"n": 5}');
    await page().getByRole('button', { name: 'Call', exact: true }).click();
    await expect.poll(() => page().getByTestId('rpc-outcome').textContent(), { timeout: 20_000 }).toMatch(/^Reply in \d[\d,]* ms$/);
    const reply = page().getByRole('region', { name: 'RPC outcome' });
    expect(await reply.getByRole('radio', { name: 'JSON' }).getAttribute('aria-checked')).toBe('true');
    expect(await reply.textContent()).toContain('responder');
    await reply.getByRole('radio', { name: 'Text' }).click();
    expect(JSON.parse((await reply.getByLabel('Body as text').textContent()) as string)).toEqual({ echo: { n: 5 }, by: 'responder' });
    await reply.getByRole('radio', { name: 'JSON' }).click();
    expect(await reply.getByLabel('Reply headers').textContent()).toContain('served');
    await screenshot(page(), shot('rpc-reply'));
    await page().emulateMedia({ colorScheme: 'dark' });
    await screenshot(page(), shot('rpc-reply-dark'));
    await page().emulateMedia({ colorScheme: 'light' });

    await page().getByText('Temporary queue', { exact: true }).click();
    await page().getByLabel('Timeout in milliseconds').fill('800');
    await fillKey(silentQueue);
    await page().getByRole('button', { name: 'Call', exact: true }).click();
    await expect.poll(() => page().getByTestId('rpc-outcome').textContent(), { timeout: 20_000 }).toMatch(/^No reply within \d+ ms$/);

    await fillKey(`nobody.${tag}`);
    await page().getByRole('button', { name: 'Call', exact: true }).click();
    await expect.poll(() => page().getByTestId('rpc-outcome').textContent(), { timeout: 20_000 }).toBe('Returned: 312 NO_ROUTE');
    expect(await page().getByRole('region', { name: 'RPC outcome' }).textContent()).toContain(`there is no queue 'nobody.${tag}' in vhost '/'`);
    await screenshot(page(), shot('rpc-returned'));
    expect(session.problems).toEqual([]);
  });
});
