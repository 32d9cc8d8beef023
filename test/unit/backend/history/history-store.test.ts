import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../../electron/backend/history/history-store.js';
import { historyEvents, queryHistory, sparklines } from '../../../../electron/backend/history/history-query.js';
import { sampleOf } from './history-fixtures.js';

const T0 = Date.UTC(2026, 10, 22, 10, 0, 0);
const queue = { kind: 'queue', vhost: '/', name: 'jobs' } as const;

describe('history store', () => {
  it('records ready, unacked, total, bytes, consumers and rates from counter increases', () => {
    const store = new HistoryStore();
    store.append(sampleOf(T0, [{ name: 'jobs', ready: 10, unacked: 2, bytes: 1200, consumers: 1, publish: 100, deliver: 50, ack: 40, redeliver: 0 }]));
    store.append(sampleOf(T0 + 2000, [{ name: 'jobs', ready: 14, unacked: 3, bytes: 1700, consumers: 1, publish: 110, deliver: 56, ack: 45, redeliver: 1 }]));
    const { series, gaps, source, resolutionMs } = queryHistory(store, { scope: queue, from: T0, to: T0 + 2000 }, 2000);
    expect(series.t).toEqual([T0, T0 + 2000]);
    expect(series.ready).toEqual([10, 14]);
    expect(series.unacked).toEqual([2, 3]);
    expect(series.total).toEqual([12, 17]);
    expect(series.bytes).toEqual([1200, 1700]);
    expect(series.consumers).toEqual([1, 1]);
    // No rate for the first sample: nothing to take an increase from.
    expect(series.publishRate).toEqual([null, 5]);
    expect(series.deliverRate).toEqual([null, 3]);
    expect(series.ackRate).toEqual([null, 2.5]);
    expect(series.redeliverRate).toEqual([null, 0.5]);
    expect({ gaps, source, resolutionMs }).toEqual({ gaps: [], source: 'management', resolutionMs: 2000 });
  });

  it('counts what was published into a queue declared between two samples from 0, and a broker without queues as empty', () => {
    const store = new HistoryStore();
    store.append(sampleOf(T0, []));
    store.append(sampleOf(T0 + 2000, [{ name: 'jobs', ready: 30, publish: 30 }]));
    const { series } = queryHistory(store, { scope: queue, from: T0, to: T0 + 2000 }, 2000);
    expect(series.ready).toEqual([null, 30]);
    expect(series.publishRate).toEqual([null, 15]);
    const broker = queryHistory(store, { scope: { kind: 'broker' }, from: T0, to: T0 + 2000 }, 2000).series;
    expect(broker.ready).toEqual([0, 30]);
  });

  it('sums queues into their vhost and the broker', () => {
    const store = new HistoryStore();
    store.append(sampleOf(T0, [{ name: 'a', ready: 1, publish: 0 }, { name: 'b', ready: 2, publish: 0 }, { vhost: 'other', name: 'c', ready: 4, publish: 0 }]));
    store.append(sampleOf(T0 + 2000, [{ name: 'a', ready: 3, publish: 4 }, { name: 'b', ready: 5, publish: 2 }, { vhost: 'other', name: 'c', ready: 6, publish: 10 }]));
    const vhost = queryHistory(store, { scope: { kind: 'vhost', vhost: '/' }, from: T0, to: T0 + 2000 }, 2000).series;
    expect(vhost.ready).toEqual([3, 8]);
    expect(vhost.publishRate).toEqual([null, 3]);
    const broker = queryHistory(store, { scope: { kind: 'broker' }, from: T0, to: T0 + 2000 }, 2000).series;
    expect(broker.ready).toEqual([7, 14]);
    expect(broker.publishRate).toEqual([null, 8]);
  });

  it('treats a counter that goes back as a reset: no rate for that interval, never a negative one, and a marker', () => {
    const store = new HistoryStore();
    store.append(sampleOf(T0, [{ name: 'jobs', ready: 5, publish: 1000 }]));
    store.append(sampleOf(T0 + 2000, [{ name: 'jobs', ready: 5, publish: 1010 }]));
    store.append(sampleOf(T0 + 4000, [{ name: 'jobs', ready: 0, publish: 3 }]));
    store.append(sampleOf(T0 + 6000, [{ name: 'jobs', ready: 0, publish: 7 }]));
    const { series } = queryHistory(store, { scope: queue, from: T0, to: T0 + 6000 }, 2000);
    expect(series.publishRate).toEqual([null, 5, null, 2]);
    const { markers } = historyEvents(store, { scope: queue, from: T0, to: T0 + 6000 });
    expect(markers.map((m) => m.kind)).toEqual(['reset']);
  });

  it('records a gap after a break or a long silence, with a null point so lines break, and no rate across it', () => {
    const store = new HistoryStore();
    store.append(sampleOf(T0, [{ name: 'jobs', ready: 1, publish: 0 }]));
    store.append(sampleOf(T0 + 2000, [{ name: 'jobs', ready: 2, publish: 2 }]));
    store.markBreak();
    expect(store.append(sampleOf(T0 + 4000, [{ name: 'jobs', ready: 3, publish: 4 }])).gap).toBe(true);
    // 30 s of silence at a 2 s interval: Warren was not sampling.
    expect(store.append(sampleOf(T0 + 34_000, [{ name: 'jobs', ready: 4, publish: 100 }])).gap).toBe(true);
    expect(store.append(sampleOf(T0 + 36_000, [{ name: 'jobs', ready: 5, publish: 102 }])).gap).toBe(false);
    const { series, gaps } = queryHistory(store, { scope: queue, from: T0, to: T0 + 40_000 }, 2000);
    expect(gaps).toEqual([
      [T0 + 2000, T0 + 4000],
      [T0 + 4000, T0 + 34_000],
    ]);
    expect(series.t).toEqual([T0, T0 + 2000, T0 + 2001, T0 + 4000, T0 + 4001, T0 + 34_000, T0 + 36_000]);
    expect(series.ready).toEqual([1, 2, null, 3, null, 4, 5]);
    expect(series.publishRate).toEqual([null, 1, null, null, null, null, 1]);
  });

  it('keeps one point a minute beyond the full-resolution hour: gauges averaged, rates over the time covered', () => {
    const store = new HistoryStore({ fullResolutionMs: 60_000 });
    // Minute 0: ready 0, 10, 20 ... ; publish +6 every 2 s (3/s).
    for (let i = 0; i <= 90; i++) store.append(sampleOf(T0 + i * 2000, [{ name: 'jobs', ready: (i % 30) * 10, publish: i * 6 }]));
    const now = T0 + 180_000;
    const { series, resolutionMs } = queryHistory(store, { scope: queue, from: T0, to: T0 + 59_999 }, 2000);
    expect(resolutionMs).toBe(60_000);
    expect(series.t).toEqual([T0]);
    // Mean of 0, 10, ... 290.
    expect(series.ready[0]).toBe(145);
    // The first sample of the run has no increase: 29 intervals of 2 s, 6 each.
    expect(series.publishRate[0]).toBe(3);
    expect(store.oldestAt()).toBe(T0);
    const recent = queryHistory(store, { scope: queue, from: now - 60_000, to: now }, 2000);
    expect(recent.resolutionMs).toBe(2000);
  });

  it('draws no minute point before the first sample when full resolution still reaches back to it', () => {
    const store = new HistoryStore();
    // The queue appears 10 s into a clock minute; two minutes later the minute tier holds that minute too.
    const first = T0 + 10_000;
    for (let i = 0; i <= 60; i++) store.append(sampleOf(first + i * 2000, [{ name: 'jobs', ready: 5 }]));
    const { series } = queryHistory(store, { scope: queue, from: T0 - 60_000, to: first + 120_000 }, 2000);
    expect(series.t[0]).toBe(first);
    expect(series.t.filter((t) => t < first)).toEqual([]);
  });

  it('averages into maxPoints buckets when asked for fewer points', () => {
    const store = new HistoryStore();
    for (let i = 0; i < 10; i++) store.append(sampleOf(T0 + i * 2000, [{ name: 'jobs', ready: i }]));
    const { series, resolutionMs } = queryHistory(store, { scope: queue, from: T0, to: T0 + 19_999, maxPoints: 2 }, 2000);
    expect(resolutionMs).toBe(10_000);
    expect(series.t).toEqual([T0, T0 + 10_000]);
    expect(series.ready).toEqual([2, 7]);
  });

  it('answers sparklines for many queues, leaving out queues it never saw', () => {
    const store = new HistoryStore();
    for (let i = 0; i < 30; i++) store.append(sampleOf(T0 + i * 2000, [{ name: 'a', ready: i, unacked: 1 }, { name: 'b', ready: 0 }]));
    const now = T0 + 60_000;
    const result = sparklines(store, { keys: ['/\u0000a', '/\u0000b', '/\u0000ghost'], minutes: 1, points: 2 }, now);
    expect(result.stepMs).toBe(30_000);
    expect(result.from).toBe(T0);
    // Totals (ready + unacked) of a: 1..15 then 16..30.
    expect(result.values['/\u0000a']).toEqual([8, 23]);
    expect(result.values['/\u0000b']).toEqual([0, 0]);
    expect(result.values['/\u0000ghost']).toBeUndefined();
  });

  it('answers rate sparklines from counter increases', () => {
    const store = new HistoryStore();
    for (let i = 0; i < 30; i++) store.append(sampleOf(T0 + i * 2000, [{ name: 'a', ready: 0, publish: i * (i < 15 ? 4 : 10) }]));
    const result = sparklines(store, { keys: ['/\u0000a'], minutes: 1, points: 2, metric: 'publishRate' }, T0 + 60_000);
    // 2/s in the first half (the first sample has no rate), then a jump of 60 at the switch and 5/s.
    expect(result.values['/\u0000a']).toEqual([2, (((15 * 10 - 14 * 4) / 2) + 14 * 5) / 15]);
  });

  it('marks consumer changes, policy changes, queues created and deleted, and says a purge might be an expiry', () => {
    const store = new HistoryStore();
    store.append(sampleOf(T0, [{ name: 'jobs', ready: 500, consumers: 0, deliver: 0 }]));
    store.append(sampleOf(T0 + 2000, [{ name: 'jobs', ready: 500, consumers: 2, deliver: 0, policy: 'ttl' }, { name: 'new', ready: 0 }]));
    store.append(sampleOf(T0 + 4000, [{ name: 'jobs', ready: 0, consumers: 2, deliver: 10, policy: 'ttl' }]));
    const { markers } = historyEvents(store, { scope: { kind: 'broker' }, from: T0, to: T0 + 4000 });
    expect(markers.map((m) => [m.t - T0, m.kind, m.text])).toEqual([
      [2000, 'consumers', 'Consumers 0 → 2'],
      [2000, 'policy', 'Policy none → ttl'],
      [2000, 'created', 'Queue new appeared'],
      [4000, 'purge', 'Ready 500 → 0 with 10 delivered: purged or expired'],
      [4000, 'deleted', 'Queue new disappeared'],
    ]);
    expect(historyEvents(store, { scope: queue, from: T0, to: T0 + 4000 }).markers).toHaveLength(3);
  });

  it('records counts the broker did not give as no data, and takes AMQP counts for the latest sample', () => {
    const store = new HistoryStore();
    const blind = sampleOf(T0, [{ name: 'jobs', ready: NaN, unacked: NaN, publish: NaN }], { statsAvailable: false });
    store.append(blind);
    expect(store.patchLatest('/\u0000jobs', T0, 42, 1)).toBe(true);
    const result = queryHistory(store, { scope: queue, from: T0, to: T0 }, 2000);
    expect(result.source).toBe('amqp-passive');
    expect(result.statsAvailable).toBe(false);
    expect(result.series.ready).toEqual([42]);
    expect(result.series.consumers).toEqual([1]);
    expect(result.series.unacked).toEqual([null]);
    expect(result.series.publishRate).toEqual([null]);
  });
});

describe('history store memory budget', () => {
  it('gives up full resolution first (the minute points of that time stay), then the oldest minutes', () => {
    const store = new HistoryStore({ memoryBudgetBytes: 60_000 });
    const queues = Array.from({ length: 20 }, (_, q) => q);
    for (let i = 0; i < 1800; i++) store.append(sampleOf(T0 + i * 2000, queues.map((q) => ({ name: `q${q}`, ready: (i * 7 + q * 13) % 1000, unacked: i % 3, publish: i * (q + 1) }))));
    const now = T0 + 1799 * 2000;
    expect(store.full.packedBytes() + store.minutes.packedBytes()).toBeLessThanOrEqual(60_000);
    // Full resolution no longer reaches back an hour, but still covers the last ten minutes.
    expect(store.full.firstTime).toBeGreaterThan(T0 + 5 * 60_000);
    expect(store.full.firstTime).toBeLessThanOrEqual(now - 10 * 60_000);
    const older = queryHistory(store, { scope: { kind: 'queue', vhost: '/', name: 'q1' }, from: T0, to: now }, 2000);
    expect(older.series.ready.filter((v) => v !== null).length).toBeGreaterThan(300);
  });
});
