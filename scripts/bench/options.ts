// The benchmark's command line, parsed and checked in one pure function so a
// typo fails before any connection is opened.
import { parseArgs } from 'node:util';

export interface BenchOptions {
  url: string;
  /** Body size in bytes; at least BODY_HEADER_BYTES, which carry the ids and the send time. */
  size: number;
  /** Messages published in total, split evenly across producers. */
  count: number;
  persistent: boolean;
  confirm: boolean;
  producers: number;
  consumers: number;
  prefetch: number;
  /** Queues the messages are spread over (default exchange), or the fan-out width. */
  queues: number;
  /** True when a fanout exchange copies every message to each of the queues. */
  fanout: boolean;
  /** Publishing stops after this many seconds even if count is not reached. */
  durationSeconds: number;
  /** One JSON line instead of the human report (used by bench:compare). */
  json: boolean;
}

export const BODY_HEADER_BYTES = 16;
export const DEFAULT_URL = 'amqp://guest:guest@127.0.0.1:5672';

export const benchUsage =
  'usage: npm run bench -- --url URL [--size 16] [--count 100000] [--persistent] [--confirm] ' +
  '[--producers 1] [--consumers 1] [--prefetch 1000] [--queues 1 | --fanout K] [--duration 30] [--json]';

function positiveInt(value: string | undefined, fallback: number, flag: string, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) throw new Error(`${flag} must be an integer >= ${min}, got '${value}'`);
  return n;
}

export function parseBenchArgs(argv: string[], env: Record<string, string | undefined> = {}): BenchOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      size: { type: 'string' },
      count: { type: 'string' },
      persistent: { type: 'boolean', default: false },
      confirm: { type: 'boolean', default: false },
      producers: { type: 'string' },
      consumers: { type: 'string' },
      prefetch: { type: 'string' },
      queues: { type: 'string' },
      fanout: { type: 'string' },
      duration: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new Error(`unexpected argument '${positionals[0]}'`);
  if (values.queues !== undefined && values.fanout !== undefined) {
    throw new Error('--queues and --fanout are exclusive: --fanout K declares K queues bound to a fanout exchange');
  }
  const fanout = values.fanout !== undefined;
  return {
    url: values.url ?? env.RABBITMQ_URL ?? DEFAULT_URL,
    size: positiveInt(values.size, 16, '--size', BODY_HEADER_BYTES),
    count: positiveInt(values.count, 100_000, '--count'),
    persistent: values.persistent,
    confirm: values.confirm,
    producers: positiveInt(values.producers, 1, '--producers'),
    consumers: positiveInt(values.consumers, 1, '--consumers'),
    prefetch: positiveInt(values.prefetch, 1000, '--prefetch'),
    queues: fanout ? positiveInt(values.fanout, 1, '--fanout') : positiveInt(values.queues, 1, '--queues'),
    fanout,
    durationSeconds: positiveInt(values.duration, 30, '--duration'),
    json: values.json,
  };
}

/** The flags that reproduce these options, in the order the usage line gives them. */
export function benchArgsFor(o: BenchOptions): string[] {
  const args = ['--url', o.url, '--size', String(o.size), '--count', String(o.count)];
  if (o.persistent) args.push('--persistent');
  if (o.confirm) args.push('--confirm');
  args.push('--producers', String(o.producers), '--consumers', String(o.consumers), '--prefetch', String(o.prefetch));
  args.push(o.fanout ? '--fanout' : '--queues', String(o.queues), '--duration', String(o.durationSeconds));
  return args;
}
