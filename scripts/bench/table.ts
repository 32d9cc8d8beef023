// The side-by-side table of bench:compare, as Markdown so it pastes into the
// README unchanged. The ratio is oriented so that > 1 always means the
// embedded broker did better: embedded / RabbitMQ for rates, RabbitMQ /
// embedded for latency and memory.
import type { ChildOutcome } from './child-run.js';
import { formatCount, formatMiB, formatMs } from './format.js';
import type { BenchResult } from './result.js';

export interface Side {
  outcome: ChildOutcome;
  /** Peak resident memory of the broker process during the run, in bytes. */
  peakRss: number | null;
}

export interface Comparison {
  workload: string;
  embedded: Side;
  rabbitmq: Side;
}

export function ratio(embedded: number | null, rabbitmq: number | null, higherIsBetter: boolean): string {
  if (embedded === null || rabbitmq === null || !(embedded > 0) || !(rabbitmq > 0)) return '—';
  return `${(higherIsBetter ? embedded / rabbitmq : rabbitmq / embedded).toFixed(2)}×`;
}

/** Losses count only once the run drained; before that the messages were still on their way. */
export function checkCell(r: BenchResult): string {
  const lost = r.drained ? formatCount(r.missing) : `${formatCount(r.missing)} undelivered at the time cap`;
  return `${lost} / ${formatCount(r.duplicates)}`;
}

interface Figure {
  label: string;
  value: (r: BenchResult, side: Side) => number | null;
  show: (n: number | null) => string;
  higherIsBetter: boolean;
}

const rate = (n: number | null) => (n === null ? 'n/a' : formatCount(n));
const FIGURES: Figure[] = [
  { label: 'publish (msg/s)', value: (r) => r.publishRate, show: rate, higherIsBetter: true },
  { label: 'delivery (msg/s)', value: (r) => r.deliveryRate, show: rate, higherIsBetter: true },
  { label: 'latency p50', value: (r) => r.latencyP50, show: formatMs, higherIsBetter: false },
  { label: 'latency p99', value: (r) => r.latencyP99, show: formatMs, higherIsBetter: false },
  { label: 'broker peak RSS', value: (_r, side) => side.peakRss, show: formatMiB, higherIsBetter: false },
];

function failureCell(outcome: ChildOutcome, first: boolean): string {
  return outcome.ok ? '' : first ? `failed: ${outcome.error}` : '—';
}

export function comparisonRows(c: Comparison): string[][] {
  const rows = FIGURES.map((f, i) => {
    const e = c.embedded.outcome.ok ? f.value(c.embedded.outcome.result, c.embedded) : null;
    const r = c.rabbitmq.outcome.ok ? f.value(c.rabbitmq.outcome.result, c.rabbitmq) : null;
    return [
      i === 0 ? c.workload : '',
      f.label,
      c.embedded.outcome.ok ? f.show(e) : failureCell(c.embedded.outcome, i === 0),
      c.rabbitmq.outcome.ok ? f.show(r) : failureCell(c.rabbitmq.outcome, i === 0),
      ratio(e, r, f.higherIsBetter),
    ];
  });
  rows.push([
    '',
    'lost / duplicated',
    c.embedded.outcome.ok ? checkCell(c.embedded.outcome.result) : '—',
    c.rabbitmq.outcome.ok ? checkCell(c.rabbitmq.outcome.result) : '—',
    '',
  ]);
  return rows;
}

const cellText = (s: string) => s.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

/** A Markdown table padded to line up in a terminal too; figures (rightAligned columns) align on the right. */
export function markdownTable(header: string[], rows: string[][], rightAligned: boolean[] = []): string {
  const all = [header, ...rows].map((row) => row.map(cellText));
  const widths = header.map((_, col) => Math.max(3, ...all.map((row) => (row[col] ?? '').length)));
  const pad = (text: string, col: number) => (rightAligned[col] ? text.padStart(widths[col]!) : text.padEnd(widths[col]!));
  const line = (row: string[]) => `| ${widths.map((_, col) => pad(row[col] ?? '', col)).join(' | ')} |`;
  const rule = `| ${widths.map((w, col) => (rightAligned[col] ? '-'.repeat(w - 1) + ':' : '-'.repeat(w))).join(' | ')} |`;
  return [line(all[0]!), rule, ...all.slice(1).map(line)].join('\n');
}
