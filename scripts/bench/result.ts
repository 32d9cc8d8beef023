// One run's figures, computed from the producers' tallies and the ledger, and
// the JSON shape bench:compare reads back from a child run.
import { z } from 'zod';
import type { DeliveryLedger } from './ledger.js';
import type { ProducerTally } from './producer.js';
import { ratePerSecond, summariseLatency } from './stats.js';

const figure = z.number().nullable(); // JSON has no NaN: an unmeasured figure is null

export const benchResultSchema = z.object({
  server: z.string(),
  published: z.number(),
  /** null without --confirm. */
  confirmed: z.number().nullable(),
  nacked: z.number(),
  /** Copies the broker owed: confirmed (or published) × copies per message. */
  owed: z.number(),
  delivered: z.number(),
  duplicates: z.number(),
  foreign: z.number(),
  /** Owed copies not delivered when the run stopped. */
  missing: z.number(),
  /** False when the time cap stopped the run before every owed copy arrived. */
  drained: z.boolean(),
  /** True when publishing stopped at the time cap rather than at --count. */
  publishCapped: z.boolean(),
  publishRate: figure,
  deliveryRate: figure,
  latencyP50: figure,
  latencyP99: figure,
  latencyMax: figure,
  elapsedSeconds: z.number(),
});

export type BenchResult = z.infer<typeof benchResultSchema>;

export interface RunTimes {
  /** performance.now() when the producers started. */
  start: number;
  /** performance.now() when the run stopped waiting. */
  end: number;
}

const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);

export function summariseRun(
  server: string,
  confirm: boolean,
  planned: number,
  tallies: ProducerTally[],
  ledger: DeliveryLedger,
  times: RunTimes,
): BenchResult {
  const published = tallies.reduce((n, t) => n + t.published, 0);
  const confirmed = tallies.reduce((n, t) => n + t.confirmed, 0);
  const nacked = tallies.reduce((n, t) => n + t.nacked, 0);
  const publishDone = Math.max(...tallies.map((t) => t.doneAt).filter((t) => Number.isFinite(t)), -Infinity);
  const missing = ledger.missing();
  const latency = summariseLatency(ledger.latencySamples());
  return {
    server,
    published,
    confirmed: confirm ? confirmed : null,
    nacked,
    owed: ledger.owedCount * ledger.copies,
    delivered: ledger.unique,
    duplicates: ledger.duplicates,
    foreign: ledger.foreign,
    missing,
    drained: missing === 0,
    publishCapped: published < planned,
    publishRate: finite(ratePerSecond(confirm ? confirmed : published, publishDone - times.start)),
    deliveryRate: finite(ratePerSecond(ledger.unique, ledger.lastDeliveryAt - times.start)),
    latencyP50: finite(latency.p50),
    latencyP99: finite(latency.p99),
    latencyMax: finite(latency.max),
    elapsedSeconds: (times.end - times.start) / 1000,
  };
}
