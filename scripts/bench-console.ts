/**
 * `npm run bench:console`: the console's cost on a large broker.
 *
 * Creates N queues (default 10,000) on the local RabbitMQ, then measures
 *  1. sampler cycles in the backend, phase by phase: fetch (RabbitMQ's own
 *     answer time), parse, diff, and push (serialising the delta event as
 *     the WebSocket does);
 *  2. in Chromium, against the real web console: the time from a delta's
 *     arrival on the socket to the next painted frame of the queue table,
 *     and frame intervals while scrolling through every row.
 * Prints figures; asserts nothing. Removes its queues unless --keep.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import amqp from 'amqplib';
import { chromium } from 'playwright-core';
import { computeInventoryDelta } from '../shared/inventory/delta.js';
import type { Inventory } from '../shared/model/inventory.js';
import { fetchRawInventory, pagingPlanFor } from '../electron/backend/management/fetch-inventory.js';
import { createManagementClient } from '../electron/backend/management/management-client.js';
import { parseInventory } from '../electron/backend/management/parse-inventory.js';
import { startWebConsole } from '../test/e2e/support/web-console.js';
import { CHROMIUM_ARGS } from '../test/support/requirements.js';

const { values: opts } = parseArgs({
  options: {
    queues: { type: 'string', default: '10000' },
    cycles: { type: 'string', default: '5' },
    url: { type: 'string', default: process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672' },
    'management-url': { type: 'string', default: process.env.RABBITMQ_MANAGEMENT_URL ?? 'http://127.0.0.1:15672' },
    keep: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
  },
});

const QUEUES = Number(opts.queues);
const CYCLES = Number(opts.cycles);
const PREFIX = 'warren.bench.';
const amqpUrl = new URL(opts.url);
const username = decodeURIComponent(amqpUrl.username || 'guest');
const password = decodeURIComponent(amqpUrl.password || 'guest');

const say = (line: string) => process.stdout.write(line + '\n');
const ms = (n: number) => `${n.toFixed(1)} ms`;
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const queueName = (i: number) => `${PREFIX}${String(i).padStart(5, '0')}`;

async function forEachQueue(conn: amqp.ChannelModel, work: (ch: amqp.Channel, name: string) => Promise<unknown>): Promise<void> {
  // Several channels in parallel: one channel's RPCs are strictly sequential.
  const lanes = 16;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      const ch = await conn.createChannel();
      for (let i = lane; i < QUEUES; i += lanes) await work(ch, queueName(i));
      await ch.close();
    }),
  );
}

async function managementQueueCount(client: ReturnType<typeof createManagementClient>): Promise<number> {
  const rows = await client.items('api/queues', { columns: 'name' });
  return rows.filter((r) => typeof r === 'object' && r !== null && String((r as { name: unknown }).name).startsWith(PREFIX)).length;
}

async function benchSampler(client: ReturnType<typeof createManagementClient>): Promise<void> {
  say(`\nSampler cycle (${CYCLES} cycles after a first full one)`);
  let previous: Inventory | null = null;
  const rows: { fetch: number; parse: number; diff: number; push: number; bytes: number }[] = [];
  for (let cycle = 0; cycle <= CYCLES; cycle++) {
    const plan = pagingPlanFor({
      queues: previous?.queues.length ?? 0,
      exchanges: previous?.exchanges.length ?? 0,
      connections: previous?.connections.length ?? 0,
      channels: previous?.channels.length ?? 0,
    });
    const t0 = performance.now();
    const raw = await fetchRawInventory(client, plan);
    const t1 = performance.now();
    const inventory = parseInventory(raw);
    const t2 = performance.now();
    const delta = computeInventoryDelta(previous, inventory, cycle + 1, Date.now());
    const t3 = performance.now();
    const wire = JSON.stringify({ type: 'event', event: 'inventory.delta', payload: delta });
    const t4 = performance.now();
    const row = { fetch: t1 - t0, parse: t2 - t1, diff: t3 - t2, push: t4 - t3, bytes: wire.length };
    say(
      `  ${cycle === 0 ? 'first (full)' : `cycle ${cycle}      `}  queues ${inventory.queues.length}  fetch ${ms(row.fetch)}  parse ${ms(row.parse)}  diff ${ms(row.diff)}  push ${ms(row.push)}  delta ${(row.bytes / 1024).toFixed(0)} KiB`,
    );
    if (cycle > 0) rows.push(row);
    previous = inventory;
  }
  const own = rows.map((r) => r.parse + r.diff + r.push);
  const total = rows.map((r) => r.fetch + r.parse + r.diff + r.push);
  say(`  steady cycle, Warren's part (parse + diff + push): median ${ms(pct(own, 50))}, worst ${ms(Math.max(...own))}  (target ≤ 300 ms)`);
  say(`  steady cycle including RabbitMQ's answer time:     median ${ms(pct(total, 50))}, worst ${ms(Math.max(...total))}`);
  say(`  RabbitMQ's answer time alone:                      median ${ms(pct(rows.map((r) => r.fetch), 50))}`);
}

const BROWSER_PROBE = `
(() => {
  const updates = [];
  window.__warrenBench = { updates };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        // Deltas, and the snapshot the page loads first: both carry queue rows.
        if (typeof event.data !== 'string' || !event.data.includes('"queues"')) return;
        const start = performance.now();
        // Our listener runs first (added in the constructor); the app's listener
        // then applies the delta and React renders. The frame after that is the update.
        requestAnimationFrame(() => setTimeout(() => updates.push({ ms: performance.now() - start, bytes: event.data.length })));
      });
    }
  };
})();`;

/**
 * Scrolls the table's own scroller `frames` frames, `step` pixels a frame
 * (0 = jump by 1/frames of the whole list, a new window of rows every frame),
 * and returns the frame intervals.
 */
const SCROLL_PROBE = `async (scroller, step, frames) => {
  const px = step > 0 ? step : Math.max(1, Math.floor(scroller.scrollHeight / frames));
  scroller.scrollTop = 0;
  const intervals = [];
  let last = performance.now();
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      intervals.push(now - last);
      last = now;
      scroller.scrollTop += px;
      const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
      if (atEnd || intervals.length > frames) resolve();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return intervals.slice(1);
}`;

async function benchRenderer(): Promise<void> {
  const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium'].find((p) => p && existsSync(p));
  if (!chromiumPath) {
    say('\nQueue table in Chromium: skipped (no Chromium: apt-get install chromium or set CHROMIUM_PATH)');
    return;
  }
  say('\nQueue table in Chromium (web console, real backend, real RabbitMQ)');
  const web = await startWebConsole(['--no-embedded']);
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 1440, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(BROWSER_PROBE);
    await page.goto(web.url);
    await page.getByLabel('Name', { exact: true }).fill('Bench');
    await page.getByLabel('AMQP URI').fill(`amqp://${amqpUrl.host}/`);
    await page.getByLabel('Management URL').fill(opts['management-url']);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Connected', { exact: true }).waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: /Queues/ }).first().click();
    await page.getByRole('row').nth(5).waitFor({ timeout: 60_000 });

    // Change some depths so later deltas carry real row updates.
    const conn = await amqp.connect(opts.url);
    const ch = await conn.createChannel();
    const deadline = Date.now() + 25_000;
    let n = 0;
    while (Date.now() < deadline) {
      for (let i = 0; i < 200; i++) ch.sendToQueue(queueName((n * 37 + i * 53) % QUEUES), Buffer.from('x'));
      n++;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await conn.close();

    const updates = (await page.evaluate('window.__warrenBench.updates')) as { ms: number; bytes: number }[];
    // The largest message is the full load of every row; the rest are live deltas.
    const full = updates.reduce<{ ms: number; bytes: number } | null>((a, u) => (a === null || u.bytes > a.bytes ? u : a), null);
    if (full) say(`  full load of every row (${(full.bytes / 1024).toFixed(0)} KiB): ${ms(full.ms)} from arrival to painted frame`);
    const live = updates.filter((u) => u !== full && u.bytes > 200);
    if (live.length > 0) {
      const times = live.map((u) => u.ms);
      const sizes = live.map((u) => u.bytes / 1024);
      say(
        `  ${live.length} live deltas (${Math.min(...sizes).toFixed(0)}–${Math.max(...sizes).toFixed(0)} KiB): median ${ms(pct(times, 50))}, worst ${ms(Math.max(...times))} from arrival to painted frame  (target ≤ 100 ms)`,
      );
    }

    await page.getByRole('grid').first().waitFor();
    const scroll = async (step: number, frames: number) =>
      (await page.evaluate(`(${SCROLL_PROBE})(document.querySelector('[role=grid]'), ${step}, ${frames})`)) as number[];
    const wheel = await scroll(120, 300);
    say(`  scrolling 120 px a frame for ${wheel.length} frames: median frame ${ms(pct(wheel, 50))}, p95 ${ms(pct(wheel, 95))}`);
    const jumps = await scroll(0, 240);
    say(`  jumping through all rows in ${jumps.length} frames (a new window each frame): median frame ${ms(pct(jumps, 50))}, p95 ${ms(pct(jumps, 95))}`);
  } finally {
    await context.close();
    await web.stop();
  }
}

async function main(): Promise<void> {
  const client = createManagementClient({
    baseUrl: opts['management-url'],
    username,
    password,
    tls: { rejectUnauthorized: true },
    timeoutMs: 120_000,
  });
  const conn = await amqp.connect(opts.url);
  say(`Warren console benchmark against ${amqpUrl.host}: ${QUEUES} queues`);
  const t0 = performance.now();
  await forEachQueue(conn, (ch, name) => ch.assertQueue(name, { durable: false }));
  say(`  declared ${QUEUES} queues in ${(performance.now() - t0) / 1000 | 0} s`);
  // The management database catches up with declarations asynchronously.
  for (let tries = 0; tries < 60 && (await managementQueueCount(client)) < QUEUES; tries++) await new Promise((r) => setTimeout(r, 1000));
  try {
    await benchSampler(client);
    if (!opts['no-browser']) await benchRenderer();
  } finally {
    if (!opts.keep) {
      await forEachQueue(conn, (ch, name) => ch.deleteQueue(name));
      say(`\nremoved the ${QUEUES} benchmark queues`);
    }
    await conn.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:console failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
