/**
 * `npm run bench:topology`: the topology graph on a large vhost.
 *
 * Starts the web console with its embedded broker on a fresh data folder,
 * declares 1,000 exchanges, 3,000 queues and 6,000 bindings in "/" (every
 * queue bound from two exchanges, 200 exchange-to-exchange bindings, every
 * tenth queue dead-lettering: one connected graph, no fan-out large enough
 * to fold, the worst case), then in Chromium measures
 *  1. the layout in the worker, and the time from opening the view to the
 *     laid-out graph on screen;
 *  2. frame intervals while the viewport pans and zooms, one viewport change
 *     per frame, zoomed out to the whole graph and at 90 %;
 *  3. that live count updates repaint the queue nodes without a new layout,
 *     and that a new queue is placed without moving the nodes on screen.
 * Prints figures against the targets; asserts nothing.
 */
import { existsSync } from 'node:fs';
import amqp from 'amqplib';
import { chromium, type Page } from 'playwright-core';
import { startWebConsole } from '../test/e2e/support/web-console.js';
import { CHROMIUM_ARGS } from '../test/support/requirements.js';

const EXCHANGES = 1000;
const QUEUES = 3000;
const EXCHANGE_BINDINGS = 200;
const SECOND_BINDINGS = 6000 - QUEUES - EXCHANGE_BINDINGS;

const say = (line: string) => process.stdout.write(line + '\n');
const ms = (n: number) => `${n.toFixed(1)} ms`;
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const exchange = (i: number) => `bench.ex.${String(i).padStart(4, '0')}`;
const queue = (i: number) => `bench.q.${String(i).padStart(4, '0')}`;

async function inLanes(conn: amqp.ChannelModel, count: number, work: (ch: amqp.Channel, i: number) => Promise<unknown>): Promise<void> {
  // Several channels at once: one channel's RPCs are strictly sequential.
  const lanes = 16;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      const ch = await conn.createChannel();
      for (let i = lane; i < count; i += lanes) await work(ch, i);
      await ch.close();
    }),
  );
}

async function declare(url: string): Promise<void> {
  const conn = await amqp.connect(url);
  const t0 = performance.now();
  await inLanes(conn, EXCHANGES, (ch, i) => ch.assertExchange(exchange(i), i % 10 === 0 ? 'topic' : 'direct', { durable: true }));
  await inLanes(conn, QUEUES, (ch, i) =>
    ch.assertQueue(queue(i), { durable: true, arguments: i % 10 === 0 ? { 'x-dead-letter-exchange': exchange((i / 10) % EXCHANGES) } : {} }),
  );
  await inLanes(conn, QUEUES, (ch, i) => ch.bindQueue(queue(i), exchange(i % EXCHANGES), `key.${i}`));
  await inLanes(conn, SECOND_BINDINGS, (ch, i) => ch.bindQueue(queue(i), exchange((i * 7 + 3) % EXCHANGES), `other.${i}`));
  await inLanes(conn, EXCHANGE_BINDINGS, (ch, j) => ch.bindExchange(exchange((j + EXCHANGES / 2) % EXCHANGES), exchange(j), `e2e.${j}`));
  await conn.close();
  say(`declared ${EXCHANGES} exchanges, ${QUEUES} queues, ${QUEUES + SECOND_BINDINGS + EXCHANGE_BINDINGS} bindings in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/**
 * One viewport change per frame, through the events React Flow listens to
 * (wheel to zoom, mouse drag to pan), and the interval of every frame.
 */
const VIEWPORT_PROBE = `async ({ kind, frames }) => {
  const pane = document.querySelector('.react-flow__pane');
  const box = pane.getBoundingClientRect();
  const cx = box.left + box.width / 2, cy = box.top + box.height / 2;
  const intervals = [];
  let last = performance.now();
  if (kind === 'pan') pane.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: cx, clientY: cy, button: 0, view: window }));
  await new Promise((resolve) => {
    let i = 0;
    const tick = () => {
      const now = performance.now();
      intervals.push(now - last);
      last = now;
      i++;
      if (kind === 'pan') {
        const x = cx + Math.sin(i / 12) * 220, y = cy + Math.cos(i / 12) * 160;
        window.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: x, clientY: y, buttons: 1, view: window }));
      } else {
        pane.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, clientX: cx, clientY: cy, deltaY: Math.sin(i / 15) * 60 }));
      }
      if (i >= frames) resolve();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  if (kind === 'pan') window.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, view: window }));
  return intervals.slice(2);
}`;

async function frames(page: Page, kind: 'pan' | 'zoom', label: string): Promise<void> {
  const intervals = (await page.evaluate(`(${VIEWPORT_PROBE})(${JSON.stringify({ kind, frames: 120 })})`)) as number[];
  const mean = intervals.reduce((s, v) => s + v, 0) / intervals.length;
  say(`  ${label}: ${(1000 / mean).toFixed(0)} fps (median frame ${ms(pct(intervals, 50))}, p95 ${ms(pct(intervals, 95))})  (target ≥ 50 fps)`);
}

const graph = (page: Page) => page.getByTestId('topology');
const attr = async (page: Page, name: string) => (await graph(page).getAttribute(name)) ?? '';

async function positions(page: Page, ids: string[]): Promise<string[]> {
  return page.evaluate((list) => list.map((id) => (document.querySelector(`.react-flow__node[data-id="${id}"]`) as HTMLElement | null)?.style.transform ?? 'absent'), ids);
}

async function main(): Promise<void> {
  const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => p && existsSync(p));
  if (!chromiumPath) throw new Error('No Chromium: apt-get install chromium or set CHROMIUM_PATH');
  const web = await startWebConsole();
  const context = await chromium.launchPersistentContext('', { executablePath: chromiumPath, args: [...CHROMIUM_ARGS], viewport: { width: 1440, height: 900 } });
  try {
    for (let i = 0; i < 300 && !/Embedded broker: amqp:/.test(web.output()); i++) await new Promise((r) => setTimeout(r, 100));
    const amqpUrl = (/Embedded broker: (amqp:\/\/[^,\s]+)/.exec(web.output())?.[1] ?? '').replace('amqp://', 'amqp://guest:guest@');
    say(`Warren topology benchmark on the embedded broker (${amqpUrl.replace(/\/\/.*@/, '//')})`);
    await declare(amqpUrl);

    const page = context.pages()[0] ?? (await context.newPage());
    // Straight to the Broker page: the Overview's charts of a 3,000-queue vhost are not what this measures.
    await page.goto(`${web.url.replace(/#.*$/, '')}#/broker`);
    await page.getByText('Connected', { exact: true }).waitFor({ timeout: 60_000 });
    // Until the sampler has seen them all, the view would open on a partial vhost.
    await page.getByRole('link', { name: /Queues/ }).first().waitFor();
    for (let i = 0; i < 120; i++) {
      const count = await page.getByRole('link', { name: /Queues/ }).first().textContent();
      if (Number((count ?? '').replace(/\D/g, '')) >= QUEUES) break;
      await new Promise((r) => setTimeout(r, 500));
    }

    say('\nOpening the Topology view');
    await page.waitForTimeout(2000);
    const opened = performance.now();
    await page.evaluate(() => (location.hash = '#/topology'));
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=topology]')?.getAttribute('data-layout-runs')) >= 1, undefined, { timeout: 120_000 });
    // Zoomed out, a graph this large is drawn on the graph canvas; two frames later it is on screen.
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=topology]')?.getAttribute('data-nodes')) >= n, EXCHANGES + QUEUES, { timeout: 60_000 });
    await page.waitForSelector('[data-testid=topology][aria-busy=false]', { timeout: 60_000 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const shown = performance.now() - opened;
    say(`  graph: ${await attr(page, 'data-nodes')} nodes, ${await attr(page, 'data-edges')} edges`);
    say(`  click → snapshot fetched, graph built, laid out and painted: ${ms(shown)}`);
    // A fresh layout of the whole graph, timed in the worker.
    const runs = Number(await attr(page, 'data-layout-runs'));
    await page.getByRole('button', { name: 'Re-layout' }).click();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=topology]')?.getAttribute('data-layout-runs')) > n, runs, { timeout: 60_000 });
    say(`  fresh layout in the worker (${await attr(page, 'data-layout-engine')}): ${await attr(page, 'data-layout-ms')} ms  (target ≤ 2,000 ms)`);
    await page.getByRole('button', { name: 'Fit' }).click();
    await page.waitForSelector('.topology__graph-canvas', { timeout: 10_000 });
    await page.waitForTimeout(1500);

    say('\nViewport, one change per frame (120 frames each)');
    await frames(page, 'pan', 'pan, whole graph in view');
    await frames(page, 'zoom', 'zoom in and out around the whole graph');
    await page.getByRole('searchbox', { name: 'Find a node' }).fill(queue(1500));
    await page.getByRole('searchbox', { name: 'Find a node' }).press('Enter');
    await page.getByRole('searchbox', { name: 'Find a node' }).press('Escape');
    await page.waitForTimeout(800);
    await frames(page, 'pan', 'pan at 90 %, a neighbourhood in view');
    await frames(page, 'zoom', 'zoom in and out at 90 %');

    say('\nLive updates');
    // Zoomed in on bench.q.0000 and its exchange, so their nodes are on screen as DOM nodes.
    await page.getByRole('searchbox', { name: 'Find a node' }).fill(queue(0));
    await page.getByRole('searchbox', { name: 'Find a node' }).press('Enter');
    await page.getByRole('searchbox', { name: 'Find a node' }).press('Escape');
    await page.waitForTimeout(800);
    const runsBefore = await attr(page, 'data-layout-runs');
    const sample = [`q:${encodeURIComponent(queue(0))}`, `e:${encodeURIComponent(exchange(0))}`];
    const before = await positions(page, sample);
    const conn = await amqp.connect(amqpUrl);
    const ch = await conn.createChannel();
    for (let i = 0; i < 7; i++) ch.sendToQueue(queue(0), Buffer.from('x'));
    const published = performance.now();
    await page.waitForFunction((id) => /ready\s*7/.test(document.querySelector(`.react-flow__node[data-id="${id}"]`)?.textContent ?? ''), sample[0], { timeout: 30_000 });
    say(`  7 messages into ${queue(0)}: its node shows ready 7 after ${ms(performance.now() - published)} (the sampler's interval included); layout runs ${runsBefore} → ${await attr(page, 'data-layout-runs')}`);
    await ch.assertQueue('bench.q.new', { durable: false });
    await ch.bindQueue('bench.q.new', exchange(0), 'new');
    await conn.close();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=topology]')?.getAttribute('data-layout-runs')) > n, Number(runsBefore), { timeout: 60_000 });
    const after = await positions(page, sample);
    const moved = before.filter((p, i) => p !== after[i]).length;
    say(`  a queue declared and bound: incremental layout in ${await attr(page, 'data-layout-ms')} ms; ${moved} of the ${sample.length} nodes on screen moved`);
  } catch (err) {
    // What the page showed when it went wrong, beside the error.
    await context.pages()[0]?.screenshot({ path: 'test-results/bench-topology-failure.png' }).catch(() => undefined);
    throw err;
  } finally {
    await context.close();
    await web.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:topology failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
