import amqp, { type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, RABBITMQ_URL, rabbitAvailable } from '../support/requirements.js';
import { type BrowserSession, openBrowser, screenshot } from './support/browser.js';
import { depthLegend, openQueuePage, publishSteadily, slowConsumer, type SlowConsumer } from './support/chart.js';
import { saveRabbitProfile } from './support/rabbit-profile.js';
import { startWebConsole, type WebConsole } from './support/web-console.js';

const rabbit = await rabbitAvailable();
const chromium = chromiumPath();
const PREFETCH = 5;

/**
 * The queue chart's end-to-end check against a real RabbitMQ: the same slow
 * consumer as on the embedded broker. RabbitMQ refreshes its management
 * statistics every few seconds, so the test reads samples, not instants.
 */
describe.skipIf(!rabbit || !chromium)('queue chart: a slow consumer on RabbitMQ', () => {
  const queue = `warren.e2e.chart-${process.pid}-${Date.now()}`;
  let web: WebConsole;
  let session: BrowserSession;
  let connection: ChannelModel;
  let consumer: SlowConsumer;
  const seen: { ready: number; unacked: number }[] = [];

  beforeAll(async () => {
    web = await startWebConsole(['--no-embedded']);
    session = await openBrowser(chromium as string);
    connection = await amqp.connect(RABBITMQ_URL);
  });

  afterAll(async () => {
    await consumer?.close();
    if (connection) {
      const ch = await connection.createChannel();
      await ch.deleteQueue(queue);
      await connection.close();
    }
    await session?.close();
    await web?.stop();
  });

  it('connects to RabbitMQ through a new profile and opens the queue page', async () => {
    const { page } = session;
    const setup = await connection.createChannel();
    await setup.assertQueue(queue, { durable: false });
    await setup.close();
    await page.goto(web.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Add a broker' }).isVisible()).toBe(true);
    await saveRabbitProfile(page);
    await expect.poll(() => page.getByText('Connected', { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
    await openQueuePage(page, '/', queue);
    await expect.poll(() => depthLegend(page), { timeout: 30_000 }).toEqual({ ready: 0, unacked: 0 });
  });

  it('shows ready climbing while unacked is held at the prefetch, then both draining', async () => {
    const { page } = session;
    consumer = await slowConsumer(connection, queue, PREFETCH, 400);
    await publishSteadily(connection, queue, 25, 14, async () => {
      const legend = await depthLegend(page);
      if (legend) seen.push(legend);
    });
    await expect.poll(() => depthLegend(page), { timeout: 20_000, interval: 500 }).toSatisfy((l) => l !== null && l.ready > 150);
    const climbing = await depthLegend(page);
    expect(climbing?.unacked).toBe(PREFETCH);
    seen.push(climbing as { ready: number; unacked: number });
    await screenshot(page, 'e2e-rabbitmq-queue-chart-climbing');

    consumer.speedUp();
    await expect.poll(() => depthLegend(page), { timeout: 60_000, interval: 1000 }).toEqual({ ready: 0, unacked: 0 });
    await screenshot(page, 'e2e-rabbitmq-queue-chart-drained');

    const loaded = seen.filter((s) => s.ready > 20);
    expect(loaded.length).toBeGreaterThan(2);
    expect(loaded.every((s) => s.unacked === PREFETCH)).toBe(true);
    // RabbitMQ refreshes its statistics every 5 s: readings repeat, but the last is above the first.
    expect(loaded.at(-1)!.ready).toBeGreaterThan(loaded[0]!.ready);
    expect(session.problems).toEqual([]);
  });
});
