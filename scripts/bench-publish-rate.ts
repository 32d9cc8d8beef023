/**
 * `npm run bench:publish -- [--rates 1000,5000,10000] [--seconds 3] [--broker both|embedded|rabbitmq]`:
 * the workbench's rate runs, as the Publish view starts them.
 *
 * For each broker (the embedded one in its own process on a fresh data folder, and the local
 * RabbitMQ at RABBITMQ_URL) and each requested rate, runs `workbench.publish` through the real
 * publish handlers and the console's AMQP session: 16-byte transient messages to a fresh queue,
 * mandatory, with confirms, `{ mode: 'rate', perSecond, durationSeconds }`. Prints the rate
 * achieved over the run, its error against the request (target: within 5 % up to 10,000 msg/s),
 * how many were confirmed, and checks the queue holds every one. Asserts nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import amqp from 'amqplib';
import { createAmqpSession } from '../electron/backend/amqp/amqp-session.js';
import { createEventHub } from '../electron/backend/events.js';
import { createLogger } from '../electron/backend/logger.js';
import type { ConnectedBroker } from '../electron/backend/session/session-controller.js';
import { createHeldMessages } from '../electron/backend/workbench/held-messages.js';
import { createPublishService } from '../electron/backend/workbench/publish/publish-handlers.js';
import { createUploads } from '../electron/backend/workbench/uploads.js';
import { methods } from '../shared/api/contract.js';
import { startEmbeddedBroker } from './bench/embedded-broker.js';

const { values } = parseArgs({
  options: {
    rates: { type: 'string', default: '1000,5000,10000' },
    seconds: { type: 'string', default: '3' },
    broker: { type: 'string', default: 'both' },
  },
});
const rates = (values.rates ?? '').split(',').map(Number).filter((n) => n > 0);
const seconds = Number(values.seconds);
const rabbitUrl = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const say = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

interface Row {
  broker: string;
  requested: number;
  sent: number;
  confirmed: number;
  queued: number;
  achieved: number;
  errorPct: number;
  elapsedS: number;
  heldUpMs: { drain: number; confirms: number };
}

/** Credentials as a profile keeps them: the URI without user and password. */
function profileOf(url: string) {
  const u = new URL(url);
  const username = decodeURIComponent(u.username || 'guest');
  const password = decodeURIComponent(u.password || 'guest');
  u.username = '';
  u.password = '';
  return { amqpUri: u.toString(), managementUrl: 'http://127.0.0.1:1', username, password, tls: { skipVerify: false } };
}

async function measure(name: string, url: string, dataDir: string): Promise<Row[]> {
  // Warnings and errors are printed; of the info lines only the run's own is read, for how long the broker held it up.
  let heldUp = { drain: 0, confirms: 0 };
  const log = createLogger('bench', (line) => {
    if (!line.includes('"level":"info"')) process.stderr.write(`${line}\n`);
    else if (line.includes('"msg":"publish run"')) heldUp = (JSON.parse(line) as { heldUpMs: typeof heldUp }).heldUpMs;
  });
  const credentials = profileOf(url);
  const session = createAmqpSession({ endpoint: { ...credentials, tls: { rejectUnauthorized: true } }, log });
  await session.ready();
  if (session.status !== 'connected') throw new Error(`${name}: ${session.error ?? 'not connected'}`);
  const broker = { profileId: 'bench', amqp: session } as unknown as ConnectedBroker;
  const publish = createPublishService({
    session: { broker: () => broker },
    store: { credentials: async () => credentials },
    hub: createEventHub(log),
    log,
    dataDir,
    uploads: createUploads(),
    held: createHeldMessages(),
  }).handlers['workbench.publish'];
  const admin = await amqp.connect(url);
  const ch = await admin.createChannel();
  const rows: Row[] = [];
  try {
    for (const perSecond of rates) {
      const queue = `warren-bench.publish-rate.${perSecond}.${Date.now()}`;
      await ch.assertQueue(queue, { durable: false });
      const args = methods['workbench.publish'].args.parse({
        publishId: `bench-${perSecond}`,
        vhost: '/',
        exchange: '',
        routingKey: queue,
        properties: { contentType: 'text/plain' },
        headers: {},
        body: { kind: 'inline', bytes: { encoding: 'utf8', data: '0123456789abcdef' } },
        repeat: { mode: 'rate', perSecond, durationSeconds: seconds },
      });
      const result = await publish(args);
      const { messageCount } = await ch.checkQueue(queue);
      await ch.deleteQueue(queue);
      const row: Row = {
        broker: name,
        requested: perSecond,
        sent: result.sent,
        confirmed: result.confirmed,
        queued: messageCount,
        achieved: result.achievedRate,
        errorPct: ((result.achievedRate - perSecond) / perSecond) * 100,
        elapsedS: result.elapsedMs / 1000,
        heldUpMs: heldUp,
      };
      rows.push(row);
      say(`${name}: requested ${fmt(perSecond)} msg/s for ${seconds} s → achieved ${fmt(row.achieved)} msg/s (${row.errorPct >= 0 ? '+' : ''}${row.errorPct.toFixed(2)} %), ${fmt(row.confirmed)}/${fmt(row.sent)} confirmed, ${fmt(row.queued)} in the queue, run ${row.elapsedS.toFixed(2)} s, held up by the broker ${fmt(row.heldUpMs.drain)} ms (full write buffer) + ${fmt(row.heldUpMs.confirms)} ms (unconfirmed at the limit)`);
    }
  } finally {
    await admin.close().catch(() => undefined);
    await session.close();
  }
  return rows;
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'warren-bench-publish-'));
const rows: Row[] = [];
try {
  if (values.broker === 'both' || values.broker === 'embedded') {
    const embedded = await startEmbeddedBroker(path.join(dataDir, 'broker'));
    try {
      rows.push(...(await measure('embedded', embedded.amqpUrl, dataDir)));
    } finally {
      await embedded.stop();
    }
  }
  if (values.broker === 'both' || values.broker === 'rabbitmq') rows.push(...(await measure('RabbitMQ', rabbitUrl, dataDir)));
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

say('');
say('| broker | requested (msg/s) | achieved (msg/s) | error | confirmed / sent | held up (ms) |');
say('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) say(`| ${r.broker} | ${fmt(r.requested)} | ${fmt(r.achieved)} | ${r.errorPct >= 0 ? '+' : ''}${r.errorPct.toFixed(2)} % | ${fmt(r.confirmed)} / ${fmt(r.sent)} | ${fmt(r.heldUpMs.drain + r.heldUpMs.confirms)} |`);
const worst = Math.max(...rows.map((r) => Math.abs(r.errorPct)));
say(`\nworst error ${worst.toFixed(2)} % (target: within 5 %)`);
