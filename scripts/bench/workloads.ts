// The four workloads of step 3's targets, and bench:compare's command line.
import { parseArgs } from 'node:util';
import type { BenchOptions } from './options.js';

export interface CompareOptions {
  /** Messages published per workload (fan-out: deliveries; see compareWorkloads). */
  count: number;
  durationSeconds: number;
  /** Runs per workload and broker; the table shows the medians. */
  repeat: number;
  quick: boolean;
}

export interface Workload {
  name: string;
  options: Omit<BenchOptions, 'url' | 'json'>;
}

const FANOUT_QUEUES = 10;

export const compareUsage = 'usage: npm run bench:compare [-- --count 200000] [--duration 30] [--repeat 1] [--quick]';

export function parseCompareArgs(argv: string[]): CompareOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { count: { type: 'string' }, duration: { type: 'string' }, repeat: { type: 'string' }, quick: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new Error(`unexpected argument '${positionals[0]}'`);
  const int = (value: string | undefined, fallback: number, flag: string) => {
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`${flag} must be a positive integer, got '${value}'`);
    return Number(value);
  };
  // --quick is a smoke run: small enough to finish in well under a minute per broker.
  return {
    count: int(values.count, values.quick ? 20_000 : 200_000, '--count'),
    durationSeconds: int(values.duration, values.quick ? 10 : 30, '--duration'),
    repeat: int(values.repeat, 1, '--repeat'),
    quick: values.quick,
  };
}

/**
 * The fan-out workload publishes count / 10 messages so that it delivers
 * count messages like the others, keeping every workload's run time alike.
 */
export function compareWorkloads(c: CompareOptions): Workload[] {
  const base = { prefetch: 1000, durationSeconds: c.durationSeconds, queues: 1, fanout: false, persistent: false, confirm: false };
  return [
    { name: 'transient 16 B 1→1', options: { ...base, size: 16, count: c.count, producers: 1, consumers: 1 } },
    {
      name: 'persistent + confirms 16 B 1→1',
      options: { ...base, size: 16, count: c.count, producers: 1, consumers: 1, persistent: true, confirm: true },
    },
    { name: '4 producers → 4 consumers 1 KiB', options: { ...base, size: 1024, count: c.count, producers: 4, consumers: 4 } },
    {
      name: `fan-out 16 B 1 → ${FANOUT_QUEUES} queues`,
      options: {
        ...base,
        size: 16,
        count: Math.max(1, Math.floor(c.count / FANOUT_QUEUES)),
        producers: 1,
        consumers: FANOUT_QUEUES,
        queues: FANOUT_QUEUES,
        fanout: true,
      },
    },
  ];
}
