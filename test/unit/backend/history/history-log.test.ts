import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventHub } from '../../../../electron/backend/events.js';
import { HistoryLog, readHistoryLog } from '../../../../electron/backend/history/history-log.js';
import { queryHistory } from '../../../../electron/backend/history/history-query.js';
import { createHistoryRecorder } from '../../../../electron/backend/history/history-recorder.js';
import { encodeSnapshot } from '../../../../electron/backend/history/history-snapshot.js';
import { HistoryStore } from '../../../../electron/backend/history/history-store.js';
import { memoryLogger } from '../../../../electron/backend/logger.js';
import { sampleOf } from './history-fixtures.js';

const T0 = Date.UTC(2026, 10, 22, 10, 0, 0);
const jobs = { kind: 'queue', vhost: '/', name: 'jobs' } as const;
const MINUTE = 60_000;

/** One sample every 2 s for `seconds`, from `from`: "jobs" counts up, and a new queue appears each minute. */
function record(store: HistoryStore, from: number, seconds: number): void {
  for (let s = 0; s < seconds; s += 2) {
    const at = from + s * 1000;
    const minute = Math.floor((at - T0) / MINUTE);
    store.append(sampleOf(at, [{ name: 'jobs', ready: (at - T0) / 2000, unacked: minute, publish: (at - T0) / 100 }, { name: `reply-${minute}`, ready: 1 }]));
  }
}

const answer = (store: HistoryStore, to: number) => queryHistory(store, { scope: jobs, from: T0 - MINUTE, to, maxPoints: 10_000 }, 2000);

describe('history log', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'warren-history-log-'));
    file = path.join(dir, 'p.whist');
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** The file read back as the recorder does: what it kept past the retention goes. */
  const restored = async (options: { fullResolutionMs?: number; retentionMs?: number } = {}) => {
    const loaded = await readHistoryLog(file);
    if (!loaded) throw new Error('no file');
    const store = new HistoryStore(options, loaded.state);
    store.setRetention(store.retentionMs);
    return { store, loaded };
  };

  it('appends only what is new each minute and reads back the same history, open chunks included', async () => {
    const store = new HistoryStore();
    const log = new HistoryLog(file);
    record(store, T0, 61);
    await log.save(store);
    const snapshotBytes = log.bytes;
    const appended: number[] = [];
    for (let minute = 1; minute < 5; minute++) {
      record(store, T0 + minute * MINUTE + 2000, 59);
      const before = log.bytes;
      await log.save(store);
      appended.push(log.bytes - before);
    }
    expect(log.compactions).toBe(1);
    expect((await fs.stat(file)).size).toBe(log.bytes);
    // Each minute adds about a minute of points, far less than the whole history.
    for (const bytes of appended) expect(bytes).toBeLessThan(snapshotBytes * 2);
    expect(log.bytes).toBeLessThan(snapshotBytes + appended.length * snapshotBytes * 2);
    const { store: back, loaded } = await restored();
    expect(loaded.damagedTail).toBeNull();
    const to = T0 + 5 * MINUTE;
    expect(answer(back, to)).toEqual(answer(store, to));
    expect(answer(back, to).series.t.length).toBe(151);
    expect(back.scopes.keys).toEqual(store.scopes.keys);
  });

  it('writes nothing but its small records when nothing new was sealed', async () => {
    const store = new HistoryStore();
    const log = new HistoryLog(file);
    record(store, T0, 120);
    await log.save(store);
    const before = log.bytes;
    await log.save(store);
    expect(log.bytes - before).toBeLessThan(before);
    const { store: back } = await restored();
    expect(answer(back, T0 + 2 * MINUTE)).toEqual(answer(store, T0 + 2 * MINUTE));
  });

  it('compacts once the log passes twice the live size: a snapshot again, the same history', async () => {
    const store = new HistoryStore({ fullResolutionMs: 3 * MINUTE, retentionMs: 10 * MINUTE });
    const log = new HistoryLog(file, { compactSlackBytes: 0 });
    let minute = 0;
    await log.save(store);
    while (log.compactions < 3 && minute < 60) {
      record(store, T0 + minute * MINUTE, 60);
      minute++;
      await log.save(store);
      const live = store.full.packedBytes() + store.minutes.packedBytes();
      expect(log.bytes).toBeLessThanOrEqual(2 * live + (await fs.stat(file)).size);
    }
    expect(log.compactions).toBe(3);
    expect(minute).toBeLessThan(60);
    const to = T0 + minute * MINUTE;
    const { store: back } = await restored({ fullResolutionMs: 3 * MINUTE, retentionMs: 10 * MINUTE });
    expect(answer(back, to)).toEqual(answer(store, to));
    await expect(fs.stat(`${file}.tmp`)).rejects.toThrow(/ENOENT/);
  });

  it('drops a damaged end (a crash in the middle of an append) and keeps everything before it', async () => {
    const store = new HistoryStore();
    const log = new HistoryLog(file);
    record(store, T0, 120);
    await log.save(store);
    record(store, T0 + 2 * MINUTE, 60);
    await log.save(store);
    const kept = answer(store, T0 + 3 * MINUTE);
    const intact = log.bytes;
    record(store, T0 + 3 * MINUTE, 60);
    await log.save(store);
    const whole = await fs.readFile(file);

    await fs.writeFile(file, whole.subarray(0, intact + Math.floor((whole.length - intact) / 2)));
    const cut = await restored();
    expect(cut.loaded.damagedTail).toMatch(/cut short/);
    expect(cut.loaded.droppedBytes).toBeGreaterThan(0);
    expect(answer(cut.store, T0 + 3 * MINUTE)).toEqual(kept);

    const flipped = Buffer.from(whole);
    flipped[whole.length - 3] = (flipped[whole.length - 3] as number) ^ 0xff;
    await fs.writeFile(file, flipped);
    const bad = await restored();
    expect(bad.loaded.damagedTail).toMatch(/checksum/);
    // Only the last record (the open chunks) is lost: the sealed minutes before it stand.
    expect(answer(bad.store, T0 + 4 * MINUTE).series.t.length).toBeGreaterThanOrEqual(90);
  });
});

describe('history recorder on the log', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'warren-history-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const file = () => path.join(dir, 'history', 'p1.whist');
  const recorder = (log = memoryLogger()) => createHistoryRecorder({ dataDir: dir, hub: createEventHub(log), log, saveEveryMs: 3_600_000 });
  const sample = (at: number, ready: number) => ({ at, queueNumbers: sampleOf(at, [{ name: 'jobs', ready }]), statsDisabled: false });

  it('reads a file in the former whole-file format, and rewrites it as a log on load', async () => {
    const old = new HistoryStore();
    record(old, T0, 90);
    await fs.mkdir(path.dirname(file()), { recursive: true });
    // The former format was this snapshot alone, open chunks packed in it.
    await fs.writeFile(file(), encodeSnapshot(old.state()));
    const first = await recorder();
    const store = await first.storeFor('p1');
    expect(answer(store, T0 + 2 * MINUTE).series.ready).toEqual(answer(old, T0 + 2 * MINUTE).series.ready);
    first.record('p1', sample(T0 + 2 * MINUTE, 99), 2000);
    await first.close();

    const second = await recorder();
    const again = await second.storeFor('p1');
    const ready = answer(again, T0 + 2 * MINUTE).series.ready.filter((v) => v !== null);
    expect(ready).toEqual([...answer(old, T0 + 2 * MINUTE).series.ready.filter((v) => v !== null), 99]);
    await second.close();
  });

  it('logs a damaged end, keeps the rest and compacts the file clean', async () => {
    const first = await recorder();
    await first.storeFor('p1');
    for (let i = 0; i < 40; i++) first.record('p1', sample(T0 + i * 2000, i), 2000);
    await first.save();
    first.record('p1', sample(T0 + 80_000, 40), 2000);
    await first.close();
    const whole = await fs.readFile(file());
    await fs.writeFile(file(), whole.subarray(0, whole.length - 7));

    const log = memoryLogger();
    const second = await recorder(log);
    const store = await second.storeFor('p1');
    expect(log.lines.some((l) => l.includes('damaged end dropped'))).toBe(true);
    expect(answer(store, T0 + 2 * MINUTE).series.ready.filter((v) => v !== null)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    await second.close();
    expect((await readHistoryLog(file()))?.damagedTail).toBeNull();
  });

  it('drops what the file kept past the retention when it loads it', async () => {
    const first = await recorder();
    await first.storeFor('p1');
    for (let i = 0; i < 12 * 30; i++) first.record('p1', sample(T0 + i * 2000, i), 2000);
    await first.save();
    first.record('p1', sample(T0 + 25 * 3_600_000, 2), 2000);
    await first.save();
    await first.close();
    const horizon = T0 + 3_600_000;
    const chunkEnds = (state: { full: { times: Float64Array }[]; minutes: { times: Float64Array }[] } | undefined) =>
      [...(state?.full ?? []), ...(state?.minutes ?? [])].map((c) => c.times.at(-1) as number);
    expect(chunkEnds((await readHistoryLog(file()))?.state).some((end) => end < horizon)).toBe(true);

    const second = await recorder();
    await second.storeFor('p1');
    await second.close();
    const compacted = chunkEnds((await readHistoryLog(file()))?.state);
    expect(compacted.length).toBeGreaterThan(0);
    expect(compacted.every((end) => end >= horizon)).toBe(true);
  });
});
