/**
 * `npm run bench:compare [-- --count N --duration S --repeat R --quick]`: the
 * four workloads of step 3 against the embedded broker (started here, in its
 * own process, on free ports) and the local RabbitMQ (RABBITMQ_URL), back to
 * back in one run: each workload on one broker then the other, each run in a
 * fresh client process. Prints the machine, the command, and a Markdown table
 * ready for the README. Exit status 0 even when a workload failed: the
 * failure is a result, shown in its row.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInChild, type ChildOutcome } from './child-run.js';
import { combineOutcomes } from './combine.js';
import { startEmbeddedBroker, type EmbeddedBroker } from './embedded-broker.js';
import { formatMiB, redactUrl } from './format.js';
import { loadAverage, machineLine, rabbitInfo } from './machine.js';
import { benchArgsFor, DEFAULT_URL } from './options.js';
import { RssSampler } from './proc-memory.js';
import { comparisonRows, markdownTable, type Comparison, type Side } from './table.js';
import { compareUsage, compareWorkloads, parseCompareArgs, type CompareOptions, type Workload } from './workloads.js';

const say = (line = '') => process.stdout.write(line + '\n');
const progress = (line: string) => process.stderr.write(line + '\n');
/** Lets the broker finish tearing down the previous run's connections and queues. */
const SETTLE_MS = 1_000;

const argv = process.argv.slice(2);
let options: CompareOptions;
try {
  options = parseCompareArgs(argv);
} catch (err) {
  process.stderr.write(`bench:compare: ${(err as Error).message}\n${compareUsage}\n`);
  process.exit(2);
}
const rabbitUrl = process.env.RABBITMQ_URL ?? DEFAULT_URL;
const managementUrl = process.env.RABBITMQ_MANAGEMENT_URL ?? 'http://127.0.0.1:15672';

async function measure(url: string, pid: number | null, workload: Workload): Promise<Side> {
  const sampler = pid === null ? null : new RssSampler(pid);
  const outcome: ChildOutcome = await runInChild({ ...workload.options, url, json: true });
  const peakRss = sampler?.stop() ?? null;
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return { outcome, peakRss };
}

function combineSides(sides: Side[]): Side {
  const peaks = sides.map((s) => s.peakRss).filter((p): p is number => p !== null);
  return { outcome: combineOutcomes(sides.map((s) => s.outcome)), peakRss: peaks.length > 0 ? Math.max(...peaks) : null };
}

function filesUnder(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

const envPrefix = process.env.RABBITMQ_URL ? `RABBITMQ_URL=${redactUrl(rabbitUrl)} ` : '';
say(`command   ${envPrefix}npm run bench:compare${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`);
say(`machine   ${machineLine()}`);
const rabbit = await rabbitInfo(managementUrl, rabbitUrl);
say(`RabbitMQ  ${rabbit.version} at ${redactUrl(rabbitUrl)}`);

const dataDir = mkdtempSync(join(tmpdir(), 'warren-bench-'));
let broker: EmbeddedBroker;
try {
  broker = await startEmbeddedBroker(dataDir);
} catch (err) {
  rmSync(dataDir, { recursive: true, force: true });
  process.stderr.write(`bench:compare: the embedded broker did not start: ${(err as Error).message}\n`);
  process.exit(1);
}
say(`embedded  ${broker.command} (pid ${broker.pid}, ${broker.amqpUrl})`);
say();
process.once('SIGINT', () =>
  void broker.stop().then(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(130);
  }),
);

const comparisons: Comparison[] = [];
const workloads = compareWorkloads(options);
for (const w of workloads) {
  const runs: Record<'embedded' | 'rabbitmq', Side[]> = { embedded: [], rabbitmq: [] };
  for (let i = 0; i < options.repeat; i++) {
    // Alternating which broker goes first keeps a drift in the machine's load from favouring one of them.
    const order = i % 2 === 0 ? (['embedded', 'rabbitmq'] as const) : (['rabbitmq', 'embedded'] as const);
    for (const side of order) {
      progress(`${w.name}: ${side} (run ${i + 1} of ${options.repeat})…`);
      if (side === 'rabbitmq') runs.rabbitmq.push(await measure(rabbitUrl, rabbit.pid, w));
      else if (broker.exited) runs.embedded.push({ outcome: { ok: false, error: `broker process ${broker.exited}` }, peakRss: null });
      else runs.embedded.push(await measure(broker.amqpUrl, broker.pid, w));
    }
  }
  comparisons.push({ workload: w.name, embedded: combineSides(runs.embedded), rabbitmq: combineSides(runs.rabbitmq) });
}
const exitedDuringRun = broker.exited;
const embeddedHwm = exitedDuringRun ? null : broker.peakRss();
await broker.stop();
const dataDirFiles = filesUnder(dataDir);
rmSync(dataDir, { recursive: true, force: true });

say(markdownTable(['workload', 'figure', 'embedded', 'RabbitMQ', 'ratio'], comparisons.flatMap(comparisonRows), [false, false, true, true, true]));
say();
say('Notes');
say(`- Load average at the end: ${loadAverage()} (at the start: see the machine line). Other work on the machine moves every figure.`);
if (options.repeat > 1) say(`- Each figure is the median of ${options.repeat} runs per broker (brokers alternating which goes first); peak RSS is the largest; lost and duplicated are summed over the runs.`);
say('- ratio > 1 means the embedded broker did better: embedded / RabbitMQ for rates, RabbitMQ / embedded for latency and memory.');
say('- Clients: amqplib, each producer and consumer on its own connection, in one fresh client process per run; consumers ack every message (multiple = false) with prefetch 1000; confirm windows of 1000.');
say('- Latency is end to end (publish → delivery) at full speed, so it includes time queued behind the backlog the run builds up.');
say('- publish (msg/s) counts confirmed messages when the workload uses confirms. lost = owed (confirmed, or published without confirms) but never delivered.');
say(`- broker peak RSS: VmRSS sampled every 100 ms during each run (RabbitMQ's counts everything else its node holds). Embedded broker process peak over the whole run (VmHWM, node + tsx loader): ${formatMiB(embeddedHwm)}.`);
if (rabbit.pid === null) say('- RabbitMQ RSS: n/a (no local beam.smp process found through the management API).');
if (dataDirFiles === 0) {
  say('- The embedded broker wrote nothing to its --data-dir: it has no persistence yet, so "persistent" messages were held in memory only and its confirms were not preceded by an fsync; RabbitMQ\'s were.');
}
if (exitedDuringRun) say(`- The embedded broker process ${exitedDuringRun} during the run.`);
say();
say('Per-run commands (URL replaced by the broker under test):');
for (const w of workloads) say(`  ${w.name}: npm run bench -- ${benchArgsFor({ ...w.options, url: 'URL', json: false }).join(' ')}`);
const failures = comparisons.flatMap((c) =>
  (['embedded', 'rabbitmq'] as const).flatMap((side) => (c[side].outcome.ok ? [] : [`  ${c.workload} on ${side}: ${c[side].outcome.error}`])),
);
if (failures.length > 0) {
  say();
  say('Failures:');
  for (const f of failures) say(f);
}
if (broker.problems.length > 0) {
  say();
  say('Embedded broker warnings and errors:');
  for (const line of broker.problems) say(`  ${line}`);
}
