import { type InventoryDelta, computeInventoryDelta } from '../../../shared/inventory/delta.js';
import type { Inventory } from '../../../shared/model/inventory.js';
import { type PagingPlan, fetchRawInventory, pagingPlanFor } from '../management/fetch-inventory.js';
import type { ManagementClient } from '../management/management-client.js';
import { parseSample } from '../management/parse-inventory.js';
import type { QueueNumbers } from '../management/queue-numbers.js';

export interface SampleTimings {
  fetchMs: number;
  parseMs: number;
  diffMs: number;
  totalMs: number;
  queues: number;
  paged: boolean;
}

export interface Sample {
  inventory: Inventory;
  delta: InventoryDelta;
  /** Every queue's numbers, for the history store. */
  queueNumbers: QueueNumbers;
  statsDisabled: boolean;
  timings: SampleTimings;
}

const tenths = (ms: number) => Math.round(ms * 10) / 10;

/**
 * One sampler cycle: fetch every listing, parse it, diff it against the
 * previous inventory (a full delta when there is none). Timed phase by phase
 * for the debug log and the console benchmark.
 */
export async function sampleOnce(client: ManagementClient, previous: Inventory | null, seq: number, signal?: AbortSignal): Promise<Sample> {
  const plan: PagingPlan = pagingPlanFor({
    queues: previous?.queues.length ?? 0,
    exchanges: previous?.exchanges.length ?? 0,
    connections: previous?.connections.length ?? 0,
    channels: previous?.channels.length ?? 0,
  });
  const t0 = performance.now();
  const raw = await fetchRawInventory(client, plan, signal);
  const t1 = performance.now();
  const { inventory, queueNumbers, statsDisabled } = parseSample(raw);
  const t2 = performance.now();
  const delta = computeInventoryDelta(previous, inventory, seq, Date.now());
  const t3 = performance.now();
  return {
    inventory,
    delta,
    queueNumbers,
    statsDisabled,
    timings: {
      fetchMs: tenths(t1 - t0),
      parseMs: tenths(t2 - t1),
      diffMs: tenths(t3 - t2),
      totalMs: tenths(t3 - t0),
      queues: inventory.queues.length,
      paged: plan.queues,
    },
  };
}
