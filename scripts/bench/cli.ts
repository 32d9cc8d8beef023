/**
 * `npm run bench -- --url URL [flags]`: one workload against one broker with
 * amqplib producers and consumers, each on its own connection, all in this
 * process (so one clock stamps and reads the latency). Prints publish and
 * delivery rates, end-to-end latency and the loss/duplicate check; with
 * --json prints one JSON line for bench:compare. Exit 1 when the run fails.
 */
import { benchUsage, parseBenchArgs, type BenchOptions } from './options.js';
import { formatReport } from './report.js';
import { runBench } from './run.js';

let options: BenchOptions;
try {
  options = parseBenchArgs(process.argv.slice(2), process.env);
} catch (err) {
  process.stderr.write(`bench: ${(err as Error).message}\n${benchUsage}\n`);
  process.exit(2);
}

// Ctrl-C (or bench:compare's time limit) still deletes the run's queues.
const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());
process.once('SIGTERM', () => interrupt.abort());

try {
  const result = await runBench(options, interrupt.signal);
  process.stdout.write(options.json ? JSON.stringify({ ok: true, result }) + '\n' : formatReport(options, result) + '\n');
  process.exit(0);
} catch (err) {
  const message = (err as Error).message;
  if (options.json) process.stdout.write(JSON.stringify({ ok: false, error: message }) + '\n');
  else process.stderr.write(`bench: failed: ${message}\n`);
  process.exit(1);
}
