/**
 * `npm run bench:chart`: how long the queue page takes to draw one queue's
 * charts over 24 hours.
 *
 * Writes a history for the embedded broker's profile as the store keeps it
 * (one point a minute for 23 h, then an hour at one sample every 2 s, ending
 * now) for a busy queue among --queues others, starts the real web console
 * on that data folder, declares the queue on the embedded broker and opens
 * its page in Chromium. Then, several times each:
 *  1. range click: from the click on "24 h" (the page showing 5 min) to the
 *     frame after every chart of the page has its 24 h axis and its lines;
 *  2. opening the page: from the change of address (the range already at
 *     24 h) to the same frame.
 * Timed inside the page: performance.now() at the click or address change, a
 * MutationObserver until the charts are complete, then the next animation
 * frame and a task after it (the frame has been painted by then). Also the
 * CPU time of the page's main thread over the same span (Chromium's
 * ThreadTime metric): on a busy machine the wall time includes waiting for a
 * CPU, the thread time is what drawing the charts cost.
 * Prints p50 and max against the target (≤ 200 ms); asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import amqp from 'amqplib';
import { type CDPSession, chromium, type Page } from 'playwright-core';
import { EMBEDDED_PROFILE_ID } from '../electron/backend/embedded/supervisor.js';
import type { HistoryInput } from '../electron/backend/history/history-input.js';
import { HistoryLog } from '../electron/backend/history/history-log.js';
import { HistoryStore } from '../electron/backend/history/history-store.js';
import { QUEUE_FIELDS } from '../electron/backend/management/queue-numbers.js';
import { rowKey } from '../shared/model/inventory.js';
import { embeddedAmqpPort } from '../test/e2e/support/embedded-port.js';
import { startWebConsole } from '../test/e2e/support/web-console.js';
import { CHROMIUM_ARGS, chromiumPath } from '../test/support/requirements.js';

const { values: opts } = parseArgs({
  options: {
    queues: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '10' },
  },
});

const QUEUES = Number(opts.queues);
const RUNS = Number(opts.runs);
const INTERVAL = 2000;
const HOUR = 3600_000;
const QUEUE = 'bench.chart.orders';

const say = (line: string) => process.stdout.write(`${line}\n`);
const ms = (n: number) => `${n.toFixed(0)} ms`;
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** The charted queue rises and drains in waves all day; the others trickle. */
function samples(): (at: number, intervalMs: number) => HistoryInput {
  const keys = [rowKey('/', QUEUE), ...Array.from({ length: QUEUES - 1 }, (_, i) => rowKey('/', `bench.chart.q${String(i).padStart(5, '0')}`))];
  const vhosts = keys.map(() => '/');
  const policies = keys.map(() => null);
  const totals = new Float64Array(keys.length * 4);
  return (at, intervalMs) => {
    const data = new Float64Array(keys.length * QUEUE_FIELDS);
    for (let i = 0; i < keys.length; i++) {
      const wave = i === 0 ? Math.round(5000 * (1 + Math.sin(at / (40 * 60_000)))) : i % 3;
      const unacked = i === 0 ? 20 + Math.round(10 * Math.sin(at / 300_000)) : 0;
      // Messages per second, whatever the spacing of the samples.
      const rate = ((i === 0 ? 100 : i % 2) * intervalMs) / 1000;
      totals[i * 4] = (totals[i * 4] as number) + rate;
      totals[i * 4 + 1] = (totals[i * 4 + 1] as number) + rate;
      totals[i * 4 + 2] = (totals[i * 4 + 2] as number) + rate;
      data.set([wave, unacked, (wave + unacked) * 400, i === 0 ? 3 + (Math.floor(at / 3_600_000) % 3) : 1, ...totals.subarray(i * 4, i * 4 + 4)], i * QUEUE_FIELDS);
    }
    return { at, intervalMs, statsAvailable: true, keys, vhosts, policies, data };
  };
}

async function writeDay(dataDir: string, end: number): Promise<void> {
  const store = new HistoryStore();
  const next = samples();
  const start = end - 24 * HOUR;
  for (let at = start; at < end - HOUR; at += 60_000) store.append(next(at, 60_000));
  for (let at = end - HOUR; at <= end; at += INTERVAL) store.append(next(at, INTERVAL));
  store.flushMinute();
  await new HistoryLog(path.join(dataDir, 'history', `${EMBEDDED_PROFILE_ID}.whist`)).compact(store);
}

/**
 * Runs `start` in the page, then resolves with the ms from it to the frame
 * after every chart shows ticks matching `tickPattern` and has its lines.
 */
type Run = { total: number; answer: number; cpu: number };

async function threadTime(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

async function timeToCharts(page: Page, cdp: CDPSession, start: 'click-24h' | 'open-page', tickPattern: string, hash: string): Promise<Run> {
  const cpu0 = await threadTime(cdp);
  const timed = await page.evaluate(
    ([how, pattern, target]) =>
      new Promise<{ total: number; answer: number }>((resolve, reject) => {
        const ticks = new RegExp(pattern as string);
        const ready = (): boolean => {
          const panels = [...document.querySelectorAll('.history-charts .chart-panel')];
          if (panels.length === 0) return false;
          return panels.every((panel) => {
            const labels = [...panel.querySelectorAll('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')].map((t) => t.textContent ?? '');
            const lines = panel.querySelectorAll('.recharts-curve[d]');
            return labels.length > 0 && labels.every((l) => ticks.test(l)) && lines.length > 0;
          });
        };
        const timeout = setTimeout(() => reject(new Error('the charts did not draw within 30 s')), 30_000);
        let t0 = 0;
        const observer = new MutationObserver(() => {
          if (!ready()) return;
          observer.disconnect();
          requestAnimationFrame(() =>
            setTimeout(() => {
              clearTimeout(timeout);
              const answers = (window as unknown as { __historyAnswers: number[] }).__historyAnswers.filter((t) => t >= t0);
              resolve({ total: performance.now() - t0, answer: (answers.at(-1) ?? NaN) - t0 });
            }, 0),
          );
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        t0 = performance.now();
        if (how === 'click-24h') {
          const button = [...document.querySelectorAll<HTMLButtonElement>('.range-picker button')].find((b) => b.textContent === '24 h');
          if (!button) throw new Error('no 24 h button');
          button.click();
        } else window.location.hash = target as string;
      }),
    [start, tickPattern, hash] as const,
  );
  return { ...timed, cpu: (await threadTime(cdp)) - cpu0 };
}

async function waitForCharts(page: Page, tickPattern: RegExp): Promise<void> {
  await page.waitForFunction(
    (pattern) => {
      const panels = [...document.querySelectorAll('.history-charts .chart-panel')];
      return (
        panels.length > 0 &&
        panels.every((panel) => {
          const labels = [...panel.querySelectorAll('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')].map((t) => t.textContent ?? '');
          return labels.length > 0 && labels.every((l) => new RegExp(pattern).test(l)) && panel.querySelector('.recharts-curve[d]') !== null;
        })
      );
    },
    tickPattern.source,
    { timeout: 30_000 },
  );
}

const executable = chromiumPath();
if (!executable) throw new Error('Chromium is needed for this benchmark');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'warren-bench-chart-'));
const end = Date.now();
await writeDay(dataDir, end);
const web = await startWebConsole(['--data-dir', dataDir]);
const browser = await chromium.launch({ executablePath: executable, args: [...CHROMIUM_ARGS] });
try {
  const connection = await amqp.connect(`amqp://guest:guest@127.0.0.1:${await embeddedAmqpPort(web)}`);
  const channel = await connection.createChannel();
  await channel.assertQueue(QUEUE, { durable: false });
  await connection.close();

  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  // tsx names the page functions' inner functions with a helper the page does not have.
  await page.addInitScript('window.__name = (f) => f');
  // When each history answer arrives, to split the time into fetching and drawing.
  await page.addInitScript(`{
    const Native = window.WebSocket;
    window.__historyAnswers = [];
    window.WebSocket = class extends Native {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (e) => {
          if (typeof e.data === 'string' && e.data.includes('"resolutionMs"')) window.__historyAnswers.push(performance.now());
        });
      }
    };
  }`);
  await page.goto(web.url);
  await page.getByText('Connected', { exact: true }).waitFor({ timeout: 40_000 });
  const queueHash = `#/queues/${encodeURIComponent('/')}/${encodeURIComponent(QUEUE)}`;
  await page.evaluate((hash) => (window.location.hash = hash), queueHash);
  const SECONDS = /^\d\d:\d\d:\d\d$/;
  const MINUTES = '^\\d\\d:\\d\\d$';
  await waitForCharts(page, SECONDS);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const clicks: Run[] = [];
  const opens: Run[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.getByRole('button', { name: '5 min', exact: true }).click();
    await waitForCharts(page, SECONDS);
    clicks.push(await timeToCharts(page, cdp, 'click-24h', MINUTES, queueHash));
  }
  for (let run = 0; run < RUNS; run++) {
    await page.evaluate(() => (window.location.hash = '#/queues'));
    await page.locator('.history-charts').waitFor({ state: 'detached', timeout: 30_000 });
    opens.push(await timeToCharts(page, cdp, 'open-page', MINUTES, queueHash));
  }
  const points = await page.locator('.chart-panel').first().locator('.recharts-area-curve').first().getAttribute('d');

  say(`Queue chart benchmark: one queue's page over 24 h (23 h of minute points, then 1 h at 2 s), history of ${QUEUES.toLocaleString('en-US')} queues, real web console, Chromium headless.`);
  say(`Depth chart path: ${(points?.match(/L/g)?.length ?? 0) + 1} points. Load average at the end: ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} CPUs.`);
  const line = (label: string, runs: Run[]) => {
    const totals = runs.map((r) => r.total);
    const cpu = runs.map((r) => r.cpu);
    say(`  ${label}  p50 ${ms(pct(totals, 50))}, max ${ms(Math.max(...totals))}; main-thread CPU p50 ${ms(pct(cpu, 50))}, max ${ms(Math.max(...cpu))}  (answer on the socket after p50 ${ms(pct(runs.map((r) => r.answer), 50))}; ${RUNS} runs; target ≤ 200 ms)`);
  };
  line('click "24 h" → charts painted  ', clicks);
  line('open the page at 24 h → painted', opens);
} finally {
  await browser.close();
  await web.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
