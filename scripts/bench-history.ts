/**
 * `npm run bench:history`: the history store's cost at 10,000 queues.
 *
 * Feeds the store the samples the sampler would hand it, generated in this
 * process: the store is what is measured, so no broker is involved. The
 * synthetic broker is a realistic mix by default (most queues idle, some
 * trickling, a few busy with messages moving every sample); `--busy 1` makes
 * every queue busy (the worst case for packing).
 *  1. One hour at one sample every 2 s: memory the history holds (heap and
 *     array buffers after a full GC, before and after) and the time each
 *     sample takes to record (it runs inside the sampler's 2 s cycle).
 *  2. 24 hours: 23 hours at one sample a minute (the one-minute tier keeps
 *     one point a minute either way, so this is the same data in less
 *     time), then one hour at 2 s. Memory, the time to answer a 24 h query
 *     for one queue, sparklines for 100 queues, and the file: size, compaction
 *     (a whole rewrite), read.
 *  3. Then --log-minutes more minutes at 2 s, saved once a minute as the
 *     recorder does: the bytes each minute appends to the log, against the
 *     whole-file rewrite every minute that came before it (the file's size).
 * Prints figures against the targets; asserts nothing.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { HistoryInput } from '../electron/backend/history/history-input.js';
import { queryHistory, sparklines } from '../electron/backend/history/history-query.js';
import { HistoryLog, readHistoryLog } from '../electron/backend/history/history-log.js';
import { HistoryStore } from '../electron/backend/history/history-store.js';
import { QUEUE_FIELDS } from '../electron/backend/management/queue-numbers.js';
import { rowKey } from '../shared/model/inventory.js';

const { values: opts } = parseArgs({
  options: {
    queues: { type: 'string', default: '10000' },
    busy: { type: 'string', default: '0.05' },
    trickle: { type: 'string', default: '0.25' },
    'skip-day': { type: 'boolean', default: false },
    'log-minutes': { type: 'string', default: '10' },
  },
});

const QUEUES = Number(opts.queues);
const BUSY = Number(opts.busy);
const TRICKLE = Number(opts.trickle);
const INTERVAL = 2000;
const HOUR = 3600_000;

const say = (line: string) => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (n: number) => `${n.toFixed(2)} ms`;
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

const gc = (globalThis as { gc?: () => void }).gc;
function memory(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** A deterministic pseudo-random generator, so two runs feed the same numbers. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The synthetic broker: per queue, its kind and running totals. */
function syntheticBroker() {
  const rnd = random(42);
  const kinds = new Uint8Array(QUEUES).map(() => {
    const r = rnd();
    return r < BUSY ? 2 : r < BUSY + TRICKLE ? 1 : 0;
  });
  const keys = Array.from({ length: QUEUES }, (_, i) => rowKey(`vhost-${i % 10}`, `orders.q${String(i).padStart(5, '0')}`));
  const vhosts = keys.map((k) => k.slice(0, k.indexOf('\u0000')));
  const policies = keys.map((_, i) => (i % 7 === 0 ? 'ha-all' : null));
  const ready = new Float64Array(QUEUES);
  const unacked = new Float64Array(QUEUES);
  const consumers = Float64Array.from(kinds, (k) => (k === 0 ? (rnd() < 0.5 ? 1 : 0) : 1 + Math.floor(rnd() * 4)));
  const totals = new Float64Array(QUEUES * 4);
  return (at: number): HistoryInput => {
    const data = new Float64Array(QUEUES * QUEUE_FIELDS);
    for (let i = 0; i < QUEUES; i++) {
      const kind = kinds[i] as number;
      if (kind > 0) {
        const scale = kind === 2 ? 400 : 4;
        const published = Math.floor(rnd() * scale);
        const delivered = Math.min((ready[i] as number) + published, Math.floor(rnd() * scale));
        ready[i] = Math.max(0, (ready[i] as number) + published - delivered);
        unacked[i] = kind === 2 ? Math.floor(rnd() * 50) : Math.floor(rnd() * 2);
        totals[i * 4] = (totals[i * 4] as number) + published;
        totals[i * 4 + 1] = (totals[i * 4 + 1] as number) + delivered;
        totals[i * 4 + 2] = (totals[i * 4 + 2] as number) + Math.max(0, delivered - 1);
        totals[i * 4 + 3] = (totals[i * 4 + 3] as number) + (rnd() < 0.05 ? 1 : 0);
      }
      const r = ready[i] as number;
      const u = unacked[i] as number;
      data.set([r, u, (r + u) * 512, consumers[i] as number, totals[i * 4] as number, totals[i * 4 + 1] as number, totals[i * 4 + 2] as number, totals[i * 4 + 3] as number], i * QUEUE_FIELDS);
    }
    return { at, intervalMs: INTERVAL, statsAvailable: true, keys, vhosts, policies, data };
  };
}

function feed(store: HistoryStore, next: (at: number) => HistoryInput, from: number, count: number, stepMs: number, times?: number[]): void {
  for (let s = 0; s < count; s++) {
    const input = next(from + s * stepMs);
    const t0 = performance.now();
    store.append(stepMs === INTERVAL ? input : { ...input, intervalMs: stepMs });
    times?.push(performance.now() - t0);
  }
}

say(`History store benchmark: ${QUEUES.toLocaleString('en-US')} queues, synthetic samples generated in-process (no broker: this measures the store).`);
say(`Mix: ${(BUSY * 100).toFixed(0)} % busy (hundreds of messages a sample), ${(TRICKLE * 100).toFixed(0)} % trickling, the rest idle.${gc ? '' : ' (run with --expose-gc for exact memory figures)'}`);

const start = Date.UTC(2026, 0, 1);
{
  const next = syntheticBroker();
  const before = memory();
  const store = new HistoryStore();
  const times: number[] = [];
  feed(store, next, start, HOUR / INTERVAL, INTERVAL, times);
  const after = memory();
  say('');
  say('1 hour at 2 s (1,800 samples):');
  say(`  history memory     ${mb(after - before)}  (target ≤ 200 MB; packed arrays ${mb(store.bytes())})`);
  say(`  record one sample  median ${ms(pct(times, 50))}, p99 ${ms(pct(times, 99))}, max ${ms(Math.max(...times))}  (target: well inside the 2,000 ms cycle)`);
  say(`  full resolution reaches back ${(((store.full.lastTime ?? 0) - (store.full.firstTime ?? 0)) / 60_000).toFixed(0)} min (the memory budget trims it when everything moves)`);
}

if (!opts['skip-day']) {
  const next = syntheticBroker();
  const before = memory();
  const store = new HistoryStore();
  const dayStart = start + 2 * 24 * HOUR;
  feed(store, next, dayStart, 23 * 60, 60_000);
  feed(store, next, dayStart + 23 * HOUR, HOUR / INTERVAL, INTERVAL);
  const after = memory();
  const end = dayStart + 24 * HOUR;
  const queryTimes: number[] = [];
  let points = 0;
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const result = queryHistory(store, { scope: { kind: 'queue', vhost: `vhost-${(i * 97) % 10}`, name: `orders.q${String(i * 97).padStart(5, '0')}` }, from: end - 24 * HOUR, to: end, maxPoints: 1000 }, INTERVAL);
    queryTimes.push(performance.now() - t0);
    points = result.series.t.length;
  }
  const rawT0 = performance.now();
  const raw = queryHistory(store, { scope: { kind: 'queue', vhost: 'vhost-1', name: 'orders.q00001' }, from: end - 24 * HOUR, to: end, maxPoints: 10_000 }, INTERVAL);
  const rawMs = performance.now() - rawT0;
  const brokerT0 = performance.now();
  queryHistory(store, { scope: { kind: 'broker' }, from: end - 24 * HOUR, to: end, maxPoints: 1000 }, INTERVAL);
  const brokerMs = performance.now() - brokerT0;
  const keys = Array.from({ length: 100 }, (_, i) => rowKey(`vhost-${i % 10}`, `orders.q${String(i).padStart(5, '0')}`));
  const sparkT0 = performance.now();
  sparklines(store, { keys, minutes: 15, points: 30 }, end);
  const sparkMs = performance.now() - sparkT0;

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'warren-bench-history-'));
  const file = path.join(dir, 'bench.whist');
  const log = new HistoryLog(file);
  const w0 = performance.now();
  await log.compact(store);
  const writeMs = performance.now() - w0;
  const bytes = log.bytes;
  const r0 = performance.now();
  await readHistoryLog(file);
  const readMs = performance.now() - r0;

  const minutes = Number(opts['log-minutes']);
  const appended: number[] = [];
  const appendTimes: number[] = [];
  for (let m = 0; m < minutes; m++) {
    feed(store, next, end + m * 60_000 + INTERVAL, 60_000 / INTERVAL, INTERVAL);
    const before = log.bytesWritten;
    const compactionsBefore = log.compactions;
    const t0 = performance.now();
    await log.save(store);
    if (log.compactions === compactionsBefore) {
      appendTimes.push(performance.now() - t0);
      appended.push(log.bytesWritten - before);
    }
  }
  const live = store.full.packedBytes() + store.minutes.packedBytes();
  await fs.rm(dir, { recursive: true, force: true });

  say('');
  say('24 hours (23 h at one sample a minute, then 1 h at 2 s):');
  say(`  history memory        ${mb(after - before)}  (packed arrays ${mb(store.bytes())})`);
  say(`  24 h query, one queue median ${ms(pct(queryTimes, 50))}, max ${ms(Math.max(...queryTimes))}  (${points} points; maxPoints 1000)`);
  say(`  24 h query, all points ${ms(rawMs)}  (${raw.series.t.length.toLocaleString('en-US')} points)`);
  say(`  24 h query, broker     ${ms(brokerMs)}`);
  say(`  sparklines, 100 queues × 15 min  ${ms(sparkMs)}`);
  say(`  file                  ${mb(bytes)}, compacted (written whole) in ${ms(writeMs)}, read in ${ms(readMs)}`);
  if (appended.length > 0) {
    const perMinute = appended.reduce((a, b) => a + b, 0) / appended.length;
    say('');
    say(`Saving once a minute for ${minutes} more minutes at 2 s:`);
    say(`  before (whole file every minute)  ${mb(bytes)} a minute`);
    say(`  append log                        ${mb(perMinute)} a minute (median append ${ms(pct(appendTimes, 50))}); ${log.compactions - 1} compaction(s) in the run`);
    // The log is compacted once it has grown by the live size again: one rewrite per live/perMinute minutes.
    say(`  with compactions, amortised       ${mb(perMinute * 2)} a minute (a ${mb(live)} rewrite every ~${(live / perMinute).toFixed(0)} min)`);
  }
}
