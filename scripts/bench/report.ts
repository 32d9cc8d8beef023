// The human-readable report of one run (`npm run bench`).
import { formatBytes, formatCount, formatMs, formatRate, redactUrl } from './format.js';
import type { BenchOptions } from './options.js';
import type { BenchResult } from './result.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function describeWorkload(o: BenchOptions): string {
  const route = o.fanout ? `fanout exchange → ${plural(o.queues, 'queue')}` : plural(o.queues, 'queue');
  return [
    `${formatBytes(o.size)} × ${formatCount(o.count)}`,
    o.persistent ? 'persistent, durable queues' : 'transient',
    o.confirm ? 'publisher confirms' : 'no confirms',
    `${plural(o.producers, 'producer')} → ${plural(o.consumers, 'consumer')}`,
    route,
    `prefetch ${o.prefetch}, ack each`,
  ].join(' · ');
}

/** Losses are only losses once the run drained; before that they are messages still on their way. */
export function checkLine(r: BenchResult): string {
  const parts = [`owed ${formatCount(r.owed)}`, `delivered ${formatCount(r.delivered)}`];
  parts.push(r.drained ? `lost ${formatCount(r.missing)}` : `not delivered by the time cap ${formatCount(r.missing)}`);
  parts.push(`duplicated ${formatCount(r.duplicates)}`);
  if (r.foreign > 0) parts.push(`foreign ${formatCount(r.foreign)}`);
  return parts.join(' · ');
}

export function formatReport(o: BenchOptions, r: BenchResult): string {
  const sent =
    r.confirmed === null
      ? formatCount(r.published)
      : `${formatCount(r.published)} (confirmed ${formatCount(r.confirmed)}, nacked ${formatCount(r.nacked)})`;
  const lines = [
    `broker     ${r.server} at ${redactUrl(o.url)}`,
    `workload   ${describeWorkload(o)}`,
    `published  ${sent}${r.publishCapped ? ` — stopped by the ${o.durationSeconds} s cap` : ''}`,
    `publish    ${formatRate(r.publishRate)}${r.confirmed === null ? '' : ' (confirmed)'}`,
    `delivery   ${formatRate(r.deliveryRate)}`,
    `latency    p50 ${formatMs(r.latencyP50)} · p99 ${formatMs(r.latencyP99)} · max ${formatMs(r.latencyMax)}`,
    `check      ${checkLine(r)}`,
    `elapsed    ${r.elapsedSeconds.toFixed(1)} s`,
  ];
  return lines.join('\n');
}
