import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventHub } from '../../../../electron/backend/events.js';
import { decodeSnapshot, encodeSnapshot } from '../../../../electron/backend/history/history-snapshot.js';
import { queryHistory } from '../../../../electron/backend/history/history-query.js';
import { createHistoryRecorder } from '../../../../electron/backend/history/history-recorder.js';
import { HistoryStore } from '../../../../electron/backend/history/history-store.js';
import { memoryLogger } from '../../../../electron/backend/logger.js';
import { sampleOf } from './history-fixtures.js';

const T0 = Date.UTC(2026, 10, 22, 10, 0, 0);
const queue = { kind: 'queue', vhost: '/', name: 'jobs' } as const;

function filledStore(samples: number): HistoryStore {
  const store = new HistoryStore();
  for (let i = 0; i < samples; i++) store.append(sampleOf(T0 + i * 2000, [{ name: 'jobs', ready: i, unacked: i % 3, bytes: i * 100, consumers: 1, publish: i * 2, deliver: i }]));
  return store;
}

describe('history snapshot', () => {
  it('round-trips: the same answers after encode and decode, open chunks included', () => {
    const store = filledStore(75);
    store.markBreak();
    store.append(sampleOf(T0 + 500_000, [{ name: 'jobs', ready: 1 }]));
    const before = queryHistory(store, { scope: queue, from: T0, to: T0 + 600_000 }, 2000);
    const restored = new HistoryStore({}, decodeSnapshot(encodeSnapshot(store.state())).state);
    expect(queryHistory(restored, { scope: queue, from: T0, to: T0 + 600_000 }, 2000)).toEqual(before);
    expect(before.series.t.length).toBe(75 + 2);
  });

  it('refuses a damaged file: a flipped byte, a cut, garbage', () => {
    const bytes = encodeSnapshot(filledStore(40).state());
    const flipped = Buffer.from(bytes);
    flipped[bytes.length - 20] = (flipped[bytes.length - 20] as number) ^ 0xff;
    expect(() => decodeSnapshot(flipped)).toThrow(/checksum/);
    expect(() => decodeSnapshot(bytes.subarray(0, bytes.length - 10))).toThrow(/cut short/);
    expect(() => decodeSnapshot(Buffer.from('hello world, not history'))).toThrow(/not a Warren history file/);
  });
});

describe('history recorder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'warren-history-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const sample = (at: number, ready: number) => {
    const s = sampleOf(at, [{ name: 'jobs', ready }]);
    return { at, queueNumbers: s, statsDisabled: false };
  };

  it('keeps a profile history across a restart and announces each sample', async () => {
    const log = memoryLogger();
    const hub = createEventHub(log);
    const seen: unknown[] = [];
    hub.subscribe((event, payload) => {
      if (event === 'history.appended') seen.push(payload);
    });
    const first = await createHistoryRecorder({ dataDir: dir, hub, log });
    await first.storeFor('p1');
    first.record('p1', sample(T0, 3), 2000);
    first.record('p1', sample(T0 + 2000, 4), 2000);
    await first.close();
    expect(seen).toEqual([
      { profileId: 'p1', at: T0, gap: false },
      { profileId: 'p1', at: T0 + 2000, gap: false },
    ]);

    const second = await createHistoryRecorder({ dataDir: dir, hub, log });
    const store = await second.storeFor('p1');
    second.record('p1', sample(T0 + 60_000, 5), 2000);
    const { series, gaps } = queryHistory(store, { scope: queue, from: T0, to: T0 + 60_000 }, 2000);
    expect(series.ready.filter((v) => v !== null)).toEqual([3, 4, 5]);
    expect(gaps).toEqual([[T0 + 2000, T0 + 60_000]]);
    expect(second.bytesOnDisk('p1')).toBeGreaterThan(0);
    await second.close();
  });

  it('logs a damaged file, sets it aside and starts that profile afresh', async () => {
    await fs.mkdir(path.join(dir, 'history'));
    await fs.writeFile(path.join(dir, 'history', 'p1.whist'), 'WRH1 this is not what it claims');
    const log = memoryLogger();
    const recorder = await createHistoryRecorder({ dataDir: dir, hub: createEventHub(log), log });
    const store = await recorder.storeFor('p1');
    expect(store.scopes.size).toBe(0);
    expect(log.lines.some((l) => l.includes('history file damaged'))).toBe(true);
    await expect(fs.stat(path.join(dir, 'history', 'p1.whist.damaged'))).resolves.toBeTruthy();
    recorder.record('p1', sample(T0, 1), 2000);
    await recorder.close();
    const again = await createHistoryRecorder({ dataDir: dir, hub: createEventHub(log), log });
    expect((await again.storeFor('p1')).scopes.size).toBeGreaterThan(0);
    await again.close();
  });

  it('writes and lets go of a profile once another one is sampled, and loads it again when asked', async () => {
    const log = memoryLogger();
    const recorder = await createHistoryRecorder({ dataDir: dir, hub: createEventHub(log), log });
    await recorder.storeFor('p1');
    recorder.record('p1', sample(T0, 7), 2000);
    const p1 = await recorder.storeFor('p1');
    await recorder.storeFor('p2');
    recorder.record('p2', sample(T0 + 2000, 1), 2000);
    await recorder.save();
    expect(recorder.bytesOnDisk('p1')).toBe(0);
    const again = await recorder.storeFor('p1');
    expect(again).not.toBe(p1);
    expect(queryHistory(again, { scope: queue, from: T0, to: T0 }, 2000).series.ready).toEqual([7]);
    await recorder.close();
  });

  it('persists the retention and applies it', async () => {
    const log = memoryLogger();
    const recorder = await createHistoryRecorder({ dataDir: dir, hub: createEventHub(log), log });
    expect(recorder.settings()).toEqual({ retentionHours: 24 });
    await recorder.configure({ retentionHours: 2 });
    await recorder.close();
    const again = await createHistoryRecorder({ dataDir: dir, hub: createEventHub(log), log });
    expect(again.settings()).toEqual({ retentionHours: 2 });
    expect((await again.storeFor('p1')).retentionMs).toBe(2 * 3600_000);
    await again.close();
  });
});

describe('history state compaction', () => {
  it('forgets scopes no chunk mentions and renumbers the rest in order', () => {
    const options = { fullResolutionMs: 120_000, retentionMs: 300_000 };
    const store = new HistoryStore(options);
    // 40 one-off queues (like RPC reply queues), then only "jobs" for long enough that their chunks are dropped.
    for (let i = 0; i < 40; i++) store.append(sampleOf(T0 + i * 2000, [{ name: `amq.gen-${i}` }, { name: 'jobs', ready: i }].map((q) => ({ ready: 0, ...q }))));
    for (let i = 40; i < 1200; i++) store.append(sampleOf(T0 + i * 2000, [{ name: 'jobs', ready: i }]));
    const saved = store.state();
    expect(saved.keys.length).toBe(40 + 1 + 2);
    const restored = new HistoryStore(options, decodeSnapshot(encodeSnapshot(saved)).state);
    expect(restored.scopes.keys).toEqual(['q\u0000/\u0000jobs', 'v\u0000/', 'b']);
    const to = T0 + 1199 * 2000;
    expect(queryHistory(restored, { scope: queue, from: to - 60_000, to }, 2000).series.ready).toEqual(queryHistory(store, { scope: queue, from: to - 60_000, to }, 2000).series.ready);
  });
});
