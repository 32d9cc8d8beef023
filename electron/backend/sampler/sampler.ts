import type { InventoryDelta } from '../../../shared/inventory/delta.js';
import type { Inventory } from '../../../shared/model/inventory.js';
import { type BackoffPolicy, RECONNECT_BACKOFF, backoffDelay } from '../backoff.js';
import type { Logger } from '../logger.js';
import type { ManagementClient } from '../management/management-client.js';
import { type Sample, sampleOnce } from './sample-once.js';

export const DEFAULT_INTERVAL_MS = 2000;

export type SamplerHealth =
  | { state: 'waiting' }
  | { state: 'ok'; at: number }
  | { state: 'failing'; error: unknown; failures: number; retryAt: number | null };

export interface SamplerOptions {
  client: ManagementClient;
  log: Logger;
  intervalMs?: number;
  hidden?: boolean;
  backoff?: BackoffPolicy;
  /** The next sequence number: shared by every sampler of a backend, so seqs never go back. */
  nextSeq: () => number;
  onSample: (inventory: Inventory, delta: InventoryDelta, sample: Sample) => void;
  onHealth: (health: SamplerHealth) => void;
}

export interface Sampler {
  readonly intervalMs: number;
  readonly hidden: boolean;
  start(): void;
  /** Runs a cycle now (or waits for the one in flight) and resumes the schedule after it. */
  runNow(): Promise<void>;
  configure(change: { intervalMs?: number | undefined; hidden?: boolean | undefined }): void;
  stop(): void;
}

/**
 * Polls the management API: one cycle at a time, the next scheduled only
 * when the previous has finished, so a slow broker is never hit by
 * overlapping requests. On failure it backs off (1 s … 30 s) and the first
 * sample after a failure is a full one. While hidden it does not poll.
 */
export function createSampler(options: SamplerOptions): Sampler {
  const log = options.log;
  let intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  let hidden = options.hidden ?? false;
  let stopped = true;
  let previous: Inventory | null = null;
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> | null = null;
  let abort: AbortController | null = null;

  const clearTimer = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  function schedule(delayMs: number): void {
    clearTimer();
    if (stopped || hidden) return;
    timer = setTimeout(() => {
      timer = null;
      void cycle();
    }, delayMs);
  }

  function cycle(): Promise<void> {
    if (inFlight) return inFlight;
    clearTimer();
    abort = new AbortController();
    const signal = abort.signal;
    inFlight = (async () => {
      try {
        const sample = await sampleOnce(options.client, previous, options.nextSeq(), signal);
        if (stopped) return;
        previous = sample.inventory;
        failures = 0;
        log.debug('sample', { ...sample.timings, full: sample.delta.full });
        options.onSample(sample.inventory, sample.delta, sample);
        options.onHealth({ state: 'ok', at: sample.delta.at });
        schedule(intervalMs);
      } catch (err) {
        if (stopped) return;
        failures += 1;
        // After a gap the views may have missed removals: the next sample replaces everything.
        previous = null;
        const delay = backoffDelay(failures, options.backoff ?? RECONNECT_BACKOFF);
        options.onHealth({ state: 'failing', error: err, failures, retryAt: hidden ? null : Date.now() + delay });
        schedule(delay);
      }
    })().finally(() => {
      inFlight = null;
      abort = null;
    });
    return inFlight;
  }

  return {
    get intervalMs() {
      return intervalMs;
    },
    get hidden() {
      return hidden;
    },
    start() {
      if (!stopped) return;
      stopped = false;
      options.onHealth({ state: 'waiting' });
      if (!hidden) void cycle();
    },
    runNow() {
      if (stopped) return Promise.resolve();
      return cycle();
    },
    configure(change) {
      if (change.intervalMs !== undefined) intervalMs = change.intervalMs;
      const wasHidden = hidden;
      if (change.hidden !== undefined) hidden = change.hidden;
      if (stopped) return;
      if (hidden) clearTimer();
      else if (wasHidden) void cycle();
      else if (change.intervalMs !== undefined && timer) schedule(intervalMs);
    },
    stop() {
      stopped = true;
      clearTimer();
      abort?.abort();
    },
  };
}
