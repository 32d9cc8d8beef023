// The crash test's core, shared by `npm run crash-test` and the CI test: start
// the broker on a data dir and declare the topology; then, cycle after cycle,
// run the load, SIGKILL the broker at a seeded random moment, restart it,
// check the topology and every message in the queue against the ledger, and
// ack a share of them. The last cycle's check drains the queue.
import amqp from 'amqplib';
import { killDuringStart, startBrokerProcess, type BrokerProcess } from './broker-process.js';
import { checkRecovery, isFailure, type RecoveryCheck } from './check.js';
import { CrashLedger } from './ledger.js';
import { runLoad, type LoadTally } from './load.js';
import { readQueue } from './recover.js';
import { randomInt, seededRandom } from './rng.js';
import { declareTopology, topologyProblems } from './topology.js';

/** The tsx loader takes about a second to start; kills up to here land before, during and after the broker reads its data dir. */
const START_KILL_MAX_MS = 2500;

export interface CrashTestOptions {
  cycles: number;
  seed: number;
  dataDir: string;
  publishers: number;
  confirmWindow: number;
  /** The kill comes this long after the load starts: uniform in [min, max] ms. */
  killAfterMs: readonly [number, number];
  /** Share of the recovered messages acked after each check (the rest stay for later cycles). */
  ackShare: number;
  /** Share of the restarts that are themselves killed, at a random moment while the broker reads its data dir, before the real restart. */
  startKillShare: number;
  log(line: string): void;
}

export interface CycleReport {
  cycle: number;
  killedAfterMs: number;
  /** When the restart itself was killed too: this long after it was started. */
  startKilledAfterMs: number | undefined;
  load: LoadTally;
  topology: string[];
  check: RecoveryCheck;
  ackedAfterCheck: number;
}

export interface CrashTestResult {
  seed: number;
  cycles: CycleReport[];
  published: number;
  confirmed: number;
  acked: number;
  returned: number;
  /** Distinct confirmed ids missing after some restart. */
  lost: number;
  failed: boolean;
}

function cycleLine(r: CycleReport, of: number): string {
  const c = r.check;
  return `cycle ${r.cycle}/${of}: killed after ${r.killedAfterMs} ms (published ${r.load.published}, confirmed ${r.load.confirmed}, consumer acked ${r.load.acked}); `
    + `${r.startKilledAfterMs === undefined ? '' : `restart killed after ${r.startKilledAfterMs} ms; `}restarted: ${c.present} in queue, ${c.owed} owed, ${c.lost.length} lost, ${c.ackedBack} acked came back, ${c.unconfirmedBack} unconfirmed present, `
    + `${c.duplicates} duplicates${c.corrupt.length > 0 ? `, ${c.corrupt.length} corrupt` : ''}${c.foreign > 0 ? `, ${c.foreign} foreign` : ''}${r.topology.length > 0 ? `; ${r.topology.join('; ')}` : ''}`;
}

async function setUp(broker: BrokerProcess): Promise<void> {
  const conn = await amqp.connect(broker.amqpUrl);
  await declareTopology(conn);
  await conn.close();
}

export async function runCrashTest(o: CrashTestOptions): Promise<CrashTestResult> {
  const random = seededRandom(o.seed);
  const ledger = new CrashLedger();
  const cycles: CycleReport[] = [];
  const lost = new Set<number>();
  let broker = await startBrokerProcess(o.dataDir);
  try {
    await setUp(broker);
    for (let cycle = 1; cycle <= o.cycles; cycle++) {
      const killedAfterMs = randomInt(random, o.killAfterMs[0], o.killAfterMs[1]);
      const loading = runLoad({ amqpUrl: broker.amqpUrl, seed: o.seed, random, ledger, publishers: o.publishers, confirmWindow: o.confirmWindow });
      await new Promise((resolve) => setTimeout(resolve, killedAfterMs));
      await broker.kill();
      const load = await loading;
      const startKilledAfterMs = random() < o.startKillShare ? randomInt(random, 0, START_KILL_MAX_MS) : undefined;
      if (startKilledAfterMs !== undefined) await killDuringStart(o.dataDir, startKilledAfterMs);
      broker = await startBrokerProcess(o.dataDir);
      const conn = await amqp.connect(broker.amqpUrl);
      conn.on('error', () => undefined);
      const topology = await topologyProblems(conn, broker.httpUrl);
      await conn.close();
      if (topology.length > 0) {
        o.log(`cycle ${cycle}/${o.cycles}: ${topology.join('; ')}; stopping`);
        return totals(ledger, o.seed, cycles, lost, true);
      }
      const contents = await readQueue(broker.amqpUrl, o.seed, random, ledger);
      const check = checkRecovery(ledger, contents.recovered);
      for (const id of check.lost) lost.add(id);
      const ackedAfterCheck = await contents.settle(cycle === o.cycles ? 1 : o.ackShare);
      const report: CycleReport = { cycle, killedAfterMs, startKilledAfterMs, load, topology, check, ackedAfterCheck };
      cycles.push(report);
      o.log(cycleLine(report, o.cycles));
      for (const c of [...load.corrupt, ...check.corrupt].slice(0, 5)) o.log(`  corrupt: ${c}`);
      if (check.lost.length > 0) o.log(`  lost ids: ${check.lost.slice(0, 20).join(', ')}${check.lost.length > 20 ? ', …' : ''}`);
    }
  } finally {
    await broker.stop();
  }
  return totals(ledger, o.seed, cycles, lost, cycles.some((c) => isFailure(c.check) || c.load.corrupt.length > 0 || c.load.returned > 0));
}

function totals(ledger: CrashLedger, seed: number, cycles: CycleReport[], lost: Set<number>, failed: boolean): CrashTestResult {
  return {
    seed, cycles, published: ledger.publishedCount, confirmed: ledger.confirmedCount, acked: ledger.ackedCount, returned: ledger.returnedCount, lost: lost.size, failed,
  };
}
