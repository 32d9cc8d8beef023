import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { HistorySettings } from '../../../shared/model/history.js';
import type { EventHub } from '../events.js';
import type { Logger } from '../logger.js';
import { QUEUE_FIELDS, type QueueNumbers } from '../management/queue-numbers.js';
import { HistoryLog, readHistoryLog } from './history-log.js';
import { HistoryFileError } from './history-snapshot.js';
import { readHistorySettings, writeHistorySettings } from './history-settings.js';
import { HistoryStore } from './history-store.js';

/** How often a profile's history is written while it changes; also at switch and exit. */
export const SAVE_EVERY_MS = 60_000;
/** A queue a chart asked about within this long gets AMQP counts when the broker gives none. */
const WATCH_FOR_MS = 30_000;
const MAX_WATCHED = 20;
/** Samples held while a profile's file loads. */
const MAX_PENDING = 30;

export interface RecordedSample {
  at: number;
  queueNumbers: QueueNumbers;
  statsDisabled: boolean;
}

/** Counts from queue.declare passive, for a broker that reports none; null when the queue cannot be read that way. */
export type PassiveProbe = (queueKey: string) => Promise<{ ready: number; consumers: number } | null>;

export interface HistoryRecorderOptions {
  dataDir: string;
  hub: EventHub;
  log: Logger;
  probe?: PassiveProbe;
  saveEveryMs?: number;
}

export interface HistoryRecorder {
  record(profileId: string, sample: RecordedSample, intervalMs: number): void;
  /** Sampling stopped or failed: the next sample of that profile comes after a gap. */
  markBreak(profileId: string): void;
  /** The profile's store, loaded from its file the first time. */
  storeFor(profileId: string): Promise<HistoryStore>;
  /** A chart shows this queue: read its counts over AMQP while the broker reports none. */
  watch(queueKey: string): void;
  settings(): HistorySettings;
  configure(settings: HistorySettings): Promise<void>;
  bytesOnDisk(profileId: string): number;
  /** Writes every loaded profile's history now (tests, exit). */
  save(): Promise<void>;
  close(): Promise<void>;
}

interface Loaded {
  store: HistoryStore | null;
  loading: Promise<HistoryStore>;
  pending: { sample: RecordedSample; intervalMs: number }[];
  dirty: boolean;
  /** The profile's file, once loaded. */
  log: HistoryLog | null;
}

const fileName = (profileId: string) => `${profileId.replace(/[^A-Za-z0-9_-]/g, '_')}.whist`;

/**
 * Feeds the sampler's samples into one HistoryStore per profile and keeps
 * them on disk under <dataDir>/history: loaded (and compacted) when a
 * profile is first sampled or queried, appended to every minute while it
 * changes and at exit. A damaged file is logged and set aside, and that
 * profile starts fresh; a damaged end (a crash mid-append) is dropped with a
 * log line and the rest kept.
 */
export async function createHistoryRecorder(options: HistoryRecorderOptions): Promise<HistoryRecorder> {
  const { hub, log } = options;
  const dir = path.join(options.dataDir, 'history');
  let settings = await readHistorySettings(dir, log);
  const loaded = new Map<string, Loaded>();
  const watched = new Map<string, number>();
  let saving: Promise<void> = Promise.resolve();
  const retentionMs = () => settings.retentionHours * 3600_000;

  async function load(profileId: string): Promise<{ store: HistoryStore; log: HistoryLog }> {
    const file = path.join(dir, fileName(profileId));
    let store: HistoryStore;
    try {
      const found = await readHistoryLog(file);
      if (found?.damagedTail) log.warn('history file: damaged end dropped, the rest kept', { profileId, file, droppedBytes: found.droppedBytes, error: found.damagedTail });
      store = new HistoryStore({ retentionMs: retentionMs() }, found?.state);
    } catch (err) {
      const reason = err instanceof HistoryFileError ? err.message : String(err);
      log.error('history file damaged: starting this profile afresh', { profileId, file, error: reason });
      await fs.rename(file, `${file}.damaged`).catch(() => undefined);
      store = new HistoryStore({ retentionMs: retentionMs() });
    }
    // What the file kept past the retention or the memory budget goes now, before it is compacted.
    store.setRetention(retentionMs());
    const historyLog = new HistoryLog(file);
    if (store.oldestAt() !== null) {
      await historyLog.compact(store).catch((err: unknown) => log.error('history not compacted', { profileId, error: err instanceof Error ? err.message : String(err) }));
    }
    return { store, log: historyLog };
  }

  function entryFor(profileId: string): Loaded {
    const existing = loaded.get(profileId);
    if (existing) return existing;
    const entry: Loaded = {
      store: null,
      loading: load(profileId).then(({ store, log: historyLog }) => {
        entry.store = store;
        entry.log = historyLog;
        for (const p of entry.pending.splice(0)) append(profileId, entry, p.sample, p.intervalMs);
        return store;
      }),
      pending: [],
      dirty: false,
      log: null,
    };
    loaded.set(profileId, entry);
    return entry;
  }

  function append(profileId: string, entry: Loaded, sample: RecordedSample, intervalMs: number): void {
    const store = entry.store as HistoryStore;
    const statsAvailable = !sample.statsDisabled;
    const { gap } = store.append({ ...sample.queueNumbers, at: sample.at, intervalMs, statsAvailable });
    entry.dirty = true;
    hub.emit('history.appended', { profileId, at: sample.at, gap });
    void probeWatched(profileId, store, sample);
  }

  /** Fills ready and consumers of the watched queues the broker gave no counts for, over AMQP. */
  async function probeWatched(profileId: string, store: HistoryStore, sample: RecordedSample): Promise<void> {
    if (!options.probe || watched.size === 0) return;
    const now = Date.now();
    const missing: string[] = [];
    for (const [key, since] of watched) {
      if (now - since > WATCH_FOR_MS) {
        watched.delete(key);
        continue;
      }
      const i = sample.queueNumbers.keys.indexOf(key);
      if (i < 0 || Number.isNaN(sample.queueNumbers.data[i * QUEUE_FIELDS] as number)) missing.push(key);
    }
    let patched = false;
    for (const key of missing) {
      const counts = await options.probe(key).catch((err: unknown) => {
        log.debug('passive declare failed', { queue: key, error: err instanceof Error ? err.message : String(err) });
        return null;
      });
      if (counts && store.patchLatest(key, sample.at, counts.ready, counts.consumers)) patched = true;
    }
    if (patched) hub.emit('history.appended', { profileId, at: sample.at, gap: false });
  }

  function saveAll(): Promise<void> {
    saving = saving.then(async () => {
      for (const [profileId, entry] of loaded) {
        if (!entry.store || !entry.log || !entry.dirty) continue;
        entry.dirty = false;
        try {
          await entry.log.save(entry.store);
        } catch (err) {
          entry.dirty = true;
          log.error('history not saved', { profileId, error: err instanceof Error ? err.message : String(err) });
        }
      }
    });
    return saving;
  }

  /** The profile samples last came from: only its history stays in memory once another is sampled. */
  let recording: string | null = null;

  /** Writes a profile that is no longer sampled and lets go of it; queries load it again from its file. */
  function unload(profileId: string): Promise<void> {
    saving = saving.then(async () => {
      const entry = loaded.get(profileId);
      if (!entry || profileId === recording) return;
      const store = await entry.loading;
      try {
        store.flushMinute();
        await (entry.log as HistoryLog).save(store);
        if (profileId !== recording) loaded.delete(profileId);
      } catch (err) {
        log.error('history not saved', { profileId, error: err instanceof Error ? err.message : String(err) });
      }
    });
    return saving;
  }

  const timer = setInterval(() => void saveAll(), options.saveEveryMs ?? SAVE_EVERY_MS);
  timer.unref();

  return {
    record(profileId, sample, intervalMs) {
      if (recording !== profileId) {
        const previous = recording;
        recording = profileId;
        if (previous !== null) void unload(previous);
      }
      const entry = entryFor(profileId);
      if (entry.store) append(profileId, entry, sample, intervalMs);
      else if (entry.pending.length < MAX_PENDING) entry.pending.push({ sample, intervalMs });
    },
    markBreak(profileId) {
      const entry = loaded.get(profileId);
      entry?.store?.markBreak();
    },
    storeFor: (profileId) => entryFor(profileId).loading,
    watch(queueKey) {
      if (!watched.has(queueKey) && watched.size >= MAX_WATCHED) watched.delete(watched.keys().next().value as string);
      watched.set(queueKey, Date.now());
    },
    settings: () => ({ ...settings }),
    async configure(next) {
      await writeHistorySettings(dir, next);
      settings = { ...next };
      for (const entry of loaded.values()) entry.store?.setRetention(retentionMs());
    },
    bytesOnDisk: (profileId) => loaded.get(profileId)?.log?.bytes ?? 0,
    save: saveAll,
    async close() {
      clearInterval(timer);
      await Promise.all([...loaded.values()].map((e) => e.loading));
      for (const entry of loaded.values()) {
        if (!entry.store) continue;
        entry.store.flushMinute();
        entry.dirty = true;
      }
      await saveAll();
    },
  };
}
