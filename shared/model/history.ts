import { z } from 'zod';

/**
 * The history Warren keeps itself: what the backend recorded from its own
 * samples of the connected broker, per queue, per vhost and for the whole
 * broker. Series are columnar (one array per metric, aligned with `t`) so a
 * 24 h chart of one queue is a few compact arrays, not thousands of objects.
 */

const vhostName = z.string().max(255);
const queueName = z.string().max(255);

export const HistoryScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('broker') }).strict(),
  z.object({ kind: z.literal('vhost'), vhost: vhostName }).strict(),
  z.object({ kind: z.literal('queue'), vhost: vhostName, name: queueName }).strict(),
]);
export type HistoryScope = z.infer<typeof HistoryScope>;

/** The metrics every scope records, in the order the series carry them. */
export const HISTORY_METRICS = ['ready', 'unacked', 'total', 'bytes', 'consumers', 'publishRate', 'deliverRate', 'ackRate', 'redeliverRate'] as const;
export type HistoryMetric = (typeof HISTORY_METRICS)[number];
export const HistoryMetricName = z.enum(HISTORY_METRICS);

/** null = no data at that point (a gap, a queue that did not exist yet, a broker that reports no statistics). */
const column = z.array(z.number().nullable());

export const HistorySeries = z.object({
  /** Point times, epoch ms, ascending: each point covers [t, next t). */
  t: z.array(z.number()),
  ready: column,
  unacked: column,
  total: column,
  /** Message bytes (message_bytes): ready and unacknowledged bodies. */
  bytes: column,
  consumers: column,
  /** Messages per second, derived from the broker's counters over each interval; null across a counter reset. */
  publishRate: column,
  deliverRate: column,
  ackRate: column,
  redeliverRate: column,
});
export type HistorySeries = z.infer<typeof HistorySeries>;

/** Where the numbers came from: the management API, or (statistics disabled) queue.declare passive over AMQP, which gives only ready and consumers. */
export const HistorySource = z.enum(['management', 'amqp-passive', 'none']);
export type HistorySource = z.infer<typeof HistorySource>;

export const HistoryQueryArgs = z
  .object({
    scope: HistoryScope,
    from: z.number(),
    to: z.number(),
    /** Points are averaged into at most this many buckets (gauges averaged, rates over the bucket); default 1000. */
    maxPoints: z.number().int().min(2).max(10_000).optional(),
  })
  .strict();
export type HistoryQueryArgs = z.infer<typeof HistoryQueryArgs>;

export const HistoryQueryResult = z.object({
  series: HistorySeries,
  /** The spacing the points stand for: the sampler interval, one minute (older than an hour), or the bucket maxPoints forced. */
  resolutionMs: z.number(),
  /** Intervals with no samples (disconnected, Warren not running, window hidden); the series carries a null point at each gap's start so lines break there. */
  gaps: z.array(z.tuple([z.number(), z.number()])),
  source: HistorySource,
  /** False when the broker reports no message statistics: rates are null and counts may come from AMQP. */
  statsAvailable: z.boolean(),
  /** The oldest point kept for this profile (null: none yet) and how long history is kept. */
  oldestAt: z.number().nullable(),
  retentionMs: z.number(),
});
export type HistoryQueryResult = z.infer<typeof HistoryQueryResult>;

export const HistoryMarkerKind = z.enum(['consumers', 'purge', 'policy', 'created', 'deleted', 'reset']);
export type HistoryMarkerKind = z.infer<typeof HistoryMarkerKind>;

/** Something Warren saw happen between two samples, for chart markers. */
export const HistoryMarker = z.object({
  t: z.number(),
  kind: HistoryMarkerKind,
  /** vhost + "\u0000" + name of the queue it happened to (vhost and broker scopes list their queues' markers). */
  queue: z.string(),
  text: z.string(),
});
export type HistoryMarker = z.infer<typeof HistoryMarker>;

export const HistoryEventsArgs = z.object({ scope: HistoryScope, from: z.number(), to: z.number() }).strict();
export const HistoryEventsResult = z.object({
  markers: z.array(HistoryMarker),
  /** True when more markers fell in the range than were returned (the newest are kept). */
  truncated: z.boolean(),
});
export type HistoryEventsResult = z.infer<typeof HistoryEventsResult>;

export const SparklinesArgs = z
  .object({
    /** Queue keys as in QueueRow.key (vhost + "\u0000" + name), e.g. the table's visible rows. */
    keys: z.array(z.string().max(600)).max(2000),
    minutes: z.number().int().min(1).max(60),
    metric: HistoryMetricName.optional(),
    /** Buckets per sparkline (default 30), averaged; null where nothing was recorded. */
    points: z.number().int().min(2).max(120).optional(),
  })
  .strict();
export type SparklinesArgs = z.infer<typeof SparklinesArgs>;

export const SparklinesResult = z.object({
  /** Start of the first bucket and the bucket width: bucket i covers [from + i*stepMs, from + (i+1)*stepMs). */
  from: z.number(),
  stepMs: z.number(),
  /** Keys with no history at all are left out. */
  values: z.record(z.string(), column),
});
export type SparklinesResult = z.infer<typeof SparklinesResult>;

/**
 * Emitted after each sample is recorded. Cheap on purpose: a live chart
 * refetches [its last t, at] (or its whole range) with history.query; a
 * sparkline table refetches its visible keys at most every few seconds.
 * `gap` is true when this sample follows a gap, so a chart refetches whole.
 */
export const HistoryAppended = z.object({ profileId: z.string(), at: z.number(), gap: z.boolean() });
export type HistoryAppended = z.infer<typeof HistoryAppended>;

export const HistorySettings = z.object({
  /** How long history is kept, in hours (default 24). */
  retentionHours: z.number().int().min(1).max(24 * 30),
});
export type HistorySettings = z.infer<typeof HistorySettings>;

export const HistoryStatus = HistorySettings.extend({
  /** The history file of the connected profile on disk, in bytes (0 before the first write). */
  bytesOnDisk: z.number(),
  /** Scopes (queues, vhosts, the broker) with history in memory. */
  series: z.number(),
});
export type HistoryStatus = z.infer<typeof HistoryStatus>;

/** The key the history store files a scope under; QueueRow.key for queues. */
export function historyScopeKey(scope: HistoryScope): string {
  if (scope.kind === 'broker') return 'b';
  if (scope.kind === 'vhost') return `v\u0000${scope.vhost}`;
  return `q\u0000${scope.vhost}\u0000${scope.name}`;
}
