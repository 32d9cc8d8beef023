/**
 * `npm run bench:consume`: is the Consume view responsive while it consumes
 * 20,000 messages a second?
 *
 * Starts the web console (its embedded broker, or RabbitMQ with --rabbitmq),
 * opens the Consume view in Chromium and starts an auto-ack consumer on a
 * fresh queue, then publishes --rate messages a second for --seconds. Every
 * 100 ms the page dispatches a key event on the message list (ArrowDown/ArrowUp:
 * the selection moves and the detail pane re-renders) and records the time
 * from when it was due to the next animation frame: input latency as the
 * user feels it, main-thread queueing included. Tasks over 50 ms on the
 * page's main thread are summed too, to tell the page's own work from a
 * machine too busy to schedule it.
 * Prints figures; asserts nothing.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import amqp from 'amqplib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../test/support/requirements.js';
import { startConsumer, startTarget } from '../test/e2e/support/workbench-consume-targets.js';

const { values: opts } = parseArgs({
  options: {
    rate: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '10' },
    size: { type: 'string', default: '200' },
    rabbitmq: { type: 'boolean', default: false },
  },
});

const RATE = Number(opts.rate);
const SECONDS = Number(opts.seconds);
const TICK_MS = 10;
const PER_TICK = Math.max(1, Math.round((RATE * TICK_MS) / 1000));
const PROBE_EVERY_MS = 100;
const chromiumPath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));

const say = (line: string) => process.stdout.write(line + '\n');
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const fmt = (n: number) => `${n.toFixed(1)} ms`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Publishes at `RATE` for `SECONDS`, in ticks of TICK_MS, waiting for the socket to drain when it pushes back. */
async function publishAtRate(channel: amqp.Channel, queue: string, body: Buffer): Promise<{ sent: number; elapsed: number }> {
  const start = performance.now();
  const end = start + SECONDS * 1000;
  let sent = 0;
  let tick = 0;
  while (performance.now() < end) {
    for (let i = 0; i < PER_TICK; i++) {
      if (!channel.sendToQueue(queue, body, { messageId: String(sent) })) await new Promise((r) => channel.once('drain', r));
      sent += 1;
    }
    tick += 1;
    const wait = start + tick * TICK_MS - performance.now();
    if (wait > 0) await sleep(wait);
  }
  return { sent, elapsed: (performance.now() - start) / 1000 };
}

async function main(): Promise<void> {
  if (!chromiumPath) throw new Error('Chromium is not installed: apt-get install chromium');
  const kind = opts.rabbitmq ? 'RabbitMQ' : 'embedded broker';
  const target = await startTarget(kind);
  const queue = `warren.bench.consume-${process.pid}`;
  const connection = await amqp.connect(target.amqpUrl);
  const channel = await connection.createChannel();
  await channel.assertQueue(queue, { durable: false, autoDelete: false });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await target.open(page);
    await startConsumer(page, queue, { ackMode: 'auto', prefetch: 0 });
    const list = page.getByRole('listbox', { name: `Messages of ${queue}` });
    await list.focus();
    // In the page, so the probe's own timing is not the bench process's: a key event on the list
    // every PROBE_EVERY_MS, measured from when it was due to the next frame after it was handled.
    // A string, because the bundler's helpers for named functions do not exist in the page.
    await page.evaluate(`(() => {
      const every = ${PROBE_EVERY_MS};
      const probe = { samples: [], stop: false, longTasks: [], started: performance.now() };
      window.__probe = probe;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) probe.longTasks.push(e.duration); }).observe({ type: 'longtask' });
      const listbox = document.querySelector('[role="listbox"]');
      let due = performance.now() + every;
      let down = true;
      const tick = () => {
        if (probe.stop) return;
        const intended = due;
        due += every;
        listbox.dispatchEvent(new KeyboardEvent('keydown', { key: down ? 'ArrowDown' : 'ArrowUp', bubbles: true, cancelable: true }));
        down = !down;
        requestAnimationFrame(() => probe.samples.push(performance.now() - intended));
        setTimeout(tick, Math.max(0, due - performance.now()));
      };
      setTimeout(tick, every);
    })()`);

    say(`Consume view under load on the ${kind}: ${RATE.toLocaleString('en-US')} msg/s of ${opts.size} B for ${SECONDS} s, auto ack, list keeps 10,000`);
    const published = await publishAtRate(channel, queue, Buffer.alloc(Number(opts.size), 'x'));
    // Let the last batches reach the page before the probe stops.
    await sleep(1500);
    const { samples, longTasks, busy } = (await page.evaluate(
      '(window.__probe.stop = true, { samples: window.__probe.samples, longTasks: window.__probe.longTasks, busy: window.__probe.longTasks.reduce((a, b) => a + b, 0) / (performance.now() - window.__probe.started) })',
    )) as { samples: number[]; longTasks: number[]; busy: number };
    const counts = (await page.getByRole('region', { name: `Consumer on ${queue}` }).getByLabel('Counts').textContent()) ?? '';
    say(`published ${published.sent.toLocaleString('en-US')} in ${published.elapsed.toFixed(1)} s (${Math.round(published.sent / published.elapsed).toLocaleString('en-US')} msg/s)`);
    say(`the view's consumer counts: ${counts.replace(/([a-z])(\d)/gi, '$1 $2').replace(/(\d)([A-Z])/g, '$1 · $2')}`);
    say(`page main thread: ${longTasks.length} tasks over 50 ms, ${(busy * 100).toFixed(0)}% of the time in them, longest ${fmt(Math.max(0, ...longTasks))}`);
    say(`input latency, key event → next frame (${samples.length} samples): p50 ${fmt(pct(samples, 50))}, p95 ${fmt(pct(samples, 95))}, max ${fmt(Math.max(...samples))}`);
  } finally {
    await browser.close();
    await channel.deleteQueue(queue).catch(() => undefined);
    await connection.close().catch(() => undefined);
    await target.web.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
