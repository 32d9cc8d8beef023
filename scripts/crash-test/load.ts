// The traffic a kill interrupts: several publishers on confirm channels
// (persistent, mandatory, bounded confirm windows) and one consumer that acks
// most deliveries, requeues some and holds the rest unacked, so the store's
// segment records, acks records and segment deletion are all in play. Every
// loop ends when its connection goes, i.e. when the broker is killed.
import { once } from 'node:events';
import amqp, { type ChannelModel, type ConsumeMessage } from 'amqplib';
import type { CrashLedger } from './ledger.js';
import { checkBody, messageBody } from './payload.js';
import type { Random } from './rng.js';
import { EXCHANGE, QUEUE, ROUTING_KEY } from './topology.js';

export interface LoadOptions {
  amqpUrl: string;
  seed: number;
  random: Random;
  ledger: CrashLedger;
  publishers: number;
  /** Unconfirmed messages each publisher may have in flight. */
  confirmWindow: number;
}

export interface LoadTally {
  published: number;
  confirmed: number;
  returned: number;
  delivered: number;
  acked: number;
  requeued: number;
  corrupt: string[];
}

const CONSUMER_PREFETCH = 500;
const ACK_SHARE = 0.75;
const REQUEUE_SHARE = 0.15;

/** Connects, or undefined when the broker is already gone; the promise settles when the connection closes. */
async function open(url: string): Promise<{ conn: ChannelModel; closed: Promise<void> } | undefined> {
  const conn = await amqp.connect(url).catch(() => undefined);
  if (!conn) return undefined;
  conn.on('error', () => undefined);
  return { conn, closed: new Promise((resolve) => conn.once('close', () => resolve())) };
}

async function publisher(o: LoadOptions, tally: LoadTally): Promise<void> {
  const c = await open(o.amqpUrl);
  if (!c) return;
  let live = true;
  void c.closed.then(() => (live = false));
  const ch = await c.conn.createConfirmChannel().catch(() => undefined);
  if (ch) {
    ch.on('error', () => undefined);
    ch.on('return', (m: { properties: { messageId?: string } }) => {
      o.ledger.returned(Number(m.properties.messageId));
      tally.returned++;
    });
    let inflight = 0;
    let wake: (() => void) | undefined;
    const settled = () => {
      inflight--;
      wake?.();
      wake = undefined;
    };
    while (live) {
      if (inflight >= o.confirmWindow) {
        await Promise.race([new Promise<void>((resolve) => (wake = resolve)), c.closed]);
        continue;
      }
      const id = o.ledger.publish();
      let writable: boolean;
      try {
        writable = ch.publish(EXCHANGE, ROUTING_KEY, messageBody(o.seed, id), { persistent: true, mandatory: true, messageId: String(id) }, (err: unknown) => {
          if (err == null) {
            o.ledger.confirmed(id);
            tally.confirmed++;
          }
          settled();
        });
      } catch {
        break;
      }
      inflight++;
      tally.published++;
      if (!writable) await Promise.race([once(ch, 'drain').catch(() => undefined), c.closed]);
    }
  }
  await c.closed;
}

async function consumer(o: LoadOptions, tally: LoadTally): Promise<void> {
  const c = await open(o.amqpUrl);
  if (!c) return;
  try {
    const ch = await c.conn.createChannel();
    ch.on('error', () => undefined);
    await ch.prefetch(CONSUMER_PREFETCH);
    await ch.consume(QUEUE, (m: ConsumeMessage | null) => {
      if (!m) return;
      tally.delivered++;
      const body = checkBody(o.seed, m.content);
      if ('corrupt' in body) {
        tally.corrupt.push(body.corrupt);
        return;
      }
      const p = o.random();
      try {
        if (p < ACK_SHARE) {
          ch.ack(m);
          o.ledger.acked(body.id);
          tally.acked++;
        } else if (p < ACK_SHARE + REQUEUE_SHARE) {
          ch.nack(m, false, true);
          tally.requeued++;
        }
        // The rest stay unacked: the crash must bring them back, marked redelivered.
      } catch {
        // The channel closed under the kill; the message stays owed.
      }
    });
  } catch {
    // Killed while setting up.
  }
  await c.closed;
}

/** Runs publishers and the consumer until the broker dies; resolves with what they did. */
export async function runLoad(o: LoadOptions): Promise<LoadTally> {
  const tally: LoadTally = { published: 0, confirmed: 0, returned: 0, delivered: 0, acked: 0, requeued: 0, corrupt: [] };
  await Promise.all([consumer(o, tally), ...Array.from({ length: o.publishers }, () => publisher(o, tally))]);
  return tally;
}
